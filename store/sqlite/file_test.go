package sqlite_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
	"github.com/vetoscreen/veto/store/sqlite"
	"github.com/vetoscreen/veto/store/storetest"
)

// TestNewDatabaseIsPrivate: the store holds API key hashes, users and
// customers; its file, and SQLite's -wal and -shm beside it, are created
// readable by their owner only, whatever the umask.
func TestNewDatabaseIsPrivate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "veto.db")
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// A write, so that the -wal and -shm files exist.
	storetest.MustAdd(t, db, entity.ListVersion{List: "un-sc", Publisher: "un", Hash: "h1"},
		&entity.Entity{ID: "un-1", Schema: entity.Person, List: "un-sc", Names: []entity.Name{{Full: "Sergei Lavrov", Kind: entity.Primary}}})
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		if mode := fi.Mode().Perm(); mode&0o077 != 0 {
			t.Errorf("%s has mode %v, want 0600", filepath.Base(p), mode)
		}
	}
}

// TestRefusesFilesThatAreNotVetoStores: a file that is empty, not SQLite,
// or another program's SQLite database is refused with an error that
// names it, and left as it was, rather than taken for a new store (which
// would start with no lists and a new admin key).
func TestRefusesFilesThatAreNotVetoStores(t *testing.T) {
	foreign := filepath.Join(t.TempDir(), "other.db")
	other, err := sql.Open("sqlite", foreign)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.Exec(`CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)`); err != nil {
		t.Fatal(err)
	}
	other.Close()
	foreignData, err := os.ReadFile(foreign)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name    string
		content []byte
		says    string
	}{
		{"Empty", nil, "empty"},
		{"Text", []byte("customer,name\n1,ACME\n"), "not a SQLite database"},
		{"OtherSQLite", foreignData, "invoices"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "veto.db")
			if err := os.WriteFile(path, tt.content, 0o600); err != nil {
				t.Fatal(err)
			}
			db, err := sqlite.Open(context.Background(), path)
			if err == nil {
				db.Close()
				t.Fatalf("%s file opened as a store", tt.name)
			}
			if !errors.Is(err, store.ErrNotStore) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), tt.says) {
				t.Errorf("error %q, want ErrNotStore naming %s and saying %q", err, path, tt.says)
			}
			after, err := os.ReadFile(path)
			if err != nil || !bytes.Equal(after, tt.content) {
				t.Errorf("the refused file was changed: %d bytes, was %d (%v)", len(after), len(tt.content), err)
			}
		})
	}
}
