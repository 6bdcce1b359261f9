package index

import (
	"math/rand/v2"
	"testing"

	"github.com/vetoscreen/veto/match"
)

// TestNearIsComplete checks the promise that makes retrieval lossless:
// near finds every string within the edits allowed, whatever the edits.
func TestNearIsComplete(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	word := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = "aeiouklmnrst"[r.IntN(12)] // few letters: many near neighbours
		}
		return string(b)
	}
	ss := newStrSet()
	for i := 0; i < 3000; i++ {
		ss.add(word(3+r.IntN(10)), uint32(i), true)
	}
	ss.build()
	s := &scratch{}
	for q := 0; q < 400; q++ {
		base := ss.strs[r.IntN(len(ss.strs))]
		query := mutate(r, base, r.IntN(3))
		for limit := 1; limit <= 2; limit++ {
			if len(query) < 4 || limit == 2 && len(query) < twoEditsFrom {
				continue
			}
			found := map[uint32]bool{}
			for _, e := range ss.near(query, limit, s, nil) {
				found[e] = true
			}
			for id, str := range ss.strs {
				// Two edits count only between words both long enough.
				l := limit
				if min(len(str), len(query)) < twoEditsFrom {
					l = 1
				}
				if match.EditDistance(query, str, l) <= l {
					for _, e := range ss.entries[id] {
						if !found[e] {
							t.Fatalf("near(%q, %d) missed %q (distance %d)", query, limit, str, match.EditDistance(query, str, limit))
						}
					}
				}
			}
		}
	}
}

func mutate(r *rand.Rand, s string, edits int) string {
	b := []byte(s)
	for e := 0; e < edits && len(b) > 2; e++ {
		p := r.IntN(len(b))
		switch r.IntN(4) {
		case 0:
			b[p] = "aeiouklmnrst"[r.IntN(12)]
		case 1:
			b = append(b[:p], b[p+1:]...)
		case 2:
			b = append(b[:p], append([]byte{"aeiouklmnrst"[r.IntN(12)]}, b[p:]...)...)
		default:
			if p+1 < len(b) {
				b[p], b[p+1] = b[p+1], b[p]
			}
		}
	}
	return string(b)
}
