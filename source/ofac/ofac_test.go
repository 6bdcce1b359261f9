package ofac

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

// mustParse parses paths and checks every result's invariants.
func mustParse(t testing.TB, paths ...string) []*source.Result {
	t.Helper()
	rs, err := Parse(context.Background(), paths)
	if err != nil {
		t.Fatalf("Parse(%v): %v", paths, err)
	}
	for _, r := range rs {
		sourcetest.CheckResult(t, r)
	}
	return rs
}

// mustGlob returns the files matching pattern, sorted.
func mustGlob(t testing.TB, pattern string) []string {
	t.Helper()
	paths, err := filepath.Glob(pattern)
	if err != nil || len(paths) == 0 {
		t.Fatalf("no files match %s", pattern)
	}
	return paths
}

// newFile writes content to a file called name in a temporary directory.
func newFile(t testing.TB, name string, content []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, content, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// mustParseError parses paths, wants a ParseError wrapping sentinel, and
// returns it.
func mustParseError(t *testing.T, sentinel error, paths ...string) *source.ParseError {
	t.Helper()
	_, err := Parse(context.Background(), paths)
	if err == nil {
		t.Fatalf("Parse(%v) succeeded, want %v", paths, sentinel)
	}
	sourcetest.CheckParseError(t, err)
	if !errors.Is(err, sentinel) {
		t.Fatalf("Parse error %v does not wrap %v", err, sentinel)
	}
	var pe *source.ParseError
	errors.As(err, &pe)
	return pe
}

func TestGolden(t *testing.T) {
	tests := []struct {
		name  string
		paths []string
	}{
		{"sdn_csv", mustGlob(t, "testdata/sdn_csv/*.csv")},
		{"cons_csv", mustGlob(t, "testdata/cons_csv/*.csv")},
		{"sdn_xml", []string{"testdata/sdn.xml"}},
		{"consolidated_xml", []string{"testdata/consolidated.xml"}},
		{"sdn_enhanced", []string{"testdata/SDN_ENHANCED.XML"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sourcetest.Golden(t, tt.name, mustParse(t, tt.paths...))
		})
	}
}

// TestParseFolder gives Parse every fixture at once, as `veto import ofac
// DIR` would: each CSV list makes one result, each XML file one.
func TestParseFolder(t *testing.T) {
	paths := append(mustGlob(t, "testdata/sdn_csv/*.csv"), mustGlob(t, "testdata/cons_csv/*.csv")...)
	paths = append(paths, "testdata/sdn.xml", "testdata/consolidated.xml", "testdata/SDN_ENHANCED.XML")
	rs := mustParse(t, paths...)
	var got []string
	for _, r := range rs {
		got = append(got, r.List+" "+r.Format)
	}
	want := []string{"ofac-sdn ofac-csv", "ofac-cons ofac-csv", "ofac-sdn ofac-xml", "ofac-cons ofac-xml", "ofac-sdn ofac-enhanced-xml"}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("results %v, want %v", got, want)
	}
}

// TestSameEntityAcrossFormats checks that every format maps the same
// designation to the same names, dates and identifiers.
func TestSameEntityAcrossFormats(t *testing.T) {
	csv := sourcetest.Find(t, mustParse(t, mustGlob(t, "testdata/sdn_csv/*.csv")...), "ofac-35233")
	xml := sourcetest.Find(t, mustParse(t, "testdata/sdn.xml"), "ofac-35233")
	enh := sourcetest.Find(t, mustParse(t, "testdata/SDN_ENHANCED.XML"), "ofac-35233")
	for _, e := range []*entity.Entity{csv, xml, enh} {
		if e.Caption() != "LAVROV, Sergei Viktorovich" || e.Schema != entity.Person {
			t.Errorf("%s: caption %q schema %s", e.Raw.Format, e.Caption(), e.Schema)
		}
		if len(e.BirthDates) == 0 || e.BirthDates[0].String() != "1950-03-21" {
			t.Errorf("%s: birth dates %v", e.Raw.Format, e.BirthDates)
		}
		if len(e.Nationalities) != 1 || e.Nationalities[0] != "ru" || e.Gender != "male" {
			t.Errorf("%s: nationalities %v gender %q", e.Raw.Format, e.Nationalities, e.Gender)
		}
		if len(e.Identifiers) == 0 || e.Identifiers[0].Type != entity.IDPassport || e.Identifiers[0].Value != "100000001" || e.Identifiers[0].Country != "ru" {
			t.Errorf("%s: identifiers %+v", e.Raw.Format, e.Identifiers)
		}
		if len(e.BirthPlaces) != 1 || e.BirthPlaces[0] != "Moscow, Russia" {
			t.Errorf("%s: birth places %v", e.Raw.Format, e.BirthPlaces)
		}
	}
}

func TestParseErrors(t *testing.T) {
	t.Run("UnknownXML", func(t *testing.T) {
		p := newFile(t, "list.xml", []byte(`<?xml version="1.0"?><designations><designation/></designations>`))
		pe := mustParseError(t, source.ErrFormat, p)
		if pe.File != p || !strings.Contains(pe.Error(), "designations") {
			t.Errorf("error %v does not name the file and element", pe)
		}
	})
	t.Run("OtherPublishersCSV", func(t *testing.T) {
		p := newFile(t, "consolidated.csv", []byte("Name 6,Name 1,Group ID\r\nSMITH,John,1234\r\n"))
		mustParseError(t, source.ErrFormat, p)
	})
	t.Run("EmptyFile", func(t *testing.T) {
		mustParseError(t, source.ErrEmpty, newFile(t, "sdn.csv", []byte("\x1a")))
	})
	t.Run("MissingFile", func(t *testing.T) {
		if _, err := Parse(context.Background(), []string{filepath.Join(t.TempDir(), "sdn.csv")}); err == nil {
			t.Fatal("Parse of a missing file succeeded")
		}
	})
	t.Run("Cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := Parse(ctx, []string{"testdata/sdn.xml"}); !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", err)
		}
	})
}
