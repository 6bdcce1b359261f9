-- Checkpoints of the audit chain's head (package audit): its seq and hash
-- at a time, signed with an HMAC whose key is kept outside the database,
-- so that removing the newest entries, or rewriting one and recomputing
-- the chain after it, shows against the last checkpoint even to a role
-- that can disable triggers. Each checkpoint is also appended to a file
-- beside veto, so that deleting rows here shows too. Append-only, like
-- audit_log.
CREATE TABLE audit_checkpoints (
    id   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    seq  BIGINT NOT NULL,
    head TEXT NOT NULL,
    at   TEXT NOT NULL,
    key  TEXT NOT NULL,
    mac  TEXT NOT NULL
);
CREATE TRIGGER audit_checkpoints_no_change BEFORE UPDATE OR DELETE ON audit_checkpoints FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
