package index

import (
	"slices"
	"strings"

	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/names"
)

// expand fills u.exp with every vocabulary entry that has a non-zero
// similarity to the unit, as match.Config computes it (UnitSim). The
// channels below are exactly the ways it can be non-zero: the same form,
// the same phonetic or consonant skeleton, an initial, a legal form, a
// few edits apart (found by trigram counts), the same word in another
// national reading or with or without a Baltic ending, the same East Asian syllables, the same loose
// consonants across scripts, a nickname, or an acronym and its letters.
func (ix *Index) expand(u *unit, cfg *match.Config, s *scratch) {
	t := u.tok
	key := keyOf(t, u.span)
	cacheable := sameSims(cfg, &ix.cfg)
	if cacheable {
		if e, ok := ix.cache.get(key); ok {
			u.exp = e
			return
		}
	}
	defer func() {
		if cacheable {
			ix.cache.put(key, u.exp)
		}
	}()
	var cand []uint32
	v := ix.voc
	switch u.span {
	case match.Letters, match.Initialism:
		// A word of these letters; runs of letters of the same letters.
		cand = append(cand, v.forms.lookup(t.Form)...)
		if u.span == match.Letters {
			cand = append(cand, v.letters[t.Form]...)
		}
	case match.Glued, match.Compound:
		// JoinedSim meets a listed word only on the same skeleton or
		// syllables, or on the same skeleton after a different first
		// vowel: probe for that alone, not for every word a few edits
		// away.
		cand = append(cand, v.phons.lookup(t.Phon)...)
		cand = append(cand, v.byCons[t.Cons]...)
		for _, k := range names.SyllableKeys(t.Key) {
			cand = append(cand, v.bySyllables[k]...)
		}
		if len(t.Phon) > 3 && strings.IndexByte("aeiou", t.Phon[0]) >= 0 {
			cand = v.phons.firstDeleted(t.Phon, s, cand)
		}
		if len(t.Phon) >= cfg.Edit2MinLen || u.span == match.Compound && len(t.Phon) >= cfg.Edit1MinLen {
			// A long join, or a word as written, one edit from a word
			// (JoinedSim, CompoundSim).
			cand = v.phons.near(t.Phon, 1, s, cand)
		}
	default:
		cand = append(cand, v.forms.lookup(t.Form)...)
		if t.Kind == names.Number {
			break
		}
		cand = append(cand, v.phons.lookup(t.Phon)...)
		switch t.Kind {
		case names.LegalForm:
			cand = append(cand, v.legalForms...)
		case names.Initial:
			// Not retrieved by (see retrievable); scored directly.
		default:
			cand = append(cand, v.byCons[t.Cons]...)
			cand = append(cand, v.byWeak[names.WeakCons(t.Phon)]...)
			for _, c := range []byte{t.Form[0], t.Phon[0]} {
				if c >= 'a' && c <= 'z' {
					cand = append(cand, v.initials[c-'a']...)
				}
			}
			cand = v.phons.near(t.Phon, editLimit(len(t.Phon), cfg), s, cand)
			cand = v.forms.near(t.Form, editLimit(len(t.Form), cfg), s, cand)
			// Other readings on either side, or both: a national reading,
			// a Baltic ending (match's readingSim).
			for i, r := range [...]string{t.Phon, t.Alt, t.Stem, t.AltStem} {
				if r == "" {
					continue
				}
				lim := editLimit(len(r), cfg)
				cand = append(cand, v.readings.lookup(r)...)
				cand = v.readings.near(r, lim, s, cand)
				if i > 0 {
					cand = append(cand, v.phons.lookup(r)...)
					cand = v.phons.near(r, lim, s, cand)
				}
			}
			for _, k := range names.SyllableKeys(t.Key) {
				cand = append(cand, v.bySyllables[k]...)
			}
			switch {
			case t.Slav != "" && t.SlavMark:
				cand = append(cand, v.bySlav[t.Slav]...)
			case t.Slav != "":
				cand = append(cand, v.bySlavMarked[t.Slav]...)
			}
			for _, p := range names.NicknamePhons(t.Phon) {
				cand = append(cand, v.phons.lookup(p)...)
			}
			switch {
			case t.Abjad:
				// Latin words read nationally (see vocab.byAltCons).
				cand = append(cand, v.byAltCons[t.Cons]...)
				cand = append(cand, v.byAltCons[names.WeakCons(t.Phon)]...)
				if t.Alt != "" {
					// Its letters apart (see names.Token.Alt).
					cand = append(cand, v.byCons[names.Cons(t.Alt)]...)
					cand = append(cand, v.byWeak[names.WeakCons(t.Alt)]...)
					cand = append(cand, v.abjadAll[names.AbjadLoose(t.Alt)]...)
					cand = append(cand, v.byAltCons[names.Cons(t.Alt)]...)
					cand = append(cand, v.byAltCons[names.WeakCons(t.Alt)]...)
				}
			case t.Alt != "":
				// Abjad words, against the national reading (only
				// they: Latin words meet it through readings).
				cand = append(cand, v.byAbjadCons[names.Cons(t.Alt)]...)
				cand = append(cand, v.byAbjadCons[names.WeakCons(t.Alt)]...)
			}
			switch {
			case t.Abjad:
				cand = append(cand, v.abjadAll[t.ALoose]...)
			case t.Trans:
				cand = v.looseOf(t, cand)
			default:
				cand = append(cand, v.looseTrans[t.Loose]...)
				cand = append(cand, v.abjadOnly[t.ALoose]...)
				// A syllabary's spelling that left out one of its
				// consonants (match.droppedOne).
				cand = append(cand, v.looseDropped[t.Loose]...)
			}
			cand = append(cand, v.letters[t.Form]...)
		}
	}
	slices.Sort(cand)
	cand = slices.Compact(cand)
	s.m.add(len(cand) * stepsPerSim)
	u.exp = expansion{}
	for _, id := range cand {
		sim, how := cfg.UnitSim(t, u.span, &v.tokens[id], v.span[id])
		if sim > 0 {
			u.exp.posts += len(ix.postings[id])
			u.exp.ids = append(u.exp.ids, id)
			u.exp.sims = append(u.exp.sims, float32(sim))
			u.exp.how = append(u.exp.how, how)
		}
	}
}

// editLimit is the number of edits match tolerates on a string of n
// letters (the shorter of two, which at most the query's length bounds).
func editLimit(n int, cfg *match.Config) int {
	switch {
	case n >= cfg.Edit2MinLen:
		return 2
	case n >= cfg.Edit1MinLen:
		return 1
	}
	return 0
}

// indexSims answers match's similarity questions from the expansions.
// Units with no expansion (initials) are computed directly, as is
// everything for a candidate that no index prepared.
type indexSims struct {
	cfg   *match.Config
	units []unit
	// single[qn][qu] and joined[qn][k] are indexes into units.
	single, joined [][]int
	direct         match.DirectSims
	// inExp[v] == gen when entry v is in some unit's expansion (see
	// scratch.inExp).
	inExp []uint32
	gen   uint32
}

func newIndexSims(cfg *match.Config, units []unit, q *match.Prepared) *indexSims {
	x := &indexSims{cfg: cfg, units: units, direct: match.DirectSims{Config: cfg, Query: q},
		single: make([][]int, len(q.Names)), joined: make([][]int, len(q.Names))}
	for qn := range q.Names {
		x.single[qn] = make([]int, len(q.Names[qn].Tokens))
		x.joined[qn] = make([]int, len(q.Names[qn].Joined))
		for k := range x.joined[qn] {
			x.joined[qn][k] = -1 // a span with no unit: computed directly
		}
	}
	for i := range units {
		u := &units[i]
		if u.joined {
			x.joined[u.qn][u.qu] = i
		} else {
			x.single[u.qn][u.qu] = i
		}
	}
	return x
}

// Sim implements match.Sims.
func (x *indexSims) Sim(qn, qu int, qjoined bool, cn *match.PreparedName, cu int, cjoined bool) (float64, match.Method) {
	var i int
	if qjoined {
		i = x.joined[qn][qu]
	} else {
		i = x.single[qn][qu]
	}
	if i < 0 {
		return x.direct.Sim(qn, qu, qjoined, cn, cu, cjoined)
	}
	if u := &x.units[i]; u.expanded && cn.IDs != nil {
		var id uint32
		if cjoined {
			id = cn.Joined[cu].ID
		} else {
			id = cn.IDs[cu]
		}
		if x.inExp != nil && x.inExp[id] != x.gen {
			return 0, match.NoMatch
		}
		return u.exp.find(id)
	}
	return x.direct.Sim(qn, qu, qjoined, cn, cu, cjoined)
}

// looseOf appends the words a word written in a syllabary or another
// non-Latin script meets on its loose consonants (match.looseSim): the
// same key, or a Latin key with one consonant more.
func (v *vocab) looseOf(t *names.Token, cand []uint32) []uint32 {
	cand = append(cand, v.looseAll[t.Loose]...)
	if len(t.Loose) >= 3 {
		names.LooseAdded(t.Loose, func(k string) { cand = append(cand, v.looseAll[k]...) })
	}
	return cand
}
