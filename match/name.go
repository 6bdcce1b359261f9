package match

import (
	"slices"
	"strings"
	"sync"

	"github.com/vetoscreen/veto/countries"
	"github.com/vetoscreen/veto/names"
)

// Sims gives the similarity of a query unit to a candidate unit. A unit
// is a token, or a span of adjacent tokens written as one word (the
// Joined spans of a PreparedName). The default, DirectSims, computes
// UnitSim; an index supplies similarities it precomputed against its
// vocabulary, which must agree with UnitSim.
type Sims interface {
	// Sim compares query unit qu of query name qn with candidate unit cu
	// of candidate name cn (spans carry joined=true).
	Sim(qn, qu int, qjoined bool, cn *PreparedName, cu int, cjoined bool) (float64, Method)
}

// DirectSims computes similarities with UnitSim on the fly.
type DirectSims struct {
	Config *Config
	Query  *Prepared
}

// Sim implements Sims.
func (d *DirectSims) Sim(qn, qu int, qjoined bool, cn *PreparedName, cu int, cjoined bool) (float64, Method) {
	q := &d.Query.Names[qn]
	return d.Config.UnitSim(unitToken(q, qu, qjoined), unitKind(q, qu, qjoined), unitToken(cn, cu, cjoined), unitKind(cn, cu, cjoined))
}

func unitToken(p *PreparedName, u int, joined bool) *names.Token {
	if joined {
		return p.JoinedToken(u)
	}
	return p.Token(u)
}

func unitKind(p *PreparedName, u int, joined bool) SpanKind {
	if joined {
		return p.Joined[u].Kind
	}
	return Single
}

// UnitSim compares two units, each a token (Single) or a span written as
// one word: a token with a token by TokenSim; a token with glued words by
// JoinedSim; a word with letters run together or an organisation's
// initials by AcronymSim; two runs of letters by their letters; a word as
// written that the analysis split, with a token or another such word, by
// CompoundSim. Spans of other kinds never meet.
func (c *Config) UnitSim(a *names.Token, ak SpanKind, b *names.Token, bk SpanKind) (float64, Method) {
	switch {
	case ak == Single && bk == Single:
		return c.TokenSim(a, b)
	case ak == Glued && bk == Single, ak == Single && bk == Glued:
		return c.JoinedSim(a, b)
	case ak == Compound && (bk == Single || bk == Compound), ak == Single && bk == Compound:
		return c.CompoundSim(a, b)
	case ak == Glued && bk == Compound && a.Abjad, ak == Compound && bk == Glued && b.Abjad:
		// Words apart in an abjad, one word in Latin letters (عبد الحي,
		// ABDULHAI); not the other way round: AL-ASSAD's words meet
		// الأسد's each.
		return c.abjadJoinSim(a, b)
	case ak == Single && (bk == Letters || bk == Initialism):
		return c.AcronymSim(b, a)
	case bk == Single && (ak == Letters || ak == Initialism):
		return c.AcronymSim(a, b)
	case ak == Letters && bk == Letters && a.Form == b.Form:
		return c.SimExact, Exact
	}
	return 0, NoMatch
}

// AcronymSim compares letters run together, or the initials of an
// organisation's words, with a word: they meet when the word is those
// letters ("ABC" and "A.B.C.", "PLA" and "People's Liberation Army").
func (c *Config) AcronymSim(acro, t *names.Token) (float64, Method) {
	if t.Kind == names.Word && len(acro.Form) >= 2 && t.Form == acro.Form {
		return c.SimAcronym, Acronym
	}
	return 0, NoMatch
}

// CompoundSim compares a token with a word as written that the analysis
// split (see Compound): as glued words, and also one edit apart from
// Edit1MinLen letters, the first letters alike, as a word may be
// (Abdullha, ABDULLAH read "abd allah").
func (c *Config) CompoundSim(a, b *names.Token) (float64, Method) {
	if s, m := c.JoinedSim(a, b); s > 0 {
		return s, m
	}
	if s, m := c.abjadJoinSim(a, b); s > 0 {
		return s, m
	}
	if !wordLike(a) || !wordLike(b) || a.Phon == "" || b.Phon == "" {
		return 0, NoMatch
	}
	if min(len(a.Phon), len(b.Phon)) >= c.Edit1MinLen && a.Phon[0] == b.Phon[0] && EditDistance(a.Phon, b.Phon, 1) == 1 {
		return c.SimJoined * c.SimEdit1, JoinedWord
	}
	return 0, NoMatch
}

// abjadJoinSim compares words run together in an abjad with words run
// together in Latin letters, one side a word as written (see Compound):
// عبدالحي or عبد الحي and ABDULHAI, which the analysis splits into Abd, al
// and a word too short to meet on its own consonants (حي, Hai). They meet
// on the consonants of the whole, three or more, at a join's discount.
func (c *Config) abjadJoinSim(a, b *names.Token) (float64, Method) {
	if a.Abjad == b.Abjad || !wordLike(a) || !wordLike(b) || a.Cons != b.Cons || len(a.Cons) < 3 {
		return 0, NoMatch
	}
	ab, lat := a, b
	if b.Abjad {
		ab, lat = b, a
	}
	if !names.AbjadCompatible(ab.Phon, lat.Phon) {
		return 0, NoMatch
	}
	return c.SimJoined * c.SimConsAbjad, JoinedWord
}

// JoinedSim compares a token with glued words: only the same phonetic
// skeleton, or the same East Asian syllables, count, since a join is
// already a guess.
func (c *Config) JoinedSim(a, b *names.Token) (float64, Method) {
	if a.Form == "" || b.Form == "" || !wordLike(a) || !wordLike(b) {
		return 0, NoMatch
	}
	if a.Phon == b.Phon || names.SameSyllables(a.Key, b.Key) {
		return c.SimJoined, JoinedWord
	}
	// A long join may carry a typo as a word does ("Abduulhai", Abd
	// al-Hai): one edit, the first letters alike, costs SimEdit1.
	if min(len(a.Phon), len(b.Phon)) >= c.Edit2MinLen && a.Phon[0] == b.Phon[0] && EditDistance(a.Phon, b.Phon, 1) == 1 {
		return c.SimJoined * c.SimEdit1, JoinedWord
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

// inRun reports whether token i of a name is an initial beside another.
func inRun(p *PreparedName, i int) bool {
	if p.Places[i].Kind != names.Initial {
		return false
	}
	return i > 0 && p.Places[i-1].Kind == names.Initial || i+1 < p.Len() && p.Places[i+1].Kind == names.Initial
}

// titled reports whether a query name has a title and every one of its
// words met a listed word.
func titled(q *PreparedName, qLeft []int) bool {
	for _, i := range qLeft {
		if k := q.Places[i].Kind; k == names.Word || k == names.Patronymic {
			return false
		}
	}
	for i := range q.Places {
		if q.Places[i].Kind == names.Title {
			return true
		}
	}
	return false
}

// wordsMeetAlone reports whether every word of span j meets a word on
// its own at least as well as sim (best holds each word's best).
func wordsMeetAlone(j *Joined, best *[64]float64, sim float64) bool {
	for t := j.At; t < j.At+j.Len; t++ {
		if best[min(t, 63)] < sim {
			return false
		}
	}
	return true
}

// wordLike reports whether a token is a word or a patronymic.
func wordLike(t *names.Token) bool { return t.Kind == names.Word || t.Kind == names.Patronymic }

// scratch is the working memory of nameScore, kept by a Scorer.
type scratch struct {
	// pairs counts the word pairs whose similarity nameScore looked up
	// (Scorer.Pairs).
	pairs int64
	// otherPatronymic says that the query name's patronymic contradicts
	// the entity's (Candidate.patronymics), for the names of the entity
	// written without one.
	otherPatronymic bool
	// otherLegalForm is the query name's legal form when it is of another
	// kind than the entity's (Candidate.legalForms), for the names of the
	// entity written without one.
	otherLegalForm string
	// swappedChain is the index of the query name's father when the
	// entity's names give the chain the other way round (see
	// Config.swappedChain), or -1.
	swappedChain   int
	edges, kept    []edge
	qLeft, cLeft   []int
	qShare, cShare []float64
}

// edge is a candidate pairing of a query unit with a name unit.
type edge struct {
	qu, cu           int16
	qjoined, cjoined bool
	sim              float64
	method           Method
	weight           float64 // the query weight it covers
	key              float64 // sim·weight, the sort key
	// bonus is the weight a query word meeting a listed initial earns
	// beyond InitialWeight once the query's surname has met a word of
	// the listed name (see nameScore).
	bonus float64
	tok   int16 // its place in the explanation's tokens, when kept
}

// legalGroups sorts legal-form classes (see names) into kinds of company
// that the same name under two of them cannot both be: limited-liability
// companies, joint-stock and public companies, partnerships. "co" is any.
var legalGroups = map[string]uint8{
	"llc": 1, "ltd": 1, "gmbh": 1, "fz": 1,
	"jsc": 2, "ag": 2, "sa": 2, "plc": 2, "corp": 2,
	"kg": 3, "lp": 3, "llp": 3,
}

// legalForm is a legal form of a listed entity's names: its class (names'
// legalForms) and its places.
type legalForm struct {
	class string
	place names.LegalPlace
}

// legalFormsCompatible reports whether two legal-form classes may name
// the same company: the same kind of company, or a "company" of any kind.
func legalFormsCompatible(a, b string) bool {
	ga, gb := legalGroups[a], legalGroups[b]
	return ga == 0 || gb == 0 || ga == gb
}

// nameScore aligns query name qn with candidate name cn and returns the
// name score and, when explain is set, the explanation of the alignment.
//
// Alignment is greedy on similarity, then on the weight covered: with the
// few tokens names have it finds the best assignment in practice, and
// unlike an optimal assignment it costs no more than sorting a few dozen
// pairs. The score is
//
//	Σ sim·w(matched query token) / (Σ w(matched query token)
//	    + Σ share·w(unmatched query token) + Σ share·w(unmatched name token))
//
// where a query token without partner costs its whole weight (a
// patronymic or a person's middle name less), and a name token without
// partner costs the share its role sets (see Config.ShareFamily): a
// missing middle name little, a missing surname much. Parts that
// contradict each other — two different patronymics, two different
// fathers after bin, a number against another or none, a qualifier, two
// kinds of legal form — count in full on both sides.
//
// In a person's name, an Arabic nasab chain keeps its order: a word before
// bin does not meet a word after it ("Salman bin Muhammad" is not
// "Muhammad bin Salman"). In an organisation's name a single letter meets
// only as part of a run of letters, and a person's name has no acronyms.
func (c *Config) nameScore(p *Prepared, qn int, cn *PreparedName, person, explain bool, sims Sims, floor float64, scratch *scratch) (float64, *Explanation) {
	q := &p.Names[qn]
	edges := scratch.edges[:0]
	nq, nc := q.Len(), cn.Len()
	scratch.pairs += int64((nq + len(q.Joined)) * (nc + len(cn.Joined)))
	for i := 0; i < nq; i++ {
		qk := q.Places[i].Kind
		for j := 0; j < nc; j++ {
			ck := cn.Places[j].Kind
			if !person && (qk == names.Initial || ck == names.Initial) && (qk != ck || q.Token(i).Form != cn.Token(j).Form || inRun(q, i) || inRun(cn, j)) {
				// In a company's name a letter is a letter of its name
				// ("LLC A INVEST"), not an initial of a given name; in a
				// run of letters, it meets only as part of the run.
				continue
			}
			qp, cp := &q.Places[i], &cn.Places[j]
			if person && (qp.Link > 0 && cp.Link > 0 && qp.Link != cp.Link || qp.Kunya != cp.Kunya) {
				// "Salman bin Muhammad" is not "Muhammad bin Salman";
				// Abu Hamza is not Hamza.
				continue
			}
			if s, m := sims.Sim(qn, i, false, cn, j, false); s > 0 {
				w := q.Weights[i]
				if m == Initial && person && !initialFits(qp, cp) {
					continue
				}
				if person && (m == Edit1 || m == Edit2) && (qp.Role == names.Family || cp.Role == names.Family) && (nisbaOf(q.Token(i).Form, cn.Token(j).Form) || nisbaOf(q.Token(i).Phon, cn.Token(j).Phon)) {
					// Hashemi is of Hashem's family, not Hashem.
					continue
				}
				// An initial identifies no more than an initial,
				// whichever side wrote it: "Sergei" meeting "S." earns
				// what "S." would. But an initial the list wrote
				// ("LAVROV, S.") is all the list knows of that name:
				// once the query's surname has met the listed name's
				// (nameScore), the query's "Sergei" earns the initial's
				// similarity on its own weight (bonus), below the name
				// written out ("S." may stand for Stanislav). Never the
				// query's surname itself: "T. Kaneo" is not "K.M.
				// Tolsma".
				bonus := 0.0
				if m == Initial {
					if ck == names.Initial && qk != names.Initial && qp.Role != names.Family && w > c.InitialWeight {
						bonus = w - c.InitialWeight
					}
					w = min(w, c.InitialWeight)
				}
				edges = append(edges, edge{qu: int16(i), cu: int16(j), sim: s, method: m, weight: w, bonus: bonus})
			}
		}
		for k := range cn.Joined {
			if person && cn.Joined[k].Kind == Initialism {
				continue
			}
			if s, m := sims.Sim(qn, i, false, cn, k, true); s > 0 {
				edges = append(edges, edge{qu: int16(i), cu: int16(k), cjoined: true, sim: s, method: m, weight: q.Weights[i]})
			}
		}
	}
	for k := range q.Joined {
		qk := q.Joined[k].Kind
		if qk == Initialism && (person || !c.QueryInitialisms) {
			continue
		}
		w := q.SpanWeight(k)
		for j := 0; j < nc; j++ {
			if !person && cn.Places[j].Kind == names.Initial {
				continue
			}
			if s, m := sims.Sim(qn, k, true, cn, j, false); s > 0 {
				edges = append(edges, edge{qu: int16(k), cu: int16(j), qjoined: true, sim: s, method: m, weight: w})
			}
		}
		if qk != Letters && qk != Compound && (qk != Glued || !q.JoinedToken(k).Abjad) {
			// (Words glued meet a word as written only apart in an
			// abjad: see UnitSim.)
			continue
		}
		// Runs of letters meet runs of letters, and words as written
		// words as written (ABDULLHA and ABDULLAH, each split) or words
		// run together (عبد الحي, ABDULHAI).
		for l := range cn.Joined {
			if ck := cn.Joined[l].Kind; ck != qk && (qk == Letters || ck == Letters || ck == Initialism) || ck == Glued && qk == Glued {
				continue
			}
			if s, m := sims.Sim(qn, k, true, cn, l, true); s > 0 {
				edges = append(edges, edge{qu: int16(k), cu: int16(l), qjoined: true, cjoined: true, sim: s, method: m, weight: w})
			}
		}
	}
	scratch.edges = edges
	minTotal := q.MinTotal(c)
	if floor > 0 && !explain && minTotal > 0 {
		// The best each query token could earn, ignoring that tokens pair
		// one to one, bounds the score: below floor, the alignment would
		// be wasted (see Scorer.Floor).
		var best [64]float64
		for _, e := range edges {
			if e.qjoined {
				// A span's weight is its tokens'; share it out by weight.
				j := &q.Joined[e.qu]
				for t := j.At; t < j.At+j.Len; t++ {
					best[min(t, 63)] = max(best[min(t, 63)], e.sim*q.Weights[t])
				}
				continue
			}
			best[min(int(e.qu), 63)] = max(best[min(int(e.qu), 63)], e.sim*(e.weight+e.bonus))
		}
		rest, spared := 0.0, 0.0
		for i := 0; i < min(nq, 64); i++ {
			if q.Sparing(c, i) > 0 {
				spared += best[i]
			} else {
				rest += best[i]
			}
		}
		if nq > 64 {
			rest, spared = q.Total, 0
		}
		if bound := q.Bound(rest, spared, minTotal); bound < floor {
			return bound, nil
		}
	}
	// A span written as one word (glued words, an acronym) is a guess
	// that the words themselves may make better: where each of its words
	// meets a word as well on its own, the words pair first, and the span
	// only with what is left ("Islamic Republic of Iran Shipping Lines"
	// against "... SHIPPING LINES (IRISL)" pairs its six words, not its
	// initials with IRISL).
	var bestQ, bestC [64]float64
	joinedEdges := false
	for _, e := range edges {
		if e.qjoined || e.cjoined {
			joinedEdges = true
			continue
		}
		bestQ[min(int(e.qu), 63)] = max(bestQ[min(int(e.qu), 63)], e.sim)
		bestC[min(int(e.cu), 63)] = max(bestC[min(int(e.cu), 63)], e.sim)
	}
	for i := range edges {
		e := &edges[i]
		e.key = e.sim * e.weight
		if !joinedEdges || !e.qjoined && !e.cjoined {
			continue
		}
		if e.qjoined && wordsMeetAlone(&q.Joined[e.qu], &bestQ, e.sim) || e.cjoined && wordsMeetAlone(&cn.Joined[e.cu], &bestC, e.sim) {
			e.key = 0
		}
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
		// A word written twice ("Muhammad Hisham Muhammad") pairs with
		// the word of its role, then in order.
		if ra, rb := sameRole(q, cn, a), sameRole(q, cn, b); ra != rb {
			if ra {
				return -1
			}
			return 1
		}
		return abs(int(a.qu)-int(a.cu)) - abs(int(b.qu)-int(b.cu))
	})
	var qused, cused uint64 // bit sets; names longer than 64 tokens are cut
	var matched, matchedWeight float64
	var ex *Explanation
	if explain {
		ex = &Explanation{Query: q.Raw, Name: cn.Raw, NameKind: string(cn.Kind), Tokens: []TokenMatch{}}
	}
	kept := scratch.kept[:0]
	for _, e := range edges {
		qm := unitMask(q, int(e.qu), e.qjoined)
		cm := unitMask(cn, int(e.cu), e.cjoined)
		if qused&qm != 0 || cused&cm != 0 {
			continue
		}
		qused |= qm
		cused |= cm
		matched += e.sim * e.weight
		if !e.qjoined && !e.cjoined {
			if explain {
				e.tok = int16(len(ex.Tokens))
			}
			kept = append(kept, e)
		}
		if explain {
			ex.Tokens = append(ex.Tokens, TokenMatch{
				Query: unitForm(q, int(e.qu), e.qjoined), Name: unitForm(cn, int(e.cu), e.cjoined),
				Method: e.method, Similarity: round(e.sim), Weight: round(e.weight),
			})
		}
	}
	// What the alignment left: the tokens of each side without partner.
	qLeft, cLeft := scratch.qLeft[:0], scratch.cLeft[:0]
	for i := 0; i < min(nq, 64); i++ {
		if qused&(1<<i) == 0 {
			qLeft = append(qLeft, i)
		} else {
			matchedWeight += q.Weights[i]
		}
	}
	for j := 0; j < min(nc, 64); j++ {
		if cused&(1<<j) == 0 {
			cLeft = append(cLeft, j)
		}
	}
	qShare, cShare := scratch.qShare[:0], scratch.cShare[:0]
	for range qLeft {
		qShare = append(qShare, 0)
	}
	for range cLeft {
		cShare = append(cShare, 0)
	}
	scratch.qLeft, scratch.cLeft, scratch.qShare, scratch.cShare = qLeft, cLeft, qShare, cShare
	familyMet, fatherMet, givenMet, hasGiven, familyElsewhere := false, false, false, false, false
	for j := 0; j < min(nc, 64); j++ {
		familyMet = familyMet || cused&(1<<j) != 0 && cn.Places[j].Role == names.Family
		fatherMet = fatherMet || cused&(1<<j) != 0 && cn.Places[j].Link >= 2
		givenMet = givenMet || cused&(1<<j) != 0 && cn.Places[j].Role == names.Given
		hasGiven = hasGiven || cn.Places[j].Role == names.Given
	}
	middles := q.middles()
	for k, i := range qLeft {
		qShare[k] = c.queryShare(q, i, person, middles)
		if q.Places[i].Regnal && !givenMet && (hasGiven || cused == 0) {
			// "Sultan bin Zayed" is not "Mohamed bin Zayed": a title
			// that is also a name is a title only before the given name
			// it titles (or the one name of "Charles III").
			qShare[k] = 1
		}
	}
	for _, e := range kept {
		// The query's surname met a listed given name: the listed
		// surname left out is another family's ("Ali Talib" and
		// "AL-RAWI, Talib 'Ali"; "John Walker" and "BUSH, George
		// Walker").
		familyElsewhere = familyElsewhere || q.Places[e.qu].Role == names.Family && cn.Places[e.cu].Role != names.Family && cn.Places[e.cu].Role != names.NoRole
	}
	shifted := person && shiftedChain(q, cn, kept)
	otherTrade := !person && genericLeft(q, qLeft)
	distinctive := 0   // 1 yes, -1 no, 0 not yet asked: asked only of a name that says a country
	otherSurnames := 0 // listed surnames left out beside one met (see below)
	for k, j := range cLeft {
		cShare[k] = c.NameShare(cn.Token(j), cn.Places[j], person)
		if !person {
			if cShare[k] == c.UnmatchedCandidate && cn.Places[j].Kind == names.Word && countryWord(cn.Token(j).Form) && distinctive >= 0 {
				if distinctive == 0 {
					distinctive = -1
					if distinctiveMet(q, kept, c.SimPhon) {
						distinctive = 1
					}
				}
				if distinctive < 0 {
					continue
				}
				// "Sberbank", "SBERBANK OF RUSSIA": where the query
				// met the name's own word, the country it says is where
				// the business is, and is often left out. (Where only
				// generic words met, "Bank" and "BANK OF CHINA", the
				// country is what names it.)
				cShare[k] = c.ShareGeneric
				if k > 0 && cLeft[k-1] == j-1 && cn.Places[j-1].Kind == names.Particle {
					// Its preposition goes with it: "of Ukraine".
					cShare[k-1] = min(cShare[k-1], c.ShareGeneric)
				}
			}
			if otherTrade && cShare[k] == c.ShareGeneric {
				// "Sea Star Shipping" and "SEA STAR TRADING": a
				// generic word on each side says another business.
				cShare[k] = c.UnmatchedCandidate
			}
			continue
		}
		if shifted && cn.Places[j].Role == names.Given {
			// "Saddam Hussein al-Tikriti" against "Qusay Saddam Hussein
			// al-Tikriti": the query's name is the listed one's father's.
			cShare[k] = c.ContradictionShare
			if ex != nil {
				ex.Contradictions = append(ex.Contradictions, Contradiction{What: "father", Name: cn.Token(j).Form})
			}
			continue
		}
		if familyElsewhere && !familyMet && cn.Places[j].Role == names.Family && !nisba(cn, j) && !(cn.SurnameGuessed && givenMet) {
			// (Where the listed name does not say which word is its
			// surname and the given names met, the word the query's
			// surname met may be the first of two surnames: "Nicolas
			// Maduro" and "Nicolas Maduro Moros". The last word left
			// out then costs a surname's share, not a contradiction.)
			cShare[k] = c.ContradictionShare
			if ex != nil {
				ex.Contradictions = append(ex.Contradictions, Contradiction{What: "surname", Name: cn.Token(j).Form})
			}
			continue
		}
		if (familyMet || fatherMet || len(kept) >= 2 && nisba(cn, j)) && cn.Places[j].Role == names.Family {
			// A second surname: Spanish and Portuguese names have two,
			// and one is often left out ("Nicolás Maduro", "MADURO
			// MOROS, Nicolás"); and a name and its father's name
			// identify an Arab without the family's ("Mohammed bin
			// Salman", "... Al Saud"), and so do two names without the
			// nisba of a place or tribe ("Saddam Hussein", "AL-TIKRITI,
			// Saddam Hussein").
			cShare[k] = c.ShareGiven
			otherSurnames++
		}
	}
	if otherSurnames > 1 && otherSurnames <= MaxSharedSurnames {
		// Several surnames left out are one fact, as middle names are:
		// the query names the person by one of the family names the
		// list gives in full ("Zé Dirceu", "DIRCEU DE OLIVEIRA E
		// SILVA, José"). They share one surname's cost. (More than
		// MaxSharedSurnames are no person's surnames but a long name
		// read as one: "... and any successor, sub-unit, or subsidiary
		// thereof".)
		for k, j := range cLeft {
			if cShare[k] == c.ShareGiven && cn.Places[j].Role == names.Family {
				cShare[k] = c.ShareGiven / float64(otherSurnames)
			}
		}
	}
	if person && personLeft(cn, cLeft) {
		// The listed name has a given name, middle name or patronymic
		// the query did not meet: the query's middle names may be its
		// other spelling or another person's, and each costs its full
		// share, not one shared out (see queryShare).
		for k, i := range qLeft {
			if q.Places[i].Role == names.Middle && qShare[k] < c.QueryMiddleShare {
				qShare[k] = c.QueryMiddleShare
			}
		}
	}
	if person && titled(q, qLeft) {
		// "President Putin", "Colonel Gaddafi": a title before a surname
		// is how a person is named without given names, and leaving them
		// out says less than it does in a name without one.
		for k := range cShare {
			if cShare[k] == c.ShareGiven {
				cShare[k] = c.ShareTitled
			}
		}
	}
	conflict := c.contradictions(q, qLeft, qShare, cn, cLeft, cShare, person, scratch.otherLegalForm, ex)
	if person && scratch.otherPatronymic {
		// The listed person's other names give another patronymic: the
		// query's counts in full here too, and so does one of the
		// listed person's, which this name leaves out.
		for k, i := range qLeft {
			if q.Places[i].Kind == names.Patronymic && qShare[k] < c.ContradictionShare {
				qShare[k] = c.ContradictionShare
				conflict += q.Weights[i]
				if ex != nil {
					ex.Contradictions = append(ex.Contradictions, Contradiction{What: "patronymic", Query: q.Token(i).Form, Name: "(another name of the listed person)", Cost: round(q.Weights[i])})
				}
			}
		}
	}
	if i := scratch.swappedChain; person && i >= 0 && cn.Son < 0 {
		// The listed person's other names give the query's father as
		// his son, and this one, without a link, cannot say otherwise:
		// the father counts against in full, matched or not.
		conflict += q.Weights[i] * c.ContradictionShare
		if ex != nil {
			ex.Contradictions = append(ex.Contradictions, Contradiction{What: "father", Query: q.Token(i).Form, Name: "(another name of the listed person: the son)", Cost: round(q.Weights[i] * c.ContradictionShare)})
		}
	}
	if person {
		matched += initialBonus(q, cn, kept, ex)
	}
	scratch.kept = kept
	if person {
		matched -= crossed(q, cn, kept, ex)
	}
	denom := matchedWeight + conflict
	for k, i := range qLeft {
		denom += qShare[k] * q.Weights[i]
		if explain {
			ex.UnmatchedQuery = append(ex.UnmatchedQuery, TokenCost{Token: q.Token(i).Form, Role: roleOf(q.Token(i), q.Places[i], person), Weight: round(q.Weights[i]), Cost: round(qShare[k] * q.Weights[i])})
		}
	}
	for k, j := range cLeft {
		denom += cShare[k] * cn.Weights[j]
		if explain {
			ex.UnmatchedName = append(ex.UnmatchedName, TokenCost{Token: cn.Token(j).Form, Role: roleOf(cn.Token(j), cn.Places[j], person), Weight: round(cn.Weights[j]), Cost: round(cShare[k] * cn.Weights[j])})
		}
	}
	if denom <= 0 {
		return 0, ex
	}
	score := matched / denom
	if ex != nil {
		ex.NameScore = round(score)
	}
	if !person && c.OrgGuessFactor < 1 && guessesOnly(q, cn, kept) {
		score *= c.OrgGuessFactor
		if ex != nil {
			ex.orgGuessed = true
		}
	}
	if c.NicknameFactor < 1 && nicknameAlone(q, cn, kept, c.SimPhon) {
		score *= c.NicknameFactor
		if ex != nil {
			ex.nickAlone = true
		}
	}
	return score, ex
}

// guessesOnly reports whether two or more words of the query met and
// every one of them only a letter or two off or on its consonants
// (Config.OrgGuessFactor).
func guessesOnly(q, cn *PreparedName, kept []edge) bool {
	words := 0
	for _, e := range kept {
		if e.qjoined || e.cjoined || q.Places[e.qu].Kind != names.Word {
			continue
		}
		switch qt := q.Token(int(e.qu)); e.method {
		case Edit1, Edit2:
			words++
		case Consonants:
			// Words of another script meet on consonants as a rule.
			if qt.Abjad || qt.Trans || cn.Token(int(e.cu)).Abjad {
				return false
			}
			words++
		default:
			return false
		}
	}
	return words >= 2
}

// nicknameAlone reports whether a query word met a listed one only as its
// nickname and no other word of the query met as written or as it
// sounds: a short form is weak evidence, never enough beside a surname
// that is only near ("Dima Kiriyenko", "DMITRII KARPENKO"; "Vitya
// Alexandrov", "Viktar ALEKSANDROVICH").
//
// The nickname table also holds a name's forms in other languages
// (Alyaksandr, Alexander; Juri, Yuri), which spell the same consonants
// and are no short form: only a form whose consonants are two edits or
// more from the name's is one (Dima, Dmitrii; Alex, Alexander).
func nicknameAlone(q, cn *PreparedName, kept []edge, strong float64) bool {
	nick := false
	for _, e := range kept {
		if e.qjoined || e.cjoined || q.Places[e.qu].Kind != names.Word {
			continue
		}
		if e.method == Nickname {
			if EditDistance(q.Token(int(e.qu)).Cons, cn.Token(int(e.cu)).Cons, 2) < 2 {
				return false
			}
			nick = true
		} else if e.sim >= strong {
			return false
		}
	}
	return nick
}

// MaxSharedSurnames is the most listed surnames left out beside one met
// that share one surname's cost (see nameScore): a Portuguese name has
// up to four surnames.
const MaxSharedSurnames = 3

// personLeft reports whether one of the listed name's words left
// unmatched is a given name, a middle name or a patronymic.
func personLeft(cn *PreparedName, cLeft []int) bool {
	for _, j := range cLeft {
		if r := cn.Places[j].Role; r == names.Given || r == names.Middle || cn.Token(j).Kind == names.Patronymic {
			return true
		}
	}
	return false
}

// distinctiveMet reports whether a query word that is neither generic nor
// a trade word met a listed one as itself or as it sounds (sim or more),
// not on a guess (Rhine and LINE as Chinese syllables).
func distinctiveMet(q *PreparedName, kept []edge, sim float64) bool {
	for _, e := range kept {
		if e.qjoined || e.sim < sim {
			continue
		}
		if t := q.Token(int(e.qu)); q.Places[e.qu].Kind == names.Word && !names.Generic(t.Form) && !names.TradeWord(t.Form) && !countryWord(t.Form) {
			return true
		}
	}
	return false
}

// countryWord reports whether a folded word is a country's name or
// adjective (countries.Words).
func countryWord(form string) bool { return countryWords()[form] }

var countryWords = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, w := range countries.Words() {
		if toks := names.Analyze(w).Tokens; len(toks) == 1 && toks[0].Kind == names.Word && len(toks[0].Form) >= 4 {
			m[toks[0].Form] = true
		}
	}
	return m
})

// shiftedChain reports whether the query's first given name met the
// first middle name of a listed chain of names (ism, father, grandfather:
// two middle names or more), so that the query names the father.
func shiftedChain(q, cn *PreparedName, kept []edge) bool {
	first, middles := -1, 0
	for j := range cn.Places {
		if cn.Places[j].Role == names.Middle && cn.Places[j].Kind == names.Word {
			if first < 0 {
				first = j
			}
			middles++
		}
	}
	if middles < 2 {
		return false
	}
	for j := range cn.Places {
		if cn.Places[j].Role == names.Given && devotional(cn.Token(j)) {
			// "MOHD NAJIB BIN ABDUL RAZAK" is Najib, son of Abdul
			// Razak: Muhammad before a name is the name's prefix.
			return false
		}
	}
	for _, e := range kept {
		if q.Places[e.qu].Role == names.Given && int(e.cu) == first {
			return true
		}
	}
	return false
}

// muhammadPhon is the phonetic skeleton of Muhammad.
var muhammadPhon = names.Phon("muhammad")

// devotional reports whether a token is Muhammad or a short form of it
// (Mohd, Md), which Malay, Indonesian and South Asian names put before
// the name a person is called by (Mohd Najib, Muhammad Nawaz): a query
// may leave it out as it leaves out a middle name.
func devotional(t *names.Token) bool {
	return t.Phon == muhammadPhon || names.SameNickname(t.Phon, muhammadPhon)
}

// nisbaOf reports whether one word is the other with the -i (-y) of an
// Arabic or Persian nisba added, "of": Hashem and Hashemi, Muhammad and
// Muhammadi, Massoud and Massoudy are names of their own as surnames. The
// shorter ends in a consonant and has four letters or more (not Ali, Aly).
func nisbaOf(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) < 4 || len(b) != len(a)+1 || isVowel(a[len(a)-1]) || a[len(a)-1] == 'y' || !strings.HasPrefix(b, a) {
		return false
	}
	return b[len(b)-1] == 'i' || b[len(b)-1] == 'y'
}

// genericLeft reports whether a generic word (names.Generic) of the query
// name is among its tokens left, qLeft.
func genericLeft(q *PreparedName, qLeft []int) bool {
	for _, i := range qLeft {
		if t := q.Token(i); t.Kind == names.Word && names.Generic(t.Form) {
			return true
		}
	}
	return false
}

// nisba reports whether token j of a name is an Arabic nisba: the
// article and a word ending in i (al-Tikriti, al-Baghdadi, al-Masri).
func nisba(p *PreparedName, j int) bool {
	t := p.Token(j)
	return j > 0 && t.Kind == names.Word && len(t.Form) > 3 && t.Form[len(t.Form)-1] == 'i' && p.Token(j-1).Kind == names.Particle && p.Token(j-1).Form == "al"
}

// orderTells reports whether a name's given names are in an order that
// says who is who: an Arabic name (the article, bin, abu, ould, abd, one
// of the commonest Arabic given names, or written in an abjad), a Turkic
// one with its patronymic marker (oglu, kyzy), or an East Asian one
// (syllables).
func orderTells(p *PreparedName) bool {
	for i := range p.Places {
		if p.Places[i].Role == names.Syllable {
			return true
		}
		t := p.Token(i)
		if t.Abjad || lineageWords[t.Form] || t.Kind == names.Word && arabicGiven[t.Cons] {
			return true
		}
	}
	return false
}

// lineageWords say that a name is a chain of fathers: the Arabic article,
// bin, abu, ould, abd, and the Turkic "son of" and "daughter of".
var lineageWords = map[string]bool{"al": true, "bin": true, "abu": true, "ould": true, "abd": true,
	"oglu": true, "ogly": true, "oglou": true, "kyzy": true, "qizi": true, "gizi": true, "uulu": true, "uly": true}

// arabicGiven are the consonant skeletons of the commonest Arabic given
// names (Muhammad and Mahmud, Ahmad and Hamid, Hasan and Husayn,
// Ibrahim, Khalid, Mustafa, Qasim, Yusuf): a name that holds one is read
// as an Arabic chain.
var arabicGiven = map[string]bool{"mhmd": true, "hmd": true, "hsn": true, "brhm": true, "hld": true, "mstf": true, "ksm": true, "sf": true}

// initialFits reports whether an initial may stand for the word it meets
// in a person's name: never for a title or particle, and in the place of
// a name of its kind, where both names say: the first initial of "V.V."
// is the given name, the second the patronymic or middle name (O.V.
// Zelenska is not Volodymyr Oleksandrovych).
func initialFits(qp, cp *Place) bool {
	if qp.Kind == names.Title || qp.Kind == names.Particle || cp.Kind == names.Title || cp.Kind == names.Particle {
		return false
	}
	given := func(r names.Role) bool { return r == names.Given || r == names.Middle }
	return !given(qp.Role) || !given(cp.Role) || qp.Role == cp.Role
}

// initialBonus is what the query's words meeting listed initials earn
// beyond InitialWeight (edge.bonus) where the query's surname met a word
// of the listed name: "Paul Ehrenreich" against "EHRENREICH, P.".
func initialBonus(q, cn *PreparedName, kept []edge, ex *Explanation) float64 {
	surname := false
	for _, e := range kept {
		if q.Places[e.qu].Role == names.Family && e.method != Initial && cn.Places[e.cu].Kind != names.Initial {
			surname = true
			break
		}
	}
	if !surname {
		return 0
	}
	bonus := 0.0
	for _, e := range kept {
		if e.bonus > 0 {
			bonus += e.sim * e.bonus
			if ex != nil {
				ex.Tokens[e.tok].Weight = round(e.weight + e.bonus)
			}
		}
	}
	return bonus
}

// crossed finds two given names that the alignment paired in opposite
// orders ("Ali Hassan al-Majid" and "Hassan Ali AL-MAJID": Ali son of
// Hassan, Hassan son of Ali; Kim Sung Il and Kim Il Sung), explains the
// contradiction, and returns what those pairs earned, which the score
// loses. Only where the order of given names says who is who, in Arabic
// names (a chain of fathers) and East Asian ones (the syllables of one
// given name): elsewhere they are free, as surnames are everywhere
// ("Lavrov Sergei"; "VIVAS Ramón Darío").
func crossed(q, cn *PreparedName, kept []edge, ex *Explanation) float64 {
	if !orderTells(q) && !orderTells(cn) || westernVietnamese(q, cn, kept) {
		return 0
	}
	given := func(r names.Role) bool { return r == names.Given || r == names.Middle || r == names.Syllable }
	type pair struct {
		qi, ci int
		v      float64
	}
	var ps [8]pair
	n := 0
	for _, e := range kept {
		if given(q.Places[e.qu].Role) && given(cn.Places[e.cu].Role) && n < len(ps) {
			ps[n] = pair{int(e.qu), int(e.cu), e.sim * e.weight}
			n++
		}
	}
	// A name's given names are in order of role (the first given name,
	// then the middle names: "Viktorovna" is a middle name wherever it is
	// written), then of place.
	before := func(p *PreparedName, x, y int) bool {
		rx, ry := p.Places[x].Role == names.Middle, p.Places[y].Role == names.Middle
		if rx != ry {
			return ry
		}
		return x < y
	}
	lost := 0.0
	for a := 0; a < n; a++ {
		for b := a + 1; b < n; b++ {
			if before(q, ps[a].qi, ps[b].qi) != before(cn, ps[a].ci, ps[b].ci) &&
				q.Token(ps[a].qi).Form != q.Token(ps[b].qi).Form && cn.Token(ps[a].ci).Form != cn.Token(ps[b].ci).Form {
				// (A word written twice, Muhammad Hisham Muhammad, may
				// pair either way.)
				lost += ps[a].v + ps[b].v
				ps[a].v, ps[b].v = 0, 0
				if ex != nil {
					ex.Contradictions = append(ex.Contradictions, Contradiction{What: "order", Query: q.Token(ps[a].qi).Form + " " + q.Token(ps[b].qi).Form, Name: cn.Token(min(ps[a].ci, ps[b].ci)).Form + " " + cn.Token(max(ps[a].ci, ps[b].ci)).Form})
				}
			}
		}
	}
	return lost
}

// westernVietnamese reports whether the query is the listed Vietnamese
// name read backwards word for word: a Vietnamese name is surname, middle
// name, given name (VO Van Thuong), and records in Western order write it
// given name, middle name, surname (Thuong Van Vo), which in Chinese and
// Korean names would be another given name (Kim Il Sung is not Sung Il
// Kim).
func westernVietnamese(q, cn *PreparedName, kept []edge) bool {
	n := cn.Len()
	if n < 3 || n > 4 || q.Len() != n || len(kept) != n || cn.Places[0].Role != names.Family || !names.VietnameseSurname(cn.Token(0).Form) {
		return false
	}
	for _, e := range kept {
		if e.qjoined || e.cjoined || int(e.qu) != n-1-int(e.cu) {
			return false
		}
	}
	return true
}

// NameShare is the share of its weight that a listed token without
// partner costs: in a person's name by its role (a first given name that
// is Muhammad's, before the name the person goes by, as a middle name);
// in an organisation's
// name a number or a qualifier in parentheses all of it (Fund I, (Schweiz)),
// a word that says its trade ShareGeneric, any other word
// UnmatchedCandidate.
// (Contradictions and a second surname change it in a score.)
func (c *Config) NameShare(t *names.Token, pl Place, person bool) float64 {
	if !person {
		switch {
		case t.Kind == names.Number || pl.Paren && t.Kind == names.Word:
			return c.ContradictionShare
		case t.Kind == names.Word && names.TradeWord(t.Form):
			return c.ShareGeneric
		}
		return c.UnmatchedCandidate
	}
	switch pl.Role {
	case names.Family:
		return c.ShareFamily
	case names.Given:
		if devotional(t) {
			return c.ShareMiddle
		}
		return c.ShareGiven
	case names.Middle:
		return c.ShareMiddle
	case names.Syllable:
		return c.ShareSyllable
	}
	return c.UnmatchedCandidate
}

// MinOrgShare is the least share of its weight a listed token of an
// organisation's name costs left unmatched in any score: NameShare's, or
// a generic word's for a country the query may leave out and the
// particle before it (see nameScore).
func (c *Config) MinOrgShare(t *names.Token, pl Place) float64 {
	s := c.NameShare(t, pl, false)
	if s == c.UnmatchedCandidate && (pl.Kind == names.Word && countryWord(t.Form) || pl.Kind == names.Particle) {
		// A particle may be the preposition of such a country ("of
		// Ukraine").
		return min(s, c.ShareGeneric)
	}
	return s
}

// roleOf names a token's role for an explanation.
func roleOf(t *names.Token, pl Place, person bool) string {
	switch {
	case t.Kind == names.Patronymic:
		return "patronymic"
	case t.Kind == names.Number:
		return "number"
	case t.Kind == names.LegalForm:
		return "legalForm"
	case t.Kind == names.Title:
		return "title"
	case !person && pl.Paren:
		return "qualifier"
	case person:
		return pl.Role.String()
	}
	return ""
}

// contradictions finds the parts the two names leave unmatched that say
// another party rather than a missing part, raises their shares to
// ContradictionShare, explains them, and returns the weight to add to the
// denominator for conflicts that have no token weight of their own (two
// kinds of legal form).
func (c *Config) contradictions(q *PreparedName, qLeft []int, qShare []float64, cn *PreparedName, cLeft []int, cShare []float64, person bool, otherForm string, ex *Explanation) float64 {
	// both raises the shares of the left tokens on each side that pick
	// selects, when both sides have one.
	both := func(what string, pick func(t *names.Token, pl Place) bool) bool {
		qi, ci := -1, -1
		for k, i := range qLeft {
			if pick(q.Token(i), q.Places[i]) {
				qi = k
				break
			}
		}
		for k, j := range cLeft {
			if pick(cn.Token(j), cn.Places[j]) {
				ci = k
				break
			}
		}
		if qi < 0 || ci < 0 {
			return false
		}
		for k, i := range qLeft {
			if pick(q.Token(i), q.Places[i]) {
				qShare[k] = max(qShare[k], c.ContradictionShare)
			}
		}
		for k, j := range cLeft {
			if pick(cn.Token(j), cn.Places[j]) {
				cShare[k] = max(cShare[k], c.ContradictionShare)
			}
		}
		if ex != nil {
			ex.Contradictions = append(ex.Contradictions, Contradiction{What: what, Query: q.Token(qLeft[qi]).Form, Name: cn.Token(cLeft[ci]).Form})
		}
		return true
	}
	added := 0.0
	if person {
		both("patronymic", func(t *names.Token, _ Place) bool { return t.Kind == names.Patronymic })
		// A given name against another given name (Hussein Badruddin
		// al-Houthi and Abdulmalik Badruddin al-Houthi: brothers), and an
		// initial against a name of its place that it does not begin
		// (S.I. Lavrov and Sergei Viktorovich Lavrov).
		both("given", func(t *names.Token, pl Place) bool { return pl.Role == names.Given && t.Kind == names.Word })
		for _, r := range [2]names.Role{names.Given, names.Middle} {
			var qi, ci *names.Token
			for _, i := range qLeft {
				if q.Places[i].Role == r && q.Token(i).Kind == names.Initial {
					qi = q.Token(i)
				}
			}
			for _, j := range cLeft {
				if cn.Places[j].Role == r && cn.Token(j).Kind != names.Title && cn.Token(j).Kind != names.Particle {
					ci = cn.Token(j)
				}
			}
			if qi != nil && ci != nil && qi.Form[0] != ci.Form[0] {
				both("initial", func(t *names.Token, pl Place) bool {
					return pl.Role == r && t.Kind != names.Title && t.Kind != names.Particle
				})
			}
		}
		var links [8]bool
		for _, i := range qLeft {
			if l := q.Places[i].Link; l >= 2 && l < 8 {
				links[l] = true
			}
		}
		for l := uint8(2); l < 8; l++ {
			if links[l] {
				both("father", func(_ *names.Token, pl Place) bool { return pl.Link == l })
			}
		}
		return added
	}
	// A number or a qualifier on one side only already costs in full
	// (NameShare); on both sides, with no partner, it is another party,
	// whatever the length of the name ("DETENTION CENTER NO 1 ... " is
	// not "NO 2").
	if both("number", func(t *names.Token, _ Place) bool { return t.Kind == names.Number }) {
		added += c.NumberConflict * q.Total
		if ex != nil {
			ex.Contradictions[len(ex.Contradictions)-1].Cost = round(c.NumberConflict * q.Total)
		}
	}
	// The kinds of company the two names say: the specific legal forms,
	// matched or not ("co", Company, says none).
	qf, cf := specificLegalForm(q), specificLegalForm(cn)
	switch {
	case qf != "" && cf == "" && otherForm != "":
		// This name has no legal form, the entity's others another kind.
		added += c.LegalFormConflict * q.Total
		if ex != nil {
			ex.Contradictions = append(ex.Contradictions, Contradiction{What: "legalForm", Query: qf, Name: "(another name of the listed entity)", Cost: round(c.LegalFormConflict * q.Total)})
		}
	case qf != "" && cf != "" && !legalFormsMeet(q, cn):
		added += c.LegalFormConflict * q.Total
		if ex != nil {
			ex.Contradictions = append(ex.Contradictions, Contradiction{What: "legalForm", Query: qf, Name: cf, Cost: round(c.LegalFormConflict * q.Total)})
		}
	}
	return added
}

// specificLegalForm returns the last legal form of a name that says a
// kind of company (not "co"), or "".
func specificLegalForm(p *PreparedName) string {
	f := ""
	for i := range p.Places {
		if p.Places[i].Kind == names.LegalForm {
			if t := p.Token(i); legalGroups[t.Form] != 0 {
				f = t.Form
			}
		}
	}
	return f
}

// legalFormsMeet reports whether some specific legal form of q may name
// the same company as some specific legal form of cn: of one kind, and
// of places they share or a translation (names.LegalFormsMeet: GmbH and
// Ltd are both limited companies, but of different countries). A name
// that holds two ("KORA MEDIA CORPORATION LTD") says both.
func legalFormsMeet(q, cn *PreparedName) bool {
	for i := range q.Places {
		if q.Places[i].Kind != names.LegalForm || legalGroups[q.Token(i).Form] == 0 {
			continue
		}
		for j := range cn.Places {
			if cn.Places[j].Kind == names.LegalForm && legalGroups[cn.Token(j).Form] != 0 && legalFormsCompatible(q.Token(i).Form, cn.Token(j).Form) &&
				names.LegalFormsMeet(q.Token(i).Legal, cn.Token(j).Legal) {
				return true
			}
		}
	}
	return false
}

// unitMask returns the token positions a unit covers, as a bit set.
func unitMask(p *PreparedName, u int, joined bool) uint64 {
	if !joined {
		return uint64(1) << min(u, 63)
	}
	j := &p.Joined[u]
	var m uint64
	for t := j.At; t < j.At+j.Len; t++ {
		m |= uint64(1) << min(t, 63)
	}
	return m
}

func unitForm(p *PreparedName, u int, joined bool) string {
	if joined {
		j := &p.Joined[u]
		forms := make([]string, 0, j.Len)
		for t := j.At; t < j.At+j.Len; t++ {
			forms = append(forms, p.Token(t).Form)
		}
		return strings.Join(forms, "+")
	}
	return p.Token(u).Form
}

// sameRole reports whether an edge pairs two single tokens of one role.
func sameRole(q, cn *PreparedName, e edge) bool {
	return !e.qjoined && !e.cjoined && q.Places[e.qu].Role == cn.Places[e.cu].Role
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
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
