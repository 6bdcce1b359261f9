package postgres_test

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver for the admin connection

	"github.com/vetoscreen/veto/store"
	"github.com/vetoscreen/veto/store/postgres"
	"github.com/vetoscreen/veto/store/postgres/pgtest"
	"github.com/vetoscreen/veto/store/storetest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// These tests need a PostgreSQL server: $VETO_TEST_POSTGRES is the DSN of
// a role that may create databases (CI's .ci/postgres.sh starts one and
// sets it). Each store gets a database of its own, dropped at the end.
func TestConformance(t *testing.T) {
	pgtest.AdminDSN(t) // skips (or fails) once, rather than in every subtest
	storetest.Run(t, func(t *testing.T) store.Store { return MustOpen(t) })
}

// MustOpen opens a store on a new, empty database.
func MustOpen(t *testing.T) *postgres.DB {
	t.Helper()
	return mustOpenDSN(t, pgtest.NewDatabase(t).DSN)
}

func mustOpenDSN(t *testing.T, dsn string) *postgres.DB {
	t.Helper()
	db, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// withPassword returns dsn with its password replaced by pw.
func withPassword(t *testing.T, dsn, pw string) string {
	t.Helper()
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err != nil {
			t.Fatal(err)
		}
		u.User = url.UserPassword(u.User.Username(), pw)
		return u.String()
	}
	return dsn + " password=" + pw
}

func TestLockExcludesOtherProcesses(t *testing.T) {
	ctx := context.Background()
	tdb := pgtest.NewDatabase(t)
	// Two Opens on one database stand for two veto processes.
	a, b := mustOpenDSN(t, tdb.DSN), mustOpenDSN(t, tdb.DSN)

	release, ok, err := a.TryLock(ctx, "refresh")
	if err != nil || !ok {
		t.Fatalf("a: TryLock = %v, %v", ok, err)
	}
	if _, ok, err := b.TryLock(ctx, "refresh"); err != nil || ok {
		t.Fatalf("b: TryLock while a holds the lock = %v, %v; want not acquired", ok, err)
	}
	other, ok, err := b.TryLock(ctx, "other")
	if err != nil || !ok {
		t.Fatalf("b: TryLock(other) = %v, %v", ok, err)
	}
	other()
	release()
	rb, ok, err := b.TryLock(ctx, "refresh")
	if err != nil || !ok {
		t.Fatalf("b: TryLock after a released = %v, %v", ok, err)
	}
	rb()

	t.Run("FreedWhenHolderCloses", func(t *testing.T) {
		if _, ok, err := a.TryLock(ctx, "refresh"); err != nil || !ok {
			t.Fatalf("a: TryLock = %v, %v", ok, err)
		}
		if err := a.Close(); err != nil {
			t.Fatal(err)
		}
		waitForLock(t, b, "refresh")
	})

	t.Run("FreedWhenHolderDies", func(t *testing.T) {
		c := mustOpenDSN(t, tdb.DSN)
		release, ok, err := c.TryLock(ctx, "refresh")
		if err != nil || !ok {
			t.Fatalf("c: TryLock = %v, %v", ok, err)
		}
		// The server ends c's session, as it does when a process dies
		// and its connection drops.
		var n int
		err = tdb.Admin.QueryRow(`SELECT COUNT(pg_terminate_backend(l.pid)) FROM pg_locks l
			JOIN pg_database d ON d.oid = l.database
			WHERE l.locktype = 'advisory' AND l.granted AND d.datname = $1`, tdb.Name).Scan(&n)
		if err != nil || n != 1 {
			t.Fatalf("terminate the holder's session: %d sessions, %v", n, err)
		}
		waitForLock(t, b, "refresh")
		release() // on a dead connection: must neither hang nor panic
		if err := c.DB().PingContext(ctx); err != nil {
			t.Errorf("c after its lock's session died: %v", err)
		}
	})
}

// waitForLock fails unless s can take the lock within a few seconds: the
// server frees a closed session's locks as it ends the session, a moment
// after the client hangs up.
func waitForLock(t *testing.T, s *postgres.DB, name string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		release, ok, err := s.TryLock(context.Background(), name)
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			release()
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("lock %s still held 10s after its holder went away", name)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestConcurrentOpenMigratesOnce(t *testing.T) {
	tdb := pgtest.NewDatabase(t)
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Go(func() {
			db, err := postgres.Open(context.Background(), tdb.DSN)
			if err == nil {
				db.Close()
			}
			errs[i] = err
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("replica %d: %v", i, err)
		}
	}
}

func TestRefusesNewerSchema(t *testing.T) {
	tdb := pgtest.NewDatabase(t)
	db, err := postgres.Open(context.Background(), tdb.DSN)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.DB().Exec(`INSERT INTO schema_migrations (name, applied_at) VALUES ('9999_future.sql', '')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if db, err := postgres.Open(context.Background(), tdb.DSN); !errors.Is(err, store.ErrSchema) {
		if err == nil {
			db.Close()
		}
		t.Errorf("opening a newer database: err = %v, want ErrSchema", err)
	}
}

func TestErrorsHidePassword(t *testing.T) {
	tdb := pgtest.NewDatabase(t)
	const secret = "Wr0ng-s3cret-pw"
	tests := []struct {
		name string
		dsn  string
	}{
		{"WrongPassword", withPassword(t, tdb.DSN, secret)},
		{"UnparsableURL", "postgres://veto:" + secret + "@127.0.0.1:notaport/veto"},
		{"UnparsableKeyValue", "host=127.0.0.1 port=notaport user=veto password=" + secret},
		{"UnparsableKeyValueQuoted", "host=127.0.0.1 port=notaport user=veto password='" + secret + "'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, err := postgres.Open(context.Background(), tt.dsn)
			if err == nil {
				db.Close()
				t.Skip("the server accepted a wrong password (trust authentication?)")
			}
			if strings.Contains(err.Error(), secret) {
				t.Errorf("error shows the password: %v", err)
			}
			t.Log(err)
		})
	}
}

func TestMigration0008(t *testing.T) {
	dsn := pgtest.NewDatabase(t).DSN
	db := mustOpenDSN(t, dsn)
	storetest.Migration0008(t, db.DB(), func(t *testing.T) store.Store { return mustOpenDSN(t, dsn) })
}
