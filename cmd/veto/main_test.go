package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source/sourcetest"
)

// cli runs veto with args against the store at db and returns its output
// and exit status.
func cli(t *testing.T, db string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), append([]string{"--db", db}, args...), strings.NewReader(""), &out, &errOut)
	return out.String(), errOut.String(), code
}

// mustCLI runs veto and fails the test unless it exits 0.
func mustCLI(t *testing.T, db string, args ...string) string {
	t.Helper()
	out, errOut, code := cli(t, db, args...)
	if code != 0 {
		t.Fatalf("veto %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errOut)
	}
	return out
}

func decode[T any](t *testing.T, s string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("decode %q: %v", s, err)
	}
	return v
}

func TestImportShowDiffExportFixture(t *testing.T) {
	db := filepath.Join(t.TempDir(), "veto.db")
	fixture := filepath.Join("..", "..", "source", "un", "testdata", "consolidated.xml")
	outs := decode[[]outcomeJSON](t, mustCLI(t, db, "import", "un", fixture, "--json"))
	if len(outs) != 1 || outs[0].List != "un-sc" || outs[0].Error != "" || outs[0].Entities == 0 || outs[0].Added != outs[0].Entities {
		t.Fatalf("import outcome = %+v", outs)
	}
	again := decode[[]outcomeJSON](t, mustCLI(t, db, "import", "un", fixture, "--json"))
	if !again[0].Unchanged || again[0].VersionID != outs[0].VersionID {
		t.Errorf("re-import of the same file = %+v, want unchanged", again)
	}
	vs := decode[[]entity.ListVersion](t, mustCLI(t, db, "lists", "--json"))
	if len(vs) != 1 || !vs[0].Active || vs[0].EntityCount != outs[0].Entities || vs[0].Format != "un-xml" {
		t.Errorf("lists = %+v", vs)
	}

	// Every entity can be shown, with its raw record and its history.
	exported := mustCLI(t, db, "export", "--format", "ftm")
	var listed []entity.FtMEntity
	for _, line := range strings.Split(strings.TrimSpace(exported), "\n") {
		if f := decode[entity.FtMEntity](t, line); !notListed(f) {
			listed = append(listed, f)
		}
	}
	if len(listed) != outs[0].Entities {
		t.Fatalf("export wrote %d listings for %d entities", len(listed), outs[0].Entities)
	}
	first := listed[0]
	if first.Schema == "" || len(first.Properties["name"]) == 0 || first.Datasets[0] != "un-sc" {
		t.Errorf("first exported entity = %+v", first)
	}
	shown := decode[shown](t, mustCLI(t, db, "show", first.ID, "--json"))
	if len(shown.Records) != 1 || shown.Records[0].Raw.Format != "xml" || !strings.Contains(shown.Records[0].Raw.Text, "<REFERENCE_NUMBER>") {
		t.Errorf("show %s = %+v", first.ID, shown.Records)
	}
	if len(shown.History) != 1 || shown.History[0].Change != entity.Added || !shown.History[0].Active {
		t.Errorf("history = %+v", shown.History)
	}
	text := mustCLI(t, db, "show", first.ID)
	if !strings.Contains(text, "Raw record (xml)") || !strings.Contains(text, first.Caption) {
		t.Errorf("show text lacks the raw record or the caption:\n%s", text)
	}
	diffs := decode[[]entity.Diff](t, mustCLI(t, db, "diff", "un", "--json"))
	if len(diffs) != 1 || diffs[0].From != 0 || diffs[0].Added != outs[0].Entities {
		t.Errorf("diff = %+v", diffs)
	}
}

func TestExitCodes(t *testing.T) {
	db := filepath.Join(t.TempDir(), "veto.db")
	if _, _, code := cli(t, db, "import"); code != exitUsage {
		t.Errorf("import without arguments: exit %d, want %d", code, exitUsage)
	}
	if _, _, code := cli(t, db, "import", "nosuch", "x"); code != exitUsage {
		t.Errorf("unknown publisher: exit %d, want %d", code, exitUsage)
	}
	if _, _, code := cli(t, db, "frobnicate"); code != exitUsage {
		t.Errorf("unknown command: exit %d, want %d", code, exitUsage)
	}
	data, err := os.ReadFile(filepath.Join("..", "..", "source", "un", "testdata", "consolidated.xml"))
	if err != nil {
		t.Fatal(err)
	}
	cut := filepath.Join(t.TempDir(), "consolidated.xml")
	if err := os.WriteFile(cut, data[:len(data)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := cli(t, db, "import", "un", cut)
	if code != exitRefused || !strings.Contains(errOut, "consolidated.xml:") || !strings.Contains(errOut, "truncated") {
		t.Errorf("truncated file: exit %d, stderr %q; want %d and the file and line", code, errOut, exitRefused)
	}
	if _, errOut, code := cli(t, db, "show", "un-NOPE"); code != exitError || !strings.Contains(errOut, "not found") {
		t.Errorf("show unknown: exit %d, %q", code, errOut)
	}
	// A misspelt status is refused, not answered "No alerts.".
	if out, errOut, code := cli(t, db, "alerts", "--status", "bogus"); code != exitUsage || !strings.Contains(errOut, "pending_approval") {
		t.Errorf("alerts --status bogus: exit %d, %q %q; want %d naming the statuses", code, out, errOut, exitUsage)
	}
}

func TestVersion(t *testing.T) {
	out, _, code := cli(t, filepath.Join(t.TempDir(), "veto.db"), "--version")
	if code != 0 || !strings.HasPrefix(out, "veto ") || !strings.Contains(out, runtime.Version()) {
		t.Errorf("veto --version: exit %d, %q", code, out)
	}
}

// TestEveryCommandHasAnExample keeps the promise that --help teaches by
// example.
func TestEveryCommandHasAnExample(t *testing.T) {
	root := newRootCommand(&globalOptions{stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}})
	for _, c := range root.Commands() {
		if c.Name() == "help" {
			continue
		}
		if strings.TrimSpace(c.Example) == "" {
			t.Errorf("veto %s has no example in --help", c.Name())
		}
	}
}

// TestImportAllSnapshots imports every real snapshot, as an analyst would
// set up veto from an archive, and checks what the files say.
func TestImportAllSnapshots(t *testing.T) {
	dir := sourcetest.SharedData(t)
	db := filepath.Join(t.TempDir(), "veto.db")
	outs := decode[[]outcomeJSON](t, mustCLI(t, db, "import", "all", dir, "--json"))
	for _, o := range outs {
		if o.Error != "" {
			t.Errorf("%s: %s", o.List, o.Error)
		}
	}
	vs := decode[[]entity.ListVersion](t, mustCLI(t, db, "lists", "--json"))
	// The warnings that remain are explained: the 2024 OFAC sdn.csv comes
	// without its side files, one Canadian and one UN date of birth are
	// not dates ("Sep-99", "30-35 years old").
	// The 2021 sdn_comments.csv lacks OFAC's Ctrl-Z end mark.
	explained := []string{"add.csv not given", "alt.csv not given", "sdn_comments.csv not given", `"Sep-99"`, "date of birth", "end-of-file mark Ctrl-Z"}
	active := map[string]entity.ListVersion{}
	for _, v := range vs {
		if v.Active {
			active[v.List] = v
		}
		for _, w := range v.Warnings {
			if !slices.ContainsFunc(explained, func(s string) bool { return strings.Contains(w.Message, s) }) {
				t.Errorf("%s version %d: unexplained warning %+v", v.List, v.ID, w)
			}
		}
	}
	for list, n := range map[string]int{"ofac-sdn": 14965, "un-sc": 1003, "uk-ofsi": 4688, "ca-sema": 4759, "au-dfat": 3062, "eu-fsf": 5, "uk-fcdo": 5} {
		if active[list].EntityCount != n {
			t.Errorf("active %s has %d entities, want %d", list, active[list].EntityCount, n)
		}
	}

	// The UN diff between the 2025-04-19 and 2026-02-27 snapshots: 877 and
	// 1,003 designations, of which HTe.001 is new and QDi.317 gone.
	diffs := decode[[]entity.Diff](t, mustCLI(t, db, "diff", "un-sc", "--json"))
	d := diffs[0]
	if d.From == 0 || d.Added-d.Removed != 1003-877 || d.Removed != 4 {
		t.Errorf("UN diff: +%d -%d ~%d from version %d", d.Added, d.Removed, d.Changed, d.From)
	}
	changes := map[string]string{}
	for _, c := range d.Changes {
		changes[c.EntityID] = c.Change
	}
	if changes["un-HTe.001"] != entity.Added || changes["un-QDi.317"] != entity.Removed {
		t.Errorf("UN diff lacks un-HTe.001 added or un-QDi.317 removed")
	}
	text := mustCLI(t, db, "diff", "un")
	if !strings.Contains(text, "+ un-HTe.001") || !strings.Contains(text, "- un-QDi.317") {
		t.Errorf("veto diff un does not show the changes:\n%.500s", text)
	}

	// LAVROV on the 2024-05-03 SDN list.
	sh := decode[shown](t, mustCLI(t, db, "show", "ofac-35233", "--json"))
	var lavrov *entity.Entity
	for _, r := range sh.Records {
		if r.List == "ofac-sdn" {
			lavrov = r
		}
	}
	if lavrov == nil || lavrov.Caption() != "LAVROV, Sergei Viktorovich" || lavrov.Schema != entity.Person ||
		len(lavrov.BirthDates) == 0 || lavrov.BirthDates[0].String() != "1950-03-21" ||
		!slices.Contains(lavrov.Nationalities, "ru") || !slices.Contains(lavrov.Programs, "RUSSIA-EO14024") {
		t.Errorf("ofac-35233 = %+v", lavrov)
	}
	if len(sh.History) == 0 || sh.History[len(sh.History)-1].List != "us-csl" && !sh.History[len(sh.History)-1].Active {
		t.Errorf("ofac-35233 history = %+v", sh.History)
	}

	// The active version of a list never went back to an older snapshot:
	// each version was active from when it was stored, so in ID order the
	// dates read from the files never decrease. ofac-cons ends on the
	// consolidated.xml of 2026-01-08, not the CONS_ENHANCED.XML of
	// 2025-01-10 in a folder named after it.
	last := map[string]entity.ListVersion{}
	for _, v := range slices.Backward(vs) {
		if v.PublishedFrom != "file" {
			continue
		}
		if p, ok := last[v.List]; ok && v.Published.Before(p.Published) {
			t.Errorf("%s: version %d, published %s, was made active after version %d, published %s", v.List, v.ID, day(v.Published), p.ID, day(p.Published))
		}
		last[v.List] = v
	}
	if a := active["ofac-cons"]; a.Format != "ofac-xml" || day(a.Published) != "2026-01-08" {
		t.Errorf("active ofac-cons = %s published %s, want the ofac-xml of 2026-01-08", a.Format, day(a.Published))
	}

	// Importing the same folder again adds no version.
	text = mustCLI(t, db, "import", "all", dir)
	if strings.Contains(text, "stored") || strings.Contains(text, "FAILED") || !strings.Contains(text, "unchanged, same as version") {
		t.Errorf("second import all:\n%s", text)
	}
	again := decode[[]entity.ListVersion](t, mustCLI(t, db, "lists", "--json"))
	if len(again) != len(vs) {
		t.Errorf("second import all: %d versions, want the %d of the first", len(again), len(vs))
	}
	for i := range min(len(again), len(vs)) {
		if again[i].ID != vs[i].ID || again[i].Active != vs[i].Active {
			t.Errorf("second import all changed version %d (%s): active %v, now %v", vs[i].ID, vs[i].List, vs[i].Active, again[i].Active)
		}
	}
}
