package ofac

import (
	"slices"
	"strings"

	"github.com/vetoscreen/veto/entity"
)

// factKind says where a labelled fact goes in the entity.
type factKind uint8

const (
	factUnknown     factKind = iota
	factIdentifier           // Identifiers, Type = rule.prop
	factProp                 // Props[rule.prop]
	factNote                 // Notes, as "label value"
	factBirthDate            // BirthDates: date of birth, build date, establishment date
	factBirthPlace           // BirthPlaces
	factNationality          // Nationalities
	factCitizenship          // Citizenships
	factCountry              // Countries: place of registration
	factFlag                 // Props["flag"] as a country code
	factPastFlag             // Props["pastFlags"] as a country code
	factGender               // Gender
	factAlias                // a strong alias
	factWeakAlias            // a weak alias
	factPrevious             // a former name
	factRelation             // Relations, "linkedTo"
)

// rule maps one of OFAC's labels to the model.
type rule struct {
	kind factKind
	// prop is the FtM property: the Identifier type for factIdentifier,
	// the Props key for factProp.
	prop string
}

// Identifier types that FtM has and entity does not name as constants.
const (
	idSerial = "serialNumber" // aircraft serial numbers (FtM Airplane)
	idBIK    = "bikCode"      // Russian bank identification code (FtM Company)
)

// labelRules is the one table of OFAC's labels, shared by every format:
// the remarks clauses of the CSV files ("Passport 123 (Russia)"), the
// idType of sdn.xml, and the feature and identity document types of the
// enhanced XML. Keys are folded with labelKey, so "Fax:", "FAX" and "Fax"
// are one label. The labels are those measured on the real lists.
var labelRules = buildLabelRules()

func buildLabelRules() map[string]rule {
	m := make(map[string]rule, 300)
	add := func(r rule, labels ...string) {
		for _, l := range labels {
			m[labelKey(l)] = r
		}
	}
	id := func(typ string, labels ...string) { add(rule{factIdentifier, typ}, labels...) }
	prop := func(p string, labels ...string) { add(rule{factProp, p}, labels...) }

	id(entity.IDPassport, "Passport", "Passport No.", "Diplomatic Passport", "Passport Booklet",
		"British National Overseas Passport", "Stateless Person Passport", "U.S.A. Passport",
		"Travel Document Number")
	id(entity.IDTax, "Tax ID No.", "Italian Fiscal Code", "NIT #", "RUC #", "R.F.C.", "R.F.C. #", "RFC",
		"RIF #", "US FEIN", "C.U.I.T.", "V.A.T. Number", "N.I.F.", "C.I.F.",
		"Paraguayan tax identification number", "Fiscal Code", "Romanian Tax Registration",
		"Numero Unico de Identificacao Tributaria (NUIT)", "RTN", "RSIN")
	id(entity.IDRegistration, "Registration Number", "Registration ID", "Business Registration Number",
		"Business Registration Document #", "Business Number", "Company Number", "UK Company Number",
		"Company ID: No.", "Commercial Registry Number", "C.R. No.", "Romanian C.R.",
		"Government Gazette Number", "GovernmentGazette Number", "Folio Mercantil No.", "Matricula Mercantil No",
		"Matricula Mercantil No.", "Trade License No.", "Chamber of Commerce Number",
		"Istanbul Chamber of Comm. No.", "Dubai Chamber of Commerce Membership No.",
		"Economic Register Number (CBLS)", "Public Registration Number",
		"Central Registration System Number", "Enterprise Number", "Branch Unit Number",
		"Registered Charity No.", "Certificate of Incorporation Number",
		"Unified Social Credit Code (USCC)", "United Social Credit Code Certificate (USCCC)",
		"D-U-N-S Number", "License", "Permit Number", "Afghan Money Service Provider License Number",
		"MSB Registration Number", "Tourism License No.", "Organization Code",
		"Registration Certificate Number (Dubai)", "C.I.N.", "Trademark number",
		"Global Intermediary Identification Number", "Aircraft Tail Number",
		"Previous Aircraft Tail Number", "Aircraft Mode S Transponder Code")
	id(entity.IDOGRN, "Russian State Individual Business Registration Number Pattern (OGRNIP)")
	id(entity.IDNational, "National ID No.", "Cedula No.", "Identification Number", "C.U.R.P.",
		"C.U.R.P. #", "D.N.I.", "Personal ID Card", "National Foreign ID Number", "Credencial electoral",
		"Electoral Registry No.", "Birth Certificate Number", "Residency Number", "Citizen's Card Number",
		"Turkish Identification Number", "Numero de Identidad", "Kenyan ID No.", "C.U.I.", "C.U.I.P.",
		"I.F.E.", "SSN", "LE Number", "Tazkira National ID Card", "Refugee ID Card",
		"Stateless Person ID Card", "CNP (Personal Numerical Code)", "Romanian Permanent Resident",
		"Romanian Permanent Resident CAN", "Bosnian Personal ID No.", "Moroccan Personal ID No.",
		"UAE Identification", "Public Security and Immigration No.", "Immigration No.", "VisaNumberID",
		"SRE Permit No.", "Cartilla de Servicio Militar Nacional", "Military Registration Number",
		"N.I.E.", "Seafarer's Identification Document", "Driver's License No.", "Tarjeta Profesional",
		"Pilot License Number", "File Number", "Temporary suspension of deportation No.")
	id(entity.IDLEI, "Legal Entity Number", "LEI")
	id(entity.IDSwiftBIC, "SWIFT/BIC", "SWIFT", "BIC")
	id(entity.IDISIN, "ISIN")
	id(entity.IDMMSI, "MMSI")
	id(entity.IDIMO, "IMO", "Vessel Registration Identification", "International Maritime Organization No.")
	id(entity.IDCallSign, "Call Sign", "Vessel Call Sign", "Other Vessel Call Sign")
	id(idSerial, "Aircraft Manufacturer's Serial Number (MSN)",
		"Aircraft Construction Number (also called L/N or S/N or F/N)", "Aircraft Serial Identification",
		"Serial No.")
	id(idBIK, "BIK (RU)")

	prop("email", "Email Address", "Email")
	prop("website", "Website")
	prop("phone", "Phone Number", "Phone No.", "Phone", "Telephone", "Telephone No.", "Telephone Number")
	prop("position", "Title", "Position", "Alternate Title")
	prop("ethnicity", "ethnicity")
	prop("model", "Aircraft Model")
	prop("operator", "Aircraft Operator")
	prop("owner", "Vessel Owner")
	prop("vesselType", "Vessel Type", "VESSEL TYPE", "Other Vessel Type")
	prop("tonnage", "Vessel Tonnage", "Tonnage")
	prop("grossRegisteredTonnage", "Vessel Gross Registered Tonnage", "Gross Registered Tonnage", "GRT")
	prop("sector", "Organization Type")
	prop("classification", "Target Type")
	prop("ticker", "Equity Ticker", "MICEX Code")
	prop("unLocode", "UN/LOCODE")

	add(rule{kind: factBirthDate}, "DOB", "Birthdate", "Date of Birth", "Organization Established Date",
		"Vessel Year of Build", "Aircraft Manufacture Date")
	add(rule{kind: factBirthPlace}, "POB", "Place of Birth")
	add(rule{kind: factNationality}, "nationality", "Nationality Country")
	add(rule{kind: factCitizenship}, "citizen", "Citizenship Country")
	add(rule{kind: factCountry}, "Nationality of Registration", "Registration Country")
	add(rule{kind: factFlag}, "Vessel Flag", "Flag", "Other Vessel Flag")
	add(rule{kind: factPastFlag}, "Former Vessel Flag")
	add(rule{kind: factGender}, "Gender")
	add(rule{kind: factAlias}, "n.k.a.", "d.b.a.", "Issuer Name")
	add(rule{kind: factWeakAlias}, "a.k.a.")
	add(rule{kind: factPrevious}, "f.k.a.")
	add(rule{kind: factRelation}, "Linked To")

	// Sanctions information, directive dates and contact details that
	// identify nobody: kept as notes, in OFAC's words.
	add(rule{kind: factNote}, "Secondary sanctions risk",
		"Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions",
		"Additional Sanctions Information", "Executive Order 13662 Directive Determination",
		"Executive Order 14024 Directive Information", "Executive Order 14014 Directive Information",
		"Executive Order 14059 information", "Executive Order 13846 information",
		"CAATSA Section 235 Information", "IFCA Determination", "PEESA Information",
		"Purchase/Sales For Divestment Date (CMIC)", "Chinese Commercial Code", "Fax", "Fax No.",
		"TELEX", "arrested", "Interpol")
	return m
}

// labelKey folds a label for lookup: lower case, single spaces, and no
// trailing ":", "," or " -" (OFAC writes "Telephone:" and "Telephone",
// "Executive Order 14024 Directive Information -" and without the dash).
func labelKey(s string) string {
	s = strings.ReplaceAll(s, "’", "'") // "Aircraft Manufacturer’s Serial Number (MSN)"
	s = strings.Join(strings.Fields(strings.ToLower(s)), " ")
	return strings.TrimRight(s, ":,- ")
}

// lookupLabel returns the rule for a label: the table first, then the
// families OFAC extends with new members (one label per crypto currency,
// executive order and directive date), then keyword rules for identifier
// types. It reports false only for labels nothing recognises.
func lookupLabel(label string) (rule, bool) {
	k := labelKey(label)
	if r, ok := labelRules[k]; ok {
		return r, true
	}
	switch {
	case strings.HasPrefix(k, "digital currency address"):
		return rule{factIdentifier, entity.IDCrypto}, true
	case strings.HasPrefix(k, "executive order "), strings.HasPrefix(k, "listing date ("),
		strings.HasPrefix(k, "effective date ("):
		return rule{kind: factNote}, true
	}
	return keywordRule(k)
}

// keywordRules classify identifier labels not in the table by words in
// them, in this order: the first match wins.
var keywordRules = []struct {
	words []string
	typ   string
}{
	{[]string{"passport"}, entity.IDPassport},
	{[]string{"tax", "fiscal", "v.a.t.", "vat "}, entity.IDTax},
	{[]string{"registration", "registry", "register", "business", "license", "licence", "commercial",
		"company number", "company no", "c.r.", "chamber of commerce", "incorporation"}, entity.IDRegistration},
	{[]string{"national", "identification", "identity", "cedula", "id no", "id card", "id number", "personal id"}, entity.IDNational},
}

func keywordRule(k string) (rule, bool) {
	for _, kr := range keywordRules {
		if slices.ContainsFunc(kr.words, func(w string) bool { return strings.Contains(k, w) }) {
			return rule{factIdentifier, kr.typ}, true
		}
	}
	return rule{}, false
}

// labelPrefixes lists the table's labels by first word, longest first, for
// finding the label a remarks clause starts with.
var labelPrefixes = buildLabelPrefixes()

func buildLabelPrefixes() map[string][]string {
	m := make(map[string][]string)
	for k := range labelRules {
		first, _, _ := strings.Cut(k, " ")
		m[first] = append(m[first], k)
	}
	for _, ks := range m {
		slices.SortFunc(ks, func(a, b string) int {
			if len(a) != len(b) {
				return len(b) - len(a)
			}
			return strings.Compare(a, b)
		})
	}
	return m
}

// matchLabel finds the longest known label at the start of clause, where
// a label ends at a space, a colon, a comma or the end of the clause. It
// returns the label as written in the clause and the rest. Labels are
// ASCII, so the clause is compared in place, byte offsets intact.
func matchLabel(clause string) (label, rest string, r rule, ok bool) {
	const crypto = "digital currency address - "
	if hasPrefixFold(clause, crypto) {
		// One label per currency: "Digital Currency Address - XBT".
		head, value, _ := strings.Cut(clause[len(crypto):], " ")
		return clause[:len(crypto)+len(head)], strings.TrimSpace(value), rule{factIdentifier, entity.IDCrypto}, true
	}
	first, _, _ := strings.Cut(clause, " ")
	for _, k := range labelPrefixes[strings.TrimRight(strings.ToLower(first), ":,")] {
		if !hasPrefixFold(clause, k) {
			continue
		}
		n := len(k)
		// Allow the clause's own ":", "," or " -" after the folded label.
		for n < len(clause) && (clause[n] == ':' || clause[n] == ',' || (clause[n] == ' ' && n+1 < len(clause) && clause[n+1] == '-')) {
			if clause[n] == ' ' {
				n++
			}
			n++
		}
		if n < len(clause) && clause[n] != ' ' {
			continue
		}
		return clause[:n], strings.TrimSpace(clause[n:]), labelRules[k], true
	}
	return "", "", rule{}, false
}

// hasPrefixFold reports whether s starts with the ASCII prefix, ignoring
// case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
