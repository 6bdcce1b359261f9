-- API keys: only the SHA-256 of a key is stored. Keys are listed in
-- (created_at, id) order, so both use the byte-order "C" collation, as in
-- SQLite.
CREATE TABLE api_keys (
    id         TEXT COLLATE "C" PRIMARY KEY,
    name       TEXT NOT NULL,
    role       TEXT NOT NULL,
    hash       TEXT NOT NULL,
    created_at TEXT COLLATE "C" NOT NULL,
    revoked_at TEXT NOT NULL DEFAULT ''
);
