-- The analysts' decisions on which listings name one sanctioned subject,
-- and the subject IDs of the last resolution. A decision is never deleted
-- nor changed but for its revocation, which is a decision of its own.
CREATE TABLE subject_decisions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    kind       TEXT NOT NULL,
    sides      TEXT NOT NULL, -- JSON [][]string: entity IDs, one array per side
    revokes    INTEGER NOT NULL DEFAULT 0,
    note       TEXT NOT NULL,
    actor      TEXT NOT NULL,
    at         TEXT NOT NULL,
    revoked_by INTEGER NOT NULL DEFAULT 0,
    revoked_at TEXT NOT NULL DEFAULT ''
);

-- Member entity ID to subject ID, as the last resolution gave them: the
-- next resolution keeps them (resolve.Options.Previous).
CREATE TABLE subject_ids (
    entity_id  TEXT PRIMARY KEY,
    subject_id TEXT NOT NULL,
    at         TEXT NOT NULL -- when the listing took this subject ID
);
