package storetest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/vetoscreen/veto/store"
)

// addBatchJob stores a job of n chunks screened against versions.
func addBatchJob(t *testing.T, st store.Store, id, versions string, created time.Time, n int) {
	t.Helper()
	chunks := make([]store.BatchChunk, n)
	for i := range chunks {
		chunks[i] = store.BatchChunk{Start: int64(10 * i), Line: 2 + i, Input: fmt.Appendf(nil, "row %d\n", i)}
	}
	j := store.BatchJob{ID: id, Owner: "k1", Versions: versions, Spec: []byte(`{}`), Header: []byte("name\n"), Size: int64(10 * n), Created: created}
	if err := st.AddBatchJob(context.Background(), j, chunks); err != nil {
		t.Fatal(err)
	}
}

func testBatchJobs(t *testing.T, newStore func(t *testing.T) store.Store) {
	ctx := context.Background()
	st := newStore(t)
	t0 := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	const lease = 2 * time.Second
	addBatchJob(t, st, "job1", "un-sc@1", t0, 2)
	if err := st.AddBatchJob(ctx, store.BatchJob{ID: "job1", Spec: []byte(`{}`), Header: []byte{}, Created: t0}, nil); !errors.Is(err, store.ErrConflict) {
		t.Errorf("a second job1: %v, want ErrConflict", err)
	}

	// A worker serving other versions claims nothing.
	if c, err := st.ClaimBatchChunk(ctx, "other", "un-sc@2", t0, lease); err != nil || c != nil {
		t.Fatalf("claim against other versions: %+v, %v", c, err)
	}
	a, err := st.ClaimBatchChunk(ctx, "A", "un-sc@1", t0, lease)
	if err != nil || a == nil || a.Seq != 0 || string(a.Input) != "row 0\n" || a.Line != 2 || a.Claims != 1 {
		t.Fatalf("A's claim: %+v, %v", a, err)
	}
	b, err := st.ClaimBatchChunk(ctx, "B", "un-sc@1", t0, lease)
	if err != nil || b == nil || b.Seq != 1 {
		t.Fatalf("B's claim: %+v, %v", b, err)
	}
	if j, _ := st.BatchJob(ctx, "job1"); j.Status != store.BatchRunning || !j.Started.Equal(t0) {
		t.Errorf("job after claims: %s started %v, want running at %v", j.Status, j.Started, t0)
	}
	// Both chunks are under lease: nothing to claim until a lease ends.
	if c, _ := st.ClaimBatchChunk(ctx, "C", "un-sc@1", t0.Add(lease-time.Millisecond), lease); c != nil {
		t.Fatalf("C claimed chunk %d under lease", c.Seq)
	}
	// A renews its lease; B does not (it died). After the first lease,
	// C reclaims B's chunk, not A's.
	if ok, err := st.RenewBatchChunk(ctx, "job1", 0, "A", t0.Add(3*lease)); !ok || err != nil {
		t.Fatalf("A's renewal: %v, %v", ok, err)
	}
	if ok, _ := st.RenewBatchChunk(ctx, "job1", 0, "B", t0.Add(3*lease)); ok {
		t.Error("B renewed A's lease")
	}
	c, err := st.ClaimBatchChunk(ctx, "C", "un-sc@1", t0.Add(lease+time.Millisecond), lease)
	if err != nil || c == nil || c.Seq != 1 || c.Claims != 2 {
		t.Fatalf("C's reclaim: %+v, %v", c, err)
	}
	if ok, _ := st.RenewBatchChunk(ctx, "job1", 1, "B", t0.Add(3*lease)); ok {
		t.Error("B renewed the lease C took over")
	}

	// Results are stored once: B, slow but alive, completing after C
	// changes nothing.
	done := store.BatchChunk{JobID: "job1", Seq: 1, Output: []byte("out 1\n"), Errors: []byte("err 1\n"), Rows: 3, RowErrors: 1, Hits: 1, Tally: []byte(`{"rows":3}`)}
	if ok, err := st.CompleteBatchChunk(ctx, done, "C", t0.Add(lease+time.Second)); !ok || err != nil {
		t.Fatalf("C's completion: %v, %v", ok, err)
	}
	late := done
	late.Output = []byte("other\n")
	if ok, err := st.CompleteBatchChunk(ctx, late, "B", t0.Add(lease+2*time.Second)); ok || err != nil {
		t.Errorf("B's late completion: stored %v, %v; want not stored", ok, err)
	}
	if out, errs, err := st.BatchChunkResults(ctx, "job1", 1); err != nil || string(out) != "out 1\n" || string(errs) != "err 1\n" {
		t.Errorf("chunk 1's results: %q %q %v", out, errs, err)
	}
	if _, _, err := st.BatchChunkResults(ctx, "job1", 0); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("results of a chunk not done: %v, want ErrNotFound", err)
	}
	// No job's chunks are all done yet: no end to claim.
	if j, err := st.ClaimBatchEnd(ctx, "A", t0.Add(lease), lease); j != nil || err != nil {
		t.Fatalf("end claimed with a chunk to do: %+v, %v", j, err)
	}
	if ok, _ := st.CompleteBatchChunk(ctx, store.BatchChunk{JobID: "job1", Seq: 0, Output: []byte("out 0\n"), Rows: 2}, "A", t0.Add(2*lease)); !ok {
		t.Fatal("A's completion not stored")
	}
	chunks, err := st.BatchChunks(ctx, "job1")
	if err != nil || len(chunks) != 2 {
		t.Fatalf("chunks: %+v, %v", chunks, err)
	}
	if c := chunks[1]; c.DoneBy != "C" || c.ClaimedBy != "C" || c.Claims != 2 || c.OutputSize != 6 || c.ErrorsSize != 6 || string(c.Tally) != `{"rows":3}` {
		t.Errorf("the reclaimed chunk: %+v", c)
	}
	j, err := st.BatchJob(ctx, "job1")
	if err != nil || j.Done != 2 || j.Rows != 5 || j.Errors != 1 || j.Hits != 1 || j.DoneBytes != 12 || j.ResultBytes != 18 || string(j.Header) != "name\n" {
		t.Fatalf("job1 done: %+v, %v", j, err)
	}

	// One worker at a time records the end, while its lease lasts.
	end, err := st.ClaimBatchEnd(ctx, "A", t0.Add(2*lease), lease)
	if err != nil || end == nil || end.ID != "job1" {
		t.Fatalf("A's end claim: %+v, %v", end, err)
	}
	if j, _ := st.ClaimBatchEnd(ctx, "B", t0.Add(2*lease), lease); j != nil {
		t.Error("B claimed the end A holds")
	}
	if ok, err := st.EndBatchJob(ctx, "job1", store.BatchDone, "", t0.Add(3*lease)); !ok || err != nil {
		t.Fatalf("end: %v, %v", ok, err)
	}
	if ok, _ := st.EndBatchJob(ctx, "job1", store.BatchFailed, "late", t0.Add(3*lease)); ok {
		t.Error("a job ended twice")
	}
	if j, _ := st.BatchJob(ctx, "job1"); j.Status != store.BatchDone || !j.Finished.Equal(t0.Add(3*lease)) {
		t.Errorf("ended job: %+v", j)
	}

	// A canceled job's chunks are not claimed, renewed or completed.
	addBatchJob(t, st, "job2", "un-sc@1", t0.Add(time.Minute), 2)
	c2, _ := st.ClaimBatchChunk(ctx, "A", "un-sc@1", t0, lease)
	if c2 == nil || c2.JobID != "job2" {
		t.Fatalf("claim on job2: %+v", c2)
	}
	if ok, _ := st.EndBatchJob(ctx, "job2", store.BatchCanceled, "", t0); !ok {
		t.Fatal("cancel not stored")
	}
	if ok, _ := st.RenewBatchChunk(ctx, "job2", c2.Seq, "A", t0.Add(lease)); ok {
		t.Error("renewed a chunk of a canceled job")
	}
	if c, _ := st.ClaimBatchChunk(ctx, "B", "un-sc@1", t0, lease); c != nil {
		t.Errorf("claimed chunk %d of a canceled job", c.Seq)
	}
	if ok, _ := st.CompleteBatchChunk(ctx, store.BatchChunk{JobID: "job2", Seq: c2.Seq}, "A", t0); ok {
		t.Error("completed a chunk of a canceled job")
	}
	jobs, err := st.BatchJobs(ctx)
	if err != nil || len(jobs) != 2 || jobs[0].ID != "job2" {
		t.Errorf("jobs, newest first: %+v, %v", jobs, err)
	}
	if ok, err := st.DeleteBatchJob(ctx, "job2"); !ok || err != nil {
		t.Fatalf("delete: %v, %v", ok, err)
	}
	if ok, _ := st.DeleteBatchJob(ctx, "job2"); ok {
		t.Error("deleted job2 twice")
	}
	if _, err := st.BatchJob(ctx, "job2"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("deleted job: %v", err)
	}
	if cs, _ := st.BatchChunks(ctx, "job2"); len(cs) != 0 {
		t.Errorf("deleted job's chunks: %d", len(cs))
	}
}

// testBatchClaimsConcurrent has workers claim a job's chunks at once:
// each chunk goes to one worker.
func testBatchClaimsConcurrent(t *testing.T, newStore func(t *testing.T) store.Store) {
	ctx := context.Background()
	st := newStore(t)
	t0 := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	const chunks, workers = 40, 4
	addBatchJob(t, st, "job", "v", t0, chunks)
	var mu sync.Mutex
	claimed := map[int]string{}
	var wg sync.WaitGroup
	for w := range workers {
		name := fmt.Sprintf("w%d", w)
		wg.Go(func() {
			for {
				c, err := st.ClaimBatchChunk(ctx, name, "v", t0, time.Minute)
				if err != nil {
					t.Error(err)
					return
				}
				if c == nil {
					return
				}
				mu.Lock()
				if prev, ok := claimed[c.Seq]; ok {
					t.Errorf("chunk %d claimed by %s and %s", c.Seq, prev, name)
				}
				claimed[c.Seq] = name
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if len(claimed) != chunks {
		t.Errorf("%d chunks claimed, want %d", len(claimed), chunks)
	}
}
