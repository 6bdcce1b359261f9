-- Monitored customers, the alerts raised on them, and which list versions
-- their changes have been re-screened for.
CREATE TABLE customers (
    id         TEXT PRIMARY KEY,
    data       TEXT NOT NULL, -- JSON entity.Customer (screening fields)
    hash       TEXT NOT NULL, -- SHA-256 of data: an unchanged import changes nothing
    removed    TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE alerts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_id TEXT    NOT NULL,
    entity_id   TEXT    NOT NULL,
    list        TEXT    NOT NULL,
    version_id  INTEGER NOT NULL,
    score       REAL    NOT NULL,
    status      TEXT    NOT NULL,
    cause       TEXT    NOT NULL,
    customer    TEXT    NOT NULL, -- JSON entity.Customer as screened
    hit         TEXT    NOT NULL, -- JSON screen.Hit
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);
CREATE INDEX alerts_pair ON alerts (customer_id, entity_id);
CREATE INDEX alerts_status ON alerts (status, id);
CREATE INDEX alerts_entity ON alerts (entity_id);

CREATE TABLE monitor_runs (
    version_id INTEGER PRIMARY KEY,
    list       TEXT    NOT NULL,
    at         TEXT    NOT NULL,
    entities   INTEGER NOT NULL,
    customers  INTEGER NOT NULL,
    alerts     INTEGER NOT NULL,
    took_ns    INTEGER NOT NULL
);
