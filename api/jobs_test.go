package api

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"github.com/vetoscreen/veto/batch/jobs"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vetoscreen/veto/apikey"
	"github.com/vetoscreen/veto/batch"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/screen"
)

// upload posts a file as a job, with the screen key.
func (ts *testServer) upload(path, contentType string, body io.Reader) response {
	ts.t.Helper()
	return ts.uploadAs(entity.RoleScreen, path, contentType, body)
}

// uploadAs posts a file as a job with the key ts.Keys[key].
func (ts *testServer) uploadAs(key, path, contentType string, body io.Reader) response {
	ts.t.Helper()
	req, err := http.NewRequest("POST", ts.URL+path, body)
	if err != nil {
		ts.t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	req.Header.Set("Authorization", "Bearer "+ts.Keys[key])
	return ts.send(req)
}

// addKey stores a new key with the role and keeps it as ts.Keys[name].
func (ts *testServer) addKey(name, role string) {
	ts.t.Helper()
	key, full, err := apikey.New(name, role, time.Now())
	if err != nil {
		ts.t.Fatal(err)
	}
	if err := ts.Store.CreateKey(context.Background(), key, entity.AuditEntry{}); err != nil {
		ts.t.Fatal(err)
	}
	ts.Keys[name] = full
}

// waitJob polls a job until it is no longer queued or running.
func (ts *testServer) waitJob(id string) Job {
	ts.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		r := ts.do("GET", "/v1/jobs/"+id, entity.RoleScreen, nil)
		if r.Status != 200 {
			ts.t.Fatalf("GET job: %d %s", r.Status, r.Body)
		}
		var j Job
		r.json(ts.t, &j)
		if j.Status != jobs.Queued && j.Status != jobs.Running {
			return j
		}
		if time.Now().After(deadline) {
			ts.t.Fatalf("job %s still %s", id, j.Status)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// jobsServer starts a server with batch jobs, at most maxUpload bytes
// an upload (0: the default), and returns the queue's config.
func jobsServer(t *testing.T, maxUpload int64, jc jobs.Config) (*testServer, jobs.Config) {
	cfg := DefaultConfig()
	if maxUpload > 0 {
		cfg.MaxUpload = maxUpload
	}
	ts := startServer(t, serverOptions{cfg: cfg, jobs: &jc})
	return ts, jc
}

// defaultJobs is the default queue config, in a temporary folder.
func defaultJobs(t *testing.T) jobs.Config { return jobs.DefaultConfig(t.TempDir()) }

func TestJobs(t *testing.T) {
	ts, jc := jobsServer(t, 0, defaultJobs(t))
	input := "\ufeffRef;Full Name;Date of Birth\r\n" +
		"R1;Sergei Lavrov;1950-03-21\r\n" +
		"R2;\"Harriet Plumstead;\r\n" + // a quote left open
		"R3;Harriet Plumstead;\r\n" +
		"R4;;1970\r\n" + // no name
		"R5;Amira Hadzic;\r\n" +
		"R6;Someone;31.02.1950\r\n" // no such day: screened without it
	r := ts.upload("/v1/jobs?output=jsonl&threshold=0.8", "text/csv", strings.NewReader(input))
	if r.Status != http.StatusAccepted {
		t.Fatalf("POST /v1/jobs: %d %s", r.Status, r.Body)
	}
	var created Job
	r.json(t, &created)
	if created.ID == "" || created.Status != jobs.Queued || created.Links.Results != "/v1/jobs/"+created.ID+"/results" || r.Header.Get("Location") != created.Links.Self {
		t.Fatalf("created job: %+v, Location %q", created, r.Header.Get("Location"))
	}
	j := ts.waitJob(created.ID)
	if j.Status != jobs.Done || j.Rows != 6 || j.Errors != 2 || j.Hits != 2 || j.Progress != 1 || j.Started.IsZero() || j.Finished.IsZero() || j.Format != "csv" {
		t.Fatalf("finished job: %+v", j)
	}

	r = ts.do("GET", created.Links.Results, entity.RoleScreen, nil)
	if r.Status != 200 || r.Header.Get("Content-Type") != "application/x-ndjson" {
		t.Fatalf("results: %d %q", r.Status, r.Header.Get("Content-Type"))
	}
	var lines []batch.ResultLine
	sc := bufio.NewScanner(bytes.NewReader(r.Body))
	for sc.Scan() {
		var l batch.ResultLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatal(err)
		}
		lines = append(lines, l)
	}
	if len(lines) != 6 {
		t.Fatalf("%d result lines, want one per row:\n%s", len(lines), r.Body)
	}
	hit := func(l batch.ResultLine, list string) bool {
		return slices.ContainsFunc(l.Hits, func(h screen.Hit) bool {
			return h.List == list || slices.ContainsFunc(h.Matched, func(m screen.Listing) bool { return m.List == list })
		})
	}
	if l := lines[0]; l.ID != "R1" || !hit(l, "ofac-sdn") || !hit(l, "eu-fsf") {
		t.Errorf("Lavrov: %+v", l)
	}
	if l := lines[4]; l.ID != "R5" || !hit(l, "un-sc") {
		t.Errorf("Hadzic: %+v", l)
	}
	if l := lines[2]; l.ID != "R3" || len(l.Hits) != 0 || l.Error != "" {
		t.Errorf("Plumstead: %+v", l)
	}

	r = ts.do("GET", created.Links.Errors, entity.RoleScreen, nil)
	recs, err := csv.NewReader(bytes.NewReader(r.Body)).ReadAll()
	if r.Status != 200 || err != nil {
		t.Fatalf("errors: %d %v %s", r.Status, err, r.Body)
	}
	var errLines []string
	for _, rec := range recs[1:] {
		errLines = append(errLines, rec[0])
	}
	if !slices.Equal(errLines, []string{"3", "5", "7"}) || !strings.Contains(recs[3][1], "screened without birthDate") {
		t.Errorf("errors file lines %q, want 3, 5, 7 (the last screened without its date of birth):\n%s", errLines, r.Body)
	}

	// Listed, and still listed by a server restarted on the same folder.
	r = ts.do("GET", "/v1/jobs", entity.RoleScreen, nil)
	var list jobList
	r.json(t, &list)
	if len(list.Jobs) != 1 || list.Jobs[0].ID != created.ID {
		t.Errorf("GET /v1/jobs: %s", r.Body)
	}
	again := ts.openJobs(jc, nil)
	if got, err := again.Get(jobs.Caller{Admin: true}, created.ID); err != nil || got.Status != jobs.Done || got.Rows != 6 {
		t.Errorf("after a restart: %+v, %v", got, err)
	}

	// Errors.
	for _, tt := range []struct {
		method, path, contentType, body string
		status                          int
	}{
		{"GET", "/v1/jobs/nope", "", "", 404},
		{"GET", "/v1/jobs/nope/results", "", "", 404},
		{"POST", "/v1/jobs", "application/json", `{"name":"x"}`, 415},
		{"POST", "/v1/jobs", "text/csv", "id,country\n1,RU\n", 400},    // no name column
		{"POST", "/v1/jobs?map=nom=x", "text/csv", "name\nx\n", 400},   // bad mapping
		{"POST", "/v1/jobs?threshold=2", "text/csv", "name\nx\n", 400}, // bad threshold
		{"POST", "/v1/jobs?colour=red", "text/csv", "name\nx\n", 400},  // unknown parameter
		{"POST", "/v1/jobs", "text/csv", "", 400},                      // empty
		{"POST", "/v1/jobs?format=jsonl&map=name=x", "", "{}\n", 400},  // mapping on JSON lines
	} {
		var r response
		if tt.method == "POST" {
			r = ts.upload(tt.path, tt.contentType, strings.NewReader(tt.body))
		} else {
			r = ts.do(tt.method, tt.path, entity.RoleScreen, nil)
		}
		if r.Status != tt.status {
			t.Errorf("%s %s (%s): %d, want %d: %s", tt.method, tt.path, tt.contentType, r.Status, tt.status, r.Body)
			continue
		}
		r.errorBody(t)
	}
	if r := ts.do("GET", "/v1/jobs", "", nil); r.Status != 401 {
		t.Errorf("jobs without a key: %d", r.Status)
	}
}

func TestJobsUploadLimit(t *testing.T) {
	ts, _ := jobsServer(t, 1024, defaultJobs(t))
	body := "name\n" + strings.Repeat("Sergei Lavrov\n", 100)
	// With a Content-Length, and streamed (chunked) without one.
	for _, rd := range []io.Reader{strings.NewReader(body), io.MultiReader(strings.NewReader(body))} {
		r := ts.upload("/v1/jobs", "text/csv", rd)
		if r.Status != http.StatusRequestEntityTooLarge || r.errorCode(t) != CodeTooLarge {
			t.Errorf("oversized upload: %d %s", r.Status, r.Body)
		}
	}
	if r := ts.upload("/v1/jobs", "text/csv", strings.NewReader("name\nSergei Lavrov\n")); r.Status != http.StatusAccepted {
		t.Errorf("upload under the limit: %d %s", r.Status, r.Body)
	}
}

func TestJobsCancel(t *testing.T) {
	ts, _ := jobsServer(t, 0, defaultJobs(t))
	var b strings.Builder
	b.WriteString("name\n")
	for i := range 100000 {
		fmt.Fprintf(&b, "Customer %d\n", i)
	}
	r := ts.upload("/v1/jobs", "", strings.NewReader(b.String()))
	var j Job
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
	if r := ts.do("DELETE", j.Links.Self, entity.RoleScreen, nil); r.Status != http.StatusNoContent {
		t.Errorf("delete: %d %s", r.Status, r.Body)
	}
	if r := ts.do("GET", j.Links.Self, entity.RoleScreen, nil); r.Status != 404 {
		t.Errorf("deleted job: %d", r.Status)
	}
}

// A job made with asOf screens against the versions in force then, as
// /v1/screen does: DIMITRI HERARD (un-HTi.008, designated 2025-10-17) is
// a hit as of 2026-03-01 and not as of 2025-05-01; a date before every
// version is refused when the job is made.
func TestJobAsOf(t *testing.T) {
	st, versions := unSnapshots(t)
	jc := defaultJobs(t)
	ts := startServer(t, serverOptions{store: st, empty: true, jobs: &jc})
	input := "id,name\nc1,Dimitri Herard\n"
	for _, tc := range []struct {
		asOf    string
		version entity.ListVersion
		hit     bool
	}{
		{"2026-03-01", versions[1], true},
		{"2025-05-01", versions[0], false},
	} {
		r := ts.upload("/v1/jobs?output=jsonl&asOf="+tc.asOf, "text/csv", strings.NewReader(input))
		if r.Status != http.StatusAccepted {
			t.Fatalf("as of %s: %d %s", tc.asOf, r.Status, r.Body)
		}
		var created Job
		r.json(t, &created)
		j := ts.waitJob(created.ID)
		if j.Status != jobs.Done || j.AsOf.IsZero() || len(j.Versions) != 1 || j.Versions[0] != tc.version.Ref() {
			t.Fatalf("as of %s: job %+v, want done against %s", tc.asOf, j, tc.version.Ref())
		}
		r = ts.do("GET", created.Links.Results, entity.RoleScreen, nil)
		var line batch.ResultLine
		if err := json.Unmarshal(bytes.TrimSpace(r.Body), &line); err != nil {
			t.Fatalf("as of %s: results %s: %v", tc.asOf, r.Body, err)
		}
		hit := slices.ContainsFunc(line.Hits, func(h screen.Hit) bool { return h.EntityID == "un-HTi.008" })
		if hit != tc.hit {
			t.Errorf("as of %s: hits %+v, want un-HTi.008: %v", tc.asOf, line.Hits, tc.hit)
		}
	}
	r := ts.upload("/v1/jobs?asOf=2001-01-01", "text/csv", strings.NewReader(input))
	if r.Status != http.StatusBadRequest || !strings.Contains(string(r.Body), "asOf") {
		t.Errorf("as of 2001: %d %s, want 400 naming asOf", r.Status, r.Body)
	}
}
