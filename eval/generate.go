package eval

import (
	"bufio"
	"fmt"
	"hash/fnv"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/index"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/names"
)

// Sizes sets how many cases of each kind Generate makes.
type Sizes struct {
	// PerVariant is the number of positives per variant kind.
	PerVariant int
	// Unlisted, SharedSurname, SharedGiven, Orgs, OtherScripts are the
	// numbers of each kind of negative.
	Unlisted, SharedSurname, SharedGiven, Orgs, OtherScripts int
	// Contradictions is the most cases of each kind of negative made from
	// a listed name by a part that names another party (other-patronymic,
	// other-legal-form, ...); the lists hold fewer for some.
	Contradictions int
}

// DefaultSizes make a set of about 6,500 positives and 5,000 negatives.
var DefaultSizes = Sizes{PerVariant: 320, Unlisted: 1500, SharedSurname: 700, SharedGiven: 500, Orgs: 600, OtherScripts: 300, Contradictions: 300}

// famous are well-known people who are on none of the lists: screening
// them must give no hit.
var famous = []string{
	"Hillary Rodham Clinton", "Yang Jiechi", "Conor Sweeney", "Natalia Kolesnikova", "Angela Merkel", "Emmanuel Macron",
	"Olaf Scholz", "Justin Trudeau", "Jacinda Ardern", "Narendra Modi", "Antonio Guterres", "Ursula von der Leyen",
	"Greta Thunberg", "Lionel Messi", "Cristiano Ronaldo", "Taylor Swift", "Jeff Bezos", "Bill Gates", "Mark Rutte",
	"Pedro Sanchez", "Giorgia Meloni", "Jens Stoltenberg", "Christine Lagarde", "Kofi Annan", "Ban Ki-moon",
}

// Generate makes the labelled set from the listed entities and a corpus
// of names of people who are not listed. It is deterministic for a seed.
func Generate(ents []*entity.Entity, people []string, seed uint64, sz Sizes) []Case {
	g := newGenerator(ents, seed)
	var cases []Case
	cases = append(cases, g.positives(sz.PerVariant)...)
	cases = append(cases, g.originalScript(sz.PerVariant)...)
	cases = append(cases, g.negatives(people, sz)...)
	// The kinds added with the matcher's second version come last, so
	// that the earlier kinds' cases stay as they were for a seed.
	cases = append(cases, g.positivesV2(sz.PerVariant)...)
	cases = append(cases, g.negativesV2(sz.Contradictions)...)
	return cases
}

type generator struct {
	r      *rand.Rand
	ents   []*entity.Entity // sorted by ID
	group  map[string][]string
	listed map[string]bool           // word keys of every listed name
	phons  map[string]map[int32]bool // phon -> names holding it

	nameInfo []listedName // by the names' numbers in phons
	near     nearIndex

	// Built when first needed (see acronymOwners, peopleOf).
	acronyms  map[string][]string
	byCountry map[string][]listedPerson
	sources   map[*entity.Entity]string
}

// wordKeys returns two keys under which a name counts as listed: its
// words' phonetic skeletons sorted (any order, spelling, legal form), and
// the skeleton of its words run together ("Northstar" and "North Star").
func wordKeys(n names.Name) (sorted, joined string) {
	var ph []string
	for _, t := range n.Tokens {
		if t.Kind == names.Word || t.Kind == names.Number || t.Kind == names.Initial {
			ph = append(ph, t.Phon)
		}
	}
	joined = names.Phon(strings.Join(ph, ""))
	slices.Sort(ph)
	return strings.Join(ph, " "), joined
}

func newGenerator(ents []*entity.Entity, seed uint64) *generator {
	g := &generator{r: rand.New(rand.NewPCG(seed, seed^0x5eed)), listed: map[string]bool{}, phons: map[string]map[int32]bool{},
		near: nearIndex{deletions: map[string][]string{}, cons: map[string]map[int32]bool{}}, sources: map[*entity.Entity]string{}}
	byID := map[string]*entity.Entity{}
	for _, e := range ents {
		if _, ok := byID[e.ID]; !ok {
			byID[e.ID] = e
			g.ents = append(g.ents, e)
		}
	}
	slices.SortFunc(g.ents, func(a, b *entity.Entity) int { return strings.Compare(a.ID, b.ID) })
	g.group = sameParty(g.ents, byID)
	var n int32
	for _, e := range g.ents {
		for _, nm := range e.Names {
			a := names.Analyze(nm.Full)
			k1, k2 := wordKeys(a)
			g.listed[k1], g.listed["+"+k2] = true, true
			for _, t := range a.Tokens {
				if g.phons[t.Phon] == nil {
					g.phons[t.Phon] = map[int32]bool{}
				}
				g.phons[t.Phon][n] = true
			}
			g.addListedName(n, a)
			n++
		}
	}
	g.indexNear()
	return g
}

// nameKey is a name's tokens, sorted: equal for the same words in any
// order, case and punctuation.
func nameKey(n names.Name) string {
	f := n.Forms()
	slices.Sort(f)
	return strings.Join(f, " ")
}

// sameParty groups the IDs under which one party is listed: linked by a
// sameAs relation, or found by the matcher itself, on another list, under
// a name scoring at least sameScore with compatible dates of birth.
func sameParty(ents []*entity.Entity, byID map[string]*entity.Entity) map[string][]string {
	parent := map[string]string{}
	var find func(string) string
	find = func(x string) string {
		if p, ok := parent[x]; ok && p != x {
			r := find(p)
			parent[x] = r
			return r
		}
		return x
	}
	union := func(a, b string) {
		ra, rb := find(a), find(b)
		if ra != rb {
			if ra < rb {
				parent[rb] = ra
			} else {
				parent[ra] = rb
			}
		}
	}
	for _, e := range ents {
		parent[e.ID] = e.ID
	}
	cfg := match.DefaultConfig()
	ix := index.Build(ents, cfg)
	for _, e := range ents {
		for _, r := range e.Relations {
			if r.Type == "sameAs" && byID[r.Target] != nil {
				union(e.ID, r.Target)
			}
		}
		// Every strong name of the entity, so that a party listed under
		// its full name on one list and a shorter one on another meets.
		for _, n := range e.Names {
			if n.Kind == entity.WeakAlias {
				continue
			}
			p, err := cfg.Prepare(match.Query{Subject: entity.Subject{Name: n.Full, Schema: class(e.Schema)}}, ix)
			if err != nil {
				continue
			}
			for _, h := range ix.Search(p, index.Options{Threshold: sameScore}) {
				o := byID[h.EntityID]
				if o != nil && o.ID != e.ID && o.List != e.List && class(o.Schema) == class(e.Schema) && datesCompatible(o, e) {
					union(o.ID, e.ID)
				}
			}
		}
	}
	groups := map[string][]string{}
	for _, e := range ents {
		r := find(e.ID)
		groups[r] = append(groups[r], e.ID)
	}
	out := make(map[string][]string, len(ents))
	for _, e := range ents {
		out[e.ID] = groups[find(e.ID)]
	}
	return out
}

// sameScore is the score at which two listed names on different lists
// are taken for one party.
const sameScore = 0.92

func class(s entity.Schema) entity.Schema {
	if s.IsOrganization() {
		return entity.Organization
	}
	return s
}

func datesCompatible(a, b *entity.Entity) bool {
	if len(a.BirthDates) == 0 || len(b.BirthDates) == 0 {
		return true
	}
	for _, x := range a.BirthDates {
		for _, y := range b.BirthDates {
			if x.Overlaps(y) {
				return true
			}
		}
	}
	return false
}

func split(key string) string {
	h := fnv.New32a()
	h.Write([]byte(key))
	if h.Sum32()%2 == 0 {
		return "dev"
	}
	return "test"
}

// sourceName returns the entity's primary name if it is in Latin script.
func sourceName(e *entity.Entity) string {
	n := e.Caption()
	if !isLatin(n) || len(names.Analyze(n).Tokens) == 0 {
		return ""
	}
	return n
}

func (g *generator) positives(per int) []Case {
	var out []Case
	for _, v := range variants {
		order := g.r.Perm(len(g.ents))
		made := 0
		for _, i := range order {
			if made >= per {
				break
			}
			e := g.ents[i]
			isPerson, isOrg := e.Schema == entity.Person, e.Schema.IsOrganization()
			if isPerson && !v.persons || isOrg && !v.orgs || !isPerson && !isOrg && v.kind != "exact" && v.kind != "typo1" && v.kind != "case-punct" {
				continue
			}
			src := sourceName(e)
			if src == "" || !applies(v.kind, e, src) {
				continue
			}
			in := src
			if !isPerson {
				// Only people's names are written "LAST, First"; an
				// organisation's comma ("T-RUBBER CO., LTD") is no
				// reordering hint.
				in = strings.ReplaceAll(src, ",", "")
			}
			q := v.make(g.r, in)
			if q == "" || (v.kind != "exact" && q == src) || len(names.Analyze(q).Tokens) == 0 {
				continue
			}
			c := Case{Query: g.query(e, q), Expect: g.group[e.ID], Kind: v.kind, Split: split(e.ID), Source: src}
			out = append(out, c)
			made++
		}
	}
	return out
}

// originalScript makes cases of the names the publishers give in their
// original script (Arabic, Cyrillic, Chinese, ...): real cross-script
// variants. Evaluation must run on an index without those names (see
// LatinOnly), or they would find themselves.
func (g *generator) originalScript(per int) []Case {
	var out []Case
	for _, i := range g.r.Perm(len(g.ents)) {
		if len(out) >= per {
			break
		}
		e := g.ents[i]
		// Organisations' names in other scripts are mostly translations
		// ("Moroccan Islamic Combatant Group"), which no transliteration
		// can match; people's names are transliterations.
		if sourceName(e) == "" || e.Schema != entity.Person {
			continue
		}
		for _, n := range e.Names {
			if isLatin(n.Full) || len(names.Analyze(n.Full).Tokens) == 0 {
				continue
			}
			out = append(out, Case{Query: g.query(e, n.Full), Expect: g.group[e.ID], Kind: "original-script", Split: split(e.ID), Source: e.Caption()})
			break
		}
	}
	return out
}

// LatinOnly returns the entities with their names in non-Latin scripts
// removed (where a Latin name remains), so that the original-script cases
// test transliteration rather than finding their own name.
func LatinOnly(ents []*entity.Entity) []*entity.Entity {
	out := make([]*entity.Entity, len(ents))
	for i, e := range ents {
		var keep []entity.Name
		for _, n := range e.Names {
			if isLatin(n.Full) {
				keep = append(keep, n)
			}
		}
		if len(keep) == 0 || len(keep) == len(e.Names) {
			out[i] = e
			continue
		}
		c := *e
		c.Names = keep
		out[i] = &c
	}
	return out
}

// applies says whether a script variant suits the entity: Cyrillic for
// names from the former Soviet Union, Arabic script for Arabic and Persian
// names.
func applies(kind string, e *entity.Entity, src string) bool {
	switch kind {
	case "cyrillic":
		return fromCountries(e, sovietCountries...) || slavicSuffix(src)
	case "arabic":
		return fromCountries(e, arabicCountries...) || arabicParticle(src)
	}
	return true
}

var (
	// sovietCountries are the former Soviet Union's, whose people's names
	// are romanised from Cyrillic.
	sovietCountries = []string{"ru", "ua", "by", "kz", "kg", "tj", "uz", "tm", "md", "am", "az", "ge"}
	// arabicCountries are those whose people's names are romanised from
	// Arabic script (Arabic, Persian, Pashto, Urdu).
	arabicCountries = []string{"sy", "iq", "ir", "ye", "sa", "lb", "ly", "sd", "af", "pk", "eg", "jo", "ps", "so", "ae", "kw", "qa", "bh", "om", "dz", "ma", "tn"}
)

func fromCountries(e *entity.Entity, codes ...string) bool {
	for _, c := range codes {
		if slices.Contains(e.Nationalities, c) || slices.Contains(e.Citizenships, c) {
			return true
		}
	}
	return false
}

func slavicSuffix(n string) bool {
	for _, w := range words(strings.ToLower(n)) {
		for _, s := range []string{"ov", "ev", "ova", "eva", "in", "ina", "sky", "skiy", "enko", "vich", "vna", "ko"} {
			if len(w) > len(s)+2 && strings.HasSuffix(w, s) {
				return true
			}
		}
	}
	return false
}

func arabicParticle(n string) bool {
	for _, w := range words(strings.ToLower(strings.ReplaceAll(n, "-", " "))) {
		switch w {
		case "al", "bin", "abu", "abd", "abdul", "mohammed", "muhammad", "mohammad", "ahmad", "ahmed":
			return true
		}
	}
	return false
}

// query builds the query for a positive: half say the schema, some add
// the true date of birth or country, as an onboarding system would.
func (g *generator) query(e *entity.Entity, name string) match.Query {
	q := match.Query{Subject: entity.Subject{Name: name}}
	if g.r.IntN(2) == 0 {
		switch {
		case e.Schema == entity.Person:
			q.Schema = entity.Person
		case e.Schema.IsOrganization():
			q.Schema = entity.Organization
		default:
			q.Schema = e.Schema
		}
	}
	if e.Schema == entity.Person && len(e.BirthDates) > 0 && g.r.IntN(10) < 3 && !e.BirthDates[0].IsRange() {
		q.BirthDate = e.BirthDates[0].From.String()
	}
	if len(e.Nationalities) > 0 && g.r.IntN(10) < 2 {
		q.Country = e.Nationalities[0]
	}
	return q
}

func (g *generator) negatives(people []string, sz Sizes) []Case {
	var out []Case
	add := func(kind, name string, schema entity.Schema) {
		if name == "" || g.isListed(name) {
			return
		}
		out = append(out, Case{Query: match.Query{Subject: entity.Subject{Name: name, Schema: schema}}, Expect: []string{}, Kind: kind, Split: split(name)})
	}
	for _, f := range famous {
		add("famous", f, entity.Person)
	}
	var latin, other []string
	for _, p := range people {
		if isLatin(p) {
			latin = append(latin, p)
		} else {
			other = append(other, p)
		}
	}
	pick := func(list []string) string { return list[g.r.IntN(len(list))] }
	if len(latin) > 0 {
		for i := 0; i < sz.Unlisted; i++ {
			add("unlisted-person", pick(latin), schemaMaybe(g.r, entity.Person))
		}
		persons := g.persons()
		for i := 0; i < sz.SharedSurname && len(persons) > 0; i++ {
			e := persons[g.r.IntN(len(persons))]
			last := lastName(e.Caption())
			first := words(pick(latin))[0]
			add("shared-surname", g.unlessBoth(first, last, first+" "+titleWord(strings.ToLower(last))), schemaMaybe(g.r, entity.Person))
		}
		for i := 0; i < sz.SharedGiven && len(persons) > 0; i++ {
			e := persons[g.r.IntN(len(persons))]
			first := firstName(e.Caption())
			w := words(pick(latin))
			last := w[len(w)-1]
			add("shared-given", g.unlessBoth(first, last, titleWord(strings.ToLower(first))+" "+last), schemaMaybe(g.r, entity.Person))
		}
	}
	for i := 0; i < sz.OtherScripts && len(other) > 0; i++ {
		add("unlisted-other-script", pick(other), "")
	}
	for i := 0; i < sz.Orgs; i++ {
		add("unlisted-org", g.company(latin), schemaMaybe(g.r, entity.Organization))
	}
	return out
}

func schemaMaybe(r *rand.Rand, s entity.Schema) entity.Schema {
	if r.IntN(2) == 0 {
		return s
	}
	return ""
}

// isListed reports whether the name is a listed name in any word order,
// spelling, legal form, or with its words run together, or whether some
// listed name holds all its words: a bank should see "Mohamad Hashem"
// when "Mohamad Hashem Qassem" is listed, so it is no negative.
func (g *generator) isListed(name string) bool {
	a := names.Analyze(name)
	k1, k2 := wordKeys(a)
	if g.listed[k1] || g.listed["+"+k2] {
		return true
	}
	var phons []string
	for _, t := range a.Tokens {
		if t.Kind == names.Word {
			phons = append(phons, t.Phon)
		}
	}
	if len(phons) == 0 {
		return false
	}
	for n := range g.phons[phons[0]] {
		all := true
		for _, p := range phons[1:] {
			if !g.phons[p][n] {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// unlessBoth returns name unless some listed name has both words
// (phonetically): then the "negative" might be a listed person.
func (g *generator) unlessBoth(a, b, name string) string {
	pa, pb := phonOf(a), phonOf(b)
	if pa == "" || pb == "" || pa == pb {
		return ""
	}
	for n := range g.phons[pa] {
		if g.phons[pb][n] {
			return ""
		}
	}
	return name
}

func phonOf(w string) string {
	if t := names.Analyze(w).Tokens; len(t) == 1 && t[0].Kind == names.Word {
		return t[0].Phon
	}
	return ""
}

func (g *generator) persons() []*entity.Entity {
	var out []*entity.Entity
	for _, e := range g.ents {
		if e.Schema == entity.Person && strings.Contains(e.Caption(), ",") && sourceName(e) != "" {
			out = append(out, e)
		}
	}
	return out
}

func lastName(n string) string {
	last, _, _ := strings.Cut(n, ",")
	w := words(last)
	return w[len(w)-1]
}

func firstName(n string) string {
	_, rest, _ := strings.Cut(n, ",")
	w := words(rest)
	if len(w) == 0 {
		return ""
	}
	return w[0]
}

var (
	orgPlaces = []string{"Nordic", "Atlantic", "Pacific", "Alpine", "Baltic", "Iberian", "Danube", "Rhine", "Sunrise", "Silverline", "Greenfield", "Blue Harbor", "Northstar", "Redwood", "Cedar", "Lakeside", "Highland", "Meridian", "Summit", "Evergreen", "Oakwood", "Riverside", "Westbrook", "Eastgate", "Horizon", "Crescent", "Pioneer", "Harbor", "Keystone", "Sterling"}
	orgWords  = []string{"Trading", "Shipping", "Logistics", "Holdings", "Capital", "Partners", "Foods", "Textiles", "Software", "Engineering", "Consulting", "Imports", "Pharma", "Motors", "Energy", "Mining", "Construction", "Insurance", "Bank", "Investments", "Agro", "Media", "Telecom", "Chemicals", "Electronics", "Marine", "Aviation", "Retail", "Furniture", "Packaging"}
	orgForms  = []string{"LLC", "Ltd", "GmbH", "AG", "S.A.", "Inc.", "Co.", "PLC", "B.V.", "AB", "OOO", "JSC", ""}
)

// company makes a plausible company name: a place word or a surname from
// the corpus, a business word, a legal form.
func (g *generator) company(latin []string) string {
	var b strings.Builder
	if g.r.IntN(3) == 0 && len(latin) > 0 {
		w := words(latin[g.r.IntN(len(latin))])
		b.WriteString(w[len(w)-1])
	} else {
		b.WriteString(orgPlaces[g.r.IntN(len(orgPlaces))])
	}
	b.WriteString(" " + orgWords[g.r.IntN(len(orgWords))])
	if f := orgForms[g.r.IntN(len(orgForms))]; f != "" {
		b.WriteString(" " + f)
	}
	return b.String()
}

// ReadPeople reads names of people from the NMVW/Wikidata name-pair file
// (name1 TAB name2 TAB TRUE|FALSE): every name with two to four words,
// letters only, deduplicated, in file order.
func ReadPeople(r io.Reader) ([]string, error) {
	seen := map[string]bool{}
	var out []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("name pairs line %d: %d fields, want 3", line, len(f))
		}
		for _, n := range f[:2] {
			n = strings.TrimSpace(n)
			if seen[n] || !plainName(n) {
				continue
			}
			seen[n] = true
			out = append(out, n)
		}
	}
	return out, sc.Err()
}

func plainName(n string) bool {
	w := strings.Fields(n)
	if len(w) < 2 || len(w) > 4 || len(n) > 40 {
		return false
	}
	for _, r := range n {
		if !(unicode.IsLetter(r) || r == ' ' || r == '-' || r == '\'' || unicode.IsMark(r)) {
			return false
		}
	}
	return true
}
