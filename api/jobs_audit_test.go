package api

import (
	"encoding/json"
	"fmt"
	"github.com/vetoscreen/veto/batch/jobs"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vetoscreen/veto/apikey"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/screen"
)

// jobEntry returns the screening entry of a job and its summary.
func jobEntry(t *testing.T, ts *testServer, id string) (entity.AuditEntry, jobs.Screening) {
	t.Helper()
	e, ok := screens(t, ts.Store)["job/"+id]
	if !ok {
		t.Fatalf("no audit entry for job %s", id)
	}
	var sum jobs.Screening
	if err := json.Unmarshal(e.Data, &sum); err != nil {
		t.Fatal(err)
	}
	return e, sum
}

// A finished job leaves one entry, on the trail before the job says it is
// done (it is read as soon as the job is seen done): its rows, errors and warnings, the summary of its hits and the
// versions screened against, by the key that owns the job; no names.
func TestJobIsAudited(t *testing.T) {
	ts, _ := jobsServer(t, 0, defaultJobs(t))
	input := "id,name,dob\n" +
		"R1,Sergei Lavrov,1950-03-21\n" +
		"R2,,1970\n" + // no name: not screened
		"R3,Harriet Plumstead,\n" +
		"R4,Amira Hadzic,\n" +
		"R5,Someone,31.02.1950\n" // no such day: screened without it
	r := ts.upload("/v1/jobs", "text/csv", strings.NewReader(input))
	var created Job
	r.json(t, &created)
	j := ts.waitJob(created.ID)
	if j.Status != jobs.Done {
		t.Fatalf("job %+v", j)
	}
	e, sum := jobEntry(t, ts, j.ID)
	if want := "key:" + apikey.ID(ts.Keys[entity.RoleScreen]); e.Actor != want || j.Owner != apikey.ID(ts.Keys[entity.RoleScreen]) {
		t.Errorf("actor %q, want the owner's %q", e.Actor, want)
	}
	if sum.Job != j.ID || sum.Status != jobs.Done || sum.API != "job" || sum.Rows != 5 || sum.Errors != 1 || sum.Warnings != 1 ||
		sum.Queries != 4 || sum.WithHits != 2 || sum.Took == "" {
		t.Errorf("summary %+v", sum)
	}
	queries := map[string]bool{}
	for _, m := range sum.Matched {
		queries[m.Query] = true
	}
	if !queries["R1"] || !queries["R4"] || len(queries) != 2 || sum.Hits != len(sum.Matched) {
		t.Errorf("matched %+v, want R1's and R4's hits", sum.Matched)
	}
	want := screen.Summarize("", ts.Keeper.Snapshot(), nil)
	if len(sum.Versions) == 0 || !slices.Equal(sum.Versions, want.Versions) {
		t.Errorf("versions %v, want the snapshot's %v", sum.Versions, want.Versions)
	}
	for _, word := range []string{"Lavrov", "Plumstead", "Hadzic", "Someone", "1950"} {
		if strings.Contains(string(e.Data), word) {
			t.Errorf("the audit entry holds %q from the upload: %s", word, e.Data)
		}
	}
}

// A job canceled while it runs leaves an entry of the rows it screened
// until then.
func TestCanceledJobIsAudited(t *testing.T) {
	ts, _ := jobsServer(t, 0, defaultJobs(t))
	var b strings.Builder
	b.WriteString("name\n")
	for i := range 100000 {
		fmt.Fprintf(&b, "Customer %d\n", i)
	}
	r := ts.upload("/v1/jobs", "", strings.NewReader(b.String()))
	var j Job
	r.json(t, &j)
	deadline := time.Now().Add(30 * time.Second)
	for {
		var cur Job
		ts.do("GET", j.Links.Self, entity.RoleScreen, nil).json(t, &cur)
		if cur.Status == jobs.Running && cur.Rows > 0 {
			break
		}
		if cur.Status != jobs.Queued && cur.Status != jobs.Running || time.Now().After(deadline) {
			t.Fatalf("job %+v, want it running with rows done", cur)
		}
		time.Sleep(5 * time.Millisecond)
	}
	if r := ts.do("DELETE", j.Links.Self, entity.RoleScreen, nil); r.Status != 200 {
		t.Fatalf("cancel: %d %s", r.Status, r.Body)
	}
	if got := ts.waitJob(j.ID); got.Status != jobs.Canceled {
		t.Fatalf("after cancel: %+v", got)
	}
	_, sum := jobEntry(t, ts, j.ID)
	if sum.Status != jobs.Canceled || sum.Rows == 0 || sum.Rows >= 100000 || sum.Queries != int(sum.Rows) || len(sum.Versions) == 0 {
		t.Errorf("summary of the canceled job: %+v", sum)
	}
}
