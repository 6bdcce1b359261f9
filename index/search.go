package index

import (
	"cmp"
	"context"
	"math"
	"slices"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/names"
)

// Options control a search.
type Options struct {
	// Config scores the search; nil means the index's. Its weights must be
	// the index's (weights are fixed at build); the other fields may differ.
	Config *match.Config
	// Threshold is the lowest score returned; 0 means Config.Threshold.
	Threshold float64
	// Limit caps the number of hits; 0 means no limit.
	Limit int
	// Explain asks for explanations.
	Explain bool
	// Filter, if set, keeps only the candidates for which it returns true,
	// given the lists the candidate is on.
	Filter func(c *match.Candidate, lists []string) bool
	// Context, if set, stops the search when it is done (see
	// SearchContext).
	Context context.Context
	// Work, if set, receives what the search did.
	Work *Work
	// Pace, if set, is told every so often how many word pairs the search
	// has looked up since it was last told, and may make it wait (or stop
	// it, with an error): a server shares its cores between cheap
	// searches and costly ones this way (see screen.Pacer).
	Pace func(pairs int64) error
}

// Work counts a search's work: what a hostile query costs is measured in
// these, not in time.
type Work struct {
	// Scored is the number of candidates scored.
	Scored int
	// Pairs is the number of word pairs whose similarity was looked up.
	Pairs int64
	// Steps is the retrieval's work (see meter).
	Steps int64
}

// checkEvery is how many candidates a search scores between looks at its
// context: scoring one costs microseconds, so an abandoned search stops
// within a millisecond or so.
const checkEvery = 64

// Hit is one entity that matched.
type Hit struct {
	match.Result
	Entity *entity.Entity `json:"-"`
	Lists  []string       `json:"lists"`
	cand   int32
	mask   uint64
}

// expansion is a query unit's similarity to every vocabulary entry it
// can meet.
type expansion struct {
	ids  []uint32 // vocab ids, ascending
	sims []float32
	how  []match.Method
	// posts is the number of postings of all ids: what gathering the
	// unit name by name costs.
	posts int
}

func (e *expansion) find(id uint32) (float64, match.Method) {
	if i, ok := slices.BinarySearch(e.ids, id); ok {
		return float64(e.sims[i]), e.how[i]
	}
	return 0, match.NoMatch
}

// unit is a query token, or a span of its tokens written as one word,
// with what retrieval knows of it.
type unit struct {
	qn, qu   int
	joined   bool
	span     match.SpanKind
	tok      *names.Token
	weight   float64
	retrieve bool
	expanded bool
	// spared: a single token the query may leave unmatched at less than
	// its weight (match.PreparedName.Sparing); its similarities are
	// gathered apart, for match.PreparedName.Bound.
	spared bool
	exp    expansion
	// need is what one of this unit's entries must add to a name's
	// bound for the name to be worth bringing in: a name that the unit
	// meets with less, and all the other units with all their weight,
	// cannot reach the threshold (see retrieve).
	need float32
	// most is the most the unit adds to a name's bound (maxAdd).
	most float32
	// family: the token is the query name's surname, which a listed
	// initial meets at InitialWeight only (match caps it so).
	family bool
	// bonus: a word of a query name with a surname, which a listed
	// initial meets at its full weight once the surname has met the
	// listed name (match's edge bonus); bringFull: so it must bring
	// names in, since a surname of the query name does not retrieve
	// (else the surname brings every name the bonus can lift).
	bonus, bringFull bool
}

// scratch is one search's working memory, reused through a pool.
type scratch struct {
	acc    []float32 // per name: upper bound of matched weight
	accMid []float32 // per name: the part of it from spared units
	stamp  []int32   // per name: the last unit that counted
	// lastAdd is, per name, what the unit of stamp added to it: a
	// later entry of that unit adding more adds the difference.
	lastAdd []float32
	touched []int32
	// live are the touched names that may still reach the threshold
	// (see retrieve).
	live []int32
	// pending are the units that bring no names, in gathering order;
	// meeting those that meet some listed word (see slotBound).
	pending, meeting []int32
	counts           []uint8 // per phon: trigram hits
	ctouch           []uint32
	grams            []uint32
	units            []unit
	order            []int32
	scorer           *match.Scorer
	cands            []int32
	// masks[i] selects the names of cands[i] worth scoring (see
	// match.Scorer.ScoreNames).
	masks []uint64
	// bounds[i] is an upper bound of the score of cands[i] (+Inf when
	// unknown): with a limit, candidates are scored best bound first and
	// the search stops when no bound can beat the limit-th best score.
	bounds []float32
	rankBy []int32
	// candSeen[c] == gen marks candidate c as taken in this search, at
	// position candPos[c] of cands.
	candSeen []uint32
	candPos  []int32
	gen      uint32
	// inExp[v] == gen marks vocabulary entry v as in some unit's
	// expansion of this search: scoring asks about every unit of every
	// name it scores, and most are in none.
	inExp []uint32
	// simTag[v] == tag says that simOf[v] holds the similarity of entry v
	// to the unit being gathered from the names' side (see gatherTouched).
	simTag []uint32
	simOf  []float32
	tag    uint32
	// m counts the retrieval's work (see meter).
	m meter
}

func (ix *Index) getScratch(cfg *match.Config) *scratch {
	s, _ := ix.pool.Get().(*scratch)
	if s == nil {
		s = &scratch{
			acc: make([]float32, len(ix.nameRefs)), accMid: make([]float32, len(ix.nameRefs)), stamp: make([]int32, len(ix.nameRefs)), lastAdd: make([]float32, len(ix.nameRefs)),
			candSeen: make([]uint32, len(ix.cands)), candPos: make([]int32, len(ix.cands)),
			inExp: make([]uint32, len(ix.voc.tokens)), simTag: make([]uint32, len(ix.voc.tokens)), simOf: make([]float32, len(ix.voc.tokens)),
		}
		for i := range s.stamp {
			s.stamp[i] = -1
		}
	}
	s.scorer = match.NewScorer(cfg)
	s.gen++
	s.m = meter{}
	return s
}

func (ix *Index) putScratch(s *scratch) {
	for _, n := range s.touched {
		s.acc[n], s.accMid[n] = 0, 0
		s.stamp[n] = -1
	}
	s.touched = s.touched[:0]
	s.units = s.units[:0]
	s.cands = s.cands[:0]
	s.masks = s.masks[:0]
	s.bounds = s.bounds[:0]
	ix.pool.Put(s)
}

// settings returns the Config and threshold a search with opts uses.
func (ix *Index) settings(opts Options) (*match.Config, float64) {
	cfg := opts.Config
	if cfg == nil {
		cfg = &ix.cfg
	}
	threshold := opts.Threshold
	if threshold == 0 {
		threshold = cfg.Threshold
	}
	return cfg, max(threshold, match.MinThreshold)
}

// bit is the name's bit in a candidate's name mask (see
// match.Scorer.ScoreNames): names past the 64th are always scored.
func (r nameRef) bit() uint64 {
	if r.name < 64 {
		return 1 << r.name
	}
	return match.AllNames
}

// Search returns the entities matching a prepared query at or above the
// threshold, best first. The query must have been prepared with this index
// as its Weigher.
func (ix *Index) Search(p *match.Prepared, opts Options) []Hit {
	hits, _ := ix.SearchContext(opts.Context, p, opts)
	return hits
}

// SearchContext is Search that stops when ctx is done, returning ctx's
// error and no hits: a client that has gone does not keep a core busy.
func (ix *Index) SearchContext(ctx context.Context, p *match.Prepared, opts Options) ([]Hit, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	opts.Context = ctx
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	cfg, threshold := ix.settings(opts)
	s := ix.getScratch(cfg)
	defer ix.putScratch(s)
	// Retrieval looks at ctx and charges Pace as it goes (see meter),
	// and stops there when either says so.
	s.m = meter{ctx: ctx, pace: opts.Pace}
	if opts.Work != nil {
		defer func() { opts.Work.Steps += s.m.steps }()
	}

	ix.prepareUnits(p, cfg, s)
	fullScan := ix.planRetrieval(p, cfg, threshold, s)
	if fullScan {
		for i := range ix.cands {
			s.take(int32(i), match.AllNames, unbounded)
		}
		s.m.add(len(ix.cands))
	} else if s.m.err == nil {
		ix.retrieve(p, cfg, threshold, s)
	}
	if s.m.err != nil {
		return nil, s.m.err
	}
	if id := p.ID(); id != "" {
		for _, c := range ix.ids[id] {
			s.take(c, match.AllNames, unbounded)
		}
	}
	return ix.scoreTaken(ctx, p, cfg, threshold, fullScan, opts, s)
}

// scoreTaken scores the candidates a search took (s.cands, with their
// masks and bounds) and returns the hits at or above the threshold, best
// first.
func (ix *Index) scoreTaken(ctx context.Context, p *match.Prepared, cfg *match.Config, threshold float64, fullScan bool, opts Options, s *scratch) ([]Hit, error) {
	pairs0 := s.scorer.Pairs()
	scored := 0
	defer func() {
		if opts.Work != nil {
			opts.Work.Scored += scored
			opts.Work.Pairs += s.scorer.Pairs() - pairs0
		}
	}()
	sims := newIndexSims(cfg, s.units, p)
	sims.inExp, sims.gen = s.inExp, s.gen
	boost := cfg.MaxBoost()
	s.scorer.Floor = threshold - boost
	// With a limit, score the candidates best bound first, and stop when
	// no bound reaches the limit-th best score found: a /match with
	// yente's low cutoff and a limit of 5 scores tens of candidates, not
	// thousands.
	order := s.rankBy[:0]
	for k := range s.cands {
		order = append(order, int32(k))
	}
	prune := opts.Limit > 0 && !fullScan
	if prune {
		slices.SortFunc(order, func(a, b int32) int { return cmp.Compare(s.bounds[b], s.bounds[a]) })
	}
	s.rankBy = order
	var top []float64 // with a limit: the best scores, ascending, at most Limit
	var hits []Hit
	paced := pairs0
	for n, k := range order {
		if n%checkEvery == checkEvery-1 {
			err := ctx.Err()
			if err == nil && opts.Pace != nil {
				now := s.scorer.Pairs()
				err = opts.Pace(now - paced)
				paced = now
			}
			if err != nil {
				s.scorer.Floor = 0
				return nil, err
			}
		}
		if prune && len(top) == opts.Limit {
			if float64(s.bounds[k]) < top[0] {
				break
			}
			s.scorer.Floor = max(threshold, top[0]) - boost
		}
		ci := s.cands[k]
		c := ix.cands[ci]
		if opts.Filter != nil && !opts.Filter(c, ix.lists[ci]) {
			continue
		}
		scored++
		r := s.scorer.ScoreNames(p, c, s.masks[k], sims, false)
		if r.Score < threshold {
			continue
		}
		hits = append(hits, Hit{Result: r, Entity: c.Entity, Lists: ix.lists[ci], cand: ci, mask: s.masks[k]})
		if prune {
			top = insertTop(top, r.Score, opts.Limit)
		}
	}
	hits = rank(hits, opts.Limit)
	s.scorer.Floor = 0
	if opts.Explain {
		// Explanations cost allocations: make them for the hits only.
		for i := range hits {
			hits[i].Result = s.scorer.ScoreNames(p, ix.cands[hits[i].cand], hits[i].mask, sims, true)
		}
	}
	return hits, nil
}

// BruteForce scores the query against every entity with no retrieval: the
// baseline Search must agree with.
func (ix *Index) BruteForce(p *match.Prepared, opts Options) []Hit {
	cfg, threshold := ix.settings(opts)
	s := ix.getScratch(cfg)
	ix.prepareUnits(p, cfg, s) // the same query weights as Search
	ix.putScratch(s)
	sc := match.NewScorer(cfg)
	sc.Floor = threshold - cfg.MaxBoost()
	var hits []Hit
	for ci, c := range ix.cands {
		if opts.Filter != nil && !opts.Filter(c, ix.lists[ci]) {
			continue
		}
		if r := sc.Score(p, c, nil, opts.Explain); r.Score >= threshold {
			hits = append(hits, Hit{Result: r, Entity: c.Entity, Lists: ix.lists[ci]})
		}
	}
	return rank(hits, opts.Limit)
}

func rank(hits []Hit, limit int) []Hit {
	slices.SortFunc(hits, func(a, b Hit) int {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		}
		if a.EntityID < b.EntityID {
			return -1
		}
		if a.EntityID > b.EntityID {
			return 1
		}
		return 0
	})
	if limit > 0 && len(hits) > limit {
		hits = hits[:limit]
	}
	return hits
}

// prepareUnits lists the query's units (each token, and each pair of
// adjacent tokens joined), expands every unit but initials against the
// vocabulary, and settles the weights of query tokens that no listed name
// has: such a token weighs what the listed token it is closest to weighs,
// so that "Muhammadi" counts as the common "Muhammad" it may be a spelling
// of, not as a rare word; a token close to nothing keeps the highest
// weight.
func (ix *Index) prepareUnits(p *match.Prepared, cfg *match.Config, s *scratch) {
	for qn := range p.Names {
		pn := &p.Names[qn]
		first := len(s.units)
		for qu := range pn.Tokens {
			s.units = append(s.units, unit{qn: qn, qu: qu, tok: &pn.Tokens[qu], weight: pn.Weights[qu], family: pn.Places[qu].Role == names.Family})
		}
		for qu := range pn.Tokens {
			if s.m.err != nil {
				return
			}
			u := &s.units[first+qu]
			if u.tok.Kind != names.Initial {
				ix.expand(u, cfg, s)
				u.expanded = true
				if w, ok := ix.settledWeight(u, cfg); ok {
					u.weight, pn.Weights[qu] = w, w
				}
			}
			u.spared = pn.Sparing(cfg, qu) > 0
		}
		pn.Settle(cfg)
		for k := range pn.Joined {
			if pn.Joined[k].Kind == match.Initialism && !cfg.QueryInitialisms {
				continue
			}
			u := unit{qn: qn, qu: k, joined: true, span: pn.Joined[k].Kind, tok: pn.Joined[k].Token, weight: pn.SpanWeight(k)}
			ix.expand(&u, cfg, s)
			u.expanded = true
			s.units = append(s.units, u)
		}
	}
	for ui := range s.units {
		for _, id := range s.units[ui].exp.ids {
			s.inExp[id] = s.gen
		}
	}
}

// settledWeight returns the weight of an unlisted query word: that of the
// most similar listed word (the commonest among equals).
func (ix *Index) settledWeight(u *unit, cfg *match.Config) (float64, bool) {
	if k := u.tok.Kind; k != names.Word && k != names.Patronymic || ix.df[u.tok.Phon] > 0 || len(u.exp.ids) == 0 {
		return 0, false
	}
	best, bestDF := float32(0), int32(0)
	for i, id := range u.exp.ids {
		if k := ix.voc.tokens[id].Kind; ix.voc.span[id] != match.Single || k != names.Word && k != names.Patronymic {
			continue
		}
		df := ix.df[ix.voc.tokens[id].Phon]
		if u.exp.sims[i] > best || u.exp.sims[i] == best && df > bestDF {
			best, bestDF = u.exp.sims[i], df
		}
	}
	if best == 0 {
		return 0, false
	}
	return cfg.ClassWeight(u.tok, ix.idf(bestDF)), true
}

// planRetrieval decides which units retrieve names: for each query name,
// the lightest tokens whose weights together (with the most that
// secondary evidence adds) stay below the threshold need not, since a
// name they alone match cannot reach it; a joined unit retrieves when one
// of its tokens does. It reports whether no such plan exists (a query of
// initials, say) and every entity must be scored.
func (ix *Index) planRetrieval(p *match.Prepared, cfg *match.Config, threshold float64, s *scratch) (fullScan bool) {
	boost := cfg.MaxBoost()
	first := 0
	for qn := range p.Names {
		pn := &p.Names[qn]
		for first < len(s.units) && s.units[first].qn != qn {
			first++
		}
		order := make([]int, len(pn.Tokens))
		for i := range order {
			order[i] = first + i
		}
		// Units that cannot retrieve (initials) are left out first: a
		// query whose initials must retrieve is scored against every
		// name, so they go with the lightest words only if nothing else
		// can.
		slices.SortFunc(order, func(a, b int) int {
			ra, rb := retrievable(s.units[a].tok), retrievable(s.units[b].tok)
			if ra != rb {
				if !ra {
					return -1
				}
				return 1
			}
			wa, wb := s.units[a].weight, s.units[b].weight
			switch {
			case wa < wb:
				return -1
			case wa > wb:
				return 1
			}
			return a - b
		})
		rest, spared := 0.0, 0.0 // what the units that do not retrieve can earn
		for _, ui := range order {
			u := &s.units[ui]
			r, m := rest, spared
			if u.spared {
				m += u.weight
			} else {
				r += u.weight
			}
			if min := pn.MinTotal(cfg); min > 0 && pn.Bound(r, m, min)+boost < threshold {
				rest, spared = r, m
				continue
			}
			u.retrieve = true
			if !retrievable(u.tok) {
				fullScan = true
			}
		}
	}
	for ui := range s.units {
		u := &s.units[ui]
		if !u.joined {
			continue
		}
		j := &p.Names[u.qn].Joined[u.qu]
		for vi := range s.units {
			v := &s.units[vi]
			if v.qn == u.qn && !v.joined && v.qu >= j.At && v.qu < j.At+j.Len && v.retrieve {
				u.retrieve = true
			}
		}
	}
	return fullScan
}

// retrievable reports whether a token's expansion is small enough to
// retrieve by: initials meet every word with their letter.
func retrievable(t *names.Token) bool { return t.Kind != names.Initial }

// retrieve gathers upper bounds per name and keeps the candidates that
// may reach the threshold. Retrieving units bring names in; the other
// units only raise the bounds of names already in, so that a bound counts
// every unit at its best similarity to the name. Between those units, a
// name that cannot reach the threshold even if every unit still to come
// met it at its best is dropped: the names of a common word ("Igor",
// "Mohammed") are then looked up for the few names still in, not for
// every name a rare word's loose spellings brought in.
func (ix *Index) retrieve(p *match.Prepared, cfg *match.Config, threshold float64, s *scratch) {
	boost := cfg.MaxBoost()
	markBonus(p, s)
	// Initials are scored directly: bound them by what they can earn.
	initials := 0.0
	for ui := range s.units {
		if u := &s.units[ui]; u.tok.Kind == names.Initial && !u.joined {
			// The same initial listed is an exact match.
			initials += min(u.weight, cfg.InitialWeight) * max(cfg.SimInitial, cfg.SimExact)
		}
	}
	// A retrieving unit's entry brings a name in only if it adds enough
	// that, with every other unit of its query name at full weight, the
	// name may reach the threshold: a word meeting listed initials adds
	// little (match caps an initial's weight), and in most queries brings
	// none of the names that have one.
	for ui := range s.units {
		u := &s.units[ui]
		if !u.retrieve {
			continue
		}
		pn := &p.Names[u.qn]
		tot := pn.MinTotal(cfg)
		if tot <= 0 {
			continue
		}
		others := initials
		for vi := range s.units {
			if v := &s.units[vi]; vi != ui && v.qn == u.qn {
				others += v.weight
			}
		}
		// (a+others)/tot + boost < threshold, with a margin for float32.
		u.need = float32((threshold-boost)*tot-others) - 1e-3
	}
	// bound bounds the score of a name whose units earn at most rest
	// (spared units apart) and mid (spared units), as the best of the
	// query's names. float32 sums round: a margin keeps them above.
	bound := func(rest, mid float64) float64 {
		b := math.Inf(-1)
		for qn := range p.Names {
			if tot := p.Names[qn].MinTotal(cfg); tot > 0 {
				b = max(b, p.Names[qn].Bound(rest, mid, tot)+boost)
			}
		}
		return b + 1e-6
	}
	pending := s.pending[:0]
	restLeft, midLeft := 0.0, 0.0
	for ui := range s.units {
		u := &s.units[ui]
		if s.m.err != nil {
			return
		}
		switch {
		case !u.expanded:
		case u.retrieve:
			ix.gather(u, int32(ui), true, cfg, s)
		default:
			if u.most = u.maxAdd(cfg); u.most == 0 {
				continue // it meets no listed word
			}
			pending = append(pending, int32(ui))
			if u.spared {
				midLeft += float64(u.most)
			} else {
				restLeft += float64(u.most)
			}
		}
	}
	s.live = append(s.live[:0], s.touched...)
	// The heaviest units first: a name they miss loses the most.
	slices.SortFunc(pending, func(a, b int32) int { return cmp.Compare(s.units[b].most, s.units[a].most) })
	for _, ui := range pending {
		u := &s.units[ui]
		if !s.m.add(len(s.live)) {
			return
		}
		if fromNames(u, len(s.live)) {
			// Dropping names saves looking at them from their side; a
			// unit that walks its postings walks them all anyway.
			live := s.live[:0]
			for _, n := range s.live {
				mid := float64(s.accMid[n])
				if bound(float64(s.acc[n])-mid+initials+restLeft, mid+midLeft) >= threshold {
					live = append(live, n)
				}
			}
			s.live = live
		}
		if u.spared {
			midLeft -= float64(u.most)
		} else {
			restLeft -= float64(u.most)
		}
		ix.gather(u, ui, false, cfg, s)
	}
	s.pending = pending
	s.meeting = s.meeting[:0]
	for ui := range s.units {
		if u := &s.units[ui]; !u.expanded || len(u.exp.ids) > 0 {
			s.meeting = append(s.meeting, int32(ui))
		}
	}
	for _, n := range s.live {
		if !s.m.add(1) {
			return
		}
		mid := float64(s.accMid[n])
		rest := float64(s.acc[n]) - mid + initials
		if bound(rest, mid) < threshold {
			continue
		}
		// A listed word meets one query word only: bounded from the
		// name's side, "Muhammad Muhammad" earns no more against
		// "Muhammad Hasan" than one Muhammad does.
		r, m := ix.slotBound(n, s, cfg)
		if b := bound(min(rest, r), min(mid, m)); b < threshold {
			continue
		}
		ref := ix.nameRefs[n]
		s.take(ref.cand, ref.bit(), float32(bound(rest, mid)))
	}
}

// slotBound bounds what the units can earn against name n from the
// name's side: match pairs a listed token or span with one query unit at
// most, so the units earn no more than the sum, over the name's tokens
// and spans, of the most any unit earns on it; rest is that of the units
// not spared, mid of the spared ones. Initials, which have no expansion,
// are compared directly, and count in rest as in retrieve's bounds.
func (ix *Index) slotBound(n int32, s *scratch, cfg *match.Config) (rest, mid float64) {
	s.m.add(len(ix.slotsOf(n)) * len(s.meeting))
	for _, id := range ix.slotsOf(n) {
		var r, m float32
		expanded := s.inExp[id] == s.gen
		for _, ui := range s.meeting {
			u := &s.units[ui]
			var a float32
			switch {
			case !u.expanded:
				sim, _ := cfg.UnitSim(u.tok, match.Single, &ix.voc.tokens[id], ix.voc.span[id])
				a = float32(sim * u.weight)
			case !expanded:
				continue
			default:
				k, ok := slices.BinarySearch(u.exp.ids, id)
				if !ok {
					continue
				}
				a = u.add(k, cfg)
			}
			if u.spared && u.expanded {
				m = max(m, a)
			} else {
				r = max(r, a)
			}
		}
		rest += float64(r)
		mid += float64(m)
	}
	return rest, mid
}

// unbounded is the bound of a candidate whose score retrieval cannot
// bound (full scans, identifier matches).
const unbounded = float32(math.MaxFloat32)

// take adds candidate c with the names in mask and a bound of their
// score to the search, or adds the names to it if it is in already.
func (s *scratch) take(c int32, mask uint64, bound float32) {
	if s.candSeen[c] == s.gen {
		i := s.candPos[c]
		s.masks[i] |= mask
		s.bounds[i] = max(s.bounds[i], bound)
		return
	}
	s.candSeen[c] = s.gen
	s.candPos[c] = int32(len(s.cands))
	s.cands = append(s.cands, c)
	s.masks = append(s.masks, mask)
	s.bounds = append(s.bounds, bound)
}

// insertTop adds score to the ascending best scores, keeping at most n.
func insertTop(top []float64, score float64, n int) []float64 {
	if len(top) == n {
		if score <= top[0] {
			return top
		}
		top = top[1:]
	}
	i, _ := slices.BinarySearch(top, score)
	return slices.Insert(top, i, score)
}

// gather adds a unit's best similarity to each name its expansion reaches,
// weighted: once per unit and name, visiting entries best first. Only a
// retrieving unit adds names not yet touched, and only with the entries
// that add at least its need.
func (ix *Index) gather(u *unit, ui int32, bring bool, cfg *match.Config, s *scratch) {
	if !bring && fromNames(u, len(s.live)) {
		// A common word raises the bounds of the few names still in more
		// cheaply from their side than by walking its postings.
		ix.gatherTouched(u, ui, nil, s.live, cfg, s)
		return
	}
	order := s.order[:0]
	for i := range u.exp.ids {
		order = append(order, int32(i))
	}
	// By what they add to decide, not by similarity: an initial's is
	// capped.
	slices.SortFunc(order, func(a, b int32) int {
		return cmp.Compare(u.bringAdd(int(b), cfg), u.bringAdd(int(a), cfg))
	})
	s.order = order
	posts := u.exp.posts
	for i, k := range order {
		add := u.add(int(k), cfg)
		if bring && u.bringAdd(int(k), cfg) < u.need {
			// The entries left bring no names, and only raise those
			// that other units brought: none, or few enough to look at
			// from their side.
			if len(s.touched) == 0 {
				return
			}
			if posts > 2*(len(order)-i+touchedIDs*len(s.touched)) {
				ix.gatherTouched(u, ui, order[i:], s.touched, cfg, s)
				return
			}
			bring = false
		}
		ps := ix.postings[u.exp.ids[k]]
		posts -= len(ps)
		if !s.m.add(len(ps)) {
			return
		}
		for _, n := range ps {
			switch st := s.stamp[n]; {
			case st == ui:
				s.raise(n, add, u.spared)
				continue
			case st == -1:
				if !bring {
					continue
				}
				s.touched = append(s.touched, n)
			}
			s.stamp[n], s.lastAdd[n] = ui, add
			s.acc[n] += add
			if u.spared {
				s.accMid[n] += add
			}
		}
	}
}

// raise raises what the unit of stamp added to name n to add, if add is
// more: entries are taken by what they add to decide (bringAdd), so a
// later one may add more (a listed initial's bonus).
func (s *scratch) raise(n int32, add float32, spared bool) {
	if d := add - s.lastAdd[n]; d > 0 {
		s.lastAdd[n] = add
		s.acc[n] += d
		if spared {
			s.accMid[n] += d
		}
	}
}

// fromNames reports whether a unit that brings no names raises the
// bounds of n names more cheaply from their side than by walking its
// postings.
func fromNames(u *unit, n int) bool { return u.exp.posts > 2*(len(u.exp.ids)+touchedIDs*n) }

// touchedIDs is about how many vocabulary entries (tokens and spans) a
// listed name has, for gather's choice of side.
const touchedIDs = 8

// gatherTouched is gather from the names' side, for names ns that the
// unit did not reach yet: each name's best similarity to the unit's
// entries ks (nil: all of them) among its tokens and spans.
func (ix *Index) gatherTouched(u *unit, ui int32, ks []int32, ns []int32, cfg *match.Config, s *scratch) {
	s.tag++
	if s.tag == 0 {
		clear(s.simTag)
		s.tag = 1
	}
	if ks == nil {
		for k, id := range u.exp.ids {
			s.simTag[id], s.simOf[id] = s.tag, u.add(k, cfg)
		}
	}
	for _, k := range ks {
		id := u.exp.ids[k]
		s.simTag[id], s.simOf[id] = s.tag, u.add(int(k), cfg)
	}
	for _, n := range ns {
		if !s.m.add(len(ix.slotsOf(n))) {
			return
		}
		add := float32(0)
		for _, id := range ix.slotsOf(n) {
			if s.simTag[id] == s.tag {
				add = max(add, s.simOf[id])
			}
		}
		if add == 0 {
			continue
		}
		if s.stamp[n] == ui {
			s.raise(n, add, u.spared)
			continue
		}
		s.stamp[n], s.lastAdd[n] = ui, add
		s.acc[n] += add
		if u.spared {
			s.accMid[n] += add
		}
	}
}

// markBonus marks the units a listed initial meets at full weight once
// the surname has met the listed name (match's edge bonus: a word, not
// the surname, of a query name that has one), and of them those that
// must bring names in at that weight: where a surname of the query name
// does not retrieve. Where every surname retrieves, a name the bonus
// lifts to the threshold is one a surname meets, which brings it (its
// need counts the other units at full weight).
func markBonus(p *match.Prepared, s *scratch) {
	for qn := range p.Names {
		surname, retrieved := false, true
		for ui := range s.units {
			if u := &s.units[ui]; u.qn == qn && !u.joined && u.family {
				surname = true
				retrieved = retrieved && u.retrieve
			}
		}
		for ui := range s.units {
			if u := &s.units[ui]; u.qn == qn && !u.joined && !u.family && surname && u.tok.Kind != names.Initial {
				u.bonus, u.bringFull = true, !retrieved
			}
		}
	}
}

// add is what entry k of the unit's expansion adds to a name's bound:
// its similarity times the unit's weight, which match caps at
// InitialWeight when the entry is a listed initial (unless the edge's
// bonus may lift it: see unit.bonus).
func (u *unit) add(k int, cfg *match.Config) float32 {
	w := u.weight
	if u.exp.how[k] == match.Initial && !u.bonus {
		w = min(w, cfg.InitialWeight)
	}
	return float32(w) * u.exp.sims[k]
}

// bringAdd is what entry k adds when it decides whether to bring a name
// in: add, but a listed initial's without the bonus when the surname
// brings the names the bonus can lift.
func (u *unit) bringAdd(k int, cfg *match.Config) float32 {
	w := u.weight
	if u.exp.how[k] == match.Initial && !u.bringFull {
		w = min(w, cfg.InitialWeight)
	}
	return float32(w) * u.exp.sims[k]
}

// maxAdd is the most the unit adds to a name's bound.
func (u *unit) maxAdd(cfg *match.Config) float32 {
	m := float32(0)
	for k := range u.exp.ids {
		m = max(m, u.add(k, cfg))
	}
	return m
}
