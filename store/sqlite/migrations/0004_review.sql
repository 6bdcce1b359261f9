-- The people who review alerts, their sessions and actions, the
-- allow-list of proven false positives, and the audit trail.
ALTER TABLE alerts ADD COLUMN assignee TEXT NOT NULL DEFAULT '';
CREATE INDEX alerts_assignee ON alerts (assignee, id);

CREATE TABLE users (
    name          TEXT PRIMARY KEY,
    display_name  TEXT NOT NULL,
    role          TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    disabled_at   TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY, -- SHA-256 of the cookie's token
    user_name  TEXT NOT NULL REFERENCES users (name),
    csrf       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_name);

CREATE TABLE alert_actions (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    alert_id  INTEGER NOT NULL REFERENCES alerts (id),
    kind      TEXT NOT NULL,
    decision  TEXT NOT NULL,
    reason    TEXT NOT NULL,
    user_name TEXT NOT NULL,
    at        TEXT NOT NULL
);
CREATE INDEX alert_actions_alert ON alert_actions (alert_id, id);

CREATE TABLE allow_list (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_id   TEXT NOT NULL,
    entity_id     TEXT NOT NULL,
    alert_id      INTEGER NOT NULL REFERENCES alerts (id),
    decided_by    TEXT NOT NULL,
    approved_by   TEXT NOT NULL,
    reason        TEXT NOT NULL,
    at            TEXT NOT NULL,
    revoked_at    TEXT NOT NULL DEFAULT '',
    revoke_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX allow_list_pair ON allow_list (customer_id, entity_id);

-- The audit trail: append-only. Each entry carries the hash of the one
-- before (package audit); the triggers refuse any change to a row, so that
-- a rewrite needs someone who also drops the triggers, and even then
-- breaks the chain that `veto audit verify` checks.
CREATE TABLE audit_log (
    seq     INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    actor   TEXT NOT NULL,
    action  TEXT NOT NULL,
    subject TEXT NOT NULL,
    data    TEXT NOT NULL,
    prev    TEXT NOT NULL,
    hash    TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
