package ofac

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/vetoscreen/veto/source/sourcetest"
)

// fuzzNames are the file names a fuzz input is written under: the name
// tells Parse the list where the content cannot.
var fuzzNames = []string{"sdn.csv", "add.csv", "cons_prim.csv", "sdn.xml", "consolidated.xml", "SDN_ENHANCED.XML"}

func FuzzParse(f *testing.F) {
	seeds := append(mustGlob(f, "testdata/sdn_csv/*.csv"), mustGlob(f, "testdata/cons_csv/*.csv")...)
	seeds = append(seeds, "testdata/sdn.xml", "testdata/consolidated.xml", "testdata/SDN_ENHANCED.XML")
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		name := uint8(0)
		for i, n := range fuzzNames {
			if n == filepath.Base(p) {
				name = uint8(i)
			}
		}
		f.Add(name, b)
		f.Add(name, b[:len(b)/2])
		f.Add(name, b[:len(b)*9/10])
	}
	f.Fuzz(func(t *testing.T, name uint8, data []byte) {
		p := filepath.Join(t.TempDir(), fuzzNames[int(name)%len(fuzzNames)])
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		rs, err := Parse(context.Background(), []string{p})
		if err != nil {
			if perr := sourcetest.ParseErrorError(err); perr != nil {
				t.Fatal(perr)
			}
			return
		}
		for _, r := range rs {
			if rerr := sourcetest.ResultError(r); rerr != nil {
				t.Fatal(rerr)
			}
		}
	})
}
