package monitor_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/monitor"
	"github.com/vetoscreen/veto/review"
	"github.com/vetoscreen/veto/store"
	"github.com/vetoscreen/veto/store/sqlite"
)

func listed(notes, alias string) *entity.Entity {
	e := &entity.Entity{ID: "un-QDi.999", Schema: entity.Person, List: "un-sc",
		Names: []entity.Name{{Full: "HAQQANI, Nasiruddin Jalal", Kind: entity.Primary}},
		Notes: []string{notes},
		Raw:   entity.Raw{Format: "xml", Text: "<INDIVIDUAL/>"}}
	if alias != "" {
		e.Names = append(e.Names, entity.Name{Full: alias, Kind: entity.Alias})
	}
	return e
}

// A pair cleared as a false positive (approved, so on the allow-list)
// does not alert again, until the entity's listing changes materially:
// then it alerts again, marked listing-changed, and the entry is revoked.
// A change of notes only is not material.
func TestAllowListedPairAlertsAgainOnMaterialChange(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "veto.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	add := func(hash string, day int, e *entity.Entity) {
		t.Helper()
		v := entity.ListVersion{List: "un-sc", Publisher: "un", Format: "test", Published: t0.AddDate(0, 0, day), PublishedFrom: "file", Hash: hash, FetchedAt: t0.AddDate(0, 0, day)}
		if _, err := st.AddVersion(ctx, store.NewVersion{Version: v, Entities: []*entity.Entity{e}}); err != nil {
			t.Fatal(err)
		}
	}
	var srv served
	add("v1", 0, listed("first", ""))
	srv.load(t, st)
	m := &monitor.Monitor{Store: st, Snapshot: srv.snapshot}
	if _, err := m.Process(ctx); err != nil {
		t.Fatal(err)
	}
	_, alerts, err := m.Put(ctx, []entity.Customer{{ID: "C1", Subject: entity.Subject{Name: "Nasiruddin Haqqani"}}})
	if err != nil || len(alerts) != 1 {
		t.Fatalf("Put: %d alerts, %v", len(alerts), err)
	}
	for _, u := range []string{"ann", "bob"} {
		st.CreateUser(ctx, entity.User{Name: u, Role: entity.UserApprover, PasswordHash: "x"})
	}
	rv := review.New(st, nil)
	if _, err := rv.Decide(ctx, &entity.User{Name: "ann", Role: entity.UserApprover}, alerts[0].ID, entity.DecisionFalsePositive, "born 1988, listed 1970s"); err != nil {
		t.Fatal(err)
	}
	if _, err := rv.Approve(ctx, &entity.User{Name: "bob", Role: entity.UserApprover}, alerts[0].ID, "agreed"); err != nil {
		t.Fatal(err)
	}

	// Notes change: not material, nothing raised.
	add("v2", 1, listed("second", ""))
	srv.load(t, st)
	rep, err := m.Process(ctx)
	if err != nil || len(rep.Alerts) != 0 {
		t.Fatalf("after a notes change: %+v, %v", rep, err)
	}
	// A new alias: material, the pair alerts again.
	add("v3", 2, listed("second", "HAQQANI, Naseer"))
	srv.load(t, st)
	rep, err = m.Process(ctx)
	if err != nil || len(rep.Alerts) != 1 {
		t.Fatalf("after a material change: %+v, %v", rep, err)
	}
	a := rep.Alerts[0]
	if a.Cause != entity.CauseRelisted || a.CustomerID != "C1" || a.Status != entity.AlertOpen || a.ID == alerts[0].ID {
		t.Errorf("re-raised alert = %+v", a)
	}
	if active, _ := st.AllowList(ctx, "C1", "", true); len(active) != 0 {
		t.Errorf("allow-list entry still active: %+v", active)
	}
	// And once only.
	if _, err := m.Rescreen(ctx); err != nil {
		t.Fatal(err)
	}
	if as, _ := st.Alerts(ctx, store.AlertFilter{CustomerID: "C1"}); len(as) != 2 {
		t.Errorf("C1 has %d alerts, want 2", len(as))
	}
}
