// Package postgres is veto's store for several replicas on one PostgreSQL
// database, through pgx's database/sql driver. The queries are shared with
// store/sqlite in store/sqlstore; this package connects, owns the
// PostgreSQL migrations (the twins of SQLite's, under the same file names)
// and implements [store.Locker] with advisory locks, so that one replica
// at a time refreshes the lists.
//
// The connection string is anything pgx accepts: a URL
// (postgres://user:password@host:5432/veto?sslmode=disable) or key=value
// pairs (host=... dbname=veto), plus the usual PG* environment variables.
// Its password never appears in an error.
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/vetoscreen/veto/store"
	"github.com/vetoscreen/veto/store/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Pool settings. A replica serves screening requests concurrently and
// holds one connection per lock it has taken (see TryLock), so it needs a
// few connections, but many replicas share the server's max_connections
// (100 by default). Idle connections are closed after a while so that a
// quiet replica gives its connections back.
const (
	maxOpenConns    = 16
	maxIdleConns    = 4
	connMaxIdleTime = 5 * time.Minute
	connMaxLifetime = time.Hour
	// connectTimeout applies when the DSN sets none, so that an
	// unreachable server fails Open instead of hanging it.
	connectTimeout = 10 * time.Second
)

// DB is a store on one PostgreSQL database. It is safe for concurrent
// use, and several processes may open the same database.
type DB struct {
	*sqlstore.Store
	target string

	mu    sync.Mutex
	locks map[*heldLock]struct{} // taken by TryLock and not yet released
}

var _ store.Store = (*DB)(nil)

// Open connects to the PostgreSQL database named by dsn, checks that it
// answers, and applies pending migrations (one process at a time, under
// an advisory lock, so replicas may start together). It refuses a
// database whose schema is newer than this binary (store.ErrSchema).
func Open(ctx context.Context, dsn string) (*DB, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("open store: invalid PostgreSQL connection string: %w", redact(err, dsnPasswords(dsn)...))
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = connectTimeout
	}
	target := fmt.Sprintf("postgres://%s@%s:%d/%s", cfg.User, cfg.Host, cfg.Port, cfg.Database)
	fail := func(err error) (*DB, error) {
		return nil, fmt.Errorf("open store %s: %w", target, redact(err, cfg.Password))
	}

	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(maxOpenConns)
	db.SetMaxIdleConns(maxIdleConns)
	db.SetConnMaxIdleTime(connMaxIdleTime)
	db.SetConnMaxLifetime(connMaxLifetime)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return fail(fmt.Errorf("cannot connect: %w", err))
	}
	if err := migrate(ctx, db); err != nil {
		db.Close()
		return fail(err)
	}
	return &DB{Store: sqlstore.New(db, sqlstore.Postgres), target: target, locks: map[*heldLock]struct{}{}}, nil
}

// migrate applies the migrations while holding an advisory lock, so that
// two replicas starting on a new database do not both create its tables
// (the loser fails on a duplicate catalog entry, as a test shows).
func migrate(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	key := lockKey(migrationLock)
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, key); err != nil {
		discard(conn) // it may hold the lock all the same
		return fmt.Errorf("wait for other replicas' migrations: %w", err)
	}
	defer unlock(conn, key)
	return sqlstore.Migrate(ctx, db, sqlstore.Postgres, migrations, "migrations")
}

// String returns the database's address, without the password.
func (s *DB) String() string { return s.target }

// Close releases the locks this store holds and closes its connections.
func (s *DB) Close() error {
	s.mu.Lock()
	held := make([]*heldLock, 0, len(s.locks))
	for l := range s.locks {
		held = append(held, l)
	}
	s.mu.Unlock()
	for _, l := range held {
		l.release()
	}
	return s.Store.Close()
}

// redactedError hides passwords in its cause's message; errors.Is and
// errors.As still see the cause.
type redactedError struct {
	err       error
	passwords []string
}

func (e *redactedError) Error() string {
	msg := e.err.Error()
	for _, pw := range e.passwords {
		msg = strings.ReplaceAll(msg, pw, "xxxxx")
	}
	return msg
}

func (e *redactedError) Unwrap() error { return e.err }

// redact returns err with each password replaced by xxxxx in its message.
func redact(err error, passwords ...string) error {
	passwords = slices.DeleteFunc(passwords, func(pw string) bool { return pw == "" })
	if err == nil || len(passwords) == 0 {
		return err
	}
	return &redactedError{err: err, passwords: passwords}
}

var kvPassword = regexp.MustCompile(`(?:^|\s)password\s*=\s*('(?:[^'\\]|\\.)*'|\S+)`)

// dsnPasswords finds the password in a connection string that pgx could
// not parse, as written and decoded, so that its error can be redacted all
// the same.
func dsnPasswords(dsn string) []string {
	raw := rawPassword(dsn)
	if pw, err := url.PathUnescape(raw); err == nil && pw != raw {
		return []string{raw, pw}
	}
	return []string{raw}
}

func rawPassword(dsn string) string {
	if i := strings.Index(dsn, "://"); i >= 0 {
		// A URL, maybe too broken for url.Parse: take what lies
		// between the user's colon and the last @ of the authority.
		auth := dsn[i+3:]
		if j := strings.IndexAny(auth, "/?"); j >= 0 {
			auth = auth[:j]
		}
		if at := strings.LastIndex(auth, "@"); at >= 0 {
			if _, pw, ok := strings.Cut(auth[:at], ":"); ok {
				return pw
			}
		}
		return ""
	}
	if m := kvPassword.FindStringSubmatch(dsn); m != nil {
		return strings.Trim(m[1], "'")
	}
	return ""
}
