package storetest

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
)

func testCustomers(t *testing.T, newStore func(t *testing.T) store.Store) {
	s := newStore(t)
	t0, t1 := day(2026, 1, 1), day(2026, 1, 2)
	var cs []entity.Customer
	for i := range 450 { // more than one INSERT batch
		cs = append(cs, entity.Customer{ID: fmt.Sprintf("C%04d", i), Subject: entity.Subject{Name: fmt.Sprintf("Customer %d", i), Schema: entity.Person, BirthDate: "1970"}})
	}
	changed, err := s.PutCustomers(ctx(), cs, t0)
	if err != nil || len(changed) != 450 {
		t.Fatalf("first put: %d changed, %v", len(changed), err)
	}
	// Putting the same customers again changes nothing; one changed and
	// one new are reported.
	cs[7].Country = "fr"
	again := append(slices.Clone(cs), entity.Customer{ID: "C9999", Subject: entity.Subject{Name: "New One"}})
	changed, err = s.PutCustomers(ctx(), again, t1)
	slices.Sort(changed)
	if err != nil || !slices.Equal(changed, []string{"C0007", "C9999"}) {
		t.Fatalf("second put: changed %v, %v", changed, err)
	}
	c, err := s.Customer(ctx(), "C0007")
	if err != nil || c.Country != "fr" || !c.CreatedAt.Equal(t0) || !c.UpdatedAt.Equal(t1) || c.Name != "Customer 7" {
		t.Errorf("Customer = %+v, %v", c, err)
	}
	// Invalid customers: an error and nothing stored.
	bad := []entity.Customer{{ID: "C5000", Subject: entity.Subject{Name: "Fine"}}, {ID: "", Subject: entity.Subject{Name: "No ID"}}}
	if _, err := s.PutCustomers(ctx(), bad, t1); !errors.Is(err, entity.ErrInvalid) {
		t.Errorf("invalid customer: %v", err)
	}
	if _, err := s.Customer(ctx(), "C5000"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("half-written put: %v", err)
	}
	if _, err := s.PutCustomers(ctx(), []entity.Customer{{ID: "D", Subject: entity.Subject{Name: "a"}}, {ID: "D", Subject: entity.Subject{Name: "b"}}}, t1); !errors.Is(err, entity.ErrInvalid) {
		t.Errorf("duplicate ID: %v", err)
	}
	// Paging in ID order.
	var all []string
	for after := ""; ; {
		page, err := s.Customers(ctx(), after, 100)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		for _, c := range page {
			all = append(all, c.ID)
		}
		after = page[len(page)-1].ID
	}
	if len(all) != 451 || !slices.IsSorted(all) {
		t.Errorf("paged %d customers, sorted %v", len(all), slices.IsSorted(all))
	}
	// Removal stops monitoring; a put brings it back.
	if err := s.RemoveCustomer(ctx(), "C0001", t1); err != nil {
		t.Fatal(err)
	}
	if n, err := s.CountCustomers(ctx()); err != nil || n != 450 {
		t.Errorf("count after removal = %d, %v", n, err)
	}
	if c, _ := s.Customer(ctx(), "C0001"); c == nil || c.Removed.IsZero() {
		t.Errorf("removed customer = %+v", c)
	}
	if err := s.RemoveCustomer(ctx(), "nobody", t1); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("remove unknown: %v", err)
	}
	if changed, _ := s.PutCustomers(ctx(), cs[1:2], t1); !slices.Equal(changed, []string{"C0001"}) {
		t.Errorf("re-adding a removed customer: changed %v", changed)
	}
}

func testAlerts(t *testing.T, newStore func(t *testing.T) store.Store) {
	s := newStore(t)
	at := day(2026, 3, 1)
	// What the customers were screened against, on every list.
	versions := []entity.VersionRef{
		{ID: 2, List: "eu-fsf", Published: day(2026, 2, 20), PublishedFrom: "file", Hash: strings.Repeat("e", 64)},
		{ID: 3, List: "un-sc", Published: day(2026, 2, 27), PublishedFrom: "file", Hash: strings.Repeat("a", 64)},
	}
	alert := func(cust, ent string, score float64) entity.Alert {
		hit, _ := json.Marshal(map[string]any{"entity_id": ent, "score": score})
		return entity.Alert{CustomerID: cust, EntityID: ent, List: "un-sc", VersionID: 3, Versions: versions, Score: score, Cause: entity.CauseListChange,
			Customer: entity.Customer{ID: cust, Subject: entity.Subject{Name: "Name of " + cust}}, Hit: hit, CreatedAt: at}
	}
	added, err := s.AddAlerts(ctx(), []entity.Alert{alert("C1", "un-QDi.1", 0.9), alert("C2", "un-QDi.1", 0.85), alert("C1", "un-QDi.2", 0.95)})
	if err != nil || len(added) != 3 || added[0].ID == 0 || added[0].ID >= added[1].ID || added[0].Status != entity.AlertOpen {
		t.Fatalf("AddAlerts = %+v, %v", added, err)
	}
	// A pair raised before is not raised again, even with another score
	// or cause.
	again, err := s.AddAlerts(ctx(), []entity.Alert{alert("C1", "un-QDi.1", 0.99), alert("C3", "un-QDi.1", 0.9)})
	if err != nil || len(again) != 1 || again[0].CustomerID != "C3" {
		t.Fatalf("second AddAlerts = %+v, %v", again, err)
	}
	a, err := s.Alert(ctx(), added[2].ID)
	if err != nil || a.CustomerID != "C1" || a.EntityID != "un-QDi.2" || a.Score != 0.95 || a.Customer.Name != "Name of C1" ||
		!a.CreatedAt.Equal(at) || a.Cause != entity.CauseListChange || !json.Valid(a.Hit) {
		t.Errorf("Alert = %+v, %v", a, err)
	}
	if a != nil && !slices.EqualFunc(a.Versions, versions, func(x, y entity.VersionRef) bool {
		return x.ID == y.ID && x.List == y.List && x.Published.Equal(y.Published) && x.PublishedFrom == y.PublishedFrom && x.Hash == y.Hash
	}) {
		t.Errorf("the alert's versions screened against = %+v, want %+v", a.Versions, versions)
	}
	if _, err := s.Alert(ctx(), 99999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown alert: %v", err)
	}
	ids := func(as []entity.Alert) []string {
		var out []string
		for _, a := range as {
			out = append(out, a.CustomerID+"/"+a.EntityID)
		}
		return out
	}
	for _, tc := range []struct {
		f    store.AlertFilter
		want []string
	}{
		{store.AlertFilter{}, []string{"C3/un-QDi.1", "C1/un-QDi.2", "C2/un-QDi.1", "C1/un-QDi.1"}},
		{store.AlertFilter{CustomerID: "C1"}, []string{"C1/un-QDi.2", "C1/un-QDi.1"}},
		{store.AlertFilter{EntityID: "un-QDi.1", Limit: 2}, []string{"C3/un-QDi.1", "C2/un-QDi.1"}},
		{store.AlertFilter{MinScore: 0.9}, []string{"C3/un-QDi.1", "C1/un-QDi.2", "C1/un-QDi.1"}},
		{store.AlertFilter{Status: entity.AlertOpen, BeforeID: added[2].ID}, []string{"C2/un-QDi.1", "C1/un-QDi.1"}},
		{store.AlertFilter{List: "eu-fsf"}, nil},
	} {
		got, err := s.Alerts(ctx(), tc.f)
		if err != nil || !slices.Equal(ids(got), tc.want) {
			t.Errorf("Alerts(%+v) = %v, %v; want %v", tc.f, ids(got), err, tc.want)
		}
	}
}

func testMonitorRuns(t *testing.T, newStore func(t *testing.T) store.Store) {
	s := newStore(t)
	r := entity.MonitorRun{VersionID: 4, List: "un-sc", At: day(2026, 3, 1), Entities: 130, Customers: 1000, Alerts: 3, Took: 1500 * time.Millisecond}
	if err := s.AddMonitorRun(ctx(), r); err != nil {
		t.Fatal(err)
	}
	if err := s.AddMonitorRun(ctx(), r); !errors.Is(err, store.ErrConflict) {
		t.Errorf("second run of a version: %v", err)
	}
	runs, err := s.MonitorRuns(ctx())
	if err != nil || len(runs) != 1 || runs[4] != r {
		t.Errorf("MonitorRuns = %+v, %v", runs, err)
	}
}
