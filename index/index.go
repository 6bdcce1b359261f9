// Package index finds, among all listed names, the few that can match a
// query, and scores only those.
//
// An Index is built once per set of active list versions and never
// changed: a list update builds a new one, and the service swaps a pointer,
// so searches never wait for a refresh.
//
// # How retrieval stays exact
//
// Every distinct token of the listed names is interned in a vocabulary.
// For a query token, the index finds every vocabulary token with a
// non-zero similarity under match.Config.TokenSim (same form, same
// phonetic or consonant skeleton, an initial, or within the allowed edits,
// which a trigram count filter narrows down), and follows their postings to
// the names holding them. Each name gathers an upper bound of its score:
// the weight of the query tokens it may match, as if they matched
// perfectly. Light query tokens (particles, initials, common words) whose
// weights together cannot lift a name to the threshold are not used to
// retrieve names at all; they only raise the bounds of the names the
// others brought, heaviest first, and a name that cannot reach the
// threshold with what is left to gather is dropped on the way. The
// scorer pairs a listed word with one query word, so a name's bound is
// also bounded from its side: the sum over its words of the most a query
// unit earns on each ("Muhammad Muhammad" earns one Muhammad's weight
// against "Muhammad Hasan"). A name is scored only if its upper bound,
// plus the most that dates and countries can add, reaches the threshold. So a name the index does not
// score cannot reach the threshold, and the brute-force comparison in
// `veto bench` checks that no true match is ever lost.
//
// The index uses match.Config's token similarity to retrieve, so retrieval
// and scoring cannot disagree; that is why it imports match.
package index

import (
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/names"
)

// Index is an immutable search structure over a set of entities. It is
// safe for concurrent use.
type Index struct {
	cfg   match.Config
	cands []*match.Candidate
	// lists[i] are the lists on which candidate i is (an ID can be on
	// several: ofac-sdn and us-csl).
	lists [][]string
	byID  map[string]int32
	// nameRefs flattens every candidate's names: postings point into it.
	nameRefs []nameRef
	// slots holds, name after name, the vocab entries of each name's
	// tokens and then of its spans (see nameRef.slots): what retrieval
	// reads of a name from its side, in one array rather than behind
	// three pointers. A name's PreparedName.IDs are its tokens' part.
	slots []uint32
	voc   *vocab
	// postings[v] are the names (indexes into nameRefs) holding vocab
	// entry v, ascending.
	postings [][]int32
	// df counts, per phonetic skeleton, the names holding it.
	df     map[string]int32
	nNames float64
	// ids maps folded identifiers to candidates.
	ids map[string][]int32

	pool  sync.Pool
	cache *expansionCache

	// Stats describe the build.
	Stats Stats
}

type nameRef struct {
	cand int32
	name int16
	// slots is where the name's entries start in Index.slots; the next
	// name's start is where they end.
	slots uint32
}

// slotsOf returns the vocab entries of name n's tokens and spans.
func (ix *Index) slotsOf(n int32) []uint32 {
	end := uint32(len(ix.slots))
	if int(n)+1 < len(ix.nameRefs) {
		end = ix.nameRefs[n+1].slots
	}
	return ix.slots[ix.nameRefs[n].slots:end]
}

// MinCorpusNames is the smallest number of names token weights are
// computed over (see Build). The real lists hold far more.
const MinCorpusNames = 10000

// Stats describe an index.
type Stats struct {
	Entities  int           `json:"entities"`
	Records   int           `json:"records"`
	Names     int           `json:"names"`
	Tokens    int           `json:"tokens"`
	Vocab     int           `json:"vocab"`
	BuildTime time.Duration `json:"buildTime"`
}

// Build indexes entities, scoring with cfg. Records with the same ID (one
// designation on several lists) become one candidate: the record from the
// publisher's own list first, with the names, identifiers, dates and
// countries of the others added.
func Build(ents []*entity.Entity, cfg match.Config) *Index {
	merged, lists := mergeRecords(ents)
	ix := build(merged, lists, cfg, nil)
	ix.Stats.Records = len(ents)
	return ix
}

// Subset returns an index of some of ix's entities that weighs words as
// ix does, so that a query scores against each of them exactly as it
// would against ix: monitoring screens every customer against what a list
// update added or changed, in a small index, with the full lists' word
// rarities. IDs ix does not have are skipped.
func (ix *Index) Subset(ids []string) *Index {
	var ents []*entity.Entity
	var lists [][]string
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		i, ok := ix.byID[id]
		if !ok || seen[id] {
			continue
		}
		seen[id] = true
		ents = append(ents, ix.cands[i].Entity)
		lists = append(lists, ix.lists[i])
	}
	return build(ents, lists, ix.cfg, ix)
}

// build indexes merged records; with a parent, word weights are the
// parent's.
func build(merged []*entity.Entity, lists [][]string, cfg match.Config, parent *Index) *Index {
	start := time.Now()
	ix := &Index{cfg: cfg, byID: map[string]int32{}, df: map[string]int32{}, ids: map[string][]int32{}, voc: newVocab(), cache: newExpansionCache()}
	ix.lists = lists

	// Analyse every name, on every core; then count document frequencies,
	// so that weights are known when the candidates are prepared.
	analysed := make([][]names.Name, len(merged))
	parallel(len(merged), func(i int) { analysed[i] = match.AnalyseNames(merged[i]) })
	for _, an := range analysed {
		for _, a := range an {
			if len(a.Tokens) == 0 {
				continue
			}
			for j, t := range a.Tokens {
				if !seenBefore(a.Tokens[:j], t.Phon) {
					ix.df[t.Phon]++
				}
			}
			ix.nNames++
		}
	}
	if parent != nil {
		ix.df, ix.nNames = parent.df, parent.nNames
	}
	// A small index (the demo dataset, a test fixture, a bank's private
	// list) says little about how rare a word is: weigh its words as if
	// they were in a list of MinCorpusNames names where they are as
	// frequent, so that "Sergei Lavrov" against 30 entities is as strong a
	// query as against the OFAC list.
	ix.nNames = max(ix.nNames, MinCorpusNames)

	ix.cands = make([]*match.Candidate, len(merged))
	parallel(len(merged), func(i int) { ix.cands[i] = ix.cfg.NewCandidateAnalysed(merged[i], analysed[i], ix) })
	nSlots := 0
	for _, c := range ix.cands {
		for ni := range c.Names {
			nSlots += len(c.Names[ni].Tokens) + len(c.Names[ni].Joined)
		}
	}
	ix.slots = make([]uint32, 0, nSlots)
	for i, c := range ix.cands {
		ix.byID[c.Entity.ID] = int32(i)
		for _, id := range c.IDs() {
			ix.ids[id] = append(ix.ids[id], int32(i))
		}
		for ni := range c.Names {
			pn := &c.Names[ni]
			ref := int32(len(ix.nameRefs))
			start := len(ix.slots)
			ix.nameRefs = append(ix.nameRefs, nameRef{cand: int32(i), name: int16(ni), slots: uint32(start)})
			for t := range pn.Tokens {
				ix.slots = append(ix.slots, ix.post(&pn.Tokens[t], match.Single, ref))
				ix.Stats.Tokens++
			}
			pn.IDs = ix.slots[start:len(ix.slots):len(ix.slots)]
			for t := range pn.Joined {
				pn.Joined[t].ID = ix.post(pn.Joined[t].Token, pn.Joined[t].Kind, ref)
				ix.slots = append(ix.slots, pn.Joined[t].ID)
				pn.Joined[t].Token = nil
			}
			// Without their tokens the spans are small: copy them to an
			// array of their own size, freeing the one Spans grew.
			pn.Joined = slices.Clone(pn.Joined)
			// The vocabulary holds every token once: "mohammed" is
			// stored once, not four thousand times.
			pn.Tokens = nil
		}
	}
	for _, c := range ix.cands {
		for ni := range c.Names {
			c.Names[ni].Vocab = ix.voc.tokens
		}
	}
	ix.voc.build()
	ix.Stats.Entities = len(ix.cands)
	ix.Stats.Records = len(merged)
	ix.Stats.Names = len(ix.nameRefs)
	ix.Stats.Vocab = len(ix.voc.tokens)
	ix.Stats.BuildTime = time.Since(start)
	return ix
}

// post interns a token and adds name ref to its postings.
func (ix *Index) post(t *names.Token, span match.SpanKind, ref int32) uint32 {
	id := ix.voc.intern(t, span)
	for int(id) >= len(ix.postings) {
		ix.postings = append(ix.postings, nil)
	}
	p := ix.postings[id]
	if len(p) == 0 || p[len(p)-1] != ref {
		ix.postings[id] = append(p, ref)
	}
	return id
}

// Weight implements match.Weigher: a token weighs ln(1 + N/df), its
// rarity among the N listed names; a token no listed name has weighs most.
func (ix *Index) Weight(t *names.Token) float64 { return ix.idf(ix.df[t.Phon]) }

func (ix *Index) idf(df int32) float64 { return math.Log(1 + ix.nNames/max(float64(df), 1)) }

// Config returns the scoring configuration the index was built with.
func (ix *Index) Config() match.Config { return ix.cfg }

// Len returns the number of candidates (distinct entity IDs).
func (ix *Index) Len() int { return len(ix.cands) }

// Candidate returns a candidate and the lists it is on, by entity ID.
func (ix *Index) Candidate(id string) (*match.Candidate, []string, bool) {
	i, ok := ix.byID[id]
	if !ok {
		return nil, nil, false
	}
	return ix.cands[i], ix.lists[i], true
}

// Each calls fn with every candidate and the lists it is on, in index
// order (yente's search with no query lists every entity).
func (ix *Index) Each(fn func(c *match.Candidate, lists []string)) {
	for i, c := range ix.cands {
		fn(c, ix.lists[i])
	}
}

// mergeRecords groups records by ID. The first record of a group is the
// one from the ID's own publisher (ofac-35233 from ofac-sdn rather than
// us-csl), preferring lists in name order; the others lend it their names,
// identifiers, dates and countries.
func mergeRecords(ents []*entity.Entity) ([]*entity.Entity, [][]string) {
	groups := map[string][]*entity.Entity{}
	var order []string
	for _, e := range ents {
		if _, ok := groups[e.ID]; !ok {
			order = append(order, e.ID)
		}
		groups[e.ID] = append(groups[e.ID], e)
	}
	out := make([]*entity.Entity, 0, len(order))
	lists := make([][]string, 0, len(order))
	for _, id := range order {
		g := groups[id]
		slices.SortStableFunc(g, func(a, b *entity.Entity) int {
			ao, bo := strings.HasPrefix(a.List, a.Publisher()+"-"), strings.HasPrefix(b.List, b.Publisher()+"-")
			switch {
			case ao && !bo:
				return -1
			case bo && !ao:
				return 1
			}
			return strings.Compare(a.List, b.List)
		})
		var ls []string
		for _, e := range g {
			if !slices.Contains(ls, e.List) {
				ls = append(ls, e.List)
			}
		}
		lists = append(lists, ls)
		if len(g) == 1 {
			out = append(out, slim(g[0]))
			continue
		}
		m := *slim(g[0])
		m.Names = slices.Clone(m.Names)
		m.Identifiers = slices.Clone(m.Identifiers)
		m.BirthDates = slices.Clone(m.BirthDates)
		for _, o := range g[1:] {
			for _, n := range o.Names {
				m.AddName(n)
			}
			for _, x := range o.Identifiers {
				m.AddIdentifier(x)
			}
			for _, d := range o.BirthDates {
				m.AddBirthDate(d)
			}
			entity.AddCountry(&m.Nationalities, o.Nationalities...)
			entity.AddCountry(&m.Citizenships, o.Citizenships...)
			entity.AddCountry(&m.Countries, o.Countries...)
		}
		out = append(out, &m)
	}
	return out, lists
}

// slim returns a copy of e with what screening uses: names, dates,
// countries (address countries kept as countries), identifiers, gender,
// programmes. The raw record, notes, addresses, relations and other
// properties, most of an entity's memory, stay in the store.
func slim(e *entity.Entity) *entity.Entity {
	c := &entity.Entity{
		ID: e.ID, Schema: e.Schema, List: e.List, Names: e.Names, BirthDates: e.BirthDates, Gender: e.Gender,
		Nationalities: e.Nationalities, Citizenships: e.Citizenships, Countries: e.Countries,
		Identifiers: e.Identifiers, Programs: e.Programs, ListingDate: e.ListingDate,
	}
	for _, a := range e.Addresses {
		entity.AddCountry(&c.Countries, a.Country)
	}
	return c
}

func seenBefore(toks []names.Token, phon string) bool {
	for _, t := range toks {
		if t.Phon == phon {
			return true
		}
	}
	return false
}

// parallel calls fn(i) for i in [0, n) on every core.
func parallel(n int, fn func(i int)) {
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	chunk := (n + workers - 1) / workers
	for w := 0; w < workers; w++ {
		lo, hi := w*chunk, min((w+1)*chunk, n)
		if lo >= hi {
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := lo; i < hi; i++ {
				fn(i)
			}
		}()
	}
	wg.Wait()
}
