package index

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/names"
)

// syntheticEntities makes n entities with names drawn from small pools,
// so that many share words, initials, joined forms and spellings.
func syntheticEntities(r *rand.Rand, n int) []*entity.Entity {
	given := []string{"Sergei", "Sergey", "Mohammed", "Muhammad", "Ali", "Vladimir", "Ivan", "Anna", "Natalia", "Jin", "Abdul", "Omar", "Yusuf", "Elena", "Dmitry", "Kim", "Li"}
	family := []string{"Lavrov", "Ivanov", "Petrov", "al-Assad", "Hussein", "Kovalenko", "Medvedev", "Rahman", "Smirnov", "Jinping", "Jong Un", "Haqqani", "Nasrallah", "Sidorova", "Kuznetsov"}
	org := []string{"Bank", "Trading", "Melli", "Rosneft", "Shipping", "Sepah", "International", "Petro", "Gas", "Holding"}
	forms := []string{"LLC", "OOO", "JSC", "Ltd", "", ""}
	var out []*entity.Entity
	for i := 0; i < n; i++ {
		e := &entity.Entity{ID: fmt.Sprintf("test-%d", i), List: "test-list", Raw: entity.Raw{Format: "json", Text: "{}"}}
		if r.IntN(3) > 0 {
			e.Schema = entity.Person
			name := family[r.IntN(len(family))] + ", " + given[r.IntN(len(given))]
			if r.IntN(2) == 0 {
				name += " " + given[r.IntN(len(given))] + "ovich"
			}
			e.Names = []entity.Name{{Full: name, Kind: entity.Primary}}
			if r.IntN(3) == 0 {
				e.Names = append(e.Names, entity.Name{Full: given[r.IntN(len(given))][:1] + ". " + family[r.IntN(len(family))], Kind: entity.WeakAlias})
			}
			if r.IntN(2) == 0 {
				e.BirthDates = []entity.DateRange{{From: entity.Date{Year: 1940 + r.IntN(50)}}}
			}
		} else {
			e.Schema = entity.Organization
			e.Names = []entity.Name{{Full: strings.TrimSpace(org[r.IntN(len(org))] + " " + org[r.IntN(len(org))] + " " + forms[r.IntN(len(forms))]), Kind: entity.Primary}}
			e.Identifiers = []entity.Identifier{{Type: entity.IDRegistration, Value: fmt.Sprintf("RU%07d", i)}}
		}
		out = append(out, e)
	}
	return out
}

// TestSearchEqualsBruteForce checks that retrieval loses nothing: at
// several thresholds, Search returns exactly the entities, with exactly
// the scores, that scoring every entity returns.
func TestSearchEqualsBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	ents := syntheticEntities(r, 1500)
	ix := Build(ents, match.DefaultConfig())
	queries := []match.Query{
		{Name: "Sergei Lavrov"}, {Name: "Sergey Lavrof"}, {Name: "Сергей Лавров"}, {Name: "LAVROV"},
		{Name: "Mohammed Ali"}, {Name: "Muhamad Hussein"}, {Name: "Bashar al-Assad"}, {Name: "Assad"},
		{Name: "Xi Jin Ping"}, {Name: "Jinping"}, {Name: "Kim Jong-un"}, {Name: "V. Ivanov"},
		{Name: "Bank Melli"}, {Name: "Melli Bank OOO"}, {Name: "International Trading LLC"},
		{Name: "Abdulrahman"}, {Name: "Nataliya Sidorov"}, {Name: "Rosnft"}, {Name: "Zzyzx Qwerty"},
		{Name: "Anything", IDNumber: "RU0000012"}, {Name: "Ivan Petrov", BirthDate: "1960"}, {Name: "D. M."},
	}
	for i := 0; i < 60; i++ { // plus the listed names themselves, some reordered
		e := ents[r.IntN(len(ents))]
		n := e.Names[0].Full
		if r.IntN(2) == 0 {
			f := strings.Fields(strings.ReplaceAll(n, ",", ""))
			slices.Reverse(f)
			n = strings.Join(f, " ")
		}
		queries = append(queries, match.Query{Name: n, Schema: e.Schema})
	}
	cfg := ix.Config()
	for _, threshold := range []float64{0.5, 0.7, 0.8, 0.9} {
		for _, q := range queries {
			p, err := cfg.Prepare(q, ix)
			if err != nil {
				t.Fatal(err)
			}
			// Without a limit, and with limits that make the search
			// stop early (best bound first).
			for _, limit := range []int{0, 1, 3, 10} {
				got := ix.Search(p, Options{Threshold: threshold, Limit: limit})
				want := ix.BruteForce(p, Options{Threshold: threshold, Limit: limit})
				if !sameHits(got, want) {
					t.Errorf("threshold %.1f, limit %d, %q:\n search %v\n brute  %v", threshold, limit, q.Name, hitList(got), hitList(want))
				}
			}
		}
	}
}

func sameHits(a, b []Hit) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].EntityID != b[i].EntityID || a[i].Score != b[i].Score {
			return false
		}
	}
	return true
}

func hitList(hs []Hit) []string {
	var out []string
	for _, h := range hs {
		out = append(out, fmt.Sprintf("%s:%.3f", h.EntityID, h.Score))
	}
	return out
}

func TestMergesRecordsOfOneDesignation(t *testing.T) {
	sdn := &entity.Entity{ID: "ofac-1", Schema: entity.Person, List: "ofac-sdn", Names: []entity.Name{{Full: "LAVROV, Sergei", Kind: entity.Primary}}}
	csl := &entity.Entity{ID: "ofac-1", Schema: entity.Person, List: "us-csl", Names: []entity.Name{{Full: "LAVROV, Sergei", Kind: entity.Primary}, {Full: "Serguei Lavrov", Kind: entity.Alias}},
		Identifiers: []entity.Identifier{{Type: entity.IDPassport, Value: "100000000"}}}
	ix := Build([]*entity.Entity{csl, sdn}, match.DefaultConfig())
	if ix.Len() != 1 {
		t.Fatalf("two records of ofac-1 gave %d candidates", ix.Len())
	}
	c, lists, _ := ix.Candidate("ofac-1")
	if c.Entity.List != "ofac-sdn" || !slices.Equal(lists, []string{"ofac-sdn", "us-csl"}) || len(c.Names) != 2 {
		t.Errorf("merged candidate: list %s, lists %v, %d names", c.Entity.List, lists, len(c.Names))
	}
	cfg := ix.Config()
	p, _ := cfg.Prepare(match.Query{Name: "nobody", IDNumber: "100 000 000"}, ix)
	if hits := ix.Search(p, Options{}); len(hits) != 1 || hits[0].Score < cfg.IDMatch {
		t.Errorf("identifier from the second record: %v", hitList(hits))
	}
}

// A subset index scores every query against its entities exactly as the
// full index does: monitoring relies on it.
func TestSubsetScoresAsTheFullIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	ents := syntheticEntities(r, 1200)
	ix := Build(ents, match.DefaultConfig())
	var ids []string
	for i := 0; i < len(ents); i += 7 {
		ids = append(ids, ents[i].ID)
	}
	ids = append(ids, "no-such-entity")
	sub := ix.Subset(ids)
	if sub.Len() != len(ids)-1 {
		t.Fatalf("subset of %d IDs has %d entities", len(ids)-1, sub.Len())
	}
	in := map[string]bool{}
	for _, id := range ids {
		in[id] = true
	}
	cfg := ix.Config()
	var compared int
	for i := 0; i < 200; i++ {
		e := ents[r.IntN(len(ents))]
		q := match.Query{Name: e.Names[r.IntN(len(e.Names))].Full}
		pFull, err := cfg.Prepare(q, ix)
		if err != nil {
			t.Fatal(err)
		}
		pSub, err := cfg.Prepare(q, sub)
		if err != nil {
			t.Fatal(err)
		}
		full := ix.Search(pFull, Options{Threshold: 0.5})
		var want []Hit
		for _, h := range full {
			if in[h.EntityID] {
				want = append(want, h)
			}
		}
		got := sub.Search(pSub, Options{Threshold: 0.5})
		if !sameHits(got, want) {
			t.Errorf("%q:\n subset %v\n full   %v", q.Name, hitList(got), hitList(want))
		}
		for _, h := range got {
			if _, lists, _ := sub.Candidate(h.EntityID); len(lists) == 0 {
				t.Errorf("%s: no lists in the subset", h.EntityID)
			}
		}
		compared += len(want)
	}
	if compared == 0 {
		t.Fatal("no query hit the subset: the test compares nothing")
	}
}

// SearchNames over some entities' names finds exactly the hits of Search
// on those entities, with the same scores; other entities, however close,
// are not scored.
func TestSearchNamesScoresAsSearch(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	ents := syntheticEntities(r, 1200)
	ix := Build(ents, match.DefaultConfig())
	cfg := ix.Config()
	var compared, left int
	for i := 0; i < 200; i++ {
		e := ents[r.IntN(len(ents))]
		q := match.Query{Name: e.Names[r.IntN(len(e.Names))].Full}
		if i%3 == 0 { // a spelling the index must settle the weight of
			q.Name = strings.Replace(q.Name, "a", "aa", 1)
		}
		p, err := cfg.Prepare(q, ix)
		if err != nil {
			t.Fatal(err)
		}
		full := ix.Search(p, Options{Threshold: 0.5})
		// Every other hit's entity, and a few entities at random.
		chosen := map[int32]bool{}
		for k, h := range full {
			if k%2 == 0 {
				chosen[h.cand] = true
			}
		}
		for k := 0; k < 5; k++ {
			chosen[int32(r.IntN(ix.Len()))] = true
		}
		var ns []int32
		for n, ref := range ix.nameRefs {
			if chosen[ref.cand] {
				ns = append(ns, int32(n))
			}
		}
		var want []Hit
		for _, h := range full {
			if chosen[h.cand] {
				want = append(want, h)
			}
		}
		left += len(full) - len(want)
		p, _ = cfg.Prepare(q, ix)
		got := ix.SearchNames(p, ns, Options{Threshold: 0.5})
		if !sameHits(got, want) {
			t.Errorf("%q:\n names  %v\n search %v", q.Name, hitList(got), hitList(want))
		}
		compared += len(want)
	}
	if compared < 100 || left < 100 {
		t.Fatalf("compared %d hits and left out %d: the test tests too little", compared, left)
	}
}

// Similar gives exactly the listed tokens TokenSim finds similar, and
// the weight a search gives the token.
func TestSimilarIsTokenSim(t *testing.T) {
	ix := Build(syntheticEntities(rand.New(rand.NewPCG(9, 10)), 800), match.DefaultConfig())
	cfg := ix.Config()
	var similar int
	for _, w := range []string{"Sergei", "Lavrof", "Mohamad", "Abdulrahman", "Jinpin", "Melli", "Сергей", "حسن", "Kuznetsova"} {
		tok := names.Analyze(w).Tokens[0]
		got, sims, weight := ix.Similar(&tok)
		p, err := cfg.Prepare(match.Query{Name: w}, ix)
		if err != nil {
			t.Fatal(err)
		}
		ix.Search(p, Options{})              // settles the query's weights
		if p.Names[0].Weights[0] != weight { // the word's first token: tok
			t.Errorf("%s: Similar weighs it %v, a search %v", w, weight, p.Names[0].Weights)
		}
		var want []uint32
		for id := range ix.voc.tokens {
			sim, _ := cfg.UnitSim(&tok, match.Single, &ix.voc.tokens[id], ix.voc.span[id])
			if sim > 0 {
				want = append(want, uint32(id))
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: Similar %v, TokenSim %v", w, got, want)
		}
		for i, id := range got {
			sim, _ := cfg.UnitSim(&tok, match.Single, &ix.voc.tokens[id], ix.voc.span[id])
			if float32(sim) != sims[i] {
				t.Errorf("%s: similarity to %q %v, TokenSim %v", w, ix.voc.tokens[id].Form, sims[i], sim)
			}
		}
		similar += len(want)
	}
	if similar < 20 {
		t.Errorf("%d similar tokens in all: the test tests little", similar)
	}
}
