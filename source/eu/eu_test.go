package eu_test

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
	"github.com/vetoscreen/veto/source/eu"
	"github.com/vetoscreen/veto/source/sourcetest"
)

func TestGolden(t *testing.T) {
	for _, name := range []string{"eu_fsf", "quirks"} {
		t.Run(name, func(t *testing.T) {
			results := mustParse(t, filepath.Join("testdata", name+".xml"))
			sourcetest.Golden(t, name, results)
		})
	}
}

func TestFixture(t *testing.T) {
	results := mustParse(t, filepath.Join("testdata", "eu_fsf.xml"))
	r := results[0]
	if r.List != "eu-fsf" || r.Format != "eu-xml" || r.PublishedFrom != "file" ||
		r.Published.UTC().Format("2006-01-02T15:04:05.000Z") != "2026-03-02T17:00:00.125Z" {
		t.Errorf("result header = %s %s %v %s", r.List, r.Format, r.Published, r.PublishedFrom)
	}
	if len(r.Warnings) != 0 {
		t.Errorf("warnings: %+v", r.Warnings)
	}

	p := sourcetest.Find(t, results, "eu-900101")
	wantNames := []entity.Name{
		{Full: "Sergey Viktorovich LAVROV", Kind: entity.Primary, First: "Sergey", Middle: "Viktorovich", Last: "LAVROV"},
		{Full: "Сергей Викторович ЛАВРОВ", Kind: entity.Alias, First: "Сергей", Middle: "Викторович", Last: "ЛАВРОВ", Lang: "ru", Script: "Cyrl"},
		{Full: "Sergei Lavrov", Kind: entity.WeakAlias, Lang: "en"},          // strong="false"
		{Full: "Lavrov S.V.", Kind: entity.WeakAlias, Lang: "en"},            // "Low quality alias"
		{Full: "Serguéi Víktorovich Lavrov", Kind: entity.Alias, Lang: "es"}, // "good quality alias"
	}
	if !slices.Equal(p.Names, wantNames) {
		t.Errorf("names = %+v", p.Names)
	}
	if p.Schema != entity.Person || p.Gender != "male" || !slices.Equal(p.Citizenships, []string{"ru"}) ||
		!slices.Equal(p.BirthPlaces, []string{"Moscow, RUSSIAN FEDERATION"}) || len(p.Notes) != 0 {
		t.Errorf("LAVROV = %s %s %v %q %q", p.Schema, p.Gender, p.Citizenships, p.BirthPlaces, p.Notes)
	}
	wantIDs := []entity.Identifier{
		{Type: entity.IDPassport, Value: "200000001", Country: "ru", Label: "Diplomatic passport",
			Note: "diplomatic; issued 2019-05-20; valid to 2029-05-20; issued by Ministry of Foreign Affairs; issued in Moscow; name on document: LAVROV SERGEY"},
		{Type: entity.IDNational, Value: "АБ 1234567", Country: "ru", Label: "National identification card", Note: "known false; reported as forged"},
		{Type: entity.IDNational, Value: "AB 1234567", Country: "ru", Label: "National identification card", Note: "known false; reported as forged"},
	}
	if !slices.Equal(p.Identifiers, wantIDs) {
		t.Errorf("identifiers = %+v", p.Identifiers)
	}

	a := sourcetest.Find(t, results, "eu-900202")
	if got := dateStrings(a.BirthDates); !slices.Equal(got, []string{"1965-09-11", "1965", "~1964..1966", "~1963-09"}) {
		t.Errorf("AL-ASSAD birth dates = %v", got)
	}
	if a.Names[0].Full != "Bashar Hafez AL-ASSAD" || !slices.Equal(a.Citizenships, []string{"sy"}) || a.Props["title"][0] != "Dr." {
		t.Errorf("AL-ASSAD = %+v %v %v", a.Names[0], a.Citizenships, a.Props)
	}
	if len(a.Addresses) != 2 || a.Addresses[1].Full != "Believed to reside in Moscow since December 2024" ||
		!slices.Contains(a.Notes, "Address Presidential Palace, Damascus, SYRIAN ARAB REPUBLIC: as at listing time") {
		t.Errorf("AL-ASSAD addresses = %+v, notes %q", a.Addresses, a.Notes)
	}

	o := sourcetest.Find(t, results, "eu-900303")
	if o.Schema != entity.Organization || o.Names[1].Kind != entity.WeakAlias || o.Names[2].Kind != entity.Previous {
		t.Errorf("company = %s %+v", o.Schema, o.Names)
	}
	if !slices.Equal(o.Relations, []entity.Relation{{Type: "sameAs", Target: "un-KPe.915"}}) {
		t.Errorf("relations = %+v", o.Relations)
	}
	if !slices.Equal(o.Props["phone"], []string{"+850 2 000 0001", "+850 2 000 0002", "+850 2 000 0003"}) ||
		!slices.Equal(o.Props["email"], []string{"info@example.invalid"}) || !slices.Equal(o.Props["website"], []string{"http://example.invalid/"}) {
		t.Errorf("contacts = %v", o.Props)
	}
	var types []string
	for _, id := range o.Identifiers {
		types = append(types, id.Type)
	}
	if want := []string{entity.IDRegistration, entity.IDSwiftBIC, entity.IDIMO, entity.IDINN, entity.IDOGRN, entity.IDTax}; !slices.Equal(types, want) {
		t.Errorf("identifier types = %v, want %v", types, want)
	}
	if !slices.Contains(o.Notes, "Other identification number: Chamber of commerce membership no. 77, number withheld") {
		t.Errorf("identification without number not in notes: %q", o.Notes)
	}
}

func TestQuirksWarnings(t *testing.T) {
	results := mustParse(t, filepath.Join("testdata", "quirks.xml"))
	var got []string
	for _, w := range results[0].Warnings {
		got = append(got, w.Field+": "+w.Message)
	}
	want := []string{
		`export@schemaVersion: unknown attribute, not read`,
		`sanctionEntity@designationDate: unreadable designation date "2023-13-01"`,
		`sanctionEntity/regulation@legalBasis: unknown attribute, not mapped`,
		`sanctionEntity/nameAlias@gender: unknown gender "X"`,
		`sanctionEntity/nameAlias@strong: unknown strength "maybe", mapped to alias`,
		`sanctionEntity/nameAlias@gender: names disagree on the gender, kept the first`,
		`sanctionEntity/nameAlias@wholeName: name details without a name, kept in notes`,
		`sanctionEntity/citizenship@countryIso2Code: unknown country "QQ" ("ATLANTIS")`,
		`sanctionEntity/birthdate@calendarType: date of birth only in a non-Gregorian calendar, kept in notes`,
		`sanctionEntity/birthdate@calendarType: unknown calendar "JULIAN"`,
		`sanctionEntity/birthdate@birthdate: unreadable date of birth, kept in notes`,
		`sanctionEntity/birthdate@yearRangeFrom: unreadable range of years of birth, kept in notes`,
		`sanctionEntity/address@countryIso2Code: unknown country "QQ" ("ATLANTIS")`,
		`sanctionEntity/address/contactInfo@key: unknown contact key "TELEX", kept in notes`,
		`sanctionEntity/identification@expiryDate: unknown attribute, not mapped`,
		`sanctionEntity/identification@identificationTypeCode: unknown identification type "seamanbook", mapped to idNumber`,
		`sanctionEntity/photo: unknown element, not mapped`,
		`sanctionEntity@status: unknown attribute, not mapped`,
		`sanctionEntity/subjectType@code: unknown subject type "vessel" ("V"), mapped to LegalEntity`,
		`sanctionEntity/nameAlias@gender: gender of a non-person, not mapped`,
		`sanctionEntity/subjectType: no subject type, mapped to LegalEntity`,
		`export/fileFooter: unknown element, not read`,
		`export@generationDate: missing or unreadable publication date, using the newest designation date`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if r := results[0]; r.PublishedFrom != "newest-listing-date" || r.Published.Format("2006-01-02") != "2024-02-23" {
		t.Errorf("published = %v from %q", r.Published, r.PublishedFrom)
	}
	e := sourcetest.Find(t, results, "eu-910101")
	if got := dateStrings(e.BirthDates); !slices.Equal(got, []string{"1979-11-21"}) || !slices.Contains(e.Notes, "Date of birth (islamic calendar): 1400-1-1") {
		t.Errorf("birth dates = %v, notes %q", got, e.Notes)
	}
}

func TestErrors(t *testing.T) {
	fixture, err := os.ReadFile(filepath.Join("testdata", "eu_fsf.xml"))
	if err != nil {
		t.Fatal(err)
	}
	const head = `<?xml version="1.0" encoding="UTF-8"?>
<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2026-03-02T18:00:00.125+01:00">
`
	const tail = "</export>\n"
	entry := func(id, name string) string {
		return `  <sanctionEntity logicalId="` + id + `"><subjectType code="person" classificationCode="P"/><nameAlias wholeName="` + name + `"/></sanctionEntity>` + "\n"
	}
	tests := []struct {
		name     string
		input    string
		sentinel error
		line     int
	}{
		{"Truncated", string(fixture[:len(fixture)/2]), source.ErrTruncated, 0},
		{"MalformedXML", head + `  <sanctionEntity logicalId="1"><nameAlias wholeName="A"></sanctionEntity>` + "\n" + tail, source.ErrMalformed, 3},
		{"NoLogicalID", head + entry("1", "A") + entry("", "B") + tail, source.ErrMalformed, 4},
		{"NoName", head + entry("1", " ") + tail, source.ErrMalformed, 3},
		{"DuplicateLogicalID", head + entry("1", "A") + entry("1", "B") + tail, source.ErrMalformed, 4},
		{"Empty", head + tail, source.ErrEmpty, 0},
		{"EmptyFile", "", source.ErrFormat, 0},
		{"NotXML", "logicalId;wholeName\n1;A\n", source.ErrFormat, 0},
		{"OtherPublisher", "<CONSOLIDATED_LIST>\n<INDIVIDUALS/>\n</CONSOLIDATED_LIST>\n", source.ErrFormat, 1},
		{"NoNamespace", "<export>\n" + entry("1", "A") + tail, source.ErrFormat, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "eu_fsf.xml")
			if err := os.WriteFile(path, []byte(tt.input), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := eu.Parse(context.Background(), []string{path})
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

func mustParse(t testing.TB, paths ...string) []*source.Result {
	t.Helper()
	results, err := eu.Parse(context.Background(), paths)
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
