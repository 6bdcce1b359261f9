package entity

import "fmt"

// Schema is the kind of thing an entity is, named as in FollowTheMoney.
type Schema string

// The schemata publishers' records map to. LegalEntity is used when a
// publisher does not say whether a non-person is a company or another
// organisation; Organization for non-commercial bodies and for entities
// whose publisher says only "entity".
const (
	Person       Schema = "Person"
	Organization Schema = "Organization"
	Company      Schema = "Company"
	LegalEntity  Schema = "LegalEntity"
	Vessel       Schema = "Vessel"
	Airplane     Schema = "Airplane"
)

// Schemata lists every schema veto knows, in a stable order.
var Schemata = []Schema{Person, Organization, Company, LegalEntity, Vessel, Airplane}

// ParseSchema returns the schema with the given FtM name. It accepts the
// exact FtM names only, and a few spellings clients send ("Organisation",
// "Aircraft"), so that a typo in a request is an error and not a silent
// fallback to "any schema".
func ParseSchema(s string) (Schema, error) {
	switch s {
	case "Person", "Organization", "Company", "LegalEntity", "Vessel", "Airplane":
		return Schema(s), nil
	case "Organisation":
		return Organization, nil
	case "Aircraft":
		return Airplane, nil
	case "Thing":
		return LegalEntity, nil
	}
	return "", fmt.Errorf("unknown schema %q (want one of Person, Organization, Company, LegalEntity, Vessel, Airplane)", s)
}

// IsPerson reports whether s is Person.
func (s Schema) IsPerson() bool { return s == Person }

// IsOrganization reports whether s is a kind of legal entity that is not a
// person: Organization, Company or LegalEntity.
func (s Schema) IsOrganization() bool {
	return s == Organization || s == Company || s == LegalEntity
}

// IsAsset reports whether s is a vessel or an aircraft.
func (s Schema) IsAsset() bool { return s == Vessel || s == Airplane }

// Compatible reports whether a query for schema q may match an entity of
// schema s. An empty query schema matches everything; LegalEntity matches
// every organisation schema (FtM's Company and Organization are both
// LegalEntity), and Person never matches a vessel.
func Compatible(q, s Schema) bool {
	switch {
	case q == "" || q == s:
		return true
	case q == LegalEntity:
		return s.IsOrganization() || s == Person
	case q.IsOrganization() && s.IsOrganization():
		return true
	case q == Person && s == LegalEntity:
		// Publishers sometimes list people without saying so.
		return true
	}
	return false
}
