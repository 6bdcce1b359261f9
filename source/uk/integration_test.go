package uk

import (
	"os"
	"slices"
	"testing"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
	"github.com/vetoscreen/veto/source/sourcetest"
)

// The real snapshots in the shared data folder; see its PROVENANCE.md.
var (
	fcdoExcerpt = []string{"uk", "fcdo_xml_excerpt_2026-09-10", "sample_uk_sanctions.xml"}
	conList2025 = []string{"uk", "ofsi_conlist_2025-04-14", "ConList.xlsx"}
	conList2023 = []string{"uk", "ofsi_conlist_2023-06-05", "ConList.xlsx"}
)

// TestFCDOExcerpt checks facts of the five real FCDO designations.
func TestFCDOExcerpt(t *testing.T) {
	res := mustParse(t, sourcetest.SharedData(t, fcdoExcerpt...))
	r := res[0]
	sourcetest.CheckResult(t, r)
	checkSummary(t, r, listFCDO, formatFCDO, "2026-09-10", map[entity.Schema]int{
		entity.Person: 2, entity.Organization: 2, entity.Vessel: 1,
	})

	e := sourcetest.Find(t, res, "uk-AFG0001")
	checkNames(t, e, []entity.Name{
		{Full: "HAJI KHAIRULLAH MONEY EXCHANGE", Kind: entity.Primary},
		{Full: "Haji Alim Hawala", Kind: entity.Alias},
		{Full: "حاجی خيرالله صرافی", Kind: entity.Alias, Script: "Arab"},
	})
	checkRelations(t, e, "uk-ofsi-12703", "un-TAe.010")
	if e.ListingDate.String() != "2012-06-29" || len(e.Addresses) != 2 || e.Addresses[1].Country != "ae" {
		t.Errorf("AFG0001 listing %s, addresses %+v", e.ListingDate, e.Addresses)
	}
	checkProp(t, e, "email", "helmand_exchange_msp@yahoo.com")
	checkProp(t, e, "phone", "0202-104748")

	e = sourcetest.Find(t, res, "uk-AFG0006")
	checkDates(t, e, "1958-05-12", "1945", "1946")
	if !slices.Equal(e.Nationalities, []string{"af"}) || e.Gender != "male" {
		t.Errorf("AFG0006 nationalities %v, gender %q", e.Nationalities, e.Gender)
	}
	checkIdentifier(t, e, entity.IDPassport, "P04581926", "af")
	checkIdentifier(t, e, entity.IDNational, "2132370", "af")
	checkProp(t, e, "title", "Mullah", "Haji")
	checkProp(t, e, "sanctions", "AssetFreeze", "TravelBan")
	checkProp(t, e, "authority", "UK", "UN")

	e = sourcetest.Find(t, res, "uk-BEL0107")
	checkNames(t, e, []entity.Name{
		{Full: "BNK (UK) Ltd", Kind: entity.Primary},
		{Full: "BNK UK Limited", Kind: entity.Alias},
		{Full: "BNK", Kind: entity.WeakAlias},
	})
	checkIdentifier(t, e, entity.IDRegistration, "UK Company no. 06527449", "")

	e = sourcetest.Find(t, res, "uk-DPR0075")
	if e.Schema != entity.Vessel {
		t.Errorf("DPR0075 schema %s", e.Schema)
	}
	checkIdentifier(t, e, entity.IDIMO, "IMO9562233", "")
	checkProp(t, e, "flag", "km")
	checkProp(t, e, "pastFlags", "in")
	checkProp(t, e, "vesselType", "Bulk Carrier")

	e = sourcetest.Find(t, res, "uk-AQD0195")
	checkNames(t, e, []entity.Name{{Full: "Fadhil Harun", Kind: entity.Primary, First: "Fadhil", Middle: "Harun"}})
	checkDates(t, e, "1972")
	if !slices.Equal(e.Nationalities, []string{"km"}) || !slices.Equal(e.BirthPlaces, []string{"Moroni, Comoros"}) {
		t.Errorf("AQD0195 nationalities %v, birth places %v", e.Nationalities, e.BirthPlaces)
	}
}

// TestConList2025 checks the OFSI Consolidated List of 14 April 2025.
func TestConList2025(t *testing.T) {
	res := mustParse(t, sourcetest.SharedData(t, conList2025...))
	r := res[0]
	sourcetest.CheckResult(t, r)
	checkSummary(t, r, listOFSI, formatOFSIXLSX, "2025-04-14", map[entity.Schema]int{
		entity.Person: 3663, entity.Organization: 1010, entity.Vessel: 15,
	})
	checkProgramCount(t, r, 31)
	checkConListCommon(t, res)

	// Roman ABRAMOVICH: three nationalities and two passports, each
	// paired with the country its numbered detail names.
	e := sourcetest.Find(t, res, "uk-ofsi-14212")
	if e.Names[0].Full != "Roman Arkadyevich ABRAMOVICH" || !slices.Equal(e.Nationalities, []string{"ru", "il", "pt"}) {
		t.Errorf("14212: %s, nationalities %v", e.Names[0].Full, e.Nationalities)
	}
	checkIdentifier(t, e, entity.IDPassport, "CB982788", "pt")
	checkIdentifier(t, e, entity.IDPassport, "24132276", "il")
	checkRelations(t, e, "uk-RUS0270")

	// The ship SAM JONG 2: its IMO number and flags are only in Other
	// Information.
	e = sourcetest.Find(t, res, "uk-ofsi-13651")
	if e.Schema != entity.Vessel || e.Names[0].Full != "SAM JONG 2" {
		t.Errorf("13651: %s %q", e.Schema, e.Names[0].Full)
	}
	checkIdentifier(t, e, entity.IDIMO, "7408873", "")
	checkProp(t, e, "flag", "kp")
	checkProp(t, e, "pastFlags", "ru")
	checkDates(t, e, "1975")

	// Groups giving their UN reference where the UK one belongs.
	checkRelations(t, sourcetest.Find(t, res, "uk-ofsi-16681"), "un-SDi.005")

	// The FCDO list and the OFSI list point at each other.
	fcdo := mustParse(t, sourcetest.SharedData(t, fcdoExcerpt...))
	f, o := sourcetest.Find(t, fcdo, "uk-AFG0006"), sourcetest.Find(t, res, "uk-ofsi-7172")
	checkRelations(t, f, "uk-ofsi-7172")
	checkRelations(t, o, "uk-AFG0006")
	if f.Names[0].Full != o.Names[0].Full {
		t.Errorf("primary names differ: %q and %q", f.Names[0].Full, o.Names[0].Full)
	}
}

// TestConList2023 checks the OFSI Consolidated List of 5 June 2023.
func TestConList2023(t *testing.T) {
	res := mustParse(t, sourcetest.SharedData(t, conList2023...))
	r := res[0]
	sourcetest.CheckResult(t, r)
	checkSummary(t, r, listOFSI, formatOFSIXLSX, "2023-06-05", map[entity.Schema]int{
		entity.Person: 3231, entity.Organization: 747, entity.Vessel: 15,
	})
	checkProgramCount(t, r, 31)
	checkConListCommon(t, res)
}

// checkConListCommon checks designations present in both snapshots.
func checkConListCommon(t *testing.T, res []*source.Result) {
	t.Helper()
	// Sergei LAVROV: the Cyrillic name is on the primary name's row.
	e := sourcetest.Find(t, res, "uk-ofsi-14197")
	if e.Schema != entity.Person || e.Names[0] != (entity.Name{Full: "Sergei Viktorovich LAVROV", Kind: entity.Primary, First: "Sergei", Middle: "Viktorovich", Last: "LAVROV"}) {
		t.Errorf("14197: %s %+v", e.Schema, e.Names[0])
	}
	if !hasName(e, entity.Name{Full: "Сергей Викторович Лавров", Kind: entity.Alias, Script: "Cyrl"}) {
		t.Errorf("14197 names %+v lack the Cyrillic alias", e.Names)
	}
	checkDates(t, e, "1950-03-21")
	if !slices.Equal(e.Nationalities, []string{"ru"}) || e.Gender != "male" || e.ListingDate.String() != "2022-02-25" {
		t.Errorf("14197: nationalities %v, gender %q, listed %s", e.Nationalities, e.Gender, e.ListingDate)
	}
	checkRelations(t, e, "uk-RUS0252")
	checkProp(t, e, "position", "Foreign Minister of the Russian Federation")

	// Mohammad Hassan AKHUND: one date of birth per row, ten of them.
	e = sourcetest.Find(t, res, "uk-ofsi-7172")
	checkDates(t, e, "1958", "1945", "1946", "1947", "1948", "1949", "1950", "1955", "1956", "1957")
	checkRelations(t, e, "uk-AFG0006", "un-TAi.002")
	checkProp(t, e, "title", "Mullah", "Haji")
	if !hasName(e, entity.Name{Full: "محمد حسن آخوند", Kind: entity.Alias, Script: "Arab"}) {
		t.Errorf("7172 names %+v lack the Arabic alias", e.Names)
	}

	// Alexander LUKASHENKO has two names typed "Primary name"; the first
	// in the file is the primary name, the other an alias.
	e = sourcetest.Find(t, res, "uk-ofsi-13918")
	if e.Names[0].Kind != entity.Primary || e.Names[0].Full != "Alexander Ryhorovich LUKASHENKO" {
		t.Errorf("13918 primary %+v", e.Names[0])
	}
	if !hasName(e, entity.Name{Full: "Alexander Grigorievich LUKASHENKO", Kind: entity.Alias, First: "Alexander", Middle: "Grigorievich", Last: "LUKASHENKO"}) {
		t.Errorf("13918 names %+v", e.Names)
	}
	for _, n := range e.Names[1:] {
		if n.Kind == entity.Primary {
			t.Errorf("13918 has a second primary name %q", n.Full)
		}
	}
	checkRelations(t, e, "uk-BEL0045", "uk-GHR0050")
	checkProp(t, e, "position", "President of Belarus")
}

func checkSummary(t *testing.T, r *source.Result, list, format, published string, schemas map[entity.Schema]int) {
	t.Helper()
	if r.List != list || r.Format != format {
		t.Errorf("list %s format %s, want %s %s", r.List, r.Format, list, format)
	}
	if got := r.Published.Format(time.DateOnly); got != published || r.PublishedFrom != "file" {
		t.Errorf("published %s (%s), want %s (file)", got, r.PublishedFrom, published)
	}
	got := make(map[entity.Schema]int)
	for _, e := range r.Entities {
		got[e.Schema]++
	}
	for s, n := range schemas {
		if got[s] != n {
			t.Errorf("%d %s, want %d", got[s], s, n)
		}
	}
	total := 0
	for _, n := range schemas {
		total += n
	}
	if len(r.Entities) != total {
		t.Errorf("%d entities, want %d", len(r.Entities), total)
	}
	if len(r.Warnings) != 0 {
		t.Errorf("%d warnings: %+v", len(r.Warnings), r.Warnings)
	}
}

func checkProgramCount(t *testing.T, r *source.Result, want int) {
	t.Helper()
	seen := make(map[string]bool)
	for _, e := range r.Entities {
		for _, p := range e.Programs {
			seen[p] = true
		}
	}
	if len(seen) != want {
		t.Errorf("%d regimes, want %d", len(seen), want)
	}
}

func checkNames(t *testing.T, e *entity.Entity, want []entity.Name) {
	t.Helper()
	if !slices.Equal(e.Names, want) {
		t.Errorf("%s names\n got %+v\nwant %+v", e.ID, e.Names, want)
	}
}

func hasName(e *entity.Entity, n entity.Name) bool {
	return slices.Contains(e.Names, n)
}

func checkDates(t *testing.T, e *entity.Entity, want ...string) {
	t.Helper()
	var got []string
	for _, d := range e.BirthDates {
		got = append(got, d.String())
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s dates %v, want %v", e.ID, got, want)
	}
}

func checkRelations(t *testing.T, e *entity.Entity, targets ...string) {
	t.Helper()
	for _, target := range targets {
		if !hasRelation(e.Relations, "sameAs", target) {
			t.Errorf("%s relations %+v lack sameAs %s", e.ID, e.Relations, target)
		}
	}
}

func checkIdentifier(t *testing.T, e *entity.Entity, typ, value, country string) {
	t.Helper()
	for _, id := range e.Identifiers {
		if id.Type == typ && id.Value == value {
			if id.Country != country {
				t.Errorf("%s %s %s: country %q, want %q", e.ID, typ, value, id.Country, country)
			}
			return
		}
	}
	t.Errorf("%s has no %s %s: %+v", e.ID, typ, value, e.Identifiers)
}

func checkProp(t *testing.T, e *entity.Entity, prop string, want ...string) {
	t.Helper()
	if got := e.Props[prop]; !slices.Equal(got, want) {
		t.Errorf("%s %s = %v, want %v", e.ID, prop, got, want)
	}
}

// BenchmarkParseFCDOExcerpt reads the real FCDO excerpt.
func BenchmarkParseFCDOExcerpt(b *testing.B) { benchmarkParse(b, fcdoExcerpt) }

// BenchmarkParseConList2025XLSX reads the April 2025 Consolidated List.
func BenchmarkParseConList2025XLSX(b *testing.B) { benchmarkParse(b, conList2025) }

// BenchmarkParseConList2023XLSX reads the June 2023 Consolidated List.
func BenchmarkParseConList2023XLSX(b *testing.B) { benchmarkParse(b, conList2023) }

func benchmarkParse(b *testing.B, rel []string) {
	path := sourcetest.SharedData(b, rel...)
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Size())
	b.ReportAllocs()
	for b.Loop() {
		mustParse(b, path)
	}
}
