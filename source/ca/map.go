package ca

import (
	"fmt"
	"strings"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
)

// mapper turns one record into an entity, reporting what it cannot map.
type mapper struct {
	file string
	line int
	warn *source.Warnings
}

func (m *mapper) warnf(field, format string, args ...any) {
	m.warn.Add(m.file, m.line, field, fmt.Sprintf(format, args...))
}

// entity maps a record; raw is the record's element as in the file.
func (m *mapper) entity(r *record, raw []byte) (*entity.Entity, error) {
	for _, a := range r.Attrs {
		m.warnf(recordName+"@"+attrName(a.Name), "unknown attribute, not read")
	}
	for _, u := range r.Unknown {
		m.warnf(u.XMLName.Local, "unknown element, not read")
	}
	f := m.read(r)
	id, err := m.id(f)
	if err != nil {
		return nil, err
	}
	e := &entity.Entity{ID: id, List: ListName, Raw: entity.Raw{Format: "xml", Text: string(raw)}}
	if p := cleanSpace(f.country); p != "" {
		e.Programs = []string{p}
	}
	if err := m.names(e, f); err != nil {
		return nil, err
	}
	m.details(e, f)
	return e, nil
}

// fields are the values of a record's elements, trimmed.
type fields struct {
	country, last, given, org, title, imo, dob, aliases, schedule, item, listed string
}

func (m *mapper) read(r *record) fields {
	return fields{
		country:  m.one("Country", r.Country),
		last:     m.one("LastName", r.LastName),
		given:    m.one("GivenName", r.GivenName),
		org:      m.one("EntityOrShip", r.EntityOrShip),
		title:    m.one("TitleOrShip", r.TitleOrShip),
		imo:      m.one("ShipIMONumber", r.ShipIMONumber),
		dob:      m.one("DateOfBirthOrShipBuildDate", r.DateOfBirthOrShipBuildDate),
		aliases:  m.one("Aliases", r.Aliases),
		schedule: m.one("Schedule", r.Schedule),
		item:     m.one("Item", r.Item),
		listed:   m.one("DateOfListing", r.DateOfListing),
	}
}

// one returns the single value of an element, trimmed. A repeated
// element is a warning; its values are joined with "; " so none is lost.
func (m *mapper) one(field string, vals []string) string {
	var parts []string
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			parts = append(parts, v)
		}
	}
	if len(parts) > 1 {
		m.warnf(field, "element repeated in one record; values joined with \"; \"")
	}
	return strings.Join(parts, "; ")
}

// id builds the entity ID from the regulation (the English part of
// Country), the schedule and the item number, since records carry no ID.
// Some regulations have no schedules; their records have no Schedule.
func (m *mapper) id(f fields) (string, error) {
	country, item := englishPart(f.country), f.item
	switch {
	case slug(country) == "":
		return "", source.Errorf(source.ErrMalformed, m.file, m.line, "Country",
			"record has no Country, which names its regulation and is part of its ID")
	case slug(item) == "":
		return "", source.Errorf(source.ErrMalformed, m.file, m.line, "Item",
			"record has no Item number, which is part of its ID")
	}
	parts := []string{"ca", slug(country)}
	if s := slug(f.schedule); s != "" {
		parts = append(parts, s)
	}
	parts = append(parts, slug(item))
	return strings.Join(parts, "-"), nil
}

// englishPart returns the English half of a bilingual "English / French"
// value ("Belarus / Bélarus" → "Belarus"); other values are returned
// trimmed.
func englishPart(s string) string {
	en, _, _ := strings.Cut(s, " / ")
	return strings.TrimSpace(en)
}

// details maps everything but the ID, programme and names.
func (m *mapper) details(e *entity.Entity, f fields) {
	title := cleanSpace(f.title)
	switch e.Schema {
	case entity.Person:
		e.AddProp("title", title)
	case entity.Vessel:
		e.AddProp("vesselType", title)
	}
	if imo := f.imo; imo != "" {
		e.AddIdentifier(entity.Identifier{Type: entity.IDIMO, Value: imo, Label: "ShipIMONumber"})
	}
	if dob := f.dob; dob != "" {
		dates, bad := parseDates(dob)
		for _, d := range dates {
			e.AddBirthDate(d)
		}
		for _, b := range bad {
			m.warnf("DateOfBirthOrShipBuildDate", "unreadable date %q, kept in the raw record only", b)
		}
	}
	if listed := f.listed; listed != "" {
		d, err := entity.ParseDate(listed)
		if err != nil {
			m.warnf("DateOfListing", "unreadable listing date %q, kept in the raw record only", listed)
		}
		e.ListingDate = d
	}
}
