package index

import (
	"context"
	"errors"
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
		{Subject: entity.Subject{Name: "Sergei Lavrov"}}, {Subject: entity.Subject{Name: "Sergey Lavrof"}}, {Subject: entity.Subject{Name: "Сергей Лавров"}}, {Subject: entity.Subject{Name: "LAVROV"}},
		{Subject: entity.Subject{Name: "Mohammed Ali"}}, {Subject: entity.Subject{Name: "Muhamad Hussein"}}, {Subject: entity.Subject{Name: "Bashar al-Assad"}}, {Subject: entity.Subject{Name: "Assad"}},
		{Subject: entity.Subject{Name: "Xi Jin Ping"}}, {Subject: entity.Subject{Name: "Jinping"}}, {Subject: entity.Subject{Name: "Kim Jong-un"}}, {Subject: entity.Subject{Name: "V. Ivanov"}},
		{Subject: entity.Subject{Name: "Bank Melli"}}, {Subject: entity.Subject{Name: "Melli Bank OOO"}}, {Subject: entity.Subject{Name: "International Trading LLC"}},
		{Subject: entity.Subject{Name: "Abdulrahman"}}, {Subject: entity.Subject{Name: "Nataliya Sidorov"}}, {Subject: entity.Subject{Name: "Rosnft"}}, {Subject: entity.Subject{Name: "Zzyzx Qwerty"}},
		{Subject: entity.Subject{Name: "Anything", IDNumber: "RU0000012"}}, {Subject: entity.Subject{Name: "Ivan Petrov", BirthDate: "1960"}}, {Subject: entity.Subject{Name: "D. M."}},
		// Initials that must retrieve make the search score every name.
		{Subject: entity.Subject{Name: "A. B. C. D. E. F. G. H. I. J. K. L. M."}}, {Subject: entity.Subject{Name: "S. Lavrov I. Petrov A. Rahman"}}, {Subject: entity.Subject{Name: "ali ali ali ali ali"}},
		// A word written twice meets a listed word once (slotBound).
		{Subject: entity.Subject{Name: "Muhammad Muhammad"}}, {Subject: entity.Subject{Name: "Ali Ali Rahman"}}, {Subject: entity.Subject{Name: "Sergei Sergeyovich"}}, {Subject: entity.Subject{Name: "S. Sergei"}},
	}
	for i := 0; i < 60; i++ { // plus the listed names themselves, some reordered
		e := ents[r.IntN(len(ents))]
		n := e.Names[0].Full
		if r.IntN(2) == 0 {
			f := strings.Fields(strings.ReplaceAll(n, ",", ""))
			slices.Reverse(f)
			n = strings.Join(f, " ")
		}
		queries = append(queries, match.Query{Subject: entity.Subject{Name: n, Schema: e.Schema}})
	}
	cfg := ix.Config()
	for _, threshold := range []float64{0.1, 0.3, 0.5, 0.7, 0.8, 0.9} {
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
	p, _ := cfg.Prepare(match.Query{Subject: entity.Subject{Name: "nobody", IDNumber: "100 000 000"}}, ix)
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
		q := match.Query{Subject: entity.Subject{Name: e.Names[r.IntN(len(e.Names))].Full}}
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
		q := match.Query{Subject: entity.Subject{Name: e.Names[r.IntN(len(e.Names))].Full}}
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
		p, err := cfg.Prepare(match.Query{Subject: entity.Subject{Name: w}}, ix)
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

// TestRepeatedWordsScoreFew checks that a query of a common word written
// twice scores only the names that may hold it twice, not every name
// that holds it once: a listed word meets one query word.
func TestRepeatedWordsScoreFew(t *testing.T) {
	var ents []*entity.Entity
	add := func(schema entity.Schema, name string) {
		ents = append(ents, &entity.Entity{ID: fmt.Sprintf("test-%d", len(ents)), Schema: schema, List: "test-list", Names: []entity.Name{{Full: name, Kind: entity.Primary}}})
	}
	family := []string{"Lavrov", "Ivanov", "Petrov", "Hussein", "Kovalenko", "Rahman", "Smirnov", "Haqqani", "Nasrallah", "Kuznetsov"}
	for i := range 300 {
		add(entity.Person, fmt.Sprintf("%s, Muhammad %s", family[i%len(family)], family[(i/len(family))%len(family)]))
	}
	add(entity.Person, "Muhammad Muhammad")
	add(entity.Person, "Muhammad Mohammed Hussein")
	ix := Build(ents, match.DefaultConfig())
	cfg := ix.Config()
	for _, tc := range []struct {
		query     string
		maxScored int // the names holding the word twice, and a few more
	}{
		{"Muhammad Muhammad", 10},
		{"Mohammed Muhammad", 10},
	} {
		p, err := cfg.Prepare(match.Query{Subject: entity.Subject{Name: tc.query}}, ix)
		if err != nil {
			t.Fatal(err)
		}
		var w Work
		got := ix.Search(p, Options{Work: &w})
		if want := ix.BruteForce(p, Options{}); !sameHits(got, want) {
			t.Errorf("%q:\n search %v\n brute  %v", tc.query, hitList(got), hitList(want))
		}
		if len(got) == 0 {
			t.Errorf("%q: no hit", tc.query)
		}
		if w.Scored > tc.maxScored {
			t.Errorf("%q: %d candidates scored, want at most %d of the %d holding the word", tc.query, w.Scored, tc.maxScored, len(ents))
		}
	}
}

// TestHostileQueriesCostWhatLongNamesCost holds the work of a search for
// names built to be expensive (a thousand bytes of initials, of one word
// repeated, of short words) to a small multiple of a long real name's: a
// name keeps at most names.MaxTokens words, each word at most twice, at
// most names.MaxInitials initials.
func TestHostileQueriesCostWhatLongNamesCost(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	ix := Build(syntheticEntities(r, 3000), match.DefaultConfig())
	cfg := ix.Config()
	work := func(name string, threshold float64) Work {
		p, err := cfg.Prepare(match.Query{Subject: entity.Subject{Name: name}}, ix)
		if err != nil {
			t.Fatal(err)
		}
		var w Work
		ix.Search(p, Options{Threshold: threshold, Limit: 10, Work: &w})
		return w
	}
	repeat := func(unit string, n int) string { return strings.TrimSpace(strings.Repeat(unit, n)) }
	var letters strings.Builder
	for i := 0; letters.Len() < 990; i++ {
		fmt.Fprintf(&letters, "%c%c ", 'a'+i%26, 'a'+(i*7)%26)
	}
	hostile := map[string]string{
		"initials":         repeat("A. B. C. D. E. F. G. H. I. J. K. L. M. ", 25),
		"one word":         repeat("ivanov ", 140),
		"one letter":       repeat("a ", 495),
		"pairs of letters": letters.String(),
		"names":            repeat("Sergei Lavrov Muhammad Ali Bank Melli Trading ", 20),
	}
	for _, threshold := range []float64{0.8, match.MinThreshold} {
		// The costliest of a few real names, long and short.
		var normal Work
		for _, name := range []string{"Sergei Lavrov", "Abdul Rahman Muhammad Ali al-Assad", "Kim Jong Un", "Bank Melli International Trading LLC", "V. Ivanov"} {
			if w := work(name, threshold); w.Pairs > normal.Pairs {
				normal = w
			}
		}
		for what, name := range hostile {
			w := work(name, threshold)
			t.Logf("threshold %.1f, %s: %d pairs, %d candidates; real names at most %d, %d", threshold, what, w.Pairs, w.Scored, normal.Pairs, normal.Scored)
			if w.Pairs > 40*normal.Pairs {
				t.Errorf("threshold %.1f, %s (%d bytes): %d word pairs, %d for a seven-word name", threshold, what, len(name), w.Pairs, normal.Pairs)
			}
		}
	}
}

// TestSearchStopsWhenAbandoned checks that a search stops within
// checkEvery candidates of its context being done, and says so.
func TestSearchStopsWhenAbandoned(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	ix := Build(syntheticEntities(r, 3000), match.DefaultConfig())
	cfg := ix.Config()
	var letters strings.Builder
	for i := 0; letters.Len() < 990; i++ {
		fmt.Fprintf(&letters, "%c%c ", 'a'+i%26, 'a'+(i*7)%26)
	}
	p, err := cfg.Prepare(match.Query{Subject: entity.Subject{Name: letters.String()}}, ix)
	if err != nil {
		t.Fatal(err)
	}
	var all Work
	if _, err := ix.SearchContext(context.Background(), p, Options{Threshold: match.MinThreshold, Work: &all}); err != nil {
		t.Fatal(err)
	}
	ctx := &doneAfter{Context: context.Background(), n: 3}
	var w Work
	hits, err := ix.SearchContext(ctx, p, Options{Threshold: match.MinThreshold, Work: &w})
	if !errors.Is(err, context.Canceled) || hits != nil {
		t.Fatalf("abandoned search: %d hits, error %v; want none and context.Canceled", len(hits), err)
	}
	if all.Scored < 10*checkEvery || w.Scored > 3*checkEvery {
		t.Errorf("a search abandoned after its third look scored %d of the %d candidates a whole one scores", w.Scored, all.Scored)
	}
}

// doneAfter is a context that is done from its n-th look on: a client
// that goes away in the middle of a search.
type doneAfter struct {
	context.Context
	n int
}

func (c *doneAfter) Err() error {
	if c.n--; c.n < 0 {
		return context.Canceled
	}
	return nil
}

// TestThresholdFloor checks that no search returns scores below
// match.MinThreshold, whatever it asks for.
func TestThresholdFloor(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	ix := Build(syntheticEntities(r, 500), match.DefaultConfig())
	cfg := ix.Config()
	p, err := cfg.Prepare(match.Query{Subject: entity.Subject{Name: "Ali Bank"}}, ix)
	if err != nil {
		t.Fatal(err)
	}
	hits := ix.Search(p, Options{Threshold: 1e-9})
	if len(hits) == 0 {
		t.Fatal("no hits at the floor")
	}
	for _, h := range hits {
		if h.Score < match.MinThreshold {
			t.Fatalf("%s scored %.3f, below the floor %.1f", h.EntityID, h.Score, match.MinThreshold)
		}
	}
}

// A listed initial meets the query's given name at its full weight once
// the query's surname met the listed name (match's edge bonus): the
// search still finds what brute force finds, also where the surname is
// a common word that does not retrieve and the given name must bring
// the names in (many SMITHs, one "V. SMITH").
func TestListedInitialsEqualBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	ents := syntheticEntities(r, 600)
	person := func(id, name string) *entity.Entity {
		return &entity.Entity{ID: id, List: "test", Schema: entity.Person, Names: []entity.Name{{Full: name, Kind: entity.Primary}}}
	}
	for i := range 60 {
		ents = append(ents, person(fmt.Sprint("smith-", i), fmt.Sprintf("SMITH, %s", []string{"John", "Mary", "Peter", "Anna", "Paul", "Olga"}[i%6])))
	}
	ents = append(ents,
		person("i-1", "SMITH, V."), person("i-2", "SMITH, V.K."), person("i-3", "EHRENREICH, P."),
		person("i-4", "P. E."), person("i-5", "LAVROV, S.V."), person("i-6", "V. Smyth"))
	ix := Build(ents, match.DefaultConfig())
	cfg := ix.Config()
	for _, name := range []string{"Vladimir Smith", "Vladimir Konstantin Smith", "Smith Vladimir", "Paul Ehrenreich", "Paul Erik", "Sergei Viktorovich Lavrov", "Vova Smyth", "V. Smith"} {
		p, err := cfg.Prepare(match.Query{Subject: entity.Subject{Name: name}}, ix)
		if err != nil {
			t.Fatal(err)
		}
		for _, threshold := range []float64{0.1, 0.5, 0.8} {
			for _, limit := range []int{0, 1, 5} {
				got := ix.Search(p, Options{Threshold: threshold, Limit: limit})
				want := ix.BruteForce(p, Options{Threshold: threshold, Limit: limit})
				if !sameHits(got, want) {
					t.Errorf("threshold %.1f, limit %d, %q:\n search %v\n brute  %v", threshold, limit, name, hitList(got), hitList(want))
				}
			}
		}
	}
	// And the rule itself: the listed initial fits the given name.
	p, _ := cfg.Prepare(match.Query{Subject: entity.Subject{Name: "Vladimir Smith"}}, ix)
	if hits := ix.Search(p, Options{Threshold: 0.8}); !slices.ContainsFunc(hits, func(h Hit) bool { return h.EntityID == "i-1" }) {
		t.Errorf("Vladimir Smith does not hit SMITH, V.: %v", hitList(hits))
	}
}
