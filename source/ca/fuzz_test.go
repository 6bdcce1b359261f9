package ca

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
	fixture, err := os.ReadFile(filepath.Join("testdata", "sema.xml"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(fixture)
	for _, n := range []int{10, 100, 400, len(fixture) / 2, len(fixture) - 20} {
		f.Add(fixture[:n])
	}
	f.Add([]byte(header + "<record><Country>A / B</Country><EntityOrShip>X (also known as Y, Z</EntityOrShip><Item>1</Item></record></data-set>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "sema-lmes.xml")
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
