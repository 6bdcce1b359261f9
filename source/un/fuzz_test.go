package un_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/vetoscreen/veto/source/sourcetest"
	"github.com/vetoscreen/veto/source/un"
)

// FuzzParse checks that any input either parses into results that keep
// every invariant, or fails with a well-formed ParseError. The seeds are
// whole fixtures, whose minimisation takes up to a minute per new input
// by default; for short runs use
//
//	go test -run='^$' -fuzz=FuzzParse -fuzztime=120s -fuzzminimizetime=2s ./source/un
func FuzzParse(f *testing.F) {
	for _, name := range []string{"consolidated.xml", "quirks.xml"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		for _, n := range []int{len(data) / 3, len(data) / 2, len(data) - 30} {
			f.Add(data[:n])
		}
	}
	f.Add([]byte(`<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><REFERENCE_NUMBER>X</REFERENCE_NUMBER><FIRST_NAME>A</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "un_consolidated.xml")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		results, err := un.Parse(context.Background(), []string{path})
		if err != nil {
			if perr := sourcetest.ParseErrorError(err); perr != nil {
				t.Fatal(perr)
			}
			return
		}
		for _, r := range results {
			if rerr := sourcetest.ResultError(r); rerr != nil {
				t.Fatal(rerr)
			}
		}
	})
}
