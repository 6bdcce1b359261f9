package storetest

import (
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
)

// testAuditCheckpoints checks that checkpoints round-trip, cannot be
// changed, and catch what a chain alone does not: the newest entries
// deleted, or an entry rewritten and the chain recomputed after it, by
// someone who can write the database and switch its triggers off (on
// PostgreSQL, the table's owner: the role veto runs as).
func testAuditCheckpoints(t *testing.T, newStore func(t *testing.T) store.Store) {
	key, err := chain.NewKey(strings.Repeat("k", 40))
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 3, 3, 9, 0, 0, 123456789, time.UTC)
	fill := func(t *testing.T, s store.Store, n int) {
		t.Helper()
		var es []entity.AuditEntry
		for i := range n {
			es = append(es, entry(t, t0.Add(time.Duration(i)*time.Second), "ann", chain.ActionScreen, fmt.Sprint("request/", i), map[string]any{"hits": i}))
		}
		if _, err := s.AppendAudit(ctx(), es...); err != nil {
			t.Fatal(err)
		}
	}
	// anchor checkpoints the head as audit.Anchor does (the store first,
	// then the file), with the store's methods and chain only: storetest
	// sits below audit, whose Anchor is tested in its own package.
	anchor := func(t *testing.T, s store.Store) (file string, c entity.AuditCheckpoint) {
		t.Helper()
		seq, head, err := s.AuditHead(ctx())
		if err != nil || seq == 0 {
			t.Fatalf("AuditHead = %d, %v", seq, err)
		}
		c = key.Sign(seq, head, t0.Add(time.Hour))
		if err := s.AppendCheckpoint(ctx(), c); err != nil {
			t.Fatal(err)
		}
		file = filepath.Join(t.TempDir(), "checkpoints.jsonl")
		if err := chain.AppendCheckpointFile(file, c); err != nil {
			t.Fatal(err)
		}
		return file, c
	}
	// verify checks the stored chain against the stored checkpoints.
	verify := func(t *testing.T, s store.Store, file string) []chain.Problem {
		t.Helper()
		db, err := s.AuditCheckpoints(ctx())
		if err != nil {
			t.Fatal(err)
		}
		fileCs, err := chain.ReadCheckpointFile(file)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			t.Fatal(err)
		}
		valid, problems := chain.CheckCheckpoints(key, db, fileCs)
		v := chain.NewVerifier()
		v.Checkpoints(valid)
		es, err := s.AuditEntries(ctx(), store.AuditFilter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range es {
			v.Add(e)
		}
		return append(problems, v.Problems()...)
	}

	t.Run("round trip", func(t *testing.T) {
		s := newStore(t)
		if seq, hash, err := s.AuditHead(ctx()); err != nil || seq != 0 || hash != "" {
			t.Errorf("AuditHead of an empty trail = %d %q %v", seq, hash, err)
		}
		fill(t, s, 3)
		es, _ := s.AuditEntries(ctx(), store.AuditFilter{})
		if seq, hash, err := s.AuditHead(ctx()); err != nil || seq != 3 || hash != es[2].Hash {
			t.Errorf("AuditHead = %d %q %v; want 3 %s", seq, hash, err, es[2].Hash)
		}
		a, c := anchor(t, s)
		got, err := s.AuditCheckpoints(ctx())
		if err != nil || len(got) != 1 || got[0] != c || !key.Check(got[0]) {
			t.Errorf("AuditCheckpoints = %+v, %v; want [%+v] with a MAC that verifies", got, err, c)
		}
		if p := verify(t, s, a); len(p) != 0 {
			t.Errorf("an untouched trail: %v", p)
		}
		sdb := s.(interface{ DB() *sql.DB }).DB()
		for _, q := range []string{`UPDATE audit_checkpoints SET seq = 1`, `DELETE FROM audit_checkpoints`} {
			if _, err := sdb.ExecContext(ctx(), q); err == nil {
				t.Errorf("%s: succeeded, want the append-only trigger to refuse it", q)
			}
		}
	})
	t.Run("newest entries deleted", func(t *testing.T) {
		s := newStore(t)
		fill(t, s, 450) // in one append: more rows than one INSERT takes
		if es, err := s.AuditEntries(ctx(), store.AuditFilter{}); err != nil || len(es) != 450 {
			t.Fatalf("%d entries, %v", len(es), err)
		} else if v := verify(t, s, filepath.Join(t.TempDir(), "none")); len(v) != 0 {
			t.Fatalf("450 entries appended at once: %v", v)
		}
		a, _ := anchor(t, s)
		disableTriggers(t, s)
		if _, err := s.(interface{ DB() *sql.DB }).DB().ExecContext(ctx(), `DELETE FROM audit_log WHERE seq > 10`); err != nil {
			t.Fatal(err)
		}
		p := verify(t, s, a)
		if len(p) != 1 || p[0].Seq != 450 || !strings.Contains(p[0].Problem, "truncated") || !strings.Contains(p[0].Problem, "entries 11 to 450 were removed") {
			t.Errorf("after deleting entries 11 to 450: %v; want one problem, truncated at 450", p)
		}
	})
	t.Run("entry rewritten and chain recomputed", func(t *testing.T) {
		s := newStore(t)
		fill(t, s, 20)
		a, _ := anchor(t, s)
		postgres := disableTriggers(t, s)
		es, _ := s.AuditEntries(ctx(), store.AuditFilter{})
		es[4].Actor = "mallory"
		chain.Chain(4, es[3].Hash, es[4:])
		sdb := s.(interface{ DB() *sql.DB }).DB()
		for _, e := range es[4:] {
			q := `UPDATE audit_log SET actor = ?, prev = ?, hash = ? WHERE seq = ?`
			if postgres {
				q = `UPDATE audit_log SET actor = $1, prev = $2, hash = $3 WHERE seq = $4`
			}
			if _, err := sdb.ExecContext(ctx(), q, e.Actor, e.Prev, e.Hash, e.Seq); err != nil {
				t.Fatal(err)
			}
		}
		p := verify(t, s, a)
		if len(p) != 1 || p[0].Seq != 20 || !strings.Contains(p[0].Problem, "rewritten") {
			t.Errorf("after rewriting entry 5 and recomputing the chain: %v; want one problem, rewritten at 20", p)
		}
	})
	t.Run("checkpoint rows deleted", func(t *testing.T) {
		s := newStore(t)
		fill(t, s, 5)
		a, _ := anchor(t, s)
		disableTriggers(t, s)
		sdb := s.(interface{ DB() *sql.DB }).DB()
		if _, err := sdb.ExecContext(ctx(), `DELETE FROM audit_checkpoints`); err != nil {
			t.Fatal(err)
		}
		if _, err := sdb.ExecContext(ctx(), `DELETE FROM audit_log WHERE seq > 2`); err != nil {
			t.Fatal(err)
		}
		// The file still holds the checkpoint: its absence from the
		// database shows, and so does the truncation it anchors.
		p := verify(t, s, a)
		if len(p) != 2 || !strings.Contains(p[0].Problem, "no longer in the database") || !strings.Contains(p[1].Problem, "truncated") {
			t.Errorf("after deleting the checkpoint rows and entries 3 to 5: %v", p)
		}
	})
}

// disableTriggers switches off the append-only triggers of the audit
// tables, as an attacker with write access to the database can: on
// PostgreSQL the owner of a table may disable its triggers, on SQLite
// anyone who can write the file may drop them. It reports whether the
// database is PostgreSQL.
func disableTriggers(t *testing.T, s store.Store) (postgres bool) {
	t.Helper()
	sdb := s.(interface{ DB() *sql.DB }).DB()
	if _, err := sdb.ExecContext(ctx(), `ALTER TABLE audit_log DISABLE TRIGGER USER`); err == nil {
		if _, err := sdb.ExecContext(ctx(), `ALTER TABLE audit_checkpoints DISABLE TRIGGER USER`); err != nil {
			t.Fatal(err)
		}
		return true
	}
	for _, tr := range []string{"audit_log_no_update", "audit_log_no_delete", "audit_checkpoints_no_update", "audit_checkpoints_no_delete"} {
		if _, err := sdb.ExecContext(ctx(), `DROP TRIGGER `+tr); err != nil {
			t.Fatal(err)
		}
	}
	return false
}
