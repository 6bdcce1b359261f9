package index

import (
	"context"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/names"
)

// This file gives free-text scanning (package textscan) read-only access
// to what the index knows: the distinct words of the listed names, the
// names that hold each word, and the candidates with their identifiers.
// A scanner reads them once to build its own tables of the words a listed
// name can be recognised by, then looks at the text around those words
// only, and scores what it finds against the few names it found there
// with SearchNames.

// EachWord calls fn for every distinct token of the listed names (not the
// joined pairs), with its vocabulary id. The token must not be modified.
func (ix *Index) EachWord(fn func(id uint32, t *names.Token)) {
	for id := range ix.voc.tokens {
		if ix.voc.span[id] == match.Single {
			fn(uint32(id), &ix.voc.tokens[id])
		}
	}
}

// WordNames returns the number of listed names that hold vocabulary
// token id.
func (ix *Index) WordNames(id uint32) int {
	if int(id) >= len(ix.postings) {
		return 0
	}
	return len(ix.postings[id])
}

// NameCount returns the number of listed names. A listed name has a
// number from 0 to NameCount()-1, which EachNameWith gives and
// SearchNames takes.
func (ix *Index) NameCount() int { return len(ix.nameRefs) }

// EachNameWith calls fn, until it returns false, for every listed name
// that holds vocabulary token id: the name's number, the candidate, the
// lists it is on, and the position of the name in the candidate's Names.
// The candidate must not be modified.
func (ix *Index) EachNameWith(id uint32, fn func(n int32, c *match.Candidate, lists []string, name int) bool) {
	if int(id) >= len(ix.postings) {
		return
	}
	for _, n := range ix.postings[id] {
		ref := ix.nameRefs[n]
		if !fn(n, ix.cands[ref.cand], ix.lists[ref.cand], int(ref.name)) {
			return
		}
	}
}

// SearchNames is Search over the listed names numbered ns only, for a
// caller that knows which names can match: the query is prepared as
// Search prepares it (an unlisted word weighs as the listed word it is
// closest to), and each of those names is scored as Search would score
// it, so a hit here is a hit of Search with the same score. A name Search
// would have found but that is not in ns is not.
func (ix *Index) SearchNames(p *match.Prepared, ns []int32, opts Options) []Hit {
	cfg, threshold := ix.settings(opts)
	s := ix.getScratch(cfg)
	defer ix.putScratch(s)
	ix.prepareUnits(p, cfg, s)
	for _, n := range ns {
		ref := ix.nameRefs[n]
		s.take(ref.cand, ref.bit(), unbounded)
	}
	ctx := opts.Context
	if ctx == nil {
		ctx = context.Background()
	}
	hits, _ := ix.scoreTaken(ctx, p, cfg, threshold, false, opts, s)
	return hits
}

// EachCandidate calls fn for every candidate and the lists it is on. The
// candidate must not be modified.
func (ix *Index) EachCandidate(fn func(c *match.Candidate, lists []string)) {
	for i, c := range ix.cands {
		fn(c, ix.lists[i])
	}
}

// Similar returns the vocabulary ids, ascending, of every listed token
// (joined pairs included) that has a non-zero similarity to t as the
// index's Config computes it: what a search would expand t to. The slice
// is shared and must not be modified; sims[i] is the similarity of
// ids[i]. It also returns the weight a search gives t as a query token: a
// word no listed name has weighs as the listed word most similar to it
// (see Search).
func (ix *Index) Similar(t *names.Token) (ids []uint32, sims []float32, weight float64) {
	s := ix.getScratch(&ix.cfg)
	defer ix.putScratch(s)
	u := unit{tok: t}
	ix.expand(&u, &ix.cfg, s)
	weight = ix.cfg.ClassWeight(t, ix.Weight(t))
	if w, ok := ix.settledWeight(&u, &ix.cfg); ok {
		weight = w
	}
	return u.exp.ids, u.exp.sims, weight
}
