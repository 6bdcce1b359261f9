package eu

import (
	"encoding/xml"
	"fmt"
	"slices"
	"strings"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
)

// mapper turns one sanctionEntity into an entity, counting what it cannot
// map.
type mapper struct {
	file string
	line int
	warn *source.Warnings
	e    *entity.Entity
}

func (m *mapper) warnf(field, format string, args ...any) {
	if !strings.HasPrefix(field, "@") {
		field = "/" + field
	}
	m.warn.Add(m.file, m.line, "sanctionEntity"+field, fmt.Sprintf(format, args...))
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

// mapEntity maps a decoded sanctionEntity. It fails only when the entity
// has no logicalId or no name, since such a record cannot be screened.
func mapEntity(se *sanctionEntity, raw []byte, file string, line int, w *source.Warnings) (*entity.Entity, error) {
	m := &mapper{file: file, line: line, warn: w}
	id := source.Clean(se.LogicalID)
	if id == "" {
		return nil, source.Errorf(source.ErrMalformed, file, line, "sanctionEntity@logicalId", "sanctionEntity has no logicalId")
	}
	m.e = &entity.Entity{
		ID:     "eu-" + id,
		Schema: m.schema(se.SubjectTypes),
		List:   ListName,
		Raw:    entity.Raw{Format: "xml", Text: string(raw)},
	}
	m.designation(se)
	for i, n := range se.NameAliases {
		m.nameAlias(n, i == 0)
	}
	if len(m.e.Names) == 0 {
		return nil, source.Errorf(source.ErrMalformed, file, line, "sanctionEntity/nameAlias", "sanctionEntity %s has no name", id)
	}
	for _, c := range se.Citizenships {
		m.citizenship(c)
	}
	for _, b := range se.Birthdates {
		m.birthdate(b)
	}
	for _, a := range se.Addresses {
		m.address(a)
	}
	for _, x := range se.Identifications {
		m.identification(x)
	}
	m.unknownIn("", se.Unknown, se.UnknownAttrs)
	return m.e, nil
}

// schema maps subjectType: person is a Person, enterprise an Organization
// (the EU does not say whether an enterprise is a company).
func (m *mapper) schema(ts []subjectType) entity.Schema {
	if len(ts) == 0 {
		m.warnf("subjectType", "no subject type, mapped to LegalEntity")
		return entity.LegalEntity
	}
	t := ts[0]
	for _, x := range ts {
		m.unknownIn("subjectType", x.Unknown, x.UnknownAttrs)
	}
	switch code, class := source.Clean(t.Code), source.Clean(t.ClassificationCode); {
	case code == "person" && (class == "P" || class == ""):
		return entity.Person
	case code == "enterprise" && (class == "E" || class == ""):
		return entity.Organization
	default:
		m.warnf("subjectType@code", "unknown subject type %q (%q), mapped to LegalEntity", code, class)
		return entity.LegalEntity
	}
}

// designation maps the facts about the listing itself.
func (m *mapper) designation(se *sanctionEntity) {
	if s := source.Clean(se.DesignationDate); s != "" {
		d, err := parseDate(s)
		if err != nil {
			m.warnf("@designationDate", "unreadable designation date %q", s)
		}
		m.e.ListingDate = d
	}
	for _, r := range se.Remarks {
		if r = source.Clean(r); r != "" {
			m.note("%s", r)
		}
	}
	if s := source.Clean(se.DesignationDetails); s != "" {
		m.note("%s", s)
	}
	if s := source.Clean(se.EUReferenceNumber); s != "" {
		m.e.AddProp("euReferenceNumber", s)
	}
	if s := source.Clean(se.UnitedNationID); s != "" {
		// The same designation on the UN list, whose veto ID is "un-" and
		// its reference number.
		m.e.Relations = append(m.e.Relations, entity.Relation{Type: "sameAs", Target: "un-" + s})
	}
	for _, r := range se.Regulations {
		m.unknownIn("regulation", r.Unknown, r.UnknownAttrs)
		if p := source.Clean(r.Programme); p != "" && !slices.Contains(m.e.Programs, p) {
			m.e.Programs = append(m.e.Programs, p)
		}
		// The act's number and Official Journal reference ("2022/332
		// (OJ L53)"): the legal basis an analyst cites, shown beside the
		// programme.
		m.e.AddProp("legalAuthority", source.Clean(r.NumberTitle))
		for _, u := range r.PublicationURL {
			m.e.AddProp("sourceUrl", source.Clean(u))
		}
	}
}

// unknownDetail warns about unknown parts of a detail element.
func (m *mapper) unknownDetail(field string, d detail) {
	m.unknownIn(field, d.Unknown, d.UnknownAttrs)
	for _, s := range d.Summaries {
		m.unknownIn(field+"/regulationSummary", s.Unknown, s.UnknownAttrs)
	}
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

// isTrue reads the EU's boolean attributes.
func isTrue(s string) bool { return strings.EqualFold(source.Clean(s), "true") }
