package refresh_test

import (
	"context"
	"errors"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vetoscreen/veto/refresh"
	"github.com/vetoscreen/veto/source"
	"github.com/vetoscreen/veto/source/un"
)

// countingTransport counts the requests sent.
type countingTransport struct{ n atomic.Int32 }

func (c *countingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return http.DefaultTransport.RoundTrip(req)
}

// A server that cannot be reached at all (a name that does not resolve,
// a port nobody listens on) is not retried: offline, every list fails at
// once with ErrUnreachable instead of backing off for minutes.
func TestUpdateUnreachableIsNotRetried(t *testing.T) {
	for _, mirror := range []string{
		"http://lists.veto-test.invalid/lists", // .invalid never resolves (RFC 6761)
		"http://127.0.0.1:1/lists",             // connection refused
	} {
		r, _ := newRefresher(t)
		tr := &countingTransport{}
		r.Client = &http.Client{Transport: tr}
		r.Config.Mirror = mirror
		r.Config.Attempts = 4
		r.Config.Backoff = time.Hour // a retry would outlast the context
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		out, err := r.Update(ctx, []*source.Publisher{&un.Publisher}, nil)
		cancel()
		if err != nil || len(out) != 1 || !errors.Is(out[0].Err, refresh.ErrUnreachable) {
			t.Errorf("%s: %v %+v, want ErrUnreachable", mirror, err, out)
		}
		if n := tr.n.Load(); n != 1 {
			t.Errorf("%s: %d requests, want 1 (no retry)", mirror, n)
		}
	}
}
