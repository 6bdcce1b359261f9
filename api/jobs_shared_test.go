package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vetoscreen/veto/batch"
	"github.com/vetoscreen/veto/batch/jobs"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/refresh"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/source/all"
	"github.com/vetoscreen/veto/store"
	"github.com/vetoscreen/veto/store/postgres"
	"github.com/vetoscreen/veto/store/postgres/pgtest"
)

// sharedJobsServer starts a server on a new PostgreSQL database whose
// batch jobs are shared with the replicas on it (jobs.Shared), as veto
// serve's are with PostgreSQL; now is the queue's clock.
func sharedJobsServer(t *testing.T, jc jobs.Config, now func() time.Time) (*testServer, *jobs.Shared) {
	db, err := postgres.Open(context.Background(), pgtest.NewDatabase(t).DSN)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ts := startServer(t, serverOptions{store: db})
	jc.ChunkRows = 2 // several chunks even for a few rows
	q, err := jobs.OpenShared(jc, db, jobs.Deps{Snapshot: ts.Keeper.Snapshot, AsOf: ts.Keeper.AsOf, Audit: ts.Audit, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(q.Close)
	srv := httptest.NewServer(New(DefaultConfig(), ts.Keeper, ts.Store, nil, nil, WithAudit(ts.Audit), WithJobs(q)).Handler())
	t.Cleanup(srv.Close)
	ts.URL = srv.URL
	return ts, q
}

// TestSharedJobs runs batch jobs through the queue the replicas on one
// PostgreSQL share: the results and errors are those of the one-server
// queue, byte for byte; owners, cancellation, quotas and expiry work as
// they do there.
func TestSharedJobs(t *testing.T) {
	input := "\ufeffRef;Full Name;Date of Birth\r\n" +
		"R1;Sergei Lavrov;1950-03-21\r\n" +
		"R2;\"Harriet Plumstead;\r\n" + // a quote left open
		"R3;Harriet Plumstead;\r\n" +
		"R4;;1970\r\n" + // no name
		"R5;Amira Hadzic;\r\n" +
		"R6;Someone;31.02.1950\r\n" // no such day: screened without it
	files := func(ts *testServer) (results, errs string) {
		r := ts.upload("/v1/jobs?output=jsonl&threshold=0.8", "text/csv", strings.NewReader(input))
		if r.Status != http.StatusAccepted {
			t.Fatalf("POST /v1/jobs: %d %s", r.Status, r.Body)
		}
		var j Job
		r.json(t, &j)
		if got := ts.waitJob(j.ID); got.Status != jobs.Done || got.Rows != 6 || got.Errors != 2 {
			t.Fatalf("job: %+v", got)
		}
		res, errf := ts.do("GET", j.Links.Results, entity.RoleScreen, nil), ts.do("GET", j.Links.Errors, entity.RoleScreen, nil)
		if res.Status != 200 || errf.Status != 200 {
			t.Fatalf("results %d, errors %d", res.Status, errf.Status)
		}
		return string(res.Body), string(errf.Body)
	}
	one, _ := jobsServer(t, 0, defaultJobs(t))
	wantRes, wantErrs := files(one)
	now := time.Now()
	clock := func() time.Time { return now }
	ts, q := sharedJobsServer(t, jobs.DefaultConfig(t.TempDir()), clock)
	gotRes, gotErrs := files(ts)
	if gotRes != wantRes {
		t.Errorf("shared results:\n%s\nwant the one server's:\n%s", gotRes, wantRes)
	}
	if gotErrs != wantErrs {
		t.Errorf("shared errors:\n%s\nwant the one server's:\n%s", gotErrs, wantErrs)
	}

	// A Range of the results spans chunks.
	r := ts.upload("/v1/jobs?output=jsonl&threshold=0.8", "text/csv", strings.NewReader(input))
	var j Job
	r.json(t, &j)
	ts.waitJob(j.ID)
	req, _ := http.NewRequest("GET", ts.URL+j.Links.Results, nil)
	req.Header.Set("Authorization", "Bearer "+ts.Keys[entity.RoleScreen])
	req.Header.Set("Range", "bytes=100-1099")
	if rr := ts.send(req); rr.Status != http.StatusPartialContent || string(rr.Body) != wantRes[100:1100] {
		t.Errorf("a range of the results: %d %q", rr.Status, rr.Body)
	}

	// Another key does not see the job; an admin does.
	ts.addKey("screen-b", entity.RoleScreen)
	for _, tt := range []struct{ method, path string }{
		{"GET", j.Links.Self}, {"GET", j.Links.Results}, {"GET", j.Links.Errors}, {"DELETE", j.Links.Self},
	} {
		r := ts.do(tt.method, tt.path, "screen-b", nil)
		if code, msg := r.errorBody(t); r.Status != http.StatusNotFound || code != CodeNotFound || msg != fmt.Sprintf("no job %q", j.ID) {
			t.Errorf("%s %s with another key: %d %s", tt.method, tt.path, r.Status, r.Body)
		}
	}
	if ids := ts.listJobIDs("screen-b"); len(ids) != 0 {
		t.Errorf("another key lists %v", ids)
	}
	if ids := ts.listJobIDs(entity.RoleAdmin); len(ids) != 2 || ids[0] != j.ID {
		t.Errorf("an admin lists %v", ids)
	}

	// A canceled job is not screened further, and its results are not
	// served; deleted, it is gone.
	r = ts.upload("/v1/jobs", "text/csv", strings.NewReader(customers(2000)))
	r.json(t, &j)
	if r := ts.do("DELETE", j.Links.Self, entity.RoleScreen, nil); r.Status != 200 {
		t.Fatalf("cancel: %d %s", r.Status, r.Body)
	}
	if got := ts.waitJob(j.ID); got.Status != jobs.Canceled {
		t.Fatalf("after cancel: %+v", got)
	}
	if r := ts.do("GET", j.Links.Results, entity.RoleScreen, nil); r.Status != http.StatusConflict {
		t.Errorf("results of a canceled job: %d", r.Status)
	}
	chunks, err := ts.Store.BatchChunks(context.Background(), j.ID)
	if err != nil {
		t.Fatal(err)
	}
	done := 0
	for _, c := range chunks {
		if !c.DoneAt.IsZero() {
			done++
		}
	}
	if done == len(chunks) {
		t.Errorf("all %d chunks of the canceled job were screened", done)
	}
	if r := ts.do("DELETE", j.Links.Self, entity.RoleScreen, nil); r.Status != http.StatusNoContent {
		t.Errorf("delete: %d %s", r.Status, r.Body)
	}
	if r := ts.do("GET", j.Links.Self, entity.RoleScreen, nil); r.Status != 404 {
		t.Errorf("deleted job: %d", r.Status)
	}

	// Finished jobs expire, each deletion in the audit trail.
	if n := q.Sweep(now.Add(jobs.DefaultConfig("").Expiry - time.Minute)); n != 0 {
		t.Errorf("%d jobs expired before their time", n)
	}
	if n := q.Sweep(now.Add(jobs.DefaultConfig("").Expiry + time.Minute)); n != 2 {
		t.Errorf("%d jobs expired, want 2", n)
	}
	if ids := ts.listJobIDs(entity.RoleAdmin); len(ids) != 0 {
		t.Errorf("after expiry: %v", ids)
	}
	es, err := ts.Store.AuditEntries(context.Background(), store.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	expired := 0
	for _, e := range es {
		if e.Action == jobs.ActionExpire {
			expired++
		}
	}
	if expired != 2 {
		t.Errorf("%d expiries audited, want 2", expired)
	}
}

// TestSharedJobsByteQuota refuses an upload over its key's storage
// quota, counted in the database: the uploads and results of its jobs.
func TestSharedJobsByteQuota(t *testing.T) {
	jc := jobs.DefaultConfig(t.TempDir())
	jc.QuotaBytes = 100
	ts, _ := sharedJobsServer(t, jc, nil)
	r := ts.upload("/v1/jobs", "text/csv", strings.NewReader("name\nSergei Lavrov\n"))
	if r.Status != http.StatusAccepted {
		t.Fatalf("first upload: %d %s", r.Status, r.Body)
	}
	var j Job
	r.json(t, &j)
	ts.waitJob(j.ID) // its results take the key past its quota
	r = ts.upload("/v1/jobs", "text/csv", strings.NewReader("name\nVladimir Putin\n"))
	if code, _ := r.errorBody(t); r.Status != http.StatusRequestEntityTooLarge || code != CodeTooLarge {
		t.Errorf("upload over the quota: %d %s", r.Status, r.Body)
	}
	// Another key has a quota of its own.
	ts.addKey("screen-b", entity.RoleScreen)
	if r := ts.uploadAs("screen-b", "/v1/jobs", "text/csv", strings.NewReader("name\nVladimir Putin\n")); r.Status != http.StatusAccepted {
		t.Errorf("another key's upload: %d %s", r.Status, r.Body)
	}
}

// TestSharedJobAsOf screens a shared job as of an instant whose versions
// no replica serves: a worker loads them to claim its chunks, and every
// row names them.
func TestSharedJobAsOf(t *testing.T) {
	db, err := postgres.Open(context.Background(), pgtest.NewDatabase(t).DSN)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	importFixtures(t, db)
	// A later un-sc version, published 2026-03-09, is the one served.
	data, err := os.ReadFile(fixtures["un"])
	if err != nil {
		t.Fatal(err)
	}
	later := strings.Replace(strings.Replace(string(data), "AMIRA", "AMIRAH", 1), `dateGenerated="2026-03-01`, `dateGenerated="2026-03-09`, 1)
	path := filepath.Join(t.TempDir(), "un_consolidated.xml")
	if err := os.WriteFile(path, []byte(later), 0o644); err != nil {
		t.Fatal(err)
	}
	un, _ := all.Publisher("un")
	outs, err := (&refresh.Refresher{Store: db, Config: refresh.DefaultConfig()}).Import(context.Background(), un, []string{path})
	if err != nil || outs[0].Err != nil {
		t.Fatal(err, outs)
	}
	ts := startServer(t, serverOptions{store: db, empty: true})
	q, err := jobs.OpenShared(jobs.Config{Dir: t.TempDir(), QuotaBytes: 1 << 20, QuotaJobs: 1, Expiry: time.Hour, ChunkRows: 1}, db,
		jobs.Deps{Snapshot: ts.Keeper.Snapshot, AsOf: ts.Keeper.AsOf, Audit: ts.Audit})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(q.Close)
	srv := httptest.NewServer(New(DefaultConfig(), ts.Keeper, ts.Store, nil, nil, WithAudit(ts.Audit), WithJobs(q)).Handler())
	t.Cleanup(srv.Close)
	ts.URL = srv.URL

	r := ts.upload("/v1/jobs?output=jsonl&threshold=0.99&asOf=2026-03-05", "text/csv", strings.NewReader("name\nAmira Hadzic\nAmirah Hadzic\n"))
	if r.Status != http.StatusAccepted {
		t.Fatalf("POST: %d %s", r.Status, r.Body)
	}
	var created Job
	r.json(t, &created)
	j := ts.waitJob(created.ID)
	vs, err := db.Versions(context.Background(), store.VersionFilter{List: "un-sc"})
	if err != nil || len(vs) != 2 {
		t.Fatal(vs, err)
	}
	old := vs[1].Ref().String()
	if j.Status != jobs.Done || !slices.ContainsFunc(j.Versions, func(v entity.VersionRef) bool { return v.String() == old }) {
		t.Fatalf("job %+v, want done against %s", j, old)
	}
	body := string(ts.do("GET", created.Links.Results, entity.RoleScreen, nil).Body)
	var hits []bool
	for line := range strings.Lines(body) {
		var l batch.ResultLine
		if err := json.Unmarshal([]byte(line), &l); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(l.Versions, old) {
			t.Errorf("row %d screened against %s, want %s", l.Line, l.Versions, old)
		}
		hits = append(hits, slices.ContainsFunc(l.Hits, func(h screen.Hit) bool { return h.EntityID == "un-QDi.902" }))
	}
	if !slices.Equal(hits, []bool{true, false}) {
		t.Errorf("hits on un-QDi.902 by row: %v, want the old name's only", hits)
	}
}
