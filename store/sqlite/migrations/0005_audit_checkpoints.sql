-- Checkpoints of the audit chain's head (package audit): its seq and hash
-- at a time, signed with an HMAC whose key is kept outside the database,
-- so that removing the newest entries, or rewriting one and recomputing
-- the chain after it, shows against the last checkpoint. Each checkpoint
-- is also appended to a file beside the database, so that deleting rows
-- here shows too. Append-only, like audit_log.
CREATE TABLE audit_checkpoints (
    id   INTEGER PRIMARY KEY,
    seq  INTEGER NOT NULL,
    head TEXT NOT NULL,
    at   TEXT NOT NULL,
    key  TEXT NOT NULL,
    mac  TEXT NOT NULL
);
CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
BEGIN SELECT RAISE(ABORT, 'audit_checkpoints is append-only'); END;
CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
BEGIN SELECT RAISE(ABORT, 'audit_checkpoints is append-only'); END;
