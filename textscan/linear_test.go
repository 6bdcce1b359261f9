package textscan

import (
	"strconv"
	"strings"
	"testing"
)

// resolveHits are n names and, overlapping each, a shorter hit inside it.
func resolveHits(n int) []nameHit {
	out := make([]nameHit, 0, 2*n)
	for i := range n {
		at := 15 * i
		out = append(out, nameHit{a: 2 * i, b: 2*i + 1, start: at, end: at + 13}, nameHit{a: 2 * i, b: 2 * i, start: at, end: at + 6})
	}
	return out
}

// TestResolveKeepsNames checks that resolve keeps, of each name and the
// shorter hit inside it, the name.
func TestResolveKeepsNames(t *testing.T) {
	got := resolve(resolveHits(1000))
	if len(got) != 1000 {
		t.Fatalf("%d hits kept of 1000 names", len(got))
	}
	for _, h := range got {
		if h.end-h.start != 13 {
			t.Fatalf("kept %+v, a hit inside a name", h)
		}
	}
}

// BenchmarkResolve times resolve, which keeps the hits that do not
// overlap, per hit at two sizes: it looked each hit up among all those
// kept, and 64,000 mentions of one name in a text took seconds. Linear
// in the hits, ns/hit is the same at both sizes (quadratic, four times
// as much at the larger): go test ./textscan -run XXX -bench Resolve.
func BenchmarkResolve(b *testing.B) {
	for _, n := range []int{20_000, 80_000} {
		b.Run(strconv.Itoa(2*n)+"hits", func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				h := resolveHits(n)
				b.StartTimer()
				if got := resolve(h); len(got) != n {
					b.Fatalf("%d hits kept of %d names", len(got), n)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(2*n), "ns/hit")
		})
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
