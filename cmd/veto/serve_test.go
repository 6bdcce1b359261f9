package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/screen"
)

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// serve starts `veto serve` in-process on a random port and returns its
// URL, a function that stops it (as SIGTERM does) and returns its exit
// status, and its log.
func serve(t *testing.T, db string, args ...string) (url string, stop func() int, log *lockedBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	stdout, stderr := &lockedBuffer{}, &lockedBuffer{}
	code := make(chan int, 1)
	all := append([]string{"--db", db, "serve", "--addr", "127.0.0.1:0", "--refresh-every", "0", "--mirror", "http://127.0.0.1:1"}, args...)
	go func() { code <- run(ctx, all, strings.NewReader(""), stdout, stderr) }()
	deadline := time.Now().Add(90 * time.Second)
	for {
		if m := listening.FindStringSubmatch(stdout.String()); m != nil {
			url = m[1]
			break
		}
		select {
		case c := <-code:
			t.Fatalf("veto serve exited %d:\n%s", c, stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("veto serve did not start:\n%s", stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	stopped := false
	stop = func() int {
		if stopped {
			return 0
		}
		stopped = true
		cancel()
		select {
		case c := <-code:
			return c
		case <-time.After(30 * time.Second):
			t.Fatal("veto serve did not stop")
			return -1
		}
	}
	t.Cleanup(func() { stop() })
	return url, stop, stderr
}

func get(t *testing.T, url, key string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, body
}

// TestServeFirstStart is the README's first run: an empty store, no
// internet. veto serves the demo dataset, says so, and creates an admin
// key in a file only its owner can read.
func TestServeFirstStart(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "veto.db")
	url, stop, log := serve(t, db)

	keyFile := filepath.Join(dir, "admin.key")
	fi, err := os.Stat(keyFile)
	if err != nil {
		t.Fatalf("no admin key file: %v", err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("admin key file mode %v, want 0600", fi.Mode().Perm())
	}
	data, _ := os.ReadFile(keyFile)
	admin := strings.TrimSpace(string(data))
	if strings.Contains(log.String(), admin) {
		t.Error("the log holds the admin key")
	}

	resp, body := get(t, url+"/readyz", "")
	if resp.StatusCode != 200 || resp.Header.Get("Veto-Data") != "demo" {
		t.Fatalf("readyz: %d %s %s", resp.StatusCode, resp.Header.Get("Veto-Data"), body)
	}
	if !strings.Contains(log.String(), "SERVING THE DEMO DATASET") {
		t.Error("the log does not say the demo dataset is served")
	}
	if resp, _ := get(t, url+"/v1/lists", ""); resp.StatusCode != 401 {
		t.Errorf("no key: %d", resp.StatusCode)
	}
	resp, body = get(t, url+"/v1/search?q=lavrov", admin)
	if resp.StatusCode != 200 || !strings.Contains(string(body), "LAVROV") {
		t.Errorf("demo search: %d %s", resp.StatusCode, body)
	}

	// A key made with `veto keys create` works on the running server;
	// `veto keys list` shows it without its secret.
	out := mustCLI(t, db, "keys", "create", "onboarding", "--role", "screen")
	key := strings.TrimSpace(out)
	if resp, body := get(t, url+"/v1/lists", key); resp.StatusCode != 200 {
		t.Errorf("new key: %d %s", resp.StatusCode, body)
	}
	if resp, _ := get(t, url+"/v1/lists/un-sc/diff", key); resp.StatusCode != 403 {
		t.Errorf("screen key on an analyst route: %d", resp.StatusCode)
	}
	list := mustCLI(t, db, "keys", "list")
	id := key[len("veto_") : len("veto_")+12]
	if !strings.Contains(list, id) || !strings.Contains(list, "onboarding") || strings.Contains(list, key) {
		t.Errorf("keys list:\n%s", list)
	}
	mustCLI(t, db, "keys", "revoke", id)
	if !strings.Contains(mustCLI(t, db, "keys", "list"), "revoked") {
		t.Error("revoked key not shown as revoked")
	}
	if _, _, code := cli(t, db, "keys", "revoke", "nosuchkey"); code == 0 {
		t.Error("revoking an unknown key succeeded")
	}
	if code := stop(); code != 0 {
		t.Errorf("exit %d", code)
	}
	// A second start finds the key and creates no other.
	_, stop, _ = serve(t, db)
	stop()
	var keys []map[string]any
	if err := json.Unmarshal([]byte(mustCLI(t, db, "keys", "list", "--json")), &keys); err != nil || len(keys) != 2 {
		t.Errorf("keys after a restart: %v %v", keys, err)
	}
}

// TestServeGracefulShutdown stops the server while a request is being
// sent: the request is finished and answered before veto exits.
func TestServeGracefulShutdown(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "veto.db")
	url, stop, _ := serve(t, db, "--no-auth")
	conn, err := net.Dial("tcp", strings.TrimPrefix(url, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	body := `{"name":"Sergei Lavrov"}`
	fmt.Fprintf(conn, "POST /v1/screen HTTP/1.1\r\nHost: veto\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", len(body), body[:10])
	time.Sleep(100 * time.Millisecond) // the server has read the headers: the request is in flight
	exited := make(chan int, 1)
	go func() { exited <- stop() }()
	time.Sleep(300 * time.Millisecond)
	select {
	case c := <-exited:
		t.Fatalf("veto exited (%d) with a request in flight", c)
	default:
	}
	fmt.Fprint(conn, body[10:])
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("the request in flight got no answer: %v", err)
	}
	data, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || !strings.Contains(string(data), "LAVROV") {
		t.Errorf("request in flight: %d %s", resp.StatusCode, data)
	}
	if c := <-exited; c != 0 {
		t.Errorf("exit %d", c)
	}
	// New connections are refused once it is down.
	if _, err := net.DialTimeout("tcp", strings.TrimPrefix(url, "http://"), time.Second); err == nil {
		t.Error("still accepting connections after shutdown")
	}
	// On shutdown veto checkpointed the audit trail's head, the answered
	// screening's summary included, with a key it made on first start.
	if fi, err := os.Stat(filepath.Join(dir, "audit.key")); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("audit key file: %v; want one of mode 0600", err)
	}
	v := decode[struct {
		OK             bool
		Entries        int64
		LastCheckpoint *entity.AuditCheckpoint
	}](t, mustCLI(t, db, "audit", "verify", "--json"))
	if !v.OK || v.Entries == 0 || v.LastCheckpoint == nil || v.LastCheckpoint.Seq != v.Entries {
		t.Errorf("audit verify after shutdown: %+v; want a checkpoint of the last entry", v)
	}
	es := decode[entity.AuditEntry](t, lastLine(mustCLI(t, db, "audit", "export")))
	if es.Action != "screen" {
		t.Errorf("the last entry is %s, want the answered screening's", es.Action)
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

func TestServeEnvironment(t *testing.T) {
	db := filepath.Join(t.TempDir(), "veto.db")
	t.Setenv("VETO_MAX_BATCH", "lots")
	_, stderr, code := cli(t, db, "serve")
	if code != exitUsage || !strings.Contains(stderr, "VETO_MAX_BATCH") {
		t.Errorf("bad VETO_MAX_BATCH: exit %d, %s", code, stderr)
	}
	t.Setenv("VETO_MAX_BATCH", "")
	t.Setenv("VETO_REGIMES", "un,mars")
	_, stderr, code = cli(t, db, "serve")
	if code != exitUsage || !strings.Contains(stderr, "mars") {
		t.Errorf("bad VETO_REGIMES: exit %d, %s", code, stderr)
	}
	// A flag wins over the environment.
	t.Setenv("VETO_REGIMES", "mars")
	url, stop, _ := serve(t, db, "--regimes", "eu", "--no-auth")
	resp, body := get(t, url+"/healthz", "")
	if resp.StatusCode != 200 {
		t.Errorf("healthz %d %s", resp.StatusCode, body)
	}
	stop()
	// The environment sets what the flags do not.
	t.Setenv("VETO_REGIMES", "eu")
	t.Setenv("VETO_NO_AUTH", "true")
	url, stop, _ = serve(t, db)
	defer stop()
	req, _ := http.NewRequest("POST", url+"/v1/screen", strings.NewReader(`{"name":"Sergei Lavrov"}`))
	req.Header.Set("Content-Type", "application/json")
	r, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Body.Close()
	var res struct {
		Hits  []screen.Hit
		Scope []string
	}
	json.NewDecoder(r.Body).Decode(&res)
	if r.StatusCode != 200 || len(res.Scope) != 1 || res.Scope[0] != "eu" || len(res.Hits) == 0 {
		t.Fatalf("VETO_REGIMES=eu VETO_NO_AUTH=true: %d %+v", r.StatusCode, res)
	}
	// Only listings of the EU's matched; a subject says every regime
	// that lists it.
	for _, h := range res.Hits {
		matched := []screen.Listing{{Regimes: h.Regimes}}
		if h.Matched != nil {
			matched = h.Matched
		}
		for _, m := range matched {
			if len(m.Regimes) != 1 || m.Regimes[0] != "eu" {
				t.Errorf("a listing of regimes %v matched with VETO_REGIMES=eu", m.Regimes)
			}
		}
	}
}

// TestLoadtest runs the load generator briefly against a running server
// and checks what it reports.
func TestLoadtest(t *testing.T) {
	dir := t.TempDir()
	url, _, _ := serve(t, filepath.Join(dir, "veto.db"), "--no-auth")
	queries := filepath.Join(dir, "q.jsonl")
	var lines []string
	for _, n := range []string{"Sergei Lavrov", "Bashar Assad", "Jane Doe", "Islamic Revolutionary Guard Corps"} {
		lines = append(lines, fmt.Sprintf(`{"query":{"name":%q},"expect":[],"kind":"exact","split":"test"}`, n))
	}
	if err := os.WriteFile(queries, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := mustCLI(t, filepath.Join(dir, "unused.db"), "loadtest", "--url", url, "--queries", queries, "--duration", "300ms", "--rounds", "1", "--json")
	var reps []LoadReport
	if err := json.Unmarshal([]byte(out), &reps); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if len(reps) != 2 || reps[0].Endpoint != "POST /v1/screen" || reps[1].Endpoint != "POST /match/sanctions" {
		t.Fatalf("reports %+v", reps)
	}
	for _, r := range reps {
		s := r.Saturated
		if r.Capacity <= 0 || s.Errors != 0 || s.Requests == 0 || !(s.P50 <= s.P99 && s.P99 <= s.Max) || len(r.Runs) != 2 || s.ServerCPU <= 0 {
			t.Errorf("%s: %+v", r.Endpoint, r)
		}
		for _, p := range r.Runs {
			if p.Errors != 0 || p.Requests == 0 || p.Target != r.Capacity*p.Share {
				t.Errorf("%s at %.0f%%: %+v", r.Endpoint, p.Share*100, p)
			}
		}
	}
	// A server that refuses the requests is an error, not a report.
	if _, stderr, code := cli(t, filepath.Join(dir, "unused.db"), "loadtest", "--url", url+"/nope", "--queries", queries, "--duration", "100ms"); code == 0 {
		t.Errorf("loadtest against a wrong URL succeeded: %s", stderr)
	}
}
