package main

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/source/ftm"
)

var ftmFixture = filepath.Join("..", "..", "source", "ftm", "testdata", "entities.ftm.json")

// importPEPs imports the FtM fixture as the PEP list test-peps, regime mk.
func importPEPs(t *testing.T, db string) string {
	t.Helper()
	return mustCLI(t, db, "import", "ftm", ftmFixture, "--list", "test-peps", "--kind", "pep", "--publisher", "Test Pub", "--jurisdiction", "mk", "--title", "Test PEPs")
}

func TestImportFtM(t *testing.T) {
	db := filepath.Join(t.TempDir(), "veto.db")
	out := importPEPs(t, db)
	if !strings.Contains(out, "kept 2 unknown properties in the raw records: favouriteColour (2), shoeSize (1)") {
		t.Errorf("import summary %q does not count the unknown properties", out)
	}
	type version struct {
		entity.ListVersion
		Kind, Regime string
	}
	vs := decode[[]version](t, mustCLI(t, db, "lists", "--json"))
	if len(vs) != 1 || vs[0].List != "test-peps" || vs[0].Kind != "pep" || vs[0].Regime != "mk" || vs[0].EntityCount != 7 || vs[0].Format != ftm.Format {
		t.Fatalf("lists = %+v", vs)
	}
	// Importing it again stores nothing.
	if out := importPEPs(t, db); !strings.Contains(out, "unchanged, same as version") {
		t.Errorf("second import: %q", out)
	}
	// The entity record shows what was attached to it.
	show := mustCLI(t, db, "show", "testpub-p-minister")
	for _, want := range []string{"Minister of Finance (mk, 2019-01..2023-05, ended)", "A0123456", "Skopje", "testpub-c-holding"} {
		if !strings.Contains(show, want) {
			t.Errorf("veto show lacks %q:\n%s", want, show)
		}
	}
	for _, c := range []struct {
		args []string
		hit  bool
	}{
		{nil, true},
		{[]string{"--topics", "role.pep"}, true},
		{[]string{"--topics", "role.rca,sanction"}, false},
		{[]string{"--kinds", "pep"}, true},
		{[]string{"--kinds", "sanction"}, false},
		{[]string{"--exclude-kinds", "pep"}, false},
		{[]string{"--lists", "mk"}, true},
		{[]string{"--lists", "test-peps", "--exclude-kinds", "internal"}, true},
	} {
		res := decode[screen.Result](t, mustCLI(t, db, append([]string{"screen", "Ivana Petrovska", "--json"}, c.args...)...))
		if got := len(res.Hits) > 0; got != c.hit {
			t.Errorf("screen %v: hit %v, want %v", c.args, got, c.hit)
			continue
		}
		if c.hit && (res.Hits[0].Kind != "pep" || !slices.Equal(res.Hits[0].Topics, []string{"role.pep"}) || !slices.Equal(res.Hits[0].Regimes, []string{"mk"})) {
			t.Errorf("screen %v: hit %+v, want kind pep, topic role.pep, regime mk", c.args, res.Hits[0])
		}
	}
	// The text output says the kind, and what is attached to the hit.
	text := mustCLI(t, db, "screen", "Vardar Holding DOOEL")
	for _, want := range []string{"test-peps  (pep)", "programmes: Western Balkans", "owned by Ivana Petrovska", "has director Marko Petrovski"} {
		if !strings.Contains(text, want) {
			t.Errorf("veto screen lacks %q:\n%s", want, text)
		}
	}
	if _, errOut, code := cli(t, db, "screen", "Ivana Petrovska", "--kinds", "peps"); code != exitUsage || !strings.Contains(errOut, "--kinds") {
		t.Errorf("--kinds peps: exit %d, %q", code, errOut)
	}
}

func TestImportFtMRefusals(t *testing.T) {
	db := filepath.Join(t.TempDir(), "veto.db")
	dir := t.TempDir()
	var gen bytes.Buffer
	if err := (&ftm.Generator{Seed: 3}).Generate(&gen, 1500); err != nil {
		t.Fatal(err)
	}
	full := filepath.Join(dir, "full.ftm.json")
	os.WriteFile(full, gen.Bytes(), 0o644)
	imp := func(path string) (string, string, int) {
		return cli(t, db, "import", "ftm", path, "--list", "gen", "--kind", "other")
	}
	if out, errOut, code := imp(full); code != 0 || !strings.Contains(out, "1500 entities") {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	before := mustCLI(t, db, "lists", "--json")
	data := gen.Bytes()
	half := data[:bytes.LastIndexByte(data[:len(data)/2], '\n')+1]
	for _, c := range []struct {
		name, content, want string
	}{
		// Cut at a line end, the file reads well: the shrink check
		// refuses it, as it would an official list.
		{"cut at a line end", string(half), "fewer than the 1500 of active version"},
		// Cut inside a line: the last record is not whole.
		{"cut inside a line", string(data[:len(data)/2]), "cut short"},
		// More lines than one per thousand that are not entities.
		{"malformed lines", strings.Replace(string(data), "\n", "\n{\"id\": oops}\n", 5), "full.ftm.json:2"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "full.ftm.json")
			os.WriteFile(p, []byte(c.content), 0o644)
			_, errOut, code := imp(p)
			if code != exitRefused || !strings.Contains(errOut, c.want) {
				t.Errorf("exit %d, stderr %q; want %d saying %q", code, errOut, exitRefused, c.want)
			}
			if after := mustCLI(t, db, "lists", "--json"); after != before {
				t.Errorf("the lists changed:\n%s\n%s", before, after)
			}
		})
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--list", "ofac-sdn", "--kind", "pep"}, "official list"},
		{[]string{"--list", "Bad Name", "--kind", "pep"}, "--list"},
		{[]string{"--list", "x"}, "--kind is required"},
		{[]string{"--list", "x", "--kind", "peps"}, "unknown list kind"},
		{[]string{"--list", "x", "--kind", "pep", "--publisher", "OFAC"}, "official publisher"},
	} {
		if _, errOut, code := cli(t, db, append([]string{"import", "ftm", full}, c.args...)...); code != exitUsage || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, %q; want usage error with %q", c.args, code, errOut, c.want)
		}
	}
}

// TestImportedListsAreMonitored: customers are screened against an
// imported list, rescreened when it changes, and their alerts carry and
// filter by the list's kind.
func TestImportedListsAreMonitored(t *testing.T) {
	db := filepath.Join(t.TempDir(), "veto.db")
	dir := t.TempDir()
	blocks := filepath.Join(dir, "blocks.csv")
	os.WriteFile(blocks, []byte("id,name,dob\nB-1,Jovan Markovski,1971-04-12\nB-2,Adriatic Shell Trading,\n"), 0o644)
	out := mustCLI(t, db, "import", "csv", blocks, "--list", "bank-blocks", "--kind", "internal")
	if !strings.Contains(out, "2 entities imported") {
		t.Errorf("csv import: %q", out)
	}
	importPEPs(t, db)
	customers := filepath.Join(dir, "customers.csv")
	os.WriteFile(customers, []byte("id,name\nC-1,Jovan Markovski\nC-2,Ivana Petrovska\nC-3,Nikola Stojanov\n"), 0o644)
	mustCLI(t, db, "customers", "import", customers)
	kinds := func(kind string) []string {
		var ids []string
		for _, a := range decode[[]entity.Alert](t, mustCLI(t, db, "alerts", "--json", "--kind", kind)) {
			ids = append(ids, a.CustomerID)
		}
		slices.Sort(ids)
		return ids
	}
	if got := kinds("internal"); !slices.Equal(got, []string{"C-1"}) {
		t.Errorf("internal alerts %v, want C-1", got)
	}
	if got := kinds("pep"); !slices.Equal(got, []string{"C-2"}) {
		t.Errorf("pep alerts %v, want C-2", got)
	}
	if got := kinds("sanction"); len(got) != 0 {
		t.Errorf("sanction alerts %v, want none", got)
	}
	// A new version of the bank's list names C-3: the monitor raises it.
	os.WriteFile(blocks, []byte("id,name,dob\nB-1,Jovan Markovski,1971-04-12\nB-2,Adriatic Shell Trading,\nB-3,Nikola Stojanov,\n"), 0o644)
	mustCLI(t, db, "import", "csv", blocks, "--list", "bank-blocks", "--kind", "internal")
	mustCLI(t, db, "monitor", "run")
	if got := kinds("internal"); !slices.Equal(got, []string{"C-1", "C-3"}) {
		t.Errorf("internal alerts after the new version %v, want C-1, C-3", got)
	}
	if errs, err := os.ReadFile(filepath.Join(dir, "blocks.errors.csv")); err != nil || string(errs) != "line,reason,record\n" {
		t.Errorf("errors file %q, %v: want a header only", errs, err)
	}
}

// TestImportFtMFromURL: a URL is downloaded, gzip or not, and stored.
func TestImportFtMFromURL(t *testing.T) {
	data, err := os.ReadFile(ftmFixture)
	if err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(data)
	zw.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, ".gz") {
			w.Write(gz.Bytes())
			return
		}
		w.Write(data)
	}))
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "veto.db")
	for _, u := range []string{srv.URL + "/peps/entities.ftm.json", srv.URL + "/peps/entities.ftm.json.gz"} {
		out := mustCLI(t, db, "import", "ftm", u, "--list", "url-peps", "--kind", "pep")
		if !strings.Contains(out, "url-peps") || !strings.Contains(out, "7 entities") {
			t.Errorf("import %s: %q", u, out)
		}
	}
	if vs := decode[[]entity.ListVersion](t, mustCLI(t, db, "lists", "--json")); len(vs) != 1 || vs[0].Source[0] != srv.URL+"/peps/entities.ftm.json" {
		t.Errorf("lists = %+v: want one version (the gzip holds the same content), from the URL", vs)
	}
}
