package uk

import (
	"encoding/xml"
	"strings"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
)

// designation maps one <Designation> to an entity; the caller sets Raw.
func (m *mapper) designation(w *designation, line int) (*entity.Entity, error) {
	id := strings.TrimSpace(w.UniqueID)
	if id == "" {
		return nil, source.Errorf(source.ErrMalformed, m.file, line, "UniqueID", "<Designation> has no UniqueID")
	}
	e := &entity.Entity{ID: "uk-" + id, List: listFCDO}
	e.Schema = m.schema(line, "IndividualEntityShip", w.IndividualEntityShip)
	m.extras(line, "Designation", w.wireExtra)
	m.fcdoNames(e, w, line)
	if len(e.Names) == 0 {
		return nil, source.Errorf(source.ErrMalformed, m.file, line, "Names", "designation %s has no name", id)
	}
	m.fcdoListing(e, w, line)
	m.fcdoContacts(e, w, line)
	for _, x := range items(m, line, "Designation/IndividualDetails", w.IndividualDetails, "Individual") {
		m.fcdoIndividual(e, x, line)
	}
	for _, x := range items(m, line, "Designation/EntityDetails", w.EntityDetails, "Entity") {
		m.fcdoEntityDetails(e, x, line)
	}
	for _, x := range items(m, line, "Designation/ShipDetails", w.ShipDetails, "Ship") {
		m.fcdoShip(e, x, line)
	}
	return e, nil
}

// schema maps "Individual", "Entity" and "Ship", the UK's designation
// types, to schemata.
func (m *mapper) schema(line int, field, s string) entity.Schema {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "individual":
		return entity.Person
	case "entity":
		return entity.Organization
	case "ship":
		return entity.Vessel
	}
	m.warn(line, field, "unknown designation type %q, read as LegalEntity", strings.TrimSpace(s))
	return entity.LegalEntity
}

// fcdoNames reads <Names> and <NonLatinNames>.
func (m *mapper) fcdoNames(e *entity.Entity, w *designation, line int) {
	var cands []nameCandidate
	for _, n := range items(m, line, "Designation/Names", w.Names, "Name") {
		name := buildName(n.parts(), e.Schema == entity.Person)
		if name.Full == "" {
			m.warn(line, "Name", "name without Name1..Name6")
			continue
		}
		var rank int
		name.Kind, rank = m.nameKind(line, "NameType", n.NameType, n.AliasStrength)
		cands = append(cands, nameCandidate{name: name, rank: rank})
	}
	for _, n := range items(m, line, "Designation/NonLatinNames", w.NonLatinNames, "NonLatinName") {
		if strings.TrimSpace(n.NameNonLatinScript) == "" {
			continue
		}
		name := m.nonLatinName(line, "NonLatinName", n.NameNonLatinScript, n.NonLatinScriptType, n.NonLatinScriptLanguage, entity.Alias)
		cands = append(cands, nameCandidate{name: name, rank: rankOther})
	}
	finishNames(e, cands)
}

// nameKind maps a name type ("Primary Name", "Primary Name Variation",
// "Alias" in the FCDO list; "Primary name", "Primary name variation",
// "AKA", "FKA" in OFSI's) and its alias strength or quality ("Good
// quality a.k.a", "Low quality") to a kind and a rank.
func (m *mapper) nameKind(line int, field, nameType, strength string) (entity.NameKind, int) {
	var kind entity.NameKind
	rank := rankOther
	switch t := strings.ToLower(strings.TrimSpace(nameType)); t {
	case "primary name":
		return entity.Primary, rankPrimary
	case "primary name variation":
		kind, rank = entity.Alias, rankVariation
	case "alias", "aka", "a.k.a.":
		kind = entity.Alias
	case "fka", "f.k.a.", "former name", "previous name":
		return entity.Previous, rank
	default:
		m.warn(line, field, "unknown name type %q, read as alias", strings.TrimSpace(nameType))
		kind = entity.Alias
	}
	s := strings.ToLower(strings.TrimSpace(strength))
	switch {
	case s == "":
	case strings.Contains(s, "low") || strings.Contains(s, "weak"):
		kind = entity.WeakAlias
	case strings.Contains(s, "good") || strings.Contains(s, "high") || strings.Contains(s, "strong"):
	default:
		m.warn(line, field+" strength", "unknown alias strength %q, read as strong", strings.TrimSpace(strength))
	}
	return kind, rank
}

// fcdoListing reads the designation's dates, cross-references, regime,
// sanctions and remarks.
func (m *mapper) fcdoListing(e *entity.Entity, w *designation, line int) {
	if s := strings.TrimSpace(w.DateDesignated); s != "" {
		if d, err := parseDay(s); err == nil {
			e.ListingDate = d
		} else {
			m.warn(line, "DateDesignated", "unreadable date %q", s)
		}
	}
	m.modifiedAt(e, line, "LastUpdated", w.LastUpdated)
	if id := strings.TrimSpace(w.OFSIGroupID); id != "" {
		addRelation(e, entity.Relation{Type: "sameAs", Target: "uk-ofsi-" + id})
	}
	if id := strings.TrimSpace(w.UNReferenceNumber); id != "" {
		addRelation(e, entity.Relation{Type: "sameAs", Target: "un-" + id})
	}
	for _, r := range w.RegimeName {
		addProgram(e, r)
	}
	e.AddProp("authority", strings.Split(w.DesignationSource, "|")...)
	e.AddProp("sanctionsImposed", strings.Split(w.SanctionsImposed, "|")...)
	m.attrs(line, "SanctionsImposedIndicators", w.Indicators.Attrs)
	for _, ind := range w.Indicators.Items {
		field := "SanctionsImposedIndicators/" + ind.elementName()
		m.extras(line, field, ind.wireExtra)
		switch v := strings.ToLower(ind.value()); v {
		case "true":
			e.AddProp("sanctions", ind.elementName())
		case "false", "":
		default:
			m.warn(line, field, "not a boolean: %q", ind.value())
		}
	}
	for _, s := range w.OtherInformation {
		addNote(e, s)
	}
	for _, s := range w.UKStatementofReasons {
		addNote(e, s)
	}
}

// modifiedAt records a record's last-updated date as FtM modifiedAt.
func (m *mapper) modifiedAt(e *entity.Entity, line int, field, s string) {
	if s = strings.TrimSpace(s); s == "" {
		return
	}
	d, err := parseDay(s)
	if err != nil {
		m.warn(line, field, "unreadable date %q", s)
		return
	}
	e.AddProp("modifiedAt", d.String())
}

// fcdoContacts reads titles, addresses, phone numbers, email addresses
// and websites.
func (m *mapper) fcdoContacts(e *entity.Entity, w *designation, line int) {
	for _, t := range items(m, line, "Designation/Titles", w.Titles, "Title") {
		e.AddProp("title", t.value())
	}
	for _, a := range items(m, line, "Designation/Addresses", w.Addresses, "Address") {
		addr := entity.Address{
			Full: joinParts(a.AddressLine1, a.AddressLine2, a.AddressLine3, a.AddressLine4,
				a.AddressLine5, a.AddressLine6, a.AddressPostalCode, a.AddressCountry),
			PostalCode: strings.TrimSpace(a.AddressPostalCode),
		}
		codes := m.countries(line, "AddressCountry", a.AddressCountry)
		if len(codes) > 0 {
			addr.Country = codes[0]
		}
		entity.AddCountry(&e.Countries, codes...)
		addAddress(e, addr)
	}
	for _, p := range items(m, line, "Designation/PhoneNumbers", w.PhoneNumbers, "PhoneNumber") {
		e.AddProp("phone", p.value())
	}
	for _, p := range items(m, line, "Designation/EmailAddresses", w.EmailAddresses, "EmailAddress") {
		e.AddProp("email", p.value())
	}
	for _, p := range items(m, line, "Designation/Websites", w.Websites, "Website") {
		e.AddProp("website", p.value())
	}
}

// fcdoIndividual reads <IndividualDetails><Individual>.
func (m *mapper) fcdoIndividual(e *entity.Entity, x individual, line int) {
	const p = "Individual/"
	for _, d := range items(m, line, p+"DOBs", x.DOBs, "DOB") {
		m.birthDate(e, line, "DOB", d.value())
	}
	for _, n := range items(m, line, p+"Nationalities", x.Nationalities, "Nationality") {
		entity.AddCountry(&e.Nationalities, m.countries(line, "Nationality", n.value())...)
	}
	for _, g := range items(m, line, p+"Genders", x.Genders, "Gender") {
		m.gender(e, line, "Gender", g.value())
	}
	for _, pos := range items(m, line, p+"Positions", x.Positions, "Position") {
		e.AddProp("position", pos.value())
	}
	for _, pp := range items(m, line, p+"PassportDetails", x.PassportDetails, "Passport") {
		addIdentifier(e, entity.IDPassport, "Passport", pp.PassportNumber, pp.PassportAdditionalInformation)
	}
	for _, id := range items(m, line, p+"NationalIdentifierDetails", x.NationalIdentifierDetails, "NationalIdentifier") {
		addIdentifier(e, entity.IDNational, "National identifier", id.NationalIdentifierNumber, id.NationalIdentifierAdditionalInformation)
	}
	for _, b := range items(m, line, p+"BirthDetails", x.BirthDetails, "Location") {
		if place := joinParts(b.TownOfBirth, b.CountryOfBirth); place != "" && !contains(e.BirthPlaces, place) {
			e.BirthPlaces = append(e.BirthPlaces, place)
		}
		e.AddProp("birthCountry", m.countries(line, "CountryOfBirth", b.CountryOfBirth)...)
	}
}

// fcdoEntityDetails reads <EntityDetails><Entity>.
func (m *mapper) fcdoEntityDetails(e *entity.Entity, x entityDetails, line int) {
	const p = "Entity/"
	for _, t := range items(m, line, p+"TypeOfEntities", x.TypeOfEntities, "TypeOfEntity") {
		e.AddProp("legalForm", t.value())
	}
	for _, s := range items(m, line, p+"Subsidiaries", x.Subsidiaries, "Subsidiary") {
		addRelation(e, entity.Relation{Type: "subsidiary", Name: s.value()})
	}
	for _, s := range items(m, line, p+"ParentCompanies", x.ParentCompanies, "ParentCompany") {
		addRelation(e, entity.Relation{Type: "parent", Name: s.value()})
	}
	for _, r := range items(m, line, p+"BusinessRegistrationNumbers", x.BusinessRegistrationNumbers, "BusinessRegistrationNumber") {
		addIdentifier(e, entity.IDRegistration, "Business registration number", r.value(), "")
	}
}

// fcdoShip reads <ShipDetails><Ship>.
func (m *mapper) fcdoShip(e *entity.Entity, x ship, line int) {
	const p = "Ship/"
	for _, v := range items(m, line, p+"IMONumbers", x.IMONumbers, "IMONumber") {
		addIdentifier(e, entity.IDIMO, "IMO number", v.value(), "")
	}
	for _, v := range items(m, line, p+"HullIdentificationNumbers", x.HullIdentificationNumbers, "HullIdentificationNumber") {
		addIdentifier(e, entity.IDRegistration, "Hull identification number", v.value(), "")
	}
	for _, v := range items(m, line, p+"CurrentOwnerOperators", x.CurrentOwnerOperators, "CurrentOwnerOperator") {
		e.AddProp("owner", v.value())
	}
	for _, v := range items(m, line, p+"PreviousOwnerOperators", x.PreviousOwnerOperators, "PreviousOwnerOperator") {
		e.AddProp("pastOwners", v.value())
	}
	for _, v := range items(m, line, p+"CurrentBelievedFlagOfShips", x.CurrentBelievedFlagOfShips, "CurrentBelievedFlagOfShip") {
		e.AddProp("flag", m.countries(line, "CurrentBelievedFlagOfShip", v.value())...)
	}
	for _, v := range items(m, line, p+"PreviousFlags", x.PreviousFlags, "PreviousFlag") {
		e.AddProp("pastFlags", m.countries(line, "PreviousFlag", v.value())...)
	}
	for _, v := range items(m, line, p+"TypeOfShipDetails", x.TypeOfShipDetails, "TypeOfShip") {
		e.AddProp("vesselType", v.value())
	}
	for _, v := range items(m, line, p+"TonnageOfShipDetails", x.TonnageOfShipDetails, "TonnageOfShip") {
		e.AddProp("tonnage", v.value())
	}
	for _, v := range items(m, line, p+"LengthOfShipDetails", x.LengthOfShipDetails, "LengthOfShip") {
		e.AddProp("length", v.value())
	}
	for _, v := range items(m, line, p+"YearBuiltDetails", x.YearBuiltDetails, "YearBuilt") {
		m.birthDate(e, line, "YearBuilt", v.value())
	}
}

// addIdentifier adds an identifier with its remark. A remark without a
// number is kept as a note, since it still says something about the
// party ("Diplomatic passport").
func addIdentifier(e *entity.Entity, typ, label, value, note string) {
	value, note = strings.TrimSpace(value), strings.TrimSpace(note)
	if value == "" {
		if note != "" {
			addNote(e, label+": "+note)
		}
		return
	}
	e.AddIdentifier(entity.Identifier{Type: typ, Value: value, Label: label, Note: note, Country: identifierCountry(note)})
}

// items returns the children of a wrapper element that have the expected
// name, and warns about other children and about anything the items do
// not map.
func items[T named](m *mapper, line int, path string, l list[T], want string) []T {
	m.attrs(line, path, l.Attrs)
	out := make([]T, 0, len(l.Items))
	for _, it := range l.Items {
		if it.elementName() != want {
			m.warn(line, path+"/"+it.elementName(), "element not mapped")
			continue
		}
		m.extras(line, path+"/"+want, it.extra())
		out = append(out, it)
	}
	return out
}

// extras warns about the elements and attributes a struct did not map.
func (m *mapper) extras(line int, path string, x wireExtra) {
	m.attrs(line, path, x.Attrs)
	for _, u := range x.Unknown {
		m.warn(line, path+"/"+u.XMLName.Local, "element not mapped")
	}
}

// xsiNamespace is the XML Schema instance namespace; xsi:nil="true" marks
// an empty element and carries nothing to map.
const xsiNamespace = "http://www.w3.org/2001/XMLSchema-instance"

// attrs warns about attributes, except namespace declarations and xsi:nil.
func (m *mapper) attrs(line int, path string, attrs []xml.Attr) {
	for _, a := range attrs {
		if a.Name.Space == "xmlns" || a.Name.Local == "xmlns" || (a.Name.Space == xsiNamespace && a.Name.Local == "nil") {
			continue
		}
		m.warn(line, path+"@"+a.Name.Local, "attribute not mapped")
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
