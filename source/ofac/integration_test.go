package ofac

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
	"github.com/vetoscreen/veto/source/sourcetest"
)

// sharedFolder returns every file of a snapshot folder, as `veto import
// ofac DIR` passes them.
func sharedFolder(t testing.TB, dir string) []string {
	t.Helper()
	return mustGlob(t, filepath.Join(sourcetest.SharedData(t, "ofac", dir), "*"))
}

func schemaCounts(r *source.Result) map[entity.Schema]int {
	n := map[entity.Schema]int{}
	for _, e := range r.Entities {
		n[e.Schema]++
	}
	return n
}

func checkCounts(t *testing.T, r *source.Result, total int, want map[entity.Schema]int) {
	t.Helper()
	if len(r.Entities) != total {
		t.Errorf("%d entities, want %d", len(r.Entities), total)
	}
	got := schemaCounts(r)
	for s, n := range want {
		if got[s] != n {
			t.Errorf("%d %s, want %d (all: %v)", got[s], s, n, got)
		}
	}
}

func checkNoWarnings(t *testing.T, r *source.Result) {
	t.Helper()
	for _, w := range r.Warnings {
		t.Errorf("warning %s:%d %s: %s (x%d)", w.File, w.Line, w.Field, w.Message, w.Count)
	}
}

// names returns an entity's names as "kind:full".
func names(e *entity.Entity) []string {
	var out []string
	for _, n := range e.Names {
		out = append(out, string(n.Kind)+":"+n.Full)
	}
	return out
}

func TestRealSDNCSV2024(t *testing.T) {
	rs := mustParse(t, sharedFolder(t, "sdn_csv_2024-05-03")...)
	r := rs[0]
	checkCounts(t, r, 14965, map[entity.Schema]int{entity.Organization: 6884, entity.Person: 6854, entity.Vessel: 851, entity.Airplane: 376})
	if len(r.Warnings) != 3 {
		t.Errorf("warnings %+v, want the three missing side files only", r.Warnings)
	}
	for _, w := range r.Warnings {
		if !strings.Contains(w.Message, "not given") {
			t.Errorf("unexpected warning %+v", w)
		}
	}
	e := sourcetest.Find(t, rs, "ofac-35233")
	if e.Schema != entity.Person || e.Caption() != "LAVROV, Sergei Viktorovich" || e.Names[0].Last != "LAVROV" || e.Names[0].First != "Sergei Viktorovich" {
		t.Errorf("ofac-35233: %s %+v", e.Schema, e.Names)
	}
	if len(e.BirthDates) != 1 || e.BirthDates[0].String() != "1950-03-21" {
		t.Errorf("ofac-35233 birth dates %v", e.BirthDates)
	}
	if !slices.Equal(e.Nationalities, []string{"ru"}) || !slices.Equal(e.Programs, []string{"RUSSIA-EO14024"}) || e.Gender != "male" {
		t.Errorf("ofac-35233 nationalities %v programs %v gender %q", e.Nationalities, e.Programs, e.Gender)
	}
	// Entity 306's weak alias from its remarks.
	if got := names(sourcetest.Find(t, rs, "ofac-306")); !slices.Contains(got, "weakAlias:BNC") {
		t.Errorf("ofac-306 names %v", got)
	}
}

func TestRealSDNCSV2021(t *testing.T) {
	rs := mustParse(t, sharedFolder(t, "sdn_csv_2021-07-07")...)
	r := rs[0]
	checkCounts(t, r, 8976, map[entity.Schema]int{entity.Person: 4620, entity.Organization: 3673, entity.Vessel: 406, entity.Airplane: 277})
	// This copy of sdn_comments.csv lacks OFAC's Ctrl-Z (PROVENANCE.md):
	// the one warning says so; the file is read.
	if len(r.Warnings) != 1 || !strings.HasSuffix(r.Warnings[0].File, "sdn_comments.csv") || !strings.Contains(r.Warnings[0].Message, "Ctrl-Z") {
		t.Errorf("warnings %+v, want one, that sdn_comments.csv lacks Ctrl-Z", r.Warnings)
	}
	if len(r.Files) != 4 {
		t.Errorf("files %v", r.Files)
	}
	e := sourcetest.Find(t, rs, "ofac-12735")
	want := []string{"name:AL-ASSAD, Bashar", "alias:AL-ASAD, Bashar", "alias:ASSAD, Bashar", "alias:AL ASSAD, Bashar Hafez"}
	if !slices.Equal(names(e), want) {
		t.Errorf("ofac-12735 names %v, want %v", names(e), want)
	}
	if len(e.BirthDates) != 1 || e.BirthDates[0].String() != "1965-09-11" || !slices.Equal(e.BirthPlaces, []string{"Damascus, Syria"}) {
		t.Errorf("ofac-12735 born %v in %v", e.BirthDates, e.BirthPlaces)
	}
	if !slices.Contains(e.Programs, "SYRIA") || !slices.Equal(e.Nationalities, []string{"sy"}) {
		t.Errorf("ofac-12735 programs %v nationalities %v", e.Programs, e.Nationalities)
	}
	// 28263's remarks are cut mid-word ("a.k.a. 'snowsjo") and continue
	// in sdn_comments.csv ("hn'; Linked To: LAZARUS GROUP.").
	e = sourcetest.Find(t, rs, "ofac-28263")
	if !slices.Contains(names(e), "weakAlias:snowsjohn") {
		t.Errorf("ofac-28263 names %v lack the alias joined across files", names(e))
	}
	if len(e.Relations) != 1 || e.Relations[0].Name != "LAZARUS GROUP" || e.Relations[0].Target == "" {
		t.Errorf("ofac-28263 relations %+v", e.Relations)
	}
	lazarus := sourcetest.Find(t, rs, e.Relations[0].Target)
	if lazarus.Caption() != "LAZARUS GROUP" {
		t.Errorf("relation target %s is %q", lazarus.ID, lazarus.Caption())
	}
	if n := strings.Count(e.Raw.Text, "\n"); n != 2 {
		t.Errorf("ofac-28263 raw has %d line breaks, want main, add and comments lines: %q", n, e.Raw.Text)
	}
}

func TestRealSDNCSVSideFilesOnly(t *testing.T) {
	pe := mustParseError(t, source.ErrFormat, sharedFolder(t, "sdn_csv_2025-12-24_partial")...)
	if !strings.Contains(pe.Error(), "main file sdn.csv is missing") {
		t.Errorf("error %q", pe)
	}
}

func TestRealConsCSV(t *testing.T) {
	rs := mustParse(t, sharedFolder(t, "non_sdn_csv_2025-12-19")...)
	r := rs[0]
	if r.List != listCons {
		t.Errorf("list %s", r.List)
	}
	checkCounts(t, r, 442, map[entity.Schema]int{entity.Organization: 363, entity.Person: 79})
	checkNoWarnings(t, r)
	e := sourcetest.Find(t, rs, "ofac-9639")
	if e.Caption() != "HANIYA, Ismail Abdul Salah" || e.BirthDates[0].String() != "1962" || !slices.Equal(e.BirthPlaces, []string{"Shati"}) {
		t.Errorf("ofac-9639 %v born %v in %v", names(e), e.BirthDates, e.BirthPlaces)
	}
}

func TestRealConsXML(t *testing.T) {
	rs := mustParse(t, sharedFolder(t, "non_sdn_xml_2026-01-08")...)
	r := rs[0]
	checkCounts(t, r, 442, map[entity.Schema]int{entity.Organization: 363, entity.Person: 79})
	checkNoWarnings(t, r)
	if !r.Published.Equal(time.Date(2026, 1, 8, 0, 0, 0, 0, time.UTC)) || r.PublishedFrom != "file" || r.List != listCons {
		t.Errorf("published %v from %q, list %s", r.Published, r.PublishedFrom, r.List)
	}
	e := sourcetest.Find(t, rs, "ofac-17013")
	var ids []string
	for _, id := range e.Identifiers {
		ids = append(ids, id.Type+"="+id.Value)
	}
	for _, want := range []string{"swiftBic=VTBRRUMM", "registrationNumber=1027739609391", "taxNumber=7702070139", "leiCode=253400V1H6ART1UQ0N98"} {
		if !slices.Contains(ids, want) {
			t.Errorf("ofac-17013 identifiers %v lack %s", ids, want)
		}
	}
}

func TestRealConsEnhanced(t *testing.T) {
	rs := mustParse(t, sharedFolder(t, "non_sdn_enhanced_xml_2025-01-10")...)
	r := rs[0]
	checkCounts(t, r, 443, map[entity.Schema]int{entity.Organization: 363, entity.Person: 80})
	checkNoWarnings(t, r)
	if !r.Published.Equal(time.Date(2025, 1, 10, 0, 0, 0, 0, time.UTC)) || r.List != listCons || r.Format != formatEnhanced {
		t.Errorf("published %v, list %s, format %s", r.Published, r.List, r.Format)
	}
	var dual, relations, birthDates int
	scripts := map[string]int{}
	ids := map[string]int{}
	for _, e := range r.Entities {
		if slices.Contains(e.Props["sanctionsLists"], "SDN List") {
			dual++
		}
		relations += len(e.Relations)
		birthDates += len(e.BirthDates)
		for _, id := range e.Identifiers {
			ids[id.Type]++
		}
		for _, n := range e.Names {
			scripts[n.Script]++
		}
	}
	if dual != 77 || relations != 283 {
		t.Errorf("%d on the SDN list too (want 77), %d relations (want 283)", dual, relations)
	}
	if scripts["Cyrl"] == 0 || scripts["Hans"] == 0 {
		t.Errorf("names by script %v", scripts)
	}
	// Features: 75 Birthdate and 30 Organization Established Date, 165
	// ISIN, 33 SWIFT/BIC; identity documents: 12 each under OGRN and INN.
	// Three features repeat a value of their entity (17016's establishment
	// date, 30926's and 30938's ISIN) and are kept once.
	if birthDates != 104 || ids["isin"] != 163 || ids["swiftBic"] != 33 || ids["ogrnCode"] != 12 || ids["innCode"] != 12 {
		t.Errorf("%d dates, identifiers by type %v", birthDates, ids)
	}
	e := sourcetest.Find(t, rs, "ofac-9639")
	if e.ListingDate.String() != "2006-04-12" || e.Names[0].Last != "HANIYA" {
		t.Errorf("ofac-9639 listed %s, names %+v", e.ListingDate, e.Names)
	}
}

// TestRealEnhancedMatchesXML checks one designation in the enhanced XML
// against the same uid in consolidated.xml: the same names, whatever the
// format.
func TestRealEnhancedMatchesXML(t *testing.T) {
	enh := sourcetest.Find(t, mustParse(t, sharedFolder(t, "non_sdn_enhanced_xml_2025-01-10")...), "ofac-17013")
	xml := sourcetest.Find(t, mustParse(t, sharedFolder(t, "non_sdn_xml_2026-01-08")...), "ofac-17013")
	var latin []string
	for _, n := range enh.Names {
		if n.Script == "Latn" {
			latin = append(latin, string(n.Kind)+":"+n.Full)
		}
	}
	if !slices.Equal(latin, names(xml)) {
		t.Errorf("enhanced names %v\nxml names %v", latin, names(xml))
	}
}
