package ofac

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
)

// fact is one labelled statement about an entity, as any of OFAC's formats
// gives it: a remarks clause, an sdn.xml id element, an enhanced feature or
// identity document.
type fact struct {
	// label is OFAC's label, e.g. "Passport", "Website", "Birthdate".
	label string
	// value is the value as written.
	value string
	// country is the issuing country, as written, for identifiers.
	country string
	// code is the ISO code of the fact's country when the format gives it
	// (enhanced XML); it wins over country and over a country value.
	code string
	// date is the date when the format gives it parsed (enhanced XML).
	date *entity.DateRange
	// note is remarks on the fact: issue and expiry dates, reliability.
	note string
	// text is the fact as written, for Notes; empty means label + value.
	text string
}

// noteText returns the fact as a note.
func (f fact) noteText() string {
	if f.text != "" {
		return f.text
	}
	s := strings.TrimSpace(f.label + " " + f.value)
	if f.country != "" {
		s += " (" + f.country + ")"
	}
	if f.note != "" {
		s += " " + f.note
	}
	return s
}

// mapper maps facts onto entities and records what it cannot map.
type mapper struct {
	warnings source.Warnings
	// file and line locate the record being mapped, for warnings.
	file string
	line int
}

func (m *mapper) warnf(field, format string, args ...any) {
	m.warnings.Add(m.file, m.line, field, fmt.Sprintf(format, args...))
}

// apply maps one fact onto e. field names the format's element or column
// the fact came from, for warnings.
func (m *mapper) apply(e *entity.Entity, f fact, field string) {
	f.value = strings.TrimSpace(f.value)
	if f.value == "" && f.date == nil {
		return
	}
	r, ok := lookupLabel(f.label)
	if !ok {
		m.warnf(field, "unknown label %q: kept as a note", f.label)
		addNote(e, f.noteText())
		return
	}
	switch r.kind {
	case factIdentifier:
		m.addIdentifier(e, r.prop, f, field)
	case factProp:
		e.AddProp(r.prop, f.value)
	case factNote:
		addNote(e, f.noteText())
	case factBirthDate:
		m.addDate(e, f, field)
	case factBirthPlace:
		addUnique(&e.BirthPlaces, f.value)
	case factNationality, factCitizenship, factCountry, factFlag, factPastFlag:
		m.addCountryFact(e, r.kind, f, field)
	case factGender:
		m.setGender(e, f.value, field)
	case factAlias, factWeakAlias, factPrevious:
		addName(e, f.value, nameKinds[r.kind])
	case factRelation:
		addRelation(e, entity.Relation{Type: "linkedTo", Name: f.value})
	}
}

var nameKinds = map[factKind]entity.NameKind{
	factAlias: entity.Alias, factWeakAlias: entity.WeakAlias, factPrevious: entity.Previous,
}

var sevenDigits = regexp.MustCompile(`^\d{7}$`)

func (m *mapper) addIdentifier(e *entity.Entity, typ string, f fact, field string) {
	if f.country == "" && f.code == "" {
		// The XML formats sometimes keep the country in the number:
		// <idNumber>1026303117642 (Russia)</idNumber>.
		if body, c, ok := cutParenTail(f.value); ok && body != "" {
			if _, known := countryCode(c); known {
				f.value, f.country = body, c
			}
		}
	}
	switch {
	case strings.HasPrefix(strings.ToUpper(f.value), "IMO"):
		// "Vessel Registration Identification IMO 9000000", "Company
		// Number IMO 5055293", "Identification Number IMO 5342883".
		typ = entity.IDIMO
	case typ == entity.IDIMO && !sevenDigits.MatchString(f.value):
		// "Vessel Registration Identification RS 150443 (Russia)" is a
		// national register number, not an IMO number.
		typ = entity.IDRegistration
	}
	id := entity.Identifier{Type: typ, Value: f.value, Label: strings.TrimSpace(f.label), Note: f.note}
	id.Country = f.code
	if id.Country == "" && f.country != "" {
		id.Country = m.countryOf(f.country, field)
	}
	e.AddIdentifier(id)
}

func (m *mapper) addDate(e *entity.Entity, f fact, field string) {
	if f.date != nil {
		e.AddBirthDate(*f.date)
		return
	}
	d, err := source.ParseDateText(f.value)
	if err != nil {
		m.warnf(field, "unreadable %s date: kept as a note", strings.TrimSpace(f.label))
		addNote(e, f.noteText())
		return
	}
	e.AddBirthDate(d)
}

func (m *mapper) addCountryFact(e *entity.Entity, kind factKind, f fact, field string) {
	code := f.code
	if code == "" {
		code = m.countryOf(f.value, field)
	}
	if code == "" {
		addNote(e, f.noteText())
		return
	}
	switch kind {
	case factNationality:
		entity.AddCountry(&e.Nationalities, code)
	case factCitizenship:
		entity.AddCountry(&e.Citizenships, code)
	case factCountry:
		entity.AddCountry(&e.Countries, code)
	case factFlag:
		e.AddProp("flag", code)
	case factPastFlag:
		e.AddProp("pastFlags", code)
	}
}

func (m *mapper) setGender(e *entity.Entity, v, field string) {
	g := strings.ToLower(strings.TrimSuffix(strings.TrimSpace(v), "."))
	if g != "male" && g != "female" {
		m.warnf(field, "unknown gender %q: kept as a note", v)
		addNote(e, "Gender "+v)
		return
	}
	e.Gender = g
}

// countryOf returns the code of a country name, or "" with a warning when
// the name is not known. Names that say there is no country
// ("undetermined") give "" without a warning.
func (m *mapper) countryOf(name, field string) string {
	code, ok := countryCode(name)
	if !ok && !noCountry(name) {
		m.warnf(field, "unknown country %q", name)
	}
	return code
}

// addName appends a name; a person's "LAST, First" is split into parts.
func addName(e *entity.Entity, full string, kind entity.NameKind) {
	n := entity.Name{Full: strings.TrimSpace(full), Kind: kind}
	if e.Schema == entity.Person {
		n.Last, n.First = splitPersonName(n.Full)
	}
	e.AddName(n)
}

// splitPersonName splits OFAC's "LAST, First Middle" at the first comma.
// A name without a comma (a nickname, an online handle) has no parts.
func splitPersonName(full string) (last, first string) {
	last, first, ok := strings.Cut(full, ",")
	if !ok {
		return "", ""
	}
	return strings.TrimSpace(last), strings.TrimSpace(first)
}

func addRelation(e *entity.Entity, r entity.Relation) {
	for _, x := range e.Relations {
		if x == r {
			return
		}
	}
	e.Relations = append(e.Relations, r)
}

func addNote(e *entity.Entity, note string) {
	addUnique(&e.Notes, note)
}

func addUnique(list *[]string, v string) {
	v = strings.TrimSpace(v)
	if v == "" {
		return
	}
	for _, x := range *list {
		if x == v {
			return
		}
	}
	*list = append(*list, v)
}
