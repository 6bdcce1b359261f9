package postgres

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"hash/fnv"
	"sync"
	"time"
)

// migrationLock names the advisory lock Open holds while migrating.
// TryLock's names get a different prefix, so no lock a caller takes can
// collide with it.
const migrationLock = "veto schema migrations"

// lockKey maps a lock name to PostgreSQL's 64-bit advisory lock key space.
// Two names colliding would only make their jobs exclude each other.
func lockKey(name string) int64 {
	h := fnv.New64a()
	h.Write([]byte(name))
	return int64(h.Sum64())
}

// heldLock is an advisory lock taken by TryLock. PostgreSQL ties a
// session-level advisory lock to the connection that took it, so the
// connection is kept out of the pool until the lock is released; if the
// process dies, the server closes the session and frees the lock.
type heldLock struct {
	db   *DB
	conn *sql.Conn
	key  int64
	once sync.Once
}

// TryLock implements store.Locker with pg_try_advisory_lock, on a
// connection of its own that the lock holds until it is released (or the
// store closed). Each held lock so takes one of the pool's connections.
func (s *DB) TryLock(ctx context.Context, name string) (func(), bool, error) {
	conn, err := s.DB().Conn(ctx)
	if err != nil {
		return nil, false, fmt.Errorf("lock %s: %w", name, err)
	}
	key := lockKey("veto lock: " + name)
	var acquired bool
	if err := conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock($1)`, key).Scan(&acquired); err != nil {
		// The query may have taken the lock before failing (a
		// cancelled context, a broken connection): closing the session
		// is the only sure way to free it.
		discard(conn)
		return nil, false, fmt.Errorf("lock %s: %w", name, err)
	}
	if !acquired {
		conn.Close()
		return nil, false, nil
	}
	l := &heldLock{db: s, conn: conn, key: key}
	s.mu.Lock()
	s.locks[l] = struct{}{}
	s.mu.Unlock()
	return l.release, true, nil
}

// release unlocks and returns the connection to the pool; later calls do
// nothing.
func (l *heldLock) release() {
	l.once.Do(func() {
		l.db.mu.Lock()
		delete(l.db.locks, l)
		l.db.mu.Unlock()
		unlock(l.conn, l.key)
	})
}

// unlock releases an advisory lock held by conn and closes conn. If the
// lock cannot be released the connection is discarded, which ends the
// session and so frees the lock on the server.
func unlock(conn *sql.Conn, key int64) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var released bool
	if err := conn.QueryRowContext(ctx, `SELECT pg_advisory_unlock($1)`, key).Scan(&released); err != nil || !released {
		discard(conn)
		return
	}
	conn.Close()
}

// discard closes conn's session instead of returning it to the pool.
func discard(conn *sql.Conn) {
	conn.Raw(func(any) error { return driver.ErrBadConn })
	conn.Close()
}
