package match

import (
	"strings"
	"testing"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/names"
)

// maxPairs is the most word pairs scoring one query name against one
// listed name may look up (see Scorer.Pairs).
const maxPairs = (names.MaxTokens + 4*names.MaxTokens + 5) * (names.MaxTokens + 4*names.MaxTokens + 5)

// FuzzScoreCost checks that scoring any query against any listed name,
// however long or repetitive, looks up no more word pairs than the bound
// Scorer.Pairs states, and that no prepared name exceeds names.MaxTokens
// words.
func FuzzScoreCost(f *testing.F) {
	f.Add("A. B. C. D. E. F. G. H. I. J. K. L. M.", "Sergei Viktorovich LAVROV", false)
	f.Add(strings.Repeat("ivan petrov ", 80), strings.Repeat("ivan ", 90), true)
	f.Add(strings.Repeat("ab cd ef gh ", 60), "AB CD EF GH LIMITED", true)
	f.Add("Muhammad bin Salman bin Abd al-Aziz Al Saud", "MUHAMMAD BIN SALMAN AL-RAWI", false)
	cfg := DefaultConfig()
	w := StaticWeigher{Config: &cfg}
	f.Fuzz(func(t *testing.T, query, listed string, org bool) {
		if len(query) > MaxNameLength || strings.TrimSpace(query) == "" {
			return
		}
		schema := entity.Person
		if org {
			schema = entity.Organization
		}
		p, err := cfg.Prepare(Query{Subject: entity.Subject{Name: query, Schema: schema}}, w)
		if err != nil {
			return // refused (invalid UTF-8): costs nothing
		}
		e := &entity.Entity{ID: "e", Schema: schema, Names: []entity.Name{{Full: listed, Kind: entity.Primary}}}
		c := cfg.NewCandidate(e, w)
		for _, n := range append(p.Names, c.Names...) {
			if n.Len() > names.MaxTokens {
				t.Fatalf("%q: %d words", n.Raw, n.Len())
			}
		}
		s := NewScorer(&cfg)
		s.Score(p, c, nil, true)
		if bound := int64(len(p.Names)*len(c.Names)) * maxPairs; s.Pairs() > bound {
			t.Fatalf("%d pairs looked up, bound %d", s.Pairs(), bound)
		}
	})
}

// BenchmarkValidate: every screening validates its config (screen.Screen),
// so Validate must not allocate.
func BenchmarkValidate(b *testing.B) {
	c := DefaultConfig()
	b.ReportAllocs()
	for b.Loop() {
		if err := c.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}
