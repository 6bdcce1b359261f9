-- Batch jobs split into chunks that any replica on the database claims,
-- screens and stores (store.BatchJobs). A job records the list versions
-- it is screened against: only a replica serving exactly those claims its
-- chunks. A chunk is claimed with a lease (claimed_by, lease_until) that
-- its worker renews; when the lease runs out (the worker died), another
-- replica claims it again. Its results are written once (done_at set):
-- a late duplicate of a slow worker changes nothing.
CREATE TABLE batch_jobs (
    id          TEXT PRIMARY KEY,
    owner       TEXT NOT NULL,
    versions    TEXT NOT NULL,
    status      TEXT NOT NULL,
    spec        TEXT NOT NULL,  -- JSON: the job's options as made (jobs.Job)
    header      BLOB NOT NULL, -- the input's bytes before its first record
    chunks      INTEGER NOT NULL,
    size        INTEGER NOT NULL,
    created     TEXT NOT NULL,
    started     TEXT NOT NULL DEFAULT '',
    finished    TEXT NOT NULL DEFAULT '',
    error       TEXT NOT NULL DEFAULT '',
    -- Who records the job's end once its chunks are done, under a lease.
    claimed_by  TEXT NOT NULL DEFAULT '',
    lease_until TEXT NOT NULL DEFAULT ''
);
CREATE INDEX batch_jobs_owner ON batch_jobs (owner);

CREATE TABLE batch_chunks (
    job_id       TEXT NOT NULL REFERENCES batch_jobs (id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,
    start_offset INTEGER NOT NULL,
    start_line   INTEGER NOT NULL,
    input        BLOB NOT NULL,
    claimed_by   TEXT NOT NULL DEFAULT '',
    lease_until  TEXT NOT NULL DEFAULT '',
    claims       INTEGER NOT NULL DEFAULT 0,
    done_by      TEXT NOT NULL DEFAULT '',
    done_at      TEXT NOT NULL DEFAULT '',
    output       BLOB NOT NULL DEFAULT '',
    errors       BLOB NOT NULL DEFAULT '',
    -- The sizes of input, output and errors, kept so that counting a
    -- job's bytes reads no chunk's data.
    input_size   INTEGER NOT NULL,
    output_size  INTEGER NOT NULL DEFAULT 0,
    errors_size  INTEGER NOT NULL DEFAULT 0,
    rows_read    INTEGER NOT NULL DEFAULT 0,
    row_errors   INTEGER NOT NULL DEFAULT 0,
    row_hits     INTEGER NOT NULL DEFAULT 0,
    tally        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (job_id, seq)
);
-- The chunks still to screen.
CREATE INDEX batch_chunks_todo ON batch_chunks (job_id, seq) WHERE done_at = '';
