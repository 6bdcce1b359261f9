// Package storetest is the conformance suite every store implementation
// passes: each test checks a promise made in the store package's method
// comments. A store's own tests call [Run] with a function that returns a
// fresh, empty store.
package storetest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
)

// Run runs the conformance suite. newStore must return an empty store and
// arrange for it to be closed when the test ends.
func Run(t *testing.T, newStore func(t *testing.T) store.Store) {
	t.Run("Lists", func(t *testing.T) { testLists(t, newStore) })
	t.Run("ListInfos", func(t *testing.T) { testListInfos(t, newStore) })
	t.Run("Keys", func(t *testing.T) { testKeys(t, newStore) })
	t.Run("KeyCreationAudited", func(t *testing.T) { testKeyCreationAudited(t, newStore) })
	t.Run("Lock", func(t *testing.T) { testLock(t, newStore) })
	t.Run("Customers", func(t *testing.T) { testCustomers(t, newStore) })
	t.Run("Alerts", func(t *testing.T) { testAlerts(t, newStore) })
	t.Run("AlertSubjects", func(t *testing.T) { testAlertSubjects(t, newStore) })
	t.Run("AdoptSubjects", func(t *testing.T) { testAdoptSubjects(t, newStore) })
	t.Run("MoveSubjects", func(t *testing.T) { testMoveSubjects(t, newStore) })
	t.Run("MonitorRuns", func(t *testing.T) { testMonitorRuns(t, newStore) })
	t.Run("UsersAndSessions", func(t *testing.T) { testUsersAndSessions(t, newStore) })
	t.Run("AlertReview", func(t *testing.T) { testAlertReview(t, newStore) })
	t.Run("Audit", func(t *testing.T) { testAudit(t, newStore) })
	t.Run("AuditData", func(t *testing.T) { testAuditData(t, newStore) })
	t.Run("AuditCheckpoints", func(t *testing.T) { testAuditCheckpoints(t, newStore) })
	t.Run("AuditAbout", func(t *testing.T) { testAuditAbout(t, newStore) })
	t.Run("ListUpdatesAudited", func(t *testing.T) { testListUpdatesAudited(t, newStore) })
	t.Run("SubjectDecisions", func(t *testing.T) { testSubjectDecisions(t, newStore) })
	t.Run("SubjectIDs", func(t *testing.T) { testSubjectIDs(t, newStore) })
	t.Run("Queue", func(t *testing.T) { testQueue(t, newStore) })
	t.Run("Notes", func(t *testing.T) { testNotes(t, newStore) })
	t.Run("AuditSearch", func(t *testing.T) { testAuditSearch(t, newStore) })
	t.Run("BatchJobs", func(t *testing.T) { testBatchJobs(t, newStore) })
	t.Run("BatchClaimsConcurrent", func(t *testing.T) { testBatchClaimsConcurrent(t, newStore) })
}

func testKeys(t *testing.T, newStore func(t *testing.T) store.Store) {
	s := newStore(t)
	k := entity.APIKey{ID: "k1", Name: "onboarding", Role: entity.RoleScreen, Hash: strings.Repeat("ab", 32), CreatedAt: day(2026, 1, 2)}
	if err := s.CreateKey(ctx(), k, entity.AuditEntry{}); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateKey(ctx(), k, entity.AuditEntry{}); !errors.Is(err, store.ErrConflict) {
		t.Errorf("duplicate key: err = %v, want ErrConflict", err)
	}
	bad := k
	bad.ID, bad.Role = "k2", "root"
	if err := s.CreateKey(ctx(), bad, entity.AuditEntry{}); !errors.Is(err, entity.ErrInvalid) {
		t.Errorf("invalid role: err = %v, want ErrInvalid", err)
	}
	got, err := s.Key(ctx(), "k1")
	if err != nil || got.Hash != k.Hash || got.Role != entity.RoleScreen || !got.CreatedAt.Equal(k.CreatedAt) || got.Revoked() {
		t.Fatalf("Key = %+v, %v", got, err)
	}
	k3 := k
	k3.ID, k3.Role, k3.CreatedAt = "k3", entity.RoleAdmin, day(2026, 1, 3)
	if err := s.CreateKey(ctx(), k3, entity.AuditEntry{}); err != nil {
		t.Fatal(err)
	}
	if err := s.RevokeKey(ctx(), "k1", day(2026, 2, 1), entity.AuditEntry{}); err != nil {
		t.Fatal(err)
	}
	if err := s.RevokeKey(ctx(), "k1", day(2026, 3, 1), entity.AuditEntry{}); err != nil {
		t.Errorf("revoking twice: %v", err)
	}
	if err := s.RevokeKey(ctx(), "nope", day(2026, 3, 1), entity.AuditEntry{}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("revoking an unknown key: %v", err)
	}
	keys, err := s.ListKeys(ctx())
	if err != nil || len(keys) != 2 || keys[0].ID != "k1" || !keys[0].RevokedAt.Equal(day(2026, 2, 1)) || keys[1].Revoked() {
		t.Errorf("ListKeys = %+v, %v", keys, err)
	}
	if _, err := s.Key(ctx(), "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Key(nope): %v", err)
	}
}

// testKeyCreationAudited checks that a key, or its revocation, and its
// audit entry are stored together or not at all.
func testKeyCreationAudited(t *testing.T, newStore func(t *testing.T) store.Store) {
	s := newStore(t)
	k := entity.APIKey{ID: "k1", Name: "onboarding", Role: entity.RoleScreen, Hash: strings.Repeat("ab", 32), CreatedAt: day(2026, 1, 2)}
	entry := func(id string) entity.AuditEntry {
		e, err := chain.Entry(day(2026, 1, 2), "cli:ops", chain.ActionKeyCreate, id, map[string]string{"name": "onboarding", "role": entity.RoleScreen})
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	trail := func() []entity.AuditEntry { t.Helper(); return auditTrail(t, s) }
	if err := s.CreateKey(ctx(), k, entry(k.ID)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Key(ctx(), k.ID); err != nil {
		t.Fatalf("the key created: %v", err)
	}
	es := trail()
	if len(es) != 1 || es[0].Action != chain.ActionKeyCreate || es[0].Subject != k.ID || es[0].Actor != "cli:ops" {
		t.Fatalf("trail after CreateKey = %+v, want the key's entry", es)
	}
	v := chain.NewVerifier()
	v.Add(es[0])
	if !v.OK() {
		t.Errorf("the entry is not chained: %v", v.Problems())
	}

	// A key refused (its ID exists) leaves no entry.
	if err := s.CreateKey(ctx(), k, entry(k.ID)); !errors.Is(err, store.ErrConflict) {
		t.Errorf("duplicate key: err = %v, want ErrConflict", err)
	}
	if n := len(trail()); n != 1 {
		t.Errorf("a refused key left an audit entry: %d entries, want 1", n)
	}

	// An entry that cannot be appended leaves no key.
	bad := entry("k2")
	bad.Data = []byte("{not json")
	k2 := k
	k2.ID = "k2"
	if err := s.CreateKey(ctx(), k2, bad); err == nil {
		t.Error("a key whose audit entry cannot be appended was created")
	}
	if _, err := s.Key(ctx(), "k2"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the key whose entry failed: Key = %v, want ErrNotFound", err)
	}
	if n := len(trail()); n != 1 {
		t.Errorf("trail after the failed key: %d entries, want 1", n)
	}

	// A revocation is stored with its entry, or neither.
	revoked := func(e entity.AuditEntry) entity.AuditEntry {
		e.Action, e.Data = chain.ActionKeyRevoke, nil
		return e
	}
	if err := s.RevokeKey(ctx(), "nope", day(2026, 2, 1), revoked(entry("nope"))); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("revoking an unknown key: %v, want ErrNotFound", err)
	}
	if n := len(trail()); n != 1 {
		t.Errorf("revoking an unknown key left an entry: %d entries, want 1", n)
	}
	badRevoke := revoked(entry(k.ID))
	badRevoke.Data = []byte("{not json")
	if err := s.RevokeKey(ctx(), k.ID, day(2026, 2, 1), badRevoke); err == nil {
		t.Error("a revocation whose audit entry cannot be appended was stored")
	}
	if got, err := s.Key(ctx(), k.ID); err != nil || got.Revoked() {
		t.Errorf("the key whose revocation failed: %+v, %v; want it active", got, err)
	}
	if err := s.RevokeKey(ctx(), k.ID, day(2026, 2, 1), revoked(entry(k.ID))); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Key(ctx(), k.ID); err != nil || !got.Revoked() {
		t.Errorf("the key revoked: %+v, %v", got, err)
	}
	if es := trail(); len(es) != 2 || es[1].Action != chain.ActionKeyRevoke || es[1].Subject != k.ID {
		t.Errorf("trail after the revocation: %+v", es)
	}
}

func testLock(t *testing.T, newStore func(t *testing.T) store.Store) {
	s := newStore(t)
	release, ok, err := s.TryLock(ctx(), "refresh")
	if err != nil || !ok {
		t.Fatalf("first TryLock: %v %v", ok, err)
	}
	if _, ok, err := s.TryLock(ctx(), "refresh"); err != nil || ok {
		t.Errorf("second TryLock while held: acquired %v, %v", ok, err)
	}
	other, ok, err := s.TryLock(ctx(), "other")
	if err != nil || !ok {
		t.Errorf("another lock: %v %v", ok, err)
	} else {
		other()
	}
	release()
	again, ok, err := s.TryLock(ctx(), "refresh")
	if err != nil || !ok {
		t.Fatalf("TryLock after release: %v %v", ok, err)
	}
	again()
}

func testLists(t *testing.T, newStore func(t *testing.T) store.Store) {
	t.Run("FirstVersionIsActiveWithAllAdded", func(t *testing.T) {
		s := newStore(t)
		res := MustAdd(t, s, version("un-sc", "h1", day(2025, 4, 19)), lavrov(), assad())
		if res.Unchanged || !res.Version.Active || res.Version.ID == 0 || res.Version.EntityCount != 2 {
			t.Fatalf("result = %+v", res)
		}
		if res.Diff.From != 0 || res.Diff.Added != 2 || res.Diff.Removed != 0 || res.Diff.Changed != 0 {
			t.Errorf("diff = %+v", res.Diff)
		}
		got, err := s.Version(ctx(), res.Version.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !got.Published.Equal(day(2025, 4, 19)) || got.Hash != "h1" || got.List != "un-sc" || !got.Active || len(got.Warnings) != 1 || got.Warnings[0].Count != 3 {
			t.Errorf("stored version = %+v", got)
		}
	})

	t.Run("SameHashIsUnchanged", func(t *testing.T) {
		s := newStore(t)
		first := MustAdd(t, s, version("un-sc", "h1", day(2025, 4, 19)), lavrov())
		again := MustAdd(t, s, version("un-sc", "h1", day(2025, 4, 20)), lavrov(), assad())
		if !again.Unchanged || again.Version.ID != first.Version.ID || again.Diff != nil {
			t.Errorf("re-adding the same content: %+v", again)
		}
		vs, err := s.Versions(ctx(), store.VersionFilter{List: "un-sc"})
		if err != nil || len(vs) != 1 {
			t.Errorf("versions = %d, %v; want 1", len(vs), err)
		}
	})

	t.Run("SameHashAsAnyStoredVersionIsUnchanged", func(t *testing.T) {
		// Re-importing a file the store already holds as an older version
		// (rerunning `veto import all` on the same archive) changes
		// nothing: the newer version stays active.
		s := newStore(t)
		undated := func(hash string) entity.ListVersion {
			v := version("ofac-cons", hash, time.Time{})
			v.PublishedFrom = ""
			return v
		}
		first := MustAdd(t, s, undated("h1"), lavrov())
		second := MustAdd(t, s, undated("h2"), lavrov(), assad())
		again := MustAdd(t, s, undated("h1"), lavrov())
		if !again.Unchanged || again.Version.ID != first.Version.ID || again.Version.Active || again.Diff != nil {
			t.Errorf("re-adding the content of an older version: %+v, want unchanged, same as version %d", again, first.Version.ID)
		}
		vs, err := s.Versions(ctx(), store.VersionFilter{List: "ofac-cons"})
		if err != nil || len(vs) != 2 || !vs[0].Active || vs[0].ID != second.Version.ID {
			t.Errorf("versions = %+v, %v; want 2 with version %d active", vs, err, second.Version.ID)
		}
		// Force is a deliberate rollback, Repeat a download back at an
		// earlier content: the old content becomes active as a new version.
		forced, err := s.AddVersion(ctx(), store.NewVersion{Version: undated("h1"), Entities: []*entity.Entity{lavrov()}, Force: true})
		if err != nil || forced.Unchanged || !forced.Version.Active || forced.Version.ID <= second.Version.ID || forced.Diff.Removed != 1 {
			t.Errorf("forced re-add of version %d's content = %+v, %v; want a new active version", first.Version.ID, forced, err)
		}
		repeat, err := s.AddVersion(ctx(), store.NewVersion{Version: undated("h2"), Entities: []*entity.Entity{lavrov(), assad()}, Repeat: true})
		if err != nil || repeat.Unchanged || !repeat.Version.Active || repeat.Diff.Added != 1 {
			t.Errorf("repeated download of version %d's content = %+v, %v; want a new active version", second.Version.ID, repeat, err)
		}
	})

	t.Run("DiffAddedRemovedChanged", func(t *testing.T) {
		s := newStore(t)
		old := MustAdd(t, s, version("un-sc", "h1", day(2025, 4, 19)), lavrov(), assad())
		changed := lavrov()
		changed.Names = append(changed.Names, entity.Name{Full: "Sergey Lavrov", Kind: entity.Alias})
		changed.Notes = []string{"a note"}
		res := MustAdd(t, s, version("un-sc", "h2", day(2026, 2, 27)), changed, medvedev())
		d := res.Diff
		if d.From != old.Version.ID || d.To != res.Version.ID || d.Added != 1 || d.Removed != 1 || d.Changed != 1 {
			t.Fatalf("diff = %+v", d)
		}
		want := map[string]string{"un-1": entity.Changed, "un-2": entity.Removed, "un-3": entity.Added}
		for _, c := range d.Changes {
			if want[c.EntityID] != c.Change {
				t.Errorf("change of %s = %s, want %s", c.EntityID, c.Change, want[c.EntityID])
			}
			if c.EntityID == "un-1" {
				if !c.Material || len(c.Properties) != 2 || c.Properties[0].Property != "alias" || c.Properties[0].Added[0] != "Sergey Lavrov" {
					t.Errorf("changed properties = %+v", c.Properties)
				}
			}
		}
		stored, err := s.Diff(ctx(), res.Version.ID)
		if err != nil {
			t.Fatal(err)
		}
		if stored.From != d.From || stored.Added != 1 || stored.Removed != 1 || stored.Changed != 1 || len(stored.Changes) != 3 {
			t.Errorf("stored diff = %+v", stored)
		}
		if len(stored.Changes) == 3 && (stored.Changes[0].EntityID != "un-1" || len(stored.Changes[0].Properties) != 2) {
			t.Errorf("stored changes = %+v", stored.Changes)
		}
		// The old version is kept and no longer active.
		prev, err := s.Version(ctx(), old.Version.ID)
		if err != nil || prev.Active {
			t.Errorf("old version = %+v, %v; want kept and inactive", prev, err)
		}
		ents, err := s.Entities(ctx(), old.Version.ID)
		if err != nil || len(ents) != 2 || ents[0].ID != "un-1" || len(ents[0].Names) != 1 {
			t.Errorf("old version's entities = %v, %v", ents, err)
		}
		active, err := s.ActiveEntities(ctx())
		if err != nil || len(active) != 2 || active[0].ID != "un-1" || active[1].ID != "un-3" {
			t.Errorf("active entities = %v, %v", ids(active), err)
		}
	})

	t.Run("OlderVersionNeedsForce", func(t *testing.T) {
		s := newStore(t)
		newer := MustAdd(t, s, version("un-sc", "h2", day(2026, 2, 27)), lavrov())
		_, err := s.AddVersion(ctx(), store.NewVersion{Version: version("un-sc", "h1", day(2025, 4, 19)), Entities: []*entity.Entity{assad()}})
		if !errors.Is(err, store.ErrConflict) {
			t.Fatalf("adding an older version: err = %v, want ErrConflict", err)
		}
		vs, _ := s.Versions(ctx(), store.VersionFilter{List: "un-sc"})
		if len(vs) != 1 || vs[0].ID != newer.Version.ID || !vs[0].Active {
			t.Errorf("after refused add: versions = %+v", vs)
		}
		forced, err := s.AddVersion(ctx(), store.NewVersion{Version: version("un-sc", "h1", day(2025, 4, 19)), Entities: []*entity.Entity{assad()}, Force: true})
		if err != nil || !forced.Version.Active {
			t.Fatalf("forced add: %+v, %v", forced, err)
		}
		act, _ := s.Versions(ctx(), store.VersionFilter{ActiveOnly: true})
		if len(act) != 1 || act[0].ID != forced.Version.ID {
			t.Errorf("active versions = %+v", act)
		}
	})

	t.Run("InvalidVersionStoresNothing", func(t *testing.T) {
		s := newStore(t)
		good := MustAdd(t, s, version("un-sc", "h1", day(2025, 4, 19)), lavrov())
		dup := lavrov()
		_, err := s.AddVersion(ctx(), store.NewVersion{Version: version("un-sc", "h2", day(2026, 1, 1)), Entities: []*entity.Entity{assad(), dup, lavrov()}})
		if err == nil {
			t.Fatal("duplicate IDs accepted")
		}
		vs, _ := s.Versions(ctx(), store.VersionFilter{})
		if len(vs) != 1 || vs[0].ID != good.Version.ID || !vs[0].Active {
			t.Errorf("versions after failed add = %+v", vs)
		}
		c, cancel := context.WithCancel(ctx())
		cancel()
		if _, err := s.AddVersion(c, store.NewVersion{Version: version("un-sc", "h3", day(2026, 1, 1)), Entities: []*entity.Entity{assad()}}); err == nil {
			t.Error("add with a cancelled context succeeded")
		}
		active, _ := s.ActiveEntities(ctx())
		if len(active) != 1 || active[0].ID != "un-1" {
			t.Errorf("active entities after failed adds = %v", ids(active))
		}
	})

	t.Run("ListsAreIndependent", func(t *testing.T) {
		s := newStore(t)
		MustAdd(t, s, version("un-sc", "h1", day(2025, 4, 19)), lavrov())
		o := lavrov()
		o.ID, o.List = "ofac-35233", "ofac-sdn"
		v := version("ofac-sdn", "h1", day(2024, 5, 3))
		v.Publisher = "ofac"
		MustAdd(t, s, v, o)
		act, err := s.Versions(ctx(), store.VersionFilter{ActiveOnly: true})
		if err != nil || len(act) != 2 {
			t.Fatalf("active versions = %+v, %v", act, err)
		}
		byPub, _ := s.Versions(ctx(), store.VersionFilter{Publisher: "ofac"})
		if len(byPub) != 1 || byPub[0].List != "ofac-sdn" {
			t.Errorf("versions of ofac = %+v", byPub)
		}
		all, _ := s.ActiveEntities(ctx())
		if len(all) != 2 || all[0].List != "ofac-sdn" || all[1].List != "un-sc" {
			t.Errorf("active entities = %v", ids(all))
		}
	})

	t.Run("EntityAndHistory", func(t *testing.T) {
		s := newStore(t)
		v1 := MustAdd(t, s, version("un-sc", "h1", day(2025, 1, 1)), lavrov(), assad())
		changed := lavrov()
		changed.BirthDates = []entity.DateRange{{From: entity.Date{Year: 1950, Month: 3, Day: 21}}}
		v2 := MustAdd(t, s, version("un-sc", "h2", day(2025, 2, 1)), changed, assad())
		v3 := MustAdd(t, s, version("un-sc", "h3", day(2025, 3, 1)), changed, assad())
		v4 := MustAdd(t, s, version("un-sc", "h4", day(2025, 4, 1)), assad())

		if _, err := s.Entity(ctx(), "un-1"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("removed entity: err = %v, want ErrNotFound", err)
		}
		got, err := s.Entity(ctx(), "un-2")
		if err != nil || len(got) != 1 || got[0].Caption() != "AL-ASSAD, Bashar" {
			t.Errorf("Entity(un-2) = %v, %v", got, err)
		}
		h, err := s.EntityHistory(ctx(), "un-1")
		if err != nil {
			t.Fatal(err)
		}
		want := []struct {
			id     int64
			change string
		}{{v1.Version.ID, entity.Added}, {v2.Version.ID, entity.Changed}, {v3.Version.ID, ""}, {v4.Version.ID, entity.Removed}}
		if len(h) != len(want) {
			t.Fatalf("history = %+v", h)
		}
		for i, w := range want {
			if h[i].VersionID != w.id || h[i].Change != w.change {
				t.Errorf("history[%d] = %+v, want version %d change %q", i, h[i], w.id, w.change)
			}
		}
		if len(h[1].Properties) != 1 || h[1].Properties[0].Property != "birthDate" || h[1].Properties[0].Added[0] != "1950-03-21" {
			t.Errorf("history[1].Properties = %+v", h[1].Properties)
		}
		if _, err := s.EntityHistory(ctx(), "un-404"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("history of unknown: err = %v", err)
		}
	})

	t.Run("NotFound", func(t *testing.T) {
		s := newStore(t)
		if _, err := s.Version(ctx(), 42); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Version: %v", err)
		}
		if _, err := s.Entities(ctx(), 42); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Entities: %v", err)
		}
		if _, err := s.Diff(ctx(), 42); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Diff: %v", err)
		}
		if _, err := s.Entity(ctx(), "un-1"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Entity: %v", err)
		}
		vs, err := s.Versions(ctx(), store.VersionFilter{})
		if err != nil || len(vs) != 0 {
			t.Errorf("Versions on empty store = %v, %v", vs, err)
		}
	})

	t.Run("CorruptBlobIsRefusedOnLoad", func(t *testing.T) {
		s := newStore(t)
		v1 := MustAdd(t, s, version("un-sc", "h1", day(2025, 4, 19)), lavrov(), assad())
		v2 := MustAdd(t, s, version("un-sc", "h2", day(2026, 2, 27)), lavrov(), medvedev())
		// Three bits flipped on disk in MEDVEDEV's entity: still valid
		// JSON, another name.
		FlipBits(t, s, medvedev(), "MEDVEDEV", 0x01, 0x02, 0x04)
		for name, load := range map[string]func() ([]*entity.Entity, error){
			"ActiveEntities": func() ([]*entity.Entity, error) { return s.ActiveEntities(ctx()) },
			"Entities":       func() ([]*entity.Entity, error) { return s.Entities(ctx(), v2.Version.ID) },
			"Entity":         func() ([]*entity.Entity, error) { return s.Entity(ctx(), "un-3") },
		} {
			ents, err := load()
			if !errors.Is(err, store.ErrCorrupt) {
				t.Errorf("%s: %v, %v; want ErrCorrupt", name, ids(ents), err)
				continue
			}
			if msg := err.Error(); !strings.Contains(msg, "un-3") || !strings.Contains(msg, fmt.Sprintf("version %d", v2.Version.ID)) {
				t.Errorf("%s: error %q does not name entity un-3 and version %d", name, msg, v2.Version.ID)
			}
		}
		// Versions that do not hold the entity load as before.
		if ents, err := s.Entities(ctx(), v1.Version.ID); err != nil || len(ents) != 2 {
			t.Errorf("version %d without the corrupt entity: %v, %v", v1.Version.ID, ids(ents), err)
		}
		// A diff that must read the corrupt entity fails, and stores nothing.
		if _, err := s.AddVersion(ctx(), store.NewVersion{Version: version("un-sc", "h3", day(2026, 3, 1)), Entities: []*entity.Entity{lavrov()}}); !errors.Is(err, store.ErrCorrupt) {
			t.Errorf("adding a version whose diff reads the corrupt entity: %v, want ErrCorrupt", err)
		}
		if act, _ := s.Versions(ctx(), store.VersionFilter{ActiveOnly: true}); len(act) != 1 || act[0].ID != v2.Version.ID {
			t.Errorf("active versions = %+v, want version %d", act, v2.Version.ID)
		}
	})

	t.Run("RoundTripKeepsEverything", func(t *testing.T) {
		s := newStore(t)
		e := full()
		res := MustAdd(t, s, version("ofac-sdn", "h1", day(2024, 5, 3)), e)
		got, err := s.Entities(ctx(), res.Version.ID)
		if err != nil || len(got) != 1 {
			t.Fatalf("Entities = %v, %v", got, err)
		}
		if d := entity.CompareProperties(e, got[0]); len(d) != 0 {
			t.Errorf("stored entity differs: %+v", d)
		}
		if got[0].Raw != e.Raw || got[0].BirthDates[0] != e.BirthDates[0] || got[0].Identifiers[0] != e.Identifiers[0] {
			t.Errorf("stored entity = %+v", got[0])
		}
	})
}

// FlipBits changes the stored blob of entity e as a failing disk would:
// it XORs the bytes of the first occurrence of within with the masks, one
// byte each, behind the store's back. The store must give access to its
// database (DB() *sql.DB), as the SQL stores do.
func FlipBits(t testing.TB, s store.Store, e *entity.Entity, within string, masks ...byte) {
	t.Helper()
	raw, ok := s.(interface{ DB() *sql.DB })
	if !ok {
		t.Skipf("%T does not expose its database", s)
	}
	data, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	hash := hex.EncodeToString(sum[:])
	var stored []byte
	if err := raw.DB().QueryRow(`SELECT data FROM entity_blobs WHERE hash = $1`, hash).Scan(&stored); err != nil {
		t.Fatalf("read the blob of %s: %v", e.ID, err)
	}
	i := bytes.Index(stored, []byte(within))
	if i < 0 || len(masks) > len(within) {
		t.Fatalf("blob of %s lacks %q", e.ID, within)
	}
	for j, m := range masks {
		stored[i+j] ^= m
	}
	if _, err := raw.DB().Exec(`UPDATE entity_blobs SET data = $1 WHERE hash = $2`, stored, hash); err != nil {
		t.Fatalf("corrupt the blob of %s: %v", e.ID, err)
	}
}

// MustAdd adds a version and fails the test on error.
func MustAdd(t testing.TB, s store.Store, v entity.ListVersion, ents ...*entity.Entity) *store.AddResult {
	t.Helper()
	res, err := s.AddVersion(ctx(), store.NewVersion{Version: v, Entities: ents})
	if err != nil {
		t.Fatalf("AddVersion: %v", err)
	}
	return res
}

func ctx() context.Context { return context.Background() }

// auditTrail returns every audit entry of s.
func auditTrail(t *testing.T, s store.Store) []entity.AuditEntry {
	t.Helper()
	es, err := s.AuditEntries(ctx(), store.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return es
}

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func version(list, hash string, published time.Time) entity.ListVersion {
	pub, _, _ := cut(list)
	return entity.ListVersion{
		List: list, Publisher: pub, Format: "test", Published: published, PublishedFrom: "file",
		Hash: hash, Source: []string{"testdata/" + list}, FetchedAt: published.Add(time.Hour),
		Warnings: []entity.Warning{{File: "f.xml", Line: 3, Field: "X", Message: "unknown element", Count: 3}},
	}
}

func cut(s string) (string, string, bool) {
	for i := range s {
		if s[i] == '-' {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

func person(id, name string) *entity.Entity {
	return &entity.Entity{ID: id, Schema: entity.Person, List: "un-sc",
		Names: []entity.Name{{Full: name, Kind: entity.Primary}},
		Raw:   entity.Raw{Format: "xml", Text: "<INDIVIDUAL>" + name + "</INDIVIDUAL>"}}
}

func lavrov() *entity.Entity   { return person("un-1", "LAVROV, Sergei Viktorovich") }
func assad() *entity.Entity    { return person("un-2", "AL-ASSAD, Bashar") }
func medvedev() *entity.Entity { return person("un-3", "MEDVEDEV, Dmitry Anatolievich") }

func full() *entity.Entity {
	return &entity.Entity{
		ID: "ofac-35233", Schema: entity.Person, List: "ofac-sdn",
		Names: []entity.Name{
			{Full: "LAVROV, Sergei Viktorovich", Kind: entity.Primary, First: "Sergei Viktorovich", Last: "LAVROV"},
			{Full: "Сергей Лавров", Kind: entity.Alias, Script: "Cyrl", Lang: "ru"},
		},
		BirthDates:    []entity.DateRange{{From: entity.Date{Year: 1950, Month: 3, Day: 21}}, {From: entity.Date{Year: 1949}, To: entity.Date{Year: 1951}, Approx: true}},
		BirthPlaces:   []string{"Moscow, Russia"},
		Gender:        "male",
		Nationalities: []string{"ru"},
		Addresses:     []entity.Address{{Full: "Smolenskaya Sq, Moscow, Russia", City: "Moscow", Country: "ru"}},
		Identifiers:   []entity.Identifier{{Type: entity.IDPassport, Value: "100000000", Country: "ru", Label: "Passport"}},
		Programs:      []string{"RUSSIA-EO14024"},
		ListingDate:   entity.Date{Year: 2022, Month: 2, Day: 25},
		Notes:         []string{"Minister of Foreign Affairs"},
		Relations:     []entity.Relation{{Type: "linkedTo", Name: "GOVERNMENT OF THE RUSSIAN FEDERATION"}},
		Props:         map[string][]string{"position": {"Minister of Foreign Affairs"}},
		Raw:           entity.Raw{Format: "csv", Text: `35233,"LAVROV, Sergei Viktorovich","individual","RUSSIA-EO14024",...`},
	}
}

func ids(es []*entity.Entity) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.List+":"+e.ID)
	}
	return out
}
