package store

import (
	"context"
	"time"
)

// Batch job statuses in the store (package batch/jobs shows the same).
const (
	BatchQueued   = "queued"
	BatchRunning  = "running"
	BatchDone     = "done"
	BatchFailed   = "failed"
	BatchCanceled = "canceled"
)

// BatchJob is a batch job split into chunks, as stored for the replicas
// sharing the database.
type BatchJob struct {
	ID    string
	Owner string
	// Versions are the list versions, in compact form, every chunk is
	// screened against: only a worker serving them claims its chunks.
	Versions string
	Status   string
	// Spec is the job's options as made (JSON, package batch/jobs's).
	Spec []byte
	// Header is the input's bytes before its first record (a CSV
	// header), which every chunk is read after.
	Header []byte
	Chunks int
	// Size is the input's size in bytes.
	Size                       int64
	Created, Started, Finished time.Time
	Error                      string

	// Set by the store from the job's chunks: how many are Done, the
	// rows they read, the Errors and Hits among them, the input bytes
	// they hold, and the bytes of their results.
	Done                   int
	Rows, Errors, Hits     int64
	DoneBytes, ResultBytes int64
}

// Active reports whether the job is queued or running.
func (j *BatchJob) Active() bool { return j.Status == BatchQueued || j.Status == BatchRunning }

// BatchChunk is a run of consecutive records of a batch job's input.
type BatchChunk struct {
	JobID string
	Seq   int
	// Start is the input offset of its first record, Line that record's
	// line; Input the chunk's bytes.
	Start int64
	Line  int
	Input []byte
	// ClaimedBy is the worker that claimed it last, until LeaseUntil;
	// Claims counts its claims (more than one: it was reclaimed).
	ClaimedBy  string
	LeaseUntil time.Time
	Claims     int
	// DoneBy is the worker whose results were stored, at DoneAt.
	DoneBy string
	DoneAt time.Time
	// The results: output and errors rows (no headers), their sizes, the
	// rows read and the Errors and Hits among them, and the rows' tally
	// for the audit trail (JSON, package batch's).
	Output, Errors         []byte
	OutputSize, ErrorsSize int64
	Rows, RowErrors, Hits  int64
	Tally                  []byte
}

// BatchJobs stores batch jobs in chunks that several workers (replicas on
// one PostgreSQL) claim, screen and complete. A claim holds a lease; a
// chunk whose lease ran out is claimed again, so a worker that died loses
// nothing. Results are stored once per chunk: completing a chunk done
// already changes nothing.
type BatchJobs interface {
	// AddBatchJob stores a job, queued, and its chunks, in one
	// transaction; ErrConflict if its ID exists.
	AddBatchJob(ctx context.Context, j BatchJob, chunks []BatchChunk) error
	// BatchJob returns a job with its chunks' counts, or ErrNotFound.
	BatchJob(ctx context.Context, id string) (*BatchJob, error)
	// BatchJobs returns every job with its chunks' counts, newest first.
	BatchJobs(ctx context.Context) ([]BatchJob, error)
	// BatchChunks returns a job's chunks in order, without their input
	// and results (their sizes and tallies are set).
	BatchChunks(ctx context.Context, jobID string) ([]BatchChunk, error)
	// BatchChunkResults returns a done chunk's output and errors rows;
	// ErrNotFound if there is no such chunk, or it is not done.
	BatchChunkResults(ctx context.Context, jobID string, seq int) (output, errors []byte, err error)
	// ClaimBatchChunk claims for worker, until now+lease, the first chunk
	// not done and not under lease of the oldest active job screened
	// against versions, and marks the job running; nil when there is
	// none. Concurrent claims never return one chunk twice while its
	// lease lasts.
	ClaimBatchChunk(ctx context.Context, worker, versions string, now time.Time, lease time.Duration) (*BatchChunk, error)
	// RenewBatchChunk extends worker's lease on a chunk until until;
	// false when the chunk is done, claimed by another worker, or its
	// job is no longer active (canceled): the worker should stop.
	RenewBatchChunk(ctx context.Context, jobID string, seq int, worker string, until time.Time) (bool, error)
	// CompleteBatchChunk stores a chunk's results (Output, Errors, Rows,
	// RowErrors, Hits, Tally) as done by worker at at, unless it is done
	// already or its job is not active: stored says which.
	CompleteBatchChunk(ctx context.Context, c BatchChunk, worker string, at time.Time) (stored bool, err error)
	// ClaimBatchEnd claims for worker, until now+lease, an active job
	// whose chunks are all done, for it to record the job's end; nil
	// when there is none.
	ClaimBatchEnd(ctx context.Context, worker string, now time.Time, lease time.Duration) (*BatchJob, error)
	// EndBatchJob moves an active job to status (done, failed or
	// canceled) with the error message given; false if it was not
	// active.
	EndBatchJob(ctx context.Context, id, status, msg string, at time.Time) (bool, error)
	// DeleteBatchJob deletes a job and its chunks; false if there was no
	// such job.
	DeleteBatchJob(ctx context.Context, id string) (bool, error)
}
