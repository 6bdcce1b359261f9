package match

import (
	"slices"
	"strings"

	"github.com/vetoscreen/veto/names"
)

// Sims gives the similarity of a query unit to a candidate unit. A unit
// is a token, or two adjacent tokens joined (the Joined tokens of a
// PreparedName). The default, DirectSims, computes TokenSim; an index
// supplies similarities it precomputed against its vocabulary, which must
// agree with TokenSim.
type Sims interface {
	// Sim compares query unit qu of query name qn with candidate unit cu
	// of candidate name cn (joined units carry joined=true).
	Sim(qn, qu int, qjoined bool, cn *PreparedName, cu int, cjoined bool) (float64, Method)
}

// DirectSims computes similarities with TokenSim on the fly.
type DirectSims struct {
	Config *Config
	Query  *Prepared
}

// Sim implements Sims.
func (d *DirectSims) Sim(qn, qu int, qjoined bool, cn *PreparedName, cu int, cjoined bool) (float64, Method) {
	q := &d.Query.Names[qn]
	a := unitToken(q, qu, qjoined)
	b := unitToken(cn, cu, cjoined)
	if qjoined || cjoined {
		return d.Config.JoinedSim(a, b)
	}
	return d.Config.TokenSim(a, b)
}

func unitToken(p *PreparedName, u int, joined bool) *names.Token {
	if joined {
		return p.JoinedToken(u)
	}
	return p.Token(u)
}

// JoinedSim compares a token with two joined tokens: only the same
// phonetic skeleton counts, since a joined pair is already a guess.
func (c *Config) JoinedSim(a, b *names.Token) (float64, Method) {
	if a.Form == "" || b.Form == "" || a.Kind != names.Word || b.Kind != names.Word {
		return 0, NoMatch
	}
	if a.Phon == b.Phon {
		return c.SimJoined, JoinedWord
	}
	// The article's vowel varies (Alkhansa, Elkhansa) where the rest
	// does not.
	if len(a.Phon) > 3 && len(b.Phon) > 3 && isVowel(a.Phon[0]) && isVowel(b.Phon[0]) && a.Phon[1:] == b.Phon[1:] {
		return c.SimJoined, JoinedWord
	}
	// The Arabic article joined to its word, against a Latin spelling
	// that runs them together: السعدي and Essaadi meet on their
	// consonants. Other joins in an abjad are too loose a guess.
	if a.Abjad != b.Abjad && a.Cons == b.Cons && len(a.Cons) >= c.ConsMinLenAbjad {
		ab, lat := a, b
		if b.Abjad {
			ab, lat = b, a
		}
		if articleJoined(ab.Form) && names.AbjadCompatible(ab.Phon, lat.Phon) {
			return c.SimJoined, JoinedWord
		}
	}
	return 0, NoMatch
}

// edge is a candidate pairing of a query unit with a name unit.
type edge struct {
	qu, cu           int16
	qjoined, cjoined bool
	sim              float64
	method           Method
	weight           float64 // the query weight it covers
	key              float64 // sim·weight, the sort key
}

// nameScore aligns query name qn with candidate name cn and returns the
// name score and, when explain is set, the explanation of the alignment.
//
// Alignment is greedy on similarity, then on the weight covered: with the
// few tokens names have it finds the best assignment in practice, and
// unlike an optimal assignment it costs no more than sorting a few dozen
// pairs. The score is
//
//	Σ sim·w(query token) / (Σ w(query token) + UnmatchedCandidate·Σ w(unmatched name token))
//
// so a query token without partner costs its whole weight and an extra
// name token (a middle name, a patronymic) a quarter of its own.
func (c *Config) nameScore(p *Prepared, qn int, cn *PreparedName, person, explain bool, sims Sims, floor float64, scratch *[]edge) (float64, *Explanation) {
	q := &p.Names[qn]
	edges := (*scratch)[:0]
	nq, nc := q.Len(), cn.Len()
	for i := 0; i < nq; i++ {
		for j := 0; j < nc; j++ {
			if s, m := sims.Sim(qn, i, false, cn, j, false); s > 0 {
				w := q.Weights[i]
				if m == Initial && !person {
					// In a company's name a letter is an acronym's, not
					// an initial of a given name.
					continue
				}
				if m == Initial {
					// An initial identifies no more than an initial,
					// whichever side wrote it: "Sergei" meeting "S."
					// earns what "S." would.
					w = min(w, c.InitialWeight)
				}
				edges = append(edges, edge{qu: int16(i), cu: int16(j), sim: s, method: m, weight: w})
			}
		}
		for k := range cn.Joined {
			if s, m := sims.Sim(qn, i, false, cn, k, true); s > 0 {
				edges = append(edges, edge{qu: int16(i), cu: int16(k), cjoined: true, sim: s, method: m, weight: q.Weights[i]})
			}
		}
	}
	for k := range q.Joined {
		at := q.Joined[k].At
		for j := 0; j < nc; j++ {
			if s, m := sims.Sim(qn, k, true, cn, j, false); s > 0 {
				edges = append(edges, edge{qu: int16(k), cu: int16(j), qjoined: true, sim: s, method: m, weight: q.Weights[at] + q.Weights[at+1]})
			}
		}
	}
	*scratch = edges
	if floor > 0 && !explain && q.MinTotal(c) > 0 {
		// The best each query token could earn, ignoring that tokens pair
		// one to one, bounds the score: below floor, the alignment would
		// be wasted (see Scorer.Floor).
		var best [64]float64
		for _, e := range edges {
			v := e.sim * e.weight
			if e.qjoined {
				// A joined unit's weight is its two tokens'; share it.
				at := q.Joined[e.qu].At
				best[min(at, 63)] = max(best[min(at, 63)], v/2)
				best[min(at+1, 63)] = max(best[min(at+1, 63)], v/2)
				continue
			}
			best[min(int(e.qu), 63)] = max(best[min(int(e.qu), 63)], v)
		}
		bound := 0.0
		for i := 0; i < min(nq, 64); i++ {
			bound += best[i]
		}
		if nq > 64 {
			bound = q.Total
		}
		if min := q.MinTotal(c); bound/min < floor {
			return bound / min, nil
		}
	}
	for i := range edges {
		edges[i].key = edges[i].sim * edges[i].weight
	}
	slices.SortFunc(edges, func(a, b edge) int {
		switch {
		case a.key > b.key:
			return -1
		case a.key < b.key:
			return 1
		case a.sim > b.sim:
			return -1
		case a.sim < b.sim:
			return 1
		}
		return 0
	})
	var qused, cused uint64 // bit sets; names longer than 64 tokens are cut
	var matched float64
	var ex *Explanation
	if explain {
		ex = &Explanation{Query: q.Raw, Name: cn.Raw, NameKind: string(cn.Kind), Tokens: []TokenMatch{}}
	}
	for _, e := range edges {
		qm := unitMask(q, int(e.qu), e.qjoined)
		cm := unitMask(cn, int(e.cu), e.cjoined)
		if qused&qm != 0 || cused&cm != 0 {
			continue
		}
		qused |= qm
		cused |= cm
		matched += e.sim * e.weight
		if explain {
			ex.Tokens = append(ex.Tokens, TokenMatch{
				Query: unitForm(q, int(e.qu), e.qjoined), Name: unitForm(cn, int(e.cu), e.cjoined),
				Method: e.method, Similarity: round(e.sim), Weight: round(e.weight),
			})
		}
	}
	var unmatchedC float64
	for j := 0; j < nc; j++ {
		if cused&(1<<min(j, 63)) == 0 {
			unmatchedC += cn.Weights[j]
			if explain {
				ex.UnmatchedName = append(ex.UnmatchedName, TokenCost{Token: cn.Token(j).Form, Weight: round(cn.Weights[j])})
			}
		}
	}
	// A patronymic without partner costs what an extra listed token
	// costs: one record of a person has it, the other often not.
	var spared float64
	for i := 0; i < nq; i++ {
		if qused&(1<<min(i, 63)) != 0 {
			continue
		}
		if q.Token(i).Kind == names.Patronymic {
			spared += (1 - c.UnmatchedCandidate) * q.Weights[i]
		}
		if explain {
			ex.UnmatchedQuery = append(ex.UnmatchedQuery, TokenCost{Token: q.Token(i).Form, Weight: round(q.Weights[i])})
		}
	}
	denom := q.Total - spared + c.UnmatchedCandidate*unmatchedC
	if denom <= 0 {
		return 0, ex
	}
	score := matched / denom
	if ex != nil {
		ex.NameScore = round(score)
	}
	return score, ex
}

// unitMask returns the token positions a unit covers, as a bit set.
func unitMask(p *PreparedName, u int, joined bool) uint64 {
	if !joined {
		return uint64(1) << min(u, 63)
	}
	at := p.Joined[u].At
	return uint64(1)<<min(at, 63) | uint64(1)<<min(at+1, 63)
}

func unitForm(p *PreparedName, u int, joined bool) string {
	if joined {
		at := p.Joined[u].At
		return p.Token(at).Form + "+" + p.Token(at+1).Form
	}
	return p.Token(u).Form
}

// round keeps explanations readable: four decimals.
func round(f float64) float64 {
	if f >= 0 {
		return float64(int64(f*10000+0.5)) / 10000
	}
	return -float64(int64(-f*10000+0.5)) / 10000
}

// articleJoined reports whether a joined form starts with the Arabic
// article, as written (al...) or as spoken before a sun letter (as-s...).
func articleJoined(form string) bool {
	return len(form) > 2 && form[0] == 'a' && (form[1] == 'l' || strings.IndexByte("tdrzsn", form[1]) >= 0)
}
