// Package pgtest gives tests a PostgreSQL database of their own: on the
// server named by $VETO_TEST_POSTGRES (.ci/postgres.sh starts one, as CI
// does), or else on a private server the tests start themselves from the
// PostgreSQL installed on the machine, in a temporary directory, listening
// on a Unix socket only, and stop when they end (packages call Main from
// their TestMain). With neither, the tests skip, or fail when
// $VETO_REQUIRE_POSTGRES is set, as in CI.
package pgtest

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"strings"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver for the admin connection
)

// Database is a database created for one test.
type Database struct {
	Name  string
	DSN   string  // connects to the database as the admin role
	Admin *sql.DB // connected to the admin DSN's database
}

// NewDatabase creates a database veto_test_<random>, dropped (connections
// and all) when the test ends.
func NewDatabase(t *testing.T) *Database {
	t.Helper()
	adminDSN := AdminDSN(t)
	admin, err := sql.Open("pgx", adminDSN)
	if err != nil {
		t.Fatalf("VETO_TEST_POSTGRES: %v", err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	name := "veto_test_" + hex.EncodeToString(b)
	if _, err := admin.Exec(`CREATE DATABASE ` + name); err != nil {
		admin.Close()
		t.Fatalf("create test database (VETO_TEST_POSTGRES must name a role with CREATEDB): %v", err)
	}
	t.Cleanup(func() {
		if _, err := admin.Exec(`DROP DATABASE ` + name + ` WITH (FORCE)`); err != nil {
			t.Errorf("drop test database: %v", err)
		}
		admin.Close()
	})
	return &Database{Name: name, DSN: WithDatabase(t, adminDSN, name), Admin: admin}
}

// AdminDSN returns $VETO_TEST_POSTGRES, or the DSN of the private server
// (started on first use), or skips the test when there is neither (fails
// it when $VETO_REQUIRE_POSTGRES is set, as in CI).
func AdminDSN(t *testing.T) string {
	t.Helper()
	dsn := os.Getenv("VETO_TEST_POSTGRES")
	if dsn == "" {
		dsn, privateErr = startPrivate()
		if privateErr != nil {
			t.Logf("no private PostgreSQL: %v", privateErr)
		}
	}
	if dsn == "" {
		if os.Getenv("VETO_REQUIRE_POSTGRES") != "" {
			t.Fatal("VETO_REQUIRE_POSTGRES is set but VETO_TEST_POSTGRES is not: CI must run the PostgreSQL store's tests (.ci/postgres.sh sets both)")
		}
		t.Skip("VETO_TEST_POSTGRES is not set: skipping the PostgreSQL store's tests; set it to the DSN of a role with CREATEDB, e.g. postgres://veto:veto@127.0.0.1:5432/postgres?sslmode=disable (bash .ci/postgres.sh starts such a server as root)")
	}
	return dsn
}

// WithDatabase returns dsn with its database replaced by name.
func WithDatabase(t *testing.T, dsn, name string) string {
	t.Helper()
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err != nil {
			t.Fatalf("VETO_TEST_POSTGRES: %v", err)
		}
		u.Path = "/" + name
		return u.String()
	}
	return dsn + " dbname=" + name // in key=value form the last setting wins
}
