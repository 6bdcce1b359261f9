package un_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
	"github.com/vetoscreen/veto/source/sourcetest"
	"github.com/vetoscreen/veto/source/un"
)

func TestGolden(t *testing.T) {
	for _, name := range []string{"consolidated", "quirks"} {
		t.Run(name, func(t *testing.T) {
			results, err := un.Parse(context.Background(), []string{filepath.Join("testdata", name+".xml")})
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range results {
				sourcetest.CheckResult(t, r)
			}
			sourcetest.Golden(t, name, results)
		})
	}
}

func TestFixture(t *testing.T) {
	results := mustParse(t, filepath.Join("testdata", "consolidated.xml"))
	r := results[0]
	if r.List != "un-sc" || r.Format != "un-xml" || r.PublishedFrom != "file" ||
		r.Published.Format("2006-01-02T15:04:05.000Z07:00") != "2026-03-01T00:00:05.123Z" {
		t.Errorf("result header = %s %s %v %s", r.List, r.Format, r.Published, r.PublishedFrom)
	}
	if len(r.Warnings) != 0 {
		t.Errorf("warnings: %+v", r.Warnings)
	}

	e := sourcetest.Find(t, results, "un-QDi.901")
	wantNames := []entity.Name{
		{Full: "IBRAHIM AWWAD IBRAHIM AL-BADRI", Kind: entity.Primary},
		{Full: "إبراهيم عواد إبراهيم البدري", Kind: entity.Alias, Script: "Arab"},
		{Full: "Ibrahim Awad Ibrahim al-Samarrai", Kind: entity.Alias},
		{Full: "Dr. Ibrahim", Kind: entity.Alias},
		{Full: "أبو دعاء", Kind: entity.WeakAlias, Script: "Arab"},
		{Full: "Abu Bakr", Kind: entity.WeakAlias},
	}
	if !slices.Equal(e.Names, wantNames) {
		t.Errorf("names = %+v", e.Names)
	}
	wantDates := []string{"1971-07-28", "~1970", "~1968..1972", "1969-11", "1967-08..1967-09", "1972-01-01"}
	if got := dateStrings(e.BirthDates); !slices.Equal(got, wantDates) {
		t.Errorf("birth dates = %v, want %v", got, wantDates)
	}
	if e.ListingDate.String() != "2011-10-05" {
		t.Errorf("listing date = %v (time zone suffix not dropped?)", e.ListingDate)
	}
	if !slices.Equal(e.Nationalities, []string{"iq"}) {
		t.Errorf("nationalities = %v", e.Nationalities)
	}
	wantIDs := []entity.Identifier{
		{Type: entity.IDPassport, Value: "A1234567", Country: "iq", Label: "Passport",
			Note: "issued 2010-03-15; issued in Amman, Jordan; expired on 14 Mar. 2015"},
		{Type: entity.IDTax, Value: "BDRBRH71L28Z224X", Label: "Italian Fiscal Code"},
		{Type: entity.IDNational, Value: "0012345", Country: "iq", Label: "Ration card no."},
		{Type: entity.IDPassport, Value: "A1234567", Country: "iq", Label: "Número de pasaporte"},
	}
	if !slices.Equal(e.Identifiers, wantIDs) {
		t.Errorf("identifiers = %+v", e.Identifiers)
	}
	if !hasNote(e, "Passport: Iraqi passport number B 7654321") {
		t.Errorf("document without number not in notes: %q", e.Notes)
	}
	if !hasNote(e, "Date of birth (Hijri calendar): 12/05/1391") {
		t.Errorf("Hijri date not in notes: %q", e.Notes)
	}
	if got := e.Props["position"]; !slices.Equal(got, []string{"a) Leader of the group until 2019", "Preacher"}) {
		t.Errorf("position = %q", got)
	}
	if !slices.Equal(e.Relations, []entity.Relation{{Type: "linkedTo", Target: "un-QDe.915"}}) {
		t.Errorf("relations = %+v", e.Relations)
	}

	f := sourcetest.Find(t, results, "un-QDi.902")
	if f.Gender != "female" || !slices.Equal(f.Nationalities, []string{"ba"}) || f.Names[1].Script != "Cyrl" {
		t.Errorf("QDi.902 = gender %q, nationalities %v, names %+v", f.Gender, f.Nationalities, f.Names)
	}
	if got := dateStrings(f.BirthDates); !slices.Equal(got, []string{"1985-09"}) {
		t.Errorf("QDi.902 birth dates = %v", got)
	}

	o := sourcetest.Find(t, results, "un-KPe.915")
	if o.Schema != entity.Organization || o.Names[1].Script != "Hang" || o.Names[3].Script != "Hani" ||
		o.Names[4] != (entity.Name{Full: "Korea Sample Trading Company", Kind: entity.Previous}) {
		t.Errorf("KPe.915 = %s %+v", o.Schema, o.Names)
	}
	q := sourcetest.Find(t, results, "un-QDe.915")
	if len(q.Addresses) != 1 || !strings.HasPrefix(q.Addresses[0].Full, "Office Example") {
		t.Errorf("address from NOTE = %+v", q.Addresses)
	}
}

func TestQuirksWarnings(t *testing.T) {
	results := mustParse(t, filepath.Join("testdata", "quirks.xml"))
	var got []string
	for _, w := range results[0].Warnings {
		got = append(got, w.Field+": "+w.Message)
	}
	want := []string{
		`CONSOLIDATED_LIST@edition: unknown attribute, not read`,
		`INDIVIDUAL/LIST_TYPE/VALUE: unknown list type "Other List"`,
		`INDIVIDUAL/INDIVIDUAL_ALIAS/QUALITY: unknown alias quality "Medium", mapped to alias`,
		`INDIVIDUAL/INDIVIDUAL_ALIAS/ALIAS_NAME: alias details without a name, not mapped`,
		`INDIVIDUAL/GENDER: unknown gender "Unknown"`,
		`INDIVIDUAL/NATIONALITY/VALUE: unknown country "Atlantis"`,
		`INDIVIDUAL/INDIVIDUAL_DATE_OF_BIRTH/NOTE: unreadable date of birth, kept in notes`,
		`INDIVIDUAL/INDIVIDUAL_DATE_OF_BIRTH/TYPE_OF_DATE: unknown type of date "ROUGHLY"`,
		`INDIVIDUAL/INDIVIDUAL_DATE_OF_BIRTH/YEAR: unreadable year of birth, kept in notes`,
		`INDIVIDUAL/INDIVIDUAL_DATE_OF_BIRTH/DATE: unreadable date of birth, kept in notes`,
		`INDIVIDUAL/INDIVIDUAL_DATE_OF_BIRTH/NOTE: date of birth only in the Hijri calendar, kept in notes`,
		`INDIVIDUAL/INDIVIDUAL_DOCUMENT/EXPIRY_DATE: unknown element, not mapped`,
		`INDIVIDUAL/INDIVIDUAL_DOCUMENT/TYPE_OF_DOCUMENT: unknown document type "Seaman's book", mapped to idNumber`,
		`INDIVIDUAL/INDIVIDUAL_DOCUMENT/ISSUING_COUNTRY: unknown country "Atlantis"`,
		`INDIVIDUAL/EYE_COLOUR: unknown element, not mapped`,
		`ENTITY/ENTITY_ADDRESS/COUNTRY: unknown country "Atlantis"`,
		`ENTITY@status: unknown attribute, not mapped`,
		`CONSOLIDATED_LIST/VESSELS: unknown element, not read`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestErrors(t *testing.T) {
	fixture, err := os.ReadFile(filepath.Join("testdata", "consolidated.xml"))
	if err != nil {
		t.Fatal(err)
	}
	const head = `<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2026-03-01T00:00:05.123Z">
  <INDIVIDUALS>
`
	const tail = "  </INDIVIDUALS>\n</CONSOLIDATED_LIST>\n"
	person := func(ref, name string) string {
		return "    <INDIVIDUAL><REFERENCE_NUMBER>" + ref + "</REFERENCE_NUMBER><FIRST_NAME>" + name + "</FIRST_NAME></INDIVIDUAL>\n"
	}
	tests := []struct {
		name     string
		input    string
		sentinel error
		line     int
	}{
		{"Truncated", string(fixture[:len(fixture)/2]), source.ErrTruncated, 0},
		{"MalformedXML", head + "    <INDIVIDUAL><FIRST_NAME>X</INDIVIDUAL>\n" + tail, source.ErrMalformed, 4},
		{"NoReferenceNumber", head + person("QDi.001", "A") + person(" ", "B") + tail, source.ErrMalformed, 5},
		{"NoName", head + person("QDi.001", "  ") + tail, source.ErrMalformed, 4},
		{"DuplicateReference", head + person("QDi.001", "A") + person("QDi.001", "B") + tail, source.ErrMalformed, 5},
		{"Empty", head + tail, source.ErrEmpty, 0},
		{"EmptyFile", "", source.ErrFormat, 0},
		{"NotXML", "REFERENCE_NUMBER,NAME\nQDi.001,A\n", source.ErrFormat, 0},
		{"OtherPublisher", `<export xmlns="http://eu.europa.ec/fpi/fsd/export"><sanctionEntity logicalId="1"/></export>`, source.ErrFormat, 0},
		{"Namespaced", `<CONSOLIDATED_LIST xmlns="urn:other"><INDIVIDUALS/></CONSOLIDATED_LIST>`, source.ErrFormat, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "un_consolidated.xml")
			if err := os.WriteFile(path, []byte(tt.input), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := un.Parse(context.Background(), []string{path})
			if err == nil {
				t.Fatal("no error")
			}
			sourcetest.CheckParseError(t, err)
			if !errors.Is(err, tt.sentinel) {
				t.Errorf("error %v does not wrap %v", err, tt.sentinel)
			}
			if !strings.Contains(err.Error(), path) {
				t.Errorf("error %q does not name the file", err)
			}
			var pe *source.ParseError
			if errors.As(err, &pe) && tt.line > 0 && pe.Line != tt.line {
				t.Errorf("line = %d, want %d (%v)", pe.Line, tt.line, err)
			}
		})
	}
}

func TestSeveralFiles(t *testing.T) {
	results := mustParse(t, filepath.Join("testdata", "consolidated.xml"), filepath.Join("testdata", "quirks.xml"))
	if len(results) != 2 || results[0].Files[0] != filepath.Join("testdata", "consolidated.xml") || len(results[1].Entities) != 2 {
		t.Errorf("results = %d", len(results))
	}
}

func mustParse(t testing.TB, paths ...string) []*source.Result {
	t.Helper()
	results, err := un.Parse(context.Background(), paths)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		sourcetest.CheckResult(t, r)
	}
	return results
}

func dateStrings(ds []entity.DateRange) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.String())
	}
	return out
}

func hasNote(e *entity.Entity, prefix string) bool {
	for _, n := range e.Notes {
		if strings.HasPrefix(n, prefix) {
			return true
		}
	}
	return false
}
