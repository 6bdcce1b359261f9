package au

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/vetoscreen/veto/source/sourcetest"
)

// FuzzParse checks that any input either parses into results that keep
// every invariant or fails with a well-formed ParseError.
func FuzzParse(f *testing.F) {
	fixture, err := os.ReadFile(newWorkbook(f, fixtureRows()))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(fixture)
	for _, n := range []int{4, 100, len(fixture) / 2, len(fixture) - 10} {
		f.Add(fixture[:n])
	}
	f.Add([]byte("Reference,Name of Individual or Entity\n1,X\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "regulation8_consolidated.xlsx")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		res, err := Parse(context.Background(), []string{path})
		if err != nil {
			if perr := sourcetest.ParseErrorError(err); perr != nil {
				t.Fatal(perr)
			}
			return
		}
		for _, r := range res {
			if err := sourcetest.ResultError(r); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// FuzzBirthDates checks the date-of-birth reader alone, on text, where
// the fuzzer can do better than on zipped workbooks: every date it
// returns must be a valid date.
func FuzzBirthDates(f *testing.F) {
	for _, s := range []string{"a) Approximately 1955- 1958 b) Approximately 1945-1950", "18798", "15 May 1968 (as X) 1970",
		"27/05/1979 (this aka only, alt DOB 1973)", "a) Between Aug. and Sep 1977    b) 1976", "10/061962", "1965, 29 March"} {
		f.Add(s)
	}
	sh := &sheet{}
	f.Fuzz(func(t *testing.T, s string) {
		b := sh.parseBirthDates(s)
		for _, d := range b.dates {
			if d.From.Validate() != nil || d.To.Validate() != nil {
				t.Fatalf("parseBirthDates(%q) gave invalid date %+v", s, d)
			}
		}
		listedOn(s)
	})
}
