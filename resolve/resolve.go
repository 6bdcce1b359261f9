package resolve

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/index"
	"github.com/vetoscreen/veto/match"
)

// DecisionKind is what an analyst decided about two listings.
type DecisionKind string

// Decision kinds.
const (
	// Merge joins the subjects of A and B.
	Merge DecisionKind = entity.DecisionMerge
	// NotSame keeps A and B in different subjects, whatever the evidence.
	NotSame DecisionKind = entity.DecisionNotSame
	// Alone splits A from its subject: it joins no other listing except
	// by an analyst's merge. B is empty.
	Alone DecisionKind = entity.DecisionAlone
)

// Decision is an analyst's decision on listings, applied on every
// resolution so that it outlives list updates.
type Decision struct {
	Kind DecisionKind `json:"kind"`
	A    string       `json:"a"`
	B    string       `json:"b,omitempty"`
	// Detail is what a merge's link says (Link.Detail): which stored
	// decision placed the listing.
	Detail string `json:"detail,omitempty"`
}

// Validate checks a decision's shape.
func (d Decision) Validate() error {
	switch d.Kind {
	case Merge, NotSame:
		if d.A == "" || d.B == "" || d.A == d.B {
			return fmt.Errorf("resolve: a %s decision needs two different entity IDs", d.Kind)
		}
	case Alone:
		if d.A == "" || d.B != "" {
			return fmt.Errorf("resolve: an %s decision needs one entity ID", d.Kind)
		}
	default:
		return fmt.Errorf("resolve: unknown decision %q (want merge, not-same or alone)", d.Kind)
	}
	return nil
}

// Config holds the thresholds of resolution.
type Config struct {
	// JoinScore is the lowest name score that joins two people with the
	// same full date of birth, or two organisations with a shared country
	// and address.
	JoinScore float64
	// PossibleScore is the lowest name score that makes two listings a
	// possible-same pair when their facts agree.
	PossibleScore float64
	// SoleScore is the lowest name score by which a person without a full
	// date of birth is joined to the only subject its names find.
	SoleScore float64
	// SoleMargin: a person's sole match scoring more than this below
	// the best that the listing's names find on any other list is not
	// its (another list's namesake is a better reading of the name).
	// Organisations' names vary more between lists (CO., COMPANY,
	// LIMITED), and a margin cost them a tenth of the joins the
	// publishers' references confirm.
	SoleMargin float64
	// MaxQueryNames caps the names of a listing scored against another
	// (its primary name first, then strong aliases).
	MaxQueryNames int
	// SearchNames caps the names of a listing searched in the index for
	// counterparts without a shared date of birth: each name searched
	// costs a search, and the primary names are what lists share (on
	// ../shared/data, one name instead of two: 0.78 of the CPU, people's
	// recall 0.987 → 0.990, organisations' 0.944 → 0.918).
	SearchNames int
	// SearchLimit is the most listings a name searched may find and
	// still give evidence: more, and it is a common name.
	SearchLimit int
	// MaxShared is the most listings one identifier value may join: a
	// value shared more widely is a placeholder or a registry of many
	// parties ("N/A", a shared agent's number), not an identity.
	MaxShared int
}

// DefaultConfig returns the thresholds measured on the lists of
// ../shared/data (see the package's real-data test).
func DefaultConfig() Config {
	return Config{JoinScore: 0.9, PossibleScore: 0.8, SoleScore: 0.85, SoleMargin: 0.05, MaxQueryNames: 8, SearchNames: 1, SearchLimit: 12, MaxShared: 6}
}

// Options control one resolution.
type Options struct {
	Config Config
	// Previous maps member entity IDs to the subject IDs of the previous
	// resolution, which subjects keep (see IDs).
	Previous map[string]string
	// Decisions are the analysts' decisions.
	Decisions []Decision
	// Use limits the evidence used; nil means all. Evaluation resolves
	// with the name evidence alone and with the publishers' alone, and
	// compares.
	Use []Evidence
	// Workers searching names in parallel; 0 means GOMAXPROCS.
	Workers int
}

func (o *Options) uses(e Evidence) bool { return o.Use == nil || slices.Contains(o.Use, e) }

// Resolve groups the listings of ix into subjects. ents are the records
// ix was built from (the index keeps only what screening reads; the
// publishers' cross-references and addresses are in the records).
func Resolve(ctx context.Context, ix *index.Index, ents []*entity.Entity, opts Options) (*Resolution, error) {
	if opts.Config == (Config{}) {
		opts.Config = DefaultConfig()
	}
	for _, d := range opts.Decisions {
		if err := d.Validate(); err != nil {
			return nil, err
		}
	}
	g := newGraph(ix, ents)
	res := &Resolution{Vetoed: map[Evidence]int{}}

	for _, d := range opts.Decisions {
		a, okA := g.byID[d.A]
		b, okB := g.byID[d.B]
		switch {
		case d.Kind == Alone && okA:
			g.alone[a] = true
		case d.Kind == NotSame && okA && okB:
			g.notSame[pairOf(a, b)] = true
		}
	}
	var links []Link
	for _, d := range opts.Decisions {
		if d.Kind == Merge {
			links = append(links, Link{A: d.A, B: d.B, Evidence: Analyst, Score: 1, Detail: d.Detail})
		}
	}
	if opts.uses(CrossReference) {
		links = append(links, g.crossReferences(opts.Config.MaxQueryNames)...)
	}
	if opts.uses(Identifier) {
		links = append(links, g.identifiers(opts.Config.MaxShared)...)
	}
	var possible []Link
	var sole map[int][]scored
	if opts.uses(NameAndBirth) || opts.uses(NameAndAddress) || opts.uses(SoleName) {
		soft, maybe, found, err := g.names(ctx, opts)
		if err != nil {
			return nil, err
		}
		links = append(links, soft...)
		possible = maybe
		sole = found
	}
	// Strongest evidence first, then the highest scores: a weak link
	// never takes the place of a strong one in the tree of a subject.
	slices.SortStableFunc(links, func(a, b Link) int {
		return cmp.Or(cmp.Compare(a.Evidence.strength(), b.Evidence.strength()), cmp.Compare(b.Score, a.Score))
	})
	var accepted []Link
	apply := func(l Link) {
		switch g.apply(l) {
		case joined:
			accepted = append(accepted, l)
		case vetoedByFacts:
			res.Vetoed[l.Evidence]++
			// Names and facts that agree, joined to a subject whose
			// other members contradict the listing (a second listing of
			// one list, another date of birth): an analyst decides.
			if l.Evidence.strength() > Identifier.strength() {
				possible = append(possible, l)
			}
		case vetoedByAnalyst:
			res.Vetoed[l.Evidence]++
		}
	}
	for _, l := range links {
		apply(l)
	}
	if opts.uses(SoleName) {
		for _, l := range g.soleMatches(sole, opts.Config) {
			apply(l)
		}
	}
	trees := g.trees(accepted)
	for root, ms := range g.members {
		if g.find(root) != root {
			continue
		}
		res.Subjects = append(res.Subjects, g.subject(ms, trees[root]))
	}
	assignIDs(res.Subjects, opts.Previous)
	res.index()
	// A pair whose subjects an analyst kept apart is decided: it leaves
	// the queue.
	seen := map[[2]string]bool{}
	for _, p := range possible {
		k := [2]string{min(p.A, p.B), max(p.A, p.B)}
		if sa, sb := res.byMem[p.A], res.byMem[p.B]; sa != sb && !seen[k] && !g.decidedApart(g.members[g.find(g.byID[p.A])], g.members[g.find(g.byID[p.B])]) {
			seen[k] = true
			res.Possible = append(res.Possible, p)
		}
	}
	slices.SortFunc(res.Possible, func(a, b Link) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.A, b.A), cmp.Compare(a.B, b.B))
	})
	return res, nil
}

// Outcomes of graph.apply.
const (
	joined = iota
	vetoedByFacts
	vetoedByAnalyst
	absent
)

// apply joins the subjects of a link's listings unless a contradiction or
// a decision vetoes it. A decision on a listing no list carries today
// is absent.
func (g *graph) apply(l Link) int {
	a, okA := g.byID[l.A]
	b, okB := g.byID[l.B]
	if !okA || !okB {
		return absent
	}
	ra, rb := g.find(a), g.find(b)
	if ra == rb {
		return joined
	}
	if veto := g.veto(ra, rb, l.Evidence); veto != joined {
		return veto
	}
	g.union(ra, rb)
	return joined
}

// trees returns the links each subject shows, by root: a spanning tree of
// the links accepted (joining or within one subject), the lists' own
// evidence first, in the order applied, and analysts' merges last.
// Merges are applied first, so that no weaker evidence joins across them
// what contradicts; but a subject shows what its lists say, and a merge
// only where it joins what they do not. The lists' evidence is weighed
// again as if there were no merge: a link the merged subject holds only
// because of a merge (a second listing of one list) shows as the merge.
func (g *graph) trees(accepted []Link) map[int][]Link {
	merge := func(l Link) int {
		if l.Evidence == Analyst {
			return 1
		}
		return 0
	}
	slices.SortStableFunc(accepted, func(a, b Link) int { return cmp.Compare(merge(a), merge(b)) })
	parent := make([]int, len(g.listings))
	for i := range parent {
		parent[i] = i
	}
	members := map[int][]int{}
	group := func(i int) []int {
		if ms, ok := members[i]; ok {
			return ms
		}
		return []int{i}
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	trees := map[int][]Link{}
	for _, l := range accepted {
		a, b := find(g.byID[l.A]), find(g.byID[l.B])
		if a == b || g.vetoMembers(group(a), group(b), l.Evidence) != joined {
			continue
		}
		members[a] = append(group(a), group(b)...)
		delete(members, b)
		parent[b] = a
		r := g.find(a)
		trees[r] = append(trees[r], l)
	}
	return trees
}

// scored is a listing found by a search, with its score.
type scored struct {
	j     int
	score float64
}

// soleMatches links a person without a full date of birth, or an
// organisation, to the one listing of another list its names find there, when they find only one
// (and, where that listing searched too, it found only this one on the
// first's list): Canada lists Sergei Viktorovich LAVROV with a year of
// birth only; UN, UK, Australian and US lists give JAMES KOANG CHUOL the
// year 1961 alone. A name that finds two listings on one list (two people
// of one name, as common names do) links to neither there, and the pairs
// stay possible-same pairs; so does a person's that scores well below
// what the names find on another list (SoleMargin: Canada's "Ali Al-Salim" is the
// Australian and British Ali Al-Salim, not OFAC's listing that has the
// name as an alias). Organisations in different countries are never
// joined so (see contradicts).
func (g *graph) soleMatches(found map[int][]scored, c Config) []Link {
	// onList[i][list] counts the listings of list that i found at the
	// sole score and that nothing rules out.
	fits := func(h scored, a *listing) bool {
		b := g.listings[h.j]
		return h.score >= c.SoleScore && a.yearsMeet(b) && !contradicts(a, b)
	}
	onList := map[int]map[string]int{}
	best := map[int]float64{}
	for i, hs := range found {
		m := map[string]int{}
		for _, h := range hs {
			if fits(h, g.listings[i]) {
				m[entryOf(g.listings[h.j].e)]++
				best[i] = max(best[i], h.score)
			}
		}
		onList[i] = m
	}
	var links []Link
	for i, hs := range found {
		a := g.listings[i]
		for _, h := range hs {
			b := g.listings[h.j]
			if !fits(h, a) || onList[i][entryOf(b.e)] != 1 || a.person() && h.score < best[i]-c.SoleMargin {
				continue
			}
			if back, ok := onList[h.j]; ok && back[entryOf(a.e)] != 1 {
				continue
			}
			if h.j < i && onList[h.j] != nil {
				continue // the pair is taken from its other side
			}
			links = append(links, Link{A: a.e.ID, B: b.e.ID, Evidence: SoleName, Score: h.score, Detail: "the only listing its names find on " + b.lists[0]})
		}
	}
	slices.SortFunc(links, func(x, y Link) int {
		return cmp.Or(cmp.Compare(y.Score, x.Score), cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B))
	})
	return links
}

// graph is the union-find of listings.
type graph struct {
	ix       *index.Index
	listings []*listing
	byID     map[string]int
	parent   []int
	members  map[int][]int
	alone    map[int]bool
	notSame  map[[2]int]bool
}

func newGraph(ix *index.Index, ents []*entity.Entity) *graph {
	g := &graph{ix: ix, byID: map[string]int{}, members: map[int][]int{}, alone: map[int]bool{}, notSame: map[[2]int]bool{}}
	records := map[string][]*entity.Entity{}
	for _, e := range ents {
		records[e.ID] = append(records[e.ID], e)
	}
	ix.EachCandidate(func(c *match.Candidate, lists []string) {
		i := len(g.listings)
		g.listings = append(g.listings, newListing(c, lists, records[c.Entity.ID]))
		g.byID[c.Entity.ID] = i
		g.parent = append(g.parent, i)
		g.members[i] = []int{i}
	})
	return g
}

func pairOf(a, b int) [2]int {
	if a > b {
		a, b = b, a
	}
	return [2]int{a, b}
}

func (g *graph) find(i int) int {
	for g.parent[i] != i {
		g.parent[i] = g.parent[g.parent[i]]
		i = g.parent[i]
	}
	return i
}

// union joins two roots; the larger keeps its root.
func (g *graph) union(a, b int) int {
	if len(g.members[a]) < len(g.members[b]) {
		a, b = b, a
	}
	g.parent[b] = a
	g.members[a] = append(g.members[a], g.members[b]...)
	delete(g.members, b)
	return a
}

// veto says whether the subjects of roots a and b may be joined by
// evidence e (joined), or what forbids it.
func (g *graph) veto(a, b int, e Evidence) int {
	return g.vetoMembers(g.members[a], g.members[b], e)
}

// vetoMembers says whether two groups of listings may be joined by
// evidence e (joined), or what forbids it.
func (g *graph) vetoMembers(ma, mb []int, e Evidence) int {
	if e == Analyst {
		return joined
	}
	if g.decidedApart(ma, mb) {
		return vetoedByAnalyst
	}
	for _, x := range ma {
		for _, y := range mb {
			la, lb := g.listings[x], g.listings[y]
			if e == CrossReference && impossible(la, lb) || e != CrossReference && contradicts(la, lb) {
				return vetoedByFacts
			}
		}
	}
	return joined
}

// decidedApart says whether an analyst's decision keeps two groups of
// listings apart: a member of one is not the same as a member of the
// other, or stands alone.
func (g *graph) decidedApart(ma, mb []int) bool {
	for _, x := range ma {
		if g.alone[x] {
			return true
		}
		for _, y := range mb {
			if g.notSame[pairOf(x, y)] || g.alone[y] {
				return true
			}
		}
	}
	return false
}

func (g *graph) subject(ms []int, links []Link) *Subject {
	s := &Subject{Links: links}
	for _, i := range ms {
		l := g.listings[i]
		s.Members = append(s.Members, Member{EntityID: l.e.ID, Schema: l.e.Schema, Caption: l.e.Caption(), List: l.e.List, Lists: l.lists})
	}
	slices.SortFunc(s.Members, func(a, b Member) int { return cmp.Compare(a.EntityID, b.EntityID) })
	// The caption is the one most members write (folded), else the
	// richest record's (most names), else the first by ID: the EU's
	// primary name may be in any of its 24 languages.
	votes := map[string]int{}
	for _, m := range s.Members {
		votes[fold(m.Caption)]++
		s.Schema = specific(s.Schema, m.Schema)
	}
	names := func(m Member) int { return len(g.listings[g.byID[m.EntityID]].e.Names) }
	best := 0
	for i, m := range s.Members {
		b := s.Members[best]
		if v, bv := votes[fold(m.Caption)], votes[fold(b.Caption)]; v > bv || v == bv && names(m) > names(b) {
			best = i
		}
	}
	s.Caption = s.Members[best].Caption
	slices.SortStableFunc(s.Links, func(a, b Link) int {
		return cmp.Compare(a.Evidence.strength(), b.Evidence.strength())
	})
	return s
}

// specific returns the more specific of two schemata: a Person over a
// LegalEntity, a Company over an Organization.
func specific(a, b entity.Schema) entity.Schema {
	rank := func(s entity.Schema) int {
		switch s {
		case "":
			return 0
		case entity.LegalEntity:
			return 1
		case entity.Organization:
			return 2
		}
		return 3
	}
	if rank(b) > rank(a) {
		return b
	}
	return a
}

// crossReferences links listings by their publishers' sameAs relations:
// to the listing the target names, and to every other listing that names
// the same target (two UK listings quoting one UN reference the UN list
// does not carry today). Each link carries the name score of its two
// listings: where references conflict (one UK listing quoting the UN
// reference of another person), the references whose names agree are
// taken first and the others then fall to impossible.
func (g *graph) crossReferences(maxNames int) []Link {
	var links []Link
	sc := newNameScorer(g, maxNames)
	byTarget := map[string]int{}
	for i, l := range g.listings {
		for _, r := range l.relations {
			if r.Type != "sameAs" || r.Target == "" || r.Target == l.e.ID {
				continue
			}
			if j, ok := g.byID[r.Target]; ok {
				links = append(links, Link{A: l.e.ID, B: r.Target, Evidence: CrossReference, Score: sc.score(i, j, 1), Detail: r.Target})
			}
			if first, ok := byTarget[r.Target]; ok && first != i {
				links = append(links, Link{A: g.listings[first].e.ID, B: l.e.ID, Evidence: CrossReference, Score: sc.score(first, i, 1), Detail: r.Target})
			} else if !ok {
				byTarget[r.Target] = i
			}
		}
	}
	return links
}

// nameScorer scores the names of two listings against each other, each
// side's names the query once, the better reading counting. It is not
// safe for concurrent use.
type nameScorer struct {
	g        *graph
	cfg      match.Config
	sc       *match.Scorer
	maxNames int
	prepared map[int]*match.Prepared
}

func newNameScorer(g *graph, maxNames int) *nameScorer {
	ns := &nameScorer{g: g, cfg: g.ix.Config(), maxNames: maxNames, prepared: map[int]*match.Prepared{}}
	ns.sc = match.NewScorer(&ns.cfg)
	return ns
}

// prepare returns listing i's names as a prepared query; nil for names too
// odd to search by, which give no evidence.
func (ns *nameScorer) prepare(i int) *match.Prepared {
	p, ok := ns.prepared[i]
	if !ok {
		p, _ = ns.cfg.Prepare(ns.g.listings[i].query(ns.maxNames), ns.g.ix)
		ns.prepared[i] = p
	}
	return p
}

// score returns the better of the two readings, not reading the second
// when the first reaches enough.
func (ns *nameScorer) score(i, j int, enough float64) float64 {
	score := 0.0
	if p := ns.prepare(i); p != nil {
		score = ns.sc.Score(p, ns.g.listings[j].cand, nil, false).Score
	}
	if p := ns.prepare(j); p != nil && score < enough {
		score = max(score, ns.sc.Score(p, ns.g.listings[i].cand, nil, false).Score)
	}
	return score
}

// identifiers links listings of different lists that carry the same
// identifying number, where their countries do not disagree.
func (g *graph) identifiers(maxShared int) []Link {
	byKey := map[string][]int{}
	var keys []string
	for i, l := range g.listings {
		for _, id := range l.ids {
			k := id.kind + " " + id.value
			if _, ok := byKey[k]; !ok {
				keys = append(keys, k)
			}
			if !slices.Contains(byKey[k], i) {
				byKey[k] = append(byKey[k], i)
			}
		}
	}
	slices.Sort(keys)
	var links []Link
	for _, k := range keys {
		ls := byKey[k]
		if len(ls) < 2 || len(ls) > maxShared {
			continue
		}
		for x := range ls {
			for y := x + 1; y < len(ls); y++ {
				a, b := g.listings[ls[x]], g.listings[ls[y]]
				if ca, cb := a.idCountry(k), b.idCountry(k); ca != "" && cb != "" && ca != cb {
					continue
				}
				links = append(links, Link{A: a.e.ID, B: b.e.ID, Evidence: Identifier, Score: 1, Detail: k})
			}
		}
	}
	return links
}

// names finds pairs of listings of different lists whose names agree,
// and weighs each with the facts of both. People with a full date of
// birth are compared with every person born the same day; other
// listings search their names in the index.
//
// It also returns what each person without a full date of birth found,
// for soleMatches.
func (g *graph) names(ctx context.Context, opts Options) (links, possible []Link, sole map[int][]scored, err error) {
	c := opts.Config
	cfg := g.ix.Config()
	workers := cmp.Or(opts.Workers, runtime.GOMAXPROCS(0))

	// Work items: a search of one listing's names, or a pair of people
	// born the same day.
	type item struct {
		// search are listings whose names, searched once, are the
		// same query: one name is often listed by four or five lists.
		search []int
		born   [2]int
	}
	var items []item
	byQuery := map[string]int{}
	byDay := map[string][]int{}
	var days []string
	for i, l := range g.listings {
		if l.person() && len(l.dobs) > 0 {
			// A date is also filed under the next day and under its day
			// and month swapped, to meet its twin one day apart or
			// mistyped (see near).
			for _, d := range l.dobs {
				for _, day := range []string{d, nextDay(d), swap(d)} {
					if day == "" || slices.Contains(byDay[day], i) {
						continue
					}
					if _, ok := byDay[day]; !ok {
						days = append(days, day)
					}
					byDay[day] = append(byDay[day], i)
				}
			}
			continue
		}
		// Vessels and aircraft are joined by their numbers, not names.
		if l.person() || l.org() {
			q := l.query(c.SearchNames)
			k := string(q.Schema) + "\x00" + strings.ToLower(q.Name+"\x00"+strings.Join(q.Aliases, "\x00"))
			if n, ok := byQuery[k]; ok {
				items[n].search = append(items[n].search, i)
				continue
			}
			byQuery[k] = len(items)
			items = append(items, item{search: []int{i}})
		}
	}
	// A pair may share several days (a date, and the next day of the
	// other's); it is scored once. Pairs that cannot be joined are not
	// scored at all.
	paired := map[[2]int]bool{}
	for _, d := range days {
		for x, i := range byDay[d] {
			for _, j := range byDay[d][x+1:] {
				k := pairOf(i, j)
				if !paired[k] && !contradicts(g.listings[i], g.listings[j]) {
					paired[k] = true
					items = append(items, item{born: k})
				}
			}
		}
	}

	type found struct {
		a, b  int
		score float64
	}
	results := make([][]found, workers)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ns := newNameScorer(g, c.MaxQueryNames)
			// Pairs below the possible score are not wanted: the scorer
			// may stop early on them.
			ns.sc.Floor = c.PossibleScore
			for k := w; k < len(items); k += workers {
				if k%64 == w && ctx.Err() != nil {
					errs[w] = ctx.Err()
					return
				}
				it := items[k]
				if it.search == nil {
					if score := ns.score(it.born[0], it.born[1], c.JoinScore); score >= c.PossibleScore {
						results[w] = append(results[w], found{it.born[0], it.born[1], score})
					}
					continue
				}
				p, err := cfg.Prepare(g.listings[it.search[0]].query(c.SearchNames), g.ix)
				if err != nil {
					continue // a name too odd to search by: no evidence
				}
				// Without a shared date of birth a pair is joined as the
				// sole match of its names, or by a shared address at the
				// join score, or is a possible pair at the join score.
				// A name found more than SearchLimit times is too common
				// to be anyone's sole match (and a limit lets the index
				// stop early): it gives no evidence.
				hits := g.ix.Search(p, index.Options{Threshold: min(c.JoinScore, c.SoleScore), Limit: c.SearchLimit + 1})
				if len(hits) > c.SearchLimit {
					continue
				}
				for _, i := range it.search {
					a := g.listings[i]
					for _, h := range hits {
						if j, ok := g.byID[h.EntityID]; ok && j != i && entryOf(g.listings[j].e) != entryOf(a.e) {
							results[w] = append(results[w], found{i, j, h.Score})
						}
					}
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, nil, nil, err
		}
	}
	// A pair may be found from both sides, with scores that differ (each
	// side's names are the query once): the better reading counts.
	best := map[[2]int]float64{}
	sole = map[int][]scored{}
	for _, rs := range results {
		for _, f := range rs {
			k := pairOf(f.a, f.b)
			best[k] = max(best[k], f.score)
			if a := g.listings[f.a]; a.org() || a.person() && len(a.dobs) == 0 {
				sole[f.a] = append(sole[f.a], scored{f.b, f.score})
			}
		}
	}
	pairs := make([][2]int, 0, len(best))
	for k := range best {
		pairs = append(pairs, k)
	}
	slices.SortFunc(pairs, func(x, y [2]int) int { return cmp.Or(cmp.Compare(x[0], y[0]), cmp.Compare(x[1], y[1])) })
	for _, k := range pairs {
		a, b, score := g.listings[k[0]], g.listings[k[1]], best[k]
		if contradicts(a, b) {
			continue
		}
		ev, detail, join := weigh(a, b, score, opts)
		l := Link{A: a.e.ID, B: b.e.ID, Evidence: ev, Score: score, Detail: detail}
		switch {
		case join:
			links = append(links, l)
		case ev != "":
			possible = append(possible, l)
		}
	}
	return links, possible, sole, nil
}

// weigh says what a name score and the facts of two listings amount to:
// evidence that joins them, a possible-same pair (ev set, join false), or
// nothing (ev empty).
func weigh(a, b *listing, score float64, opts Options) (ev Evidence, detail string, join bool) {
	c := opts.Config
	switch {
	case a.person() && b.person():
		if !opts.uses(NameAndBirth) {
			return "", "", false
		}
		if d, ok := sharedDate(a.dobs, b.dobs); ok {
			return NameAndBirth, d, score >= c.JoinScore
		}
		if score >= c.JoinScore && a.yearsMeet(b) {
			return NameAndBirth, "no shared full date of birth", false
		}
	case a.org() && b.org():
		if !opts.uses(NameAndAddress) {
			return "", "", false
		}
		country := shared(a.countries, b.countries)
		if country == "" {
			return "", "", false
		}
		if addr := shared(a.places, b.places); addr != "" {
			return NameAndAddress, country + ", " + addr, score >= c.JoinScore
		}
		if score >= c.JoinScore {
			return NameAndAddress, country + ", no shared address", false
		}
	}
	// Vessels and aircraft are joined by IMO, MMSI or serial number,
	// never by name: they do not search (see names).
	return "", "", false
}

func overlap(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

func shared(a, b []string) string {
	for _, x := range a {
		if slices.Contains(b, x) {
			return x
		}
	}
	return ""
}

// assignIDs gives each subject the previous subject ID it shares most
// members with, or else one derived from its members' IDs. Larger
// subjects choose first, so when a subject splits, its larger part keeps
// the ID.
func assignIDs(subs []*Subject, prev map[string]string) {
	slices.SortFunc(subs, func(a, b *Subject) int {
		return cmp.Or(len(b.Members)-len(a.Members), cmp.Compare(a.Members[0].EntityID, b.Members[0].EntityID))
	})
	taken := map[string]bool{}
	var fresh []*Subject
	for _, s := range subs {
		count := map[string]int{}
		for _, m := range s.Members {
			if id := prev[m.EntityID]; id != "" {
				count[id]++
			}
		}
		var bestID string
		for id, n := range count {
			if taken[id] {
				continue
			}
			if bestID == "" || n > count[bestID] || n == count[bestID] && id < bestID {
				bestID = id
			}
		}
		if bestID != "" {
			s.ID = bestID
			taken[bestID] = true
			continue
		}
		fresh = append(fresh, s)
	}
	// New subjects: the hash of a member's ID, the first member whose
	// hash no other subject holds (a split's smaller part, whose first
	// member may have named the whole before).
	for _, s := range fresh {
		for _, m := range s.Members {
			if id := derivedID(m.EntityID); !taken[id] {
				s.ID = id
				break
			}
		}
		for n := 2; s.ID == ""; n++ {
			if id := derivedID(fmt.Sprintf("%s#%d", s.Members[0].EntityID, n)); !taken[id] {
				s.ID = id
			}
		}
		taken[s.ID] = true
	}
}

// derivedID is a subject ID made from a member's entity ID.
func derivedID(entityID string) string {
	h := sha256.Sum256([]byte(entityID))
	return "vs-" + strings.ToLower(hex.EncodeToString(h[:6]))
}
