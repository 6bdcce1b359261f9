package textscan

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// TestResolveIsLinear holds resolve, which keeps the hits that do not
// overlap, to time linear in the hits: it looked each hit up among all
// those kept, and 64,000 mentions of one name in a text took seconds. The
// time of four times the hits, as a ratio (medians of five), is about 4
// when linear and 16 when quadratic.
func TestResolveIsLinear(t *testing.T) {
	hits := func(n int) []nameHit {
		out := make([]nameHit, 0, 2*n)
		for i := range n {
			at := 15 * i
			// A name and, overlapping it, a shorter hit inside it.
			out = append(out, nameHit{a: 2 * i, b: 2*i + 1, start: at, end: at + 13}, nameHit{a: 2 * i, b: 2 * i, start: at, end: at + 6})
		}
		return out
	}
	took := func(n int) time.Duration {
		var ds []time.Duration
		for range 5 {
			h := hits(n)
			st := time.Now()
			if got := resolve(h); len(got) != n {
				t.Fatalf("%d hits kept of %d names", len(got), n)
			}
			ds = append(ds, time.Since(st))
		}
		slices.Sort(ds)
		return ds[2]
	}
	const n = 20_000
	small, large := took(n), took(4*n)
	if ratio := float64(large) / float64(small); ratio > 8 {
		t.Errorf("resolve: %v for %d hits, %v for %d: ratio %.1f, want linear (about 4)", small, 2*n, large, 8*n, ratio)
	}
}

// TestFindingsCapped checks that one scan reports at most MaxFindings
// findings, the first in the text, and says it cut them; and that a text
// of one name repeated finds each mention.
func TestFindingsCapped(t *testing.T) {
	s := mustDemo(t)
	text := []byte(strings.Repeat("Sergei Lavrov, ", 3000))
	all, cut := s.ScanLimited(text, Options{Kinds: []Kind{KindName}})
	if cut || len(all) != 3000 {
		t.Fatalf("%d findings (cut %v) for 3000 mentions", len(all), cut)
	}
	some, cut := s.ScanLimited(text, Options{Kinds: []Kind{KindName}, MaxFindings: 100})
	if !cut || len(some) != 100 || some[99].Start != all[99].Start {
		t.Fatalf("capped at 100: %d findings (cut %v)", len(some), cut)
	}
}
