package api

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/vetoscreen/veto/batch"
	"github.com/vetoscreen/veto/batch/jobs"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/screen"
)

// Batch jobs: a client uploads a file of customers (POST /v1/jobs), polls
// the job (GET /v1/jobs/{id}) and downloads the results and the errors
// when it is done. The queue that keeps and runs them is package
// batch/jobs; this is HTTP over it.
//
// A job belongs to the API key that made it: other keys get the 404 of
// an unknown job (not a 403, which would say it exists); admin keys see
// and delete every job.

// Job is a batch job as GET /v1/jobs/{id} shows it: the queue's job and
// the URLs of its resources.
type Job struct {
	jobs.Job
	Links JobLinks `json:"links"`
}

// JobLinks are the URLs of a job's resources.
type JobLinks struct {
	Self    string `json:"self"`
	Results string `json:"results"`
	Errors  string `json:"errors"`
}

// WithJobs serves the batch jobs of q under /v1/jobs.
func WithJobs(q jobs.Service) Option { return func(s *Server) { s.jobs = q } }

// view is a job as the API shows it.
func view(j jobs.Job) Job {
	self := "/v1/jobs/" + j.ID
	return Job{Job: j, Links: JobLinks{Self: self, Results: self + "/results", Errors: self + "/errors"}}
}

func (s *Server) needJobs() error {
	if s.jobs == nil {
		return errorf(CodeNotFound, "batch jobs are not enabled on this server (no jobs folder)")
	}
	return nil
}

// quotaError is the API error of an upload the queue refuses for its
// owner's quotas.
func quotaError(err error) error {
	switch {
	case errors.Is(err, jobs.ErrTooManyJobs):
		return errorf(CodeTooManyJobs, "%v", err)
	case errors.Is(err, jobs.ErrQuota):
		return errorf(CodeTooLarge, "%v", err)
	}
	return err
}

// uploadTimeout bounds the reading of an upload, which may take longer
// than the server's read timeout allows other requests.
const uploadTimeout = time.Hour

// createJob stores an upload and queues its screening: 202 with the job.
func (s *Server) createJob(w http.ResponseWriter, r *http.Request) error {
	if err := s.needJobs(); err != nil {
		return err
	}
	if err := knownParams(r, "format", "map", "threshold", "output", "limit", "asOf"); err != nil {
		return err
	}
	qv := r.URL.Query()
	j := &jobs.Job{ID: jobs.NewID(), Status: jobs.Queued, Map: qv.Get("map"), Created: time.Now().UTC()}
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
	if asOf := qv.Get("asOf"); asOf != "" {
		// Refused now, not when the job runs, if no version was in force.
		snap, err := s.snapshotAsOf(w, r, asOf)
		if err != nil {
			return err
		}
		j.AsOf, _ = screen.ParseAsOf(asOf)
		j.Versions = snap.Refs()
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
	j.Owner = c.Owner
	// The upload holds a place in the key's quota of active jobs while it
	// is read, and may take at most what is left of its byte quota.
	release, left, err := s.jobs.Reserve(j.Owner)
	if err != nil {
		return quotaError(err)
	}
	defer release()
	limit := min(s.cfg.MaxUpload, left)
	tooLarge := func(size string) error {
		if left < s.cfg.MaxUpload {
			return quotaError(s.jobs.OverQuota(size, j.Owner, left))
		}
		return errorf(CodeTooLarge, "the upload is %s, more than the %d allowed", size, s.cfg.MaxUpload)
	}
	if r.ContentLength > limit {
		return tooLarge(fmt.Sprintf("%d bytes", r.ContentLength))
	}

	dir := s.jobs.Folder(j.ID)
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
	f, err := os.Create(filepath.Join(dir, jobs.InputFile))
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
	if err := s.jobs.Enqueue(*j); err != nil {
		return quotaError(err)
	}
	release() // queued: the job itself counts now
	keep = true
	v := view(*j)
	w.Header().Set("Location", v.Links.Self)
	writeJSON(w, http.StatusAccepted, v)
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
	js, err := s.jobs.List(c)
	if err != nil {
		return err
	}
	list := jobList{Jobs: []Job{}}
	for _, j := range js {
		list.Jobs = append(list.Jobs, view(j))
	}
	writeJSON(w, http.StatusOK, list)
	return nil
}

// job returns the job of the request's path, if the caller may see it:
// another key's job is as unknown as one that never was.
func (s *Server) job(r *http.Request) (jobs.Job, jobs.Caller, error) {
	if err := s.needJobs(); err != nil {
		return jobs.Job{}, jobs.Caller{}, err
	}
	c, err := s.jobCaller(r)
	if err != nil {
		return jobs.Job{}, jobs.Caller{}, err
	}
	j, err := s.jobs.Get(c, r.PathValue("id"))
	if errors.Is(err, jobs.ErrNotFound) {
		return jobs.Job{}, jobs.Caller{}, errorf(CodeNotFound, "no job %q", r.PathValue("id"))
	}
	return j, c, err
}

// jobCaller returns the request's caller. Without keys (--no-auth)
// everyone is the one anonymous admin.
func (s *Server) jobCaller(r *http.Request) (jobs.Caller, error) {
	if s.cfg.NoAuth {
		return jobs.Caller{Admin: true}, nil
	}
	id := info(r).key
	if id == "" {
		return jobs.Caller{}, errorf(CodeUnauthorized, "an API key is required")
	}
	k, err := s.keys.lookup(r.Context(), id) // cached by authorize
	if err != nil {
		return jobs.Caller{}, err
	}
	if k == nil {
		return jobs.Caller{}, errorf(CodeUnauthorized, "the API key is not valid")
	}
	return jobs.Caller{Owner: k.ID, Admin: entity.RoleRank(k.Role) >= entity.RoleRank(entity.RoleAdmin)}, nil
}

func (s *Server) getJob(w http.ResponseWriter, r *http.Request) error {
	j, _, err := s.job(r)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, view(j))
	return nil
}

// jobResults serves a done job's results. Results are served whole, once
// the job is done (409 before: the files are incomplete and may be cut
// back to the last checkpoint if the server restarts), with Range
// support for large downloads.
func (s *Server) jobResults(w http.ResponseWriter, r *http.Request) error {
	j, _, err := s.job(r)
	if err != nil {
		return err
	}
	ct := "text/csv; charset=utf-8"
	if j.Output == string(batch.FormatJSONL) {
		ct = "application/x-ndjson"
	}
	return s.serveJobFile(w, r, j, "results."+j.Output, s.jobs.Results, ct)
}

// jobErrors serves a done job's errors file (CSV: line, reason, record).
func (s *Server) jobErrors(w http.ResponseWriter, r *http.Request) error {
	j, _, err := s.job(r)
	if err != nil {
		return err
	}
	return s.serveJobFile(w, r, j, jobs.ErrorsFile, s.jobs.Errors, "text/csv; charset=utf-8")
}

// serveJobFile serves the file of a done job that open opens, named name
// in the download, from the store of the replicas or the job's folder,
// with Range support, as of the job's end.
func (s *Server) serveJobFile(w http.ResponseWriter, r *http.Request, j jobs.Job, name string, open func(*jobs.Job) (io.ReadSeekCloser, error), contentType string) error {
	if j.Status != jobs.Done {
		return errorf(CodeConflict, "job %s is %s: its files are served once it is done (poll %s)", j.ID, j.Status, view(j).Links.Self)
	}
	f, err := open(&j)
	if err != nil {
		return err
	}
	defer f.Close()
	_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(uploadTimeout))
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", j.ID+"-"+name))
	http.ServeContent(w, r, "", j.Finished, f)
	return nil
}

// deleteJob cancels a queued or running job (200, the job, now
// canceled), or deletes a finished one and its files (204).
func (s *Server) deleteJob(w http.ResponseWriter, r *http.Request) error {
	j, c, err := s.job(r)
	if err != nil {
		return err
	}
	j, canceled, err := s.jobs.Delete(c, j.ID)
	if errors.Is(err, jobs.ErrNotFound) { // deleted meanwhile, by another request or as expired
		return errorf(CodeNotFound, "no job %q", r.PathValue("id"))
	}
	if err != nil {
		return err
	}
	if canceled {
		writeJSON(w, http.StatusOK, view(j))
		return nil
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
