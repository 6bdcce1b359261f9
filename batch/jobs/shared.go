package jobs

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/vetoscreen/veto/audit"
	"github.com/vetoscreen/veto/batch"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/store"
)

// Shared is the queue of batch jobs of several replicas on one
// PostgreSQL database: a job's upload is cut into chunks of records
// stored in the database (store.BatchJobs), and every replica's worker
// claims chunks, screens them against the snapshot it serves and stores
// their results; a download joins them in input order. A chunk is
// claimed under a lease that its worker renews while it screens: when
// the worker dies the lease runs out and another replica claims the
// chunk again, so nothing is lost; its results are stored once, so a
// slow but live worker finishing too changes nothing.
//
// A job records the list versions it is screened against when it is
// made (the snapshot served by the replica that took the upload, or the
// one of its as-of instant), and only a worker with a snapshot of those
// very versions claims its chunks: every row of a job is screened
// against the same lists. A replica serving newer versions leaves the
// job to those still serving its own (a job whose versions no replica
// serves any more waits; cancel it and upload again).
//
// Owners, quotas and expiry are the folder Queue's, counted in the
// database: every replica sees every job.
type Shared struct {
	cfg      Config
	st       SharedStore
	snapshot func() *screen.Snapshot
	asOf     func(context.Context, time.Time) (*screen.Snapshot, error)
	trail    *audit.Log
	log      *slog.Logger
	now      func() time.Time
	worker   string

	ctx   context.Context
	stop  context.CancelFunc
	tasks sync.WaitGroup

	mu        sync.Mutex
	uploading map[string]int
	specs     map[string]*spec // the jobs this worker screened chunks of
}

// SharedStore is what Shared keeps jobs in: the batch jobs of a store,
// and its locks, so that one replica at a time sweeps expired jobs.
type SharedStore interface {
	store.BatchJobs
	store.Locker
}

// spec is what a worker needs of a job to screen its chunks.
type spec struct {
	job    Job
	header []byte
}

// Defaults of Config's fields for Shared.
const (
	DefaultLease     = time.Minute
	DefaultChunkRows = 2000
)

// OpenShared starts the replica's worker, which claims chunks of the
// jobs in st until Close, and the sweeps of expired jobs. cfg.Dir holds
// uploads while they are cut into chunks.
func OpenShared(cfg Config, st SharedStore, d Deps) (*Shared, error) {
	if cfg.Dir == "" || cfg.QuotaBytes < 1 || cfg.QuotaJobs < 1 || cfg.Expiry <= 0 || cfg.Lease < 0 || cfg.ChunkRows < 0 {
		return nil, fmt.Errorf("jobs: %+v: want a folder, quotas of at least 1 and an expiry", cfg)
	}
	if d.Snapshot == nil {
		return nil, errors.New("jobs: no snapshot to screen against")
	}
	if err := os.MkdirAll(cfg.Dir, 0o750); err != nil {
		return nil, fmt.Errorf("jobs: create the uploads folder: %w", err)
	}
	cfg.Lease, cfg.ChunkRows = cmp.Or(cfg.Lease, DefaultLease), cmp.Or(cfg.ChunkRows, DefaultChunkRows)
	q := &Shared{cfg: cfg, st: st, snapshot: d.Snapshot, asOf: d.AsOf, trail: d.Audit, log: cmp.Or(d.Logger, slog.New(slog.DiscardHandler)),
		now: d.Now, worker: cmp.Or(cfg.Worker, workerName()), uploading: map[string]int{}, specs: map[string]*spec{}}
	if q.now == nil {
		q.now = time.Now
	}
	q.ctx, q.stop = context.WithCancel(context.Background())
	q.log.Info("jobs: batch jobs shared with the replicas on the database", "worker", q.worker, "lease", cfg.Lease, "chunkRows", cfg.ChunkRows)
	q.tasks.Go(q.work)
	q.tasks.Go(q.sweepEvery)
	return q, nil
}

// workerName names this process among the replicas: its host and
// process ID, and random hex in case two hosts share a name.
func workerName() string {
	host, _ := os.Hostname()
	var b [3]byte
	_, _ = rand.Read(b[:])
	return fmt.Sprintf("%s:%d:%s", cmp.Or(host, "veto"), os.Getpid(), hex.EncodeToString(b[:]))
}

// Worker is the name this replica claims chunks under.
func (q *Shared) Worker() string { return q.worker }

// Close stops the worker (the chunk it was screening is claimed again
// once its lease runs out) and the sweeps, and waits for them.
func (q *Shared) Close() {
	q.stop()
	q.tasks.Wait()
}

// Folder is where a job's upload is written before Enqueue.
func (q *Shared) Folder(id string) string { return folder(q.cfg.Dir, id) }

// Enqueue cuts a job's upload, in its folder, into chunks and stores
// them with the job, screened against the versions served now (or those
// of its as-of instant), then removes the folder.
func (q *Shared) Enqueue(job Job) error {
	ctx := q.ctx
	snap, err := snapshotOf(ctx, q.snapshot, q.asOf, &job)
	if err != nil {
		return err
	}
	job.Versions, job.Status = snap.Refs(), Queued
	m, _ := batch.ParseMapping(job.Map) // checked on upload
	var header []byte
	var chunks []store.BatchChunk
	err = batch.Split(folderPath(q.cfg.Dir, job.ID, InputFile), batch.ReadOptions{Format: batch.Format(job.Format), Map: m}, q.cfg.ChunkRows,
		func(h []byte, c batch.Chunk) error {
			header = h
			chunks = append(chunks, store.BatchChunk{Start: c.Start.Offset, Line: c.Start.Line, Input: c.Data})
			return nil
		})
	if err != nil {
		return fmt.Errorf("job %s: %w", job.ID, err)
	}
	// Checked again now that the quota is counted in the database, where
	// other replicas' uploads may have landed meanwhile.
	if _, used, err := q.usage(ctx, job.Owner); err != nil {
		return err
	} else if used+job.Size > q.cfg.QuotaBytes {
		return q.OverQuota(fmt.Sprintf("%d bytes", job.Size), job.Owner, q.cfg.QuotaBytes-used)
	}
	b, err := json.Marshal(job)
	if err != nil {
		return err
	}
	if header == nil {
		header = []byte{}
	}
	if err := q.st.AddBatchJob(ctx, store.BatchJob{ID: job.ID, Owner: job.Owner, Versions: snap.RefString(), Spec: b, Header: header,
		Size: job.Size, Created: job.Created}, chunks); err != nil {
		return err
	}
	q.log.Info("jobs: job queued for the replicas", "job", job.ID, "chunks", len(chunks), "versions", snap.RefString())
	return os.RemoveAll(q.Folder(job.ID))
}

// view is a stored job as the API shows it.
func (q *Shared) view(b *store.BatchJob) (Job, error) {
	var j Job
	if err := json.Unmarshal(b.Spec, &j); err != nil {
		return Job{}, fmt.Errorf("job %s: %w", b.ID, err)
	}
	j.Status, j.Started, j.Finished, j.Error = b.Status, b.Started, b.Finished, b.Error
	j.Rows, j.Errors, j.Hits = b.Rows, b.Errors, b.Hits
	if b.Size > 0 {
		j.Progress = min(float64(b.DoneBytes+int64(len(b.Header)))/float64(b.Size), 1)
	}
	if j.Status == Done {
		j.Progress = 1
	}
	if !j.Started.IsZero() {
		end := cmp.Or(j.Finished, q.now())
		if d := end.Sub(j.Started).Seconds(); d > 0 {
			j.RowsPerSecond = float64(j.Rows) / d
		}
	}
	return j, nil
}

// Get returns the job, if the caller may see it.
func (q *Shared) Get(c Caller, id string) (Job, error) {
	b, err := q.st.BatchJob(q.ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return Job{}, fmt.Errorf("no job %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return Job{}, err
	}
	j, err := q.view(b)
	if err != nil {
		return Job{}, err
	}
	if !c.Sees(&j) {
		return Job{}, fmt.Errorf("no job %q: %w", id, ErrNotFound)
	}
	return j, nil
}

// List returns the jobs the caller sees, newest first.
func (q *Shared) List(c Caller) ([]Job, error) {
	bs, err := q.st.BatchJobs(q.ctx)
	if err != nil {
		return nil, err
	}
	list := []Job{}
	for i := range bs {
		j, err := q.view(&bs[i])
		if err != nil {
			return nil, err
		}
		if c.Sees(&j) {
			list = append(list, j)
		}
	}
	return list, nil
}

// Delete cancels a queued or running job (every replica's worker stops
// screening its chunks at its next lease renewal), or deletes a finished
// one.
func (q *Shared) Delete(c Caller, id string) (Job, bool, error) {
	j, err := q.Get(c, id)
	if err != nil {
		return Job{}, false, err
	}
	ctx := q.ctx
	if j.Active() {
		ended, err := q.st.EndBatchJob(ctx, id, store.BatchCanceled, "", q.now().UTC())
		if err != nil {
			return Job{}, false, err
		}
		if ended {
			q.recordEnd(ctx, id, Canceled)
		}
		j, err = q.Get(c, id)
		return j, err == nil, err
	}
	deleted, err := q.st.DeleteBatchJob(ctx, id)
	if err != nil {
		return Job{}, false, err
	}
	if !deleted {
		return Job{}, false, fmt.Errorf("no job %q: %w", id, ErrNotFound)
	}
	return j, false, nil
}

// usage counts an owner's active jobs and the bytes its jobs keep (the
// uploads and the results) in the database.
func (q *Shared) usage(ctx context.Context, owner string) (active int, used int64, err error) {
	bs, err := q.st.BatchJobs(ctx)
	if err != nil {
		return 0, 0, err
	}
	for _, b := range bs {
		if b.Owner == owner {
			if b.Active() {
				active++
			}
			used += b.Size + b.ResultBytes
		}
	}
	return active, used, nil
}

// Reserve holds a place for an upload among the owner's active jobs, as
// Queue.Reserve does, counting the jobs of every replica.
func (q *Shared) Reserve(owner string) (release func(), left int64, err error) {
	active, used, err := q.usage(q.ctx, owner)
	if err != nil {
		return nil, 0, err
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	if err := q.cfg.quotaLeft(owner, active+q.uploading[owner], used); err != nil {
		return nil, 0, err
	}
	q.uploading[owner]++
	return releaser(&q.mu, q.uploading, owner), q.cfg.QuotaBytes - used, nil
}

// OverQuota refuses an upload over its owner's storage quota.
func (q *Shared) OverQuota(size, owner string, left int64) error {
	return q.cfg.overQuota(size, owner, left)
}

// Results opens a job's results: the output header, then each chunk's
// output rows, read from the database a chunk at a time.
func (q *Shared) Results(j *Job) (io.ReadSeekCloser, error) {
	head, _ := batch.Headers(batch.Format(j.Output))
	return q.open(j, head, false)
}

// Errors opens a job's errors file, as Results.
func (q *Shared) Errors(j *Job) (io.ReadSeekCloser, error) {
	_, head := batch.Headers(batch.Format(j.Output))
	return q.open(j, head, true)
}

func (q *Shared) open(j *Job, head []byte, errs bool) (io.ReadSeekCloser, error) {
	chunks, err := q.st.BatchChunks(q.ctx, j.ID)
	if err != nil {
		return nil, err
	}
	f := &chunksFile{ctx: q.ctx, st: q.st, job: j.ID, errs: errs, head: head, cur: -1, ends: make([]int64, len(chunks))}
	end := int64(len(head))
	for i, c := range chunks {
		if errs {
			end += c.ErrorsSize
		} else {
			end += c.OutputSize
		}
		f.ends[i] = end
	}
	f.size = end
	return f, nil
}

// chunksFile reads a job's results as one file: a header, then the
// chunks' results in order, one chunk in memory at a time.
type chunksFile struct {
	ctx  context.Context
	st   store.BatchJobs
	job  string
	errs bool
	head []byte
	ends []int64 // where each chunk's results end in the file
	size int64
	off  int64
	cur  int // the chunk in buf, or -1
	buf  []byte
}

func (f *chunksFile) Read(p []byte) (int, error) {
	if f.off >= f.size {
		return 0, io.EOF
	}
	if f.off < int64(len(f.head)) {
		n := copy(p, f.head[f.off:])
		f.off += int64(n)
		return n, nil
	}
	i := 0
	for f.ends[i] <= f.off {
		i++
	}
	if i != f.cur {
		out, errs, err := f.st.BatchChunkResults(f.ctx, f.job, i)
		if err != nil {
			return 0, err
		}
		f.buf, f.cur = out, i
		if f.errs {
			f.buf = errs
		}
	}
	start := f.ends[i] - int64(len(f.buf))
	n := copy(p, f.buf[f.off-start:])
	f.off += int64(n)
	return n, nil
}

func (f *chunksFile) Seek(offset int64, whence int) (int64, error) {
	switch whence {
	case io.SeekCurrent:
		offset += f.off
	case io.SeekEnd:
		offset += f.size
	}
	if offset < 0 {
		return f.off, errors.New("seek before the start")
	}
	f.off = offset
	return offset, nil
}

func (f *chunksFile) Close() error { return nil }

// idle is how long the worker waits, when there was nothing to do,
// before it looks again.
func (q *Shared) idle() time.Duration { return min(q.cfg.Lease/4, time.Second) }

// work claims and screens chunks, and records the end of jobs whose
// chunks are all done, until Close.
func (q *Shared) work() {
	for q.ctx.Err() == nil {
		did, err := q.step(q.ctx)
		if err != nil && q.ctx.Err() == nil {
			q.log.Error("jobs: worker", "worker", q.worker, "err", err)
		}
		if !did {
			select {
			case <-q.ctx.Done():
			case <-time.After(q.idle()):
			}
		}
	}
}

// step does one thing a job needs, if there is one: records a job's end,
// or claims and screens a chunk.
func (q *Shared) step(ctx context.Context) (bool, error) {
	end, err := q.st.ClaimBatchEnd(ctx, q.worker, q.now(), q.cfg.Lease)
	if err != nil {
		return false, err
	}
	if end != nil {
		q.finish(ctx, end)
		return true, nil
	}
	if snap := q.snapshot(); snap != nil {
		if did, err := q.claim(ctx, snap); did || err != nil {
			return did, err
		}
	}
	return q.stepAsOf(ctx)
}

// claim claims a chunk of a job screened against snap's versions and
// screens it, if there is one.
func (q *Shared) claim(ctx context.Context, snap *screen.Snapshot) (bool, error) {
	start := time.Now()
	c, err := q.st.ClaimBatchChunk(ctx, q.worker, snap.RefString(), q.now(), q.cfg.Lease)
	if err != nil || c == nil {
		return false, err
	}
	return true, q.screen(ctx, snap, c, time.Since(start))
}

// stepAsOf claims and screens a chunk of an active job made as of an
// instant, with versions this worker does not serve but can load.
func (q *Shared) stepAsOf(ctx context.Context) (bool, error) {
	if q.asOf == nil {
		return false, nil
	}
	bs, err := q.st.BatchJobs(ctx)
	if err != nil {
		return false, err
	}
	served := q.snapshot()
	for i := range bs {
		b := &bs[i]
		if !b.Active() || b.Done == b.Chunks || served != nil && b.Versions == served.RefString() {
			continue
		}
		var j Job
		if json.Unmarshal(b.Spec, &j) != nil || j.AsOf.IsZero() {
			continue
		}
		snap, err := q.asOf(ctx, j.AsOf)
		if err != nil || snap.RefString() != b.Versions {
			continue
		}
		if did, err := q.claim(ctx, snap); did || err != nil {
			return did, err
		}
	}
	return false, nil
}

// specOf returns what the worker needs of a job, read once.
func (q *Shared) specOf(ctx context.Context, id string) (*spec, error) {
	q.mu.Lock()
	s := q.specs[id]
	q.mu.Unlock()
	if s != nil {
		return s, nil
	}
	b, err := q.st.BatchJob(ctx, id)
	if err != nil {
		return nil, err
	}
	j, err := q.view(b)
	if err != nil {
		return nil, err
	}
	s = &spec{job: j, header: b.Header}
	q.mu.Lock()
	q.specs[id] = s
	q.mu.Unlock()
	return s, nil
}

// screen screens a chunk claimed against snap and stores its results,
// renewing the lease meanwhile; it stops when the lease cannot be
// renewed (the job was canceled, or the chunk given to another worker).
// claimed is how long the claim took, for the log.
func (q *Shared) screen(ctx context.Context, snap *screen.Snapshot, c *store.BatchChunk, claimed time.Duration) error {
	s, err := q.specOf(ctx, c.JobID)
	if err != nil {
		return err
	}
	log := q.log.With("job", c.JobID, "chunk", c.Seq, "worker", q.worker)
	if c.Claims > 1 {
		log.Info("jobs: chunk reclaimed: its lease ran out", "claims", c.Claims)
	} else {
		log.Debug("jobs: chunk claimed")
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	renewed := make(chan struct{})
	go func() {
		defer close(renewed)
		t := time.NewTicker(q.cfg.Lease / 3)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			ok, err := q.st.RenewBatchChunk(ctx, c.JobID, c.Seq, q.worker, q.now().Add(q.cfg.Lease))
			if err != nil && ctx.Err() == nil {
				log.Warn("jobs: the chunk's lease could not be renewed", "err", err)
			}
			if err == nil && !ok {
				log.Info("jobs: chunk given up: its job was canceled, or its lease ran out and another worker took it")
				cancel()
				return
			}
		}
	}()
	j := &s.job
	m, _ := batch.ParseMapping(j.Map)
	opts := batch.Options{
		Read:   batch.ReadOptions{Format: batch.Format(j.Format), Map: m},
		Output: batch.Format(j.Output),
		Screen: screen.Options{Threshold: j.Threshold, Limit: j.Limit, Lists: q.cfg.Lists},
	}
	start := time.Now()
	res, err := batch.ScreenChunk(ctx, snap.Screener(), "job "+j.ID, s.header, batch.Chunk{Start: batch.Position{Offset: c.Start, Line: c.Line}, Data: c.Input}, opts)
	cancel()
	<-renewed
	if ctx.Err() != nil && err != nil && q.ctx.Err() == nil && errors.Is(err, context.Canceled) {
		return nil // given up
	}
	if err != nil {
		if q.ctx.Err() != nil {
			return nil // closing: the chunk is claimed again after its lease
		}
		if ended, eerr := q.st.EndBatchJob(q.ctx, j.ID, store.BatchFailed, batch.Reason(err), q.now().UTC()); eerr == nil && ended {
			q.recordEnd(q.ctx, j.ID, Failed)
		}
		return fmt.Errorf("job %s chunk %d: %w", j.ID, c.Seq, err)
	}
	tally, err := json.Marshal(res.Tally)
	if err != nil {
		return err
	}
	done := store.BatchChunk{JobID: c.JobID, Seq: c.Seq, Output: res.Output, Errors: res.Errors,
		Rows: res.Tally.Rows, RowErrors: res.Tally.Errors, Hits: res.Hits, Tally: tally}
	screened := time.Since(start)
	stored, err := q.st.CompleteBatchChunk(q.ctx, done, q.worker, q.now().UTC())
	if err != nil {
		return err
	}
	// The times in the database (claim, store) against the screening's
	// are the serial share of a job spread over replicas.
	log.Debug("jobs: chunk done", "rows", res.Tally.Rows, "stored", stored, "claim", claimed.Round(time.Microsecond),
		"screen", screened.Round(time.Microsecond), "store", (time.Since(start) - screened).Round(time.Microsecond))
	return nil
}

// finish records the end of a job whose chunks are all done: its audit
// entry first, then the status that lets its results be downloaded (a
// job whose entry cannot be recorded fails).
func (q *Shared) finish(ctx context.Context, b *store.BatchJob) {
	status := Done
	sum, _, err := q.summary(ctx, b.ID, Done)
	if err == nil {
		err = record(q.trail, q.log, b.Owner, sum)
	}
	msg := ""
	if err != nil {
		status, msg = Failed, "the job's screening could not be recorded in the audit trail, so its results are not served: "+err.Error()
	}
	if _, err := q.st.EndBatchJob(ctx, b.ID, status, msg, q.now().UTC()); err != nil {
		q.log.Error("jobs: end", "job", b.ID, "err", err)
		return
	}
	q.mu.Lock()
	delete(q.specs, b.ID)
	q.mu.Unlock()
	q.log.Info("jobs: job ended", "job", b.ID, "status", status, "rows", b.Rows, "errors", b.Errors, "hits", b.Hits, "worker", q.worker)
}

// recordEnd records a job that ended without being done (canceled,
// failed), with the tally of its chunks done.
func (q *Shared) recordEnd(ctx context.Context, id, status string) {
	sum, owner, err := q.summary(ctx, id, status)
	if err == nil {
		err = record(q.trail, q.log, owner, sum)
	}
	if err != nil {
		q.log.Error("jobs: the job's end could not be recorded", "job", id, "status", status, "err", err)
	}
}

// summary is a job's audit entry, the merged tallies of its chunks
// done, and the job's owner.
func (q *Shared) summary(ctx context.Context, id, status string) (*Screening, string, error) {
	b, err := q.st.BatchJob(ctx, id)
	if err != nil {
		return nil, "", err
	}
	chunks, err := q.st.BatchChunks(ctx, id)
	if err != nil {
		return nil, "", err
	}
	sum := &Screening{Job: id, Status: status}
	first := true
	for _, c := range chunks {
		if c.DoneAt.IsZero() {
			continue
		}
		var t batch.Tally
		if err := json.Unmarshal(c.Tally, &t); err != nil {
			return nil, "", fmt.Errorf("job %s chunk %d's tally: %w", id, c.Seq, err)
		}
		if first {
			sum.Tally, first = t, false
		} else {
			sum.Merge(&t)
		}
	}
	if !b.Started.IsZero() {
		sum.Took = q.now().Sub(b.Started).Round(time.Millisecond).String()
	}
	return sum, b.Owner, nil
}

func (q *Shared) sweepEvery() {
	t := time.NewTicker(sweepInterval(q.cfg.Expiry))
	defer t.Stop()
	for {
		q.Sweep(q.now())
		if bs, err := q.st.BatchJobs(q.ctx); err == nil {
			q.forget(bs)
		}
		select {
		case <-q.ctx.Done():
			return
		case <-t.C:
		}
	}
}

// forget drops what the worker read of the jobs that are no longer
// active (another replica ended them).
func (q *Shared) forget(bs []store.BatchJob) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for _, b := range bs {
		if !b.Active() {
			delete(q.specs, b.ID)
		}
	}
}

// Sweep deletes the finished jobs that expired by now, each deletion
// recorded in the audit trail first (a job whose entry cannot be
// recorded stays, for the next sweep); one replica at a time sweeps.
func (q *Shared) Sweep(now time.Time) int {
	ctx := q.ctx
	release, ok, err := q.st.TryLock(ctx, "batch job sweep")
	if err != nil || !ok {
		return 0
	}
	defer release()
	bs, err := q.st.BatchJobs(ctx)
	if err != nil {
		q.log.Error("jobs: sweep", "err", err)
		return 0
	}
	n := 0
	for _, b := range bs {
		if b.Active() || now.Sub(cmp.Or(b.Finished, b.Created)) < q.cfg.Expiry {
			continue
		}
		data := map[string]any{"owner": b.Owner, "status": b.Status, "created": b.Created, "finished": b.Finished,
			"rows": b.Rows, "hits": b.Hits, "bytes": b.Size + b.ResultBytes, "expiry": q.cfg.Expiry.String()}
		if q.trail != nil {
			if err := q.trail.Record(ctx, "veto", ActionExpire, "job/"+b.ID, data); err != nil {
				q.log.Error("jobs: expired job not deleted; trying again at the next sweep", "job", b.ID, "err", err)
				continue
			}
		}
		if _, err := q.st.DeleteBatchJob(ctx, b.ID); err != nil {
			q.log.Error("jobs: expired job not deleted; trying again at the next sweep", "job", b.ID, "err", err)
			continue
		}
		q.log.Info("jobs: expired job deleted", "job", b.ID, "owner", b.Owner, "finished", b.Finished)
		n++
	}
	return n
}
