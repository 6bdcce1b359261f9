package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/source/sourcetest"
)

// screenJSON is veto screen --json's output.
type screenJSON struct {
	screen.Result
	Versions []entity.VersionRef `json:"versions"`
	AsOf     time.Time           `json:"asOf"`
	Absent   []string            `json:"absent"`
}

// TestScreenAsOfUN is the case from the command line: with the
// real UN lists of 2025-04-19 and 2026-02-27 imported, DIMITRI HERARD
// (un-HTi.008, designated 2025-10-17) is hit as of 2026-03-01 and not as
// of 2025-05-01, by veto screen and veto batch, and the output names the
// version screened against.
func TestScreenAsOfUN(t *testing.T) {
	old := sourcetest.SharedData(t, "un", "2025-04-19", "consolidated.xml")
	cur := sourcetest.SharedData(t, "un", "2026-02-27", "consolidated.xml")
	dir := t.TempDir()
	db := filepath.Join(dir, "veto.db")
	var ids []int64
	for _, f := range []string{old, cur} {
		outs := decode[[]outcomeJSON](t, mustCLI(t, db, "import", "un", f, "--json"))
		ids = append(ids, outs[0].VersionID)
	}
	vs := decode[[]entity.ListVersion](t, mustCLI(t, db, "lists", "--json"))
	byID := map[int64]entity.ListVersion{}
	for _, v := range vs {
		byID[v.ID] = v
	}

	for _, tc := range []struct {
		asOf    string
		version int64
		hit     bool
	}{
		{"2026-03-01", ids[1], true},
		{"2025-05-01", ids[0], false},
		{"", ids[1], true},
	} {
		args := []string{"screen", "Dimitri Herard", "--schema", "Person", "--json"}
		if tc.asOf != "" {
			args = append(args, "--as-of", tc.asOf)
		}
		res := decode[screenJSON](t, mustCLI(t, db, args...))
		hit := slices.ContainsFunc(res.Hits, func(h screen.Hit) bool { return h.EntityID == "un-HTi.008" })
		if hit != tc.hit {
			t.Errorf("as of %q: hits %+v; want un-HTi.008 hit: %v", tc.asOf, res.Hits, tc.hit)
		}
		want := byID[tc.version]
		if len(res.Versions) != 1 || res.Versions[0].ID != tc.version || res.Versions[0].Hash != want.Hash || !res.Versions[0].Published.Equal(want.Published) {
			t.Errorf("as of %q: screened against %+v, want version %d (%s)", tc.asOf, res.Versions, tc.version, want.Published)
		}
		if (tc.asOf == "") != res.AsOf.IsZero() {
			t.Errorf("as of %q: the output says asOf %v", tc.asOf, res.AsOf)
		}
	}
	// For people, the output names the versions too.
	out := mustCLI(t, db, "screen", "Dimitri Herard", "--as-of", "2025-05-01")
	if !strings.Contains(out, "No hit") || !strings.Contains(out, "Screened as of 2025-05-01T23:59:59Z against un-sc@") || !strings.Contains(out, "(published 2025-04-19)") {
		t.Errorf("veto screen --as-of 2025-05-01:\n%s", out)
	}

	// veto batch --as-of: every row names the versions.
	in := filepath.Join(dir, "customers.csv")
	if err := os.WriteFile(in, []byte("id,name\nC1,Dimitri Herard\nC2,Harriet Plumstead\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		asOf    string
		version int64
		hits    string
	}{
		{"2026-03-01", ids[1], "1"},
		{"2025-05-01", ids[0], "0"},
	} {
		outPath := filepath.Join(dir, "results-"+tc.asOf+".csv")
		out := mustCLI(t, db, "batch", in, "-o", outPath, "--as-of", tc.asOf)
		if !strings.Contains(out, "Screened as of "+tc.asOf) {
			t.Errorf("batch --as-of %s: %s", tc.asOf, out)
		}
		f, err := os.Open(outPath)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil || len(rows) != 3 {
			t.Fatalf("batch --as-of %s: %v %q", tc.asOf, err, rows)
		}
		want := entity.VersionRef{ID: tc.version, List: "un-sc"}.String()
		if rows[1][3] != tc.hits || rows[1][len(rows[1])-1] != want || rows[2][len(rows[2])-1] != want {
			t.Errorf("batch --as-of %s: rows %q; want %s hits for C1 and versions %s on every row", tc.asOf, rows[1:], tc.hits, want)
		}
	}

	// veto screen --jsonl: every line names the versions.
	queries := filepath.Join(dir, "q.jsonl")
	if err := os.WriteFile(queries, []byte(`{"id":"q1","name":"Dimitri Herard"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	line := decode[struct {
		ID       string       `json:"id"`
		Hits     []screen.Hit `json:"hits"`
		Versions string       `json:"versions"`
	}](t, mustCLI(t, db, "screen", "--jsonl", queries, "--as-of", "2025-05-01"))
	if line.ID != "q1" || len(line.Hits) != 0 || line.Versions != (entity.VersionRef{ID: ids[0], List: "un-sc"}).String() {
		t.Errorf("veto screen --jsonl --as-of 2025-05-01: %+v", line)
	}

	// Bad dates, and --as-of with --from, are usage errors naming the flag.
	for _, args := range [][]string{
		{"screen", "Dimitri Herard", "--as-of", "1.5.2025"},
		{"screen", "Dimitri Herard", "--as-of", "2019-01-01"},
		{"screen", "Dimitri Herard", "--as-of", "2026-03-01", "--from", filepath.Dir(cur)},
		{"batch", in, "--as-of", "yesterday"},
	} {
		_, errOut, code := cli(t, db, args...)
		if code != 2 || !strings.Contains(errOut, "--as-of") {
			t.Errorf("veto %s: exit %d, %q; want 2 naming --as-of", strings.Join(args, " "), code, errOut)
		}
	}
}

// TestScreenFromNamesContent: lists read with --from, which the store
// does not hold, are named by their content hash, as import would store
// them.
func TestScreenFromNamesContent(t *testing.T) {
	dir := t.TempDir()
	fixture := filepath.Join("..", "..", "source", "un", "testdata", "consolidated.xml")
	b, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "consolidated.xml"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "veto.db")
	res := decode[screenJSON](t, mustCLI(t, db, "screen", "Amira Hadzic", "--from", dir, "--json"))
	outs := decode[[]outcomeJSON](t, mustCLI(t, db, "import", "un", fixture, "--json"))
	vs := decode[[]entity.ListVersion](t, mustCLI(t, db, "lists", "--json"))
	if len(res.Versions) != 1 || res.Versions[0].ID != 0 || len(vs) != 1 || res.Versions[0].Hash != vs[0].Hash || outs[0].VersionID != vs[0].ID {
		t.Errorf("--from: screened against %+v; want the content hash the import stored, %+v", res.Versions, vs)
	}
}
