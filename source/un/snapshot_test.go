package un_test

import (
	"context"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source/sourcetest"
	"github.com/vetoscreen/veto/source/un"
)

// The facts below were checked by hand in the snapshot files.

func TestSnapshot2026(t *testing.T) {
	path := sourcetest.SharedData(t, "un", "2026-02-27", "consolidated.xml")
	results := mustParse(t, path)
	r := results[0]
	if want := time.Date(2026, 2, 27, 0, 0, 9, 554e6, time.UTC); !r.Published.Equal(want) || r.PublishedFrom != "file" {
		t.Errorf("published = %v from %q, want %v", r.Published, r.PublishedFrom, want)
	}
	checkCounts(t, r.Entities, map[entity.Schema]int{entity.Person: 730, entity.Organization: 273})
	kinds := nameKinds(r.Entities)
	// 615 aliases of QUALITY "Low", 19 of "f.k.a.", none repeated.
	if kinds[entity.WeakAlias] != 615 || kinds[entity.Previous] != 19 || kinds[entity.Primary] != 1003 {
		t.Errorf("name kinds = %v", kinds)
	}
	// The one date of birth that is not a date: "30-35 years old".
	if len(r.Warnings) != 1 || r.Warnings[0].Field != "INDIVIDUAL/INDIVIDUAL_DATE_OF_BIRTH/NOTE" {
		t.Errorf("warnings = %+v", r.Warnings)
	}
	lyi := sourcetest.Find(t, results, "un-LYi.022")
	if len(lyi.BirthDates) != 0 || !hasNote(lyi, "Date of birth: 30-35 years old") {
		t.Errorf("LYi.022 = %v %q", lyi.BirthDates, lyi.Notes)
	}

	e := sourcetest.Find(t, results, "un-QDi.430")
	wantNames := []entity.Name{{Full: "EMRAAN ALI", Kind: entity.Primary}, {Full: "Abu Jihad TNT", Kind: entity.WeakAlias}}
	if !slices.Equal(e.Names, wantNames) {
		t.Errorf("QDi.430 names = %+v", e.Names)
	}
	if got := dateStrings(e.BirthDates); !slices.Equal(got, []string{"1967-07-04"}) {
		t.Errorf("QDi.430 birth dates = %v", got)
	}
	if !slices.Equal(e.Nationalities, []string{"tt", "us"}) || !slices.Equal(e.BirthPlaces, []string{"Rio Claro, Trinidad and Tobago"}) {
		t.Errorf("QDi.430 nationalities %v, birth places %q", e.Nationalities, e.BirthPlaces)
	}
	wantPassport := entity.Identifier{Type: entity.IDPassport, Value: "TB162181", Country: "tt", Label: "Passport",
		Note: "issued on 27 January 2015, expired 26 January 2020"}
	if len(e.Identifiers) != 3 || e.Identifiers[0] != wantPassport || e.Identifiers[2].Type != entity.IDNational || e.Identifiers[2].Value != "19670704052" {
		t.Errorf("QDi.430 identifiers = %+v", e.Identifiers)
	}
	if !slices.Equal(e.Programs, []string{"Al-Qaida"}) || e.ListingDate.String() != "2021-11-23" ||
		!slices.Equal(e.Relations, []entity.Relation{{Type: "linkedTo", Target: "un-QDe.115"}}) {
		t.Errorf("QDi.430 listing = %v %v %v", e.Programs, e.ListingDate, e.Relations)
	}

	// BETWEEN with the note "Approximately".
	if got := dateStrings(sourcetest.Find(t, results, "un-TAi.002").BirthDates); !slices.Equal(got, []string{"~1955..1958", "~1945..1950"}) {
		t.Errorf("TAi.002 birth dates = %v", got)
	}
	// Gregorian dates kept, the Hijri one ("24/06/1402") in the notes.
	asiri := sourcetest.Find(t, results, "un-QDi.291")
	if got := dateStrings(asiri.BirthDates); !slices.Equal(got, []string{"1982-04-19", "1982-04-18"}) || !hasNote(asiri, "Date of birth (Hijri calendar): 24/06/1402") {
		t.Errorf("QDi.291 birth dates = %v, notes %q", got, asiri.Notes)
	}
	// The date is only in the NOTE: "Nov. 1973"; "Between Aug. and Sep. 1977".
	if got := dateStrings(sourcetest.Find(t, results, "un-CDi.004").BirthDates); !slices.Equal(got, []string{"1973-11"}) {
		t.Errorf("CDi.004 birth dates = %v", got)
	}
	if got := dateStrings(sourcetest.Find(t, results, "un-QDi.306").BirthDates); !slices.Equal(got, []string{"1977-08..1977-09", "1976"}) {
		t.Errorf("QDi.306 birth dates = %v", got)
	}
	// Written with "and", where CLDR has "&".
	if got := sourcetest.Find(t, results, "un-QDi.374").Nationalities; !slices.Equal(got, []string{"ba"}) {
		t.Errorf("QDi.374 nationalities = %v, want Bosnia and Herzegovina", got)
	}
	// f.k.a. of an entity; an Italian fiscal code is a tax number.
	if n := sourcetest.Find(t, results, "un-QDe.004").Names; n[len(n)-1] != (entity.Name{Full: "Al Qa’ida/Islamic Army", Kind: entity.Alias}) {
		t.Errorf("QDe.004 last name = %+v", n[len(n)-1])
	}
	bns := sourcetest.Find(t, results, "un-QDi.068")
	if !slices.ContainsFunc(bns.Identifiers, func(id entity.Identifier) bool {
		return id.Type == entity.IDTax && id.Value == "BNSDLA70L14Z352B" && id.Label == "Italian Fiscal Code"
	}) {
		t.Errorf("QDi.068 identifiers = %+v", bns.Identifiers)
	}
}

func TestSnapshot2025(t *testing.T) {
	path := sourcetest.SharedData(t, "un", "2025-04-19", "consolidated.xml")
	results := mustParse(t, path)
	r := results[0]
	if want := time.Date(2025, 4, 19, 23, 0, 4, 625e6, time.UTC); !r.Published.Equal(want) {
		t.Errorf("published = %v, want %v", r.Published, want)
	}
	checkCounts(t, r.Entities, map[entity.Schema]int{entity.Person: 684, entity.Organization: 193})
	if len(r.Warnings) != 1 {
		t.Errorf("warnings = %+v", r.Warnings)
	}
	e := sourcetest.Find(t, results, "un-TAi.005")
	wantNames := []entity.Name{
		{Full: "MUHAMMAD TAHER ANWARI", Kind: entity.Primary},
		{Full: "محمد طاهر أنوري", Kind: entity.Alias, Script: "Arab"},
		{Full: "Mohammad Taher Anwari", Kind: entity.Alias},
		{Full: "Muhammad Tahir Anwari", Kind: entity.Alias},
		{Full: "Mohammad Tahre Anwari", Kind: entity.Alias},
		{Full: "Haji Mudir", Kind: entity.WeakAlias},
	}
	if !slices.Equal(e.Names, wantNames) {
		t.Errorf("TAi.005 names = %+v", e.Names)
	}
	if got := dateStrings(e.BirthDates); !slices.Equal(got, []string{"~1961"}) {
		t.Errorf("TAi.005 birth dates = %v", got)
	}
	if !slices.Equal(e.BirthPlaces, []string{"Zurmat District, Paktia Province, Afghanistan"}) ||
		!slices.Equal(e.Props["title"], []string{"Mullah"}) ||
		!slices.Equal(e.Props["position"], []string{"a) Director of Administrative Affairs under the Taliban regime", "Minister of Finance under the Taliban regime"}) {
		t.Errorf("TAi.005 = %q %v", e.BirthPlaces, e.Props)
	}
}

func BenchmarkParse2026(b *testing.B) { benchmarkParse(b, "2026-02-27") }
func BenchmarkParse2025(b *testing.B) { benchmarkParse(b, "2025-04-19") }

func benchmarkParse(b *testing.B, dir string) {
	path := sourcetest.SharedData(b, "un", dir, "consolidated.xml")
	b.SetBytes(fileSize(b, path))
	for b.Loop() {
		if _, err := un.Parse(context.Background(), []string{path}); err != nil {
			b.Fatal(err)
		}
	}
}

func checkCounts(t *testing.T, es []*entity.Entity, want map[entity.Schema]int) {
	t.Helper()
	got := make(map[entity.Schema]int)
	for _, e := range es {
		got[e.Schema]++
	}
	for s, n := range want {
		if got[s] != n {
			t.Errorf("%s: %d entities, want %d", s, got[s], n)
		}
	}
	if len(got) != len(want) {
		t.Errorf("schemata = %v, want %v", got, want)
	}
}

func nameKinds(es []*entity.Entity) map[entity.NameKind]int {
	out := make(map[entity.NameKind]int)
	for _, e := range es {
		for _, n := range e.Names {
			out[n.Kind]++
		}
	}
	return out
}

func fileSize(tb testing.TB, path string) int64 {
	tb.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		tb.Fatal(err)
	}
	return fi.Size()
}
