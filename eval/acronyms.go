package eval

import (
	"slices"
	"strings"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/names"
)

// acronymStop are the words an acronym leaves out.
var acronymStop = map[string]bool{"of": true, "the": true, "and": true, "for": true, "in": true, "on": true, "at": true,
	"to": true, "und": true, "et": true, "y": true, "e": true, "ve": true, "&": true}

// acronym writes an organisation of three to six significant words by
// their initials (Islamic Republic of Iran Shipping Lines: IRISL), leaving
// out particles, small words, legal forms and qualifiers in parentheses;
// some with dots, some with the legal form after them. An organisation
// whose name holds an acronym or a number is left alone, and so is one
// whose initials the lists already give (as a name or a word of one) or
// share with another listed organisation: there the acronym names no
// one party.
func acronym(g *generator, e *entity.Entity, src string) string {
	letters, form := initials(src)
	if e.Schema == entity.LegalEntity && form == "" {
		return "" // a LegalEntity may be a person: Glenda Joyce Tucker
	}
	if letters == "" || g.isListed(letters) {
		return ""
	}
	if owners := g.acronymOwners()[letters]; len(owners) != 1 {
		return ""
	}
	out := letters
	if g.r.IntN(5) == 0 {
		out = strings.Join(strings.Split(letters, ""), ".") + "."
	}
	if form != "" && g.r.IntN(3) == 0 {
		out += " " + form
	}
	return out
}

// initials returns the initials of a name's significant words and its
// legal form as written, or "" when the name has fewer than three or more
// than six such words, or a word that is itself an acronym or a number.
func initials(name string) (letters, form string) {
	if strings.ContainsAny(name, "()-") {
		// A qualifier in parentheses often holds the acronym already
		// (Oil Turbocompressor Engineering Co. (OTEC)); a hyphenated
		// brand (Ferrite-Domen) is no two words of one.
		return "", ""
	}
	// Russian state enterprises' descriptors are their legal form, which
	// Analyze does not read as one: FSUE Atomflot is no FSUEA.
	for _, d := range stateForms {
		if len(name) > len(d) && strings.EqualFold(name[:len(d)], d) {
			name = name[len(d):]
			break
		}
	}
	comma := strings.IndexByte(name, ',')
	a := names.Analyze(name)
	var b strings.Builder
	n, formAt := 0, -1
	for _, t := range a.Tokens {
		raw := name[t.Start:t.End]
		switch {
		case t.Kind == names.LegalForm:
			if formAt < 0 {
				formAt = t.Start
			}
			form = strings.TrimSpace(name[formAt:t.End])
			continue
		case comma >= 0 && t.Start > comma:
			// After a comma, only a legal form: "Tactical Missiles
			// Corporation, Ravenstvo-service JSC" is two names.
			return "", ""
		case t.Kind == names.Title:
			return "", "" // a business named for a person: Haji Khairullah Haji Sattar Money Exchange
		case t.Kind == names.Particle || acronymStop[t.Form]:
			continue
		case t.Kind != names.Word || len(t.Form) < 2 || !isLatin(raw):
			return "", ""
		case len(raw) <= 4 && upperWord(raw) && !upperWord(name):
			return "", "" // an acronym in the name: VTB Bank
		}
		b.WriteByte(t.Form[0])
		n++
	}
	if n < 3 || n > 6 || !slices.ContainsFunc(a.Tokens, func(t names.Token) bool { return acronymWords[t.Form] }) {
		return "", ""
	}
	return strings.ToUpper(b.String()), form
}

// acronymWords are the English words of the names that go by acronyms:
// an organisation with none (Basaran Nakliyat ve Dis Ticaret, Xiang Cheng
// Gao Trading) is rarely written by its initials.
var acronymWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`bank banking corporation organization organisation institute committee agency
		force forces group industries industry center centre office ministry council party front army association
		foundation union authority service services team factory plant shipping lines systems engineering technology
		technologies research development national international investment investments company commission bureau
		directorate department administration movement brigade regiment division battalion guard guards corps
		network media society federation academy university enterprise enterprises holding holdings trust fund
		petroleum oil gas energy electronics aviation airlines aerospace chemical chemicals defense defence`) {
		acronymWords[w] = true
	}
}

// stateForms are the descriptors Russian state bodies' names begin with.
var stateForms = []string{"Federal State Unitary Enterprise", "Federal State Budgetary Institution", "Federal State Institution",
	"Federal State Budgetary Educational Institution", "State Unitary Enterprise", "Federal State Autonomous Institution"}

// acronymOwners maps the initials of every strong name of a listed
// organisation to the parties (by their group's first ID) that have them.
func (g *generator) acronymOwners() map[string][]string {
	if g.acronyms != nil {
		return g.acronyms
	}
	g.acronyms = map[string][]string{}
	for _, e := range g.ents {
		if !e.Schema.IsOrganization() {
			continue
		}
		for _, n := range e.Names {
			if n.Kind == entity.WeakAlias {
				continue
			}
			if l, _ := initials(n.Full); l != "" {
				party := g.group[e.ID][0]
				if !slices.Contains(g.acronyms[l], party) {
					g.acronyms[l] = append(g.acronyms[l], party)
				}
			}
		}
	}
	return g.acronyms
}
