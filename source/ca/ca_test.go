package ca

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
	"github.com/vetoscreen/veto/source/sourcetest"
)

// mustParse parses files and fails the test on error.
func mustParse(t testing.TB, paths ...string) []*source.Result {
	t.Helper()
	res, err := Parse(context.Background(), paths)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	for _, r := range res {
		sourcetest.CheckResult(t, r)
	}
	return res
}

// newFile writes content to a file named name in a temporary directory.
func newFile(t testing.TB, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestGolden(t *testing.T) {
	res := mustParse(t, filepath.Join("testdata", "sema.xml"))
	sourcetest.Golden(t, "sema", res)
}

func TestFixture(t *testing.T) {
	res := mustParse(t, filepath.Join("testdata", "sema.xml"))
	r := res[0]
	if r.List != ListName || r.Format != Format || r.PublishedFrom != "newest-listing-date" ||
		r.Published.Format("2006-01-02") != "2025-03-20" {
		t.Errorf("result = %s %s %s %s", r.List, r.Format, r.Published, r.PublishedFrom)
	}
	luka := sourcetest.Find(t, res, "ca-belarus-1-part-1-8")
	if luka.Schema != entity.Person || luka.Caption() != "Aleksandr Grigoryevich Lukashenko" ||
		luka.Names[0].Last != "Lukashenko" || luka.BirthDates[0].String() != "1954-08-30" ||
		luka.Programs[0] != "Belarus / Bélarus" || luka.ListingDate.String() != "2020-09-28" {
		t.Errorf("Lukashenko = %+v", luka)
	}
	if e := sourcetest.Find(t, res, "ca-venezuela-12"); e.BirthDates[0].String() != "~1970..1973" {
		t.Errorf("early 1970s = %v", e.BirthDates)
	}
	ship := sourcetest.Find(t, res, "ca-russia-1-1-5")
	if ship.Schema != entity.Vessel || ship.Identifiers[0].Value != "1234567" || ship.Props["vesselType"][0] != "Oil Tanker" {
		t.Errorf("vessel = %+v", ship)
	}
	army := sourcetest.Find(t, res, "ca-iran-1-part-1-40")
	if army.Names[0].Full != "Iranian Army" || army.Names[1].Full != "Armée iranienne" || army.Names[1].Lang != "fr" {
		t.Errorf("bilingual name = %+v", army.Names)
	}
	var msgs []string
	for _, w := range r.Warnings {
		msgs = append(msgs, w.Field+": "+w.Message)
	}
	want := []string{
		`record@status: unknown attribute, not read`,
		`Remarks: unknown element, not read`,
		`DateOfBirthOrShipBuildDate: unreadable date "Sep-99", kept in the raw record only`,
	}
	if strings.Join(msgs, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
}

const header = `<?xml version="1.0" encoding="UTF-8"?>` + "\n<data-set>\n"

func TestParseErrors(t *testing.T) {
	fixture, err := os.ReadFile(filepath.Join("testdata", "sema.xml"))
	if err != nil {
		t.Fatal(err)
	}
	record := "<record><Country>Iran</Country><LastName>X</LastName><Schedule>1</Schedule><Item>1</Item></record>\n"
	tests := []struct {
		name    string
		content string
		want    error
		line    int // 0: not checked
	}{
		{"truncated", string(fixture[:len(fixture)/2]), source.ErrTruncated, 0},
		{"truncated after the last record", strings.TrimSuffix(string(fixture), "</data-set>\n"), source.ErrTruncated, 0},
		{"malformed", header + "<record><Country>Iran</Countr></record>\n</data-set>\n", source.ErrMalformed, 3},
		{"wrong root", `<?xml version="1.0"?>` + "\n<CONSOLIDATED_LIST><INDIVIDUALS/></CONSOLIDATED_LIST>\n", source.ErrFormat, 2},
		{"not XML", "Reference,Name\n1,X\n", source.ErrFormat, 0},
		{"empty list", header + "</data-set>\n", source.ErrEmpty, 0},
		{"no item", header + "<record><Country>Iran</Country><LastName>X</LastName></record>\n</data-set>\n", source.ErrMalformed, 3},
		{"no country", header + "<record><LastName>X</LastName><Item>1</Item></record>\n</data-set>\n", source.ErrMalformed, 3},
		{"no name", header + "<record><Country>Iran</Country><Item>1</Item></record>\n</data-set>\n", source.ErrMalformed, 3},
		{"duplicate id", header + record + record + "</data-set>\n", source.ErrMalformed, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := newFile(t, "sema-lmes.xml", tt.content)
			_, err := Parse(context.Background(), []string{path})
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			sourcetest.CheckParseError(t, err)
			var pe *source.ParseError
			errors.As(err, &pe)
			if pe.File != path || !strings.Contains(err.Error(), path) {
				t.Errorf("error %q does not name the file %s", err, path)
			}
			if tt.line != 0 && pe.Line != tt.line {
				t.Errorf("line = %d, want %d (%v)", pe.Line, tt.line, err)
			}
		})
	}
}

func TestParseNoFiles(t *testing.T) {
	if _, err := Parse(context.Background(), nil); err == nil {
		t.Error("Parse(nil) succeeded")
	}
}

func TestParseCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Parse(ctx, []string{filepath.Join("testdata", "sema.xml")}); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestID(t *testing.T) {
	tests := []struct{ country, schedule, item, want string }{
		{"Belarus / Bélarus", "1, Part 1", "1", "ca-belarus-1-part-1-1"},
		{"Belarus / Bélarus", "1,Part 3", "1", "ca-belarus-1-part-3-1"},
		{"Myanmar (Burma) / Myanmar (Birmanie)", "Part 2", "24", "ca-myanmar-burma-part-2-24"},
		{"Venezuela ", "", "7", "ca-venezuela-7"},
		{"Haiti / Haïti", "Part 3", "5", "ca-haiti-part-3-5"},
	}
	for _, tt := range tests {
		m := mapper{file: "f", line: 1, warn: &source.Warnings{}}
		got, err := m.id(fields{country: tt.country, schedule: tt.schedule, item: tt.item})
		if err != nil || got != tt.want {
			t.Errorf("id(%q, %q, %q) = %q, %v; want %q", tt.country, tt.schedule, tt.item, got, err, tt.want)
		}
	}
}

func TestParseDates(t *testing.T) {
	tests := []struct {
		in   string
		want string // dates joined by " "; "!" marks unreadable parts
	}{
		{"1965-04-29", "1965-04-29"},
		{" 1953-10-27", "1953-10-27"},
		{"1967-01-08  ", "1967-01-08"},
		{"1972", "1972"},
		{"1972-08", "1972-08"},
		{"1963-1964", "1963..1964"},
		{"1963 or 1964", "1963 1964"},
		{"1965-07-15 OR 1969-09-28", "1965-07-15 1969-09-28"},
		{"born in the early 1970s", "~1970..1973"},
		{"mid 1980s", "~1984..1986"},
		{"Sep-99", "!Sep-99"},
		{"1961 or sometime", "1961 !sometime"},
	}
	for _, tt := range tests {
		dates, bad := parseDates(tt.in)
		var got []string
		for _, d := range dates {
			got = append(got, d.String())
		}
		for _, b := range bad {
			got = append(got, "!"+b)
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("parseDates(%q) = %q, want %q", tt.in, strings.Join(got, " "), tt.want)
		}
	}
}

func TestRepeatedElement(t *testing.T) {
	path := newFile(t, "sema-lmes.xml", header+
		"<record><Country>Iran</Country><LastName>Example</LastName><GivenName>Ali</GivenName>"+
		"<Aliases>Ali Ejemplo</Aliases><Aliases>Ali Beispiel</Aliases><Item>3</Item></record>\n</data-set>\n")
	res := mustParse(t, path)
	e := res[0].Entities[0]
	if len(e.Names) != 3 || e.Names[2].Full != "Ali Beispiel" {
		t.Errorf("names %+v", e.Names)
	}
	if w := res[0].Warnings; len(w) != 1 || w[0].Field != "Aliases" || w[0].Line != 3 {
		t.Errorf("warnings %+v", w)
	}
}
