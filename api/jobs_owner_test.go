package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/vetoscreen/veto/batch/jobs"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vetoscreen/veto/apikey"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
)

// customers is a CSV of n made-up customers: long enough to screen that
// the job is still queued or running when the test looks.
func customers(n int) string {
	var b strings.Builder
	b.WriteString("name\n")
	for i := range n {
		fmt.Fprintf(&b, "Customer %d\n", i)
	}
	return b.String()
}

// jobFolders lists the job folders in dir.
func jobFolders(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func (ts *testServer) listJobIDs(key string) []string {
	ts.t.Helper()
	r := ts.do("GET", "/v1/jobs", key, nil)
	if r.Status != 200 {
		ts.t.Fatalf("GET /v1/jobs: %d %s", r.Status, r.Body)
	}
	var l jobList
	r.json(ts.t, &l)
	ids := []string{}
	for _, j := range l.Jobs {
		ids = append(ids, j.ID)
	}
	return ids
}

// cancelAll cancels jobs and waits until they stop, so that no job is
// still writing when the test's folder is removed.
func (ts *testServer) cancelAll(ids ...string) {
	ts.t.Helper()
	for _, id := range ids {
		ts.do("DELETE", "/v1/jobs/"+id, entity.RoleAdmin, nil)
	}
	for _, id := range ids {
		deadline := time.Now().Add(30 * time.Second)
		for {
			r := ts.do("GET", "/v1/jobs/"+id, entity.RoleAdmin, nil)
			if r.Status == http.StatusNotFound {
				break // it had finished: the DELETE deleted it
			}
			var j Job
			r.json(ts.t, &j)
			if !j.Active() {
				break
			}
			if time.Now().After(deadline) {
				ts.t.Fatalf("job %s still %s", id, j.Status)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
}

func TestJobsBelongToTheirKey(t *testing.T) {
	ts, jc := jobsServer(t, 0, defaultJobs(t))
	ts.addKey("screen-b", entity.RoleScreen)
	r := ts.upload("/v1/jobs", "text/csv", strings.NewReader("name\nSergei Lavrov\n"))
	if r.Status != http.StatusAccepted {
		t.Fatalf("POST /v1/jobs: %d %s", r.Status, r.Body)
	}
	var j Job
	r.json(t, &j)
	if want := apikey.ID(ts.Keys[entity.RoleScreen]); j.Owner != want {
		t.Errorf("owner %q, want the key's ID %q", j.Owner, want)
	}
	ts.waitJob(j.ID)

	// To another screen key the job does not exist: the same 404 as an
	// unknown job's, on every route.
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
	// Its owner and an admin see it; the admin may delete it.
	if ids := ts.listJobIDs(entity.RoleScreen); !slices.Equal(ids, []string{j.ID}) {
		t.Errorf("the owner lists %v", ids)
	}
	if ids := ts.listJobIDs(entity.RoleAdmin); !slices.Equal(ids, []string{j.ID}) {
		t.Errorf("an admin lists %v", ids)
	}
	for _, path := range []string{j.Links.Self, j.Links.Results, j.Links.Errors} {
		if r := ts.do("GET", path, entity.RoleAdmin, nil); r.Status != 200 {
			t.Errorf("GET %s as admin: %d %s", path, r.Status, r.Body)
		}
	}

	// A job stored before jobs had owners is an admin's only.
	r = ts.upload("/v1/jobs", "text/csv", strings.NewReader("name\nAmira Hadzic\n"))
	var old Job
	r.json(t, &old)
	ts.waitJob(old.ID)
	meta := filepath.Join(jc.Dir, old.ID, "job.json")
	b, err := os.ReadFile(meta)
	if err != nil {
		t.Fatal(err)
	}
	var fields map[string]any
	if err := json.Unmarshal(b, &fields); err != nil {
		t.Fatal(err)
	}
	if fields["owner"] != old.Owner {
		t.Fatalf("no owner in job.json:\n%s", b)
	}
	delete(fields, "owner")
	if b, err = json.Marshal(fields); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(meta, b, 0o640); err != nil {
		t.Fatal(err)
	}
	restarted := httptest.NewServer(New(DefaultConfig(), ts.Keeper, ts.Store, nil, nil, WithJobs(ts.openJobs(jc, nil))).Handler())
	defer restarted.Close()
	ts2 := *ts
	ts2.URL = restarted.URL
	if r := ts2.do("GET", old.Links.Self, entity.RoleScreen, nil); r.Status != http.StatusNotFound {
		t.Errorf("an ownerless job to a screen key: %d %s", r.Status, r.Body)
	}
	if ids := ts2.listJobIDs(entity.RoleScreen); !slices.Equal(ids, []string{j.ID}) {
		t.Errorf("the screen key lists %v after the restart, want only its job", ids)
	}
	if r := ts2.do("GET", old.Links.Self, entity.RoleAdmin, nil); r.Status != 200 {
		t.Errorf("an ownerless job to an admin: %d %s", r.Status, r.Body)
	}

	// An admin deletes another key's job.
	if r := ts.do("DELETE", j.Links.Self, entity.RoleAdmin, nil); r.Status != http.StatusNoContent {
		t.Errorf("DELETE as admin: %d %s", r.Status, r.Body)
	}
	if r := ts.do("GET", j.Links.Self, entity.RoleScreen, nil); r.Status != http.StatusNotFound {
		t.Errorf("after the admin deleted it: %d", r.Status)
	}
	if _, err := os.Stat(filepath.Join(jc.Dir, j.ID)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the deleted job's folder: %v", err)
	}
}

// paddedCSV is a one-column CSV of exactly size bytes.
func paddedCSV(size int) string {
	head := "name\n"
	return head + strings.Repeat("x", size-len(head)-1) + "\n"
}

// folderSize is the bytes of the files in dir.
func folderSize(t *testing.T, dir string) int64 {
	t.Helper()
	var n int64
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		info, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		n += info.Size()
	}
	return n
}

func TestJobsByteQuota(t *testing.T) {
	jc := defaultJobs(t)
	jc.QuotaBytes = 4000
	ts, _ := jobsServer(t, 0, jc)
	ts.addKey("screen-b", entity.RoleScreen)
	r := ts.upload("/v1/jobs", "text/csv", strings.NewReader("name\nSergei Lavrov\nHarriet Plumstead\n"))
	var first Job
	r.json(t, &first)
	ts.waitJob(first.ID)
	used := folderSize(t, filepath.Join(jc.Dir, first.ID)) // the upload and the results
	left := int(jc.QuotaBytes - used)
	if left < 100 {
		t.Fatalf("the first job uses %d of %d bytes: make the quota larger", used, jc.QuotaBytes)
	}

	// One byte over, with a Content-Length and streamed: refused, and
	// nothing of it is kept.
	over := paddedCSV(left + 1)
	for _, rd := range []io.Reader{strings.NewReader(over), io.MultiReader(strings.NewReader(over))} {
		r := ts.upload("/v1/jobs", "text/csv", rd)
		code, msg := r.errorBody(t)
		if r.Status != http.StatusRequestEntityTooLarge || code != CodeTooLarge || !strings.Contains(msg, "quota") || !strings.Contains(msg, "4000") {
			t.Errorf("an upload over the quota: %d %s", r.Status, r.Body)
		}
	}
	if dirs := jobFolders(t, jc.Dir); !slices.Equal(dirs, []string{first.ID}) {
		t.Errorf("job folders after the refused uploads: %v", dirs)
	}
	if ids := ts.listJobIDs(entity.RoleScreen); !slices.Equal(ids, []string{first.ID}) {
		t.Errorf("jobs after the refused uploads: %v", ids)
	}
	// The quota is per key: another key may store that much.
	r = ts.uploadAs("screen-b", "/v1/jobs", "text/csv", strings.NewReader(over))
	if r.Status != http.StatusAccepted {
		t.Errorf("another key's upload: %d %s", r.Status, r.Body)
	}
	var other Job
	r.json(t, &other)
	// What is left fits.
	r = ts.upload("/v1/jobs", "text/csv", strings.NewReader(paddedCSV(left)))
	if r.Status != http.StatusAccepted {
		t.Errorf("an upload of what is left: %d %s", r.Status, r.Body)
	}
	var last Job
	r.json(t, &last)
	ts.cancelAll(other.ID, last.ID)
}

func TestJobsActiveQuota(t *testing.T) {
	jc := defaultJobs(t)
	jc.QuotaJobs = 2
	ts, _ := jobsServer(t, 0, jc)
	ts.addKey("screen-b", entity.RoleScreen)
	big := customers(200000)
	var ids []string
	for range 2 {
		r := ts.upload("/v1/jobs", "text/csv", strings.NewReader(big))
		if r.Status != http.StatusAccepted {
			t.Fatalf("upload: %d %s", r.Status, r.Body)
		}
		var j Job
		r.json(t, &j)
		ids = append(ids, j.ID)
	}
	defer func() { ts.cancelAll(ids...) }()
	r := ts.upload("/v1/jobs", "text/csv", strings.NewReader("name\nSergei Lavrov\n"))
	code, msg := r.errorBody(t)
	if r.Status != http.StatusTooManyRequests || code != CodeTooManyJobs || !strings.Contains(msg, "2 jobs") {
		t.Errorf("a third job: %d %s", r.Status, r.Body)
	}
	if n := len(jobFolders(t, jc.Dir)); n != 2 {
		t.Errorf("%d job folders after the refused upload, want 2", n)
	}
	// Another key is not held up by this one's jobs.
	r = ts.uploadAs("screen-b", "/v1/jobs", "text/csv", strings.NewReader("name\nSergei Lavrov\n"))
	if r.Status != http.StatusAccepted {
		t.Errorf("another key's job: %d %s", r.Status, r.Body)
	}
	var other Job
	r.json(t, &other)
	ids = append(ids, other.ID)
	// A canceled job no longer counts.
	ts.cancelAll(ids[1])
	r = ts.upload("/v1/jobs", "text/csv", strings.NewReader("name\nSergei Lavrov\n"))
	if r.Status != http.StatusAccepted {
		t.Errorf("a job after one was canceled: %d %s", r.Status, r.Body)
	}
	var again Job
	r.json(t, &again)
	ids = append(ids, again.ID)
}

func TestJobsExpire(t *testing.T) {
	jc := defaultJobs(t)
	jc.Expiry = 24 * time.Hour
	ts, _ := jobsServer(t, 0, jc)
	r := ts.upload("/v1/jobs", "text/csv", strings.NewReader("name\nSergei Lavrov\n"))
	var j Job
	r.json(t, &j)
	j = ts.waitJob(j.ID)
	big := ts.upload("/v1/jobs", "text/csv", strings.NewReader(customers(200000)))
	var active Job
	big.json(t, &active)
	defer ts.cancelAll(active.ID)

	// A server whose clock says it is later, on the same folder: it
	// sweeps as it starts.
	at := func(d time.Duration) *jobs.Queue {
		now := j.Finished.Add(d)
		return ts.openJobs(jc, func() time.Time { return now })
	}
	admin := jobs.Caller{Admin: true}
	if _, err := at(23*time.Hour).Get(admin, j.ID); err != nil {
		t.Errorf("a job finished 23 hours ago was deleted: %v", err)
	}
	if _, err := os.Stat(filepath.Join(jc.Dir, j.ID)); err != nil {
		t.Fatal(err)
	}
	q := at(25 * time.Hour)
	if _, err := q.Get(admin, j.ID); !errors.Is(err, jobs.ErrNotFound) {
		t.Errorf("a job finished 25 hours ago is still there: %v", err)
	}
	if _, err := os.Stat(filepath.Join(jc.Dir, j.ID)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("its folder: %v", err)
	}
	if _, err := q.Get(admin, active.ID); err != nil {
		t.Errorf("an unfinished job was deleted")
	}
	es, err := ts.Store.AuditEntries(context.Background(), store.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var expired []entity.AuditEntry
	for _, e := range es {
		if e.Action == jobs.ActionExpire {
			expired = append(expired, e)
		}
	}
	if len(expired) != 1 || expired[0].Subject != "job/"+j.ID || expired[0].Actor != "veto" ||
		!strings.Contains(string(expired[0].Data), apikey.ID(ts.Keys[entity.RoleScreen])) {
		t.Errorf("audit entries of the expiry: %+v", expired)
	}
}
