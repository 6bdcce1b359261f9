package eval

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/names"
)

// A contradiction makes, from a listed entity, the name of another party
// that differs from a listed name in one part that says so: another
// father, another legal form, another number. It returns the name and
// the listed name it was made from, or "" when the entity has no such
// part or a listed name might be the party named (see the checks in each).
type contradiction struct {
	kind string
	make func(g *generator, e *entity.Entity) (name, from string)
}

var contradictions = []contradiction{
	{"other-patronymic", otherPatronymic},
	{"swapped-nasab", swappedNasab},
	{"other-legal-form", otherLegalForm},
	{"other-number", otherNumber},
	{"other-given", otherGiven},
	{"nickname-other-surname", nicknameOtherSurname},
}

// negativesV2 makes up to n cases of each contradiction, from entities in
// an order drawn from the seed. A case is in the split of the entity it
// was made from, so that no listed party is tuned on in dev and reported
// on in test.
func (g *generator) negativesV2(n int) []Case {
	var out []Case
	for _, c := range contradictions {
		made := 0
		for _, i := range g.r.Perm(len(g.ents)) {
			if made >= n {
				break
			}
			e := g.ents[i]
			name, from := c.make(g, e)
			if name == "" {
				continue
			}
			out = append(out, Case{Query: match.Query{Subject: entity.Subject{Name: name, Schema: schemaMaybe(g.r, class(e.Schema))}}, Expect: []string{}, Kind: c.kind, Split: split(e.ID), Source: from})
			made++
		}
	}
	return out
}

// Patronymics to put in place of another, as the lists romanise them.
var (
	patronymicsMale = []string{"Ivanovich", "Petrovich", "Sergeyevich", "Nikolayevich", "Aleksandrovich", "Vladimirovich",
		"Mikhailovich", "Viktorovich", "Yuryevich", "Anatolyevich", "Borisovich", "Vasilyevich", "Grigoryevich",
		"Dmitriyevich", "Andreyevich", "Olegovich", "Igorevich", "Pavlovich", "Fyodorovich", "Valeryevich", "Leonidovich"}
	patronymicsFemale = []string{"Ivanovna", "Petrovna", "Sergeyevna", "Nikolayevna", "Aleksandrovna", "Vladimirovna",
		"Mikhailovna", "Viktorovna", "Yuryevna", "Anatolyevna", "Borisovna", "Vasilyevna", "Olegovna", "Pavlovna"}
	patronymicsUkrainianMale = []string{"Ivanovych", "Petrovych", "Mykolaiovych", "Oleksandrovych", "Volodymyrovych",
		"Vasylovych", "Serhiiovych", "Viktorovych", "Yuriiovych", "Anatoliiovych", "Hryhoriiovych", "Stepanovych"}
	patronymicsUkrainianFemale = []string{"Ivanivna", "Petrivna", "Mykolaivna", "Oleksandrivna", "Volodymyrivna",
		"Vasylivna", "Serhiivna", "Viktorivna", "Stepanivna"}
)

// otherPatronymic writes a listed person with a patronymic under another
// one, of the same gender and language: Sergei Ivanovich LAVROV for Sergei
// Viktorovich LAVROV names his cousin, not him. It is a negative only if
// every listed name with the person's other words has a patronymic, and
// none this one.
func otherPatronymic(g *generator, e *entity.Entity) (string, string) {
	src := g.source(e)
	if e.Schema != entity.Person || src == "" {
		return "", ""
	}
	given, family, ok := nameParts(src)
	if !ok {
		return "", ""
	}
	pi := slices.IndexFunc(given, isPatronymic)
	if pi < 1 {
		return "", ""
	}
	old := strings.ToLower(given[pi])
	var pool []string
	switch {
	case strings.HasSuffix(old, "ivna"):
		pool = patronymicsUkrainianFemale
	case strings.HasSuffix(old, "vna"):
		pool = patronymicsFemale
	case strings.HasSuffix(old, "ych"):
		pool = patronymicsUkrainianMale
	case strings.HasSuffix(old, "ich"):
		pool = patronymicsMale
	default:
		return "", ""
	}
	p := pool[g.r.IntN(len(pool))]
	if !distinct(p, old) {
		return "", ""
	}
	if upperWord(given[pi]) {
		p = strings.ToUpper(p)
	}
	ng := slices.Clone(given)
	ng[pi] = p
	name := strings.Join(ng, " ") + " " + strings.Join(family, " ")
	if g.r.IntN(2) == 0 {
		name = strings.Join(family, " ") + ", " + strings.Join(ng, " ")
	}
	ln := g.nameInfo
	pp := tokenPhon(p)
	for _, n := range g.holders(names.Analyze(name)) {
		if len(ln[n].patronymics) == 0 || slices.ContainsFunc(ln[n].patronymics, func(q string) bool { return nearForm(q, pp) }) {
			return "", ""
		}
	}
	return name, src
}

// tokenPhon is the phonetic form of a one-word name of any kind (a given
// name, a patronymic), or "".
func tokenPhon(w string) string {
	if t := names.Analyze(w).Tokens; len(t) == 1 {
		return t[0].Phon
	}
	return ""
}

// consOf is the consonant skeleton of a name's tokens.
func consOf(s string) string {
	var out []string
	for _, t := range names.Analyze(s).Tokens {
		out = append(out, t.Cons)
	}
	return strings.Join(out, " ")
}

// swappedNasab swaps a man's name and his father's in an Arabic chain: "A
// bin B" becomes "B bin A", his father or his son (Hamad bin Tamim for
// Tamim bin Hamad). Only a chain whose first link is the ism alone is
// taken, and the swap is a negative only if no listed name has B before
// A with a link between.
func swappedNasab(g *generator, e *entity.Entity) (string, string) {
	if e.Schema != entity.Person || g.source(e) == "" {
		return "", ""
	}
	for _, nm := range e.Names {
		if nm.Kind == entity.WeakAlias || !isLatin(nm.Full) {
			continue
		}
		w := words(firstLast(nm.Full))
		b := slices.IndexFunc(w, func(x string) bool { return nasabLink[strings.ToLower(x)] })
		if b < 1 || b+1 >= len(w) || b > 2 || len(ism(w[:b])) != b || !plainWord(w[b+1]) {
			continue
		}
		a, father := w[:b], w[b+1]
		if !plainWord(a[0]) || phonOf(father) == phonOf(a[len(a)-1]) || phonOf(father) == phonOf(a[0]) {
			continue
		}
		out := append([]string{father, w[b]}, a...)
		name := strings.Join(append(out, w[b+2:]...), " ")
		if g.fatherFirst(name, phonOf(father), names.Analyze(strings.Join(a, " ")).Tokens) {
			continue
		}
		return name, nm.Full
	}
	return "", ""
}

// fatherFirst reports whether a listed name holding the words of name has
// the word father before the ism's first word with a link between: the
// swapped chain is listed.
func (g *generator) fatherFirst(name, father string, ism []names.Token) bool {
	if len(ism) == 0 {
		return true
	}
	first := ism[len(ism)-1].Phon
	ln := g.nameInfo
	for _, n := range g.holders(names.Analyze(name)) {
		seq := ln[n].seq
		i := slices.IndexFunc(seq, func(p string) bool { return nearForm(p, father) })
		if i < 0 {
			continue
		}
		j := slices.IndexFunc(seq[i+1:], func(p string) bool { return nearForm(p, first) })
		if j >= 0 && slices.Contains(seq[i+1:i+1+j], "bin") {
			return true
		}
	}
	return false
}

// Legal forms of the other kind: a limited-liability company against a
// joint-stock one, under the forms of one country (normalised: upper
// case, no dots or spaces).
var otherLegalForms = map[string]string{
	"LLC": "JSC", "OOO": "AO", "TOO": "AO", "LIMITEDLIABILITYCOMPANY": "Joint Stock Company", "SARL": "SA",
	"BV": "NV", "GMBH": "AG", "AG": "GmbH", "JSC": "LLC", "OJSC": "LLC", "PJSC": "LLC", "CJSC": "LLC",
	"AO": "OOO", "OAO": "OOO", "PAO": "OOO", "ZAO": "OOO", "JOINTSTOCKCOMPANY": "Limited Liability Company",
	"OPENJOINTSTOCKCOMPANY": "Limited Liability Company", "PUBLICJOINTSTOCKCOMPANY": "Limited Liability Company",
	"CLOSEDJOINTSTOCKCOMPANY": "Limited Liability Company", "NV": "BV",
}

// limitedForms and jointStockForms are the canonical classes (names'
// LegalForm forms) of each kind.
var (
	limitedForms    = []string{"llc", "gmbh", "ltd"}
	jointStockForms = []string{"jsc", "ag", "sa", "plc"}
)

func formKind(class string) int {
	switch {
	case slices.Contains(limitedForms, class):
		return 1
	case slices.Contains(jointStockForms, class):
		return 2
	}
	return 0
}

// otherLegalForm writes a listed company under a legal form of the other
// kind: ACME JSC for ACME LLC, Acme AG for Acme GmbH. Two such companies
// of one name are common (a group's holding and its operating company).
// It is a negative only if every listed name with the company's words has
// a legal form of the listed one's kind.
func otherLegalForm(g *generator, e *entity.Entity) (string, string) {
	src := g.source(e)
	if !e.Schema.IsOrganization() || src == "" {
		return "", ""
	}
	toks := names.Analyze(src).Tokens
	if len(toks) < 2 || toks[len(toks)-1].Kind != names.LegalForm ||
		slices.ContainsFunc(toks[:len(toks)-1], func(t names.Token) bool { return t.Kind == names.LegalForm }) {
		// One legal form, at the end: "Joint Stock Commercial Bank Ak
		// Bars PJSC" under another form would name both.
		return "", ""
	}
	t := toks[len(toks)-1]
	raw := src[t.Start:t.End]
	alt, ok := otherLegalForms[strings.ToUpper(strings.NewReplacer(".", "", " ", "", "-", "").Replace(raw))]
	kind := formKind(t.Form)
	if !ok || kind == 0 {
		return "", ""
	}
	if upperWord(strings.ReplaceAll(raw, " ", "")) {
		alt = strings.ToUpper(alt)
	}
	rest := src[t.End:]
	if !strings.Contains(alt, ".") {
		rest = strings.TrimPrefix(rest, ".") // S.A.R.L. is SA, not SA.
	}
	name := src[:t.Start] + alt + rest
	a := names.Analyze(name)
	if nt := a.Tokens[len(a.Tokens)-1]; nt.Kind != names.LegalForm || formKind(nt.Form) == kind || formKind(nt.Form) == 0 {
		return "", ""
	}
	if !g.allOfKind(e, kind) {
		return "", ""
	}
	ln := g.nameInfo
	for _, n := range g.holders(a) {
		if len(ln[n].legalForms) == 0 || slices.ContainsFunc(ln[n].legalForms, func(c string) bool { return formKind(c) != kind }) {
			return "", ""
		}
	}
	return name, src
}

// allOfKind reports whether every strong name of the party has a legal
// form of the kind: a party also listed as "Neva Elektronika", with none,
// might be either company.
func (g *generator) allOfKind(e *entity.Entity, kind int) bool {
	for _, id := range g.group[e.ID] {
		i, found := slices.BinarySearchFunc(g.ents, id, func(x *entity.Entity, id string) int { return strings.Compare(x.ID, id) })
		if !found {
			return false
		}
		for _, n := range g.ents[i].Names {
			if n.Kind == entity.WeakAlias {
				continue
			}
			var last *names.Token
			toks := names.Analyze(n.Full).Tokens
			for k := range toks {
				if toks[k].Kind == names.LegalForm {
					last = &toks[k]
				}
			}
			if last == nil || formKind(last.Form) != kind {
				return false
			}
		}
	}
	return true
}

// otherNumber writes a listed organisation or vessel with a number one
// more or one less: Repair Plant 195 for 194, the 33rd Division for the
// 34th, Sparta III for Sparta IV. It is a negative only if every listed
// name with the other words has a number, and none this one.
func otherNumber(g *generator, e *entity.Entity) (string, string) {
	src := g.source(e)
	if e.Schema == entity.Person || src == "" || (!e.Schema.IsOrganization() && e.Schema != entity.Vessel) {
		return "", ""
	}
	// One number, not in a qualifier: in "13th Research Institute (CETC
	// 13)" the two must change together.
	var spots []names.Token
	for _, t := range names.Analyze(src).Tokens {
		if t.Kind == names.Number {
			spots = append(spots, t)
		}
	}
	if len(spots) != 1 || spots[0].Paren {
		return "", ""
	}
	t := spots[0]
	step := 1
	if g.r.IntN(2) == 0 {
		step = -1
	}
	alt, ok := changeNumber(src[t.Start:t.End], step)
	if !ok {
		if alt, ok = changeNumber(src[t.Start:t.End], -step); !ok {
			return "", ""
		}
	}
	name := src[:t.Start] + alt + src[t.End:]
	a := names.Analyze(name)
	var nums []string
	for _, nt := range a.Tokens {
		if nt.Kind == names.Number {
			nums = append(nums, nt.Form)
		}
	}
	ln := g.nameInfo
	for _, n := range g.holders(a) {
		if len(ln[n].numbers) == 0 || slices.Equal(ln[n].numbers, nums) {
			return "", ""
		}
	}
	return name, src
}

// changeNumber adds step to a number written in digits (195), as an
// ordinal (33rd) or in Roman numerals from II to XX.
func changeNumber(raw string, step int) (string, bool) {
	if v, ok := romanValues[raw]; ok {
		for r, w := range romanValues {
			if w == v+step {
				return r, true
			}
		}
		return "", false
	}
	digits, ordinal := raw, false
	for _, s := range []string{"st", "nd", "rd", "th", "ST", "ND", "RD", "TH"} {
		if d, ok := strings.CutSuffix(raw, s); ok {
			digits, ordinal = d, true
			break
		}
	}
	n, err := strconv.Atoi(digits)
	if err != nil || digits == "" || digits[0] == '0' || strings.ContainsAny(digits, "+-") || n+step < 1 {
		return "", false
	}
	out := strconv.Itoa(n + step)
	if ordinal {
		suffix := ordinalSuffix(n + step)
		if upperWord("X" + raw[len(digits):]) {
			suffix = strings.ToUpper(suffix)
		}
		out += suffix
	}
	return out, true
}

// eastAsian are the countries whose given names are syllables, which
// otherGiven cannot swap for another name of the same initial.
var eastAsian = []string{"cn", "tw", "hk", "mo", "kp", "kr", "vn", "jp", "mm", "th", "kh", "la"}

// country returns the first nationality or citizenship of an entity.
func country(e *entity.Entity) string {
	if len(e.Nationalities) > 0 {
		return e.Nationalities[0]
	}
	if len(e.Citizenships) > 0 {
		return e.Citizenships[0]
	}
	return ""
}

// peopleOf maps a country to its listed people whose names tell given
// name and surname apart, in the order of the entities.
func (g *generator) peopleOf() map[string][]listedPerson {
	if g.byCountry != nil {
		return g.byCountry
	}
	g.byCountry = map[string][]listedPerson{}
	for _, e := range g.ents {
		c, src := country(e), g.source(e)
		if e.Schema != entity.Person || c == "" || src == "" {
			continue
		}
		given, family, ok := nameParts(src)
		if !ok || !plainGiven(given[0]) {
			continue
		}
		g.byCountry[c] = append(g.byCountry[c], listedPerson{titleWord(strings.ToLower(given[0])), strings.Join(family, " "), genderOf(e, given, family)})
	}
	return g.byCountry
}

type listedPerson struct{ given, family, gender string }

// genderOf returns a person's gender as the list gives it or, for a name
// romanised from Russian, as its patronymic or surname says (Petrovna,
// Ivanova); "" when unknown.
func genderOf(e *entity.Entity, given, family []string) string {
	if e.Gender != "" {
		return e.Gender
	}
	for _, w := range given[1:] {
		switch w = strings.ToLower(w); {
		case strings.HasSuffix(w, "vna") || strings.HasSuffix(w, "ichna") || turkicPatronymic[w] && (w == "kyzy" || w == "qizi" || w == "gizi" || w == "kizi"):
			return "female"
		case strings.HasSuffix(w, "vich") || strings.HasSuffix(w, "vych") || turkicPatronymic[w]:
			return "male"
		}
	}
	if fromSlavicWorld(e, strings.Join(family, " ")) {
		last := strings.ToLower(family[len(family)-1])
		for _, s := range []string{"ova", "eva", "ina", "aya", "yna"} {
			if strings.HasSuffix(last, s) {
				return "female"
			}
		}
		for _, s := range []string{"ov", "ev", "in", "iy", "yy", "sky", "skiy"} {
			if strings.HasSuffix(last, s) {
				return "male"
			}
		}
	}
	return ""
}

// sameGender picks, in up to 20 draws, a person of the pool of the given
// gender for whom ok holds.
func (g *generator) sameGender(pool []listedPerson, gender string, ok func(listedPerson) bool) (listedPerson, bool) {
	for try := 0; try < 20; try++ {
		p := pool[g.r.IntN(len(pool))]
		if p.gender == gender && ok(p) {
			return p, true
		}
	}
	return listedPerson{}, false
}

// otherGiven writes a listed person's surname after another given name of
// the same country with the same initial (Semyon Viktorovich LAVROV for
// Sergei Viktorovich LAVROV: a brother): harder than shared-surname, where
// the given name is any. The other name must differ in its consonants
// (Mohammed and Muhammad do not), and no listed name may hold it with the
// surname.
func otherGiven(g *generator, e *entity.Entity) (string, string) {
	src := g.source(e)
	if e.Schema != entity.Person || src == "" || fromCountries(e, eastAsian...) {
		return "", ""
	}
	given, family, ok := nameParts(src)
	if !ok || !plainGiven(given[0]) {
		return "", ""
	}
	pool := g.peopleOf()[country(e)]
	if len(pool) == 0 {
		return "", ""
	}
	old := names.Analyze(given[0]).Tokens[0]
	p, found := g.sameGender(pool, genderOf(e, given, family), func(p listedPerson) bool {
		ct := names.Analyze(p.given).Tokens[0]
		return ct.Form[0] == old.Form[0] && distinct(p.given, given[0]) && !strings.HasPrefix(ct.Phon, old.Phon) && !strings.HasPrefix(old.Phon, ct.Phon)
	})
	other := p.given
	if !found || g.heldTogether(append([]string{other}, family...)...) {
		return "", ""
	}
	if upperWord(given[0]) {
		other = strings.ToUpper(other)
	}
	first := []string{other}
	if g.r.IntN(2) == 0 {
		first = append(first, given[1:]...) // a brother: the same patronymic or father
	}
	return strings.Join(first, " ") + " " + strings.Join(family, " "), src
}

// nicknameOtherSurname writes the short form of a listed person's given
// name with the surname of another listed person of the same country:
// Sasha Ivanov for Aleksandr LUKASHENKO. No listed name may hold the
// surname with the short form or any formal name it stands for.
func nicknameOtherSurname(g *generator, e *entity.Entity) (string, string) {
	src := g.source(e)
	if e.Schema != entity.Person || src == "" {
		return "", ""
	}
	table := nicknamesFor(e, src)
	given, family, ok := nameParts(src)
	pool := g.peopleOf()[country(e)]
	if table == nil || !ok || len(pool) == 0 {
		return "", ""
	}
	short := table[formOf(given[0])]
	if len(short) == 0 {
		return "", ""
	}
	nick := short[g.r.IntN(len(short))]
	own := consOf(strings.Join(family, " "))
	p, found := g.sameGender(pool, genderOf(e, given, family), func(p listedPerson) bool { return consOf(p.family) != own })
	surname := p.family
	if !found || g.heldTogether(nick, surname) {
		return "", ""
	}
	// Neither any name the short form stands for, nor their other short
	// forms (Sasha, Alex: Alex KRIVORUCHKO may be an Aleksandr).
	for name := range g.namesFor(nick) {
		if g.heldTogether(name, surname) {
			return "", ""
		}
	}
	return nick + " " + surname, src
}

// plainGiven reports whether a word can stand for a given name alone: a
// name word of three or more letters, not the first half of a compound
// (Abdul, Abu).
func plainGiven(w string) bool {
	return len([]rune(w)) >= 3 && onlyLetters(w) && plainWord(w) && !compoundIsm[strings.ToLower(w)] && isLatin(w)
}

// namesFor returns the given names a short form may stand for, in any
// table, with their spellings and their other short forms.
func (g *generator) namesFor(nick string) map[string]bool {
	out := map[string]bool{}
	tables := []map[string][]string{slavicNicknames, englishNicknames, spanishNicknames}
	for _, t := range tables {
		for formal, short := range t {
			if !slices.Contains(short, nick) {
				continue
			}
			out[formal] = true
			for f, k := range sameNames {
				if k == sameNames[formal] && k != 0 {
					out[f] = true
				}
			}
		}
	}
	for name := range maps.Clone(out) {
		for _, t := range tables {
			for _, s := range t[name] {
				out[s] = true
			}
		}
	}
	return out
}
