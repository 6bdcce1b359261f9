// Package sourcetest holds test helpers shared by the publisher parsers:
// golden files, the invariants every parse result must keep, and access to
// the real list snapshots in the shared data folder.
package sourcetest

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

// Golden compares got, written as indented JSON, with the file
// testdata/<name>.golden.json, or rewrites that file when the test runs
// with -update.
func Golden(t *testing.T, name string, got any) {
	t.Helper()
	b, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatalf("marshal golden %s: %v", name, err)
	}
	b = append(b, '\n')
	path := filepath.Join("testdata", name+".golden.json")
	if *update {
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatalf("write golden: %v", err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (run with -update to create it): %v", err)
	}
	if !bytes.Equal(want, b) {
		t.Errorf("%s differs from the golden file; run `go test -run %s -update` and review the diff\n%s",
			path, t.Name(), firstDifference(want, b))
	}
}

func firstDifference(want, got []byte) string {
	wl, gl := bytes.Split(want, []byte("\n")), bytes.Split(got, []byte("\n"))
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g []byte
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if !bytes.Equal(w, g) {
			return "line " + itoa(i+1) + ":\n  want: " + string(w) + "\n  got:  " + string(g)
		}
	}
	return ""
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

// CheckResult asserts the invariants of a parse result: a list name,
// entities that validate, each carrying the result's list and a raw record,
// and IDs unique within the list.
func CheckResult(t testing.TB, r *source.Result) {
	t.Helper()
	if err := ResultError(r); err != nil {
		t.Error(err)
	}
}

// ResultError returns the first broken invariant of r (see CheckResult),
// or nil. Fuzz tests use it to check a property on any input.
func ResultError(r *source.Result) error {
	if r == nil {
		return errors.New("nil result")
	}
	if r.List == "" || r.Format == "" {
		return errors.New("result lacks list or format")
	}
	seen := make(map[string]bool, len(r.Entities))
	for _, e := range r.Entities {
		if err := e.Validate(); err != nil {
			return err
		}
		if e.List != r.List {
			return errors.New(e.ID + ": list " + e.List + ", result list " + r.List)
		}
		if e.Raw.Text == "" || e.Raw.Format == "" {
			return errors.New(e.ID + ": no raw record")
		}
		if seen[e.ID] {
			return errors.New(e.ID + ": duplicate id in list " + r.List)
		}
		seen[e.ID] = true
	}
	return nil
}

// CheckParseError asserts that err is a *source.ParseError that wraps one
// of the source sentinels and names a file.
func CheckParseError(t testing.TB, err error) {
	t.Helper()
	if err := ParseErrorError(err); err != nil {
		t.Error(err)
	}
}

// ParseErrorError returns why err is not a well-formed parse failure, or nil.
func ParseErrorError(err error) error {
	var pe *source.ParseError
	if !errors.As(err, &pe) {
		return errors.New("error is not a *source.ParseError: " + err.Error())
	}
	if pe.File == "" {
		return errors.New("parse error names no file: " + err.Error())
	}
	for _, s := range []error{source.ErrFormat, source.ErrMalformed, source.ErrTruncated, source.ErrEmpty} {
		if errors.Is(err, s) {
			return nil
		}
	}
	return errors.New("parse error wraps no source sentinel: " + err.Error())
}

// Find returns the entity with the given ID in the results, or fails.
func Find(t testing.TB, results []*source.Result, id string) *entity.Entity {
	t.Helper()
	for _, r := range results {
		for _, e := range r.Entities {
			if e.ID == id {
				return e
			}
		}
	}
	t.Fatalf("entity %s not found", id)
	return nil
}
