package un

import (
	"encoding/xml"
	"fmt"
	"regexp"
	"strings"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
)

// mapper turns one record into an entity, counting what it cannot map.
type mapper struct {
	file string
	line int
	kind string // "INDIVIDUAL" or "ENTITY", for warning field names
	warn *source.Warnings
	e    *entity.Entity
}

func (m *mapper) warnf(field, format string, args ...any) {
	if !strings.HasPrefix(field, "@") {
		field = "/" + field
	}
	m.warn.Add(m.file, m.line, m.kind+field, fmt.Sprintf(format, args...))
}

// note appends a free-text remark to the entity's notes.
func (m *mapper) note(format string, args ...any) {
	n := fmt.Sprintf(format, args...)
	for _, x := range m.e.Notes {
		if x == n {
			return
		}
	}
	m.e.Notes = append(m.e.Notes, n)
}

// mapRecord maps a decoded record. It fails only when the record has no
// reference number or no name, since such a record cannot be screened.
func mapRecord(rec *record, raw []byte, file string, line int, w *source.Warnings) (*entity.Entity, error) {
	kind := rec.XMLName.Local
	m := &mapper{file: file, line: line, kind: kind, warn: w}
	ref := source.Clean(rec.ReferenceNumber)
	if ref == "" {
		return nil, source.Errorf(source.ErrMalformed, file, line, kind+"/REFERENCE_NUMBER", "%s has no reference number", kind)
	}
	m.e = &entity.Entity{
		ID:     "un-" + ref,
		Schema: entity.Organization,
		List:   ListName,
		Raw:    entity.Raw{Format: "xml", Text: string(raw)},
	}
	if kind == "INDIVIDUAL" {
		m.e.Schema = entity.Person
	}
	full := source.Join(" ", source.Clean(rec.FirstName), source.Clean(rec.SecondName), source.Clean(rec.ThirdName), source.Clean(rec.FourthName))
	if full == "" {
		return nil, source.Errorf(source.ErrMalformed, file, line, kind+"/FIRST_NAME", "%s %s has no name", kind, ref)
	}
	m.e.Names = append(m.e.Names, entity.Name{Full: full, Kind: entity.Primary, Script: source.ScriptOf(full)})
	if s := source.Clean(rec.NameOriginalScript); s != "" {
		m.addName(entity.Name{Full: s, Kind: entity.Alias, Script: source.ScriptOf(s)})
	}
	m.listing(rec)
	for _, a := range append(rec.IndividualAliases, rec.EntityAliases...) {
		m.alias(a)
	}
	m.person(rec)
	for _, a := range append(rec.IndividualAddress, rec.EntityAddress...) {
		m.address(a)
	}
	for _, d := range rec.DatesOfBirth {
		m.dateOfBirth(d)
	}
	m.checkHijri(rec.DatesOfBirth)
	for _, p := range rec.PlacesOfBirth {
		m.placeOfBirth(p)
	}
	for _, d := range rec.Documents {
		m.document(d)
	}
	m.relations(ref)
	m.unknown(rec)
	return m.e, nil
}

// listing maps the facts about the designation itself.
func (m *mapper) listing(rec *record) {
	if p := source.Clean(rec.UNListType); p != "" {
		m.e.Programs = append(m.e.Programs, p)
	}
	if s := source.Clean(rec.ListedOn); s != "" {
		d, err := parseDate(s)
		if err != nil {
			m.warnf("LISTED_ON", "unreadable listing date %q", s)
		}
		m.e.ListingDate = d
	}
	if c := source.Clean(rec.Comments1); c != "" {
		m.e.Notes = append(m.e.Notes, c)
	}
	for _, v := range m.values(rec.LastDayUpdated, "LAST_DAY_UPDATED") {
		if _, err := parseDate(v); err != nil {
			m.warnf("LAST_DAY_UPDATED/VALUE", "unreadable update date %q", v)
			continue
		}
		m.e.AddProp("modifiedAt", v)
	}
	for _, v := range m.values(rec.ListType, "LIST_TYPE") {
		// Every record says "UN List": it names the list, not the party.
		if v != "UN List" {
			m.warnf("LIST_TYPE/VALUE", "unknown list type %q", v)
		}
	}
	for _, v := range m.values(rec.SubmittedBy, "SUBMITTED_BY") {
		m.note("Submitted by: %s", v)
	}
}

// person maps the fields only individuals have in practice.
func (m *mapper) person(rec *record) {
	switch g := strings.ToLower(source.Clean(rec.Gender)); g {
	case "":
	case "male", "female":
		m.e.Gender = g
	default:
		m.warnf("GENDER", "unknown gender %q", rec.Gender)
	}
	m.e.AddProp("title", m.values(rec.Title, "TITLE")...)
	m.e.AddProp("position", m.values(rec.Designation, "DESIGNATION")...)
	for _, v := range m.values(rec.Nationality, "NATIONALITY") {
		if notAvailable(v) {
			continue
		}
		c, ok := countryCode(v)
		if !ok {
			m.warnf("NATIONALITY/VALUE", "unknown country %q", v)
			continue
		}
		entity.AddCountry(&m.e.Nationalities, c)
	}
}

// values returns the cleaned, non-empty values of list fields.
func (m *mapper) values(vs []values, field string) []string {
	var out []string
	for _, v := range vs {
		for _, s := range v.Values {
			if s = source.Clean(s); s != "" {
				out = append(out, s)
			}
		}
		if s := source.Clean(v.Text); s != "" {
			out = append(out, s)
		}
		m.unknownIn(field, v.Unknown, v.UnknownAttrs)
	}
	return out
}

// alias maps an alias by its quality: "Good" and "a.k.a." are strong
// aliases, "Low" weak ones (nicknames, kunyas), "f.k.a." former names.
func (m *mapper) alias(a alias) {
	field := m.kind + "_ALIAS"
	m.unknownIn(field, a.Unknown, a.UnknownAttrs)
	name := source.Clean(a.Name)
	if name == "" {
		if source.Clean(a.Note+a.DateOfBirth+a.CityOfBirth+a.CountryOfBirth) != "" {
			m.warnf(field+"/ALIAS_NAME", "alias details without a name, not mapped")
		}
		return
	}
	kind := entity.Alias
	switch q := source.Clean(a.Quality); strings.ToLower(q) {
	case "good", "a.k.a.":
	case "low":
		kind = entity.WeakAlias
	case "f.k.a.":
		kind = entity.Previous
	default:
		m.warnf(field+"/QUALITY", "unknown alias quality %q, mapped to alias", q)
	}
	m.addName(entity.Name{Full: name, Kind: kind, Script: source.ScriptOf(name)})
	// An alias may come with the date and place of birth used under it;
	// the entity model has no per-name dates, so they join the entity's.
	if s := source.Clean(a.DateOfBirth); s != "" {
		r, err := parseDateRange(s)
		if err != nil {
			m.warnf(field+"/DATE_OF_BIRTH", "unreadable date of birth, kept in notes")
			m.note("Alias %s: date of birth %s", name, s)
		}
		m.e.AddBirthDate(r)
	}
	m.addBirthPlace(source.Join(", ", source.Clean(a.CityOfBirth), source.Clean(a.CountryOfBirth)))
	if n := source.Clean(a.Note); n != "" {
		m.note("Alias %s: %s", name, n)
	}
}

// addName appends a name unless the same name of the same kind is there.
func (m *mapper) addName(n entity.Name) {
	for _, x := range m.e.Names {
		if x.Full == n.Full && x.Kind == n.Kind {
			return
		}
	}
	m.e.Names = append(m.e.Names, n)
}

// refRe matches UN reference numbers cited in comments: "QDe.137".
var refRe = regexp.MustCompile(`\b[A-Z]{2}[ie]\.\d{3}\b`)

// relations links the entity to the other listings its notes cite.
func (m *mapper) relations(self string) {
	for _, n := range m.e.Notes {
		for _, ref := range refRe.FindAllString(n, -1) {
			if ref == self {
				continue
			}
			r := entity.Relation{Type: "linkedTo", Target: "un-" + ref}
			if !containsRelation(m.e.Relations, r) {
				m.e.Relations = append(m.e.Relations, r)
			}
		}
	}
}

func containsRelation(rs []entity.Relation, r entity.Relation) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// unknown warns about elements and attributes of the record that no
// field names, so that a change of the format is noticed.
func (m *mapper) unknown(rec *record) {
	m.unknownIn("", rec.Unknown, rec.UnknownAttrs)
}

func (m *mapper) unknownIn(field string, els []source.UnknownElement, attrs []xml.Attr) {
	prefix := ""
	if field != "" {
		prefix = field + "/"
	}
	for _, u := range els {
		m.warnf(prefix+u.XMLName.Local, "unknown element, not mapped")
	}
	for _, a := range attrs {
		m.warnf(strings.TrimSuffix(prefix, "/")+"@"+a.Name.Local, "unknown attribute, not mapped")
	}
}
