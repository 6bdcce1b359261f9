package match

import (
	"strings"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/names"
)

// Weigher gives a token its weight: how much identity it carries.
type Weigher interface {
	// Weight returns the token's weight, before the class caps of
	// Config.ClassWeight are applied.
	Weight(t *names.Token) float64
}

// StaticWeigher weighs tokens without corpus statistics: WordWeight, or
// GenericWeight for common organisation words and given names. It is what
// compare uses, where there is no index.
type StaticWeigher struct{ Config *Config }

// Weight implements Weigher.
func (w StaticWeigher) Weight(t *names.Token) float64 {
	if names.Generic(t.Form) || len(t.Form) <= 2 {
		return w.Config.GenericWeight
	}
	return w.Config.WordWeight
}

// ClassWeight caps a token's corpus weight by its kind: particles,
// titles, legal forms and initials carry little identity, numbers a lot.
func (c *Config) ClassWeight(t *names.Token, w float64) float64 {
	switch t.Kind {
	case names.Particle:
		return min(w, c.ParticleWeight)
	case names.Title:
		return min(w, c.TitleWeight)
	case names.LegalForm:
		return c.LegalFormWeight
	case names.Initial:
		return c.InitialWeight
	case names.Number:
		return c.NumberWeight
	}
	return w
}

// PreparedName is a name analysed and weighed, ready to score.
type PreparedName struct {
	// Raw is the name as written; Kind its kind on the entity.
	Raw  string
	Kind entity.NameKind
	// Tokens and their Weights.
	Tokens  []names.Token
	Weights []float64
	// Joined are pairs of adjacent tokens written as one word, for names
	// split or joined differently ("Jin Ping", "Jinping"), in order of
	// position; a pair may be written in two ways (al-Saadi: Alsaadi,
	// Essaadi). Pairs that are never joined (numbers, legal forms,
	// initials) are absent.
	Joined []Joined
	// IDs are the vocabulary ids an index assigns to Tokens, so that it
	// can look up precomputed similarities; nil without an index.
	IDs []uint32
	// Vocab, when set by an index, holds the tokens by id: the index then
	// drops Tokens and the Joined tokens, which the vocabulary has once
	// for all names, and Token and JoinedToken read them from here.
	Vocab []names.Token
	// Total is the sum of Weights; Patronymics the part of it that is
	// patronymics, which cost less when unmatched (see MinTotal).
	Total, Patronymics float64
}

// PrepareName analyses and weighs one name.
func (c *Config) PrepareName(raw string, kind entity.NameKind, w Weigher) PreparedName {
	return c.PrepareAnalysed(names.Analyze(raw), kind, w)
}

// PrepareAnalysed weighs a name analysed already.
func (c *Config) PrepareAnalysed(n names.Name, kind entity.NameKind, w Weigher) PreparedName {
	raw := n.Raw
	p := PreparedName{Raw: raw, Kind: kind, Tokens: n.Tokens, Weights: make([]float64, len(n.Tokens))}
	for i := range n.Tokens {
		p.Weights[i] = c.ClassWeight(&n.Tokens[i], w.Weight(&n.Tokens[i]))
	}
	p.Settle()
	for j := 0; j+1 < len(n.Tokens); j++ {
		for _, t := range JoinTokens(&n.Tokens[j], &n.Tokens[j+1]) {
			p.Joined = append(p.Joined, Joined{At: j, Token: t})
		}
	}
	return p
}

// Settle recomputes Total and Patronymics after Weights change.
func (p *PreparedName) Settle() {
	p.Total, p.Patronymics = 0, 0
	for i, w := range p.Weights {
		p.Total += w
		if p.Token(i).Kind == names.Patronymic {
			p.Patronymics += w
		}
	}
}

// MinTotal is the least a name's weight can count for in a score's
// denominator: its total, with every patronymic unmatched and so counted
// at the UnmatchedCandidate share. Bounds on scores divide by it.
func (p *PreparedName) MinTotal(c *Config) float64 {
	return p.Total - (1-c.UnmatchedCandidate)*p.Patronymics
}

// Len returns the number of tokens.
func (p *PreparedName) Len() int { return len(p.Weights) }

// Token returns token i.
func (p *PreparedName) Token(i int) *names.Token {
	if p.Tokens == nil {
		return &p.Vocab[p.IDs[i]]
	}
	return &p.Tokens[i]
}

// JoinedToken returns the token of joined pair k.
func (p *PreparedName) JoinedToken(k int) *names.Token {
	if p.Tokens == nil {
		return &p.Vocab[p.Joined[k].ID]
	}
	return &p.Joined[k].Token
}

// Joined is two adjacent tokens of a name written as one word.
type Joined struct {
	// At is the position of the first of the two tokens.
	At int
	// Token is the joined word.
	Token names.Token
	// ID is its vocabulary id in an index.
	ID uint32
}

// JoinTokens returns the ways a and b are written as one word: none for
// numbers, legal forms and initials, which are never joined to a name; one for most pairs; two for the Arabic article before a "sun
// letter", which is written joined as it is spelt (Alsaadi) or as it is
// spoken, as a doubled consonant (Essaadi, Arrahman).
func JoinTokens(a, b *names.Token) []names.Token {
	joinable := func(t *names.Token) bool {
		return t.Kind == names.Word || t.Kind == names.Particle || t.Kind == names.Title
	}
	if !joinable(a) || !joinable(b) {
		return nil
	}
	out := []names.Token{joined(a.Form+b.Form, a, b)}
	if a.Kind == names.Particle && a.Form == "al" && strings.IndexByte("tdrzsnl", b.Form[0]) >= 0 {
		out = append(out, joined("a"+b.Form, a, b))
	}
	return out
}

func joined(form string, a, b *names.Token) names.Token {
	phon := names.Phon(form)
	return names.Token{Form: form, Phon: phon, Cons: names.Cons(phon), Kind: names.Word, Abjad: a.Abjad || b.Abjad, Start: a.Start, End: b.End}
}

// Candidate is a listed entity prepared for scoring.
type Candidate struct {
	Entity *entity.Entity
	Names  []PreparedName
	// ids are the entity's identifiers, folded by normID.
	ids []string
	// countries are every country code the entity is linked to.
	countries []string
}

// NewCandidate prepares an entity: every name analysed and weighed,
// identifiers folded, countries gathered.
func (c *Config) NewCandidate(e *entity.Entity, w Weigher) *Candidate {
	return c.NewCandidateAnalysed(e, AnalyseNames(e), w)
}

// AnalyseNames analyses an entity's names, one per name in order; a name
// repeated with the same kind is analysed once and comes back empty the
// second time.
func AnalyseNames(e *entity.Entity) []names.Name {
	out := make([]names.Name, len(e.Names))
	seen := make(map[string]bool, len(e.Names))
	for i, n := range e.Names {
		key := string(n.Kind) + "\x00" + strings.ToLower(n.Full)
		if seen[key] {
			continue
		}
		seen[key] = true
		out[i] = names.Analyze(n.Full)
	}
	return out
}

// NewCandidateAnalysed is NewCandidate with the names analysed already
// by AnalyseNames.
func (c *Config) NewCandidateAnalysed(e *entity.Entity, analysed []names.Name, w Weigher) *Candidate {
	cand := &Candidate{Entity: e, Names: make([]PreparedName, 0, len(e.Names))}
	for i, n := range e.Names {
		if len(analysed[i].Tokens) == 0 {
			continue
		}
		cand.Names = append(cand.Names, c.PrepareAnalysed(analysed[i], n.Kind, w))
	}
	for _, id := range e.Identifiers {
		if v := normID(id.Value); len(v) >= 4 && !contains(cand.ids, v) {
			cand.ids = append(cand.ids, v)
		}
	}
	add := func(cs ...string) {
		for _, x := range cs {
			if x != "" && !contains(cand.countries, x) {
				cand.countries = append(cand.countries, x)
			}
		}
	}
	add(e.Nationalities...)
	add(e.Citizenships...)
	add(e.Countries...)
	for _, a := range e.Addresses {
		add(a.Country)
	}
	return cand
}

// IDs returns the candidate's folded identifiers, for an identifier index.
func (c *Candidate) IDs() []string { return c.ids }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Prepared is a query analysed and checked, ready to score against many
// candidates.
type Prepared struct {
	Query  Query
	Names  []PreparedName
	dob    entity.DateRange
	hasDOB bool
	// country is the query's country code, "" if none.
	country string
	// id is the query's folded identifier, "" if none.
	id     string
	gender string
}

// Prepare validates and analyses a query.
func (c *Config) Prepare(q Query, w Weigher) (*Prepared, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	p := &Prepared{Query: q, gender: gender(q.Gender), id: normID(q.IDNumber)}
	for _, n := range append([]string{q.Name}, q.Aliases...) {
		if pn := c.PrepareName(n, entity.Primary, w); pn.Len() > 0 {
			p.Names = append(p.Names, pn)
		}
	}
	if q.BirthDate != "" {
		p.dob, _ = entity.ParseDateRange(q.BirthDate)
		p.hasDOB = !p.dob.IsZero()
	}
	if q.Country != "" {
		p.country, _ = countryCode(q.Country)
	}
	return p, nil
}

// ID returns the query's folded identifier, "" if none.
func (p *Prepared) ID() string { return p.id }
