package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/vetoscreen/veto/store"
)

var _ store.BatchJobs = (*Store)(nil)

// skipLocked ends a claim's SELECT: on PostgreSQL the rows of table (an
// alias) that other transactions are claiming are passed over rather than
// waited for; only those rows are locked, not the job joined to a chunk,
// which would make replicas skip each other's jobs whole. SQLite has one
// writer at a time, and no such clause.
func (s *Store) skipLocked(table string) string {
	if s.d.Name == Postgres.Name {
		return " FOR UPDATE OF " + table + " SKIP LOCKED"
	}
	return ""
}

const activeJob = `status IN ('` + store.BatchQueued + `', '` + store.BatchRunning + `')`

// AddBatchJob implements store.BatchJobs.
func (s *Store) AddBatchJob(ctx context.Context, j store.BatchJob, chunks []store.BatchChunk) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM batch_jobs WHERE id = ?`), j.ID).Scan(&n); err != nil {
			return fmt.Errorf("add batch job: %w", err)
		}
		if n > 0 {
			return fmt.Errorf("add batch job %s: %w", j.ID, store.ErrConflict)
		}
		_, err := tx.ExecContext(ctx, s.q(`INSERT INTO batch_jobs (id, owner, versions, status, spec, header, chunks, size, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
			j.ID, j.Owner, j.Versions, store.BatchQueued, string(j.Spec), j.Header, len(chunks), j.Size, fmtTime(j.Created))
		if err != nil {
			return fmt.Errorf("add batch job %s: %w", j.ID, err)
		}
		ins, err := tx.PrepareContext(ctx, s.q(`INSERT INTO batch_chunks (job_id, seq, start_offset, start_line, input, input_size) VALUES (?, ?, ?, ?, ?, ?)`))
		if err != nil {
			return fmt.Errorf("add batch job %s: %w", j.ID, err)
		}
		defer ins.Close()
		for i, c := range chunks {
			if _, err := ins.ExecContext(ctx, j.ID, i, c.Start, c.Line, c.Input, len(c.Input)); err != nil {
				return fmt.Errorf("add batch job %s: chunk %d: %w", j.ID, i, err)
			}
		}
		return nil
	})
}

const batchJobColumns = `j.id, j.owner, j.versions, j.status, j.spec, j.header, j.chunks, j.size, j.created, j.started, j.finished, j.error,
	COALESCE(SUM(CASE WHEN c.done_at <> '' THEN 1 ELSE 0 END), 0), COALESCE(SUM(c.rows_read), 0), COALESCE(SUM(c.row_errors), 0),
	COALESCE(SUM(c.row_hits), 0), COALESCE(SUM(CASE WHEN c.done_at <> '' THEN c.input_size ELSE 0 END), 0),
	COALESCE(SUM(c.output_size + c.errors_size), 0)
	FROM batch_jobs j LEFT JOIN batch_chunks c ON c.job_id = j.id`

func scanBatchJob(row interface{ Scan(...any) error }) (*store.BatchJob, error) {
	var j store.BatchJob
	var spec, created, started, finished string
	if err := row.Scan(&j.ID, &j.Owner, &j.Versions, &j.Status, &spec, &j.Header, &j.Chunks, &j.Size, &created, &started, &finished, &j.Error,
		&j.Done, &j.Rows, &j.Errors, &j.Hits, &j.DoneBytes, &j.ResultBytes); err != nil {
		return nil, err
	}
	j.Spec = []byte(spec)
	var err error
	if j.Created, err = parseTime(created); err != nil {
		return nil, err
	}
	if j.Started, err = parseTime(started); err != nil {
		return nil, err
	}
	if j.Finished, err = parseTime(finished); err != nil {
		return nil, err
	}
	return &j, nil
}

// BatchJob implements store.BatchJobs.
func (s *Store) BatchJob(ctx context.Context, id string) (*store.BatchJob, error) {
	j, err := scanBatchJob(s.db.QueryRowContext(ctx, s.q(`SELECT `+batchJobColumns+` WHERE j.id = ? GROUP BY j.id`), id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("batch job %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("batch job %s: %w", id, err)
	}
	return j, nil
}

// BatchJobs implements store.BatchJobs.
func (s *Store) BatchJobs(ctx context.Context) ([]store.BatchJob, error) {
	return queryAll(ctx, s.db, "batch jobs", scanBatchJob, `SELECT `+batchJobColumns+` GROUP BY j.id ORDER BY j.created DESC, j.id DESC`)
}

// BatchChunks implements store.BatchJobs.
func (s *Store) BatchChunks(ctx context.Context, jobID string) ([]store.BatchChunk, error) {
	return queryAll(ctx, s.db, "batch chunks of "+jobID, func(row interface{ Scan(...any) error }) (*store.BatchChunk, error) {
		var c store.BatchChunk
		var lease, done, tally string
		if err := row.Scan(&c.JobID, &c.Seq, &c.Start, &c.Line, &c.ClaimedBy, &lease, &c.Claims, &c.DoneBy, &done,
			&c.OutputSize, &c.ErrorsSize, &c.Rows, &c.RowErrors, &c.Hits, &tally); err != nil {
			return nil, err
		}
		c.Tally = []byte(tally)
		var err error
		if c.LeaseUntil, err = parseTime(lease); err != nil {
			return nil, err
		}
		if c.DoneAt, err = parseTime(done); err != nil {
			return nil, err
		}
		return &c, nil
	}, s.q(`SELECT job_id, seq, start_offset, start_line, claimed_by, lease_until, claims, done_by, done_at,
		output_size, errors_size, rows_read, row_errors, row_hits, tally FROM batch_chunks WHERE job_id = ? ORDER BY seq`), jobID)
}

// BatchChunkResults implements store.BatchJobs.
func (s *Store) BatchChunkResults(ctx context.Context, jobID string, seq int) (output, errs []byte, err error) {
	err = s.db.QueryRowContext(ctx, s.q(`SELECT output, errors FROM batch_chunks WHERE job_id = ? AND seq = ? AND done_at <> ''`), jobID, seq).Scan(&output, &errs)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, fmt.Errorf("batch job %s chunk %d: %w", jobID, seq, store.ErrNotFound)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("batch job %s chunk %d: %w", jobID, seq, err)
	}
	return output, errs, nil
}

// ClaimBatchChunk implements store.BatchJobs: one UPDATE of the chunk a
// locking SELECT picks, which on PostgreSQL skips the chunks other
// replicas are claiming at that moment.
func (s *Store) ClaimBatchChunk(ctx context.Context, worker, versions string, now time.Time, lease time.Duration) (*store.BatchChunk, error) {
	var c *store.BatchChunk
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		c = &store.BatchChunk{ClaimedBy: worker, LeaseUntil: now.Add(lease).UTC()}
		err := tx.QueryRowContext(ctx, s.q(`UPDATE batch_chunks SET claimed_by = ?, lease_until = ?, claims = claims + 1
			WHERE (job_id, seq) = (SELECT c.job_id, c.seq FROM batch_chunks c JOIN batch_jobs j ON j.id = c.job_id
				WHERE j.`+activeJob+` AND j.versions = ? AND c.done_at = '' AND c.lease_until < ?
				ORDER BY j.created, c.job_id, c.seq LIMIT 1`+s.skipLocked("c")+`)
			RETURNING job_id, seq, start_offset, start_line, input, claims`),
			worker, fmtTime(c.LeaseUntil), versions, fmtTime(now)).Scan(&c.JobID, &c.Seq, &c.Start, &c.Line, &c.Input, &c.Claims)
		if errors.Is(err, sql.ErrNoRows) {
			c = nil
			return nil
		}
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, s.q(`UPDATE batch_jobs SET status = ?, started = ? WHERE id = ? AND status = ?`),
			store.BatchRunning, fmtTime(now), c.JobID, store.BatchQueued)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("claim a batch chunk: %w", err)
	}
	return c, nil
}

// RenewBatchChunk implements store.BatchJobs.
func (s *Store) RenewBatchChunk(ctx context.Context, jobID string, seq int, worker string, until time.Time) (bool, error) {
	res, err := s.db.ExecContext(ctx, s.q(`UPDATE batch_chunks SET lease_until = ?
		WHERE job_id = ? AND seq = ? AND claimed_by = ? AND done_at = '' AND EXISTS (SELECT 1 FROM batch_jobs WHERE id = ? AND `+activeJob+`)`),
		fmtTime(until), jobID, seq, worker, jobID)
	if err != nil {
		return false, fmt.Errorf("renew the lease on batch job %s chunk %d: %w", jobID, seq, err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// CompleteBatchChunk implements store.BatchJobs.
func (s *Store) CompleteBatchChunk(ctx context.Context, c store.BatchChunk, worker string, at time.Time) (bool, error) {
	res, err := s.db.ExecContext(ctx, s.q(`UPDATE batch_chunks SET done_by = ?, done_at = ?, output = ?, errors = ?, output_size = ?, errors_size = ?, rows_read = ?, row_errors = ?, row_hits = ?, tally = ?
		WHERE job_id = ? AND seq = ? AND done_at = '' AND EXISTS (SELECT 1 FROM batch_jobs WHERE id = ? AND `+activeJob+`)`),
		worker, fmtTime(at), nonNil(c.Output), nonNil(c.Errors), len(c.Output), len(c.Errors), c.Rows, c.RowErrors, c.Hits, string(c.Tally), c.JobID, c.Seq, c.JobID)
	if err != nil {
		return false, fmt.Errorf("store batch job %s chunk %d: %w", c.JobID, c.Seq, err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// nonNil is b, or an empty slice for nil, which the drivers would store
// as NULL.
func nonNil(b []byte) []byte {
	if b == nil {
		return []byte{}
	}
	return b
}

// ClaimBatchEnd implements store.BatchJobs.
func (s *Store) ClaimBatchEnd(ctx context.Context, worker string, now time.Time, lease time.Duration) (*store.BatchJob, error) {
	var id string
	err := s.db.QueryRowContext(ctx, s.q(`UPDATE batch_jobs SET claimed_by = ?, lease_until = ?
		WHERE id = (SELECT j.id FROM batch_jobs j WHERE j.`+activeJob+` AND j.lease_until < ?
			AND NOT EXISTS (SELECT 1 FROM batch_chunks c WHERE c.job_id = j.id AND c.done_at = '')
			ORDER BY j.created LIMIT 1`+s.skipLocked("j")+`)
		RETURNING id`), worker, fmtTime(now.Add(lease)), fmtTime(now)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("claim a batch job's end: %w", err)
	}
	return s.BatchJob(ctx, id)
}

// EndBatchJob implements store.BatchJobs.
func (s *Store) EndBatchJob(ctx context.Context, id, status, msg string, at time.Time) (bool, error) {
	res, err := s.db.ExecContext(ctx, s.q(`UPDATE batch_jobs SET status = ?, error = ?, finished = ? WHERE id = ? AND `+activeJob),
		status, msg, fmtTime(at), id)
	if err != nil {
		return false, fmt.Errorf("end batch job %s: %w", id, err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// DeleteBatchJob implements store.BatchJobs.
func (s *Store) DeleteBatchJob(ctx context.Context, id string) (bool, error) {
	var deleted bool
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM batch_chunks WHERE job_id = ?`), id); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, s.q(`DELETE FROM batch_jobs WHERE id = ?`), id)
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		deleted = n == 1
		return err
	})
	if err != nil {
		return false, fmt.Errorf("delete batch job %s: %w", id, err)
	}
	return deleted, nil
}
