package uk

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/vetoscreen/veto/entity"
)

// OFSI's "Other Information" cell carries facts that have no column of
// their own, each after a label in brackets: "(UK Sanctions List
// Ref):RUS0252. ... (UK Statement of Reasons):... (Gender):Male". The
// whole cell is kept as a note; the labelled facts below are also mapped.
// Text after a label that is not listed here stays part of the value
// before it, so an unknown label loses nothing: it is still in the note.
var infoFields = []struct {
	label string
	apply func(m *mapper, e *entity.Entity, line int, v string)
}{
	{"UK Sanctions List Ref", (*mapper).infoUKRef},
	{"UN Ref", (*mapper).infoUNRef},
	{"UK Statement of Reasons", nil}, // kept in the note
	{"Gender", func(m *mapper, e *entity.Entity, line int, v string) { m.gender(e, line, "Gender", clean(v)) }},
	{"Phone number", infoProp("phone")},
	{"Tel", infoProp("phone")},
	{"Fax", infoProp("fax")},
	{"Email address", infoProp("email")},
	{"Website", infoProp("website")},
	{"Type of entity", infoProp("legalForm")},
	{"Parent company", infoRelation("parent")},
	{"Subsidiaries", infoRelation("subsidiary")},
	{"Business Reg No", func(m *mapper, e *entity.Entity, line int, v string) {
		for _, s := range texts(v) {
			addIdentifier(e, entity.IDRegistration, "Business registration number", clean(s), "")
		}
	}},
	{"IMO number", func(m *mapper, e *entity.Entity, line int, v string) {
		addIdentifier(e, entity.IDIMO, "IMO number", clean(v), "")
	}},
	{"Flag of ship", infoCountries("flag")},
	{"Previous flags", infoCountries("pastFlags")},
	{"Type of ship", infoProp("vesselType")},
	{"Tonnage of ship", infoProp("tonnage")},
	{"Length of ship", infoProp("length")},
	{"Year built", func(m *mapper, e *entity.Entity, line int, v string) { m.birthDate(e, line, "Year built", clean(v)) }},
	{"Current owners", infoProp("owner")},
}

// infoRe finds the labels of infoFields.
var infoRe = func() *regexp.Regexp {
	labels := make([]string, len(infoFields))
	for i, f := range infoFields {
		labels[i] = regexp.QuoteMeta(f.label)
	}
	return regexp.MustCompile(`\((` + strings.Join(labels, "|") + `)\):`)
}()

// otherInfo maps the labelled facts of an Other Information cell.
func (m *mapper) otherInfo(e *entity.Entity, line int, text string) {
	locs := infoRe.FindAllStringSubmatchIndex(text, -1)
	for i, loc := range locs {
		end := len(text)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		label, value := text[loc[2]:loc[3]], strings.TrimSpace(text[loc[1]:end])
		if value == "" {
			continue
		}
		for _, f := range infoFields {
			if f.label == label && f.apply != nil {
				f.apply(m, e, line, value)
			}
		}
	}
}

var (
	// ukRefRe reads "RUS0252" and "INU0082 and SYR0116" at the start of a
	// UK Sanctions List Ref.
	ukRefRe = regexp.MustCompile(`^[A-Z]{2,4}\d{3,5}(?:\s*(?:,|and|&)\s*[A-Z]{2,4}\d{3,5})*`)
	ukIDRe  = regexp.MustCompile(`[A-Z]{2,4}\d{3,5}`)
	// unRefRe reads "QDi.017" at the start of a UN Ref, and the variants
	// "QDE.145" and "CDi. 038" that occur in the list.
	unRefRe = regexp.MustCompile(`^([A-Z]{2}[A-Za-z])\.\s?(\d+)`)
)

// infoUKRef links the OFSI group to its FCDO designations. A few groups
// give their UN reference here instead ("SDi.005").
func (m *mapper) infoUKRef(e *entity.Entity, line int, v string) {
	refs := ukRefRe.FindString(v)
	if refs == "" && unRefRe.MatchString(v) {
		m.infoUNRef(e, line, v)
		return
	}
	if refs == "" {
		m.warn(line, "UK Sanctions List Ref", "unreadable reference %q", clip(v))
		return
	}
	for _, id := range ukIDRe.FindAllString(refs, -1) {
		addRelation(e, entity.Relation{Type: "sameAs", Target: "uk-" + id})
	}
}

// infoUNRef links the OFSI group to its UN designation.
func (m *mapper) infoUNRef(e *entity.Entity, line int, v string) {
	ref := unRefRe.FindStringSubmatch(v)
	if ref == nil {
		m.warn(line, "UN Ref", "unreadable reference %q", clip(v))
		return
	}
	// The UN writes the kind letter in lower case: QDi (individual), QDe.
	id := ref[1][:2] + strings.ToLower(ref[1][2:]) + "." + ref[2]
	addRelation(e, entity.Relation{Type: "sameAs", Target: "un-" + id})
}

// infoProp returns a mapper of a possibly numbered value list to a prop.
func infoProp(prop string) func(*mapper, *entity.Entity, int, string) {
	return func(_ *mapper, e *entity.Entity, _ int, v string) {
		for _, s := range texts(v) {
			e.AddProp(prop, clean(s))
		}
	}
}

// infoRelation returns a mapper of named parties to relations.
func infoRelation(typ string) func(*mapper, *entity.Entity, int, string) {
	return func(_ *mapper, e *entity.Entity, _ int, v string) {
		for _, s := range texts(v) {
			addRelation(e, entity.Relation{Type: typ, Name: clean(s)})
		}
	}
}

// infoCountries returns a mapper of country names to a prop of codes.
func infoCountries(prop string) func(*mapper, *entity.Entity, int, string) {
	return func(m *mapper, e *entity.Entity, line int, v string) {
		for _, s := range texts(v) {
			e.AddProp(prop, m.countries(line, prop, clean(s))...)
		}
	}
}

// clean trims spaces and the full stop that ends a labelled value.
func clean(s string) string {
	return strings.TrimRightFunc(strings.TrimSpace(s), func(r rune) bool {
		return unicode.IsSpace(r) || r == '.' || r == ';'
	})
}

// clip shortens a value for a warning message.
func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
