// Package sqlstore implements the store interfaces once, in SQL that both
// SQLite and PostgreSQL run, so the two stores cannot drift apart. The
// store/sqlite and store/postgres packages open the database, apply their
// own dialect's migrations, and hand the connection to [New].
//
// Queries are written with "?" placeholders; the PostgreSQL dialect rewrites
// them to "$1, $2, ...". Times are stored as fixed-width RFC 3339 text in UTC
// so that they sort as text and scan the same way from both drivers;
// documents (entities, warnings) are stored as JSON text.
package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/vetoscreen/veto/store"
)

// Dialect is what differs between the SQL databases veto runs on.
type Dialect struct {
	// Name is "sqlite" or "postgres".
	Name string
	// Numbered reports whether placeholders are $1, $2, ... rather than ?.
	Numbered bool
}

// The supported dialects.
var (
	SQLite   = Dialect{Name: "sqlite"}
	Postgres = Dialect{Name: "postgres", Numbered: true}
)

// Store implements the store interfaces on a *sql.DB.
type Store struct {
	db *sql.DB
	d  Dialect
	// stmts are the statements prepared once, by query text: those run
	// at every screening (the audit trail's append), whose parsing would
	// cost more than their execution.
	stmts sync.Map
	// head is the audit trail's head after this store's last
	// AppendAudit.
	head knownHead
}

// New returns a Store on db, whose schema must be migrated already.
func New(db *sql.DB, d Dialect) *Store { return &Store{db: db, d: d} }

// DB returns the underlying database handle.
func (s *Store) DB() *sql.DB { return s.db }

// Close closes the database.
func (s *Store) Close() error {
	s.stmts.Range(func(_, st any) bool {
		st.(*sql.Stmt).Close()
		return true
	})
	return s.db.Close()
}

// prepared returns query (with "?" placeholders) as a statement of tx,
// prepared once for the store: database/sql then prepares it once per
// connection.
func (s *Store) prepared(ctx context.Context, tx *sql.Tx, query string) (*sql.Stmt, error) {
	st, ok := s.stmts.Load(query)
	if !ok {
		p, err := s.db.PrepareContext(ctx, s.q(query))
		if err != nil {
			return nil, err
		}
		if st, ok = s.stmts.LoadOrStore(query, p); ok {
			p.Close()
		}
	}
	return tx.StmtContext(ctx, st.(*sql.Stmt)), nil
}

// q rewrites a query's placeholders for the dialect.
func (s *Store) q(query string) string {
	if !s.d.Numbered {
		return query
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(query); i++ {
		if query[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(query[i])
	}
	return b.String()
}

// querier is what *sql.DB and *sql.Tx share.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// inTx runs fn in a transaction, committing if it returns nil and rolling
// back otherwise.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

const timeFormat = "2006-01-02T15:04:05.000000000Z"

// queryAll runs a query and reads every row with scan; what names the
// list in errors.
func queryAll[T any](ctx context.Context, db querier, what string, scan func(interface{ Scan(...any) error }) (*T, error), query string, args ...any) ([]T, error) {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		out = append(out, *v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return out, nil
}

// fmtTime writes t as fixed-width UTC text; the zero time is "".
func fmtTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(timeFormat)
}

// parseTime reads what fmtTime wrote.
func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(timeFormat, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored time %q: %w", s, err)
	}
	return t, nil
}

// Migrate applies the migrations in fsys (files *.sql in dir, in name
// order), each in its own transaction and recorded in schema_migrations.
// It refuses a database that has applied a migration fsys does not have,
// since that database was written by a newer veto.
func Migrate(ctx context.Context, db *sql.DB, d Dialect, fsys fs.FS, dir string) error {
	s := New(db, d)
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	names, err := fs.Glob(fsys, path.Join(dir, "*.sql"))
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	slices.Sort(names)
	known := map[string]bool{}
	for _, n := range names {
		known[path.Base(n)] = true
	}
	applied := map[string]bool{}
	rows, err := db.QueryContext(ctx, `SELECT name FROM schema_migrations`)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return fmt.Errorf("migrate: %w", err)
		}
		applied[n] = true
	}
	rows.Close()
	for n := range applied {
		if !known[n] {
			return fmt.Errorf("%w: the database has migration %s that this veto does not know; use a newer veto", store.ErrSchema, n)
		}
	}
	for _, n := range names {
		base := path.Base(n)
		if applied[base] {
			continue
		}
		body, err := fs.ReadFile(fsys, n)
		if err != nil {
			return fmt.Errorf("migrate %s: %w", base, err)
		}
		err = s.inTx(ctx, func(tx *sql.Tx) error {
			for _, stmt := range splitSQL(string(body)) {
				if _, err := tx.ExecContext(ctx, stmt); err != nil {
					return fmt.Errorf("%s: %w", firstLine(stmt), err)
				}
			}
			_, err := tx.ExecContext(ctx, s.q(`INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)`), base, fmtTime(time.Now()))
			return err
		})
		if err != nil {
			return fmt.Errorf("migrate %s: %w", base, err)
		}
	}
	return nil
}

// splitSQL splits a migration into statements at semicolons that end a
// line. Migrations keep to that rule, so no SQL parser is needed.
func splitSQL(body string) []string {
	var out []string
	var cur strings.Builder
	for _, line := range strings.Split(body, "\n") {
		if t := strings.TrimSpace(line); strings.HasPrefix(t, "--") || t == "" {
			continue
		}
		cur.WriteString(line)
		cur.WriteByte('\n')
		if strings.HasSuffix(strings.TrimSpace(line), ";") {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	if strings.TrimSpace(cur.String()) != "" {
		out = append(out, cur.String())
	}
	return out
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return l
}
