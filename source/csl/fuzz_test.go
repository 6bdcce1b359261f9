package csl

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
	data := fixture(f)
	f.Add(data)
	for _, n := range []int{10, 400, len(data) / 2, len(data) - 5} {
		f.Add(data[:n])
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "consolidated.csv")
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
