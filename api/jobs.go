package api

import (
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

	"github.com/vetoscreen/veto/batch"
	"github.com/vetoscreen/veto/screen"
)

// Batch jobs: a client uploads a file of customers (POST /v1/jobs), polls
// the job (GET /v1/jobs/{id}) and downloads the results and the errors
// when it is done. Each job is a folder in Config.JobsDir holding the
// upload, the results, the errors file, the batch checkpoint and job.json,
// the metadata, so that a restarted server lists its jobs and resumes the
// one it was running where its checkpoint says. One job runs at a time,
// on every core; the others wait in the order they came.

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
	Error string   `json:"error,omitempty"`
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
}

// newJobQueue loads the jobs in dir and resumes those a restart
// interrupted; nil when dir is empty (jobs off).
func newJobQueue(s *Server, dir string) *jobQueue {
	if dir == "" {
		return nil
	}
	q := &jobQueue{dir: dir, srv: s, log: s.log, jobs: map[string]*Job{}, cancel: map[string]context.CancelFunc{}, saved: map[string]time.Time{}}
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

		err := q.run(ctx, j, opts)

		q.mu.Lock()
		cancel()
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

// run screens a job's upload against the index served now, resuming
// from its checkpoint if a restart interrupted it.
func (q *jobQueue) run(ctx context.Context, j *Job, opts batch.Options) error {
	ix := q.srv.screener.Index()
	if ix == nil {
		return screen.ErrNotReady
	}
	// A checkpoint written against other list versions is not resumed:
	// the job starts over rather than mix results of two versions.
	st := q.srv.keeper.Status()
	opts.Fingerprint = string(st.Data)
	for _, v := range st.Versions {
		opts.Fingerprint += fmt.Sprintf(" %s:%d", v.List, v.ID)
	}
	files := batch.Files{Input: q.path(j.ID, "input"), Output: q.resultsPath(j), Errors: q.path(j.ID, "errors.csv")}
	stats, err := batch.Run(ctx, screen.New(ix), files, opts)
	if errors.Is(err, batch.ErrCheckpoint) {
		opts.Restart = true
		stats, err = batch.Run(ctx, screen.New(ix), files, opts)
	}
	q.mu.Lock()
	j.Rows, j.Errors, j.Hits, j.RowsPerSecond = stats.Rows, stats.Errors, stats.Hits, stats.RowsPerSecond()
	q.mu.Unlock()
	return err
}

// enqueue adds a new job (a copy of j: the queue owns it from now on)
// and starts the worker if it is idle.
func (q *jobQueue) enqueue(job Job) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	j := &job
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
	if r.ContentLength > s.cfg.MaxUpload {
		return errorf(CodeTooLarge, "the upload is %d bytes, more than the %d allowed", r.ContentLength, s.cfg.MaxUpload)
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
	n, err := io.Copy(f, http.MaxBytesReader(w, r.Body, s.cfg.MaxUpload))
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return errorf(CodeTooLarge, "the upload is larger than the %d bytes allowed", s.cfg.MaxUpload)
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

// listJobs lists the jobs, newest first.
func (s *Server) listJobs(w http.ResponseWriter, r *http.Request) error {
	if err := s.needJobs(); err != nil {
		return err
	}
	if err := knownParams(r); err != nil {
		return err
	}
	s.jobs.mu.Lock()
	list := jobList{Jobs: make([]Job, 0, len(s.jobs.jobs))}
	for _, j := range s.jobs.jobs {
		list.Jobs = append(list.Jobs, *j)
	}
	s.jobs.mu.Unlock()
	slices.SortFunc(list.Jobs, func(a, b Job) int { return b.Created.Compare(a.Created) })
	writeJSON(w, http.StatusOK, list)
	return nil
}

func (s *Server) job(r *http.Request) (Job, error) {
	if err := s.needJobs(); err != nil {
		return Job{}, err
	}
	j, ok := s.jobs.get(r.PathValue("id"))
	if !ok {
		return Job{}, errorf(CodeNotFound, "no job %q", r.PathValue("id"))
	}
	return j, nil
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
	if err := os.RemoveAll(filepath.Join(q.dir, j.ID)); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
