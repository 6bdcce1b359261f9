package csl

import (
	"fmt"
	"strings"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
)

// builder collects entities from rows. Treasury rows of one designation
// (the SDN and the SSI row of a company share OFAC's entity_number) are
// merged into one entity.
type builder struct {
	file   string
	warn   *source.Warnings
	order  []*draft
	byID   map[string]*draft
	newest entity.Date
}

// draft is an entity being built, with its rows' raw text and the names
// of the parties it is linked to.
type draft struct {
	e      *entity.Entity
	raw    []string
	linked []string
}

func (b *builder) warnf(line int, field, format string, args ...any) {
	b.warn.Add(b.file, line, field, fmt.Sprintf(format, args...))
}

// add maps a row onto its entity, creating it on its first row.
func (b *builder) add(rec *record) error {
	id, err := b.id(rec)
	if err != nil {
		return err
	}
	if source.Clean(rec.get(colName)) == "" {
		return source.Errorf(source.ErrMalformed, b.file, rec.line, colName, "row %s has no name", id)
	}
	d, ok := b.byID[id]
	if !ok {
		d = &draft{e: &entity.Entity{ID: id, List: ListName, Schema: b.schema(rec)}}
		b.byID[id] = d
		b.order = append(b.order, d)
	} else if s := b.schema(rec); s != d.e.Schema {
		b.warnf(rec.line, colType, "rows of %s differ in type (%s, %s); the first row's is used", id, d.e.Schema, s)
	}
	d.raw = append(d.raw, rec.raw)
	b.row(d, rec)
	return nil
}

// id is "ofac-<entity_number>" for Treasury rows, whose entity_number is
// OFAC's own ID, so that a designation read from both this list and
// OFAC's lists is one entity; other rows have a hash _id.
func (b *builder) id(rec *record) (string, error) {
	if n := rec.get(colEntityNumber); n != "" {
		return "ofac-" + n, nil
	}
	if h := rec.get(colID); h != "" {
		return "csl-" + h, nil
	}
	return "", source.Errorf(source.ErrMalformed, b.file, rec.line, colID, "row has neither entity_number nor _id")
}

// schema reads the type column. Rows of the Commerce and State lists have
// no type; they are LegalEntity, which matches people and organisations
// alike.
func (b *builder) schema(rec *record) entity.Schema {
	switch t := rec.get(colType); t {
	case "Individual":
		return entity.Person
	case "Entity":
		return entity.Organization
	case "Vessel":
		return entity.Vessel
	case "Aircraft":
		return entity.Airplane
	case "":
		return entity.LegalEntity
	default:
		b.warnf(rec.line, colType, "unknown type %q; read as LegalEntity", t)
		return entity.LegalEntity
	}
}

// row maps the columns of a row onto d.
func (b *builder) row(d *draft, rec *record) {
	e := d.e
	name := source.Clean(rec.get(colName))
	if len(e.Names) == 0 {
		e.AddName(entity.Name{Full: name, Kind: entity.Primary})
	} else if e.Names[0].Full != name {
		e.AddName(entity.Name{Full: name, Kind: entity.Alias})
	}
	for _, a := range split(rec.get(colAltNames)) {
		if a = source.Clean(a); a != e.Names[0].Full {
			e.AddName(entity.Name{Full: a, Kind: entity.Alias})
		}
	}
	b.list(e, rec)
	if t := rec.get(colTitle); t != "" {
		e.AddProp("position", t)
	}
	for _, a := range split(rec.get(colAddresses)) {
		addAddress(e, address(a))
	}
	b.dates(e, rec)
	b.countries(&e.Citizenships, rec, colCitizenships)
	b.countries(&e.Nationalities, rec, colNationalities)
	for _, p := range split(rec.get(colPlacesOfBirth)) {
		addString(&e.BirthPlaces, p)
	}
	b.vessel(e, rec)
	if r := source.Clean(rec.get(colRemarks)); r != "" {
		addString(&e.Notes, r)
		for _, l := range linkedTo(r) {
			addString(&d.linked, l)
		}
	}
	for _, item := range split(rec.get(colIDs)) {
		b.identifier(e, rec, item)
	}
	e.AddProp("federalRegisterNotice", rec.get(colFederalRegister))
	e.AddProp("standardOrder", rec.get(colStandardOrder))
	e.AddProp("licenseRequirement", rec.get(colLicenseRequirement))
	e.AddProp("licensePolicy", rec.get(colLicensePolicy))
	e.AddProp("sourceUrl", rec.get(colSourceListURL))
	e.AddProp("sourceInformationUrl", rec.get(colSourceInformationURL))
}

// list records which of the bundled lists a row comes from: the source
// as written in sourceList, its FtM topic in topics, and its programmes
// (the list's own name when the row has none, as Commerce rows do, so
// that the list can be filtered on either).
func (b *builder) list(e *entity.Entity, rec *record) {
	src := source.Clean(rec.get(colSource))
	e.AddProp("sourceList", src)
	info, ok := lookupList(src)
	if !ok {
		b.warnf(rec.line, colSource, "unknown source list %q; no topic set", src)
	}
	e.AddProp("topics", info.topic)
	programs := split(rec.get(colPrograms))
	if len(programs) == 0 && info.name != "" {
		programs = []string{info.name}
	}
	for _, p := range programs {
		addString(&e.Programs, p)
	}
}

// dates maps start_date (the listing date), end_date and dates_of_birth.
func (b *builder) dates(e *entity.Entity, rec *record) {
	if s := rec.get(colStartDate); s != "" {
		d, err := entity.ParseDate(s)
		if err != nil {
			b.warnf(rec.line, colStartDate, "unreadable date %q, kept in the raw record only", s)
		} else {
			if e.ListingDate.IsZero() || d.String() < e.ListingDate.String() {
				e.ListingDate = d
			}
			b.newest = newestDate(b.newest, d)
		}
	}
	e.AddProp("endDate", rec.get(colEndDate))
	for _, s := range split(rec.get(colDatesOfBirth)) {
		r, err := source.ParseDateText(s)
		if err != nil {
			b.warnf(rec.line, colDatesOfBirth, "unreadable date %q, kept in the raw record only", s)
			continue
		}
		e.AddBirthDate(r)
	}
}

// countries reads a "; "-joined list of ISO codes ("SY", "MX").
func (b *builder) countries(list *[]string, rec *record, col string) {
	for _, c := range split(rec.get(col)) {
		code, ok := countryCode(c)
		if !ok {
			b.warnf(rec.line, col, "unknown country %q", c)
			continue
		}
		entity.AddCountry(list, code)
	}
}

// vessel maps the vessel columns.
func (b *builder) vessel(e *entity.Entity, rec *record) {
	if cs := rec.get(colCallSign); cs != "" {
		e.AddIdentifier(entity.Identifier{Type: entity.IDCallSign, Value: cs, Label: "Call Sign"})
	}
	e.AddProp("vesselType", rec.get(colVesselType))
	e.AddProp("tonnage", rec.get(colGrossTonnage))
	e.AddProp("grossRegisteredTonnage", rec.get(colGrossRegTonnage))
	e.AddProp("owner", rec.get(colVesselOwner))
	if f := rec.get(colVesselFlag); f != "" && !strings.EqualFold(f, "None Identified") {
		if code, ok := countryCode(f); ok {
			e.AddProp("flag", code)
		} else {
			b.warnf(rec.line, colVesselFlag, "unknown country %q", f)
		}
	}
}

// entities returns the entities in the order of their first rows, with
// their raw rows and their links resolved: a linked party named exactly
// as one entity of the file is named gets that entity's ID.
func (b *builder) entities() []*entity.Entity {
	byName := make(map[string][]string)
	for _, d := range b.order {
		n := d.e.Names[0].Full
		byName[n] = append(byName[n], d.e.ID)
	}
	out := make([]*entity.Entity, 0, len(b.order))
	for _, d := range b.order {
		d.e.Raw = entity.Raw{Format: "csv", Text: strings.Join(d.raw, "\n")}
		for _, l := range d.linked {
			rel := entity.Relation{Type: "linkedTo", Name: l}
			if ids := byName[l]; len(ids) == 1 {
				rel.Target = ids[0]
			}
			d.e.Relations = append(d.e.Relations, rel)
		}
		out = append(out, d.e)
	}
	return out
}
