package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vetoscreen/veto/apikey"
	"github.com/vetoscreen/veto/audit"
	"github.com/vetoscreen/veto/batch/jobs"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/monitor"
	"github.com/vetoscreen/veto/refresh"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/source/all"
	"github.com/vetoscreen/veto/store"
	"github.com/vetoscreen/veto/store/postgres/pgtest"
	"github.com/vetoscreen/veto/store/sqlite"
)

// The tests run the real server on a random loopback port, on a real
// SQLite file holding the parsers' test fixtures in the official formats:
// un-sc (4 entities), ofac-sdn (3), eu-fsf (3). Sergey Lavrov is on both
// ofac-sdn and eu-fsf.

// fixtures are the list files imported, by publisher.
var fixtures = map[string]string{
	"un":   "../source/un/testdata/consolidated.xml",
	"ofac": "../source/ofac/testdata/sdn.xml",
	"eu":   "../source/eu/testdata/eu_fsf.xml",
}

// testServer is a running veto API.
type testServer struct {
	t       *testing.T
	URL     string
	Store   store.Store
	Keeper  *screen.Keeper
	Monitor *monitor.Monitor
	Audit   *audit.Log
	// Jobs is the queue of batch jobs, when serverOptions.jobs asked for
	// one.
	Jobs *jobs.Queue
	// Keys are full API keys by role.
	Keys map[string]string
	// Log holds everything the server logged.
	Log *syncBuffer
	srv *http.Server
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

type serverOptions struct {
	cfg Config
	// jobs, if set, serves batch jobs from a queue with this config (in
	// a temporary folder when it names none).
	jobs    *jobs.Config
	empty   bool // import no fixtures
	demo    func(context.Context) ([]store.NewVersion, error)
	refresh func(context.Context) error
	store   store.Store
	// notify, if set, receives monitoring's events.
	notify func(event string, payload any)
	// pacer, if set, paces the server's screenings and scans.
	pacer *screen.Pacer
}

// importFixtures stores the fixture lists.
func importFixtures(t testing.TB, st store.Store) {
	t.Helper()
	r := &refresh.Refresher{Store: st, Config: refresh.DefaultConfig()}
	for _, name := range []string{"un", "ofac", "eu"} {
		pub, err := all.Publisher(name)
		if err != nil {
			t.Fatal(err)
		}
		outs, err := r.Import(context.Background(), pub, []string{fixtures[name]})
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range outs {
			if o.Err != nil {
				t.Fatalf("import %s: %v", name, o.Err)
			}
		}
	}
}

func startServer(t *testing.T, o serverOptions) *testServer {
	t.Helper()
	ctx := context.Background()
	st := o.store
	if st == nil {
		db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "veto.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		st = db
	}
	if !o.empty {
		importFixtures(t, st)
	}
	logs := &syncBuffer{}
	log := slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	k := &screen.Keeper{Screener: screen.New(nil), Store: st, Config: match.DefaultConfig(), Demo: o.demo, Refresh: o.refresh, Logger: log}
	k.Screener.SetPacer(o.pacer)
	if err := k.Start(ctx); err != nil {
		t.Fatal(err)
	}
	ts := &testServer{t: t, Store: st, Keeper: k, Keys: map[string]string{}, Log: logs}
	for _, role := range []string{entity.RoleScreen, entity.RoleAnalyst, entity.RoleAdmin} {
		key, full, err := apikey.New("test-"+role, role, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		if err := st.CreateKey(ctx, key, entity.AuditEntry{}); err != nil {
			t.Fatal(err)
		}
		ts.Keys[role] = full
	}
	cfg := o.cfg
	if cfg.MaxBody == 0 {
		cfg = DefaultConfig()
	}
	cfg.KeyCacheTTL = time.Nanosecond // see revocations at once
	ts.Monitor = &monitor.Monitor{Store: st, Logger: log, Notify: o.notify, Snapshot: k.Snapshot}
	ts.Audit = audit.NewLog(st, log, nil)
	t.Cleanup(ts.Audit.Close)
	opts := []Option{WithMonitor(ts.Monitor), WithAudit(ts.Audit)}
	if o.jobs != nil {
		if o.jobs.Dir == "" {
			o.jobs.Dir = t.TempDir()
		}
		ts.Jobs = ts.openJobs(*o.jobs, nil)
		opts = append(opts, WithJobs(ts.Jobs))
	}
	s := New(cfg, k, st, NewMetrics(k), log, opts...)
	ts.srv = s.HTTPServer("127.0.0.1:0")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ts.URL = "http://" + ln.Addr().String()
	go ts.srv.Serve(ln)
	t.Cleanup(func() { ts.srv.Close() })
	return ts
}

// openJobs opens a queue of batch jobs on the server's snapshot and
// audit trail, closed when the test ends; now may be nil (time.Now).
func (ts *testServer) openJobs(cfg jobs.Config, now func() time.Time) *jobs.Queue {
	ts.t.Helper()
	q, err := jobs.Open(cfg, jobs.Deps{Snapshot: ts.Keeper.Snapshot, AsOf: ts.Keeper.AsOf, Audit: ts.Audit, Now: now})
	if err != nil {
		ts.t.Fatal(err)
	}
	ts.t.Cleanup(q.Close)
	return q
}

// response is a decoded response.
type response struct {
	Status int
	Header http.Header
	Body   []byte
}

func (r response) json(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(r.Body, v); err != nil {
		t.Fatalf("decode %s: %v", r.Body, err)
	}
}

// errorCode returns the code of a JSON error body, failing the test if
// the body is not one.
func (r response) errorCode(t *testing.T) string {
	t.Helper()
	code, _ := r.errorBody(t)
	return code
}

// errorBody returns the code and message of a JSON error body; a yente
// route's error ({"detail": ...}) has no code, and its detail, or its
// validation errors joined, as message.
func (r response) errorBody(t *testing.T) (code, message string) {
	t.Helper()
	var body struct {
		Error  struct{ Code, Message string }
		Detail json.RawMessage
	}
	if err := json.Unmarshal(r.Body, &body); err == nil && len(body.Detail) > 0 {
		var detail string
		if json.Unmarshal(body.Detail, &detail) == nil && detail != "" {
			return "", detail
		}
		var errs []validationError
		if json.Unmarshal(body.Detail, &errs) == nil && len(errs) > 0 && r.Status == 422 {
			var msgs []string
			for _, e := range errs {
				msgs = append(msgs, e.Error())
			}
			return "", strings.Join(msgs, "; ")
		}
	}
	if err := json.Unmarshal(r.Body, &body); err != nil || body.Error.Code == "" || body.Error.Message == "" {
		t.Fatalf("status %d: want a JSON error body with code and message, got %q", r.Status, r.Body)
	}
	return body.Error.Code, body.Error.Message
}

// do sends a request with the role's key ("" for none).
func (ts *testServer) do(method, path, role string, body any) response {
	ts.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	case []byte:
		rd = bytes.NewReader(b)
	default:
		data, err := json.Marshal(b)
		if err != nil {
			ts.t.Fatal(err)
		}
		rd = bytes.NewReader(data)
	}
	req, err := http.NewRequest(method, ts.URL+path, rd)
	if err != nil {
		ts.t.Fatal(err)
	}
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if role != "" {
		req.Header.Set("Authorization", "Bearer "+ts.Keys[role])
	}
	return ts.send(req)
}

func (ts *testServer) send(req *http.Request) response {
	ts.t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		ts.t.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		ts.t.Fatal(err)
	}
	return response{Status: resp.StatusCode, Header: resp.Header, Body: data}
}

func TestAuth(t *testing.T) {
	ts := startServer(t, serverOptions{})
	screenKey := ts.Keys[entity.RoleScreen]
	id := apikey.ID(screenKey)
	withHeader := func(name, value string) response {
		req, _ := http.NewRequest("GET", ts.URL+"/v1/lists", nil)
		if name != "" {
			req.Header.Set(name, value)
		}
		return ts.send(req)
	}
	for _, tc := range []struct {
		name, header, value string
		status              int
	}{
		{"no key", "", "", 401},
		{"bearer", "Authorization", "Bearer " + screenKey, 200},
		{"yente's ApiKey scheme", "Authorization", "ApiKey " + screenKey, 200},
		{"X-API-Key", "X-API-Key", screenKey, 200},
		{"basic auth is not a key", "Authorization", "Basic dXNlcjpwYXNz", 401},
		{"malformed", "Authorization", "Bearer not-a-veto-key", 401},
		{"wrong secret", "Authorization", "Bearer veto_" + id + "_" + strings.Repeat("0", 64), 401},
		{"unknown id", "Authorization", "Bearer veto_000000000000_" + strings.Repeat("0", 64), 401},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := withHeader(tc.header, tc.value)
			if r.Status != tc.status {
				t.Fatalf("status %d, want %d: %s", r.Status, tc.status, r.Body)
			}
			if tc.status == 401 && r.errorCode(t) != CodeUnauthorized {
				t.Errorf("code %s", r.errorCode(t))
			}
		})
	}

	// Roles: analyst routes refuse a screen key, admin routes an analyst's.
	for _, tc := range []struct {
		method, path, role string
		status             int
	}{
		{"GET", "/v1/lists/un-sc/diff", entity.RoleScreen, 403},
		{"GET", "/v1/lists/un-sc/diff", entity.RoleAnalyst, 200},
		{"GET", "/v1/lists/un-sc/diff", entity.RoleAdmin, 200},
		{"POST", "/v1/admin/refresh", entity.RoleAnalyst, 403},
		{"GET", "/healthz", "", 200},
		{"GET", "/metrics", "", 200},
		{"GET", "/openapi.json", "", 200},
	} {
		r := ts.do(tc.method, tc.path, tc.role, nil)
		if r.Status != tc.status {
			t.Errorf("%s %s as %q: status %d, want %d: %s", tc.method, tc.path, tc.role, r.Status, tc.status, r.Body)
		}
		if tc.status == 403 && r.errorCode(t) != CodeForbidden {
			t.Errorf("%s %s: code %s", tc.method, tc.path, r.errorCode(t))
		}
	}

	// A revoked key stops working.
	if err := ts.Store.RevokeKey(context.Background(), id, time.Now(), entity.AuditEntry{}); err != nil {
		t.Fatal(err)
	}
	if r := withHeader("Authorization", "Bearer "+screenKey); r.Status != 401 || !strings.Contains(string(r.Body), "revoked") {
		t.Errorf("revoked key: status %d %s", r.Status, r.Body)
	}

	// The log names key IDs and never holds a key.
	logs := ts.Log.String()
	for role, full := range ts.Keys {
		secret := full[strings.LastIndexByte(full, '_')+1:]
		if strings.Contains(logs, secret) {
			t.Errorf("the log holds the %s key's secret", role)
		}
	}
	if !strings.Contains(logs, `"key":"`+id+`"`) {
		t.Errorf("the log does not name key %s", id)
	}
}

func TestNoAuth(t *testing.T) {
	cfg := DefaultConfig()
	cfg.NoAuth = true
	ts := startServer(t, serverOptions{cfg: cfg})
	if r := ts.do("POST", "/v1/screen", "", map[string]any{"name": "Sergei Lavrov"}); r.Status != 200 {
		t.Errorf("status %d: %s", r.Status, r.Body)
	}
}

func TestReadyAndHealth(t *testing.T) {
	// An empty store with no demo and no way to refresh: up but not
	// ready.
	ts := startServer(t, serverOptions{empty: true, refresh: func(context.Context) error { return errors.New("offline") }})
	if r := ts.do("GET", "/healthz", "", nil); r.Status != 200 {
		t.Errorf("healthz: %d", r.Status)
	}
	r := ts.do("GET", "/readyz", "", nil)
	if r.Status != 503 || r.errorCode(t) != CodeNotReady {
		t.Errorf("readyz before any list: %d %s", r.Status, r.Body)
	}
	if r := ts.do("POST", "/v1/screen", entity.RoleScreen, map[string]any{"name": "Sergei Lavrov"}); r.Status != 503 {
		t.Errorf("screen before any list: %d %s", r.Status, r.Body)
	}
	if got := r.Header.Get("Veto-Data"); got != "none" {
		t.Errorf("Veto-Data %q, want none", got)
	}
	// Lists are stored (by veto import, say): a reload makes it ready.
	importFixtures(t, ts.Store)
	if err := ts.Keeper.Reload(context.Background(), false); err != nil {
		t.Fatal(err)
	}
	r = ts.do("GET", "/readyz", "", nil)
	var rd readiness
	r.json(t, &rd)
	if r.Status != 200 || rd.Data != screen.DataLive || rd.Entities != 10 || rd.Lists != 3 {
		t.Errorf("readyz after import: %d %s", r.Status, r.Body)
	}
	if got := r.Header.Get("Veto-Data"); got != "live" {
		t.Errorf("Veto-Data %q, want live", got)
	}
}

func TestDemoData(t *testing.T) {
	demo := func(context.Context) ([]store.NewVersion, error) {
		e := &entity.Entity{ID: "un-QDi.999", Schema: entity.Person, List: "un-sc",
			Names: []entity.Name{{Full: "Demo Person Example", Kind: entity.Primary}}, Raw: entity.Raw{Format: "un-xml", Text: "<INDIVIDUAL/>"}}
		return []store.NewVersion{{Version: entity.ListVersion{List: "un-sc", Publisher: "un"}, Entities: []*entity.Entity{e}}}, nil
	}
	ts := startServer(t, serverOptions{empty: true, demo: demo})
	r := ts.do("POST", "/v1/screen", entity.RoleScreen, map[string]any{"name": "Demo Person Example"})
	var res screenResponse
	r.json(t, &res)
	if r.Status != 200 || r.Header.Get("Veto-Data") != "demo" || res.Data != screen.DataDemo || len(res.Hits) != 1 {
		t.Fatalf("demo screen: %d %s %s", r.Status, r.Header.Get("Veto-Data"), r.Body)
	}
	for _, path := range []string{"/healthz", "/v1/lists", "/catalog", "/openapi.json", "/nope"} {
		if got := ts.do("GET", path, entity.RoleScreen, nil).Header.Get("Veto-Data"); got != "demo" {
			t.Errorf("%s: Veto-Data %q, want demo on every response", path, got)
		}
	}
	var lists struct {
		Data     screen.Data
		Versions []entity.ListVersion
	}
	ts.do("GET", "/v1/lists", entity.RoleScreen, nil).json(t, &lists)
	if lists.Data != screen.DataDemo || len(lists.Versions) != 1 || lists.Versions[0].List != "un-sc" || lists.Versions[0].EntityCount != 1 {
		t.Errorf("demo lists: %+v", lists)
	}
	r = ts.do("GET", "/v1/entities/un-QDi.999", entity.RoleScreen, nil)
	var ent entityResponse
	r.json(t, &ent)
	if r.Status != 200 || len(ent.Records) != 1 || ent.Records[0].Raw.Text == "" {
		t.Errorf("demo entity: %d %s", r.Status, r.Body)
	}
	if !strings.Contains(ts.Log.String(), "DEMO DATASET") {
		t.Error("the log does not say the demo dataset is served")
	}
}

// startSlow starts a server with short read timeouts for slow-client
// tests.
func TestSlowClient(t *testing.T) {
	cfg := DefaultConfig()
	cfg.ReadTimeout = 500 * time.Millisecond
	ts := startServer(t, serverOptions{cfg: cfg})
	addr := strings.TrimPrefix(ts.URL, "http://")
	for _, tc := range []struct{ name, send string }{
		{"stalls in the headers", "POST /v1/screen HTTP/1.1\r\nHost: x\r\n"},
		{"stalls in the body", "POST /v1/screen HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: Bearer " +
			ts.Keys[entity.RoleScreen] + "\r\nContent-Length: 100\r\n\r\n{\"name\":"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			conn, err := net.Dial("tcp", addr)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			if _, err := conn.Write([]byte(tc.send)); err != nil {
				t.Fatal(err)
			}
			// The server must give up on the client, not wait for it: the
			// connection ends (with a 4xx, or closed) well before the
			// client's own 10-second patience runs out.
			conn.SetReadDeadline(time.Now().Add(10 * time.Second))
			data, err := io.ReadAll(conn)
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				t.Fatalf("the server held a stalled connection for 10s (read %q)", data)
			}
			if len(data) > 0 && !bytes.HasPrefix(data, []byte("HTTP/1.1 4")) {
				t.Errorf("answer to a stalled request: %q", data)
			}
		})
	}
	// The server still serves.
	if r := ts.do("POST", "/v1/screen", entity.RoleScreen, map[string]any{"name": "Sergei Lavrov"}); r.Status != 200 {
		t.Errorf("after slow clients: %d", r.Status)
	}
}

func TestMain(m *testing.M) {
	// Keep stray keys out of the environment of the tests.
	os.Unsetenv("VETO_NO_AUTH")
	pgtest.Main(m) // stops the private PostgreSQL server, if one was started
}
