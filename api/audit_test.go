package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vetoscreen/veto/apikey"
	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/store"
	"github.com/vetoscreen/veto/store/sqlite"
)

// Every screening call leaves an outcome summary in the audit trail: the
// key that called, the request, the counts and the hits, not the names.
func TestScreeningIsAudited(t *testing.T) {
	ts := startServer(t, serverOptions{})
	r := ts.do("POST", "/v1/screen", entity.RoleScreen, map[string]any{"queries": []map[string]any{
		{"id": "cust-1", "name": "Sergei Lavrov"},
		{"id": "cust-2", "name": "Jane Nobody Unlisted"},
	}})
	if r.Status != 200 {
		t.Fatalf("screen: %d %s", r.Status, r.Body)
	}
	if r := ts.do("POST", "/match/sanctions", entity.RoleScreen, map[string]any{"queries": map[string]any{
		"q1": map[string]any{"schema": "Person", "properties": map[string]any{"name": []string{"Bashar al-Assad"}}},
	}}); r.Status != 200 {
		t.Fatalf("match: %d %s", r.Status, r.Body)
	}
	ts.Audit.Close() // flush the queued entries
	es, err := ts.Store.AuditEntries(t.Context(), store.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var screens []entity.AuditEntry
	v := chain.NewVerifier()
	for _, e := range es {
		v.Add(e)
		if e.Action == chain.ActionScreen {
			screens = append(screens, e)
		}
	}
	if !v.OK() {
		t.Errorf("chain: %v", v.Problems())
	}
	if len(screens) != 2 {
		t.Fatalf("%d screening entries, want 2", len(screens))
	}
	var native, yente screen.Summary
	json.Unmarshal(screens[0].Data, &native)
	json.Unmarshal(screens[1].Data, &yente)
	wantActor := "key:" + apikey.ID(ts.Keys[entity.RoleScreen])
	if screens[0].Actor != wantActor || !strings.HasPrefix(screens[0].Subject, "request/") || screens[0].Subject != "request/"+r.Header.Get("X-Request-Id") {
		t.Errorf("entry: actor %q subject %q; want %q and the request's ID %q", screens[0].Actor, screens[0].Subject, wantActor, r.Header.Get("X-Request-Id"))
	}
	if native.API != "native" || native.Queries != 2 || native.WithHits != 1 || native.Hits == 0 || native.Matched[0].Query != "cust-1" || native.Best < 0.8 {
		t.Errorf("native summary = %+v", native)
	}
	if yente.API != "yente" || yente.Queries != 1 || yente.WithHits != 1 {
		t.Errorf("yente summary = %+v", yente)
	}
	if strings.Contains(string(screens[0].Data), "Lavrov") {
		t.Errorf("the audit entry holds the name screened: %s", screens[0].Data)
	}
}

// faultyAudit is the real store with AppendAudit, the call the screening
// summaries are committed with, made slow, blocked or failing, and
// counted.
type faultyAudit struct {
	store.Store
	delay   time.Duration
	gate    chan struct{} // when set, the first append waits for it to close
	entered chan struct{} // closed when the first append starts
	fail    error

	mu      sync.Mutex
	appends int // transactions
	held    int // events in the first, held, transaction
}

func (f *faultyAudit) AppendAudit(ctx context.Context, es ...entity.AuditEntry) ([]entity.AuditEntry, error) {
	f.mu.Lock()
	f.appends++
	first := f.appends == 1
	if first {
		f.held = len(es)
	}
	f.mu.Unlock()
	if first && f.gate != nil {
		close(f.entered)
		<-f.gate
	}
	time.Sleep(f.delay)
	if f.fail != nil {
		return nil, f.fail
	}
	return f.Store.AppendAudit(ctx, es...)
}

func (f *faultyAudit) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.appends
}

// screens returns the screening entries stored, by subject.
func screens(t *testing.T, st store.Store) map[string]entity.AuditEntry {
	t.Helper()
	es, err := st.AuditEntries(t.Context(), store.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]entity.AuditEntry{}
	for _, e := range es {
		if e.Action == chain.ActionScreen {
			out[e.Subject] = e
		}
	}
	return out
}

func newFaultyServer(t *testing.T, f *faultyAudit) *testServer {
	t.Helper()
	db, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "veto.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	f.Store = db
	return startServer(t, serverOptions{store: f})
}

// A screening is answered only once its summary is committed (a kill -9
// after the response cannot lose it), and not at all when the commit
// fails.
func TestScreeningAnsweredAfterItsSummaryIsCommitted(t *testing.T) {
	t.Run("committed before the response", func(t *testing.T) {
		// A slow commit: a response sent before it would find the
		// store without the entry.
		f := &faultyAudit{delay: 300 * time.Millisecond}
		ts := newFaultyServer(t, f)
		for _, path := range []string{"/v1/screen", "/match/sanctions"} {
			body := any(map[string]any{"name": "Sergei Lavrov"})
			if path == "/match/sanctions" {
				body = map[string]any{"queries": map[string]any{"q1": map[string]any{"schema": "Person", "properties": map[string]any{"name": []string{"Sergei Lavrov"}}}}}
			}
			r := ts.do("POST", path, entity.RoleScreen, body)
			if r.Status != 200 {
				t.Fatalf("%s: %d %s", path, r.Status, r.Body)
			}
			subject := "request/" + r.Header.Get("X-Request-Id")
			if _, ok := screens(t, f.Store)[subject]; !ok {
				t.Errorf("%s answered before its summary %s was committed", path, subject)
			}
		}
	})
	t.Run("not answered when the commit fails", func(t *testing.T) {
		f := &faultyAudit{fail: errors.New("disk I/O error")}
		ts := newFaultyServer(t, f)
		r := ts.do("POST", "/v1/screen", entity.RoleScreen, map[string]any{"name": "Sergei Lavrov"})
		if code, msg := r.errorBody(t); r.Status != 500 || code != CodeInternal || !strings.Contains(msg, "audit trail") {
			t.Errorf("screen with a failing audit commit: %d %s; want 500 naming the audit trail", r.Status, r.Body)
		}
		if strings.Contains(string(r.Body), "Lavrov") {
			t.Errorf("the failed screening's results were sent: %s", r.Body)
		}
		if n := len(screens(t, f.Store)); n != 0 {
			t.Errorf("%d screening entries stored, want none", n)
		}
	})
}

// Concurrent screenings' summaries are committed together: N requests
// arriving while a commit is in progress make one transaction, not N.
func TestScreeningSummariesAreGroupCommitted(t *testing.T) {
	const n = 8
	f := &faultyAudit{gate: make(chan struct{}), entered: make(chan struct{})}
	ts := newFaultyServer(t, f)
	// Registered after the server's: releases a held commit before the
	// server closes, should the test stop early.
	var release sync.Once
	t.Cleanup(func() { release.Do(func() { close(f.gate) }) })
	type result struct {
		status int
		id     string
		err    error
	}
	results := make(chan result, n)
	var answered atomic.Int32
	for i := range n {
		go func() {
			body := strings.NewReader(fmt.Sprintf(`{"name": "Sergei Lavrov", "id": "c%d"}`, i))
			req, _ := http.NewRequest("POST", ts.URL+"/v1/screen", body)
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Authorization", "Bearer "+ts.Keys[entity.RoleScreen])
			resp, err := http.DefaultClient.Do(req)
			answered.Add(1)
			if err != nil {
				results <- result{err: err}
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			results <- result{status: resp.StatusCode, id: resp.Header.Get("X-Request-Id")}
		}()
	}
	<-f.entered
	// The first commit is held: the other requests' summaries queue.
	deadline := time.Now().Add(20 * time.Second)
	f.mu.Lock()
	held := f.held
	f.mu.Unlock()
	for held+ts.Audit.Waiting() < n {
		if time.Now().After(deadline) {
			t.Fatalf("%d summaries in the held commit and %d waiting, want %d in all", held, ts.Audit.Waiting(), n)
		}
		time.Sleep(5 * time.Millisecond)
	}
	if a := answered.Load(); a != 0 {
		t.Errorf("%d requests answered while their summaries were not committed", a)
	}
	release.Do(func() { close(f.gate) })
	var ids []string
	for range n {
		r := <-results
		if r.err != nil || r.status != 200 {
			t.Fatalf("screen: %d %v", r.status, r.err)
		}
		ids = append(ids, r.id)
	}
	if got := f.count(); got != 2 {
		t.Errorf("%d requests made %d transactions, want 2 (the held one and one for the %d that waited)", n, got, n-held)
	}
	stored := screens(t, f.Store)
	for _, id := range ids {
		if _, ok := stored["request/"+id]; !ok {
			t.Errorf("request %s answered without its summary on the trail", id)
		}
	}
}
