package index

import (
	"slices"
	"strings"

	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/names"
)

// expand fills u.exp with every vocabulary entry that has a non-zero
// similarity to the unit, as match.Config computes it. The channels below
// are exactly the ways TokenSim and JoinedSim can be non-zero: the same
// form, the same phonetic skeleton, the same consonant skeleton, an
// initial, a legal form, or a few edits apart (found by trigram counts).
func (ix *Index) expand(u *unit, cfg *match.Config, s *scratch) {
	t := u.tok
	key := vocabKey{form: t.Form, kind: t.Kind, abjad: t.Abjad, joined: u.joined}
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
	cand = append(cand, v.forms.lookup(t.Form)...)
	if t.Kind != names.Number {
		cand = append(cand, v.phons.lookup(t.Phon)...)
		switch t.Kind {
		case names.LegalForm:
			cand = append(cand, v.legalForms...)
		case names.Initial:
			// Not retrieved by (see retrievable); scored directly.
		default:
			cand = append(cand, v.byCons[t.Cons]...)
			cand = append(cand, v.byWeak[names.WeakCons(t.Phon)]...)
			if !u.joined {
				for _, c := range []byte{t.Form[0], t.Phon[0]} {
					if c >= 'a' && c <= 'z' {
						cand = append(cand, v.initials[c-'a']...)
					}
				}
			}
			if u.joined {
				// JoinedSim meets a listed word only on the same skeleton
				// or consonants (looked up above), or on the same skeleton
				// after a different first vowel: probe for that alone,
				// not for every word a few edits away.
				if len(t.Phon) > 3 && strings.IndexByte("aeiou", t.Phon[0]) >= 0 {
					cand = v.phons.firstDeleted(t.Phon, s, cand)
				}
			} else {
				cand = v.phons.near(t.Phon, editLimit(len(t.Phon), cfg), s, cand)
				cand = v.forms.near(t.Form, editLimit(len(t.Form), cfg), s, cand)
			}
		}
	}
	slices.Sort(cand)
	cand = slices.Compact(cand)
	u.exp = expansion{}
	for _, id := range cand {
		tok, joined := &v.tokens[id], v.joined[id]
		var sim float64
		var how match.Method
		switch {
		case u.joined && joined:
			continue
		case u.joined || joined:
			sim, how = cfg.JoinedSim(t, tok)
		default:
			sim, how = cfg.TokenSim(t, tok)
		}
		if sim > 0 {
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
}

func newIndexSims(cfg *match.Config, units []unit, q *match.Prepared) *indexSims {
	x := &indexSims{cfg: cfg, units: units, direct: match.DirectSims{Config: cfg, Query: q},
		single: make([][]int, len(q.Names)), joined: make([][]int, len(q.Names))}
	for qn := range q.Names {
		x.single[qn] = make([]int, len(q.Names[qn].Tokens))
		x.joined[qn] = make([]int, len(q.Names[qn].Joined))
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
	if u := &x.units[i]; u.expanded && cn.IDs != nil {
		if cjoined {
			return u.exp.find(cn.Joined[cu].ID)
		}
		return u.exp.find(cn.IDs[cu])
	}
	return x.direct.Sim(qn, qu, qjoined, cn, cu, cjoined)
}
