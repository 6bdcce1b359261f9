package index

import (
	"slices"

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
	cand = append(cand, v.byForm[t.Form]...)
	if t.Kind != names.Number {
		if pid, ok := v.phonID[t.Phon]; ok {
			cand = append(cand, v.phonEntries[pid]...)
		}
		switch t.Kind {
		case names.LegalForm:
			cand = append(cand, v.legalForms...)
		case names.Initial:
			// Not retrieved by (see retrievable); scored directly.
		default:
			cand = append(cand, v.byCons[t.Cons]...)
			if !u.joined {
				for _, c := range []byte{t.Form[0], t.Phon[0]} {
					if c >= 'a' && c <= 'z' {
						cand = append(cand, v.initials[c-'a']...)
					}
				}
			}
			cand = ix.nearPhons(t.Phon, cfg, s, cand)
		}
	}
	slices.Sort(cand)
	cand = slices.Compact(cand)
	u.exp = expansion{}
	for _, id := range cand {
		e := &v.entries[id]
		var sim float64
		var how match.Method
		switch {
		case u.joined && e.joined:
			continue
		case u.joined || e.joined:
			sim, how = cfg.JoinedSim(t, &e.tok)
		default:
			sim, how = cfg.TokenSim(t, &e.tok)
		}
		if sim > 0 {
			u.exp.ids = append(u.exp.ids, id)
			u.exp.sims = append(u.exp.sims, float32(sim))
			u.exp.how = append(u.exp.how, how)
		}
	}
}

// nearPhons appends the entries whose phonetic skeleton may be within the
// allowed edits of phon. A skeleton within d edits of phon shares at least
// k-4d of phon's k distinct trigrams, since one edit (a transposition at
// worst) spoils at most four. By the pigeonhole principle it then holds
// one of any 4d+1 of them: so the postings of the 4d+1 rarest trigrams
// give every near skeleton, and the common ones ("starts with m", "ends
// in i") are never walked. Each skeleton found is checked by length and
// by the exact count of shared trigrams.
func (ix *Index) nearPhons(phon string, cfg *match.Config, s *scratch, out []uint32) []uint32 {
	limit := 0
	switch {
	case len(phon) >= cfg.Edit2MinLen:
		limit = 2
	case len(phon) >= cfg.Edit1MinLen:
		limit = 1
	}
	if limit == 0 {
		return out
	}
	v := ix.voc
	s.grams = trigramsOf(phon, s.grams[:0])
	slices.Sort(s.grams)
	s.grams = slices.Compact(s.grams)
	need := len(s.grams) - 4*limit
	near := func(pid uint32) bool {
		d := len(v.phons[pid]) - len(phon)
		return d <= limit && -d <= limit
	}
	if need <= 0 {
		// Too short for the filter to prune safely: check every skeleton.
		for pid := range v.phons {
			if near(uint32(pid)) {
				out = append(out, v.phonEntries[pid]...)
			}
		}
		return out
	}
	slices.SortFunc(s.grams, func(a, b uint32) int { return len(v.trigrams[a]) - len(v.trigrams[b]) })
	probe := s.grams[:4*limit+1]
	for _, g := range probe {
		for _, pid := range v.trigrams[g] {
			if s.counts[pid] == 0 {
				s.counts[pid] = 1
				s.ctouch = append(s.ctouch, pid)
			}
		}
	}
	for _, pid := range s.ctouch {
		s.counts[pid] = 0
		if near(pid) && sharedTrigrams(v.phons[pid], s.grams, s) >= need {
			out = append(out, v.phonEntries[pid]...)
		}
	}
	s.ctouch = s.ctouch[:0]
	return out
}

// sharedTrigrams counts how many of grams (distinct) occur in p.
func sharedTrigrams(p string, grams []uint32, s *scratch) int {
	s.pgrams = trigramsOf(p, s.pgrams[:0])
	n := 0
	for _, g := range grams {
		if indexOf(s.pgrams, g) >= 0 {
			n++
		}
	}
	return n
}

// indexSims answers match's similarity questions from the expansions.
// Units with no expansion (initials) are computed directly, as is
// everything for a candidate that no index prepared.
type indexSims struct {
	cfg    *match.Config
	units  []unit
	q      *match.Prepared
	lookup map[unitKey]int
	direct match.DirectSims
}

type unitKey struct {
	qn, qu int
	joined bool
}

func newIndexSims(cfg *match.Config, units []unit, q *match.Prepared) *indexSims {
	x := &indexSims{cfg: cfg, units: units, q: q, lookup: make(map[unitKey]int, len(units)), direct: match.DirectSims{Config: cfg, Query: q}}
	for i := range units {
		x.lookup[unitKey{units[i].qn, units[i].qu, units[i].joined}] = i
	}
	return x
}

// Sim implements match.Sims.
func (x *indexSims) Sim(qn, qu int, qjoined bool, cn *match.PreparedName, cu int, cjoined bool) (float64, match.Method) {
	if i, ok := x.lookup[unitKey{qn, qu, qjoined}]; ok && x.units[i].expanded && cn.IDs != nil {
		id := cn.IDs[cu]
		if cjoined {
			id = cn.JoinedIDs[cu]
		}
		return x.units[i].exp.find(id)
	}
	return x.direct.Sim(qn, qu, qjoined, cn, cu, cjoined)
}
