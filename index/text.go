package index

import (
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/names"
)

// This file gives free-text scanning (package textscan) read-only access
// to what the index knows: the distinct words of the listed names, the
// names that hold each word, and the candidates with their identifiers.
// A scanner reads them once to build its own tables of the words a listed
// name can be recognised by, then looks at the text around those words
// only, and scores what it finds with Search.

// EachWord calls fn for every distinct token of the listed names (not the
// joined pairs), with its vocabulary id. The token must not be modified.
func (ix *Index) EachWord(fn func(id uint32, t *names.Token)) {
	for id := range ix.voc.tokens {
		if !ix.voc.joined[id] {
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

// EachNameWith calls fn, until it returns false, for every listed name
// that holds vocabulary token id: the candidate, the lists it is on, and
// the position of the name in the candidate's Names. The candidate must
// not be modified.
func (ix *Index) EachNameWith(id uint32, fn func(c *match.Candidate, lists []string, name int) bool) {
	if int(id) >= len(ix.postings) {
		return
	}
	for _, n := range ix.postings[id] {
		ref := ix.nameRefs[n]
		if !fn(ix.cands[ref.cand], ix.lists[ref.cand], int(ref.name)) {
			return
		}
	}
}

// EachCandidate calls fn for every candidate and the lists it is on. The
// candidate must not be modified.
func (ix *Index) EachCandidate(fn func(c *match.Candidate, lists []string)) {
	for i, c := range ix.cands {
		fn(c, ix.lists[i])
	}
}
