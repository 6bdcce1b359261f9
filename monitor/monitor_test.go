package monitor_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/monitor"
	"github.com/vetoscreen/veto/refresh"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/source/all"
	"github.com/vetoscreen/veto/source/sourcetest"
	"github.com/vetoscreen/veto/store"
	"github.com/vetoscreen/veto/store/sqlite"
)

// served is what a keeper would hold: the snapshot of the store's active
// versions.
type served struct {
	snap atomic.Pointer[screen.Snapshot]
}

func (s *served) load(t testing.TB, st store.Store) {
	t.Helper()
	snap, err := screen.LoadActive(context.Background(), st, match.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	s.snap.Store(snap)
}

func (s *served) snapshot() *screen.Snapshot { return s.snap.Load() }

func importFile(t testing.TB, st store.Store, pub, path string) {
	t.Helper()
	p, err := all.Publisher(pub)
	if err != nil {
		t.Fatal(err)
	}
	outs, err := (&refresh.Refresher{Store: st, Config: refresh.DefaultConfig()}).Import(context.Background(), p, []string{path})
	if err != nil || outs[0].Err != nil {
		t.Fatal(err, outs)
	}
}

func alertedCustomers(as []entity.Alert) []string {
	var out []string
	for _, a := range as {
		if !slices.Contains(out, a.CustomerID) {
			out = append(out, a.CustomerID)
		}
	}
	slices.Sort(out)
	return out
}

// TestMonitoringAcrossUNSnapshots is the scenario on the real UN
// lists: the 2025-04-19 list is stored; customers are imported, some of
// them persons the UN added by 2026-02-27; the list is updated to
// 2026-02-27: exactly those customers get new alerts, and running again
// raises nothing new.
func TestMonitoringAcrossUNSnapshots(t *testing.T) {
	old := sourcetest.SharedData(t, "un", "2025-04-19", "consolidated.xml")
	cur := sourcetest.SharedData(t, "un", "2026-02-27", "consolidated.xml")
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "veto.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	importFile(t, st, "un", old)
	var sv served
	sv.load(t, st)
	var events []string
	var evMu sync.Mutex
	m := &monitor.Monitor{Store: st, Snapshot: sv.snapshot, Notify: func(ev string, _ any) {
		evMu.Lock()
		events = append(events, ev)
		evMu.Unlock()
	}}
	// The first list version is processed with no customers yet.
	if rep, err := m.Process(ctx); err != nil || len(rep.Versions) != 1 || rep.Customers != 0 {
		t.Fatalf("first process: %+v, %v", rep, err)
	}

	// Persons in the 2026 list and not in the 2025 one.
	un, _ := all.Publisher("un")
	results, err := un.Parse(ctx, []string{cur})
	if err != nil {
		t.Fatal(err)
	}
	before, err := st.ActiveEntities(ctx)
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, e := range before {
		listed[e.ID] = true
	}
	var added []*entity.Entity
	for _, e := range results[0].Entities {
		if !listed[e.ID] && e.Schema == entity.Person && len(added) < 6 {
			added = append(added, e)
		}
	}
	if len(added) < 3 {
		t.Fatalf("only %d persons added between the snapshots", len(added))
	}
	var customers []entity.Customer
	var newOnes []string
	for i, e := range added {
		id := fmt.Sprintf("NEW-%d", i)
		customers = append(customers, entity.Customer{ID: id, Subject: entity.Subject{Schema: entity.Person, Name: e.Names[0].Full}})
		newOnes = append(newOnes, id)
	}
	// Unlisted customers, and one listed in 2025 already.
	for i, n := range []string{"Margarethe Vonderschmitt", "Eleanor Whitcombe-Hardy", "Tobias Quennell", "Ingrid Solheimsdottir"} {
		customers = append(customers, entity.Customer{ID: fmt.Sprintf("PLAIN-%d", i), Subject: entity.Subject{Schema: entity.Person, Name: n}})
	}
	var old2025 *entity.Entity
	for _, e := range before {
		if e.Schema == entity.Person && len(e.Names[0].Full) > 12 {
			old2025 = e
			break
		}
	}
	customers = append(customers, entity.Customer{ID: "OLD-1", Subject: entity.Subject{Schema: entity.Person, Name: old2025.Names[0].Full}})
	for i := range customers {
		if err := monitor.Validate(&customers[i]); err != nil {
			t.Fatal(err)
		}
	}
	changed, alerts, err := m.Put(ctx, customers)
	if err != nil || len(changed) != len(customers) {
		t.Fatalf("put: %d changed, %v", len(changed), err)
	}
	if got := alertedCustomers(alerts); !slices.Equal(got, []string{"OLD-1"}) {
		t.Fatalf("alerts on import: customers %v, want [OLD-1]", got)
	}
	importedUnder := sv.snapshot().RefString()
	for _, a := range alerts {
		if a.Cause != entity.CauseCustomer || a.Status != entity.AlertOpen || a.VersionID == 0 {
			t.Errorf("import alert %+v", a)
		}
		if got := entity.FormatRefs(a.Versions); got != importedUnder {
			t.Errorf("import alert screened against %q, want the snapshot's %q", got, importedUnder)
		}
	}

	// The list is updated.
	importFile(t, st, "un", cur)
	if rep, err := m.Process(ctx); err != nil || len(rep.Versions) != 0 {
		t.Fatalf("process before the index has the new version: %+v, %v", rep, err)
	}
	sv.load(t, st)
	rep, err := m.Process(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := alertedCustomers(rep.Alerts); !slices.Equal(got, newOnes) {
		t.Errorf("alerts after the update: customers %v, want %v", got, newOnes)
	}
	addedIDs := map[string]bool{}
	for _, e := range added {
		addedIDs[e.ID] = true
	}
	for _, a := range rep.Alerts {
		if a.Cause != entity.CauseListChange || a.VersionID != rep.Versions[0].VersionID || a.List != "un-sc" {
			t.Errorf("alert %+v", a)
		}
		// The alert names the 2026 version it was screened against, and
		// the store gives it back so.
		if len(a.Versions) != 1 || a.Versions[0].ID != a.VersionID || a.Versions[0].Published.Format("2006-01-02") != "2026-02-27" || a.Versions[0].Hash == "" {
			t.Errorf("alert on %s screened against %+v, want the 2026-02-27 version %d", a.EntityID, a.Versions, a.VersionID)
		}
		if stored, err := st.Alert(ctx, a.ID); err != nil || entity.FormatRefs(stored.Versions) != entity.FormatRefs(a.Versions) {
			t.Errorf("stored alert %d: versions %+v, %v", a.ID, stored, err)
		}
		if !addedIDs[a.EntityID] && slices.Contains(newOnes, a.CustomerID) && a.Score >= 0.99 {
			t.Errorf("%s: a perfect alert on %s, which is not the entity the customer was named after", a.CustomerID, a.EntityID)
		}
	}
	if len(rep.Versions) != 1 || rep.Customers != len(customers) || rep.Entities < 100 {
		t.Errorf("report: %d versions, %d customers, %d entities", len(rep.Versions), rep.Customers, rep.Entities)
	}
	t.Logf("update re-screened %d customers against %d entities in %v", rep.Customers, rep.Entities, rep.Took)

	// Again: nothing new.
	if rep, err := m.Process(ctx); err != nil || len(rep.Versions) != 0 || len(rep.Alerts) != 0 {
		t.Errorf("second process: %+v, %v", rep, err)
	}
	if rep, err := m.Rescreen(ctx); err != nil || len(rep.Alerts) != 0 || rep.Customers != len(customers) {
		t.Errorf("full rescreen raised again: %d alerts, %v", len(rep.Alerts), err)
	}
	all, err := st.Alerts(ctx, store.AlertFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != len(alerts)+len(rep.Alerts) {
		t.Errorf("stored alerts: %d, want %d on import and %d after the update", len(all), len(alerts), len(rep.Alerts))
	}
	evMu.Lock()
	defer evMu.Unlock()
	if n := count(events, monitor.EventListVersion); n != 2 {
		t.Errorf("%d list.version events, want 2", n)
	}
	if n := count(events, monitor.EventAlert); n != len(all) {
		t.Errorf("%d alert events for %d alerts", n, len(all))
	}
}

func count(xs []string, x string) int {
	n := 0
	for _, v := range xs {
		if v == x {
			n++
		}
	}
	return n
}

func TestValidate(t *testing.T) {
	for _, tc := range []struct {
		c  entity.Customer
		ok bool
	}{
		{entity.Customer{ID: "1", Subject: entity.Subject{Name: "Jane Doe"}}, true},
		{entity.Customer{ID: "1", Subject: entity.Subject{Name: "Jane Doe", Schema: "Organisation"}}, true},
		{entity.Customer{ID: "", Subject: entity.Subject{Name: "Jane Doe"}}, false},
		{entity.Customer{ID: "1", Subject: entity.Subject{Name: ""}}, false},
		{entity.Customer{ID: "1", Subject: entity.Subject{Name: "Jane", BirthDate: "31/12/1970"}}, true}, // stored 1970-12-31
		{entity.Customer{ID: "1", Subject: entity.Subject{Name: "Jane", BirthDate: "31/02/1970"}}, false},
		{entity.Customer{ID: "1", Subject: entity.Subject{Name: "Jane", Country: "Atlantis"}}, false},
	} {
		err := monitor.Validate(&tc.c)
		if (err == nil) != tc.ok {
			t.Errorf("%+v: %v", tc.c, err)
		}
		if err == nil && tc.c.Schema == "Organisation" {
			t.Error("schema not made canonical")
		}
		if err == nil && tc.c.BirthDate != "" && tc.c.BirthDate != "1970-12-31" {
			t.Errorf("date of birth %q not made canonical", tc.c.BirthDate)
		}
	}
}

// TestLoop: a run asked for with Due is made, calls of Due never wait,
// and Run returns when its context ends.
func TestLoop(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "veto.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	importFile(t, st, "un", filepath.Join("..", "source", "un", "testdata", "consolidated.xml"))
	var sv served
	sv.load(t, st)
	l := monitor.NewLoop(&monitor.Monitor{Store: st, Snapshot: sv.snapshot})
	l.Due()
	l.Due() // a run is due already: this adds none, and does not wait
	loopCtx, cancel := context.WithCancel(ctx)
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		l.Run(loopCtx)
	}()
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		runs, err := st.MonitorRuns(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(runs) == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no monitoring run recorded after Due: %v", runs)
		}
	}
	cancel()
	<-stopped
}
