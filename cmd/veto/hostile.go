package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// hostileMix is the traffic of issue 11's attacker, sent beside the
// measured load by veto loadtest --hostile: names built to be expensive,
// the slowest real names, thresholds below the floor, a large batch whose
// client hangs up, free text of one name repeated, wrong passwords alone
// and in bursts that reach the password check, and HTTP methods no one
// uses, each request as written on the wire.
type hostileMix struct {
	addr string
	reqs []hostileReq
	// sent counts the hostile requests by kind and answer: "200", "429",
	// "error" …
	mu   sync.Mutex
	sent map[hostileAnswer]int
}

// hostileAnswer is a kind of hostile request and the answer it got.
type hostileAnswer struct{ what, status string }

type hostileReq struct {
	what string
	wire []byte
	// burst sends the request this many times at once, each on a
	// connection of its own (a login burst); abandon hangs up this long
	// after sending, without reading the answer (a client gone).
	burst   int
	abandon time.Duration
}

func newHostileMix(addr, key string, kinds []string) (*hostileMix, error) {
	auth := ""
	if key != "" {
		auth = "Authorization: Bearer " + key + "\r\n"
	}
	post := func(what, path, ctype string, body []byte) hostileReq {
		return hostileReq{what: what, wire: append(fmt.Appendf(nil, "POST %s HTTP/1.1\r\nHost: %s\r\nContent-Type: %s\r\n%sContent-Length: %d\r\n\r\n",
			path, addr, ctype, auth, len(body)), body...)}
	}
	js := func(v any) []byte { b, _ := json.Marshal(v); return b }
	var initials, pairs strings.Builder
	for i := 0; initials.Len() < 990; i++ {
		fmt.Fprintf(&initials, "%c. ", 'A'+i%26)
	}
	for i := 0; pairs.Len() < 990; i++ {
		fmt.Fprintf(&pairs, "%c%c ", 'a'+i%26, 'a'+(i*7)%26)
	}
	repeated := strings.Repeat("a ", 495)
	common := strings.Repeat("muhammad ali bank trading company limited ", 23)
	batch := make([]map[string]any, 0, 100)
	for i := range 100 {
		batch = append(batch, map[string]any{"name": []string{initials.String(), pairs.String(), repeated, common}[i%4]})
	}
	// The slowest real names are of one common word repeated (issue 12).
	realSlow := make([]map[string]any, 0, 100)
	for i := range 100 {
		realSlow = append(realSlow, map[string]any{"name": []string{"محمد المحمد", "محمد محمد", "Abraham ben Abraham", "Muhammad Muhammad"}[i%4]})
	}
	abandoned := make([]map[string]any, 0, 1000)
	for i := range 1000 {
		abandoned = append(abandoned, batch[i%len(batch)])
	}
	// The sign-in form's token is a double submit: any value sent as both
	// the cookie and the field passes, so that the attempts reach the
	// password check.
	login := func(what, name string, burst int) hostileReq {
		body := "csrf=hostile&name=" + name + "&password=wrong-" + strconv.Itoa(rand.IntN(1e9))
		return hostileReq{what: what, burst: burst, wire: fmt.Appendf(nil, "POST /ui/login HTTP/1.1\r\nHost: %s\r\nCookie: veto_login_csrf=hostile\r\n"+
			"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n%s", addr, len(body), body)}
	}
	m := &hostileMix{addr: addr, sent: map[hostileAnswer]int{}}
	m.reqs = []hostileReq{
		post("initials", "/v1/screen", "application/json", js(map[string]any{"name": initials.String(), "threshold": 0.1, "limit": 100})),
		post("one letter", "/v1/screen", "application/json", js(map[string]any{"name": repeated, "threshold": 0.1, "limit": 100})),
		post("pairs of letters", "/v1/screen", "application/json", js(map[string]any{"name": pairs.String(), "threshold": 0.1, "limit": 100})),
		post("common words", "/v1/screen", "application/json", js(map[string]any{"name": common, "threshold": 0.1, "limit": 100})),
		post("batch of 100", "/v1/screen", "application/json", js(map[string]any{"queries": batch, "threshold": 0.1, "limit": 100})),
		post("repeated common names", "/v1/screen", "application/json", js(map[string]any{"queries": realSlow})),
		post("threshold 1e-9", "/v1/screen", "application/json", js(map[string]any{"name": "muhammad ali", "threshold": 1e-9, "limit": 100})),
		post("match", "/match/sanctions?cutoff=0.01&limit=100", "application/json", js(map[string]any{"queries": map[string]any{
			"a": map[string]any{"schema": "Thing", "properties": map[string]any{"name": []string{initials.String()}}},
			"b": map[string]any{"schema": "Thing", "properties": map[string]any{"name": []string{pairs.String()}}}}})),
		post("text", "/v1/text", "text/plain", []byte(strings.Repeat("Sergei Lavrov, ", 20000))),
		login("login", "admin", 1),
		login("login burst of 32", "admin", 32),
		login("login, long name", strings.Repeat("x", 30000), 1),
	}
	gone := post("batch of 1000, abandoned", "/v1/screen", "application/json", js(map[string]any{"queries": abandoned, "threshold": 0.1, "limit": 100}))
	gone.abandon = 100 * time.Millisecond
	m.reqs = append(m.reqs, gone)
	junk := make([]byte, 30000)
	for i := range junk {
		junk[i] = 'A' + byte(rand.IntN(26))
	}
	m.reqs = append(m.reqs, hostileReq{what: "junk method", wire: fmt.Appendf(nil, "%s /nowhere HTTP/1.1\r\nHost: %s\r\nContent-Length: 0\r\n\r\n", junk, addr)})
	if len(kinds) == 0 {
		return m, nil
	}
	var known []string
	keep := m.reqs[:0]
	for _, r := range m.reqs {
		known = append(known, r.what)
		if slices.Contains(kinds, r.what) {
			keep = append(keep, r)
		}
	}
	for _, k := range kinds {
		if !slices.Contains(known, k) {
			return nil, fmt.Errorf("--hostile-kinds: no kind %q; the kinds are %s", k, strings.Join(known, ", "))
		}
	}
	m.reqs = keep
	return m, nil
}

// run sends the mix with n clients until ctx is done.
func (m *hostileMix) run(ctx context.Context, n int) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	var next atomic.Uint64
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				r := m.reqs[next.Add(1)%uint64(len(m.reqs))]
				var burst sync.WaitGroup
				for range max(r.burst, 1) {
					burst.Go(func() { m.count(r.what, m.send(ctx, r)) })
				}
				burst.Wait()
			}
		}()
	}
	return func() { cancel(); wg.Wait() }
}

// send sends one request on a connection of its own (an attacker does
// not keep connections alive for the server's sake) and returns the
// answer's status, or "error".
func (m *hostileMix) send(ctx context.Context, r hostileReq) string {
	d := net.Dialer{Timeout: 5 * time.Second}
	c, err := d.DialContext(ctx, "tcp", m.addr)
	if err != nil {
		return "error"
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(30 * time.Second))
	go func() { <-ctx.Done(); c.SetDeadline(time.Now()) }()
	if _, err := c.Write(r.wire); err != nil {
		return "error"
	}
	if r.abandon > 0 {
		select {
		case <-time.After(r.abandon):
		case <-ctx.Done():
		}
		return "abandoned"
	}
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		return "error"
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return strconv.Itoa(resp.StatusCode)
}

func (m *hostileMix) count(what, status string) {
	m.mu.Lock()
	m.sent[hostileAnswer{what, status}]++
	m.mu.Unlock()
}

// summary lists what was sent and answered.
func (m *hostileMix) summary() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	var parts []string
	for _, r := range m.reqs {
		var got []string
		for k, v := range m.sent {
			if k.what == r.what {
				got = append(got, fmt.Sprintf("%s×%d", k.status, v))
			}
		}
		slices.Sort(got)
		parts = append(parts, fmt.Sprintf("%s: %s", r.what, strings.Join(got, " ")))
	}
	return strings.Join(parts, "; ")
}

// serverMetric reads a metric without labels from the server's
// /metrics: process_resident_memory_bytes, process_cpu_seconds_total.
func serverMetric(ctx context.Context, client *http.Client, base, key, name string) (float64, error) {
	req, _ := http.NewRequestWithContext(ctx, "GET", base+"/metrics", nil)
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), name+" "); ok {
			return strconv.ParseFloat(v, 64)
		}
	}
	return 0, fmt.Errorf("%s/metrics: no %s (%s)", base, name, resp.Status)
}
