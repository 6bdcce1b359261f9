package storetest

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
)

// testListInfos checks store.ListInfos, and AlertFilter.Kind, which
// reads the kinds stored.
func testListInfos(t *testing.T, newStore func(t *testing.T) store.Store) {
	s := newStore(t)
	if infos, err := s.ListInfos(ctx()); err != nil || len(infos) != 0 {
		t.Fatalf("ListInfos of an empty store = %v, %v", infos, err)
	}
	at := day(2026, 3, 1)
	peps := entity.ListInfo{List: "os-peps", Kind: entity.KindPEP, Jurisdiction: "global", Title: "PEPs", Publisher: "OpenSanctions", UpdatedAt: at}
	bank := entity.ListInfo{List: "bank-exits", Kind: entity.KindOther, Jurisdiction: "bank", UpdatedAt: at}
	for _, li := range []entity.ListInfo{peps, bank, {List: "x", Jurisdiction: "y"}} {
		err := s.PutListInfo(ctx(), li)
		if li.Kind == "" && !errors.Is(err, entity.ErrInvalid) || li.Kind != "" && err != nil {
			t.Fatalf("PutListInfo(%+v) = %v", li, err)
		}
	}
	// A list imported again with another kind replaces its info.
	bank.Kind, bank.UpdatedAt = entity.KindInternal, at.AddDate(0, 0, 1)
	if err := s.PutListInfo(ctx(), bank); err != nil {
		t.Fatal(err)
	}
	infos, err := s.ListInfos(ctx())
	if err != nil || len(infos) != 2 || infos[0].List != "bank-exits" || infos[0].Kind != entity.KindInternal ||
		!infos[0].UpdatedAt.Equal(bank.UpdatedAt) || infos[1].List != "os-peps" || infos[1].Publisher != "OpenSanctions" {
		t.Fatalf("ListInfos = %+v, %v; want bank-exits (internal), os-peps", infos, err)
	}

	hit, _ := json.Marshal(map[string]any{"score": 0.9})
	alert := func(cust, ent, list string) entity.Alert {
		return entity.Alert{CustomerID: cust, EntityID: ent, List: list, VersionID: 1, Score: 0.9, Cause: entity.CauseListChange,
			Customer: entity.Customer{ID: cust, Subject: entity.Subject{Name: cust}}, Hit: hit, CreatedAt: at}
	}
	if _, err := s.AddAlerts(ctx(), []entity.Alert{alert("C1", "un-1", "un-sc"), alert("C2", "os-1", "os-peps"), alert("C3", "bank-1", "bank-exits")}); err != nil {
		t.Fatal(err)
	}
	for kind, want := range map[string][]string{
		entity.KindSanction: {"C1"}, entity.KindPEP: {"C2"}, entity.KindInternal: {"C3"}, entity.KindDebarment: nil, "": {"C1", "C2", "C3"},
	} {
		as, err := s.Alerts(ctx(), store.AlertFilter{Kind: kind})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, a := range as {
			got = append(got, a.CustomerID)
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("alerts of kind %q: %v, want %v", kind, got, want)
		}
	}
}
