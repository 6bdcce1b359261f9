package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store/sqlite"
)

func TestMonitorAlertsCustomersCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "veto.db")
	mustCLI(t, db, "import", "un", filepath.Join("..", "..", "source", "un", "testdata", "consolidated.xml"))
	mustCLI(t, db, "monitor", "run") // the list's first version, no customers yet
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	cs := []entity.Customer{{ID: "C-1", Subject: entity.Subject{Name: "Amira Hadzic", Schema: entity.Person}}, {ID: "C-2", Subject: entity.Subject{Name: "Harriet Plumstead", Schema: entity.Person}}}
	if _, err := st.PutCustomers(context.Background(), cs, time.Now()); err != nil {
		t.Fatal(err)
	}
	st.Close()
	// Customers stored without screening (as an import while no list was
	// loaded): a full re-screen raises the alert, and only once.
	out := mustCLI(t, db, "monitor", "run", "--full")
	if !strings.Contains(out, "Screened 2 customers") || !strings.Contains(out, "1 new alert") || !strings.Contains(out, "un-QDi.902") {
		t.Errorf("monitor run --full:\n%s", out)
	}
	if out := mustCLI(t, db, "monitor", "run", "--full"); !strings.Contains(out, "0 new alerts") {
		t.Errorf("second full run:\n%s", out)
	}
	alerts := decode[[]entity.Alert](t, mustCLI(t, db, "alerts", "--status", "open", "--json"))
	if len(alerts) != 1 || alerts[0].CustomerID != "C-1" || alerts[0].Cause != entity.CauseRescreen {
		t.Errorf("alerts: %+v", alerts)
	}
	if out := mustCLI(t, db, "alerts", "--customer", "C-2"); !strings.Contains(out, "No alerts") {
		t.Errorf("alerts of C-2:\n%s", out)
	}
	if out := mustCLI(t, db, "customers", "list"); !strings.Contains(out, "C-1") || !strings.Contains(out, "Harriet Plumstead") {
		t.Errorf("customers list:\n%s", out)
	}
	mustCLI(t, db, "customers", "remove", "C-2")
	if got := decode[[]entity.Customer](t, mustCLI(t, db, "customers", "list", "--json")); len(got) != 1 || got[0].ID != "C-1" {
		t.Errorf("after remove: %+v", got)
	}
	if _, _, code := cli(t, db, "customers", "remove", "nobody"); code == 0 {
		t.Error("removing an unknown customer succeeded")
	}
}
