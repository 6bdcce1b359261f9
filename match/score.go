package match

import (
	"fmt"
	"slices"
	"strings"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/names"
)

// Result is a query scored against one entity.
type Result struct {
	EntityID string  `json:"entity_id"`
	Score    float64 `json:"score"`
	// Match reports Score >= Config.Threshold.
	Match bool `json:"match"`
	// Explanation is set when asked for.
	Explanation *Explanation `json:"explanation,omitempty"`
}

// Scorer holds the scratch space of one goroutine's scoring. It is not
// safe for concurrent use; make one per goroutine.
type Scorer struct {
	Config *Config
	// Floor, when positive, lets the scorer stop early on a name whose
	// score cannot reach it, reporting a lower score than the exact one:
	// an index that only wants results at or above a threshold sets it to
	// the threshold less Config.MaxBoost. Results that reach Floor are
	// exact. Identifier matches ignore it.
	Floor   float64
	scratch scratch
}

// Pairs returns the number of word pairs (words and spans of words) whose
// similarity the scorer has looked up: the measure of its work. Scoring a
// query name against a listed name looks up at most
// (q + spans(q)) × (c + spans(c)) pairs, where a name has at most
// names.MaxTokens words and at most 4·MaxTokens+5 spans (glued pairs and
// triples, runs of letters, five initialisms), so 165² pairs at worst; a
// query has at most 21 names (a name and 20 aliases), each with at most one
// other reading.
func (s *Scorer) Pairs() int64 { return s.scratch.pairs }

// NewScorer returns a Scorer using cfg.
func NewScorer(cfg *Config) *Scorer { return &Scorer{Config: cfg} }

// Score scores a prepared query against a candidate. sims supplies token
// similarities; nil means DirectSims. With explain, the result carries the
// explanation of the best-scoring pair of names.
func (s *Scorer) Score(p *Prepared, cand *Candidate, sims Sims, explain bool) Result {
	return s.ScoreNames(p, cand, AllNames, sims, explain)
}

// AllNames selects every name of a candidate for ScoreNames.
const AllNames = ^uint64(0)

// ScoreNames is Score over some of the candidate's names: bit i of names
// selects name i (names past the 64th are always scored). An index that
// knows which names can reach the threshold skips the others; a skipped
// name never changes a result at or above the threshold, since the
// result's score is its best name's.
func (s *Scorer) ScoreNames(p *Prepared, cand *Candidate, names uint64, sims Sims, explain bool) Result {
	c := s.Config
	res := Result{EntityID: cand.Entity.ID}
	if !entity.Compatible(p.Query.Schema, cand.Entity.Schema) {
		return res
	}
	if sims == nil {
		sims = &DirectSims{Config: c, Query: p}
	}
	floor := s.Floor
	if p.id != "" && contains(cand.ids, p.id) {
		floor = 0
	}
	person := cand.Entity.Schema == entity.Person
	unknown := cand.Entity.Schema == entity.LegalEntity && !orgSchema(p.Query.Schema)
	best, bestQ, bestC := -1.0, 0, 0
	var bestEx *Explanation
	for qi := range p.Names {
		s.scratch.otherPatronymic = c.otherPatronymic(&p.Names[qi], cand)
		s.scratch.otherLegalForm = otherLegalForm(&p.Names[qi], cand)
		s.scratch.swappedChain = c.swappedChain(&p.Names[qi], cand)
		for ci := range cand.Names {
			if ci < 64 && names&(1<<ci) == 0 {
				continue
			}
			cn := &cand.Names[ci]
			// A legal entity of unknown kind is read as a person unless
			// either name has a legal form.
			isPerson := person || unknown && !p.Names[qi].Org && !cn.Org
			sc, ex := c.nameScore(p, qi, cn, isPerson, explain, sims, floor, &s.scratch)
			if cn.Kind == entity.WeakAlias {
				sc *= c.WeakAliasFactor
			}
			if sc > best {
				best, bestQ, bestC, bestEx = sc, qi, ci, ex
			}
		}
	}
	if best < 0 {
		best = 0
	}
	if best < floor {
		// Below the floor the caller wants no exact score.
		res.Score = round(best)
		return res
	}
	var features *[]Feature
	if explain {
		features = new([]Feature)
	}
	add := func(name string, delta float64, format string, args ...any) {
		*features = append(*features, Feature{Name: name, Delta: round(delta), Detail: fmt.Sprintf(format, args...)})
	}
	score := best
	if len(p.Names) > 0 && len(cand.Names) > 0 {
		if bestEx != nil && bestEx.orgGuessed {
			add("guesses", best-best/c.OrgGuessFactor, "every query word met a word of the organisation's name only a letter or two off (score x %.2f)", c.OrgGuessFactor)
		}
		if bestEx != nil && bestEx.nickAlone {
			add("nickname", best-best/c.NicknameFactor, "a nickname met and no other word as written or as it sounds (score x %.2f)", c.NicknameFactor)
		}
		if cand.Names[bestC].Kind == entity.WeakAlias && explain {
			add("weakAlias", best-best/c.WeakAliasFactor, "the listed name is a weak alias (score x %.2f)", c.WeakAliasFactor)
		}
		if total := p.Names[bestQ].Total; total < c.MinQueryWeight && c.MinQueryWeight > 0 {
			before := score
			score *= total / c.MinQueryWeight
			if explain {
				add("lowInformation", score-before, "the query name weighs %.1f, less than %.1f", total, c.MinQueryWeight)
			}
		}
	}
	score += c.dobFeature(p, cand.Entity, features)
	score += c.countryFeature(p, cand, features)
	score += c.genderFeature(p, cand, features)
	score = min(max(score, 0), 1)
	if p.id != "" && contains(cand.ids, p.id) {
		if explain {
			add("identifier", max(c.IDMatch-score, 0), "identifier %s is listed", p.Query.IDNumber)
		}
		score = max(score, c.IDMatch)
	}
	res.Score = round(score)
	res.Match = res.Score >= c.Threshold
	if explain && bestEx != nil {
		bestEx.Features = *features
		res.Explanation = bestEx
	}
	return res
}

// otherPatronymic reports whether a query name's patronymic is none of
// the entity's patronymics, where the entity has any.
func (c *Config) otherPatronymic(q *PreparedName, cand *Candidate) bool {
	if len(cand.patronymics) == 0 {
		return false
	}
	for i := range q.Places {
		if q.Places[i].Kind != names.Patronymic {
			continue
		}
		t := q.Token(i)
		met := false
		for k := range cand.patronymics {
			if sim, _ := c.TokenSim(t, &cand.patronymics[k]); sim > 0 {
				met = true
				break
			}
		}
		if !met {
			return true
		}
	}
	return false
}

// swappedChain returns the index in q of the query name's father (the
// word after its nasab link) when the entity's names give him as the son
// of the query's son ("Mansour bin Amran" against "Amran bin Mansour"),
// and no name gives them in the query's order; -1 otherwise.
func (c *Config) swappedChain(q *PreparedName, cand *Candidate) int {
	if len(cand.chains) == 0 {
		return -1
	}
	son, father := int(q.Son), int(q.Father)
	if son < 0 {
		return -1
	}
	meet := func(a, b *names.Token) bool { sim, _ := c.TokenSim(a, b); return sim > 0 }
	swapped := false
	for k := range cand.chains {
		ls, lf := &cand.chains[k][0], &cand.chains[k][1]
		if meet(q.Token(son), ls) && meet(q.Token(father), lf) {
			return -1
		}
		if meet(q.Token(son), lf) && meet(q.Token(father), ls) {
			swapped = true
		}
	}
	if !swapped {
		return -1
	}
	return father
}

// otherLegalForm returns a query name's legal form when it is of another
// kind, or of other places, than every legal form of the entity's names, where the entity has
// any; "" otherwise.
func otherLegalForm(q *PreparedName, cand *Candidate) string {
	if len(cand.legalForms) == 0 {
		return ""
	}
	for i := range q.Places {
		if q.Places[i].Kind != names.LegalForm {
			continue
		}
		t := q.Token(i)
		if legalGroups[t.Form] != 0 && !slices.ContainsFunc(cand.legalForms, func(l legalForm) bool {
			return legalFormsCompatible(t.Form, l.class) && names.LegalFormsMeet(t.Legal, l.place)
		}) {
			return t.Form
		}
	}
	return ""
}

// explainf appends a feature to features, if explanations are wanted.
func explainf(features *[]Feature, name string, delta float64, format string, args ...any) {
	if features != nil {
		*features = append(*features, Feature{Name: name, Delta: round(delta), Detail: fmt.Sprintf(format, args...)})
	}
}

func (c *Config) dobFeature(p *Prepared, e *entity.Entity, features *[]Feature) float64 {
	if !p.hasDOB || len(e.BirthDates) == 0 {
		return 0
	}
	q := p.dob
	best, bestDetail := -2.0, ""
	for _, d := range e.BirthDates {
		var delta float64
		switch {
		case !q.IsRange() && !d.IsRange() && q.From.Day != 0 && d.From.Day != 0 && q.From == d.From:
			delta = c.DOBMatch
		case q.Overlaps(d):
			delta = c.DOBOverlap
		case sameYearFull(q, d) && q.From.Month == d.From.Day && q.From.Day == d.From.Month:
			delta = c.DOBDayMismatch / 2 // day and month swapped
		case sameYear(q, d):
			delta = c.DOBDayMismatch
		default:
			delta = c.DOBMismatch
		}
		if delta > best {
			best, bestDetail = delta, d.String()
		}
	}
	if features != nil {
		explainf(features, "birthDate", best, "query %s, listed %s", q, bestDetail)
	}
	return best
}

func sameYearFull(a, b entity.DateRange) bool {
	return !a.IsRange() && !b.IsRange() && a.From.Day != 0 && b.From.Day != 0 && a.From.Year == b.From.Year
}

// sameYear reports whether the dates share a year but not a day.
func sameYear(a, b entity.DateRange) bool {
	a0, a1 := a.Bounds()
	b0, b1 := b.Bounds()
	return a0/10000 <= b1/10000 && b0/10000 <= a1/10000
}

func (c *Config) countryFeature(p *Prepared, cand *Candidate, features *[]Feature) float64 {
	if p.country == "" || len(cand.countries) == 0 {
		return 0
	}
	if contains(cand.countries, p.country) {
		if features != nil {
			explainf(features, "country", c.CountryMatch, "query %s is among listed %s", p.country, strings.Join(cand.countries, ", "))
		}
		return c.CountryMatch
	}
	if features != nil {
		explainf(features, "country", c.CountryMismatch, "query %s is not among listed %s", p.country, strings.Join(cand.countries, ", "))
	}
	return c.CountryMismatch
}

// genderFeature compares the query's gender (its field, or what its title
// says) with the entity's (its field, or what its given names say).
func (c *Config) genderFeature(p *Prepared, cand *Candidate, features *[]Feature) float64 {
	if p.gender == "" || cand.sex == "" || p.gender == cand.sex {
		return 0
	}
	if features != nil {
		explainf(features, "gender", c.GenderMismatch, "query %s, listed %s", p.gender, cand.sex)
	}
	return c.GenderMismatch
}

// Compare scores two names against each other with no index, as `veto
// compare` does: name1 is the query, name2 the listed name.
//
// The initials of name1 may meet an acronym in name2 (see
// Config.QueryInitialisms).
func (c *Config) Compare(schema entity.Schema, name1, name2 string) (Result, error) {
	cc := *c
	cc.QueryInitialisms = true
	c = &cc
	w := StaticWeigher{Config: c}
	p, err := c.Prepare(Query{Subject: entity.Subject{Schema: schema, Name: name1}}, w)
	if err != nil {
		return Result{}, err
	}
	e := &entity.Entity{ID: "compare-1", Schema: schema, Names: []entity.Name{{Full: name2, Kind: entity.Primary}}}
	if schema == "" {
		e.Schema = entity.LegalEntity
	}
	s := NewScorer(c)
	return s.Score(p, c.NewCandidate(e, w), nil, true), nil
}
