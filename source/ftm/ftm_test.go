package ftm

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
)

var opts = Options{List: "test-peps", Prefix: "tp"}

func parseFixture(t *testing.T) (*source.Result, map[string]*entity.Entity) {
	t.Helper()
	res, err := ParseFiles(context.Background(), []string{"testdata/entities.ftm.json"}, opts)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*entity.Entity{}
	for _, e := range res.Entities {
		if err := e.Validate(); err != nil {
			t.Errorf("entity %s: %v", e.ID, err)
		}
		byID[e.ID] = e
	}
	return res, byID
}

func TestParseSchemata(t *testing.T) {
	res, byID := parseFixture(t)
	if res.List != "test-peps" || res.Format != Format {
		t.Errorf("list %q format %q", res.List, res.Format)
	}
	want := map[string]entity.Schema{"tp-p-minister": entity.Person, "tp-p-brother": entity.Person, "tp-p-partner": entity.Person,
		"tp-c-holding": entity.Company, "tp-o-party": entity.Organization, "tp-v-ship": entity.Vessel, "tp-a-jet": entity.Airplane}
	if len(byID) != len(want) {
		t.Errorf("got %d entities, want %d: the screened schemata only", len(byID), len(want))
	}
	for id, s := range want {
		e := byID[id]
		if e == nil {
			t.Errorf("%s missing", id)
			continue
		}
		if e.Schema != s || e.List != "test-peps" {
			t.Errorf("%s: schema %s list %s", id, e.Schema, e.List)
		}
	}
}

func TestParseAttached(t *testing.T) {
	_, byID := parseFixture(t)
	minister, holding, ship := byID["tp-p-minister"], byID["tp-c-holding"], byID["tp-v-ship"]
	rel := func(e *entity.Entity, typ, target string) bool {
		return slices.ContainsFunc(e.Relations, func(r entity.Relation) bool { return r.Type == typ && r.Target == target })
	}
	ident := func(e *entity.Entity, typ, value string) bool {
		return slices.ContainsFunc(e.Identifiers, func(x entity.Identifier) bool { return x.Type == typ && x.Value == value })
	}
	cases := []struct {
		name string
		ok   bool
	}{
		{"Address attached through addressEntity", len(minister.Addresses) == 1 && minister.Addresses[0].City == "Skopje"},
		{"Identification", ident(minister, entity.IDNational, "1204961455001")},
		{"Passport", ident(minister, entity.IDPassport, "A0123456")},
		{"Occupancy of a Position", slices.Contains(minister.Props["position"], "Minister of Finance (mk, 2019-01..2023-05, ended)")},
		{"Ownership, owner side", rel(minister, "owns", "tp-c-holding")},
		{"Ownership, asset side", rel(holding, "ownedBy", "tp-p-minister")},
		{"Directorship", rel(holding, "hasDirector", "tp-p-brother") && rel(byID["tp-p-brother"], "directorOf", "tp-c-holding")},
		{"Family", rel(minister, "familyOf", "tp-p-brother")},
		{"Associate", rel(minister, "associateOf", "tp-p-partner")},
		{"UnknownLink", rel(ship, "linkedTo", "tp-c-holding")},
		{"Sanction programme", slices.Equal(holding.Programs, []string{"Western Balkans"})},
		{"Sanction authority", slices.Contains(holding.Props["authority"], "Office of Foreign Assets Control")},
		{"Sanction start date", holding.ListingDate.String() == "2021-06-07"},
		{"CryptoWallet", ident(holding, entity.IDCrypto, "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh")},
		{"own identifiers", ident(ship, entity.IDIMO, "IMO 9123456")},
		{"topics", slices.Equal(minister.Topics, []string{"role.pep"}) && slices.Equal(holding.Topics, []string{"sanction"})},
		{"name parts", minister.Names[0].First == "Ivana" && minister.Names[0].Last == "Petrovska"},
		{"birth date", len(minister.BirthDates) == 1 && minister.BirthDates[0].From.String() == "1961-04-12"},
		{"raw keeps the attached records", minister.Raw.Format == "ftm" && strings.Contains(minister.Raw.Text, `"id":"occ-1"`) &&
			strings.Contains(minister.Raw.Text, `"id":"pos-1"`) && strings.Contains(minister.Raw.Text, `"favouriteColour"`)},
	}
	for _, c := range cases {
		if !c.ok {
			t.Errorf("%s: not attached", c.name)
		}
	}
}

func TestParseWarnings(t *testing.T) {
	res, _ := parseFixture(t)
	counts := map[string]int{}
	notImported := ""
	for _, w := range res.Warnings {
		if w.Message == MsgUnknownProperty {
			counts[w.Field] = w.Count
		}
		if strings.Contains(w.Message, "references no screened entity") {
			notImported = fmt.Sprintf("%s:%d", w.File, w.Line)
		}
	}
	if want := map[string]int{"favouriteColour": 2, "shoeSize": 1}; !mapsEqual(counts, want) {
		t.Errorf("unknown properties %v, want %v", counts, want)
	}
	if notImported != "testdata/entities.ftm.json:20" {
		t.Errorf("the Address attached to nothing is reported at %q, want line 20", notImported)
	}
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func writeLines(t *testing.T, lines []string, final string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "x.ftm.json")
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+final), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func person(i int) string {
	return fmt.Sprintf(`{"id":"p%d","schema":"Person","properties":{"name":["Person Number %d"]}}`, i, i)
}

func TestParseBadLines(t *testing.T) {
	people := func(n int) []string {
		var out []string
		for i := range n {
			out = append(out, person(i))
		}
		return out
	}
	small := people(10)
	small[4] = `{"id":"p4","schema":"Person","properties":{"name":"not a list"}}`
	big := people(2000)
	big[500] = `{"id":`
	big2 := slices.Clone(big)
	big2[900], big2[1500] = `nonsense`, `{"schema":"Person"}`
	cut := people(10)
	cut[9] = cut[9][:20]
	for _, c := range []struct {
		name    string
		lines   []string
		final   string
		wantErr error
		wantIn  string // in the error
		entries int
	}{
		{"one bad line of ten fails naming it", small, "\n", source.ErrMalformed, "x.ftm.json:5", 0},
		{"one bad line per thousand is tolerated", big, "\n", nil, "", 1999},
		{"three bad lines in two thousand fail", big2, "\n", source.ErrMalformed, "x.ftm.json:501", 0},
		{"the last line cut short", cut, "", source.ErrTruncated, "x.ftm.json:10", 0},
		{"a repeated id", append(people(3), person(1)), "\n", source.ErrMalformed, `"p1" again (first on line 2)`, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, err := ParseFiles(context.Background(), []string{writeLines(t, c.lines, c.final)}, opts)
			if c.wantErr == nil {
				if err != nil {
					t.Fatal(err)
				}
				if len(res.Entities) != c.entries {
					t.Errorf("%d entities, want %d", len(res.Entities), c.entries)
				}
				if !slices.ContainsFunc(res.Warnings, func(w entity.Warning) bool { return w.Line == 501 }) {
					t.Errorf("the skipped line is not in the warnings: %v", res.Warnings)
				}
				return
			}
			if !errors.Is(err, c.wantErr) || !strings.Contains(err.Error(), c.wantIn) {
				t.Errorf("error %v, want %v containing %q", err, c.wantErr, c.wantIn)
			}
		})
	}
}

func TestParseCompressed(t *testing.T) {
	data, err := os.ReadFile("testdata/entities.ftm.json")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(data)
	zw.Close()
	var zb bytes.Buffer
	arch := zip.NewWriter(&zb)
	w, _ := arch.Create("entities.ftm.json")
	w.Write(data)
	arch.Close()
	for name, content := range map[string][]byte{"e.ftm.json.gz": gz.Bytes(), "e.zip": zb.Bytes()} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, content, 0o644); err != nil {
			t.Fatal(err)
		}
		res, err := ParseFiles(context.Background(), []string{p}, opts)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(res.Entities) != 7 {
			t.Errorf("%s: %d entities, want 7", name, len(res.Entities))
		}
	}
}
