package api

import (
	"slices"
	"strings"

	"github.com/vetoscreen/veto/entity"
)

// The part of the FollowTheMoney model that OpenRefine's reconciliation
// sees: the schemata veto's entities have, with their ancestors, as
// types, and their properties that hold values (not entity references),
// with FtM's names and labels. FtM's Vessel and Airplane descend from
// Vehicle and Asset, which veto does not screen as such: here their
// parent is Thing and they carry Vehicle's properties themselves.

// reconSchema is a schema as reconciliation types show it.
type reconSchema struct {
	name, label, plural, parent, description string
	// featured are the properties FtM features for the schema, which
	// property proposals put first.
	featured []string
}

// reconSchemata are the types, each after its parent.
var reconSchemata = []reconSchema{
	{"Thing", "Thing", "Things", "", "Anything: a query of this type is screened against every schema.", []string{"name", "country"}},
	{"LegalEntity", "Legal entity", "Legal entities", "Thing",
		"Any party to legal proceedings, such as asset ownership, corporate governance or social interactions. Often used when raw data does not specify if something is a person or company.",
		[]string{"name", "country", "legalForm", "status"}},
	{"Person", "Person", "People", "LegalEntity", "A natural person, as opposed to a corporation of some type.", []string{"name", "nationality", "birthDate"}},
	{"Organization", "Organization", "Organizations", "LegalEntity",
		"Any type of incorporated entity that cannot be owned by another (see Company). This might include charities, foundations or state-owned enterprises, depending on their jurisdiction.",
		[]string{"name", "country", "legalForm", "status"}},
	{"Company", "Company", "Companies", "Organization",
		"A corporation, usually for profit. Does not distinguish between private and public companies, and can also be used to model more specific constructs like trusts and funds.",
		[]string{"name", "jurisdiction", "registrationNumber", "incorporationDate"}},
	{"Vessel", "Vessel", "Vessels", "Thing", "A boat or ship. Typically flying some sort of national flag.", []string{"name", "imoNumber", "flag", "type"}},
	{"Airplane", "Airplane", "Airplanes", "Thing", "An airplane, helicopter or other flying vehicle.", []string{"name", "registrationNumber", "serialNumber", "type"}},
}

// reconProp is a property of a schema (and of its descendants).
type reconProp struct {
	schema, name, label string
	// country: the values are country codes, which the caption
	// rendering of a data extension names.
	country bool
}

var reconProps = []reconProp{
	{"Thing", "name", "Name", false},
	{"Thing", "alias", "Other name", false},
	{"Thing", "weakAlias", "Weak alias", false},
	{"Thing", "previousName", "Previous name", false},
	{"Thing", "country", "Country", true},
	{"Thing", "address", "Address", false},
	{"Thing", "program", "Program", false},
	{"Thing", "notes", "Notes", false},
	{"Thing", "sourceUrl", "Source link", false},
	{"Thing", "topics", "Topics", false},
	{"Thing", "modifiedAt", "Modified on", false},
	{"LegalEntity", "email", "E-Mail", false},
	{"LegalEntity", "phone", "Phone", false},
	{"LegalEntity", "website", "Website", false},
	{"LegalEntity", "legalForm", "Legal form", false},
	{"LegalEntity", "status", "Status", false},
	{"LegalEntity", "incorporationDate", "Incorporation date", false},
	{"LegalEntity", "jurisdiction", "Jurisdiction", true},
	{"LegalEntity", "mainCountry", "Country of origin", true},
	{"LegalEntity", "registrationNumber", "Registration number", false},
	{"LegalEntity", "idNumber", "ID Number", false},
	{"LegalEntity", "taxNumber", "Tax Number", false},
	{"LegalEntity", "vatCode", "V.A.T. Identifier", false},
	{"LegalEntity", "innCode", "INN", false},
	{"LegalEntity", "ogrnCode", "OGRN", false},
	{"LegalEntity", "leiCode", "LEI", false},
	{"LegalEntity", "swiftBic", "SWIFT/BIC", false},
	{"LegalEntity", "dunsCode", "DUNS", false},
	{"Person", "title", "Title", false},
	{"Person", "firstName", "First name", false},
	{"Person", "secondName", "Second name", false},
	{"Person", "middleName", "Middle name", false},
	{"Person", "fatherName", "Patronymic", false},
	{"Person", "lastName", "Last name", false},
	{"Person", "birthDate", "Birth date", false},
	{"Person", "birthPlace", "Place of birth", false},
	{"Person", "deathDate", "Death date", false},
	{"Person", "gender", "Gender", false},
	{"Person", "position", "Position", false},
	{"Person", "nationality", "Nationality", true},
	{"Person", "citizenship", "Citizenship", true},
	{"Person", "passportNumber", "Passport number", false},
	{"Person", "socialSecurityNumber", "Social security number", false},
	{"Organization", "imoNumber", "IMO Number", false},
	{"Company", "ticker", "Stock ticker symbol", false},
	{"Company", "bikCode", "Bank Identifier Code", false},
	{"Vessel", "type", "Type", false},
	{"Vessel", "buildDate", "Build Date", false},
	{"Vessel", "registrationNumber", "Registration number", false},
	{"Vessel", "imoNumber", "IMO Number", false},
	{"Vessel", "mmsi", "MMSI", false},
	{"Vessel", "callSign", "Call Sign", false},
	{"Vessel", "flag", "Flag", true},
	{"Vessel", "pastFlags", "Past flags", true},
	{"Vessel", "tonnage", "Tonnage", false},
	{"Vessel", "grossRegisteredTonnage", "Gross Registered Tonnage", false},
	{"Airplane", "type", "Type", false},
	{"Airplane", "buildDate", "Build Date", false},
	{"Airplane", "registrationNumber", "Registration number", false},
	{"Airplane", "serialNumber", "Serial Number", false},
	{"Airplane", "icaoCode", "ICAO aircraft type designator", false},
}

// reconSchemaNamed returns the schema of a name.
func reconSchemaNamed(name string) (reconSchema, bool) {
	i := slices.IndexFunc(reconSchemata, func(s reconSchema) bool { return s.name == name })
	if i < 0 {
		return reconSchema{}, false
	}
	return reconSchemata[i], true
}

// lineage returns a schema and its ancestors, the schema first.
func lineage(name string) []string {
	var out []string
	for s, ok := reconSchemaNamed(name); ok; s, ok = reconSchemaNamed(s.parent) {
		out = append(out, s.name)
	}
	return out
}

// related reports whether one of two schemata descends from the other
// (or they are one): a property of either applies to a query of the
// other.
func related(a, b string) bool {
	return slices.Contains(lineage(a), b) || slices.Contains(lineage(b), a)
}

// propsOf returns the properties of a schema (its ancestors' first),
// each name once.
func propsOf(schema string) []reconProp {
	line := lineage(schema)
	var out []reconProp
	for i := len(line) - 1; i >= 0; i-- {
		for _, p := range reconProps {
			if p.schema == line[i] && !slices.ContainsFunc(out, func(o reconProp) bool { return o.name == p.name }) {
				out = append(out, p)
			}
		}
	}
	return out
}

// propOn returns the property of a name that applies to a schema: one
// defined on the schema, an ancestor or a descendant of it.
func propOn(name, schema string) (reconProp, bool) {
	i := slices.IndexFunc(reconProps, func(p reconProp) bool { return p.name == name && related(p.schema, schema) })
	if i < 0 {
		return reconProp{}, false
	}
	return reconProps[i], true
}

// commonType returns the nearest schema the types all descend from.
func commonType(types []string) string {
	common := lineage(types[0])
	for _, t := range types[1:] {
		line := lineage(t)
		common = slices.DeleteFunc(common, func(s string) bool { return !slices.Contains(line, s) })
	}
	return common[0] // Thing is everyone's
}

// reconType is a type as reconciliation shows it.
type reconType struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
}

func (s reconSchema) reconType() reconType {
	return reconType{ID: s.name, Name: s.plural, Description: s.description}
}

// reconTypeOf returns the type of an entity's schema, and its label.
func reconTypeOf(schema string) (reconType, string) {
	if s, ok := reconSchemaNamed(schema); ok {
		return s.reconType(), s.label
	}
	return reconType{ID: schema, Name: schema}, schema
}

// prefixed reports whether the name or label starts with prefix, case
// aside.
func prefixed(prefix, name, label string) bool {
	p := strings.ToLower(prefix)
	return strings.HasPrefix(strings.ToLower(name), p) || strings.HasPrefix(strings.ToLower(label), p)
}

// typesIn returns the types of a dataset whose entities have the
// schemata present: those schemata and their ancestors, in model order.
func typesIn(present map[entity.Schema]bool) []reconSchema {
	var names []string
	for s := range present {
		names = append(names, lineage(string(s))...)
	}
	return slices.DeleteFunc(slices.Clone(reconSchemata), func(s reconSchema) bool { return !slices.Contains(names, s.name) })
}
