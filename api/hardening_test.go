package api

import (
	"bufio"
	"context"
	"crypto/rand"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/entity"
)

// randomWord is n random capital letters: a valid HTTP method token.
func randomWord(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	for i := range b {
		b[i] = 'A' + b[i]%26
	}
	return string(b)
}

// rawRequest sends a request line as written, with no client checks, and
// reads the status line.
func rawRequest(t *testing.T, addr, method, path string) string {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprintf(c, "%s %s HTTP/1.1\r\nHost: veto\r\nUser-Agent: %s\r\nConnection: close\r\n\r\n", method, path, randomWord(20<<10))
	status, err := bufio.NewReader(c).ReadString('\n')
	if err != nil {
		t.Fatalf("%.20s… %.40s: %v", method, path, err)
	}
	return status
}

var requestSeries = regexp.MustCompile(`(?m)^veto_http_request[a-z_]*\{[^\n]*$`)

// Requests with made-up methods and paths add no metric series: the
// labels are a fixed set, so a stranger cannot grow /metrics (or the
// server's memory) at will. Nor do they grow the log past a line's
// bound.
func TestMetricsLabelsFixed(t *testing.T) {
	ts := startServer(t, serverOptions{})
	addr := strings.TrimPrefix(ts.URL, "http://")
	series := func() []string {
		r := ts.do("GET", "/metrics", "", nil)
		return requestSeries.FindAllString(string(r.Body), -1)
	}
	junk := func(n int) {
		for i := range n {
			method := randomWord(10 + i)
			if i == 0 {
				method = randomWord(30 << 10)
			}
			rawRequest(t, addr, method, "/nowhere/"+randomWord(100))
			rawRequest(t, addr, "GET", "/v1/"+randomWord(2<<10))
		}
	}
	junk(5)
	series() // the scrape's own series
	before := series()
	junk(10)
	after := series()
	if len(after) != len(before) {
		t.Errorf("10 requests with new methods and paths grew the request series from %d to %d", len(before), len(after))
	}
	method := regexp.MustCompile(`method="([^"]*)"`)
	for _, s := range after {
		if m := method.FindStringSubmatch(s); m != nil && !strings.Contains("GET HEAD POST PUT PATCH DELETE OPTIONS other", m[1]) {
			t.Errorf("a series labelled with the method %.40q", m[1])
		}
		if len(s) > 300 {
			t.Errorf("a series of %d bytes: %.100s…", len(s), s)
		}
	}
	for line := range strings.SplitSeq(ts.Log.String(), "\n") {
		if len(line) > 4<<10 {
			t.Errorf("a log line of %d bytes: %.200s…", len(line), line)
		}
	}
}

// A type error in a request body names the JSON field the client sent,
// with JSON's words for types, not Go's.
func TestJSONErrorsNameFields(t *testing.T) {
	ts := startServer(t, serverOptions{})
	for _, tc := range []struct {
		path, body string
		want       string
	}{
		{"/v1/screen", `{"name":"x","limit":"ten"}`, "limit: want a whole number, got a string"},
		{"/v1/screen", `{"name":"x","config":{"threshold":"high"}}`, "config.threshold: want a number, got a string"},
		{"/v1/screen", `{"name":"x","threshold":true}`, "threshold: want a number, got a boolean"},
		{"/v1/screen", `{"name":"x","regimes":"us"}`, "regimes: want an array, got a string"},
		{"/v1/screen", `{"queries":[{"name":"x"},{"name":7}]}`, "queries[].name: want a string, got a number"},
		{"/v1/screen", `{"name":"x","explain":"yes"}`, "explain: want a boolean, got a string"},
		{"/v1/screen", `[1]`, "the body: want an object, got an array"},
	} {
		r := ts.do("POST", tc.path, entity.RoleScreen, tc.body)
		code, msg := r.errorBody(t)
		if r.Status != http.StatusBadRequest || code != CodeInvalid || msg != tc.want {
			t.Errorf("%s %s: %d %s %q, want 400 %q", tc.path, tc.body, r.Status, code, msg, tc.want)
		}
	}
}

// A request whose client went away before the answer is logged as that,
// not as a server error.
func TestClientGoneNotAnError(t *testing.T) {
	ts := startServer(t, serverOptions{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequestWithContext(ctx, "GET", "/v1/lists", nil)
	req.Header.Set("Authorization", "Bearer "+ts.Keys[entity.RoleScreen])
	ts.srv.Handler.ServeHTTP(httptest.NewRecorder(), req)
	log := ts.Log.String()
	if strings.Contains(log, `"level":"ERROR"`) || strings.Contains(log, `"status":500`) {
		t.Errorf("a client gone is logged as a server error:\n%s", log)
	}
	if !strings.Contains(log, `"msg":"client gone"`) || !strings.Contains(log, `"status":499`) {
		t.Errorf("a client gone is not logged as such (status 499):\n%s", log)
	}
}
