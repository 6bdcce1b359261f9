package match

import (
	"math"
	"slices"
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
	if names.Generic(t.Form) || len(t.Form) <= 2 && (t.Key == "" || names.EastAsianSurname(t.Form)) {
		// A two-letter word is most often a particle or a common
		// surname (Li, Wu); a Korean or Chinese syllable of a given name
		// (Un, Il) is a name.
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
	// Joined are the spans of adjacent tokens that may be written as one
	// word (see Spans), in order of position.
	Joined []Joined
	// IDs are the vocabulary ids an index assigns to Tokens, so that it
	// can look up precomputed similarities; nil without an index.
	IDs []uint32
	// Vocab, when set by an index, holds the tokens by id: the index then
	// drops Tokens and the Joined tokens, which the vocabulary has once
	// for all names, and Token and JoinedToken read them from here.
	Vocab []names.Token
	// Total is the sum of Weights; Spared the part of it that the query
	// may leave unmatched at less than its weight (patronymics and middle
	// names, see MinTotal); MinSparing the least share of its weight that
	// a spared token saves when unmatched (see Bound).
	Total, Spared, MinSparing float64
	// Org reports that the name has a legal form or a word that names
	// organisations (bank, ministry, army): it names one.
	Org bool
	// SurnameGuessed is names.Name's: nothing says which word is the
	// surname.
	SurnameGuessed bool
	// Son and Father are the indexes of the words a nasab link joins
	// ("A bin B": A and B, see names.Chain), -1 in a name without one.
	Son, Father int16
	// Places are what each token's position in the name says (its role,
	// its link in a nasab chain, whether it stood in parentheses): an
	// index shares tokens between names, not places.
	Places []Place
}

// Place is what a token's position in its name says.
type Place struct {
	Role  names.Role
	Link  uint8
	Paren bool
	Kunya bool
	// Kind is the token's: kept here too, so that scoring reads the
	// name's own small array rather than the shared vocabulary.
	Kind names.Kind
	// Regnal marks a ruler's title that is also a given name, first in a
	// name of three words or more ("King Mohammed VI", "Emir Tamim bin
	// Hamad"; see names.RegnalTitle): in a query, left unmatched, it
	// costs nothing where the listed given name was met.
	Regnal bool
}

func placeOf(t *names.Token) Place {
	return Place{Role: t.Role, Link: t.Link, Paren: t.Paren, Kunya: t.Kunya, Kind: t.Kind}
}

// PrepareName analyses and weighs one name.
func (c *Config) PrepareName(raw string, kind entity.NameKind, w Weigher) PreparedName {
	return c.PrepareAnalysed(names.Analyze(raw), kind, w)
}

// PrepareAnalysed weighs a name analysed already.
func (c *Config) PrepareAnalysed(n names.Name, kind entity.NameKind, w Weigher) PreparedName {
	raw := n.Raw
	p := PreparedName{Raw: raw, Kind: kind, Tokens: n.Tokens, Weights: make([]float64, len(n.Tokens)), Places: make([]Place, len(n.Tokens))}
	for i := range n.Tokens {
		p.Places[i] = placeOf(&n.Tokens[i])
		if i == 0 && len(n.Tokens) >= 3 && names.RegnalTitle(&n.Tokens[0]) {
			p.Places[i].Regnal = true
		}
		p.Weights[i] = c.ClassWeight(&n.Tokens[i], w.Weight(&n.Tokens[i]))
	}
	p.Son, p.Father = -1, -1
	if son, father, ok := names.Chain(n); ok {
		p.Son, p.Father = int16(son), int16(father)
	}
	p.Org = orgName(n.Tokens)
	p.SurnameGuessed = n.SurnameGuessed
	p.Joined = Spans(n.Tokens, p.Org)
	acronymsNotQualifiers(&p)
	p.Settle(c)
	return p
}

// Settle recomputes Total and Spared after Weights change.
func (p *PreparedName) Settle(c *Config) {
	p.Total, p.Spared, p.MinSparing = 0, 0, 0
	for i, w := range p.Weights {
		p.Total += w
		if s := p.Sparing(c, i); s > 0 {
			p.Spared += s * w
			if p.MinSparing == 0 || s < p.MinSparing {
				p.MinSparing = s
			}
		}
	}
}

// Sparing returns the share of its weight that query token i saves when
// it has no partner: 0 for most words, 1-UnmatchedCandidate for a
// patronymic, 1-QueryMiddleShare for a middle name.
func (p *PreparedName) Sparing(c *Config, i int) float64 {
	return 1 - c.queryShare(p, i, true, p.middles())
}

// Bound bounds the score of this query name against any listed name, given
// an upper bound of what its spared tokens (patronymics, middle names; see
// Sparing) can earn, spared, and of what the others can, rest. A spared
// token that earns something is matched, and then counts in the
// denominator in full, not at its share: the bound is the better of
// (rest+spared)/(MinTotal+MinSparing*spared) and rest/MinTotal.
func (p *PreparedName) Bound(rest, spared, minTotal float64) float64 {
	if minTotal <= 0 {
		return math.Inf(1)
	}
	return max(rest/minTotal, (rest+spared)/(minTotal+p.MinSparing*spared))
}

// middles counts the name's middle names (see queryShare).
func (p *PreparedName) middles() int {
	n := 0
	for _, pl := range p.Places {
		if pl.Role == names.Middle {
			n++
		}
	}
	return n
}

// MaxSharedMiddles is the most middle names of a query name among which
// QueryMiddleShare is shared out (see queryShare).
const MaxSharedMiddles = 3

// queryShare is the share of its weight unmatched query token i costs
// (middles: the name's middle names, see middles): a
// patronymic UnmatchedCandidate, a middle name of a person's name
// QueryMiddleShare shared out among the name's middle names, a ruler's
// title nothing (see Place.Regnal; nameScore charges it in full where the
// listed given name was not met), any other word all of it.
//
// Middle names are shared out because several that a list leaves out
// are one fact, not several: the list does not give them (Jan Pieter
// Marie Laurens de Vries is "Jan de Vries" there), and they cost together
// what one would, shared among at most MaxSharedMiddles (so that a
// share is never less than QueryMiddleShare/MaxSharedMiddles, which
// bounds on scores may rely on).
func (c *Config) queryShare(p *PreparedName, i int, person bool, middles int) float64 {
	pl := p.Places[i]
	switch {
	case p.Token(i).Kind == names.Patronymic:
		return c.UnmatchedCandidate
	case person && pl.Role == names.Middle:
		return c.QueryMiddleShare / float64(min(middles, MaxSharedMiddles))
	case person && pl.Regnal:
		return 0
	}
	return 1
}

// MinTotal is the least a name's weight can count for in a score's
// denominator: its total, with every patronymic and middle name unmatched
// and so counted at their shares. Bounds on scores divide by it.
func (p *PreparedName) MinTotal(c *Config) float64 {
	return p.Total - p.Spared
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

// JoinedToken returns the token of span k.
func (p *PreparedName) JoinedToken(k int) *names.Token {
	if p.Tokens == nil {
		return &p.Vocab[p.Joined[k].ID]
	}
	return p.Joined[k].Token
}

// SpanWeight returns the weight of the tokens span k covers.
func (p *PreparedName) SpanWeight(k int) float64 {
	j := &p.Joined[k]
	w := 0.0
	for i := j.At; i < j.At+j.Len; i++ {
		w += p.Weights[i]
	}
	return w
}

// SpanKind says how a span of a name's tokens is written as one word.
type SpanKind uint8

// Span kinds.
const (
	// Single is no span: one token.
	Single SpanKind = iota
	// Glued is two or three adjacent words written as one: "Jinping"
	// for "Jin Ping", "Vanderbilt" for "van der Bilt", "Platonovich" for
	// "Plat Ono Vich".
	Glued
	// Letters is a run of initials written as one word: "ABC" for
	// "A.B.C.", "JC" for "J. C.".
	Letters
	// Initialism is the initials of an organisation's words: "PLA" for
	// "People's Liberation Army", "IRGC" for "Islamic Revolutionary
	// Guard Corps".
	Initialism
	// Compound is a word as it was written that the analysis split into
	// words: ABDULLAH read as "abd allah", Abdulrahman as "abd al
	// rahman". Unlike glued words it is no guess, so it may carry a typo
	// as a word does (see CompoundSim).
	Compound
)

// Joined is a span of adjacent tokens of a name that may be written as
// one word.
type Joined struct {
	// At is the position of the first token, Len the number of tokens
	// the span covers.
	At, Len int
	// Kind says how the span is written.
	Kind SpanKind
	// Token is the span written as one word; nil in an index, whose
	// vocabulary holds it by ID (a span's token is most of a listed
	// name's memory: see JoinedToken).
	Token *names.Token
	// ID is its vocabulary id in an index.
	ID uint32
}

// Spans returns the spans of a name's tokens that may be written as one
// word, in order of position: every two adjacent words glued (and the
// Arabic article before a sun letter glued in two ways, see JoinTokens);
// three adjacent words glued where two of them are short, as split words
// are ("van der bilt", "plat ono vich"); every run of two or more initials
// as one word ("A.B.C."); and the initials of the name's words, with and
// without its small words ("Ministry of Intelligence and Security":
// "mis", "mois"), when the name is an organisation's.
func Spans(toks []names.Token, initialisms bool) []Joined {
	out := make([]Joined, 0, 2*len(toks))
	// The spans' tokens sit in one array beside them, one per span in
	// order, and are pointed to once it is complete (below).
	spanToks := make([]names.Token, 0, 2*len(toks))
	add := func(j Joined, t names.Token) {
		out = append(out, j)
		spanToks = append(spanToks, t)
	}
	for j := 0; j+1 < len(toks); j++ {
		a, b := &toks[j], &toks[j+1]
		if joinable(a) && joinable(b) {
			add(Joined{At: j, Len: 2, Kind: spanKind(toks, j, 2)}, joined(glue(a)+glue(b), a, b))
			if sunLetter(a, b) {
				add(Joined{At: j, Len: 2, Kind: Glued}, joined("a"+glue(b), a, b))
			}
		}
		if j+2 < len(toks) && shortSplit(toks[j:j+3]) {
			a, b, c := &toks[j], &toks[j+1], &toks[j+2]
			t := joined(glue(a)+glue(b)+glue(c), a, c)
			add(Joined{At: j, Len: 3, Kind: spanKind(toks, j, 3)}, t)
		}
	}
	for j := 0; j < len(toks); {
		k := j
		for k < len(toks) && toks[k].Kind == names.Initial {
			k++
		}
		if k-j >= 2 {
			var b strings.Builder
			for i := j; i < k; i++ {
				b.WriteString(toks[i].Form)
			}
			add(Joined{At: j, Len: k - j, Kind: Letters}, letters(b.String(), &toks[j], &toks[k-1]))
		}
		j = max(k, j+1)
	}
	if initialisms {
		var seen [6]string
		for v := range seen {
			form, first, last := initialism(toks, v)
			if len(form) >= 2 && !slices.Contains(seen[:v], form) {
				seen[v] = form
				add(Joined{At: first, Len: last - first + 1, Kind: Initialism}, letters(form, &toks[first], &toks[last]))
			}
		}
	}
	for i := range out {
		out[i].Token = &spanToks[i]
	}
	return out
}

// acronymsNotQualifiers reads a word in parentheses that is the name's
// own acronym ("ISLAMIC REPUBLIC OF IRAN SHIPPING LINES (IRISL)") as the
// acronym it is, not a qualifier saying another entity.
func acronymsNotQualifiers(p *PreparedName) {
	for i := range p.Places {
		if !p.Places[i].Paren {
			continue
		}
		for _, j := range p.Joined {
			if j.Kind == Initialism && j.Token.Form == p.Tokens[i].Form {
				p.Places[i].Paren = false
			}
		}
	}
}

// asOrganisation adds a name's initialisms when the entity or the query
// says it is an organisation's, whatever its words.
func asOrganisation(p *PreparedName) {
	if p.Org {
		return
	}
	p.Org = true
	p.Joined = Spans(p.Tokens, true)
	acronymsNotQualifiers(p)
}

// vesselMarks reads the initials before a vessel's name that say it is
// one (M.V., M.T., M/S: motor vessel, tanker, ship) as titles.
func vesselMarks(toks []names.Token) {
	if len(toks) < 3 || toks[0].Kind != names.Initial || toks[1].Kind != names.Initial || toks[0].Form != "m" {
		return
	}
	switch toks[1].Form {
	case "v", "t", "s":
		toks[0].Kind, toks[1].Kind = names.Title, names.Title
	}
}

// orgName reports whether tokens name an organisation: they have a legal
// form or a word that names organisations (see names.OrgWord).
func orgName(toks []names.Token) bool {
	for i := range toks {
		t := &toks[i]
		if t.Kind == names.LegalForm || t.Kind == names.Word && names.OrgWord(t.Form) {
			return true
		}
	}
	return false
}

// spanKind says how the span of n tokens from j is written: a Compound
// when they were one word as written (no space, hyphen or other mark
// between them, and none of the word outside the span), else Glued.
func spanKind(toks []names.Token, j, n int) SpanKind {
	for i := j; i+1 < j+n; i++ {
		if toks[i].End != toks[i+1].Start {
			return Glued
		}
	}
	if j > 0 && toks[j-1].End == toks[j].Start || j+n < len(toks) && toks[j+n-1].End == toks[j+n].Start {
		return Glued
	}
	return Compound
}

// shortSplit reports whether three tokens may be one word split in
// three: all joinable words or particles, two of them four letters or
// fewer.
func shortSplit(toks []names.Token) bool {
	short := 0
	for i := range toks {
		t := &toks[i]
		if t.Kind != names.Word && t.Kind != names.Particle {
			return false
		}
		if len(t.Form) <= 4 {
			short++
		}
	}
	return short >= 2
}

// initialism returns the initials of a name's words and the positions of
// the first and last word they cover, in one of five variants: the
// name's words only (v 0: IRGC, ISIL); with "of", "for" and the Arabic
// article too (1: MOIS, AQAP); with its legal form too (2: NIOC for
// National Iranian Oil Company, UAC for United Aircraft Corporation);
// with its legal form but not "group" or "holding" (3: CETC for China
// Electronics Technology Group Corporation); every word as written,
// particles and single letters too (4: LeT for Lashkar-e-Tayyiba, JuD
// for Jamaat-ud-Dawa); with its legal forms but the last, when the
// name ends in one (5: HSBC for The Hongkong and Shanghai Banking
// Corporation Limited).
// A number written in words counts by its first letter (GRAPO, Grupos de
// Resistencia Antifascista Primero de Octubre); titles, numbers in
// digits and initials take no part; names of fewer than two words or
// more than eight have none.
func initialism(toks []names.Token, v int) (string, int, int) {
	strict := v != 1
	var b []byte
	first, last := -1, -1
	for i := range toks {
		t := &toks[i]
		ok := false
		switch {
		case t.Paren:
			// "(IRISL)" is the name's acronym, not a word of it.
		case t.Kind == names.Word:
			switch t.Form {
			case "in", "on", "at", "e", "para", "por", "pour", "per", "dla", "na", "za", "po":
				// Small words of many languages: União Nacional para a
				// Independência Total de Angola is UNITA.
			case "group", "holding", "holdings":
				// China Electronics Technology Group Corporation is CETC.
				ok = v != 3
			default:
				ok = true
			}
		case v == 4 && (t.Kind == names.Particle || t.Kind == names.Initial):
			// Every word as written, the ezafe and the article too:
			// Lashkar-e-Tayyiba is LeT, Jamaat-ud-Dawa JuD.
			ok = true
		case t.Kind == names.Particle:
			switch t.Form {
			case "al", "of", "for", "abu":
				ok = !strict
			}
		case t.Kind == names.LegalForm:
			ok = v >= 2 && !(v == 5 && i == len(toks)-1)
		case t.Kind == names.Number && t.Glue != "":
			// "Primero": the number as it was written.
			ok = true
		}
		if !ok || t.Form == "" {
			continue
		}
		if (v == 4 || t.Kind == names.Number) && t.Glue != "" {
			b = append(b, t.Glue[0])
		} else {
			b = append(b, t.Form[0])
		}
		if first < 0 {
			first = i
		}
		last = i
	}
	if len(b) < 2 || len(b) > 8 {
		return "", 0, 0
	}
	return string(b), first, last
}

// letters makes the token of letters run together.
func letters(form string, a, b *names.Token) names.Token {
	phon := names.Phon(form)
	return names.Token{Form: form, Phon: phon, Cons: names.Cons(phon), Kind: names.Word, Trans: a.Trans, Start: a.Start, End: b.End}
}

// JoinTokens returns the ways a and b are written as one word: none for
// numbers, legal forms and initials, which are never joined to a name; one for most pairs; two for the Arabic article before a "sun
// letter", which is written joined as it is spelt (Alsaadi) or as it is
// spoken, as a doubled consonant (Essaadi, Arrahman).
func JoinTokens(a, b *names.Token) []names.Token {
	if !joinable(a) || !joinable(b) {
		return nil
	}
	out := []names.Token{joined(glue(a)+glue(b), a, b)}
	if sunLetter(a, b) {
		out = append(out, joined("a"+glue(b), a, b))
	}
	return out
}

// joinable reports whether a token may be glued to its neighbour: not a
// number, legal form or initial. A patronymic may: its ending split off
// is a patronymic on its own ("Niko Laevich", "Plat Ono Vich").
func joinable(t *names.Token) bool {
	return t.Kind == names.Word || t.Kind == names.Particle || t.Kind == names.Title || t.Kind == names.Patronymic
}

// sunLetter reports whether a is the Arabic article before a word that
// starts with a sun letter, which is also glued as it is spoken.
func sunLetter(a, b *names.Token) bool {
	return a.Kind == names.Particle && a.Form == "al" && strings.IndexByte("tdrzsnl", b.Form[0]) >= 0
}

// glue returns a token's word as written, for gluing it to another.
func glue(t *names.Token) string {
	if t.Glue != "" {
		return t.Glue
	}
	return t.Form
}

func joined(form string, a, b *names.Token) names.Token {
	phon, cons, key := names.Skeletons(form, a.Abjad || b.Abjad)
	if a.Key == "" && b.Key == "" {
		// Only syllables glued are syllables: Tse-tung, Jong-un,
		// Kai-shek.
		key = ""
	}
	return names.Token{Form: form, Phon: phon, Cons: cons, Key: key, Kind: names.Word,
		Abjad: a.Abjad || b.Abjad, Trans: a.Trans || b.Trans, Start: a.Start, End: b.End}
}

// Candidate is a listed entity prepared for scoring.
type Candidate struct {
	Entity *entity.Entity
	Names  []PreparedName
	// patronymics are the patronymics of all the entity's names: a query
	// with another patronymic contradicts the entity even where it meets
	// a name of it written without one ("Viktor VEKSELBERG" beside
	// "Viktor Felixovich VEKSELBERG").
	patronymics []names.Token
	// chains are the son-and-father pairs of the entity's names written
	// with a nasab link ("A bin B"): a query that names them the other
	// way round names the father or the son, even where it meets a name
	// of the entity written without the link ("Amran MANSOR" beside
	// "Amran BIN MANSOUR").
	chains [][2]names.Token
	// legalForms are the legal forms (class and places) of all the
	// entity's names, for the same reason: "ALFA-LIZING" beside
	// "ALFA-LIZING, OOO".
	legalForms []legalForm
	// ids are the entity's identifiers, folded by normID.
	ids []string
	// countries are every country code the entity is linked to.
	countries []string
	// sex is the entity's gender, or where the list gives none what its
	// names' first given names say (names.GivenSex), when they agree.
	sex string
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
		if !personSchema(e.Schema) {
			titlesAsWords(analysed[i].Tokens)
		}
		if e.Schema == entity.Vessel {
			vesselMarks(analysed[i].Tokens)
		}
		pn := c.PrepareAnalysed(analysed[i], n.Kind, w)
		if orgSchema(e.Schema) {
			asOrganisation(&pn)
		}
		for _, t := range analysed[i].Tokens {
			if t.Kind == names.Patronymic && !slices.ContainsFunc(cand.patronymics, func(u names.Token) bool { return u.Form == t.Form }) {
				t.Start, t.End = 0, 0
				cand.patronymics = append(cand.patronymics, t)
			}
			if f := (legalForm{t.Form, t.Legal}); t.Kind == names.LegalForm && legalGroups[t.Form] != 0 && !slices.Contains(cand.legalForms, f) {
				cand.legalForms = append(cand.legalForms, f)
			}
		}
		if pn.Son >= 0 {
			son, father := analysed[i].Tokens[pn.Son], analysed[i].Tokens[pn.Father]
			son.Start, son.End, father.Start, father.End = 0, 0, 0, 0
			cand.chains = append(cand.chains, [2]names.Token{son, father})
		}
		if personSchema(e.Schema) {
			cand.sex = agree(cand.sex, names.GivenSex(analysed[i]))
		}
		cand.Names = append(cand.Names, pn)
		for _, r := range names.Readings(n.Full) {
			a := names.Analyze(r)
			a.Raw = n.Full
			cand.Names = append(cand.Names, c.PrepareAnalysed(a, n.Kind, w))
		}
	}
	if e.Gender != "" || cand.sex == "-" {
		cand.sex = e.Gender
	}
	for _, id := range e.Identifiers {
		if v := NormID(id.Value); len(v) >= 4 && !contains(cand.ids, v) {
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

// agree folds the sex a name says into what the entity's other names
// said: "" for none yet, "-" once two disagree.
func agree(sofar, s string) string {
	switch {
	case s == "" || sofar == s || sofar == "-":
		return sofar
	case sofar == "":
		return s
	}
	return "-"
}

// orgSchema reports whether a schema says an organisation: Organization or
// Company (a LegalEntity may be a person).
func orgSchema(s entity.Schema) bool { return s == entity.Organization || s == entity.Company }

// personSchema reports whether a schema may be a person's: Person, or a
// legal entity of unknown kind.
func personSchema(s entity.Schema) bool {
	return s == entity.Person || s == entity.LegalEntity || s == ""
}

// titlesAsWords reads the titles of a name that is not a person's as
// words: "General Electric", "Lady R", "Captain Morgan Ltd".
func titlesAsWords(toks []names.Token) {
	for i := range toks {
		if toks[i].Kind == names.Title && !names.VesselMarker(toks[i].Form) {
			toks[i].Kind = names.Word
		}
	}
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
	p := &Prepared{Query: q, gender: Gender(q.Gender), id: NormID(q.IDNumber)}
	for _, n := range append([]string{q.Name}, q.Aliases...) {
		readings := []names.Name{names.Analyze(n)}
		for _, r := range names.Readings(n) {
			a := names.Analyze(r)
			a.Raw = n // a reading explains itself by the name it reads
			readings = append(readings, a)
		}
		if t, ok := names.Transcription(n); ok {
			// Only a query is read so: a listed Chinese name read as a
			// foreign name's sounds would meet Latin names it is not.
			readings = append(readings, t)
		}
		if personSchema(q.Schema) && !orgName(readings[0].Tokens) {
			if bare, ok := unannotated(n); ok {
				// A person's name with a note in brackets ("Luc Willink
				// (filmredacteur)", "Henk van den Berg (1953)") is read
				// without it too; an organisation's bracketed words
				// are qualifiers that say which one ("UBS (Schweiz)").
				a := names.Analyze(bare)
				a.Raw = n
				readings = append(readings, a)
			}
			if a, ok := alGiven(n, readings[0]); ok {
				readings = append(readings, a)
			}
		}
		for _, a := range readings {
			if p.gender == "" {
				// "Mrs. Clinton" says what a gender field would.
				p.gender = names.TitleGender(a)
			}
			if q.Schema != "" && !personSchema(q.Schema) {
				titlesAsWords(a.Tokens)
			}
			if q.Schema == entity.Vessel {
				vesselMarks(a.Tokens)
			}
			if pn := c.PrepareAnalysed(a, entity.Primary, w); pn.Len() > 0 {
				if orgSchema(q.Schema) {
					asOrganisation(&pn)
				}
				p.Names = append(p.Names, pn)
			}
		}
	}
	if q.BirthDate != "" {
		p.dob, _ = entity.ParseDateInput(q.BirthDate, entity.DayFirst) // Validate has put it in ISO form
		p.hasDOB = !p.dob.IsZero()
	}
	if q.Country != "" {
		p.country, _ = CountryCode(q.Country)
	}
	return p, nil
}

// alGiven reads "Al Gore", "Al Capone" also with Al as a given name, the
// short form of Albert, Alfred or Alphonse, where the analysis reads the
// Arabic article: a name of two words in Latin letters, Al written so
// and apart from the word after it.
func alGiven(raw string, a names.Name) (names.Name, bool) {
	if len(a.Tokens) != 2 || !strings.HasPrefix(raw, "Al ") {
		return a, false
	}
	t0, t1 := a.Tokens[0], a.Tokens[1]
	if t0.Kind != names.Particle || t0.Form != "al" || t0.Abjad || t1.Kind != names.Word || t1.Abjad || t1.Trans {
		return a, false
	}
	toks := slices.Clone(a.Tokens)
	toks[0].Kind, toks[0].Role = names.Word, names.Given
	toks[1].Role = names.Family
	a.Tokens = toks
	return a, true
}

// unannotated returns a name without its bracketed parts, and whether
// it had any and keeps two words or more.
func unannotated(s string) (string, bool) {
	if !strings.ContainsAny(s, "([") {
		return "", false
	}
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(' || r == '[':
			depth++
			b.WriteByte(' ')
		case (r == ')' || r == ']') && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	out := strings.Join(strings.Fields(b.String()), " ")
	if depth != 0 || len(strings.Fields(out)) < 2 {
		return "", false
	}
	return out, true
}

// ID returns the query's folded identifier, "" if none.
func (p *Prepared) ID() string { return p.id }
