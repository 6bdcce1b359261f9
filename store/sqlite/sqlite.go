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
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"

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
// folder, and applies pending migrations. A new file is readable by its
// owner only (and so are SQLite's -wal and -shm, which take its mode). It
// refuses a database whose schema is newer than this binary
// (store.ErrSchema), and a file that is not a veto store
// (store.ErrNotStore): empty, not SQLite, or another program's database.
func Open(ctx context.Context, path string) (*DB, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("open store: create folder: %w", err)
		}
	}
	created, err := prepareFile(path)
	if err != nil {
		return nil, err
	}
	if !created {
		if err := checkTables(ctx, path); err != nil {
			return nil, err
		}
	}
	db, err := open(ctx, path, created)
	if err != nil && created {
		// Leave nothing behind that a later start would refuse as empty.
		for _, p := range []string{path, path + "-wal", path + "-shm"} {
			os.Remove(p)
		}
	}
	return db, err
}

func open(ctx context.Context, path string, created bool) (*DB, error) {
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

// sqliteHeader begins every SQLite database file.
const sqliteHeader = "SQLite format 3\x00"

// prepareFile creates the database file, readable by its owner only, if
// there is none (created is true), or checks that the file there is a
// SQLite database. SQLite itself would take an empty or missing file for
// a new database: a store truncated to 0 bytes, or a mistyped --db, would
// silently start empty, with no lists and a new admin key.
func prepareFile(path string) (created bool, err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err == nil {
		return true, f.Close()
	}
	if !errors.Is(err, fs.ErrExist) {
		return false, fmt.Errorf("open store %s: %w", path, err)
	}
	f, err = os.Open(path)
	if err != nil {
		return false, fmt.Errorf("open store %s: %w", path, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return false, fmt.Errorf("open store %s: %w", path, err)
	}
	switch {
	case fi.IsDir():
		return false, fmt.Errorf("open store %s: %w: it is a folder; give the path of the database file", path, store.ErrNotStore)
	case fi.Size() == 0:
		return false, fmt.Errorf("open store %s: %w: the file is empty (0 bytes), so it holds no store; veto does not take it for a new one. If the store was lost, restore it from a backup; to start a new store, remove the empty file", path, store.ErrNotStore)
	}
	head := make([]byte, len(sqliteHeader))
	if _, err := io.ReadFull(f, head); err != nil || string(head) != sqliteHeader {
		return false, fmt.Errorf("open store %s: %w: the file is not a SQLite database (it does not begin with %q); check --db", path, store.ErrNotStore, strings.TrimSuffix(sqliteHeader, "\x00"))
	}
	return false, nil
}

// checkTables refuses another program's SQLite database: one with tables
// but not veto's schema_migrations. Migrating it would add veto's tables
// to someone else's data. It reads the file read-only, before Open's
// pragmas (WAL mode) would change it.
func checkTables(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return fmt.Errorf("open store %s: %w", path, err)
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		return fmt.Errorf("open store %s: %w", path, err)
	}
	defer rows.Close()
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return fmt.Errorf("open store %s: %w", path, err)
		}
		if name == "schema_migrations" {
			return nil
		}
		tables = append(tables, name)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("open store %s: %w", path, err)
	}
	if len(tables) > 0 {
		if len(tables) > 5 {
			tables = append(tables[:5], "...")
		}
		return fmt.Errorf("open store %s: %w: it is another program's SQLite database (tables %s, and not veto's schema_migrations); check --db", path, store.ErrNotStore, strings.Join(tables, ", "))
	}
	return nil
}
