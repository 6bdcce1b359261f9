package monitor_test

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/monitor"
	"github.com/vetoscreen/veto/resolve/decide"
	"github.com/vetoscreen/veto/review"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/store"
	"github.com/vetoscreen/veto/store/sqlite"
)

func person(id, list, name string, sameAs ...string) *entity.Entity {
	e := &entity.Entity{ID: id, List: list, Schema: entity.Person, Names: []entity.Name{{Full: name, Kind: entity.Primary}}}
	for _, t := range sameAs {
		e.Relations = append(e.Relations, entity.Relation{Type: "sameAs", Target: t})
	}
	return e
}

// subjectLists are Lavrov and Arkady Rotenberg on OFAC's list and the
// UK's (which refers to OFAC's), Boris Rotenberg on OFAC's only.
func subjectLists() map[string][]*entity.Entity {
	return map[string][]*entity.Entity{
		"ofac-sdn": {person("ofac-1", "ofac-sdn", "Sergei Viktorovich LAVROV"), person("ofac-2", "ofac-sdn", "Arkady ROTENBERG"), person("ofac-3", "ofac-sdn", "Boris ROTENBERG")},
		"uk-ofsi":  {person("uk-1", "uk-ofsi", "LAVROV, Sergey", "ofac-1"), person("uk-2", "uk-ofsi", "ROTENBERG, Arkadiy", "ofac-2")},
	}
}

// storeList stores a version of list holding ents.
func storeList(t *testing.T, st store.Store, list string, ents []*entity.Entity) {
	t.Helper()
	pub, _, _ := strings.Cut(list, "-")
	now := time.Now().UTC()
	v := store.NewVersion{Version: entity.ListVersion{List: list, Publisher: pub, Format: "test", Hash: fmt.Sprintf("%s-%d", list, now.UnixNano()),
		Published: now, PublishedFrom: "file", Source: []string{"test"}, FetchedAt: now}, Entities: ents}
	if _, err := st.AddVersion(context.Background(), v); err != nil {
		t.Fatal(err)
	}
}

// loadResolved is load with the snapshot's listings resolved into
// subjects, as veto serve's are.
func (s *served) loadResolved(t testing.TB, st store.Store) {
	t.Helper()
	ctx := context.Background()
	snap, err := screen.LoadActive(ctx, st, match.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	ents, err := snap.Records(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	if err := snap.Resolve(ctx, st, ents, true); err != nil {
		t.Fatal(err)
	}
	s.snap.Store(snap)
}

func subjectStore(t *testing.T) store.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "veto.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for list, ents := range subjectLists() {
		storeList(t, st, list, ents)
	}
	for _, u := range []string{"ann", "bob"} {
		if err := st.CreateUser(context.Background(), entity.User{Name: u, Role: entity.UserApprover, PasswordHash: "x"}); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

var customers = []entity.Customer{
	{ID: "C1", Subject: entity.Subject{Name: "Sergei Lavrov"}},
	{ID: "C2", Subject: entity.Subject{Name: "Arkady Rotenberg"}},
}

// clear decides an alert a false positive and approves it: the pair goes
// on the allow-list.
func clear(t *testing.T, st store.Store, id int64) {
	t.Helper()
	rv := review.New(st, nil)
	ctx := context.Background()
	if _, err := rv.Decide(ctx, &entity.User{Name: "ann", Role: entity.UserApprover}, id, entity.DecisionFalsePositive, "born 1988"); err != nil {
		t.Fatal(err)
	}
	if _, err := rv.Approve(ctx, &entity.User{Name: "bob", Role: entity.UserApprover}, id, "agreed"); err != nil {
		t.Fatal(err)
	}
}

func byCustomer(as []entity.Alert) map[string][]entity.Alert {
	out := map[string][]entity.Alert{}
	for _, a := range as {
		out[a.CustomerID] = append(out[a.CustomerID], a)
	}
	return out
}

// A customer matching a subject listed twice raises one alert naming
// both listings; without a resolution, one per listing as before.
func TestOneAlertPerSubject(t *testing.T) {
	for _, tt := range []struct {
		name     string
		resolved bool
		want     map[string][]string // customer → the member listings of its alerts
	}{
		{"resolved", true, map[string][]string{"C1": {"ofac-1", "uk-1"}, "C2": {"ofac-2", "uk-2"}}},
		{"no resolution: a subject per listing", false, map[string][]string{"C1": {"ofac-1", "uk-1"}, "C2": {"ofac-2", "uk-2"}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			st := subjectStore(t)
			var srv served
			if tt.resolved {
				srv.loadResolved(t, st)
			} else {
				srv.load(t, st)
			}
			m := &monitor.Monitor{Store: st, Snapshot: srv.snapshot}
			_, alerts, err := m.Put(context.Background(), customers)
			if err != nil {
				t.Fatal(err)
			}
			for c, as := range byCustomer(alerts) {
				var got []string
				for _, a := range as {
					if tt.resolved {
						got = append(got, a.Members...)
						if len(as) != 1 || a.SubjectID != srv.snapshot().SubjectOf(a.EntityID) {
							t.Errorf("%s: %d alerts, subject %q", c, len(as), a.SubjectID)
						}
						var h screen.Hit
						if err := json.Unmarshal(a.Hit, &h); err != nil || len(h.Matched) != 2 || !slices.Equal(h.Lists, []string{"ofac-sdn", "uk-ofsi"}) {
							t.Errorf("%s: hit %s, %v", c, a.Hit, err)
						}
					} else {
						got = append(got, a.EntityID)
						if a.SubjectID != a.EntityID || len(a.Members) != 0 {
							t.Errorf("%s: subject %q members %v without a resolution", c, a.SubjectID, a.Members)
						}
					}
				}
				slices.Sort(got)
				if !slices.Equal(got, tt.want[c]) {
					t.Errorf("%s: listings %v, want %v", c, got, tt.want[c])
				}
			}
			if len(byCustomer(alerts)) != 2 {
				t.Errorf("alerted %v", alertedCustomers(alerts))
			}
		})
	}
}

// A decision covers the subject: a cleared subject does not alert again
// on any of its listings; a listing joining it re-raises it (new-listing),
// and an open alert takes the new listing; a listing of the subject that
// changes materially re-arms it (listing-changed).
func TestSubjectAlertFollowsTheLists(t *testing.T) {
	ctx := context.Background()
	st := subjectStore(t)
	var srv served
	srv.loadResolved(t, st)
	m := &monitor.Monitor{Store: st, Snapshot: srv.snapshot}
	if _, err := m.Process(ctx); err != nil {
		t.Fatal(err)
	}
	_, alerts, err := m.Put(ctx, customers)
	if err != nil || len(alerts) != 2 {
		t.Fatalf("Put: %d alerts, %v", len(alerts), err)
	}
	first := map[string]entity.Alert{}
	for _, a := range alerts {
		first[a.CustomerID] = a
	}
	clear(t, st, first["C1"].ID)
	rep, err := m.Rescreen(ctx)
	if err != nil || len(rep.Alerts) != 0 {
		t.Fatalf("rescreen after Lavrov was cleared: %+v, %v", rep.Alerts, err)
	}

	// The EU lists both.
	storeList(t, st, "eu-fsf", []*entity.Entity{person("eu-1", "eu-fsf", "Sergey Viktorovich LAVROV", "ofac-1"), person("eu-2", "eu-fsf", "Arkadii ROTENBERG", "ofac-2")})
	srv.loadResolved(t, st)
	rep, err = m.Process(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := byCustomer(rep.Alerts)
	if len(rep.Alerts) != 2 || len(got["C1"]) != 1 || len(got["C2"]) != 1 {
		t.Fatalf("after the EU listed both: %+v", rep.Alerts)
	}
	lavrov, arkady := got["C1"][0], got["C2"][0]
	if lavrov.ID == first["C1"].ID || lavrov.Cause != entity.CauseNewListing || lavrov.Status != entity.AlertOpen || !slices.Contains(lavrov.Members, "eu-1") {
		t.Errorf("Lavrov's cleared alert raised again as %+v", lavrov)
	}
	if active, _ := st.AllowList(ctx, "C1", "", true); len(active) != 0 {
		t.Errorf("Lavrov's allow-list entry not revoked: %+v", active)
	}
	if arkady.ID != first["C2"].ID || arkady.Cause != entity.CauseNewListing || len(arkady.Members) != 3 {
		t.Errorf("Arkady's open alert updated as %+v", arkady)
	}
	stored, err := st.Alert(ctx, arkady.ID)
	if err != nil || !slices.Contains(stored.Members, "eu-2") || stored.Cause != entity.CauseNewListing {
		t.Errorf("Arkady's stored alert %+v, %v", stored, err)
	}
	entries, err := st.AuditEntries(ctx, store.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	renewed := 0
	for _, e := range entries {
		if e.Action == chain.ActionAlertRenew {
			renewed++
		}
	}
	if renewed != 2 {
		t.Errorf("%d %s audit entries, want 2", renewed, chain.ActionAlertRenew)
	}
	// Once only.
	if rep, err = m.Rescreen(ctx); err != nil || len(rep.Alerts) != 0 {
		t.Fatalf("rescreen: %+v, %v", rep.Alerts, err)
	}

	// Lavrov cleared again; then the UK's listing of him changes
	// materially: the subject alerts again.
	clear(t, st, lavrov.ID)
	storeList(t, st, "uk-ofsi", []*entity.Entity{person("uk-1", "uk-ofsi", "LAVROV, Sergey Viktorovich", "ofac-1"), person("uk-2", "uk-ofsi", "ROTENBERG, Arkadiy", "ofac-2")})
	srv.loadResolved(t, st)
	if rep, err = m.Process(ctx); err != nil {
		t.Fatal(err)
	}
	if len(rep.Alerts) != 1 || rep.Alerts[0].CustomerID != "C1" || rep.Alerts[0].Cause != entity.CauseRelisted {
		t.Errorf("after the UK changed Lavrov's listing: %+v", rep.Alerts)
	}
}

// Alerts raised per listing (before subjects, or without a resolution)
// are adopted into their subjects at the first run on a resolved
// snapshot: a customer's open alerts on one subject are merged into the
// best scoring one, audited; decided ones are kept; none is raised again.
func TestPerListingAlertsAdopted(t *testing.T) {
	ctx := context.Background()
	st := subjectStore(t)
	var srv served
	srv.load(t, st)
	m := &monitor.Monitor{Store: st, Snapshot: srv.snapshot}
	_, alerts, err := m.Put(ctx, customers)
	if err != nil || len(alerts) != 4 {
		t.Fatalf("Put without a resolution: %d alerts, %v", len(alerts), err)
	}
	perListing := byCustomer(alerts)
	clear(t, st, perListing["C2"][0].ID) // C2's other alert stays open

	srv.loadResolved(t, st)
	rep, err := m.Rescreen(ctx)
	if err != nil || len(rep.Alerts) != 0 {
		t.Fatalf("rescreen on the resolved snapshot: %+v, %v", rep.Alerts, err)
	}
	all, err := st.Alerts(ctx, store.AlertFilter{})
	if err != nil || len(all) != 4 {
		t.Fatalf("%d alerts, %v", len(all), err)
	}
	snap := srv.snapshot()
	status := map[string][]string{}
	for _, a := range all {
		if a.SubjectID != snap.SubjectOf(a.EntityID) || len(a.Members) != 2 {
			t.Errorf("alert %d on %s: subject %q members %v", a.ID, a.EntityID, a.SubjectID, a.Members)
		}
		status[a.CustomerID] = append(status[a.CustomerID], a.Status)
		if a.Status == entity.AlertMerged {
			into, err := st.Alert(ctx, a.MergedInto)
			if err != nil || into.Status != entity.AlertOpen || into.SubjectID != a.SubjectID || into.Score < a.Score {
				t.Errorf("alert %d merged into %+v, %v", a.ID, into, err)
			}
			acts, err := st.AlertActions(ctx, a.ID)
			if err != nil || len(acts) != 1 || acts[0].Kind != entity.ActionMerge {
				t.Errorf("alert %d history %+v, %v", a.ID, acts, err)
			}
		}
	}
	for c, want := range map[string][]string{"C1": {entity.AlertMerged, entity.AlertOpen}, "C2": {entity.AlertFalsePositive, entity.AlertOpen}} {
		slices.Sort(status[c])
		if !slices.Equal(status[c], want) {
			t.Errorf("%s's alerts: %v, want %v", c, status[c], want)
		}
	}
	entries, err := st.AuditEntries(ctx, store.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	merges := 0
	for _, e := range entries {
		if e.Action == chain.ActionAlertMerge {
			merges++
		}
	}
	if merges != 1 {
		t.Errorf("%d merges audited, want 1", merges)
	}
}

// An analyst merges two subjects: a customer's alerts follow the merged
// subject (one alert per customer and subject, never a second), an open
// alert takes the listings it lacks (alert.updated, not alert.created),
// and a cleared one is raised again for the listings new to it
// (new-listing), as when a listing joins a subject from the lists.
func TestAnalystMergeMovesAlerts(t *testing.T) {
	ctx := context.Background()
	st := subjectStore(t)
	var srv served
	srv.loadResolved(t, st)
	events := map[string][]string{} // event → customers
	m := &monitor.Monitor{Store: st, Snapshot: srv.snapshot, Notify: func(event string, payload any) {
		if a, ok := payload.(entity.Alert); ok {
			events[event] = append(events[event], a.CustomerID)
		}
	}}
	_, alerts, err := m.Put(ctx, []entity.Customer{
		{ID: "C2", Subject: entity.Subject{Name: "Arkady Rotenberg"}},
		{ID: "C5", Subject: entity.Subject{Name: "Boris Rotenberg"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	first := map[string]entity.Alert{}
	for _, a := range alerts {
		if _, dup := first[a.CustomerID]; dup {
			t.Fatalf("%s alerted twice before the merge: %+v", a.CustomerID, alerts)
		}
		first[a.CustomerID] = a
	}
	if first["C2"].SubjectID == "" || first["C5"].SubjectID == "" || first["C2"].SubjectID == first["C5"].SubjectID {
		t.Fatalf("Arkady and Boris before the merge: %+v", alerts)
	}
	clear(t, st, first["C5"].ID) // C2's stays open
	events = map[string][]string{}

	if _, err := decide.Decide(ctx, st, srv.snapshot().Subjects(), decide.Request{Kind: entity.DecisionMerge, IDs: []string{"ofac-2", "ofac-3"}, Note: "one family office", Actor: "ann", At: time.Now()}); err != nil {
		t.Fatal(err)
	}
	srv.loadResolved(t, st)
	merged := srv.snapshot().SubjectOf("ofac-3")
	if merged != srv.snapshot().SubjectOf("ofac-2") {
		t.Fatalf("the analyst's merge is not in the resolution: %s vs %s", merged, srv.snapshot().SubjectOf("ofac-2"))
	}
	rep, err := m.Rescreen(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := byCustomer(rep.Alerts)
	if len(got["C2"]) != 1 || len(got["C5"]) != 1 {
		t.Fatalf("after the merge: %+v", rep.Alerts)
	}
	if c2 := got["C2"][0]; c2.Cause != entity.CauseNewListing || c2.SubjectID != merged || !slices.Contains(c2.Members, "ofac-3") {
		t.Errorf("C2's open alert after the merge: %+v", c2)
	}
	if c5 := got["C5"][0]; c5.ID == first["C5"].ID || c5.Cause != entity.CauseNewListing || c5.Status != entity.AlertOpen || c5.SubjectID != merged {
		t.Errorf("C5's cleared alert after the merge: %+v", c5)
	}
	if !slices.Equal(events[monitor.EventAlertUpdated], []string{"C2"}) || !slices.Equal(events[monitor.EventAlert], []string{"C5"}) {
		t.Errorf("notified %v, want C2 updated and C5 created", events)
	}
	all, err := st.Alerts(ctx, store.AlertFilter{})
	if err != nil {
		t.Fatal(err)
	}
	open := map[string]int{}
	for _, a := range all {
		if a.Status != entity.AlertMerged && a.SubjectID != merged {
			t.Errorf("alert %d of %s still on subject %s", a.ID, a.CustomerID, a.SubjectID)
		}
		if !entity.AlertDecided(a.Status) && a.Status != entity.AlertMerged {
			open[a.CustomerID]++
		}
	}
	if open["C2"] != 1 || open["C5"] != 1 {
		t.Errorf("undecided alerts per customer: %v", open)
	}
	if rep, err := m.Rescreen(ctx); err != nil || len(rep.Alerts) != 0 {
		t.Errorf("second rescreen: %+v, %v", rep.Alerts, err)
	}
}
