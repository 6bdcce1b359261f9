package textscan

import (
	"slices"
	"sync"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/index"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/names"
)

// This file bounds what a window of text can score against the listed
// names its anchors lead to, from skeletons compared as numbers, so that
// only the windows that may reach the threshold are searched.

// skel is a token reduced to what bounds compare: its kind and its
// phonetic and consonant skeletons as numbers (0: none, or, for a text
// token, one no listed name has), so that a run's tokens are compared
// with a name's by integers, not strings.
type skel struct {
	phon, cons uint32
	kind       names.Kind
	// abjad: written in Arabic script; long: a consonant skeleton of
	// ConsMinLen or more, which meets in any script.
	abjad, long bool
}

// listedNames holds, by name number, what bounds compare of a listed
// name: the skeletons and weights of its tokens and of its joined pairs,
// in flat arrays, so that a run's names are read from memory in a row
// rather than through each candidate's prepared names.
type listedNames struct {
	at    []nameSpan
	toks  []listedToken
	joins []listedJoin
}

// nameSpan locates a name's tokens, toks[tok:tok+ntok], and joined pairs,
// joins[join:join+njoin]; ntok is 0 for a name no anchor leads to.
type nameSpan struct {
	tok, join   int32
	ntok, njoin uint16
	// weak: a weak alias; oneWordNo: a person's or unknown kind's name,
	// never reported from one word; vessel: a vessel's (see oneWordOK).
	weak, oneWordNo, vessel bool
}

type listedToken struct {
	sk     skel
	weight float64
	// word: a word or patronymic, which costs the score when unmatched.
	word bool
	// id is its vocabulary id (see spellMasks).
	id uint32
}

type listedJoin struct {
	sk skel
	at int32  // the first of the two tokens
	id uint32 // as listedToken's
}

func (l *listedNames) add(s *Scanner, n int32, c *match.Candidate, name int) {
	pn := &c.Names[name]
	if l.at[n].ntok != 0 || pn.Len() == 0 {
		return
	}
	sp := nameSpan{tok: int32(len(l.toks)), join: int32(len(l.joins)), ntok: uint16(pn.Len()), njoin: uint16(len(pn.Joined)),
		weak: pn.Kind == entity.WeakAlias, vessel: c.Entity.Schema == entity.Vessel,
		oneWordNo: c.Entity.Schema == entity.Person || c.Entity.Schema == entity.LegalEntity}
	for j := 0; j < pn.Len(); j++ {
		k := pn.Token(j).Kind
		l.toks = append(l.toks, listedToken{sk: s.vocab[pn.IDs[j]], weight: pn.Weights[j], word: k == names.Word || k == names.Patronymic, id: pn.IDs[j]})
	}
	for j := range pn.Joined {
		l.joins = append(l.joins, listedJoin{sk: s.vocab[pn.Joined[j].ID], at: int32(pn.Joined[j].At), id: pn.Joined[j].ID})
	}
	l.at[n] = sp
}

func (l *listedNames) tokens(n int32) []listedToken {
	sp := l.at[n]
	return l.toks[sp.tok : sp.tok+int32(sp.ntok)]
}

func (l *listedNames) joined(n int32) []listedJoin {
	sp := l.at[n]
	return l.joins[sp.join : sp.join+int32(sp.njoin)]
}

func (s *Scanner) listedSkel(t *names.Token) skel {
	id := func(m map[string]uint32, v string) uint32 {
		n, ok := m[v]
		if !ok {
			n = uint32(len(m) + 1)
			m[v] = n
		}
		return n
	}
	sk := skel{kind: t.Kind, abjad: t.Abjad, phon: id(s.phonIDs, t.Phon)}
	if t.Cons != "" {
		sk.cons = id(s.consIDs, t.Cons)
	}
	return sk
}

// textSkel returns the skeleton of a text token: 0 for a skeleton no
// listed token has. It only reads the maps, which New alone writes.
func (s *Scanner) textSkel(t *names.Token) skel {
	sk := skel{kind: t.Kind, abjad: t.Abjad, phon: s.phonIDs[t.Phon], long: len(t.Cons) >= s.cfg.ConsMinLen}
	if t.Cons != "" {
		sk.cons = s.consIDs[t.Cons]
	}
	return sk
}

// meets reports whether text token t meets listed token lt by phonetic
// or consonant skeleton: the cheap evidence bounds are computed from. A
// word and a patronymic meet, as the matcher lets them ("Borisowich" is
// no patronymic to the analysis, "Borisovich" is).
func (t skel) meets(lt skel) bool {
	return nameKind(t.kind) == nameKind(lt.kind) && (t.phon != 0 && t.phon == lt.phon || t.cons != 0 && t.cons == lt.cons && (t.abjad || lt.abjad || t.long))
}

// nameKind is a token's kind, with patronymics counted as words.
func nameKind(k names.Kind) names.Kind {
	if k == names.Patronymic {
		return names.Word
	}
	return k
}

// runNames holds the names a run's anchors meet, and for each which of
// the run's tokens meet one of its words by phonetic or consonant
// skeleton: the cheap evidence a window's bound is computed from.
type runNames struct {
	names []nameRef
	// anchors[n] has bit w set when the run's word w anchors on name n;
	// keyed[n] bit k when the run's token k meets a word of name n
	// (words and tokens past the 63rd share bit 63).
	anchors, keyed []uint64
	// phon[n] has bit k set when the run's token k meets a word of name
	// n by phonetic skeleton; the others of keyed[n] meet only by
	// consonants, which the matcher scores SimConsAbjad at most.
	phon []uint64
	// byWord[wordOff[w]:wordOff[w+1]] are the names (positions in names)
	// that word w anchors on, so that a window looks at its own names
	// only; seen marks, with seenGen, the names a window looked at.
	byWord  []int32
	wordOff []int
	seen    []uint32
	seenGen uint32
	// at[w] is the index of word w's first token among the run's tokens.
	at []int
	// met[off[n]+j] has bit k set when the run's token k meets token j
	// of name n, itself or as part of a joined pair: a listed token no
	// token of a window meets costs UnmatchedCandidate of its weight.
	off []int
	met []uint64
	// spell[off[n]+j] has bit k set when the run's token k, which meets
	// nothing of name n by skeleton, may meet its token j by spelling (a
	// non-zero match.Config.TokenSim); spelled[n] says whether name n's
	// are computed (see spellMasks).
	spell   []uint64
	spelled []bool
	// similar has the bit of every listed word (by vocabulary id) that a
	// word of the run is similar to, and only those words of a name can
	// be met by spelling; similarSet lists the words set, to clear.
	similar    []uint64
	similarSet []uint32
	// toks, pos and wbuf are working memory, kept between runs: pos[n]
	// is the position in names of the listed name numbered n, if
	// posGen[n] is gen; tt[k] is run token k.
	wbuf   []float64
	toks   []skel
	tt     []*names.Token
	ts     []*similarIDs
	pos    []int32
	posGen []uint32
	gen    uint32
}

func (s *Scanner) runNames(ws []word, rn *runNames, o Options) *runNames {
	rn.names, rn.anchors, rn.keyed = rn.names[:0], rn.anchors[:0], rn.keyed[:0]
	rn.at = slices.Grow(rn.at[:0], len(ws)+1)[:len(ws)+1]
	toks, tt := rn.toks[:0], rn.tt[:0]
	rn.ts = rn.ts[:0]
	for k := range ws {
		rn.at[k] = len(toks)
		toks = append(toks, ws[k].sk...)
		for t := range ws[k].an {
			tt = append(tt, &ws[k].an[t])
			rn.ts = append(rn.ts, &ws[k].similar[t])
		}
	}
	rn.toks, rn.tt = toks, tt
	s.similarWords(rn)
	rn.at[len(ws)] = len(toks)
	if count := s.ix.NameCount(); len(rn.pos) != count {
		rn.pos, rn.posGen, rn.gen = make([]int32, count), make([]uint32, count), 0
	}
	rn.gen++
	if rn.gen == 0 { // wrapped: no stale mark may look current
		clear(rn.posGen)
		rn.gen = 1
	}
	rn.byWord, rn.wordOff = rn.byWord[:0], rn.wordOff[:0]
	for k := range ws {
		rn.wordOff = append(rn.wordOff, len(rn.byWord))
		for _, key := range ws[k].keys {
			for _, n := range key.names {
				if rn.posGen[n.n] != rn.gen {
					rn.posGen[n.n] = rn.gen
					rn.pos[n.n] = int32(len(rn.names))
					rn.names = append(rn.names, n)
					rn.anchors = append(rn.anchors, 0)
				}
				p := rn.pos[n.n]
				rn.anchors[p] |= 1 << min(k, 63)
				rn.byWord = append(rn.byWord, p)
			}
		}
	}
	rn.wordOff = append(rn.wordOff, len(rn.byWord))
	if len(rn.seen) < len(rn.names) {
		rn.seen = make([]uint32, max(len(rn.names), 2*len(rn.seen)))
		rn.seenGen = 0
	}
	rn.keyed = slices.Grow(rn.keyed[:0], len(rn.names))[:len(rn.names)]
	clear(rn.keyed)
	rn.phon = slices.Grow(rn.phon[:0], len(rn.names))[:len(rn.names)]
	clear(rn.phon)
	rn.off = slices.Grow(rn.off[:0], len(rn.names)+1)[:0]
	rn.met = rn.met[:0]
	for n, ref := range rn.names {
		rn.off = append(rn.off, len(rn.met))
		for _, lt := range s.listed.tokens(ref.n) {
			var met uint64
			for k, t := range toks {
				if t.meets(lt.sk) {
					met |= 1 << min(k, 63)
					if t.phon == lt.sk.phon {
						rn.phon[n] |= 1 << min(k, 63)
					}
				}
			}
			rn.keyed[n] |= met
			rn.met = append(rn.met, met)
		}
		// A pair of the name's words written as one in the text
		// ("Abdulrahman" for Abdul Rahman) leaves neither unmatched.
		for _, lj := range s.listed.joined(ref.n) {
			for k, t := range toks {
				if t.meets(lj.sk) {
					at := rn.off[n] + int(lj.at)
					rn.met[at] |= 1 << min(k, 63)
					rn.met[at+1] |= 1 << min(k, 63)
				}
			}
		}
	}
	rn.off = append(rn.off, len(rn.met))
	rn.spell = slices.Grow(rn.spell[:0], len(rn.met))[:len(rn.met)]
	rn.spelled = slices.Grow(rn.spelled[:0], len(rn.names))[:len(rn.names)]
	clear(rn.spelled)
	s.dropHopeless(ws, rn, o)
	return rn
}

// similarWords fills rn.similar from the run's words.
func (s *Scanner) similarWords(rn *runNames) {
	if n := (s.ix.Stats.Vocab + 63) / 64; len(rn.similar) < n {
		rn.similar = make([]uint64, n)
		rn.similarSet = rn.similarSet[:0]
	}
	for _, w := range rn.similarSet {
		rn.similar[w] = 0
	}
	rn.similarSet = rn.similarSet[:0]
	for k, t := range rn.tt {
		if t.Kind != names.Word && t.Kind != names.Patronymic {
			continue
		}
		for _, id := range rn.ts[k].get(s.ix, t).ids {
			w := id / 64
			if rn.similar[w] == 0 {
				rn.similarSet = append(rn.similarSet, w)
			}
			rn.similar[w] |= 1 << (id % 64)
		}
	}
}

// mayBeSpelled reports whether a word of the run is similar to the
// listed word with vocabulary id.
func (rn *runNames) mayBeSpelled(id uint32) bool {
	w := int(id) / 64
	return w < len(rn.similar) && rn.similar[w]&(1<<(uint(id)%64)) != 0
}

// metSim is the most the matcher may score run token k against the word
// of name n it meets: 1 if they share a phonetic skeleton, else (they
// share only consonants) the best similarity of two different
// skeletons.
func (s *Scanner) metSim(rn *runNames, n, k int) float64 {
	if rn.phon[n]&(1<<min(k, 63)) != 0 {
		return 1
	}
	return s.consSim
}

// unmetCost returns what the tokens of name n that no token in tokMask
// meets cost the score's denominator: UnmatchedCandidate of their weight,
// for words and patronymics (a legal form, title or initial weighs
// little, and the text's words are analysed alone, so that "BV" is a word
// there). The window has spare words that meet nothing of the name by
// skeleton, each of which may still meet one of its words by spelling
// ("Piotr" for Pyotr, "Lavrof" for Lavrov): of the unmet tokens that a
// token of the window does meet by spelling, the spare heaviest are not
// counted; and free more, the window's initials, of any unmet tokens.
//
// Whether a word meets another by spelling costs a comparison of the
// two (see spellMasks), which is made only if the answer matters: the
// score is num/(den+cost), and when it is on the same side of floor
// whether all unmet tokens count or the spare heaviest do not, the
// lower cost is returned (so that the score is an upper bound).
func (s *Scanner) unmetCost(rn *runNames, n int, tokMask uint64, spare, free int, num, den, floor float64) float64 {
	lts := s.listed.tokens(rn.names[n].n)
	met := rn.met[rn.off[n]:rn.off[n+1]]
	if free > 0 {
		// The window has initials, which meet any word with their
		// letter: the heaviest unmet words are spared, spelt or not.
		unmet := rn.wbuf[:0]
		all := 0.0
		for j := range met {
			if met[j]&tokMask == 0 && lts[j].word {
				unmet = append(unmet, lts[j].weight)
				all += lts[j].weight
			}
		}
		rn.wbuf = unmet
		return s.cfg.UnmatchedCandidate * (all - heaviest(unmet, spare+free))
	}
	unmet := rn.wbuf[:0]
	all := 0.0
	for j := range met {
		if met[j]&tokMask == 0 && lts[j].word {
			all += lts[j].weight
			if rn.mayBeSpelled(lts[j].id) {
				unmet = append(unmet, lts[j].weight)
			}
		}
	}
	rn.wbuf = unmet
	loose := all - heaviest(unmet, spare)
	uc := s.cfg.UnmatchedCandidate
	if all == 0 || spare == 0 || num/(den+uc*loose) < floor || num/(den+uc*all) >= floor {
		return uc * loose
	}
	spell := s.spellMasks(rn, n)
	spareable := unmet[:0]
	for j := range met {
		if met[j]&tokMask == 0 && lts[j].word && spell[j]&tokMask != 0 {
			spareable = append(spareable, lts[j].weight)
		}
	}
	return uc * (all - heaviest(spareable, spare))
}

// heaviest returns the sum of the n largest of ws (n is a few at most),
// which it overwrites.
func heaviest(ws []float64, n int) float64 {
	sum := 0.0
	if n >= len(ws) {
		for _, w := range ws {
			sum += w
		}
		return sum
	}
	for ; n > 0; n-- {
		h := 0
		for j, w := range ws {
			if w > ws[h] {
				h = j
			}
		}
		sum += ws[h]
		ws[h] = 0
	}
	return sum
}

// spellMasks returns, for each token of name n, the run tokens that meet
// nothing of the name by skeleton but may meet that token by spelling,
// as the matcher would: a non-zero similarity, or, for a pair of the
// name's words, a non-zero joined similarity. It is computed for a name
// the first time a bound needs it.
func (s *Scanner) spellMasks(rn *runNames, n int) []uint64 {
	spell := rn.spell[rn.off[n]:rn.off[n+1]]
	if rn.spelled[n] {
		return spell
	}
	rn.spelled[n] = true
	clear(spell)
	ref := rn.names[n]
	lts := s.listed.tokens(ref.n)
	ljs := s.listed.joined(ref.n)
	for k, t := range rn.tt {
		bit := uint64(1) << min(k, 63)
		if rn.keyed[n]&bit != 0 || t.Kind != names.Word && t.Kind != names.Patronymic {
			continue
		}
		// The listed words the token is similar to, from the index.
		sim := rn.ts[k].get(s.ix, t).ids
		for j := range lts {
			if _, ok := slices.BinarySearch(sim, lts[j].id); ok && lts[j].word {
				spell[j] |= bit
			}
		}
		for _, lj := range ljs {
			if _, ok := slices.BinarySearch(sim, lj.id); ok {
				spell[lj.at] |= bit
				spell[lj.at+1] |= bit
			}
		}
	}
	return spell
}

// similarIDs are the vocabulary ids of the listed words a text token is
// similar to (index.Index.Similar), found the first time a scan needs
// them and kept with the word's analysis.
type similarIDs struct {
	once sync.Once
	ids  []uint32
	sims []float32
	// weight is the token's weight as a query's (for a word no listed
	// name has, that of the listed word most similar to it).
	weight float64
}

func (x *similarIDs) get(ix *index.Index, t *names.Token) *similarIDs {
	x.once.Do(func() { x.ids, x.sims, x.weight = ix.Similar(t) })
	return x
}

// dropHopeless forgets (clears the anchors of) the names that no window
// of the run can bring to the threshold: were every run token that meets
// the name in the window, and no other, the name's tokens that no run
// token meets would still cost UnmatchedCandidate of their weight. A
// name met by one word of a long caseless run (a Hangul or Arabic line
// has an anchor in every other word) is mostly such a name; what the
// bound would spend on it for each window is spent once.
func (s *Scanner) dropHopeless(ws []word, rn *runNames, o Options) {
	var legal, initials float64
	free := 0
	for k := range ws {
		if ws[k].legalForm {
			legal += s.cfg.LegalFormWeight
		}
		for t := range ws[k].an {
			if ws[k].an[t].Kind == names.Initial {
				initials += s.cfg.SimInitial * ws[k].weights[t]
				free++
			}
		}
	}
	free = min(free, o.MaxWindow)
	for n := range rn.names {
		matched := legal + initials
		// A window has at most MaxWindow words: those of the run with
		// the most tokens that meet nothing of the name bound how many
		// of the name's tokens a window may spare.
		var most [8]int
		k := 0
		for w := range ws {
			c := 0
			for t := range ws[w].an {
				switch kind := ws[w].an[t].Kind; {
				case rn.keyed[n]&(1<<min(k, 63)) != 0:
					matched += ws[w].weights[t] * s.metSim(rn, n, k)
				case kind == names.Word || kind == names.Patronymic:
					c++
				}
				k++
			}
			for m := 0; m < min(o.MaxWindow, len(most)); m++ {
				if c > most[m] {
					c, most[m] = most[m], c
				}
			}
		}
		spare := 0
		for _, c := range most {
			spare += c
		}
		if matched == 0 || matched/(matched+s.unmetCost(rn, n, ^uint64(0), spare, free, matched, matched, -1)) < o.Threshold {
			rn.anchors[n] = 0
		}
	}
}

// bound returns what window [a, b] (of the run starting at word i) may
// score against the names its anchors meet, counting as matched in full
// the tokens that meet a word of the name by skeleton and as unmatched
// the other listed tokens; tokens no listed name has are left out (the
// matcher weighs them as the listed word they are closest to). A name
// whose words meet the window's only by spelling edits ("Lavrof") is
// therefore missed unless its other words carry the score.
//
// The listed name's tokens that no token of the window meets are counted
// unmatched, at UnmatchedCandidate of their weight, as the matcher does;
// a window's patronymic that meets nothing costs as much, as the matcher
// spares it too. If one is set, the window is one name word, and only the
// names it could be reported for alone are looked at (see oneWordOK).
// A bound below floor (the threshold less a hair) is returned as 0. The
// numbers of the names whose bound reaches floor are appended to cands:
// they are the names the window is scored against.
//
// What the bound looks at is the window's words alone, never the run's,
// so that the names a window is scored against, and with them its
// findings, do not depend on the words around it (dropHopeless forgets
// only names that no window of the run can bring to the threshold, which
// this bound would not keep either).
func (s *Scanner) bound(text []byte, toks []token, ws []word, rn *runNames, i, a, b int, one bool, floor float64, cands []int32) (float64, []int32) {
	var words, tokMask uint64
	for w := a; w <= b; w++ {
		words |= 1 << min(w-i, 63)
	}
	for k := rn.at[a-i]; k < rn.at[b+1-i]; k++ {
		tokMask |= 1 << min(k, 63)
	}
	vessel := one && s.vesselBefore(text, toks, a)
	total := 0.0
	for w := a; w <= b; w++ {
		for _, x := range ws[w].weights {
			total += x
		}
	}
	lowInfo := 1.0
	if s.cfg.MinQueryWeight > 0 {
		lowInfo = min(1, total/s.cfg.MinQueryWeight)
	}
	best := 0.0
	rn.seenGen++
	if rn.seenGen == 0 {
		clear(rn.seen)
		rn.seenGen = 1
	}
	for _, n32 := range rn.byWord[rn.wordOff[a-i]:rn.wordOff[b+1-i]] {
		n := int(n32)
		if rn.seen[n] == rn.seenGen {
			continue
		}
		rn.seen[n] = rn.seenGen
		ref := rn.names[n]
		if rn.anchors[n]&words == 0 {
			continue
		}
		sp := s.listed.at[ref.n]
		if one && (sp.oneWordNo || sp.vessel && !vessel) {
			continue
		}
		matched, denom, spare, free := s.windowSums(ws, rn, n, i, a, b, false)
		if denom == 0 || matched == 0 {
			continue
		}
		factor := lowInfo
		if sp.weak {
			factor *= s.cfg.WeakAliasFactor
		}
		if matched/denom*factor < floor {
			// Too low even before the name's unmet words are counted:
			// in a long caseless run, most names stop here.
			continue
		}
		score := matched / (denom + s.unmetCost(rn, n, tokMask, spare, free, matched*factor, denom, floor)) * factor
		if score >= floor && spare > 0 && free == 0 {
			score = s.spelledBound(ws, rn, n, i, a, b, tokMask, factor, floor)
		}
		if score >= floor {
			cands = append(cands, ref.n)
			best = max(best, score)
		}
	}
	return best, cands
}

// spelledBound is bound's bound of window [a, b] against name n for a
// window with words that meet nothing of the name by skeleton, once it
// is known which of them may meet one of its words by spelling (see
// windowSums).
func (s *Scanner) spelledBound(ws []word, rn *runNames, n, i, a, b int, tokMask uint64, factor, floor float64) float64 {
	matched, denom, spare, _ := s.windowSums(ws, rn, n, i, a, b, true)
	if matched == 0 {
		return 0
	}
	return matched / (denom + s.unmetCost(rn, n, tokMask, spare, 0, matched*factor, denom, floor)) * factor
}

// windowSums adds up what window [a, b] of the run starting at word i
// may match of name n: the matched weight (a legal form after the first
// word meets the name's; a token that meets a word of the name by
// skeleton counts its weight, at SimConsAbjad if only by consonants),
// the query weight, and how many of the name's unmet words the window
// may spare. A token that meets nothing of the name is counted one of
// two ways. Quickly (spelled false): a word no listed name has is left
// out and spares one, an initial adds SimInitial of its weight and
// spares any word (free), a patronymic costs UnmatchedCandidate of its
// weight and spares one, another word costs its weight and spares one.
// Knowing spelling (spelled): a word or patronymic the name may spell
// (spellMasks) adds at most consSim of its weight, as a search weighs
// it, and spares one; another costs that weight (UnmatchedCandidate of
// it for a patronymic), as does any other token.
func (s *Scanner) windowSums(ws []word, rn *runNames, n, i, a, b int, spelled bool) (matched, denom float64, spare, free int) {
	var spellable uint64
	if spelled {
		for _, m := range s.spellMasks(rn, n) {
			spellable |= m
		}
	}
	k := rn.at[a-i]
	for w := a; w <= b; w++ {
		if ws[w].legalForm && w > a {
			// Read with the words before it, it is a legal form,
			// which may meet the name's own.
			matched += s.cfg.LegalFormWeight
			denom += s.cfg.LegalFormWeight
			k += len(ws[w].an)
			continue
		}
		for t := range ws[w].an {
			bit := uint64(1) << min(k, 63)
			k++
			weight, tk := ws[w].weights[t], &ws[w].an[t]
			if rn.keyed[n]&bit != 0 {
				matched += weight * s.metSim(rn, n, k-1)
				denom += weight
				continue
			}
			if !spelled {
				switch {
				case ws[w].unlisted[t]:
					spare++
				case tk.Kind == names.Initial:
					matched += s.cfg.SimInitial * weight
					denom += weight
					free++
				case tk.Kind == names.Patronymic:
					denom += s.cfg.UnmatchedCandidate * weight
					spare++
				default:
					denom += weight
					if tk.Kind == names.Word {
						spare++
					}
				}
				continue
			}
			if ws[w].unlisted[t] {
				weight = ws[w].similar[t].get(s.ix, tk).weight
			}
			switch {
			case tk.Kind != names.Word && tk.Kind != names.Patronymic:
				denom += weight
			case spellable&bit != 0:
				matched += s.consSim * weight
				denom += weight
				spare++
			case tk.Kind == names.Patronymic:
				denom += s.cfg.UnmatchedCandidate * weight
			default:
				denom += weight
			}
		}
	}
	return matched, denom, spare, free
}
