package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/entity"
)

// newFixtureStore returns a store holding the UN and OFAC test fixtures:
// Sergey Lavrov is on OFAC's, Amira Hadzic (un-QDi.902) on the UN's.
func newFixtureStore(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "veto.db")
	mustCLI(t, db, "import", "un", filepath.Join("..", "..", "source", "un", "testdata", "consolidated.xml"))
	mustCLI(t, db, "import", "ofac", filepath.Join("..", "..", "source", "ofac", "testdata", "sdn.xml"))
	return db
}

func mustReadCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return recs
}

// column returns a column of CSV records (after the header) by name.
func column(recs [][]string, name string) []string {
	i := slices.Index(recs[0], name)
	var out []string
	for _, r := range recs[1:] {
		out = append(out, r[i])
	}
	return out
}

func TestBatchCommand(t *testing.T) {
	db := newFixtureStore(t)
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	t.Run("malformed rows", func(t *testing.T) {
		in := write("customers.csv", "customer_id,first_name,last_name,nationality\n"+
			"C1,Sergei,Lavrov,RU\n"+
			"C2,\"Jo\"hn\",Smith,\n"+ // text after a closing quote
			"C3,Harriet,Plumstead,GB\n"+
			"C4,Amira,Hadzic\n"+ // a field short
			"C5,Amira,Hadzic,\n"+
			"C6,,,\n"+ // no name
			"C7,Bob,Jones,Narnia\n") // unknown country: screened without it
		out := mustCLI(t, db, "batch", in)
		if !strings.Contains(out, "Screened 7 rows") || !strings.Contains(out, "3 errors") || !strings.Contains(out, "2 with hits") {
			t.Errorf("summary:\n%s", out)
		}
		res := mustReadCSV(t, filepath.Join(dir, "customers.results.csv"))
		if got := column(res, "id"); !slices.Equal(got, []string{"C1", "", "C3", "", "C5", "C6", "C7"}) {
			t.Errorf("output ids %q", got)
		}
		if got := column(res, "best_entity_id"); !strings.HasPrefix(got[0], "ofac-") || got[4] != "un-QDi.902" || got[2] != "" {
			t.Errorf("best hits %q", got)
		}
		errs := mustReadCSV(t, filepath.Join(dir, "customers.results.errors.csv"))
		if got := column(errs, "line"); !slices.Equal(got, []string{"3", "5", "7", "8"}) || !strings.Contains(errs[4][1], "screened without country") {
			t.Errorf("errors file %q, want lines 3, 5, 7, 8, the last screened without its country", errs)
		}
	})
	t.Run("BOM, semicolons and --map, to JSON lines", func(t *testing.T) {
		in := write("export.csv", "\ufeffClient Ref;Given;Family;Born\r\nX1;Sergei;Lavrov;1950-03-21\r\nX2;Harriet;Plumstead;\r\n")
		outPath := filepath.Join(dir, "hits.jsonl")
		mustCLI(t, db, "batch", in, "-o", outPath, "--map", "id=client ref,name=given+family,dob=born")
		b, _ := os.ReadFile(outPath)
		lines := strings.Split(strings.TrimSpace(string(b)), "\n")
		if len(lines) != 2 || !strings.HasPrefix(lines[0], `{"line":2,"id":"X1","hits":[{"entity_id":"ofac-`) || !strings.HasPrefix(lines[1], `{"line":3,"id":"X2","hits":[],"versions":"`) || !strings.Contains(lines[1], `ofac-sdn@`) {
			t.Errorf("JSON lines:\n%s", b)
		}
	})
	t.Run("JSON lines in, CSV out", func(t *testing.T) {
		in := write("q.jsonl", `{"id":"q1","name":"Amira Hadzic"}`+"\n"+`{"id":"q2","name":"Sergei Lavrov","unknown":1}`+"\n")
		out := mustCLI(t, db, "batch", in, "--output-format", "csv", "-o", filepath.Join(dir, "q.out"))
		if !strings.Contains(out, "1 errors") {
			t.Errorf("summary:\n%s", out)
		}
		res := mustReadCSV(t, filepath.Join(dir, "q.out"))
		if got := column(res, "best_entity_id"); !slices.Equal(got, []string{"un-QDi.902", ""}) || !strings.Contains(column(res, "error")[1], "unknown field") {
			t.Errorf("results %q", res)
		}
	})
	t.Run("usage errors", func(t *testing.T) {
		in := write("bad.csv", "id,country\n1,RU\n")
		for _, a := range [][]string{{"batch", in}, {"batch", in, "--map", "nom=x"}, {"batch", in, "--format", "xml"}, {"batch"}} {
			if _, stderr, code := cli(t, db, a...); code == 0 || !strings.Contains(stderr, "veto:") {
				t.Errorf("veto %q: exit %d, %s", a, code, stderr)
			}
		}
		if _, stderr, _ := cli(t, db, "batch", in); !strings.Contains(stderr, "no name column") {
			t.Errorf("no name column: %s", stderr)
		}
	})
}

func TestBatchGenerateAndCustomersImport(t *testing.T) {
	db := newFixtureStore(t)
	dir := t.TempDir()
	gen := filepath.Join(dir, "customers.csv")
	mustCLI(t, db, "batch", "generate", "300", "-o", gen, "--seed", "3")
	again := mustCLI(t, db, "batch", "generate", "300", "--seed", "3")
	if b, _ := os.ReadFile(gen); string(b) != again {
		t.Error("generate is not deterministic for a seed")
	}
	recs := mustReadCSV(t, gen)
	if len(recs) != 301 || !slices.Equal(recs[0], []string{"id", "type", "name", "birth_date", "country", "id_number"}) {
		t.Fatalf("generated %d records, header %q", len(recs), recs[0])
	}
	// Add a listed customer and two bad rows to the generated file.
	f, _ := os.OpenFile(gen, os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("CUST-X,individual,Amira Hadzic,,,\n,individual,No Id,,,\nCUST-Y,individual,Bad Date,1950-99-99,,\n")
	f.Close()
	out := mustCLI(t, db, "customers", "import", gen)
	if !strings.Contains(out, "Read 303 rows: 302 customers imported") || !strings.Contains(out, "1 row not imported") {
		t.Errorf("import:\n%s", out)
	}
	errs := mustReadCSV(t, filepath.Join(dir, "customers.errors.csv"))
	// The bad date of birth is dropped, and the customer imported and
	// screened without it.
	if got := column(errs, "line"); !slices.Equal(got, []string{"303", "304"}) || !strings.Contains(errs[1][1], "no customer id") || !strings.Contains(errs[2][1], "screened without birthDate") {
		t.Errorf("errors file %q", errs)
	}
	alerts := decode[[]entity.Alert](t, mustCLI(t, db, "alerts", "--customer", "CUST-X", "--json"))
	if len(alerts) != 1 || alerts[0].EntityID != "un-QDi.902" || alerts[0].Cause != entity.CauseCustomer {
		t.Errorf("alerts of CUST-X: %+v", alerts)
	}
	if out := mustCLI(t, db, "alerts"); !strings.Contains(out, "CUST-X") {
		t.Errorf("veto alerts:\n%s", out)
	}
	// Importing the same file again changes nothing and raises nothing.
	if out := mustCLI(t, db, "customers", "import", gen); !strings.Contains(out, "0 customers added or changed") || !strings.Contains(out, "0 new alerts") {
		t.Errorf("second import:\n%s", out)
	}
}
