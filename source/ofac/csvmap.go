package ofac

import (
	"strings"

	"github.com/vetoscreen/veto/entity"
)

// sdn.csv / cons_prim.csv columns.
const (
	colEntNum = iota
	colName
	colType
	colProgram
	colTitle
	colCallSign
	colVessType
	colTonnage
	colGRT
	colVessFlag
	colVessOwner
	colRemarks
)

// mapCSVMain maps an entry's main record, its alt.csv names and its
// remarks (joined with their continuation from the comments file).
func (m *mapper) mapCSVMain(en *csvEntry) {
	f := en.main.fields
	e := en.e
	e.Schema = m.schemaOf(f[colType], "SDN_Type")
	addName(e, f[colName], entity.Primary)
	e.Programs = splitPrograms(f[colProgram])
	e.AddProp("position", f[colTitle])
	for _, c := range vesselColumns {
		m.apply(e, fact{label: c.label, value: f[c.col]}, c.field)
	}
	for _, rec := range en.alts {
		m.line = rec.line
		m.mapAlt(e, rec)
	}
	m.line = en.main.line
	m.applyRemarks(e, en.remarks, f[colTitle], "Remarks")
}

// vesselColumns are the main file's vessel columns, with the labels
// OFAC's other formats give the same facts.
var vesselColumns = []struct {
	col          int
	label, field string
}{
	{colCallSign, "Call Sign", "Call_Sign"},
	{colVessType, "Vessel Type", "Vess_type"},
	{colTonnage, "Vessel Tonnage", "Tonnage"},
	{colGRT, "Vessel Gross Registered Tonnage", "GRT"},
	{colVessFlag, "Vessel Flag", "Vess_flag"},
	{colVessOwner, "Vessel Owner", "Vess_owner"},
}

// schemaOf maps OFAC's entry type, as the CSV ("individual", "-0-" for an
// entity) and the XML formats ("Individual", "Entity") write it.
func (m *mapper) schemaOf(typ, field string) entity.Schema {
	switch strings.ToLower(strings.TrimSpace(typ)) {
	case "individual":
		return entity.Person
	case "", "entity":
		return entity.Organization
	case "vessel":
		return entity.Vessel
	case "aircraft":
		return entity.Airplane
	}
	m.warnf(field, "unknown entry type %q: mapped to LegalEntity", typ)
	return entity.LegalEntity
}

// splitPrograms splits the Program column: OFAC joins programmes as
// "SDGT] [IRGC", the outer brackets missing.
func splitPrograms(s string) []string {
	var out []string
	for p := range strings.SplitSeq(s, "] [") {
		addUnique(&out, strings.Trim(p, "[] "))
	}
	return out
}

// alt.csv columns: ent_num, alt_num, alt_type, alt_name, alt_remarks.
func (m *mapper) mapAlt(e *entity.Entity, rec csvRecord) {
	typ, name, remarks := rec.fields[2], rec.fields[3], rec.fields[4]
	if name == "" {
		m.warnf("alt_name", "alias row without a name: ignored")
		return
	}
	kind, ok := altKinds[strings.ToLower(strings.Trim(typ, ". "))]
	if !ok {
		m.warnf("alt_type", "unknown alt_type %q: mapped to alias", typ)
		kind = entity.Alias
	}
	addName(e, name, kind)
	if remarks != "" {
		addNote(e, name+": "+remarks)
	}
}

// altKinds maps alias types: OFAC's aka and nka are strong aliases, fka
// a former name. The CSV writes "aka", sdn.xml "a.k.a.", the enhanced XML
// "A.K.A.".
var altKinds = map[string]entity.NameKind{
	"aka": entity.Alias, "a.k.a": entity.Alias,
	"nka": entity.Alias, "n.k.a": entity.Alias,
	"fka": entity.Previous, "f.k.a": entity.Previous,
}

// csvAddress maps an add.csv record: ent_num, add_num, address,
// city/state/province/postal code, country, add_remarks.
func csvAddress(m *mapper, rec csvRecord) (entity.Address, bool) {
	f := rec.fields
	a := entity.Address{Street: oneLine(f[2]), City: oneLine(f[3]), Full: joinNonEmpty(", ", f[2], f[3], f[4])}
	if a.Full == "" {
		return a, false
	}
	if f[4] != "" {
		a.Country = m.countryOf(f[4], "country")
	}
	if f[5] != "" {
		a.Full += " (" + f[5] + ")"
	}
	return a, true
}

// joinNonEmpty joins the non-empty parts; line breaks and runs of space
// inside a part (quoted CSV address fields hold line breaks) become one
// space, so that an address is one line.
func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = oneLine(p); p != "" && p != null {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// oneLine folds the white space of s, line breaks included, to single
// spaces.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n\t") && !strings.Contains(s, "  ") {
		return strings.TrimSpace(s)
	}
	return strings.Join(strings.Fields(s), " ")
}
