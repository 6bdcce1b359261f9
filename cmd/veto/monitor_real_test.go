package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source/sourcetest"
)

// Three customers named as three people several lists name (Lavrov,
// Kadyrov, Arkady Rotenberg) raise three alerts on the real lists, one per
// person, each naming every list of him; per listing they raised twelve.
func TestThreeCustomersRaiseThreeAlertsOnTheRealLists(t *testing.T) {
	if testing.Short() || raceDetector {
		t.Skip("imports every real list and resolves it: too slow under -short and -race (CI runs it without the race detector, .ci/run)")
	}
	dir := sourcetest.SharedData(t)
	db := filepath.Join(t.TempDir(), "veto.db")
	mustCLI(t, db, "import", "all", dir)
	file := filepath.Join(t.TempDir(), "customers.jsonl")
	if err := os.WriteFile(file, []byte(`{"id":"C1","name":"Sergei Lavrov","schema":"Person"}
{"id":"C2","name":"Ramzan Kadyrov","schema":"Person"}
{"id":"C3","name":"Arkady Rotenberg","schema":"Person"}
`), 0o644); err != nil {
		t.Fatal(err)
	}
	rep := decode[importReport](t, mustCLI(t, db, "customers", "import", file, "--json"))
	if rep.Changed != 3 || rep.Alerts != 3 {
		t.Fatalf("import: %+v, want 3 customers and 3 alerts", rep)
	}
	var customers []string
	for _, a := range decode[[]entity.Alert](t, mustCLI(t, db, "alerts", "--json")) {
		customers = append(customers, a.CustomerID)
		if len(a.Members) < 3 {
			t.Errorf("%s's alert names %v, want the person's listings on several lists", a.CustomerID, a.Members)
		}
	}
	slices.Sort(customers)
	if !slices.Equal(customers, []string{"C1", "C2", "C3"}) {
		t.Errorf("alerts of %v, want one per customer", customers)
	}
}
