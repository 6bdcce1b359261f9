// Package sqlite is veto's embedded default store: one SQLite file, through
// the pure-Go driver modernc.org/sqlite, so veto needs no C toolchain and no
// database server. The queries are shared with store/postgres in
// store/sqlstore; this package opens the file and owns the SQLite
// migrations.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"net/url"
	"os"
	"path/filepath"

	"github.com/vetoscreen/veto/store"
	"github.com/vetoscreen/veto/store/sqlstore"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// DB is a store in one SQLite file. It is safe for concurrent use.
type DB struct {
	*sqlstore.Store
	path string
}

var _ store.Store = (*DB)(nil)

// Open opens (creating if needed) the SQLite store at path, creating its
// folder, and applies pending migrations. It refuses a database whose
// schema is newer than this binary (store.ErrSchema).
func Open(ctx context.Context, path string) (*DB, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("open store: create folder: %w", err)
		}
	}
	// WAL lets readers (screening, the API) go on while a list update
	// writes; busy_timeout makes a second writer wait instead of failing;
	// immediate transactions take the write lock at BEGIN, so two writers
	// never deadlock upgrading read locks. Foreign keys are off by default
	// in SQLite and must be turned on per connection.
	q := url.Values{}
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)")
	// A list version is written in one transaction of tens of
	// megabytes; a 16 MB page cache (the default is 2 MB) keeps it from
	// spilling to the WAL page by page.
	q.Add("_pragma", "cache_size(-16384)")
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	if err := sqlstore.Migrate(ctx, db, sqlstore.SQLite, migrations, "migrations"); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return &DB{Store: sqlstore.New(db, sqlstore.SQLite), path: path}, nil
}

// Path returns the database file's path.
func (s *DB) Path() string { return s.path }
