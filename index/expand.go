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
			if !u.joined {
				cand = append(cand, v.byCons[t.Cons]...)
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
// allowed edits of phon. It counts shared trigrams: a skeleton within d
// edits of phon shares at least (distinct trigrams of phon) - 4d of them,
// since one edit (a transposition at worst) spoils at most four.
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
		p := v.phons[pid]
		d := len(p) - len(phon)
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
	for _, g := range s.grams {
		for _, pid := range v.trigrams[g] {
			if s.counts[pid] == 0 {
				s.ctouch = append(s.ctouch, pid)
			}
			if s.counts[pid] < 255 {
				s.counts[pid]++
			}
		}
	}
	for _, pid := range s.ctouch {
		if int(s.counts[pid]) >= need && near(pid) {
			out = append(out, v.phonEntries[pid]...)
		}
		s.counts[pid] = 0
	}
	s.ctouch = s.ctouch[:0]
	return out
}

// indexSims answers match's similarity questions from the expansions.
// Units that did not retrieve have no expansion and are computed
// directly, as are candidates reached through the identifier index.
type indexSims struct {
	cfg   *match.Config
	units []unit
	q     *match.Prepared
}

// Sim implements match.Sims.
func (x *indexSims) Sim(qn, qu int, qjoined bool, cn *match.PreparedName, cu int, cjoined bool) (float64, match.Method) {
	for i := range x.units {
		u := &x.units[i]
		if u.qn != qn || u.qu != qu || u.joined != qjoined {
			continue
		}
		if !u.retrieve || cn.IDs == nil {
			break
		}
		id := cn.IDs[cu]
		if cjoined {
			id = cn.JoinedIDs[cu]
		}
		return u.exp.find(id)
	}
	return match.DirectSims{Config: x.cfg, Query: x.q}.Sim(qn, qu, qjoined, cn, cu, cjoined)
}
