-- Case notes and attachments on alerts, and the indexes the alert queue
-- sorts by.
--
-- Attachments are stored in the database, not beside it: a note, its file
-- and the audit entry naming the file's SHA-256 are written in one
-- transaction; one backup holds the whole case file; and replicas on one
-- PostgreSQL all see the file, which a folder beside one of them would
-- not give. Files are capped (10 MiB by default), so the table stays a
-- small part of a store that holds every list version.
CREATE TABLE alert_notes (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    alert_id  INTEGER NOT NULL REFERENCES alerts (id),
    author    TEXT    NOT NULL,
    at        TEXT    NOT NULL,
    text      TEXT    NOT NULL
);
CREATE INDEX alert_notes_alert ON alert_notes (alert_id, id);

CREATE TABLE alert_attachments (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    alert_id     INTEGER NOT NULL REFERENCES alerts (id),
    author       TEXT    NOT NULL,
    at           TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT    NOT NULL,
    data         BLOB    NOT NULL
);
CREATE INDEX alert_attachments_alert ON alert_attachments (alert_id, id);

-- The queue sorts within a status by score, list, customer or age (id:
-- alerts are numbered as raised), paging with LIMIT/OFFSET.
CREATE INDEX alerts_status_score ON alerts (status, score, id);
CREATE INDEX alerts_status_list ON alerts (status, list, id);
CREATE INDEX alerts_status_customer ON alerts (status, customer_id, id);

-- The audit page's filters by who, what and subject have no index: each
-- would cost every screening's append (an index on actor alone made
-- appending summaries 1.17 times the CPU); the page searches a bounded
-- window of sequence numbers at a time instead.
