package entity

import (
	"errors"
	"fmt"
	"strings"
)

// Entity is one designation on one list: a sanctioned person, organisation,
// vessel or aircraft, as its publisher describes it.
type Entity struct {
	// ID is "<publisher>-<publisher's own id>", e.g. "ofac-35233",
	// "un-QDi.430", "eu-13", "uk-RUS0250". It stays the same across list
	// versions for as long as the publisher keeps the designation.
	ID string `json:"id"`
	// Schema is the FtM schema.
	Schema Schema `json:"schema"`
	// List is the list the entity was read from, e.g. "ofac-sdn".
	List string `json:"list"`
	// Names holds every name the publisher gives, the primary name first.
	Names []Name `json:"names"`
	// BirthDates are dates of birth (people) or build dates (vessels).
	BirthDates []DateRange `json:"birthDates,omitempty"`
	// BirthPlaces are places of birth as written.
	BirthPlaces []string `json:"birthPlaces,omitempty"`
	// Gender is "male", "female" or "" (FtM values).
	Gender string `json:"gender,omitempty"`
	// Nationalities are ISO 3166-1 alpha-2 codes, lower case (FtM style).
	Nationalities []string `json:"nationalities,omitempty"`
	// Citizenships are ISO 3166-1 alpha-2 codes, lower case.
	Citizenships []string `json:"citizenships,omitempty"`
	// Countries are other countries the publisher links the entity to
	// (residence, jurisdiction, place of registration), as lower-case codes.
	Countries []string `json:"countries,omitempty"`
	// Addresses are postal addresses.
	Addresses []Address `json:"addresses,omitempty"`
	// Identifiers are passport, ID, tax and registration numbers, IMO and
	// MMSI numbers, BICs, crypto wallet addresses and the like.
	Identifiers []Identifier `json:"identifiers,omitempty"`
	// Programs are the sanction programmes or regimes, as the publisher
	// names them (e.g. "RUSSIA-EO14024", "UKRAINE-EO13662").
	Programs []string `json:"programs,omitempty"`
	// ListingDate is the date of (first) designation when given.
	ListingDate Date `json:"listingDate,omitzero"`
	// Notes are the publisher's free-text remarks.
	Notes []string `json:"notes,omitempty"`
	// Relations link the entity to other entities or named parties.
	Relations []Relation `json:"relations,omitempty"`
	// Props holds other FtM properties with plain string values, keyed by
	// FtM property name: position, title, email, website, phone, callSign,
	// flag (lower-case country code), vesselType, tonnage,
	// grossRegisteredTonnage, owner, sourceUrl, modifiedAt, ...
	Props map[string][]string `json:"props,omitempty"`
	// Topics are OpenSanctions' topics of an imported FtM entity
	// ("role.pep", "role.rca", "sanction", "crime", ...), kept so that
	// screening can filter on them.
	Topics []string `json:"topics,omitempty"`
	// Raw is the publisher's original record.
	Raw Raw `json:"raw"`
}

// NameKind says what a name is to its entity. The values are the FtM
// property names the name maps to.
type NameKind string

// Name kinds.
const (
	// Primary is the name the publisher lists the entity under.
	Primary NameKind = "name"
	// Alias is a strong alias ("a.k.a.", UN quality "Good").
	Alias NameKind = "alias"
	// WeakAlias is a low-quality alias: a nickname, a kunya, a partial name
	// that alone does not identify the entity.
	WeakAlias NameKind = "weakAlias"
	// Previous is a former name ("f.k.a.").
	Previous NameKind = "previousName"
)

// Name is one name of an entity.
type Name struct {
	// Full is the whole name as the publisher wrote it, e.g.
	// "LAVROV, Sergei Viktorovich". Never empty.
	Full string `json:"full"`
	// Kind is the FtM property the name belongs to.
	Kind NameKind `json:"kind"`
	// First, Middle, Last are name parts when the publisher gives them
	// separately (FtM firstName, middleName, lastName).
	First  string `json:"first,omitempty"`
	Middle string `json:"middle,omitempty"`
	Last   string `json:"last,omitempty"`
	// Lang is the language the publisher assigns to the name, an ISO 639
	// code when the publisher gives one.
	Lang string `json:"lang,omitempty"`
	// Script is the ISO 15924 script the publisher assigns (e.g. "Cyrl",
	// "Arab", "Hans"), empty when not given.
	Script string `json:"script,omitempty"`
}

// Identifier types are FtM property names.
const (
	IDPassport     = "passportNumber"
	IDNational     = "idNumber"
	IDTax          = "taxNumber"
	IDRegistration = "registrationNumber"
	IDIMO          = "imoNumber"
	IDMMSI         = "mmsi"
	IDCallSign     = "callSign"
	IDSwiftBIC     = "swiftBic"
	IDLEI          = "leiCode"
	IDINN          = "innCode"
	IDOGRN         = "ogrnCode"
	IDISIN         = "isin"
	IDCrypto       = "cryptoWallet"
)

// Identifier is a document or registry number that identifies an entity.
type Identifier struct {
	// Type is the FtM property name (passportNumber, idNumber, taxNumber,
	// registrationNumber, imoNumber, mmsi, swiftBic, leiCode, innCode,
	// ogrnCode, isin, cryptoWallet, ...).
	Type string `json:"type"`
	// Value is the number as the publisher wrote it.
	Value string `json:"value"`
	// Country is the issuing country, a lower-case ISO code, when known.
	Country string `json:"country,omitempty"`
	// Label is the publisher's own name for the identifier type, e.g.
	// "Cedula No.", "Digital Currency Address - XBT", "Tax ID No.".
	Label string `json:"label,omitempty"`
	// Note holds the publisher's remarks on it ("issued 2010", "expired").
	Note string `json:"note,omitempty"`
}

// Address is a postal address.
type Address struct {
	// Full is the address as one line, as written or joined from its parts.
	Full       string `json:"full"`
	Street     string `json:"street,omitempty"`
	City       string `json:"city,omitempty"`
	Region     string `json:"region,omitempty"`
	PostalCode string `json:"postalCode,omitempty"`
	// Country is a lower-case ISO code when known.
	Country string `json:"country,omitempty"`
}

// Relation links an entity to another party.
type Relation struct {
	// Type is the relation as the publisher names it, e.g. "linkedTo",
	// "ownedBy", "associateOf", "sameAs".
	Type string `json:"type"`
	// Target is the other entity's veto ID when the publisher gives one.
	Target string `json:"target,omitempty"`
	// Name is the other party's name as written when there is no ID, or
	// in addition to it.
	Name string `json:"name,omitempty"`
}

// Label is the relation's type for people: "ownedBy" as "owned by".
func (r Relation) Label() string { return words(r.Type) }

// Raw is the publisher's original record of an entity.
type Raw struct {
	// Format says how Text is written: "xml" (the record's element),
	// "csv" (the record's lines, joined), "json" (a row of a
	// spreadsheet as a header-to-cell object), or "ftm" (FtM JSON lines:
	// the entity's, then those of the entities attached to it).
	Format string `json:"format"`
	// Text is the record as the publisher wrote it.
	Text string `json:"text"`
}

// ErrInvalid is returned (wrapped) by Validate.
var ErrInvalid = errors.New("invalid entity")

// Caption returns the primary name, the name to show for the entity.
func (e *Entity) Caption() string {
	for _, n := range e.Names {
		if n.Kind == Primary {
			return n.Full
		}
	}
	if len(e.Names) > 0 {
		return e.Names[0].Full
	}
	return e.ID
}

// Publisher returns the publisher prefix of the ID ("ofac" for "ofac-35233").
func (e *Entity) Publisher() string {
	p, _, _ := strings.Cut(e.ID, "-")
	return p
}

// Validate checks the invariants every parser must keep: an ID with a
// publisher prefix, a known schema, at least one non-empty name, valid
// dates and identifier types.
func (e *Entity) Validate() error {
	if e == nil {
		return fmt.Errorf("%w: nil", ErrInvalid)
	}
	p, own, ok := strings.Cut(e.ID, "-")
	if !ok || p == "" || own == "" {
		return fmt.Errorf("%w: id %q is not <publisher>-<id>", ErrInvalid, e.ID)
	}
	if _, err := ParseSchema(string(e.Schema)); err != nil || e.Schema == "" {
		return fmt.Errorf("%w %s: schema %q", ErrInvalid, e.ID, e.Schema)
	}
	if e.List == "" {
		return fmt.Errorf("%w %s: no list", ErrInvalid, e.ID)
	}
	if len(e.Names) == 0 {
		return fmt.Errorf("%w %s: no name", ErrInvalid, e.ID)
	}
	for i, n := range e.Names {
		if strings.TrimSpace(n.Full) == "" {
			return fmt.Errorf("%w %s: name %d is empty", ErrInvalid, e.ID, i)
		}
		switch n.Kind {
		case Primary, Alias, WeakAlias, Previous:
		default:
			return fmt.Errorf("%w %s: name %q has kind %q", ErrInvalid, e.ID, n.Full, n.Kind)
		}
	}
	for _, d := range e.BirthDates {
		if err := d.From.Validate(); err != nil {
			return fmt.Errorf("%w %s: birth date: %v", ErrInvalid, e.ID, err)
		}
		if err := d.To.Validate(); err != nil {
			return fmt.Errorf("%w %s: birth date: %v", ErrInvalid, e.ID, err)
		}
	}
	for _, id := range e.Identifiers {
		if id.Type == "" || strings.TrimSpace(id.Value) == "" {
			return fmt.Errorf("%w %s: identifier %+v lacks type or value", ErrInvalid, e.ID, id)
		}
	}
	return nil
}

// AddProp appends values to an FtM string property, skipping empty values
// and values already present.
func (e *Entity) AddProp(prop string, values ...string) {
	for _, v := range values {
		v = strings.TrimSpace(v)
		if v == "" || contains(e.Props[prop], v) {
			continue
		}
		if e.Props == nil {
			e.Props = make(map[string][]string)
		}
		e.Props[prop] = append(e.Props[prop], v)
	}
}

// AddName appends a name unless an equal name (same text and kind) is
// already there. Empty names are skipped.
func (e *Entity) AddName(n Name) {
	n.Full = strings.TrimSpace(n.Full)
	if n.Full == "" {
		return
	}
	for _, m := range e.Names {
		if m.Full == n.Full && m.Kind == n.Kind {
			return
		}
	}
	e.Names = append(e.Names, n)
}

// AddIdentifier appends an identifier unless an equal one is there.
func (e *Entity) AddIdentifier(id Identifier) {
	id.Value = strings.TrimSpace(id.Value)
	if id.Value == "" {
		return
	}
	for _, x := range e.Identifiers {
		if x == id {
			return
		}
	}
	e.Identifiers = append(e.Identifiers, id)
}

// AddCountry appends lower-case country codes to one of the country lists,
// skipping empty and repeated codes.
func AddCountry(list *[]string, codes ...string) {
	for _, c := range codes {
		c = strings.ToLower(strings.TrimSpace(c))
		if c != "" && !contains(*list, c) {
			*list = append(*list, c)
		}
	}
}

// AddBirthDate appends a date unless it is zero or already there.
func (e *Entity) AddBirthDate(r DateRange) {
	if r.IsZero() {
		return
	}
	for _, x := range e.BirthDates {
		if x == r {
			return
		}
	}
	e.BirthDates = append(e.BirthDates, r)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
