package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vetoscreen/veto/app"
	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
	"github.com/vetoscreen/veto/store/sqlite"
)

// The listed person of the UN fixture screened in these tests, and a
// customer who is not listed. Neither name may reach the audit trail.
const (
	listedName   = "Amira Hadzic"
	listedID     = "un-QDi.902"
	unlistedName = "Harriet Plumstead"
)

// unStore returns a SQLite store holding the UN fixture.
func unStore(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "veto.db")
	mustCLI(t, db, "import", "un", filepath.Join("..", "..", "source", "un", "testdata", "consolidated.xml"))
	return db
}

// auditEntries returns the store's audit entries with action.
func auditEntries(t *testing.T, db, action string) []entity.AuditEntry {
	t.Helper()
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	es, err := st.AuditEntries(context.Background(), store.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var got []entity.AuditEntry
	for _, e := range es {
		if e.Action == action {
			got = append(got, e)
		}
	}
	return got
}

// onlyScreening checks that db's trail holds one entry with action and
// subject, by the command line's user, that names no screened name, and
// that the chain verifies; it returns the entry's summary.
func onlyScreening(t *testing.T, db, action, subject string) app.Screening {
	t.Helper()
	es := auditEntries(t, db, action)
	if len(es) != 1 {
		t.Fatalf("%d %s entries, want 1: %+v", len(es), action, es)
	}
	e := es[0]
	if e.Actor != cliActor() || !strings.HasPrefix(e.Actor, "cli:") || e.Subject != subject {
		t.Errorf("entry by %q on %q, want %q on %q", e.Actor, e.Subject, cliActor(), subject)
	}
	for _, name := range []string{listedName, unlistedName, "Hadzic", "HADZIC", "Plumstead"} {
		if strings.Contains(string(e.Data), name) {
			t.Errorf("the audit entry names %q: %s", name, e.Data)
		}
	}
	var sum app.Screening
	if err := json.Unmarshal(e.Data, &sum); err != nil {
		t.Fatalf("%s: %v", e.Data, err)
	}
	if sum.API != "cli" {
		t.Errorf("api = %q, want cli", sum.API)
	}
	if out := mustCLI(t, db, "audit", "verify"); !strings.HasPrefix(out, "OK:") {
		t.Errorf("audit verify after the screening: %s", out)
	}
	return sum
}

// storeVersion checks that a summary names the store's active UN version.
func storeVersion(t *testing.T, db string, sum app.Screening) {
	t.Helper()
	vs := decode[[]entity.ListVersion](t, mustCLI(t, db, "lists", "--json"))
	if sum.Data != "live" || len(sum.Versions) != 1 || sum.Versions[0].ID != vs[0].ID || sum.Versions[0].Hash != vs[0].Hash || sum.Versions[0].List != "un-sc" {
		t.Errorf("screened against %s %+v, want the store's version %d", sum.Data, sum.Versions, vs[0].ID)
	}
}

func TestScreenIsAudited(t *testing.T) {
	db := unStore(t)
	mustCLI(t, db, "screen", listedName)
	sum := onlyScreening(t, db, chain.ActionScreen, "cli/screen")
	if sum.Command != "screen" || sum.Queries != 1 || sum.WithHits != 1 || len(sum.Matched) == 0 || sum.Matched[0].Entity != listedID || sum.Best < 0.8 {
		t.Errorf("summary = %+v", sum)
	}
	storeVersion(t, db, sum)
}

func TestScreenJSONLIsAudited(t *testing.T) {
	db := unStore(t)
	in := filepath.Join(t.TempDir(), "q.jsonl")
	os.WriteFile(in, []byte(`{"id":"q1","name":"`+listedName+`"}`+"\n"+`{"id":"q2","name":"`+unlistedName+`"}`+"\n"), 0o644)
	mustCLI(t, db, "screen", "--jsonl", in)
	sum := onlyScreening(t, db, chain.ActionScreen, "cli/screen")
	if sum.Queries != 2 || sum.WithHits != 1 || sum.Matched[0].Query != "q1" || sum.Matched[0].Entity != listedID {
		t.Errorf("summary = %+v", sum)
	}
}

// Screening files read with --from is audited in the --db store, naming
// the files.
func TestScreenFromFilesIsAudited(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "veto.db")
	data := filepath.Join(dir, "data", "un")
	os.MkdirAll(data, 0o755)
	b, _ := os.ReadFile(filepath.Join("..", "..", "source", "un", "testdata", "consolidated.xml"))
	os.WriteFile(filepath.Join(data, "consolidated.xml"), b, 0o644)
	mustCLI(t, db, "screen", listedName, "--from", filepath.Join(dir, "data"))
	sum := onlyScreening(t, db, chain.ActionScreen, "cli/screen")
	if sum.Data != "files" || len(sum.Versions) != 1 || sum.Versions[0].List != "un-sc" || len(sum.Versions[0].Files) != 1 || sum.WithHits != 1 {
		t.Errorf("summary = %+v", sum)
	}
}

func TestBatchIsAudited(t *testing.T) {
	db := unStore(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "customers.csv")
	os.WriteFile(in, []byte("id,name,dob\nC-1,"+listedName+",31.12.1999x\nC-2,"+unlistedName+",\nC-3,,1970\n"), 0o644)
	mustCLI(t, db, "batch", in)
	sum := onlyScreening(t, db, chain.ActionScreen, "cli/batch")
	// C-3 has no name: read, not screened. C-1's date cannot be read: it
	// is screened without it.
	if sum.Command != "batch" || sum.Rows != 3 || sum.Errors != 1 || sum.Warnings != 1 || sum.Queries != 2 || sum.WithHits != 1 ||
		len(sum.Matched) == 0 || sum.Matched[0].Query != "C-1" || sum.Matched[0].Entity != listedID {
		t.Errorf("summary = %+v", sum)
	}
	storeVersion(t, db, sum)
}

func TestTextIsAudited(t *testing.T) {
	db := unStore(t)
	in := filepath.Join(t.TempDir(), "message.txt")
	text := "Please pay " + listedName + " in Tehran, and " + unlistedName + ".\n"
	os.WriteFile(in, []byte(text), 0o644)
	mustCLI(t, db, "text", in)
	sum := onlyScreening(t, db, chain.ActionScreen, "cli/text")
	if sum.Command != "text" || sum.Queries != 1 || sum.Bytes != len(text) || sum.Findings["name"] != 1 || sum.Findings["place"] != 1 ||
		len(sum.Matched) != 1 || sum.Matched[0].Entity != listedID {
		t.Errorf("summary = %+v", sum)
	}
	if strings.Contains(strings.Join(auditData(t, db), ""), "Tehran") {
		t.Error("the audit entry names what the text said")
	}
	storeVersion(t, db, sum)
}

func TestCustomersImportIsAudited(t *testing.T) {
	db := unStore(t)
	in := filepath.Join(t.TempDir(), "customers.csv")
	os.WriteFile(in, []byte("id,name\nC-1,"+listedName+"\nC-2,"+unlistedName+"\n,No Id\n"), 0o644)
	mustCLI(t, db, "customers", "import", in)
	sum := onlyScreening(t, db, chain.ActionScreen, "cli/customers")
	if sum.Command != "customers import" || sum.Rows != 3 || sum.Errors != 1 || sum.Queries != 2 || sum.Customers != 2 || sum.Alerts != 1 ||
		len(sum.Matched) != 1 || sum.Matched[0].Query != "C-1" || sum.Matched[0].Entity != listedID {
		t.Errorf("summary = %+v", sum)
	}
	storeVersion(t, db, sum)
}

func TestMonitorRunIsAudited(t *testing.T) {
	db := unStore(t)
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	// Stored without screening, as an import while no list was loaded.
	cs := []entity.Customer{{ID: "C-1", Subject: entity.Subject{Name: listedName, Schema: entity.Person}}, {ID: "C-2", Subject: entity.Subject{Name: unlistedName, Schema: entity.Person}}}
	if _, err := st.PutCustomers(context.Background(), cs, time.Now()); err != nil {
		t.Fatal(err)
	}
	st.Close()
	mustCLI(t, db, "monitor", "run", "--full")
	sum := onlyScreening(t, db, chain.ActionMonitorRun, "cli/monitor")
	if sum.Command != "monitor run" || sum.Customers != 2 || sum.Alerts != 1 || sum.Matched[0].Query != "C-1" || sum.Matched[0].Entity != listedID {
		t.Errorf("summary = %+v", sum)
	}
	storeVersion(t, db, sum)
}

// auditData returns the data of every entry of db's trail.
func auditData(t *testing.T, db string) []string {
	t.Helper()
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	es, err := st.AuditEntries(context.Background(), store.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var ds []string
	for _, e := range es {
		ds = append(ds, string(e.Data))
	}
	return ds
}
