package textscan

import (
	"math"
	"math/bits"
	"slices"
	"strings"
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
	// alt, for a text token, is the phonetic skeleton of the word a
	// name's analysis may read it as with the words around it (a
	// particle read as an East Asian syllable, see analysed.alt).
	alt uint32
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

// nameSpan locates a name's tokens, toks[tok:tok+ntok], and joined spans,
// joins[join:join+njoin]; ntok is 0 for a name no anchor leads to.
type nameSpan struct {
	tok, join   int32
	ntok, njoin uint16
	// weak: a weak alias; oneWordNo: a person's or unknown kind's name,
	// never reported from one word unless a title stands before it;
	// vessel: a vessel's (see oneWordOK).
	weak, oneWordNo, vessel bool
	// person: the name may be scored as a person's (the entity is a
	// person, or of unknown kind), so that a middle name of the window
	// left unmatched costs QueryMiddleShare of its weight, not all of it.
	person bool
	// legalForm: the name has a legal form, which a window's may meet.
	legalForm bool
	// rest is the least the name's tokens cost a score that one word
	// meets only one of them in: all their costs but the costliest
	// token's. (A word that may be one of the name's spans written as
	// one, see Scanner.joinPhons, is not bounded so.)
	rest float64
}

type listedToken struct {
	sk     skel
	weight float64
	// cost is the least the token costs a score's denominator when no
	// token of the query meets it: the least share of its weight its
	// role and the entity's schema allow (see minShare) for a word,
	// patronymic or number; 0 for the others (particles, titles, legal
	// forms and initials weigh little, and initials meet any word with
	// their letter).
	cost float64
	// word: a word or patronymic, which a text word may meet by
	// spelling.
	word bool
	// keySig has a bit for each of its syllable keys (keySig): a run's
	// spans are looked at only if they have one of them.
	keySig uint64
	// id is its vocabulary id (see runNames.spell).
	id uint32
	// first and plen are the first letter and the length of its phonetic
	// skeleton, for spanMay.
	first, plen uint8
}

// listedJoin is a span of a listed name's tokens written as one word
// (match.Joined): two or three words glued, letters run together, an
// organisation's initials.
type listedJoin struct {
	sk      skel
	at, len int32  // the tokens it covers
	id      uint32 // as listedToken's
}

func (l *listedNames) add(s *Scanner, n int32, c *match.Candidate, name int) {
	pn := &c.Names[name]
	if l.at[n].ntok != 0 || pn.Len() == 0 {
		return
	}
	schema := c.Entity.Schema
	sp := nameSpan{tok: int32(len(l.toks)), join: int32(len(l.joins)), ntok: uint16(pn.Len()), njoin: uint16(len(pn.Joined)),
		weak: pn.Kind == entity.WeakAlias, vessel: schema == entity.Vessel,
		oneWordNo: schema == entity.Person || schema == entity.LegalEntity,
		person:    schema == entity.Person || schema == entity.LegalEntity}
	// A surname left out costs ShareGiven where another surname, a
	// father's name or, for a nisba, another word is met (match's second
	// surname), shared with the others left out (see minShare); where
	// the name has none of these, ShareFamily.
	families, fathers := 0, false
	for j := 0; j < pn.Len(); j++ {
		if pn.Places[j].Role == names.Family {
			families++
		}
		fathers = fathers || pn.Places[j].Link >= 2
	}
	for j := 0; j < pn.Len(); j++ {
		t := pn.Token(j)
		lt := listedToken{sk: s.vocab[pn.IDs[j]], weight: pn.Weights[j], word: t.Kind == names.Word || t.Kind == names.Patronymic, id: pn.IDs[j]}
		if len(t.Phon) > 0 {
			lt.first, lt.plen = t.Phon[0], uint8(min(len(t.Phon), 255))
		}
		for _, k := range s.vocKeys[lt.id] {
			lt.keySig |= keySig(k)
		}
		if lt.word || t.Kind == names.Number {
			relief := families > 1 || fathers || nisba(pn, j)
			lt.cost = s.minShare(t, pn.Places[j], schema, relief, min(max(families, 1), match.MaxSharedSurnames)) * pn.Weights[j]
		}
		sp.legalForm = sp.legalForm || t.Kind == names.LegalForm
		l.toks = append(l.toks, lt)
	}
	total, most := 0.0, 0.0
	for _, lt := range l.toks[sp.tok:] {
		total += lt.cost
		most = max(most, lt.cost)
	}
	for j := range pn.Joined {
		jn := &pn.Joined[j]
		l.joins = append(l.joins, listedJoin{sk: s.vocab[jn.ID], at: int32(jn.At), len: int32(jn.Len), id: jn.ID})
	}
	sp.rest = max(total-most, 0)
	l.at[n] = sp
}

// minShare is the least share of its weight that a listed token left
// unmatched costs any score of its name: by its role in a person's name
// (a surname as little as a given name where relief says the matcher may
// take it for a second surname, shared with the name's other surnames),
// in an organisation's name by its kind
// (match.Config.MinOrgShare); for an entity of unknown kind, which the
// matcher reads as a person or an organisation by the query, the lesser
// of the two. Contradictions only raise a share.
func (s *Scanner) minShare(t *names.Token, pl match.Place, schema entity.Schema, relief bool, shared int) float64 {
	c := &s.cfg
	person := c.NameShare(t, pl, true)
	if pl.Role == names.Family && relief {
		// Surnames left out share one ShareGiven, at most as many as
		// the name has, up to match.MaxSharedSurnames (shared).
		person = min(person, c.ShareGiven/float64(shared))
	}
	switch schema {
	case entity.Person:
		return person
	case entity.LegalEntity, "":
		return min(person, c.MinOrgShare(t, pl))
	}
	return c.MinOrgShare(t, pl)
}

// nisba reports whether token j of a name is an Arabic nisba, as match
// reads one: the article and a word ending in i (al-Tikriti).
func nisba(p *match.PreparedName, j int) bool {
	t := p.Token(j)
	return j > 0 && t.Kind == names.Word && len(t.Form) > 3 && t.Form[len(t.Form)-1] == 'i' && p.Token(j-1).Kind == names.Particle && p.Token(j-1).Form == "al"
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

// keyIDs returns the numbers of the syllable keys of key (a
// names.Token.Key) that listed tokens have.
func (s *Scanner) keyIDs(key string) []uint32 {
	var out []uint32
	for _, k := range names.SyllableKeys(key) {
		if n, ok := s.keys[k]; ok {
			out = append(out, n)
		}
	}
	return out
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
// or consonant skeleton: the cheap evidence bounds are computed from.
// Words, patronymics, titles and particles meet one another, as the
// matcher compares them all by their skeletons ("Borisowich" is no
// patronymic to the analysis, "Borisovich" is; a title in a person's
// name is a word in an organisation's); by consonants alone, legal forms,
// numbers and initials meet only their own kind.
func (t skel) meets(lt skel) bool {
	if t.alt != 0 && t.alt == lt.phon && lt.kind != names.Number {
		return true
	}
	if t.phon != 0 && t.phon == lt.phon {
		// The same form matches whatever the kinds, numbers aside
		// (match.Config.TokenSim): "AG" alone is a legal form, in "Iyad
		// ag Ghali" a word.
		return (t.kind == names.Number) == (lt.kind == names.Number)
	}
	return kindClass(t.kind) == kindClass(lt.kind) && t.cons != 0 && t.cons == lt.cons && (t.abjad || lt.abjad || t.long)
}

// kindClass is a token's kind, with patronymics, titles and particles
// counted as words.
func kindClass(k names.Kind) names.Kind {
	switch k {
	case names.Patronymic, names.Title, names.Particle:
		return names.Word
	}
	return k
}

// runNames holds the names a run's anchors meet, and for each which of
// the run's tokens meet one of its tokens by phonetic or consonant
// skeleton, or may meet one by spelling: the cheap evidence a window's
// bound is computed from. Token masks have a bit per run token; tokens
// past the 63rd share bit 63, which only makes bounds looser.
type runNames struct {
	names []nameRef
	// anchors[n] has bit w set when the run's word w anchors on name n.
	anchors []uint64
	// keyed[n] has bit k set when the run's token k meets a token or a
	// joined span of name n by skeleton, alone or glued to its
	// neighbours; phon[n] those that meet a token by phonetic skeleton
	// (the others meet by consonants, or meet a span, which the matcher
	// scores below SimPhon: consSim at most); glued[n] those that meet
	// glued to their neighbours.
	keyed, phon, glued []uint64
	// spellable[n] has bit k set when the run's token k may meet a token
	// or span of name n by spelling (index.Index.Similar finds it
	// similar), whether it meets one by skeleton or not; spellInitial[n]
	// when it may meet an initial of the name, which a word meets at
	// SimInitial of at most InitialWeight.
	spellable, spellInitial []uint64
	// byWord[wordOff[w]:wordOff[w+1]] are the names (positions in names)
	// that word w anchors on, so that a window looks at its own names
	// only; seen marks, with seenGen, the names a window looked at.
	byWord  []int32
	wordOff []int
	seen    []uint32
	seenGen uint32
	// at[w] is the index of word w's first token among the run's tokens.
	at []int
	// met[off[n]+j] has the run tokens that meet token j of name n by
	// skeleton, itself or as part of a joined span; spell[off[n]+j] those
	// that may meet it, or a span holding it, by spelling. A listed
	// token no token of a window meets costs the least share of its
	// weight it can (listedToken.cost).
	off        []int
	met, spell []uint64
	// spanMet[spanOff[n]:spanOff[n+1]] are the tokens of name n that the
	// run's tokens glued (spans) meet: a token is met by a window that
	// holds the whole span.
	spanOff []int
	spanMet []spanMeet
	// spans are the run's adjacent tokens that the matcher may read as
	// one word ("Jin Ping" for Jinping, "A. B." for AB), only those whose
	// skeleton or syllables some listed token has; spanAny: there are
	// some.
	spans   []querySpan
	spanAny bool
	// byPhon has the run's word tokens by phonetic skeleton number; by
	// consonant skeleton number, byConsLong those that meet a listed
	// word's consonants in any script (skel.meets), byConsShort the others.
	byPhon, byConsLong, byConsShort tokenMasks
	// others are the run's tokens that are no words (legal forms,
	// numbers, initials).
	others []int
	// skelBloom has a bit for each skeleton number of the run's tokens,
	// spanBloom for each of its spans and their syllable keys: most
	// listed tokens meet no token of a run, and the small tables say so
	// at once.
	skelBloom, spanBloom bloom
	// spanKeys has the signature bits of the spans' syllable keys
	// (keySig); spanSpell the signature bits (spellSig) of the first
	// letters and lengths of the words the spans may meet by spelling
	// (querySpan.phon).
	spanKeys  uint64
	spanSpell uint64
	// joins: some token of the run meets or may spell a listed name's
	// span (Scanner.joinSkels, joinIDs); if none does, no name's spans
	// are looked at.
	joins bool
	// simMask[id] has the run tokens that index.Index.Similar finds
	// similar to the listed token or span with vocabulary id; simSet
	// lists the ids set, to clear.
	simMask []uint64
	simSet  []uint32
	// simBloom has bit id%4096 set for every id of simSet: most listed
	// tokens are similar to no token of the run, and the small table
	// says so without reading the large one.
	simBloom [64]uint64
	// The run's tokens: tt[k] is token k, ts its similar listed tokens,
	// tw its weight; unlisted, wild: analysed.unlisted, analysed.wild;
	// nearWild has the tokens two or fewer from a wild token.
	toks     []skel
	tt       []*names.Token
	ts       []*similarIDs
	tw       []float64
	unlisted []bool
	wild     []bool
	nearWild uint64
	// aw[k] is the weight of token k's other reading (analysed.alt), 0
	// if none; numerals has the tokens that are numbers written in words
	// (analysed.numeral), numNext those of them beside another number,
	// which the window's analysis may read as one number with it.
	aw                []float64
	numerals, numNext uint64
	// Working memory, kept between runs: pos[n] is the position in names
	// of the listed name numbered n, if posGen[n] is gen.
	wbuf, cbuf []float64
	unmet      []bool
	// ways[wayOff[n]:][:len(tt)] are the quick ways of the run's tokens
	// against name n (quickWays), wayOff[n] -1 until worked out.
	ways   []cachedWays
	wayOff []int
	two    []twoWay
	gtoks  []names.Token
	pos    []int32
	posGen []uint32
	gen    uint32
}

// querySpan is a span of a run's tokens written as one word.
type querySpan struct {
	sk   skel
	keys []uint32 // its East Asian syllable keys that listed tokens have
	// phon is its phonetic skeleton where it may meet a listed word by
	// spelling (see spellsJoin), else "".
	phon string
	// edit2 is match.Config.Edit2MinLen.
	edit2   int
	mask    uint64 // its tokens
	letters bool   // initials run together ("A. B." as AB)
}

// spanMeet says that the run's tokens of mask, glued, meet token j of a
// name.
type spanMeet struct {
	j    int
	mask uint64
}

func (s *Scanner) runNames(ws []word, rn *runNames, o Options) *runNames {
	rn.names, rn.anchors = rn.names[:0], rn.anchors[:0]
	rn.at = slices.Grow(rn.at[:0], len(ws)+1)[:len(ws)+1]
	rn.toks, rn.tt, rn.ts, rn.tw, rn.unlisted, rn.wild = rn.toks[:0], rn.tt[:0], rn.ts[:0], rn.tw[:0], rn.unlisted[:0], rn.wild[:0]
	rn.aw, rn.numerals, rn.numNext = rn.aw[:0], 0, 0
	for k := range ws {
		rn.at[k] = len(rn.toks)
		rn.toks = append(rn.toks, ws[k].sk...)
		for t := range ws[k].an {
			rn.tt = append(rn.tt, &ws[k].an[t])
			rn.ts = append(rn.ts, &ws[k].similar[t])
			rn.tw = append(rn.tw, ws[k].weights[t])
			rn.unlisted = append(rn.unlisted, ws[k].unlisted[t])
			rn.wild = append(rn.wild, ws[k].wild[t])
			rn.aw = append(rn.aw, ws[k].alt[t])
			if ws[k].numeral[t] {
				rn.numerals |= 1 << min(len(rn.tt)-1, 63)
			}
		}
	}
	for k := range rn.tt {
		if rn.numerals&(1<<min(k, 63)) != 0 && (k > 0 && rn.tt[k-1].Kind == names.Number || k+1 < len(rn.tt) && rn.tt[k+1].Kind == names.Number) {
			rn.numNext |= 1 << min(k, 63)
		}
	}
	rn.at[len(ws)] = len(rn.toks)
	rn.nearWild = 0
	for k, w := range rn.wild {
		if w {
			for d := max(k-2, 0); d <= k+2 && d < len(rn.wild); d++ {
				rn.nearWild |= 1 << min(d, 63)
			}
		}
	}
	s.similarTokens(rn)
	s.querySpans(rn)
	rn.spanAny = len(rn.spans) > 0
	rn.skelBloom.clear()
	rn.spanBloom.clear()
	rn.joins = false
	for _, t := range rn.toks {
		rn.skelBloom.add(t.alt)
		rn.skelBloom.add(t.phon)
		rn.skelBloom.add(t.cons | consBit)
		rn.joins = rn.joins || s.joinSkels[t.phon] || t.cons != 0 && s.joinSkels[t.cons|consBit]
	}
	for _, id := range rn.simSet {
		rn.joins = rn.joins || int(id) < len(s.isJoin) && s.isJoin[id]
	}
	rn.spanKeys, rn.spanSpell = 0, 0
	for _, sp := range rn.spans {
		if p := sp.phon; p != "" {
			for d := -1; d <= 1; d++ {
				rn.spanSpell |= spellSig(p[0], len(p)+d)
			}
			if isVowel(p[0]) {
				rn.spanSpell |= spellSig('*', len(p))
			}
		}
		rn.spanBloom.add(sp.sk.phon)
		rn.spanBloom.add(sp.sk.cons | consBit)
		for _, k := range sp.keys {
			rn.spanKeys |= keySig(k)
		}
	}
	rn.byPhon.reset(len(s.phonIDs) + 1)
	rn.byConsLong.reset(len(s.consIDs) + 1)
	rn.byConsShort.reset(len(s.consIDs) + 1)
	rn.others = rn.others[:0]
	for k, t := range rn.toks {
		if kindClass(t.kind) != names.Word {
			rn.others = append(rn.others, k)
		}
		if kindClass(t.kind) != names.Word || len(rn.toks) <= 12 {
			continue
		}
		bit := uint64(1) << min(k, 63)
		rn.byPhon.add(t.phon, bit)
		rn.byPhon.add(t.alt, bit)
		if t.abjad || t.long {
			rn.byConsLong.add(t.cons, bit)
		} else {
			rn.byConsShort.add(t.cons, bit)
		}
	}
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
	grow := func(m []uint64, n int) []uint64 {
		m = slices.Grow(m[:0], n)[:n]
		clear(m)
		return m
	}
	rn.keyed = grow(rn.keyed, len(rn.names))
	rn.phon = grow(rn.phon, len(rn.names))
	rn.glued = grow(rn.glued, len(rn.names))
	rn.spellable = grow(rn.spellable, len(rn.names))
	rn.spellInitial = grow(rn.spellInitial, len(rn.names))
	rn.off = slices.Grow(rn.off[:0], len(rn.names)+1)[:0]
	rn.spanOff = slices.Grow(rn.spanOff[:0], len(rn.names)+1)[:0]
	rn.met, rn.spell, rn.spanMet = rn.met[:0], rn.spell[:0], rn.spanMet[:0]
	for n, ref := range rn.names {
		rn.off = append(rn.off, len(rn.met))
		rn.spanOff = append(rn.spanOff, len(rn.spanMet))
		s.meetName(rn, n, ref)
	}
	rn.off = append(rn.off, len(rn.met))
	rn.spanOff = append(rn.spanOff, len(rn.spanMet))
	rn.ways = rn.ways[:0]
	rn.wayOff = slices.Grow(rn.wayOff[:0], len(rn.names))[:len(rn.names)]
	for n := range rn.wayOff {
		rn.wayOff[n] = -1
	}
	s.dropHopeless(ws, rn, o)
	return rn
}

// meetName fills the masks of name n (keyed, phon, spellable, met,
// spell, spanMet).
func (s *Scanner) meetName(rn *runNames, n int, ref nameRef) {
	lts := s.listed.tokens(ref.n)
	first := len(rn.met)
	for j := range lts {
		lt := &lts[j]
		var met, phon uint64
		if kindClass(lt.sk.kind) != names.Word || rn.skelBloom.has(lt.sk.phon) || rn.skelBloom.has(lt.sk.cons|consBit) {
			met, phon = rn.meets(lt.sk)
		}
		if lt.sk.kind == names.Number {
			// A number written in words may be read with its neighbours
			// as any number ("SEVENTY-EIGHT", 78).
			met |= rn.numerals
			phon |= rn.numerals
		}
		if lt.word && rn.spanAny && rn.spanMay(lt) {
			m, p := rn.spanMeets(lt, s.vocKeys[lt.id], s.voc[lt.id].Phon)
			if m != 0 {
				for _, sp := range rn.spans {
					if sp.mask&m == sp.mask && sp.meets(lt, s.vocKeys[lt.id], s.voc[lt.id].Phon) {
						rn.spanMet = append(rn.spanMet, spanMeet{j: j, mask: sp.mask})
					}
				}
				rn.keyed[n] |= m
				rn.phon[n] |= p
				rn.glued[n] |= m
			}
		}
		rn.keyed[n] |= met
		rn.phon[n] |= phon
		rn.met = append(rn.met, met)
		sm := rn.simOf(lt.id)
		rn.spell = append(rn.spell, sm)
		if lt.sk.kind == names.Initial {
			rn.spellInitial[n] |= sm
		} else {
			rn.spellable[n] |= sm
		}
	}
	if !rn.joins {
		return
	}
	met, spell := rn.met[first:], rn.spell[first:]
	// A span of the name's words written as one in the text
	// ("Jinping" for Jin Ping, "IRGC" for its words) leaves none of them
	// unmatched.
	for _, lj := range s.listed.joined(ref.n) {
		var m, p uint64
		if rn.skelBloom.has(lj.sk.phon) || rn.skelBloom.has(lj.sk.cons|consBit) {
			m, p = rn.meets(lj.sk)
		}
		// Read with its neighbours, a word that has the span's phonetic
		// skeleton may be the span's own tokens ("HK" as the initials H
		// K): it meets them at 1.
		sm := rn.simOf(lj.id)
		for x := lj.at; x < lj.at+lj.len; x++ {
			met[x] |= m
			spell[x] |= sm
		}
		rn.keyed[n] |= m
		rn.phon[n] |= p
		rn.spellable[n] |= sm
	}
}

// meets returns the run's tokens that meet listed token skeleton lt
// (skel.meets), and those of them that share its phonetic skeleton.
func (rn *runNames) meets(lt skel) (met, phon uint64) {
	if kindClass(lt.kind) != names.Word || len(rn.toks) <= 12 {
		for k, t := range rn.toks {
			if t.meets(lt) {
				met |= 1 << min(k, 63)
				if t.phon == lt.phon || t.alt == lt.phon {
					phon |= 1 << min(k, 63)
				}
			}
		}
		return met, phon
	}
	phon = rn.byPhon.get(lt.phon) | rn.otherPhon(lt)
	met = phon | rn.byConsLong.get(lt.cons)
	if lt.abjad {
		met |= rn.byConsShort.get(lt.cons)
	}
	return met, phon
}

// otherPhon returns the run's tokens of other kinds than words (legal
// forms, initials) that share word skeleton lt's phonetic skeleton.
func (rn *runNames) otherPhon(lt skel) uint64 {
	var m uint64
	for _, k := range rn.others {
		if t := rn.toks[k]; t.phon == lt.phon && t.kind != names.Number {
			m |= 1 << min(k, 63)
		}
	}
	return m
}

// spanMeets returns the run's tokens in spans that meet listed word
// skeleton lt (with syllable keys keys), and those of them in spans of
// initials that do.
func (rn *runNames) spanMeets(lt *listedToken, keys []uint32, ltPhon string) (met, phon uint64) {
	for _, sp := range rn.spans {
		if sp.meets(lt, keys, ltPhon) {
			met |= sp.mask
			if sp.letters {
				phon |= sp.mask
			}
		}
	}
	return met, phon
}

// meets reports whether the span may meet listed word lt (with syllable
// keys keys): by skeleton, syllables, or spelling.
func (sp *querySpan) meets(lt *listedToken, keys []uint32, ltPhon string) bool {
	if sp.sk.phon != 0 && sp.sk.phon == lt.sk.phon || sp.sk.cons != 0 && sp.sk.cons == lt.sk.cons || sharesKey(sp.keys, keys) {
		return true
	}
	return sp.phon != "" && spellsJoin(sp.phon, ltPhon, sp.edit2)
}

// spellsJoin reports whether a join with phonetic skeleton a may meet a
// word with skeleton b by spelling, as match.JoinedSim allows: one edit
// apart with the first letter alike, both of minLen letters or more
// (Edit2MinLen), or the same but for their first letters, two vowels.
func spellsJoin(a, b string, minLen int) bool {
	if len(a) > 3 && len(b) > 3 && isVowel(a[0]) && isVowel(b[0]) && a[1:] == b[1:] {
		return true
	}
	d := len(a) - len(b)
	return min(len(a), len(b)) >= minLen && d <= 1 && d >= -1 && a[0] == b[0] && match.EditDistance(a, b, 1) <= 1
}

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }

// spanMay reports whether some span of the run may meet listed word lt
// (spanBloom, spanKeys).
func (rn *runNames) spanMay(lt *listedToken) bool {
	return lt.keySig&rn.spanKeys != 0 || rn.spanSpell != 0 && (rn.spanSpell&spellSig(lt.first, int(lt.plen)) != 0 || isVowel(lt.first) && rn.spanSpell&spellSig('*', int(lt.plen)) != 0) || rn.spanBloom.has(lt.sk.phon) || rn.spanBloom.has(lt.sk.cons|consBit)
}

// spellSig returns the signature bit of a skeleton's first letter and
// length.
func spellSig(first byte, n int) uint64 { return 1 << ((uint(first)*31 + uint(n)) % 64) }

// keySig returns the bit of syllable key number k in a signature of keys.
func keySig(k uint32) uint64 { return 1 << (k * 2654435761 >> 26) }

// bloom is a set of numbers that may say yes for one it does not hold,
// never no for one it holds; 0 is never in it.
type bloom [64]uint64

// consBit marks consonant skeleton numbers in a bloom that also holds
// phonetic skeleton numbers.
const consBit = 1 << 30

func (b *bloom) clear() { *b = bloom{} }

func (b *bloom) add(x uint32) {
	if x&^consBit != 0 {
		h := x * 2654435761
		b[h>>26] |= 1 << (h >> 20 & 63)
	}
}

func (b *bloom) has(x uint32) bool {
	if x&^consBit == 0 {
		return false
	}
	h := x * 2654435761
	return b[h>>26]&(1<<(h>>20&63)) != 0
}

func sharesKey(a, b []uint32) bool {
	for _, k := range a {
		if slices.Contains(b, k) {
			return true
		}
	}
	return false
}

// tokenMasks maps a skeleton number to the run's tokens that have it: a
// dense table by number, cleared after each run through the numbers set.
type tokenMasks struct {
	m   []uint64
	set []uint32
}

func (t *tokenMasks) reset(size int) {
	if len(t.m) < size {
		t.m, t.set = make([]uint64, size), t.set[:0]
		return
	}
	for _, id := range t.set {
		t.m[id] = 0
	}
	t.set = t.set[:0]
}

func (t *tokenMasks) add(id uint32, bit uint64) {
	if id == 0 || int(id) >= len(t.m) {
		return
	}
	if t.m[id] == 0 {
		t.set = append(t.set, id)
	}
	t.m[id] |= bit
}

func (t *tokenMasks) get(id uint32) uint64 {
	if id == 0 || int(id) >= len(t.m) {
		return 0
	}
	return t.m[id]
}

// simOf returns the run tokens similar to the listed token or span with
// vocabulary id.
func (rn *runNames) simOf(id uint32) uint64 {
	if rn.simBloom[id/64%64]&(1<<(id%64)) == 0 || int(id) >= len(rn.simMask) {
		return 0
	}
	return rn.simMask[id]
}

// similarTokens fills rn.simMask from the run's tokens.
func (s *Scanner) similarTokens(rn *runNames) {
	if len(rn.simMask) < s.ix.Stats.Vocab {
		rn.simMask = make([]uint64, s.ix.Stats.Vocab)
		rn.simSet = rn.simSet[:0]
	}
	for _, id := range rn.simSet {
		rn.simMask[id] = 0
	}
	rn.simSet = rn.simSet[:0]
	clear(rn.simBloom[:])
	for k, t := range rn.tt {
		if !spellable(t) {
			continue
		}
		bit := uint64(1) << min(k, 63)
		for _, id := range rn.ts[k].get(s.ix, t).ids {
			if rn.simMask[id] == 0 {
				rn.simSet = append(rn.simSet, id)
				rn.simBloom[id/64%64] |= 1 << (id % 64)
			}
			rn.simMask[id] |= bit
		}
	}
}

// spellable reports whether a text token may meet a listed one by
// spelling, which index.Index.Similar tells: a word, patronymic, title or
// particle (initials meet any word with their letter; numbers and legal
// forms meet their own kind).
func spellable(t *names.Token) bool {
	return kindClass(t.Kind) == names.Word
}

// querySpans fills rn.spans with the run's adjacent tokens that the
// matcher may read as one word (as match.Spans reads a query's) and that
// may meet a listed token: two words glued, or three where two are
// short, whose skeleton or East Asian syllables a listed token has; and
// runs of initials.
func (s *Scanner) querySpans(rn *runNames) {
	rn.spans = rn.spans[:0]
	tt := rn.tt
	add := func(form string, at, n int, letters bool) {
		phon := names.Phon(form)
		sp := querySpan{sk: skel{kind: names.Word, phon: s.phonIDs[phon]}, letters: letters}
		if c := names.Cons(phon); c != "" && !letters {
			sp.sk.cons, sp.sk.long = s.consIDs[c], len(c) >= s.cfg.ConsMinLen
		}
		for k := at; k < at+n; k++ {
			sp.sk.abjad = sp.sk.abjad || tt[k].Abjad
			sp.mask |= 1 << min(k, 63)
		}
		// Syllables glued meet a word of the same syllables in another
		// romanisation ("Jong Un" and Jong-eun): only syllables, short,
		// not written in Arabic script.
		if !letters && !sp.sk.abjad && len(form) <= 12 && !slices.ContainsFunc(tt[at:at+n], func(t *names.Token) bool { return t.Key == "" }) {
			sp.keys = s.keyIDs(names.SyllableKey(form))
		}
		if !letters && s.mayJoinSpell(phon) {
			// match.JoinedSim meets a long join one edit from a word,
			// and a join with another first vowel (see spellsJoin).
			sp.phon, sp.edit2 = phon, s.cfg.Edit2MinLen
		}
		if sp.sk.phon != 0 || sp.sk.cons != 0 || len(sp.keys) > 0 || sp.phon != "" {
			rn.spans = append(rn.spans, sp)
		}
	}
	joinable := func(t *names.Token) bool {
		return t.Kind == names.Word || t.Kind == names.Particle || t.Kind == names.Title
	}
	for k := 0; k+1 < len(tt); k++ {
		a, b := tt[k], tt[k+1]
		// Any two words glued may meet a listed word, as match.Spans
		// reads a query: a particle, a syllable ("Jin Ping", "bin Laden",
		// "al Qaida"), a word split ("INTERNA TIONAL"), two words
		// written as one ("Radio Systems", Radiosistemy).
		if joinable(a) && joinable(b) {
			add(a.Form+b.Form, k, 2, false)
			if a.Kind == names.Particle && a.Form == "al" && b.Form != "" && strings.IndexByte("tdrzsnl", b.Form[0]) >= 0 {
				add("a"+b.Form, k, 2, false)
			}
		}
		if k+2 < len(tt) && shortSplit(tt[k:k+3]) {
			add(a.Form+b.Form+tt[k+2].Form, k, 3, false)
		}
	}
	for k := 0; k < len(tt); {
		e := k
		for e < len(tt) && tt[e].Kind == names.Initial {
			e++
		}
		if e-k >= 2 {
			var b strings.Builder
			for x := k; x < e; x++ {
				b.WriteString(tt[x].Form)
			}
			add(b.String(), k, e-k, true)
		}
		k = max(e, k+1)
	}
}

// shortSplit reports whether three tokens may be one word split in three
// (as match.Spans reads them): words or particles, two of them four
// letters or fewer.
func shortSplit(toks []*names.Token) bool {
	short := 0
	for _, t := range toks {
		if t.Kind != names.Word && t.Kind != names.Particle {
			return false
		}
		if len(t.Form) <= 4 {
			short++
		}
	}
	return short >= 2
}

// metSim is the most the matcher may score run token k against the token
// of name n it meets: 1 if they share a phonetic skeleton, else (they
// share only consonants, or the token meets a span) the best similarity
// of two different skeletons.
func (s *Scanner) metSim(rn *runNames, n, k int) float64 {
	if rn.phon[n]&(1<<min(k, 63)) != 0 {
		return 1
	}
	return s.consSim
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

// simTo returns the similarity of the token to the listed token or span
// with vocabulary id, 0 if none.
func (x *similarIDs) simTo(id uint32) float64 {
	if i, ok := slices.BinarySearch(x.ids, id); ok {
		return float64(x.sims[i])
	}
	return 0
}

// twoWay is what a window token adds to a bound: a1 over b1 if it counts
// matched, a2 over b2 if not; a bound takes the better.
type twoWay struct{ a1, b1, a2, b2 float64 }

// sums gathers the terms of a window's bound against one name: num over
// den, to which the name's unmet tokens add their cost, less what the
// window's spare tokens may meet of them.
type sums struct {
	num, den float64
	// two are the tokens neither of whose ways is the better at every
	// ratio.
	two []twoWay
	// spare are the tokens that meet nothing of the name by skeleton but
	// may meet one of its unmet tokens or spans by spelling, free the
	// initials, which may meet any (quick sums); spared is what the
	// spare tokens may meet of the unmet tokens, at most, known from
	// their spelling (sums that know spelling).
	spare, free uint64
	spared      float64
	// unknown counts the words whose weight quick sums do not know.
	unknown int
}

// add adds a token's two ways to x, as plain sums when one way is the
// better whatever the ratio, which is in [0, 1].
func (x *sums) add(t twoWay) {
	da, db := t.a1-t.a2, t.b1-t.b2
	switch {
	case da >= 0 && da >= db:
		x.num, x.den = x.num+t.a1, x.den+t.b1
	case da <= 0 && da <= db:
		x.num, x.den = x.num+t.a2, x.den+t.b2
	default:
		x.two = append(x.two, t)
	}
}

// ratio returns the best of num/(den+cost) over the ways the two-way
// tokens may count (Dinkelbach's iteration, exact in a few steps; if it
// has not settled, a looser bound: each two-way token at its larger
// numerator and smaller denominator).
func (x *sums) ratio(cost float64) float64 {
	if len(x.two) == 0 {
		if d := x.den + cost; d > 0 {
			return x.num / d
		}
		return math.Inf(1)
	}
	lam := 0.0
	for range 8 {
		num, den := x.num, x.den+cost
		for _, t := range x.two {
			if t.a1-lam*t.b1 >= t.a2-lam*t.b2 {
				num, den = num+t.a1, den+t.b1
			} else {
				num, den = num+t.a2, den+t.b2
			}
		}
		if den <= 0 {
			return math.Inf(1)
		}
		r := num / den
		if r <= lam*(1+1e-12) {
			return max(r, lam)
		}
		lam = r
	}
	num, den := x.num, x.den+cost
	for _, t := range x.two {
		num, den = num+max(t.a1, t.a2), den+min(t.b1, t.b2)
	}
	if den <= 0 {
		return math.Inf(1)
	}
	return num / den
}

// windowInfo is what the bound of a window needs of its words, whatever
// the name.
type windowInfo struct {
	i, a, b int // the run's first word, the window's first and last
	// words has the window's words as bits of the run's, tokMask its
	// tokens.
	words, tokMask uint64
	// middle has the bits of the window's tokens that the analysis of its
	// text may read as middle names: a middle name left unmatched costs a
	// person's score QueryMiddleShare of its weight, not all of it.
	middle uint64
	// lowInfo is the most the matcher scales a light query's score by
	// (Config.MinQueryWeight).
	lowInfo float64
}

func (s *Scanner) windowInfo(ws []word, rn *runNames, i, a, b int) windowInfo {
	wi := windowInfo{i: i, a: a, b: b}
	for w := a; w <= b; w++ {
		wi.words |= 1 << min(w-i, 63)
	}
	// A person's name has middle names when the window has three name
	// words or more, or a nasab chain ("Tamim bin Hamad"), and the first
	// word or initial is never one (as names reads roles: the first of a
	// name's given names, or its surname). A title after a name word may
	// be read as a word.
	content, link, first := 0, false, -1
	total := 0.0
	wordSeen := false
	for k := rn.at[a-i]; k < rn.at[b+1-i]; k++ {
		wi.tokMask |= 1 << min(k, 63)
		t := rn.tt[k]
		total += rn.tw[k]
		switch t.Kind {
		case names.Word, names.Initial:
			if first < 0 {
				first = k
			}
			content++
			wordSeen = true
		case names.Patronymic:
			content++
			wordSeen = true
		case names.Title:
			if wordSeen {
				content++
			}
		case names.Particle:
			link = link || t.Form == "bin" || t.Form == "ould"
			if rn.aw[k] > 0 && wordSeen {
				content++ // a syllable, read as a word
			}
		}
	}
	if content >= 3 || link {
		for k := rn.at[a-i]; k < rn.at[b+1-i]; k++ {
			if k != first && (rn.tt[k].Kind == names.Word || rn.tt[k].Kind == names.Initial) {
				wi.middle |= 1 << min(k, 63)
			}
		}
	}
	wi.lowInfo = 1
	if s.cfg.MinQueryWeight > 0 {
		wi.lowInfo = min(1, total/s.cfg.MinQueryWeight)
	}
	return wi
}

// queryShare is the least share of its weight that a window's token
// costs when unmatched, against a name that may be a person's or not
// (as match reads a query's tokens): a patronymic UnmatchedCandidate, a
// middle name of a person's name QueryMiddleShare shared among as many
// middle names as match shares it (middle: the window's analysis may
// read it as one), any other all of it.
func (s *Scanner) queryShare(t *names.Token, middle, person bool) float64 {
	switch {
	case t.Kind == names.Patronymic:
		return s.cfg.UnmatchedCandidate
	case person && middle:
		return s.cfg.QueryMiddleShare / match.MaxSharedMiddles
	}
	return 1
}

// soft reports whether a word analysed alone may be read otherwise with
// the words around it, as part of a legal form: a legal form after a name
// ("Ltd", "Company"), or a word of a legal form of several words ("Joint
// Stock", "Aktsionernoe Obshchestvo"). (A title of several words, such
// as "Foreign Minister", read with the words after it, makes a window
// score what the window without it scores: see titleEdge.)
func (w *word) soft() bool { return w.legalForm || w.legalPart }

// windowSums adds up what the window may score against name n, token by
// token (tokenWays): quickly (spelled false), from the ways of the run's
// tokens worked out once for the name (quickWays), or knowing the
// spelling of its words.
func (s *Scanner) windowSums(ws []word, rn *runNames, n int, wi *windowInfo, unmet []bool, spelled bool) sums {
	x := sums{two: rn.two[:0]}
	first, end := rn.at[wi.a-wi.i], rn.at[wi.b+1-wi.i]
	if !spelled {
		cw := s.quickWays(ws, rn, n)
		for t := first; t < end; t++ {
			bit := uint64(1) << min(t, 63)
			c := &cw[t]
			if wi.middle&bit != 0 {
				x.add(c.middle)
			} else {
				x.add(c.plain)
			}
			switch c.kind {
			case spareToken:
				x.spare |= bit
			case freeToken:
				x.free |= bit
			case unknownWeight:
				x.unknown++
			}
		}
		rn.two = x.two
		return x
	}
	sp := s.listed.at[rn.names[n].n]
	k := first
	for w := wi.a; w <= wi.b; w++ {
		wfirst := k
		k += len(ws[w].an)
		soft := ws[w].soft()
		for t := wfirst; t < k; t++ {
			bit := uint64(1) << min(t, 63)
			tw, way := s.tokenWays(rn, n, t, wi.middle&bit != 0, unmet, true, sp, soft)
			x.add(tw)
			x.spared += way.spared
			if way.kind == freeToken {
				x.free |= bit
			}
		}
	}
	rn.two = x.two
	return x
}

// cachedWays are a token's quick ways against a name: plain, and where
// the window may read it as a middle name.
type cachedWays struct {
	plain, middle twoWay
	kind          uint8
}

// quickWays returns the quick ways of each of the run's tokens against
// name n (tokenWays), worked out the first time they are asked for in
// the run: a token is in many windows.
func (s *Scanner) quickWays(ws []word, rn *runNames, n int) []cachedWays {
	nt := len(rn.tt)
	if off := rn.wayOff[n]; off >= 0 {
		return rn.ways[off : off+nt]
	}
	off := len(rn.ways)
	rn.wayOff[n] = off
	sp := s.listed.at[rn.names[n].n]
	may := rn.keyed[n] | rn.spellable[n] | rn.spellInitial[n] | rn.nearWild | rn.numNext
	k := 0
	for w := range ws {
		soft := ws[w].soft()
		for t := k; t < k+len(ws[w].an); t++ {
			if tk := rn.tt[t]; may&(1<<min(t, 63)) == 0 && !soft && !rn.wild[t] && tk.Kind != names.Initial {
				// It meets nothing of the name: unmatched (as tokenWays
				// has it, without working it out).
				c := cachedWays{}
				switch {
				case rn.unlisted[t]:
					c.kind = unknownWeight
				default:
					q, qm := s.queryShare(tk, false, sp.person), s.queryShare(tk, true, sp.person)
					c.plain = twoWay{0, q * rn.tw[t], 0, q * rn.tw[t]}
					c.middle = twoWay{0, qm * rn.tw[t], 0, qm * rn.tw[t]}
				}
				rn.ways = append(rn.ways, c)
				continue
			}
			tw, way := s.tokenWays(rn, n, t, false, nil, false, sp, soft)
			c := cachedWays{plain: tw, middle: tw, kind: way.kind}
			if kd := rn.tt[t].Kind; sp.person && (kd == names.Word || kd == names.Initial) {
				c.middle, _ = s.tokenWays(rn, n, t, true, nil, false, sp, soft)
			}
			rn.ways = append(rn.ways, c)
		}
		k += len(ws[w].an)
	}
	return rn.ways[off : off+nt]
}

// way says how a token that meets nothing of a name by skeleton may still
// spare one of its unmet tokens: quickly, a spare token one token or span
// it may spell, a free token (an initial) any token; knowing spelling,
// spared is the cost of the costliest it may meet.
type way struct {
	kind   uint8
	spared float64
}

const (
	noSpare uint8 = iota
	spareToken
	freeToken
	// unknownWeight: a word no listed name has, whose weight a search
	// settles (quick sums do not know it).
	unknownWeight
)

// tokenWays returns what run token k of the window adds to a bound
// against name n. A token that meets a token or span of the name by
// skeleton counts matched, at 1 if by phonetic skeleton and consSim if
// not; a token of a soft word may instead be part of a legal form, which
// meets the name's (LegalFormWeight over LegalFormWeight) or costs little
// (taken as nothing). Any other token that may meet something of the
// name by spelling counts either matched or not, whichever gives the
// higher bound; one that cannot counts unmatched, at the least share of
// its weight it can cost (queryShare).
//
// Quickly (spelled false), a token that may spell something of the name
// meets it at consSim, and a word no listed name has weighs what a search
// settles it to, at most the highest weight. Knowing spelling (spelled),
// a token meets what index.Index.Similar says it is similar to, at that
// similarity, and weighs what a search weighs it.
func (s *Scanner) tokenWays(rn *runNames, n, k int, middle bool, unmet []bool, spelled bool, sp nameSpan, soft bool) (twoWay, way) {
	bit := uint64(1) << min(k, 63)
	tk, weight := rn.tt[k], rn.tw[k]
	q := s.queryShare(tk, middle, sp.person)
	// unmatched is what the token adds when it meets nothing.
	unmatched := func(w float64) (float64, float64) {
		switch {
		case rn.numNext&bit != 0:
			// Read with the number beside it as one number, it costs
			// nothing of its own.
			return 0, 0
		case !soft:
			return 0, q * w
		case sp.legalForm:
			return s.cfg.LegalFormWeight, s.cfg.LegalFormWeight
		}
		return 0, 0
	}
	keyed := rn.keyed[n]&bit != 0
	switch {
	case rn.wild[k]:
		// A word of unknown weight that may meet anything of the name.
		w := way{kind: spareToken}
		if spelled {
			w = way{spared: s.costliest(rn, n, unmet)}
		}
		return twoWay{s.consSim * s.maxWeight, s.maxWeight, 0, 0}, w
	case rn.nearWild&bit != 0 && !keyed:
		// Glued to a wild token, as the analysis of the window may read
		// it, it may meet something of the name.
		a2, b2 := unmatched(weight)
		return twoWay{s.consSim * weight, weight, a2, b2}, way{}
	case keyed:
		if tk.Kind == names.Title {
			// A title after a name's words is a word.
			weight = s.ix.Weight(tk)
		}
		sim := s.metSim(rn, n, k)
		if sim < 1 && spelled && rn.glued[n]&bit == 0 && spellable(tk) && tk.Kind != names.Title {
			// Met by consonants only: what the spelling says.
			break
		}
		a2, b2 := unmatched(weight)
		if aw := rn.aw[k]; aw > 0 {
			// A particle that meets as the syllable it may be (analysed.alt)
			// weighs what that word weighs; unmatched, what it does alone.
			return twoWay{sim * max(aw, weight), max(aw, weight), a2, b2}, way{}
		}
		if sim < 1 && a2 == 0 {
			// Met by consonants only, the token may weigh less than it
			// does alone (a word no listed name has weighs, to a
			// search, what the listed word closest to it weighs): the
			// bound takes it at its weight or at none, until the
			// spelling is known.
			b2 = 0
			return twoWay{sim * weight, weight, a2, b2}, way{kind: unknownWeight}
		}
		return twoWay{sim * weight, weight, a2, b2}, way{}
	}
	a2, b2 := unmatched(weight)
	spells := rn.spellable[n]&bit != 0
	// An initial of the window earns SimInitial of at most
	// InitialWeight (match's alignment weighs an initial the query wrote
	// so); a word that meets a listed initial earns SimInitial of its
	// own weight (one the list wrote; capped only for the query's
	// surname, which the bound does not know).
	initial := s.cfg.SimInitial * min(weight, s.cfg.InitialWeight)
	switch {
	case tk.Kind == names.Initial:
		return twoWay{initial, weight, a2, b2}, way{kind: freeToken}
	case !spellable(tk):
		return twoWay{a2, b2, a2, b2}, way{}
	case !spelled:
		if rn.unlisted[k] && !soft {
			// A search settles it to the weight of the listed word it
			// is closest to, which is not known here: unmatched, it
			// costs at least nothing.
			a2, b2 = 0, 0
		}
		switch {
		case !spells && rn.spellInitial[n]&bit != 0:
			if rn.unlisted[k] {
				// Matched, the more it weighs (at most the highest) the
				// nearer it brings the bound to SimInitial.
				return twoWay{s.cfg.SimInitial * s.maxWeight, s.maxWeight, a2, b2}, way{kind: spareToken}
			}
			return twoWay{s.cfg.SimInitial * weight, weight, a2, b2}, way{kind: spareToken}
		case !spells && rn.unlisted[k]:
			return twoWay{a2, b2, a2, b2}, way{kind: unknownWeight}
		case !spells:
			return twoWay{a2, b2, a2, b2}, way{}
		case rn.unlisted[k]:
			// Matched, the more it weighs (at most the highest) the
			// nearer it brings the bound to consSim.
			return twoWay{s.consSim * s.maxWeight, s.maxWeight, a2, b2}, way{kind: spareToken}
		}
		return twoWay{s.consSim * weight, weight, a2, b2}, way{kind: spareToken}
	}
	simIDs := rn.ts[k].get(s.ix, tk)
	weight = simIDs.weight
	if tk.Kind == names.Title {
		weight = 0
	}
	a2, b2 = unmatched(weight)
	if !spells && rn.spellInitial[n]&bit == 0 {
		return twoWay{a2, b2, a2, b2}, way{}
	}
	best, spared := 0.0, 0.0
	ref := rn.names[n]
	lts := s.listed.tokens(ref.n)
	for j := range lts {
		if sim := simIDs.simTo(lts[j].id); sim > 0 {
			best = max(best, sim*weight)
			if unmet[j] {
				spared = max(spared, lts[j].cost)
			}
		}
	}
	for _, lj := range s.listed.joined(ref.n) {
		if sim := simIDs.simTo(lj.id); sim > 0 {
			best = max(best, sim*weight)
			c := 0.0
			for j := lj.at; j < lj.at+lj.len; j++ {
				if unmet[j] {
					c += lts[j].cost
				}
			}
			spared = max(spared, c)
		}
	}
	return twoWay{best, weight, a2, b2}, way{spared: spared}
}

// costliest returns the cost of the costliest unmet token or span of
// name n.
func (s *Scanner) costliest(rn *runNames, n int, unmet []bool) float64 {
	ref := rn.names[n]
	lts := s.listed.tokens(ref.n)
	most := 0.0
	for j := range lts {
		if unmet[j] {
			most = max(most, lts[j].cost)
		}
	}
	for _, lj := range s.listed.joined(ref.n) {
		c := 0.0
		for j := lj.at; j < lj.at+lj.len; j++ {
			if unmet[j] {
				c += lts[j].cost
			}
		}
		most = max(most, c)
	}
	return most
}

// unmetTokens marks the tokens of name n that no token of the window
// meets by skeleton, alone or glued to its neighbours, and returns what
// they cost.
func (s *Scanner) unmetTokens(rn *runNames, n int, wi *windowInfo) (unmet []bool, cost float64) {
	lts := s.listed.tokens(rn.names[n].n)
	met := rn.met[rn.off[n]:rn.off[n+1]]
	unmet = slices.Grow(rn.unmet[:0], len(lts))[:len(lts)]
	rn.unmet = unmet
	for j := range lts {
		unmet[j] = met[j]&wi.tokMask == 0
	}
	for _, m := range rn.spanMet[rn.spanOff[n]:rn.spanOff[n+1]] {
		if m.mask&^wi.tokMask == 0 {
			unmet[m.j] = false
		}
	}
	for j := range lts {
		if unmet[j] {
			cost += lts[j].cost
		}
	}
	return unmet, cost
}

// spare returns what the window's spare tokens may meet of the name's
// unmet tokens, which then cost nothing, at most: quickly, the costliest
// as many of the unmet tokens and spans that they may spell as there are
// spare tokens, and the costliest as many of any unmet tokens as there
// are free ones; knowing spelling, what each spare token may meet at most
// (sums.spared), and the free.
func (s *Scanner) spare(rn *runNames, n int, unmet []bool, x *sums, cost float64, spelled bool) float64 {
	if cost == 0 || x.spare == 0 && x.free == 0 && x.spared == 0 {
		return 0
	}
	ref := rn.names[n]
	lts := s.listed.tokens(ref.n)
	spell := rn.spell[rn.off[n]:rn.off[n+1]]
	spared := x.spared
	if x.free != 0 {
		costs := rn.cbuf[:0]
		for j := range lts {
			if unmet[j] && lts[j].cost > 0 {
				costs = append(costs, lts[j].cost)
			}
		}
		spared += heaviest(costs, bits.OnesCount64(x.free))
		rn.cbuf = costs
	}
	if !spelled && x.spare != 0 {
		costs := rn.wbuf[:0]
		for j := range lts {
			if unmet[j] && lts[j].cost > 0 && spell[j]&x.spare != 0 {
				costs = append(costs, lts[j].cost)
			}
		}
		for _, lj := range s.listed.joined(ref.n) {
			c := 0.0
			for j := lj.at; j < lj.at+lj.len; j++ {
				if unmet[j] && spell[j]&x.spare != 0 {
					c += lts[j].cost
				}
			}
			if c > 0 {
				costs = append(costs, c)
			}
		}
		spared += heaviest(costs, bits.OnesCount64(x.spare))
		rn.wbuf = costs
	}
	return min(spared, cost)
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

// nameBound bounds what the window may score against name n: the quick
// sums first, then, if they reach floor and the window has tokens they
// took to meet something by spelling or whose weight they do not know,
// the sums that know spelling. A bound below floor may be returned as any
// value below floor.
func (s *Scanner) nameBound(ws []word, rn *runNames, n int, wi *windowInfo, factor, floor float64) float64 {
	x := s.windowSums(ws, rn, n, wi, nil, false)
	if score := x.ratio(0) * factor; score < floor {
		// Too low even before the name's unmet tokens are counted: in a
		// long caseless run, most names stop here.
		return score
	}
	unmet, cost := s.unmetTokens(rn, n, wi)
	score := x.ratio(cost-s.spare(rn, n, unmet, &x, cost, false)) * factor
	if score < floor || x.spare == 0 && x.unknown == 0 {
		return score
	}
	x = s.windowSums(ws, rn, n, wi, unmet, true)
	return x.ratio(cost-s.spare(rn, n, unmet, &x, cost, true)) * factor
}

// dropHopeless forgets (clears the anchors of) the names that no window
// of the run can bring to the threshold. A window has at most MaxWindow
// words: a name's bound over the run takes the words that count most for
// it (each token at the better of its ways), at most MaxWindow of them,
// each counted if it raises the bound, but that a person's name is not
// found from one word unless a title stands before it (oneWordOK), so
// that a window for it has two name words; and its unmet tokens as if
// every token of the run could meet them. A name met by one word of a
// long caseless run (a Hangul or Arabic line has an anchor in every
// other word) is mostly such a name; what the bound would spend on it
// for each window is spent once.
func (s *Scanner) dropHopeless(ws []word, rn *runNames, o Options) {
	lam := o.Threshold
	all := windowInfo{i: 0, a: 0, b: len(ws) - 1, tokMask: ^uint64(0), lowInfo: 1}
	maxWords := min(o.MaxWindow, 8)
	titled := slices.ContainsFunc(ws, word.isTitle)
	type wordGain struct {
		gain  float64
		name  bool
		names int // the name words it counts for (analysed.camel)
		spare uint64
	}
	gains := make([]wordGain, 0, len(ws))
	for n := range rn.names {
		if rn.anchors[n] == 0 {
			continue
		}
		sp := s.listed.at[rn.names[n].n]
		unmet, cost := s.unmetTokens(rn, n, &all)
		if s.hopeless(ws, rn, n, unmet, cost, lam, maxWords) {
			rn.anchors[n] = 0
			continue
		}
		// Any word but a window's first may be a middle name.
		cw := s.quickWays(ws, rn, n)
		gains = gains[:0]
		var free uint64
		k := 0
		for w := range ws {
			g := wordGain{name: ws[w].nameWord(), names: 1}
			if ws[w].analysed != nil && ws[w].camel > 1 {
				g.names = ws[w].camel
			}
			for t := k; t < k+len(ws[w].an); t++ {
				tw := &cw[t].middle
				g.gain += max(tw.a1-lam*tw.b1, tw.a2-lam*tw.b2)
				switch cw[t].kind {
				case spareToken:
					g.spare |= 1 << min(t, 63)
				case freeToken:
					free |= 1 << min(t, 63)
				}
			}
			k += len(ws[w].an)
			gains = append(gains, g)
		}
		if len(gains) > 1 {
			slices.SortFunc(gains, func(x, y wordGain) int {
				switch {
				case x.gain > y.gain:
					return -1
				case x.gain < y.gain:
					return 1
				}
				return 0
			})
		}
		need := 0
		if sp.oneWordNo && !titled {
			need = 2
		}
		gain, words, nameWords := 0.0, 0, 0
		x := sums{}
		for _, g := range gains {
			if words == maxWords || g.gain <= 0 && (nameWords >= need || !g.name) {
				continue
			}
			gain += g.gain
			x.spare |= g.spare
			words++
			if g.name {
				nameWords += g.names
			}
		}
		if bits.OnesCount64(free) > maxWords {
			// More initials than a window holds: any maxWords of them.
			free = 1<<maxWords - 1
		}
		x.free = free
		if nameWords < need || gain <= 0 || gain < lam*(cost-s.spare(rn, n, unmet, &x, cost, false)) {
			rn.anchors[n] = 0
		}
	}
}

// hopeless reports, before the ways of the run's tokens are worked out,
// whether no window of the run can bring name n to the threshold lam
// even if every token that may meet something of it (by skeleton or
// spelling, an initial, a word of a legal form, a word no listed name
// has) met it in full, and as many of its unmet tokens as there are such
// tokens cost nothing.
func (s *Scanner) hopeless(ws []word, rn *runNames, n int, unmet []bool, cost, lam float64, maxWords int) bool {
	may := rn.keyed[n] | rn.spellable[n] | rn.spellInitial[n] | rn.nearWild | rn.numNext
	var gains [8]float64
	mayTokens := 0
	k := 0
	for w := range ws {
		g := 0.0
		soft := ws[w].soft()
		for t := k; t < k+len(ws[w].an); t++ {
			wt := max(rn.tw[t], rn.aw[t])
			if rn.tt[t].Kind == names.Title {
				wt = s.ix.Weight(rn.tt[t]) // a title after a name is a word
			}
			switch {
			case rn.wild[t] || rn.unlisted[t]:
				g += (1 - lam) * s.maxWeight
			case may&(1<<min(t, 63)) != 0 || rn.tt[t].Kind == names.Initial:
				g += (1 - lam) * wt
			case soft:
				g += (1 - lam) * s.cfg.LegalFormWeight
			default:
				continue
			}
			mayTokens++
		}
		k += len(ws[w].an)
		for m := 0; m < maxWords && m < len(gains); m++ {
			if g > gains[m] {
				g, gains[m] = gains[m], g
			}
		}
	}
	gain := 0.0
	for _, g := range gains {
		gain += g
	}
	if gain <= 0 {
		return true
	}
	if cost == 0 {
		return false
	}
	lts := s.listed.tokens(rn.names[n].n)
	costs := rn.cbuf[:0]
	for j := range lts {
		if unmet[j] && lts[j].cost > 0 {
			costs = append(costs, lts[j].cost)
		}
	}
	rn.cbuf = costs
	// A spare token may meet a span of several unmet tokens: spare them
	// all, generously, by the count of such tokens times the longest span.
	spared := heaviest(costs, mayTokens*3)
	return gain < lam*(cost-spared)
}

// bound returns the best bound of window [a, b] (of the run starting at
// word i) against the names its anchors meet (nameBound) that reaches
// the floor of its name, or 0, and appends to cands the numbers of those
// names: they are the names the window is scored against. The floor is
// floor for a window of several name words. A window of one name word
// (one) is bounded only against the names it may be reported for alone:
// at oneFloor, never a person's unless a title stands before the word
// (titled; then at floor), and a vessel's only after a word that says a
// vessel follows.
//
// What the bound looks at is the window's words alone, never the run's,
// so that the names a window is scored against, and with them its
// findings, do not depend on the words around it (dropHopeless forgets
// only names that no window of the run can bring to the threshold, which
// this bound would not keep either).
func (s *Scanner) bound(text []byte, toks []token, ws []word, rn *runNames, i, a, b int, one, titled bool, floor, oneFloor float64, cands []int32) (float64, []int32) {
	wi := s.windowInfo(ws, rn, i, a, b)
	vessel := one && s.vesselBefore(text, toks, a)
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
		if rn.anchors[n]&wi.words == 0 {
			continue
		}
		sp := s.listed.at[ref.n]
		min := floor
		if one {
			switch {
			case sp.vessel && !vessel, sp.oneWordNo && !titled:
				continue
			case !sp.oneWordNo:
				min = oneFloor
			}
		}
		factor := wi.lowInfo
		if sp.weak {
			factor *= s.cfg.WeakAliasFactor
		}
		if score := s.nameBound(ws, rn, n, &wi, factor, min); score >= min {
			cands = append(cands, ref.n)
			best = max(best, score)
		}
	}
	return best, cands
}
