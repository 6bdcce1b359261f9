package jobs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vetoscreen/veto/audit"
	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/refresh"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/source/un"
	"github.com/vetoscreen/veto/store"
	"github.com/vetoscreen/veto/store/sqlite"
)

// fixture is a store holding the UN fixture, its snapshot and an audit
// log over it.
type fixture struct {
	st    store.Store
	snap  *screen.Snapshot
	trail *audit.Log
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "veto.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	file := filepath.Join("..", "..", "source", "un", "testdata", "consolidated.xml")
	if outs, err := (&refresh.Refresher{Store: st, Config: refresh.DefaultConfig()}).Import(ctx, &un.Publisher, []string{file}); err != nil || outs[0].Err != nil {
		t.Fatal(err, outs)
	}
	snap, err := screen.LoadActive(ctx, st, match.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	trail := audit.NewLog(st, nil, nil)
	t.Cleanup(trail.Close)
	return &fixture{st: st, snap: snap, trail: trail}
}

func (f *fixture) open(t *testing.T, cfg Config) *Queue {
	t.Helper()
	q, err := Open(cfg, Deps{Snapshot: func() *screen.Snapshot { return f.snap }, Audit: f.trail})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(q.Close)
	return q
}

// screenings returns the job's screening entries, in order.
func (f *fixture) screenings(t *testing.T, id string) []Screening {
	t.Helper()
	es, err := f.st.AuditEntries(context.Background(), store.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var out []Screening
	for _, e := range es {
		if e.Action == chain.ActionScreen && e.Subject == "job/"+id {
			var s Screening
			if err := json.Unmarshal(e.Data, &s); err != nil {
				t.Fatal(err)
			}
			out = append(out, s)
		}
	}
	return out
}

// upload stores a CSV of n customers as a new job of owner, as the API
// does, and queues it.
func upload(t *testing.T, q *Queue, owner string, n int) Job {
	t.Helper()
	var b strings.Builder
	b.WriteString("name\n")
	for i := range n {
		fmt.Fprintf(&b, "Customer %d\n", i)
	}
	j := Job{ID: NewID(), Status: Queued, Format: "csv", Output: "csv", Limit: 5, Size: int64(b.Len()), Created: time.Now().UTC(), Owner: owner}
	if err := os.Mkdir(q.Folder(j.ID), 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(q.Folder(j.ID), InputFile), []byte(b.String()), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := q.Enqueue(j); err != nil {
		t.Fatal(err)
	}
	return j
}

// wait polls a job until done says so.
func wait(t *testing.T, q *Queue, id string, done func(Job) bool) Job {
	t.Helper()
	for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(5 * time.Millisecond) {
		j, err := q.Get(Caller{Admin: true}, id)
		if err != nil {
			t.Fatal(err)
		}
		if done(j) {
			return j
		}
		if time.Now().After(deadline) {
			t.Fatalf("job %+v", j)
		}
	}
}

// TestCloseResumes: a job running when the queue closes stays queued,
// with what it screened until then on the trail as interrupted, and the
// next queue on the folder finishes it from its checkpoint.
func TestCloseResumes(t *testing.T) {
	f := newFixture(t)
	cfg := DefaultConfig(t.TempDir())
	q := f.open(t, cfg)
	j := upload(t, q, "k1", 50000)
	wait(t, q, j.ID, func(j Job) bool { return j.Status == Running && j.Rows > 0 })
	q.Close()

	b, err := os.ReadFile(filepath.Join(q.Folder(j.ID), metaFile))
	if err != nil {
		t.Fatal(err)
	}
	var saved Job
	if err := json.Unmarshal(b, &saved); err != nil || saved.Status != Queued || !saved.Finished.IsZero() {
		t.Fatalf("job.json after Close: %s, %v; want it queued", b, err)
	}
	sums := f.screenings(t, j.ID)
	if len(sums) != 1 || sums[0].Status != Interrupted || sums[0].Rows == 0 || sums[0].Rows >= 50000 {
		t.Fatalf("entries after Close: %+v, want one interrupted with the rows screened", sums)
	}

	again := f.open(t, cfg)
	done := wait(t, again, j.ID, func(j Job) bool { return !j.Active() })
	if done.Status != Done || done.Rows != 50000 {
		t.Fatalf("resumed job: %+v", done)
	}
	sums = f.screenings(t, j.ID)
	if len(sums) != 2 || sums[1].Status != Done || sums[1].Resumed == 0 || sums[1].Resumed+sums[1].Rows != 50000 {
		t.Errorf("entries after the resumed run: %+v", sums)
	}
}

func TestQuotas(t *testing.T) {
	f := newFixture(t)
	cfg := DefaultConfig(t.TempDir())
	cfg.QuotaJobs = 2
	q := f.open(t, cfg)
	r1, left, err := q.Reserve("k1")
	if err != nil || left != cfg.QuotaBytes {
		t.Fatalf("first reservation: %d bytes left, %v", left, err)
	}
	r2, _, err := q.Reserve("k1")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := q.Reserve("k1"); !errors.Is(err, ErrTooManyJobs) || !strings.Contains(err.Error(), "2 jobs") {
		t.Errorf("a third upload at once: %v, want ErrTooManyJobs", err)
	}
	if r, _, err := q.Reserve("k2"); err != nil {
		t.Errorf("another owner: %v", err)
	} else {
		r()
	}
	r1()
	r1() // twice is once
	if r, _, err := q.Reserve("k1"); err != nil {
		t.Errorf("after a release: %v", err)
	} else {
		r()
	}
	r2()

	cfg = DefaultConfig(t.TempDir())
	cfg.QuotaBytes = 100
	q = f.open(t, cfg)
	j := Job{ID: NewID(), Status: Queued, Format: "csv", Output: "csv", Limit: 5, Size: 101, Owner: "k1"}
	if err := os.Mkdir(q.Folder(j.ID), 0o750); err != nil {
		t.Fatal(err)
	}
	if err := q.Enqueue(j); !errors.Is(err, ErrQuota) {
		t.Errorf("a job over the byte quota: %v, want ErrQuota", err)
	}
}

func TestCallerSees(t *testing.T) {
	for _, tt := range []struct {
		caller Caller
		owner  string
		sees   bool
	}{
		{Caller{Owner: "k1"}, "k1", true},
		{Caller{Owner: "k1"}, "k2", false},
		{Caller{Owner: "k1"}, "", false}, // made before jobs had owners
		{Caller{Owner: ""}, "", false},
		{Caller{Owner: "k1", Admin: true}, "k2", true},
		{Caller{Admin: true}, "", true},
	} {
		if got := tt.caller.Sees(&Job{Owner: tt.owner}); got != tt.sees {
			t.Errorf("%+v sees a job of %q: %v, want %v", tt.caller, tt.owner, got, tt.sees)
		}
	}
}

func TestDeleteOnlyWhatTheCallerSees(t *testing.T) {
	f := newFixture(t)
	q := f.open(t, DefaultConfig(t.TempDir()))
	j := upload(t, q, "k1", 3)
	wait(t, q, j.ID, func(j Job) bool { return !j.Active() })
	if _, _, err := q.Delete(Caller{Owner: "k2"}, j.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("another owner deletes: %v, want ErrNotFound", err)
	}
	if _, canceled, err := q.Delete(Caller{Owner: "k1"}, j.ID); err != nil || canceled {
		t.Fatalf("the owner deletes: canceled %v, %v", canceled, err)
	}
	if _, err := os.Stat(q.Folder(j.ID)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the deleted job's folder: %v", err)
	}
	if got, _ := q.List(Caller{Admin: true}); len(got) != 0 {
		t.Errorf("jobs after the delete: %+v", got)
	}
}
