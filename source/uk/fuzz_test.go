package uk

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/source/sourcetest"
)

// FuzzParse feeds arbitrary bytes to Parse. Property: the parse fails
// with a well-formed ParseError, or every result keeps the invariants of
// sourcetest.CheckResult.
func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add([]byte(s))
		for _, n := range []int{len(s) / 3, len(s) / 2, len(s) - 20} {
			if n > 0 {
				f.Add([]byte(s[:n]))
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "input")
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
			if rerr := sourcetest.ResultError(r); rerr != nil {
				t.Fatal(rerr)
			}
		}
	})
}

// fuzzSeeds cuts the fixtures into small documents, one designation or
// group each: the fuzzer stalls on seeds of many kilobytes.
func fuzzSeeds(f *testing.F) []string {
	var seeds []string
	fcdo := mustReadFile(f, "testdata/fcdo.xml")
	head, rest, _ := strings.Cut(fcdo, "<Designation>")
	for _, d := range strings.Split(rest, "<Designation>") {
		d, _, _ = strings.Cut(d, "</Designation>")
		seeds = append(seeds, head+"<Designation>"+d+"</Designation>\n</Designations>\n")
	}
	unknown := mustReadFile(f, "testdata/fcdo_unknown.xml")
	seeds = append(seeds, unknown[strings.Index(unknown, "<Designations>"):])
	rows := mustReadCSV(f, "testdata/ConList.csv")
	preamble := "\ufeffLast Updated,28/01/2026\r\n" + csvLine(rows[1])
	for i := 2; i < len(rows); i += 3 {
		seeds = append(seeds, preamble+csvLine(rows[i])+csvLine(rows[min(i+1, len(rows)-1)]))
	}
	seeds = append(seeds, mustReadFile(f, mustWriteXLSX(f, rows[:3])))
	return seeds
}

// csvLine writes a record as a CSV line, quoting every cell.
func csvLine(cells []string) string {
	q := make([]string, len(cells))
	for i, c := range cells {
		q[i] = `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
	}
	return strings.Join(q, ",") + "\r\n"
}
