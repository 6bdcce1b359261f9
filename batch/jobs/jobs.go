// Package jobs is the persistent queue of batch screening jobs: a file of
// customers uploaded once, screened in the background (package batch),
// its results kept for download. The API's /v1/jobs routes are HTTP over
// it.
//
// Each job is a folder in Config.Dir holding the upload, the results, the
// errors file, the batch checkpoint and job.json, the metadata, so that a
// restarted server lists its jobs and resumes the one it was running
// where its checkpoint says. One job runs at a time, on every core; the
// others wait in the order they came.
//
// A job belongs to the API key that made it (Job.Owner): a Caller sees
// its own jobs, an admin every job. Each owner has quotas (Config.
// QuotaBytes on what its jobs keep on disk, Config.QuotaJobs on its jobs
// queued, running or being uploaded), and finished jobs are deleted with
// their files after Config.Expiry, each deletion in the audit trail.
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
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/vetoscreen/veto/audit"
	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/batch"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/screen"
)

// ActionExpire is the audit action of a finished job deleted because it
// expired.
const ActionExpire = "job.expire"

// Job statuses.
const (
	Queued   = "queued"
	Running  = "running"
	Done     = "done"
	Failed   = "failed"
	Canceled = "canceled"
	// Interrupted is how a run stopped by the server's shutdown ends in
	// the audit trail; the job itself stays queued, and resumes from its
	// checkpoint at the next start.
	Interrupted = "interrupted"
)

// Files of a job's folder.
const (
	InputFile  = "input"
	ErrorsFile = "errors.csv"
	metaFile   = "job.json"
)

// Errors of the queue, wrapped with a message fit to show the client.
var (
	// ErrNotFound: no such job, or not one the caller may see.
	ErrNotFound = errors.New("no such job")
	// ErrTooManyJobs: the owner has Config.QuotaJobs jobs queued, running
	// or being uploaded.
	ErrTooManyJobs = errors.New("too many jobs")
	// ErrQuota: the owner's jobs would keep more than Config.QuotaBytes.
	ErrQuota = errors.New("over the storage quota")
)

// Job is a batch screening job.
type Job struct {
	ID     string `json:"id"`
	Status string `json:"status"`
	// Format is the input's format and Output the results' (csv or
	// jsonl); Map, Threshold and Limit are the options the job runs with.
	Format    string  `json:"format"`
	Output    string  `json:"output"`
	Map       string  `json:"map,omitempty"`
	Threshold float64 `json:"threshold,omitempty"`
	Limit     int     `json:"limit"`
	// Size is the upload's size in bytes, Progress the share of it
	// screened (0 to 1).
	Size     int64   `json:"size"`
	Progress float64 `json:"progress"`
	// Rows screened so far, Errors among them (rows that could not be
	// read), Hits (rows with at least one hit), and the speed.
	Rows          int64     `json:"rows"`
	Errors        int64     `json:"errors"`
	Hits          int64     `json:"hits"`
	RowsPerSecond float64   `json:"rowsPerSecond"`
	Created       time.Time `json:"created"`
	Started       time.Time `json:"started,omitzero"`
	Finished      time.Time `json:"finished,omitzero"`
	// Error says why a job failed.
	Error string `json:"error,omitempty"`
	// AsOf, when set, screens against the list versions in force at that
	// instant rather than those served when the job starts.
	AsOf time.Time `json:"asOf,omitzero"`
	// Versions are the list versions the job screens against, set when
	// it starts (every row of the results names them too).
	Versions []entity.VersionRef `json:"versions,omitempty"`
	// Owner is the ID of the API key that made the job: only it and
	// admins see the job. Jobs made before jobs had owners have none and
	// are admins' only.
	Owner string `json:"owner,omitempty"`
}

// Active reports whether the job is queued or running.
func (j *Job) Active() bool { return j.Status == Queued || j.Status == Running }

// NewID returns a new job's ID: its creation time, then random hex.
func NewID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return time.Now().UTC().Format("20060102T150405") + "-" + hex.EncodeToString(b[:])
}

// Caller is who asks for jobs: the ID of its API key, and whether it sees
// every key's jobs. Without keys (veto serve --no-auth) everyone is the
// one anonymous admin.
type Caller struct {
	Owner string
	Admin bool
}

// Sees says whether the caller may see a job. A job with no owner was
// made before jobs had owners: whose it was is not known, so only
// admins see it.
func (c Caller) Sees(j *Job) bool { return c.Admin || j.Owner != "" && j.Owner == c.Owner }

// Config holds the queue's folder, quotas and expiry.
type Config struct {
	// Dir is the folder of the jobs, one subfolder per job.
	Dir string
	// QuotaBytes bounds the bytes one owner's jobs keep on disk (uploads
	// and results), and QuotaJobs its jobs queued, running or being
	// uploaded at once: one key cannot fill the disk or the queue for
	// the others.
	QuotaBytes int64
	QuotaJobs  int
	// Expiry is how long a finished job is kept before it and its files
	// are deleted.
	Expiry time.Duration
	// Lists are the lists or regimes a job screens against (empty: all).
	Lists []string
	// Of a Shared queue only: the lease on a chunk claimed (default
	// DefaultLease), which its worker renews every third of it; the
	// records in a chunk (default DefaultChunkRows); and the name this
	// replica claims chunks under (default: host, process ID, random).
	Lease     time.Duration
	ChunkRows int
	Worker    string
}

// Service is a queue of batch jobs, as the API serves it: a Queue, the
// jobs of one server in a folder, or a Shared queue, those of the
// replicas on one PostgreSQL database.
type Service interface {
	// Reserve holds a place for an upload in its owner's quotas, until
	// release; left is what the upload may take of the byte quota.
	Reserve(owner string) (release func(), left int64, err error)
	// OverQuota refuses an upload of size (in words) over its owner's
	// storage quota, of which left bytes are left.
	OverQuota(size, owner string, left int64) error
	// Folder is the folder a job's upload is written to (InputFile)
	// before Enqueue.
	Folder(id string) string
	// Enqueue queues a new job whose upload is in its folder.
	Enqueue(j Job) error
	// Get returns a job the caller may see, else ErrNotFound.
	Get(c Caller, id string) (Job, error)
	// List returns the jobs the caller sees, newest first.
	List(c Caller) ([]Job, error)
	// Delete cancels an active job (canceled true, and the job), or
	// deletes a finished one; ErrNotFound if the caller sees none.
	Delete(c Caller, id string) (j Job, canceled bool, err error)
	// Results and Errors open a done job's results and errors file.
	Results(j *Job) (io.ReadSeekCloser, error)
	Errors(j *Job) (io.ReadSeekCloser, error)
	// Close stops the queue's work, which resumes at the next start.
	Close()
}

var (
	_ Service = (*Queue)(nil)
	_ Service = (*Shared)(nil)
)

// DefaultConfig returns the documented defaults (veto serve's), for the
// folder dir.
func DefaultConfig(dir string) Config {
	return Config{Dir: dir, QuotaBytes: 1 << 30, QuotaJobs: 4, Expiry: 7 * 24 * time.Hour}
}

// Queue holds the jobs and runs them one at a time.
type Queue struct {
	cfg      Config
	snapshot func() *screen.Snapshot
	asOf     func(context.Context, time.Time) (*screen.Snapshot, error)
	trail    *audit.Log
	log      *slog.Logger
	now      func() time.Time

	// ctx ends at Close: it stops the sweeps and the job running, which
	// resumes at the next start.
	ctx   context.Context
	stop  context.CancelFunc
	tasks sync.WaitGroup

	mu      sync.Mutex
	jobs    map[string]*Job
	queue   []string
	running bool
	cancel  map[string]context.CancelFunc
	saved   map[string]time.Time // when job.json was last written
	// uploading counts the uploads in progress by owner: they hold a
	// place in their owner's quota of active jobs until they are queued
	// or refused.
	uploading map[string]int
}

// Deps are what the queue works with.
type Deps struct {
	// Snapshot returns the snapshot served: a job takes it once, when it
	// starts, and screens every row against it.
	Snapshot func() *screen.Snapshot
	// AsOf returns the snapshot of the versions in force at an instant,
	// for jobs made with one; nil refuses them.
	AsOf func(context.Context, time.Time) (*screen.Snapshot, error)
	// Audit records each job's screening and each expiry; nil records
	// nothing.
	Audit  *audit.Log
	Logger *slog.Logger
	// Now is the clock expiry is measured by (default time.Now).
	Now func() time.Time
}

// Open loads the jobs in cfg.Dir (created if need be), deletes those
// that expired while no queue ran, resumes those a shutdown interrupted,
// and sweeps expired jobs every tenth of the expiry (at most hourly)
// until Close.
func Open(cfg Config, d Deps) (*Queue, error) {
	if cfg.Dir == "" || cfg.QuotaBytes < 1 || cfg.QuotaJobs < 1 || cfg.Expiry <= 0 {
		return nil, fmt.Errorf("jobs: %+v: want a folder, quotas of at least 1 and an expiry", cfg)
	}
	if d.Snapshot == nil {
		return nil, errors.New("jobs: no snapshot to screen against")
	}
	if err := os.MkdirAll(cfg.Dir, 0o750); err != nil {
		return nil, fmt.Errorf("jobs: create the jobs folder: %w", err)
	}
	q := &Queue{cfg: cfg, snapshot: d.Snapshot, asOf: d.AsOf, trail: d.Audit, log: cmp.Or(d.Logger, slog.New(slog.DiscardHandler)), now: d.Now,
		jobs: map[string]*Job{}, cancel: map[string]context.CancelFunc{}, saved: map[string]time.Time{}, uploading: map[string]int{}}
	if q.now == nil {
		q.now = time.Now
	}
	q.ctx, q.stop = context.WithCancel(context.Background())
	paths, _ := filepath.Glob(filepath.Join(cfg.Dir, "*", metaFile))
	var pending []*Job
	for _, p := range paths {
		b, err := os.ReadFile(p)
		var j Job
		if err == nil {
			err = json.Unmarshal(b, &j)
		}
		if err != nil || j.ID != filepath.Base(filepath.Dir(p)) {
			q.log.Warn("jobs: unreadable job skipped", "file", p, "err", err)
			continue
		}
		q.jobs[j.ID] = &j
		if j.Active() {
			j.Status = Queued // a running job resumes from its checkpoint
			pending = append(pending, &j)
		}
	}
	// Jobs that expired while the server was down go before it serves.
	q.Sweep(q.now())
	q.tasks.Go(q.sweepEvery)
	slices.SortFunc(pending, func(a, b *Job) int { return a.Created.Compare(b.Created) })
	for _, j := range pending {
		q.queue = append(q.queue, j.ID)
	}
	q.mu.Lock()
	q.startWorker()
	q.mu.Unlock()
	return q, nil
}

// Close stops the sweeps and the job running (it resumes from its
// checkpoint at the next start), and waits for them.
func (q *Queue) Close() {
	q.stop()
	q.tasks.Wait()
}

// Folder is a job's folder.
func (q *Queue) Folder(id string) string { return folder(q.cfg.Dir, id) }

func (q *Queue) path(id, name string) string { return folderPath(q.cfg.Dir, id, name) }

func folder(dir, id string) string { return filepath.Join(dir, id) }

func folderPath(dir, id, name string) string { return filepath.Join(dir, id, name) }

// ResultsPath is the file of a job's results.
func (q *Queue) ResultsPath(j *Job) string { return q.path(j.ID, "results."+j.Output) }

// ErrorsPath is the file of a job's rows not screened (CSV: line,
// reason, record).
func (q *Queue) ErrorsPath(j *Job) string { return q.path(j.ID, ErrorsFile) }

// Results opens a job's results file.
func (q *Queue) Results(j *Job) (io.ReadSeekCloser, error) { return os.Open(q.ResultsPath(j)) }

// Errors opens a job's errors file.
func (q *Queue) Errors(j *Job) (io.ReadSeekCloser, error) { return os.Open(q.ErrorsPath(j)) }

// save writes the job's metadata atomically; the caller holds q.mu.
func (q *Queue) save(j *Job) error {
	b, err := json.MarshalIndent(j, "", "  ")
	if err != nil {
		return err
	}
	tmp := q.path(j.ID, metaFile+".tmp")
	if err := os.WriteFile(tmp, b, 0o640); err != nil {
		return fmt.Errorf("job %s: %w", j.ID, err)
	}
	q.saved[j.ID] = time.Now()
	return os.Rename(tmp, q.path(j.ID, metaFile))
}

// Get returns a copy of the job, if the caller may see it: another key's
// job is as unknown as one that never was.
func (q *Queue) Get(c Caller, id string) (Job, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	j, ok := q.jobs[id]
	if !ok || !c.Sees(j) {
		return Job{}, fmt.Errorf("no job %q: %w", id, ErrNotFound)
	}
	return *j, nil
}

// List returns copies of the jobs the caller sees, newest first.
func (q *Queue) List(c Caller) ([]Job, error) {
	q.mu.Lock()
	list := []Job{}
	for _, j := range q.jobs {
		if c.Sees(j) {
			list = append(list, *j)
		}
	}
	q.mu.Unlock()
	slices.SortFunc(list, func(a, b Job) int { return b.Created.Compare(a.Created) })
	return list, nil
}

// startWorker starts the worker if jobs are queued and it is idle and the
// queue open; the caller holds q.mu.
func (q *Queue) startWorker() {
	if q.running || len(q.queue) == 0 || q.ctx.Err() != nil {
		return
	}
	q.running = true
	q.tasks.Go(q.work)
}

// work runs the queued jobs, one at a time, until there are none or the
// queue closes.
func (q *Queue) work() {
	for {
		q.mu.Lock()
		if len(q.queue) == 0 || q.ctx.Err() != nil {
			q.running = false
			q.mu.Unlock()
			return
		}
		j := q.jobs[q.queue[0]]
		q.queue = q.queue[1:]
		ctx, cancel := context.WithCancel(q.ctx)
		q.cancel[j.ID] = cancel
		j.Status, j.Started = Running, time.Now().UTC()
		if err := q.save(j); err != nil {
			q.log.Error("jobs: save", "job", j.ID, "err", err)
		}
		opts := q.options(j)
		q.mu.Unlock()

		start := time.Now()
		sum := &Screening{Job: j.ID}
		err := q.run(ctx, j, opts, sum)
		cancel()
		// Closing the queue stops the job to resume it at the next start,
		// unlike a client's cancel.
		closing := errors.Is(err, context.Canceled) && q.ctx.Err() != nil
		// The run's summary is on the trail before the job says it is
		// done, so that no result is served of a screening the trail
		// does not have; a done job whose entry cannot be recorded fails.
		sum.Took = time.Since(start).Round(time.Millisecond).String()
		switch {
		case err == nil:
			sum.Status = Done
		case closing:
			sum.Status = Interrupted
		case errors.Is(err, context.Canceled):
			sum.Status = Canceled
		default:
			sum.Status = Failed
		}
		if aerr := q.record(j.Owner, sum); aerr != nil && err == nil {
			err = fmt.Errorf("the job's screening could not be recorded in the audit trail, so its results are not served: %w", aerr)
		}

		q.mu.Lock()
		delete(q.cancel, j.ID)
		switch {
		case closing:
			j.Status = Queued
		case err == nil:
			j.Status, j.Progress, j.Finished = Done, 1, time.Now().UTC()
		case errors.Is(err, context.Canceled):
			j.Status, j.Finished = Canceled, time.Now().UTC()
		default:
			j.Status, j.Error, j.Finished = Failed, batch.Reason(err), time.Now().UTC()
			q.log.Error("jobs: job failed", "job", j.ID, "err", err)
		}
		if err := q.save(j); err != nil {
			q.log.Error("jobs: save", "job", j.ID, "err", err)
		}
		q.log.Info("jobs: job ended", "job", j.ID, "status", j.Status, "rows", j.Rows, "errors", j.Errors, "hits", j.Hits)
		q.mu.Unlock()
	}
}

// options are the batch options of a job; the caller holds q.mu.
func (q *Queue) options(j *Job) batch.Options {
	m, _ := batch.ParseMapping(j.Map) // checked on upload
	id := j.ID
	return batch.Options{
		Read:   batch.ReadOptions{Format: batch.Format(j.Format), Map: m},
		Output: batch.Format(j.Output),
		Screen: screen.Options{Threshold: j.Threshold, Limit: j.Limit, Lists: q.cfg.Lists},
		Logger: q.log,
		Progress: func(st batch.Stats) {
			q.mu.Lock()
			defer q.mu.Unlock()
			j := q.jobs[id]
			j.Rows, j.Errors, j.Hits, j.RowsPerSecond = st.Rows, st.Errors, st.Hits, st.RowsPerSecond()
			if st.Size > 0 {
				j.Progress = float64(st.Offset) / float64(st.Size)
			}
			if time.Since(q.saved[id]) > 2*time.Second {
				_ = q.save(j)
			}
		},
	}
}

// run screens a job's upload against the snapshot served now (or the
// one of its as-of instant), resuming from its checkpoint if a shutdown
// interrupted it. Each row's result is counted in sum, the job's audit
// entry, with the versions of that snapshot.
func (q *Queue) run(ctx context.Context, j *Job, opts batch.Options, sum *Screening) error {
	snap, err := snapshotOf(ctx, q.snapshot, q.asOf, j)
	sum.Summary = screen.Summarize("job", snap, nil)
	if err != nil {
		return err
	}
	q.mu.Lock()
	j.Versions = snap.Refs()
	q.mu.Unlock()
	opts.Result = sum.Count
	// A checkpoint written against other list versions is not resumed
	// (batch.Run sees to it): the job starts over rather than mix results
	// of two versions.
	opts.Fingerprint = string(snap.Data)
	files := batch.Files{Input: q.path(j.ID, InputFile), Output: q.ResultsPath(j), Errors: q.ErrorsPath(j)}
	stats, err := batch.Run(ctx, snap.Screener(), files, opts)
	if errors.Is(err, batch.ErrCheckpoint) {
		opts.Restart = true
		stats, err = batch.Run(ctx, snap.Screener(), files, opts)
	}
	q.mu.Lock()
	j.Rows, j.Errors, j.Hits, j.RowsPerSecond = stats.Rows, stats.Errors, stats.Hits, stats.RowsPerSecond()
	q.mu.Unlock()
	sum.Resumed = stats.Resumed
	return err
}

// snapshotOf returns the snapshot a job screens against: the one served
// (snapshot's) or that of its as-of instant (asOf's).
func snapshotOf(ctx context.Context, snapshot func() *screen.Snapshot, asOf func(context.Context, time.Time) (*screen.Snapshot, error), j *Job) (*screen.Snapshot, error) {
	if j.AsOf.IsZero() {
		if snap := snapshot(); snap != nil {
			return snap, nil
		}
		return nil, screen.ErrNotReady
	}
	if asOf == nil {
		return nil, errors.New("jobs: this queue screens against the lists served only, not as of an instant")
	}
	return asOf(ctx, j.AsOf)
}

// Screening is the audit entry of a job's run, the shape of veto batch's
// entry: the tally of its rows (counts, the rows' IDs, matched entities
// and scores, versions; never the names).
type Screening struct {
	batch.Tally
	Job string `json:"job"`
	// Status is how the run ended: done, canceled, failed, or
	// interrupted by a shutdown.
	Status string `json:"status"`
	// Resumed counts the rows an earlier, interrupted run of the job had
	// done: they were screened (and recorded) then, and are not counted
	// again.
	Resumed int64  `json:"resumed,omitempty"`
	Took    string `json:"took"`
}

// record commits a job run's entry, its owner the actor (jobs made
// without keys, --no-auth, are anonymous's, as such screening calls are).
func (q *Queue) record(owner string, sum *Screening) error { return record(q.trail, q.log, owner, sum) }

// record commits a job run's entry to trail, if there is one.
func record(trail *audit.Log, log *slog.Logger, owner string, sum *Screening) error {
	if trail == nil {
		return nil
	}
	actor := "anonymous"
	if owner != "" {
		actor = "key:" + owner
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := trail.Commit(ctx, actor, chain.ActionScreen, "job/"+sum.Job, sum); err != nil {
		log.Error("jobs: the job's screening could not be recorded in the audit trail", "job", sum.Job, "status", sum.Status, "err", err)
		return err
	}
	return nil
}

// Enqueue adds a new job (a copy of job: the queue owns it from now on),
// whose upload is in its folder, and starts the worker if it is idle. It
// checks the owner's byte quota again, under the lock: two uploads of
// one owner at once were each checked against what was stored when they
// began.
func (q *Queue) Enqueue(job Job) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	j := &job
	if used := q.usedBytes(j.Owner, j.ID); used+j.Size > q.cfg.QuotaBytes {
		return q.OverQuota(fmt.Sprintf("%d bytes", j.Size), j.Owner, q.cfg.QuotaBytes-used)
	}
	if err := q.save(j); err != nil {
		return err
	}
	q.jobs[j.ID] = j
	q.queue = append(q.queue, j.ID)
	q.startWorker()
	return nil
}

// Delete cancels a queued or running job (canceled, and the job as it
// now is), or deletes a finished one and its files. ErrNotFound if the
// caller sees no such job.
func (q *Queue) Delete(c Caller, id string) (j Job, canceled bool, err error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	cur := q.jobs[id]
	if cur == nil || !c.Sees(cur) { // deleted meanwhile, by another request or as expired
		return Job{}, false, fmt.Errorf("no job %q: %w", id, ErrNotFound)
	}
	if cur.Active() {
		if cancel, ok := q.cancel[id]; ok {
			cancel() // the worker records the status
		} else {
			q.queue = slices.DeleteFunc(q.queue, func(qid string) bool { return qid == id })
			cur.Status, cur.Finished = Canceled, time.Now().UTC()
			if err := q.save(cur); err != nil {
				return Job{}, false, err
			}
		}
		j = *cur
		j.Status = Canceled
		return j, true, nil
	}
	delete(q.jobs, id)
	delete(q.saved, id)
	if err := os.RemoveAll(q.Folder(id)); err != nil {
		return Job{}, false, fmt.Errorf("delete job %s: %w", id, err)
	}
	return *cur, false, nil
}

// ownerName names a job's owner in messages.
func ownerName(owner string) string {
	if owner == "" {
		return "(none: --no-auth)"
	}
	return owner
}

// OverQuota refuses an upload of size (in words) over its owner's
// storage quota, left bytes of which are left (ErrQuota).
func (q *Queue) OverQuota(size, owner string, left int64) error {
	return q.cfg.overQuota(size, owner, left)
}

func (cfg *Config) overQuota(size, owner string, left int64) error {
	return fmt.Errorf("%w: the upload is %s: key %s's jobs may keep %d bytes (their storage quota, veto serve --job-quota-bytes) and %d are left; delete finished jobs or wait for them to expire",
		ErrQuota, size, ownerName(owner), cfg.QuotaBytes, max(left, 0))
}

// Reserve holds a place for an upload among the owner's active jobs,
// until release is called, if its quotas allow one more: fewer than
// QuotaJobs jobs queued, running or being uploaded (else ErrTooManyJobs)
// and fewer than QuotaBytes kept (else ErrQuota). left is what the upload
// may take of the byte quota.
func (q *Queue) Reserve(owner string) (release func(), left int64, err error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	active := q.uploading[owner]
	for _, j := range q.jobs {
		if j.Owner == owner && j.Active() {
			active++
		}
	}
	used := q.usedBytes(owner, "")
	if err := q.cfg.quotaLeft(owner, active, used); err != nil {
		return nil, 0, err
	}
	q.uploading[owner]++
	return releaser(&q.mu, q.uploading, owner), q.cfg.QuotaBytes - used, nil
}

// quotaLeft refuses one more upload of an owner that has active jobs
// queued, running or being uploaded, which keep used bytes.
func (cfg *Config) quotaLeft(owner string, active int, used int64) error {
	switch {
	case active >= cfg.QuotaJobs:
		return fmt.Errorf("%w: key %s already has %d jobs queued, running or being uploaded, the most it may (veto serve --job-quota-jobs); wait for one to finish or cancel one",
			ErrTooManyJobs, ownerName(owner), active)
	case used >= cfg.QuotaBytes:
		return fmt.Errorf("%w: key %s's jobs keep %d bytes, their whole storage quota of %d (veto serve --job-quota-bytes); delete finished jobs or wait for them to expire",
			ErrQuota, ownerName(owner), used, cfg.QuotaBytes)
	}
	return nil
}

// releaser returns the function that gives back an upload's place in
// uploading, counted by owner under mu; later calls do nothing.
func releaser(mu *sync.Mutex, uploading map[string]int, owner string) func() {
	var once sync.Once
	return func() {
		once.Do(func() {
			mu.Lock()
			defer mu.Unlock()
			if uploading[owner]--; uploading[owner] <= 0 {
				delete(uploading, owner)
			}
		})
	}
}

// usedBytes is what an owner's jobs keep on disk (uploads, results,
// errors, checkpoints), but for the job skip; the caller holds q.mu.
// Results count as they are written, so a running job may take its
// owner past the quota: the next upload is then refused.
func (q *Queue) usedBytes(owner, skip string) int64 {
	var n int64
	for id, j := range q.jobs {
		if j.Owner == owner && id != skip {
			n += q.folderBytes(id)
		}
	}
	return n
}

// folderBytes is the bytes of a job's files.
func (q *Queue) folderBytes(id string) int64 {
	var n int64
	es, _ := os.ReadDir(q.Folder(id))
	for _, e := range es {
		if info, err := e.Info(); err == nil {
			n += info.Size()
		}
	}
	return n
}

// sweepInterval is how often expired jobs are looked for: a job
// outlives its expiry by a tenth of it at most, and by an hour.
func sweepInterval(expiry time.Duration) time.Duration {
	return max(min(expiry/10, time.Hour), time.Second)
}

func (q *Queue) sweepEvery() {
	t := time.NewTicker(sweepInterval(q.cfg.Expiry))
	defer t.Stop()
	for {
		select {
		case <-q.ctx.Done():
			return
		case <-t.C:
			q.Sweep(q.now())
		}
	}
}

// expiredDir holds the folders of expired jobs while they are deleted;
// it cannot be a job's ID, and the job folders' glob does not reach
// into it.
const expiredDir = ".expired"

// Sweep deletes the finished jobs that expired by now, with their
// files, and returns how many.
//
// Each deletion is an audit entry of its own (not one a sweep): its
// subject is the job, so the trail answers "what became of job X" as it
// does for every other subject, and it is appended once the job is out
// of the API's sight and before its files go, so that an entry never
// stands for a deletion that did not happen nor a deletion goes
// unrecorded (a job whose entry cannot be appended is put back, and
// tried again at the next sweep).
func (q *Queue) Sweep(now time.Time) int {
	trash := filepath.Join(q.cfg.Dir, expiredDir)
	q.mu.Lock()
	var expired []*Job
	for _, j := range q.jobs {
		if !j.Active() && now.Sub(cmp.Or(j.Finished, j.Created)) >= q.cfg.Expiry {
			expired = append(expired, j)
		}
	}
	q.mu.Unlock()
	n := 0
	for _, j := range expired {
		ok, err := q.expire(j, trash)
		if err != nil {
			q.log.Error("jobs: expired job not deleted; trying again at the next sweep", "job", j.ID, "err", err)
		}
		if ok {
			n++
		}
	}
	// What is in the trash is out of sight and audited: a failure here,
	// or a crash before it, is made good by the next sweep.
	if err := os.RemoveAll(trash); err != nil {
		q.log.Error("jobs: deleting expired jobs' files", "dir", trash, "err", err)
	}
	return n
}

// expire moves an expired job's folder to the trash, out of the API's
// sight, and records the deletion in the audit trail.
func (q *Queue) expire(j *Job, trash string) (bool, error) {
	if err := os.MkdirAll(trash, 0o750); err != nil {
		return false, err
	}
	q.mu.Lock()
	if q.jobs[j.ID] != j || j.Active() {
		q.mu.Unlock()
		return false, nil // deleted by a client meanwhile
	}
	size := q.folderBytes(j.ID)
	from, to := q.Folder(j.ID), filepath.Join(trash, j.ID)
	if err := os.Rename(from, to); err != nil {
		q.mu.Unlock()
		return false, err
	}
	delete(q.jobs, j.ID)
	delete(q.saved, j.ID)
	gone := *j
	q.mu.Unlock()

	q.log.Info("jobs: expired job deleted", "job", gone.ID, "owner", gone.Owner, "finished", gone.Finished)
	if q.trail == nil {
		return true, nil
	}
	data := map[string]any{"owner": gone.Owner, "status": gone.Status, "created": gone.Created, "finished": gone.Finished,
		"rows": gone.Rows, "hits": gone.Hits, "bytes": size, "expiry": q.cfg.Expiry.String()}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := q.trail.Record(ctx, "veto", ActionExpire, "job/"+gone.ID, data); err != nil {
		q.mu.Lock()
		defer q.mu.Unlock()
		if rerr := os.Rename(to, from); rerr != nil {
			return true, errors.Join(fmt.Errorf("audit: %w", err), fmt.Errorf("put back %s: %w", from, rerr))
		}
		q.jobs[gone.ID] = j
		return false, fmt.Errorf("audit: %w", err)
	}
	return true, nil
}
