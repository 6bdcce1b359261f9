package api

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
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/batch"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/screen"
)

// Batch jobs: a client uploads a file of customers (POST /v1/jobs), polls
// the job (GET /v1/jobs/{id}) and downloads the results and the errors
// when it is done. Each job is a folder in Config.JobsDir holding the
// upload, the results, the errors file, the batch checkpoint and job.json,
// the metadata, so that a restarted server lists its jobs and resumes the
// one it was running where its checkpoint says. One job runs at a time,
// on every core; the others wait in the order they came.
//
// A job belongs to the API key that made it: other keys get the 404 of
// an unknown job (not a 403, which would say it exists); admin keys see
// and delete every job. Each key has quotas (Config.JobQuotaBytes on
// what its jobs keep on disk, Config.JobQuotaJobs on its jobs queued or
// running), and finished jobs are deleted with their files after
// Config.JobExpiry, each deletion in the audit trail.

// ActionJobExpire is the audit action of a finished job deleted because
// it expired.
const ActionJobExpire = "job.expire"

// Job statuses.
const (
	JobQueued   = "queued"
	JobRunning  = "running"
	JobDone     = "done"
	JobFailed   = "failed"
	JobCanceled = "canceled"
)

// Job is a batch screening job, as GET /v1/jobs/{id} shows it.
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
	// Versions are the list versions the job screens against, set when
	// it starts (every row of the results names them too).
	Versions []entity.VersionRef `json:"versions,omitempty"`
	// Owner is the ID of the API key that made the job: only it and
	// admins see the job. Jobs made before jobs had owners have none and
	// are admins' only.
	Owner string   `json:"owner,omitempty"`
	Links JobLinks `json:"links"`
}

// JobLinks are the URLs of a job's resources.
type JobLinks struct {
	Self    string `json:"self"`
	Results string `json:"results"`
	Errors  string `json:"errors"`
}

func (j *Job) active() bool { return j.Status == JobQueued || j.Status == JobRunning }

// jobQueue holds the jobs and runs them one at a time.
type jobQueue struct {
	dir string
	srv *Server
	log *slog.Logger

	mu      sync.Mutex
	jobs    map[string]*Job
	queue   []string
	running bool
	cancel  map[string]context.CancelFunc
	saved   map[string]time.Time // when job.json was last written
	// uploading counts the uploads in progress by owner: they hold a
	// place in their key's quota of active jobs until they are queued
	// or refused.
	uploading map[string]int
}

// newJobQueue loads the jobs in dir and resumes those a restart
// interrupted; nil when dir is empty (jobs off).
func newJobQueue(s *Server, dir string) *jobQueue {
	if dir == "" {
		return nil
	}
	q := &jobQueue{dir: dir, srv: s, log: s.log, jobs: map[string]*Job{}, cancel: map[string]context.CancelFunc{}, saved: map[string]time.Time{}, uploading: map[string]int{}}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		s.log.Error("jobs: cannot create the jobs folder; jobs are off", "dir", dir, "err", err)
		return nil
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "*", "job.json"))
	var pending []*Job
	for _, p := range paths {
		b, err := os.ReadFile(p)
		var j Job
		if err == nil {
			err = json.Unmarshal(b, &j)
		}
		if err != nil || j.ID != filepath.Base(filepath.Dir(p)) {
			s.log.Warn("jobs: unreadable job skipped", "file", p, "err", err)
			continue
		}
		q.jobs[j.ID] = &j
		if j.active() {
			j.Status = JobQueued // a running job resumes from its checkpoint
			pending = append(pending, &j)
		}
	}
	// Jobs that expired while the server was down go before it serves.
	q.sweep(s.now())
	go q.sweepEvery(sweepInterval(s.cfg.JobExpiry))
	slices.SortFunc(pending, func(a, b *Job) int { return a.Created.Compare(b.Created) })
	for _, j := range pending {
		q.queue = append(q.queue, j.ID)
	}
	if len(q.queue) > 0 {
		q.running = true
		go q.work()
	}
	return q
}

func (q *jobQueue) path(id string, name string) string { return filepath.Join(q.dir, id, name) }

func (q *jobQueue) resultsPath(j *Job) string { return q.path(j.ID, "results."+j.Output) }

// save writes the job's metadata atomically; the caller holds q.mu.
func (q *jobQueue) save(j *Job) error {
	b, err := json.MarshalIndent(j, "", "  ")
	if err != nil {
		return err
	}
	tmp := q.path(j.ID, "job.json.tmp")
	if err := os.WriteFile(tmp, b, 0o640); err != nil {
		return fmt.Errorf("job %s: %w", j.ID, err)
	}
	q.saved[j.ID] = time.Now()
	return os.Rename(tmp, q.path(j.ID, "job.json"))
}

// get returns a copy of a job.
func (q *jobQueue) get(id string) (Job, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	j, ok := q.jobs[id]
	if !ok {
		return Job{}, false
	}
	return *j, true
}

// work runs the queued jobs, one at a time, until there are none.
func (q *jobQueue) work() {
	for {
		q.mu.Lock()
		if len(q.queue) == 0 {
			q.running = false
			q.mu.Unlock()
			return
		}
		j := q.jobs[q.queue[0]]
		q.queue = q.queue[1:]
		ctx, cancel := context.WithCancel(context.Background())
		q.cancel[j.ID] = cancel
		j.Status, j.Started = JobRunning, time.Now().UTC()
		if err := q.save(j); err != nil {
			q.log.Error("jobs: save", "job", j.ID, "err", err)
		}
		opts := q.options(j)
		q.mu.Unlock()

		start := time.Now()
		sum := &jobScreening{Job: j.ID}
		err := q.run(ctx, j, opts, sum)
		cancel()
		// The run's summary is on the trail before the job says it is
		// done, so that no result is served of a screening the trail
		// does not have; a done job whose entry cannot be recorded fails.
		sum.Took = time.Since(start).Round(time.Millisecond).String()
		switch {
		case err == nil:
			sum.Status = JobDone
		case errors.Is(err, context.Canceled):
			sum.Status = JobCanceled
		default:
			sum.Status = JobFailed
		}
		if aerr := q.record(j.Owner, sum); aerr != nil && err == nil {
			err = fmt.Errorf("the job's screening could not be recorded in the audit trail, so its results are not served: %w", aerr)
		}

		q.mu.Lock()
		delete(q.cancel, j.ID)
		j.Finished = time.Now().UTC()
		switch {
		case err == nil:
			j.Status, j.Progress = JobDone, 1
		case errors.Is(err, context.Canceled):
			j.Status = JobCanceled
		default:
			j.Status, j.Error = JobFailed, batch.Reason(err)
			q.log.Error("jobs: job failed", "job", j.ID, "err", err)
		}
		if err := q.save(j); err != nil {
			q.log.Error("jobs: save", "job", j.ID, "err", err)
		}
		q.log.Info("jobs: job finished", "job", j.ID, "status", j.Status, "rows", j.Rows, "errors", j.Errors, "hits", j.Hits)
		q.mu.Unlock()
	}
}

// options are the batch options of a job; the caller holds q.mu.
func (q *jobQueue) options(j *Job) batch.Options {
	m, _ := batch.ParseMapping(j.Map) // checked on upload
	id := j.ID
	return batch.Options{
		Read:   batch.ReadOptions{Format: batch.Format(j.Format), Map: m},
		Output: batch.Format(j.Output),
		Screen: screen.Options{Threshold: j.Threshold, Limit: j.Limit, Lists: q.srv.cfg.Regimes},
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

// run screens a job's upload against the snapshot served now, resuming
// from its checkpoint if a restart interrupted it.
// Each row's result is counted in sum, the job's audit entry, with the
// versions of that snapshot.
func (q *jobQueue) run(ctx context.Context, j *Job, opts batch.Options, sum *jobScreening) error {
	snap := q.srv.screener.Snapshot()
	sum.Summary = screen.Summarize("job", snap, nil)
	if snap == nil {
		return screen.ErrNotReady
	}
	q.mu.Lock()
	j.Versions = snap.Refs()
	q.mu.Unlock()
	opts.Result = func(row *batch.Row, res *screen.Result) {
		sum.Rows++
		switch {
		case row.Err != nil:
			sum.Errors++
			return
		case row.Warning != nil:
			sum.Warnings++
		}
		sum.Add(res)
	}
	// A checkpoint written against other list versions is not resumed
	// (batch.Run sees to it): the job starts over rather than mix results
	// of two versions.
	opts.Fingerprint = string(snap.Data)
	files := batch.Files{Input: q.path(j.ID, "input"), Output: q.resultsPath(j), Errors: q.path(j.ID, "errors.csv")}
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

// jobScreening is the audit entry of a batch job's run, the shape of the
// CLI's veto batch entry: the summary of its rows' results (counts, the
// rows' IDs, matched entities and scores, versions; never the names).
type jobScreening struct {
	screen.Summary
	Job string `json:"job"`
	// Status is how the run ended: done, canceled or failed.
	Status string `json:"status"`
	// Rows read in this run, Errors among them (not screened), Warnings
	// (screened without an unreadable optional field). Resumed counts the
	// rows a run the server's restart interrupted had done before: they
	// were screened then, and are not counted again.
	Rows     int64  `json:"rows"`
	Errors   int64  `json:"errors"`
	Warnings int64  `json:"warnings"`
	Resumed  int64  `json:"resumed,omitempty"`
	Took     string `json:"took"`
}

// record commits a job run's entry, its owner the actor (jobs made
// without keys, --no-auth, are anonymous's, as such screening calls are).
func (q *jobQueue) record(owner string, sum *jobScreening) error {
	if q.srv.audit == nil {
		return nil
	}
	actor := "anonymous"
	if owner != "" {
		actor = "key:" + owner
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := q.srv.audit.Commit(ctx, actor, chain.ActionScreen, "job/"+sum.Job, sum); err != nil {
		q.log.Error("jobs: the job's screening could not be recorded in the audit trail", "job", sum.Job, "status", sum.Status, "err", err)
		return err
	}
	return nil
}

// enqueue adds a new job (a copy of j: the queue owns it from now on)
// and starts the worker if it is idle. It checks the owner's byte quota
// again, under the lock: two uploads of one key at once were each
// checked against what was stored when they began.
func (q *jobQueue) enqueue(job Job) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	j := &job
	if err := q.checkBytes(j.Owner, j.Size, j.ID); err != nil {
		return err
	}
	if err := q.save(j); err != nil {
		return err
	}
	q.jobs[j.ID] = j
	q.queue = append(q.queue, j.ID)
	if !q.running {
		q.running = true
		go q.work()
	}
	return nil
}

func (s *Server) needJobs() error {
	if s.jobs == nil {
		return errorf(CodeNotFound, "batch jobs are not enabled on this server (no jobs folder)")
	}
	return nil
}

func newJobID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return time.Now().UTC().Format("20060102T150405") + "-" + hex.EncodeToString(b[:])
}

// jobLinks returns the URLs of a job.
func jobLinks(id string) JobLinks {
	self := "/v1/jobs/" + id
	return JobLinks{Self: self, Results: self + "/results", Errors: self + "/errors"}
}

// uploadTimeout bounds the reading of an upload, which may take longer
// than the server's read timeout allows other requests.
const uploadTimeout = time.Hour

// createJob stores an upload and queues its screening: 202 with the job.
func (s *Server) createJob(w http.ResponseWriter, r *http.Request) error {
	if err := s.needJobs(); err != nil {
		return err
	}
	if err := knownParams(r, "format", "map", "threshold", "output", "limit"); err != nil {
		return err
	}
	qv := r.URL.Query()
	j := &Job{ID: newJobID(), Status: JobQueued, Map: qv.Get("map"), Created: time.Now().UTC()}
	j.Links = jobLinks(j.ID)
	format, err := uploadFormat(r)
	if err != nil {
		return err
	}
	mapping, err := batch.ParseMapping(j.Map)
	if err != nil {
		return errorf(CodeInvalid, "map: %v", err)
	}
	if j.Threshold, err = floatParam(r, "threshold", 0); err != nil {
		return err
	}
	if j.Threshold < 0 || j.Threshold > 1 {
		return errorf(CodeInvalid, "threshold: %v, want 0..1", j.Threshold)
	}
	if j.Limit, err = intParam(r, "limit", 5, 1, 100); err != nil {
		return err
	}
	out, err := batch.ParseFormat(qv.Get("output"))
	if err != nil {
		return errorf(CodeInvalid, "output: %v", err)
	}
	j.Output = string(cmpOr(out, batch.FormatCSV))
	c, err := s.jobCaller(r)
	if err != nil {
		return err
	}
	j.Owner = c.owner
	// The upload holds a place in the key's quota of active jobs while it
	// is read, and may take at most what is left of its byte quota.
	release, active, used := s.jobs.reserve(j.Owner)
	switch {
	case active >= s.cfg.JobQuotaJobs:
		return errorf(CodeTooManyJobs, "key %s already has %d jobs queued, running or being uploaded, the most it may (veto serve --job-quota-jobs); wait for one to finish or cancel one",
			ownerName(j.Owner), active)
	case used >= s.cfg.JobQuotaBytes:
		return errorf(CodeTooLarge, "key %s's jobs keep %d bytes, their whole storage quota of %d (veto serve --job-quota-bytes); delete finished jobs or wait for them to expire",
			ownerName(j.Owner), used, s.cfg.JobQuotaBytes)
	}
	defer release()
	left := s.cfg.JobQuotaBytes - used
	limit := min(s.cfg.MaxUpload, left)
	tooLarge := func(size string) error {
		if left < s.cfg.MaxUpload {
			return quotaError(size, j.Owner, s.cfg.JobQuotaBytes, left)
		}
		return errorf(CodeTooLarge, "the upload is %s, more than the %d allowed", size, s.cfg.MaxUpload)
	}
	if r.ContentLength > limit {
		return tooLarge(fmt.Sprintf("%d bytes", r.ContentLength))
	}

	dir := filepath.Join(s.jobs.dir, j.ID)
	if err := os.Mkdir(dir, 0o750); err != nil {
		return err
	}
	keep := false
	defer func() {
		if !keep {
			os.RemoveAll(dir)
		}
	}()
	_ = http.NewResponseController(w).SetReadDeadline(time.Now().Add(uploadTimeout))
	f, err := os.Create(filepath.Join(dir, "input"))
	if err != nil {
		return err
	}
	defer f.Close()
	n, err := io.Copy(f, http.MaxBytesReader(w, r.Body, limit))
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return tooLarge(fmt.Sprintf("more than %d bytes", limit))
	case err != nil:
		return errorf(CodeInvalid, "reading the upload: %v", err)
	case n == 0:
		return errorf(CodeInvalid, "the upload is empty: send the file as the request body")
	}
	j.Size = n
	// Read the header now, so that a file with no name column is refused
	// at once rather than failing in the queue.
	if _, err := batch.NewReader(f, "upload", batch.ReadOptions{Format: format, Map: mapping}); err != nil {
		return errorf(CodeInvalid, "%v", err)
	}
	if format == "" {
		head := make([]byte, 512)
		m, _ := f.ReadAt(head, 0)
		format = batch.DetectFormat("", head[:m])
	}
	j.Format = string(format)
	if err := s.jobs.enqueue(*j); err != nil {
		return err
	}
	release() // queued: the job itself counts now
	keep = true
	w.Header().Set("Location", j.Links.Self)
	writeJSON(w, http.StatusAccepted, j)
	return nil
}

// uploadFormat is the upload's format: ?format=, else its media type
// (text/csv; application/x-ndjson or application/jsonl), else detected.
func uploadFormat(r *http.Request) (batch.Format, error) {
	if v := r.URL.Query().Get("format"); v != "" {
		f, err := batch.ParseFormat(v)
		if err != nil {
			return "", errorf(CodeInvalid, "format: %v", err)
		}
		return f, nil
	}
	ct := r.Header.Get("Content-Type")
	if ct == "" {
		return "", nil
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return "", errorf(CodeMediaType, "Content-Type %q: %v", ct, err)
	}
	switch mt {
	case "text/csv", "text/tab-separated-values":
		return batch.FormatCSV, nil
	case "application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/json-seq":
		return batch.FormatJSONL, nil
	case "text/plain", "application/octet-stream":
		return "", nil
	}
	return "", errorf(CodeMediaType, "Content-Type %s: want text/csv or application/x-ndjson (or give ?format=csv|jsonl)", mt)
}

func cmpOr(f, def batch.Format) batch.Format {
	if f == "" {
		return def
	}
	return f
}

type jobList struct {
	Jobs []Job `json:"jobs"`
}

// listJobs lists the caller's jobs (an admin's: all), newest first.
func (s *Server) listJobs(w http.ResponseWriter, r *http.Request) error {
	if err := s.needJobs(); err != nil {
		return err
	}
	if err := knownParams(r); err != nil {
		return err
	}
	c, err := s.jobCaller(r)
	if err != nil {
		return err
	}
	s.jobs.mu.Lock()
	list := jobList{Jobs: []Job{}}
	for _, j := range s.jobs.jobs {
		if c.sees(j) {
			list.Jobs = append(list.Jobs, *j)
		}
	}
	s.jobs.mu.Unlock()
	slices.SortFunc(list.Jobs, func(a, b Job) int { return b.Created.Compare(a.Created) })
	writeJSON(w, http.StatusOK, list)
	return nil
}

// job returns the job of the request's path, if the caller may see it:
// another key's job is as unknown as one that never was.
func (s *Server) job(r *http.Request) (Job, error) {
	if err := s.needJobs(); err != nil {
		return Job{}, err
	}
	c, err := s.jobCaller(r)
	if err != nil {
		return Job{}, err
	}
	j, ok := s.jobs.get(r.PathValue("id"))
	if !ok || !c.sees(&j) {
		return Job{}, errorf(CodeNotFound, "no job %q", r.PathValue("id"))
	}
	return j, nil
}

// jobCaller is who asks for jobs: the key's ID, and whether it sees
// every key's jobs.
type jobCaller struct {
	owner string
	admin bool
}

// sees says whether the caller may see a job. A job with no owner was
// made before jobs had owners: whose it was is not known, so only
// admins see it.
func (c jobCaller) sees(j *Job) bool { return c.admin || j.Owner != "" && j.Owner == c.owner }

// jobCaller returns the request's caller. Without keys (--no-auth)
// everyone is the one anonymous admin.
func (s *Server) jobCaller(r *http.Request) (jobCaller, error) {
	if s.cfg.NoAuth {
		return jobCaller{admin: true}, nil
	}
	id := info(r).key
	if id == "" {
		return jobCaller{}, errorf(CodeUnauthorized, "an API key is required")
	}
	k, err := s.keys.lookup(r.Context(), id) // cached by authorize
	if err != nil {
		return jobCaller{}, err
	}
	if k == nil {
		return jobCaller{}, errorf(CodeUnauthorized, "the API key is not valid")
	}
	return jobCaller{owner: k.ID, admin: entity.RoleRank(k.Role) >= entity.RoleRank(entity.RoleAdmin)}, nil
}

func (s *Server) getJob(w http.ResponseWriter, r *http.Request) error {
	j, err := s.job(r)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, j)
	return nil
}

// jobResults serves a done job's results. Results are served whole, once
// the job is done (409 before: the files are incomplete and may be cut
// back to the last checkpoint if the server restarts), with Range
// support for large downloads.
func (s *Server) jobResults(w http.ResponseWriter, r *http.Request) error {
	j, err := s.job(r)
	if err != nil {
		return err
	}
	ct := "text/csv; charset=utf-8"
	if j.Output == string(batch.FormatJSONL) {
		ct = "application/x-ndjson"
	}
	return s.serveJobFile(w, r, j, s.jobs.resultsPath(&j), ct)
}

// jobErrors serves a done job's errors file (CSV: line, reason, record).
func (s *Server) jobErrors(w http.ResponseWriter, r *http.Request) error {
	j, err := s.job(r)
	if err != nil {
		return err
	}
	return s.serveJobFile(w, r, j, s.jobs.path(j.ID, "errors.csv"), "text/csv; charset=utf-8")
}

func (s *Server) serveJobFile(w http.ResponseWriter, r *http.Request, j Job, path, contentType string) error {
	if j.Status != JobDone {
		return errorf(CodeConflict, "job %s is %s: its files are served once it is done (poll %s)", j.ID, j.Status, j.Links.Self)
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(uploadTimeout))
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", j.ID+"-"+filepath.Base(path)))
	http.ServeContent(w, r, "", st.ModTime(), f)
	return nil
}

// deleteJob cancels a queued or running job (200, the job, now
// canceled), or deletes a finished one and its files (204).
func (s *Server) deleteJob(w http.ResponseWriter, r *http.Request) error {
	j, err := s.job(r)
	if err != nil {
		return err
	}
	q := s.jobs
	q.mu.Lock()
	defer q.mu.Unlock()
	cur := q.jobs[j.ID]
	if cur == nil { // deleted meanwhile, by another request or as expired
		return errorf(CodeNotFound, "no job %q", j.ID)
	}
	if cur.active() {
		if cancel, ok := q.cancel[j.ID]; ok {
			cancel() // the worker records the status
		} else {
			q.queue = slices.DeleteFunc(q.queue, func(id string) bool { return id == j.ID })
			cur.Status, cur.Finished = JobCanceled, time.Now().UTC()
			if err := q.save(cur); err != nil {
				return err
			}
		}
		c := *cur
		c.Status = JobCanceled
		writeJSON(w, http.StatusOK, c)
		return nil
	}
	delete(q.jobs, j.ID)
	delete(q.saved, j.ID)
	if err := os.RemoveAll(filepath.Join(q.dir, j.ID)); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// ownerName names a job's owner in messages.
func ownerName(owner string) string {
	if owner == "" {
		return "(none: --no-auth)"
	}
	return owner
}

// quotaError refuses an upload over its owner's storage quota.
func quotaError(size, owner string, quota, left int64) error {
	return errorf(CodeTooLarge, "the upload is %s: key %s's jobs may keep %d bytes (their storage quota, veto serve --job-quota-bytes) and %d are left; delete finished jobs or wait for them to expire",
		size, ownerName(owner), quota, max(left, 0))
}

// reserve is an owner's use of its quotas before an upload is read:
// its jobs queued, running or being uploaded, and the bytes its jobs
// keep. If both are under the quotas, the upload holds a place among
// the active jobs until release is called; if not, nothing is reserved
// and release is nil.
func (q *jobQueue) reserve(owner string) (release func(), active int, used int64) {
	cfg := q.srv.cfg
	q.mu.Lock()
	defer q.mu.Unlock()
	active = q.uploading[owner]
	for _, j := range q.jobs {
		if j.Owner == owner && j.active() {
			active++
		}
	}
	used = q.usedBytes(owner, "")
	if active >= cfg.JobQuotaJobs || used >= cfg.JobQuotaBytes {
		return nil, active, used
	}
	q.uploading[owner]++
	var once sync.Once
	return func() {
		once.Do(func() {
			q.mu.Lock()
			defer q.mu.Unlock()
			if q.uploading[owner]--; q.uploading[owner] <= 0 {
				delete(q.uploading, owner)
			}
		})
	}, active, used
}

// checkBytes refuses a new job of size bytes that would take its
// owner's jobs past the storage quota; the caller holds q.mu.
func (q *jobQueue) checkBytes(owner string, size int64, id string) error {
	quota := q.srv.cfg.JobQuotaBytes
	if used := q.usedBytes(owner, id); used+size > quota {
		return quotaError(fmt.Sprintf("%d bytes", size), owner, quota, quota-used)
	}
	return nil
}

// usedBytes is what an owner's jobs keep on disk (uploads, results,
// errors, checkpoints), but for the job skip; the caller holds q.mu.
// Results count as they are written, so a running job may take its
// owner past the quota: the next upload is then refused.
func (q *jobQueue) usedBytes(owner, skip string) int64 {
	var n int64
	for id, j := range q.jobs {
		if j.Owner == owner && id != skip {
			n += q.folderBytes(id)
		}
	}
	return n
}

// folderBytes is the bytes of a job's files.
func (q *jobQueue) folderBytes(id string) int64 {
	var n int64
	es, _ := os.ReadDir(filepath.Join(q.dir, id))
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

func (q *jobQueue) sweepEvery(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for range t.C {
		q.sweep(q.srv.now())
	}
}

// expiredDir holds the folders of expired jobs while they are deleted;
// it cannot be a job's ID, and the job folders' glob does not reach
// into it.
const expiredDir = ".expired"

// sweep deletes the finished jobs that expired by now, with their
// files, and returns how many.
//
// Each deletion is an audit entry of its own (not one a sweep): its
// subject is the job, so the trail answers "what became of job X" as it
// does for every other subject, and it is appended once the job is out
// of the API's sight and before its files go, so that an entry never
// stands for a deletion that did not happen nor a deletion goes
// unrecorded (a job whose entry cannot be appended is put back, and
// tried again at the next sweep).
func (q *jobQueue) sweep(now time.Time) int {
	expiry := q.srv.cfg.JobExpiry
	trash := filepath.Join(q.dir, expiredDir)
	q.mu.Lock()
	var expired []*Job
	for _, j := range q.jobs {
		if !j.active() && now.Sub(cmp.Or(j.Finished, j.Created)) >= expiry {
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
func (q *jobQueue) expire(j *Job, trash string) (bool, error) {
	if err := os.MkdirAll(trash, 0o750); err != nil {
		return false, err
	}
	q.mu.Lock()
	if q.jobs[j.ID] != j || j.active() {
		q.mu.Unlock()
		return false, nil // deleted by a client meanwhile
	}
	size := q.folderBytes(j.ID)
	from, to := filepath.Join(q.dir, j.ID), filepath.Join(trash, j.ID)
	if err := os.Rename(from, to); err != nil {
		q.mu.Unlock()
		return false, err
	}
	delete(q.jobs, j.ID)
	delete(q.saved, j.ID)
	gone := *j
	q.mu.Unlock()

	q.log.Info("jobs: expired job deleted", "job", gone.ID, "owner", gone.Owner, "finished", gone.Finished)
	if q.srv.audit == nil {
		return true, nil
	}
	data := map[string]any{"owner": gone.Owner, "status": gone.Status, "created": gone.Created, "finished": gone.Finished,
		"rows": gone.Rows, "hits": gone.Hits, "bytes": size, "expiry": q.srv.cfg.JobExpiry.String()}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := q.srv.audit.Record(ctx, "veto", ActionJobExpire, "job/"+gone.ID, data); err != nil {
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
