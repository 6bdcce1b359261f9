package eu_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/vetoscreen/veto/source/eu"
	"github.com/vetoscreen/veto/source/sourcetest"
)

// FuzzParse checks that any input either parses into results that keep
// every invariant, or fails with a well-formed ParseError. The seeds are
// whole fixtures, whose minimisation takes up to a minute per new input
// by default; for short runs use
//
//	go test -run='^$' -fuzz=FuzzParse -fuzztime=120s -fuzzminimizetime=2s ./source/eu
func FuzzParse(f *testing.F) {
	for _, name := range []string{"eu_fsf.xml", "quirks.xml"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		for _, n := range []int{len(data) / 3, len(data) / 2, len(data) - 30} {
			f.Add(data[:n])
		}
	}
	f.Add([]byte(`<export xmlns="http://eu.europa.ec/fpi/fsd/export"><sanctionEntity logicalId="1"><nameAlias wholeName="A"/></sanctionEntity></export>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "eu_fsf.xml")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		results, err := eu.Parse(context.Background(), []string{path})
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
