-- List versions, their entities (stored once per distinct content) and the
-- diffs between consecutive versions of a list.
CREATE TABLE list_versions (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    list           TEXT    NOT NULL,
    publisher      TEXT    NOT NULL,
    format         TEXT    NOT NULL,
    published      TEXT    NOT NULL, -- RFC 3339, UTC; '' when unknown
    published_from TEXT    NOT NULL,
    hash           TEXT    NOT NULL,
    source         TEXT    NOT NULL, -- JSON array of URLs or paths
    fetched_at     TEXT    NOT NULL,
    entity_count   INTEGER NOT NULL,
    warnings       TEXT    NOT NULL, -- JSON array of entity.Warning
    active         INTEGER NOT NULL DEFAULT 0
);
-- At most one active version per list.
CREATE UNIQUE INDEX list_versions_active ON list_versions (list) WHERE active = 1;
CREATE INDEX list_versions_list ON list_versions (list, id);

-- An entity's JSON, keyed by its SHA-256: a version that changes ten
-- entities of fifteen thousand stores ten new blobs.
CREATE TABLE entity_blobs (
    hash TEXT PRIMARY KEY,
    data BLOB NOT NULL
);

CREATE TABLE version_entities (
    version_id INTEGER NOT NULL REFERENCES list_versions (id),
    entity_id  TEXT    NOT NULL,
    hash       TEXT    NOT NULL REFERENCES entity_blobs (hash),
    PRIMARY KEY (version_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX version_entities_entity ON version_entities (entity_id);

CREATE TABLE list_diffs (
    version_id      INTEGER PRIMARY KEY REFERENCES list_versions (id),
    prev_version_id INTEGER NOT NULL, -- 0 for a list's first version
    added           INTEGER NOT NULL,
    removed         INTEGER NOT NULL,
    changed         INTEGER NOT NULL
);

CREATE TABLE diff_changes (
    version_id INTEGER NOT NULL REFERENCES list_versions (id),
    entity_id  TEXT    NOT NULL,
    change     TEXT    NOT NULL,
    caption    TEXT    NOT NULL,
    material   INTEGER NOT NULL,
    properties TEXT    NOT NULL, -- JSON array of entity.PropertyChange
    PRIMARY KEY (version_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX diff_changes_entity ON diff_changes (entity_id);
