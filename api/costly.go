package api

import (
	"net"
	"net/http"
	"sync"

	"github.com/vetoscreen/veto/screen"
)

// costlyClients counts each client's costly requests in flight: those
// asking, up front, for more than a single query of the default shape
// does (a batch, a threshold below the default or a limit above it, a
// text). The Pacer shares the cores between all clients' costly work;
// this keeps one client from holding all of it, or from turning the
// allowances of many requests sent at once into cores.
type costlyClients struct {
	max int
	mu  sync.Mutex
	n   map[string]int
}

// admitCostly takes one of the client's costly slots for a request that
// a describes, and returns the function that gives it back; a request
// that is not costly takes none. A client that holds Config.MaxCostly
// already is refused busy, before any work, with the Retry-After of the
// costly work queued (at least a second).
func (s *Server) admitCostly(r *http.Request, a *screen.Allowance) (release func(), err error) {
	c := &s.costly
	if !a.Costly() {
		return func() {}, nil
	}
	who := clientOf(r)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n[who] >= c.max {
		return nil, &Error{Code: CodeBusy, Err: a.Overload(),
			Message: "this client already has the most costly requests (batches, low thresholds, high limits, texts) running at once: wait for one to end, or use a batch job"}
	}
	if c.n == nil {
		c.n = map[string]int{}
	}
	c.n[who]++
	return func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.n[who]--; c.n[who] == 0 {
			delete(c.n, who) // the map holds the clients with requests in flight only
		}
	}, nil
}

// clientOf names the client of a request: its API key, else its remote
// address (without the port, which changes from connection to
// connection).
func clientOf(r *http.Request) string {
	if k := info(r).key; k != "" {
		return "key " + k
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	return "address " + host
}
