package csl

import (
	"regexp"
	"strings"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
)

// The ids column carries OFAC's "features" of an entry as a "; "-joined
// list of tuples whose parts are joined with ", ", the type last:
//
//	[country, ][expiry date, ][issue date, ]number, type
//	CA, BC166787, Passport
//	JO, 2014-08-30, 2009-08-31, K475336, Passport
//	2004-02-05, 1999-06-23, G025057, Passport
//	Male, Gender
//	Subject to Directive 1, Executive Order 13662 Directive Determination -
//
// The country is an ISO code. The dates are ISO dates, the later one the
// expiry; when only one date is given, the file does not say whether it
// is the issue or the expiry date. A value may itself contain ", "
// ("Korea, North, Nationality of Registration"), so everything between
// the country and dates and the type is the value.

// idAction says what a type of the ids column maps to.
type idAction int

const (
	actIdentifier  idAction = iota
	actProp                 // a string property
	actCountryProp          // a property holding a country code
	actCountries            // the entity's countries
	actDate                 // a build or incorporation date
	actGender
	actNote
)

type idRule struct {
	act  idAction
	prop string // FtM identifier type or property name
}

// idRules maps the types of the ids column that are not identifiers,
// and identifier types keywords do not place, lower case.
var idRules = map[string]idRule{
	"gender":                        {actGender, ""},
	"website":                       {actProp, "website"},
	"email address":                 {actProp, "email"},
	"phone number":                  {actProp, "phone"},
	"organization type:":            {actProp, "sector"},
	"target type":                   {actProp, "classification"},
	"aircraft model":                {actProp, "model"},
	"aircraft operator":             {actProp, "operator"},
	"other vessel type":             {actProp, "vesselType"},
	"equity ticker":                 {actProp, "ticker"},
	"micex code":                    {actProp, "ticker"},
	"former vessel flag":            {actCountryProp, "pastFlags"},
	"other vessel flag":             {actCountryProp, "pastFlags"},
	"nationality of registration":   {actCountries, ""},
	"registration country":          {actCountries, ""},
	"organization established date": {actDate, ""},
	"aircraft manufacture date":     {actDate, ""},
	"aircraft manufacturer's serial number (msn)": {actProp, "serialNumber"},
	"aircraft serial identification":              {actProp, "serialNumber"},
	"serial no.":                                  {actProp, "serialNumber"},
	"aircraft tail number":                        {actIdentifier, entity.IDRegistration},
	"previous aircraft tail number":               {actIdentifier, entity.IDRegistration},
	"other vessel call sign":                      {actIdentifier, entity.IDCallSign},
	"mmsi":                                        {actIdentifier, entity.IDMMSI},
	"swift/bic":                                   {actIdentifier, entity.IDSwiftBIC},
	"isin":                                        {actIdentifier, entity.IDISIN},
	"vessel registration identification":          {actIdentifier, entity.IDIMO},
}

// notePrefixes are types of sanctions information and dates about the
// listing, kept as notes: "Secondary sanctions risk:", "Listing Date
// (CMIC)", "Executive Order 14024 Directive Information".
var notePrefixes = []string{
	"additional sanctions information", "secondary sanctions risk", "transactions prohibited",
	"executive order", "caatsa", "ifca", "peesa", "listing date", "effective date",
	"purchase/sales for divestment date", "aircraft construction number", "aircraft mode s transponder code",
	"un/locode", "chinese commercial code", "issuer name",
}

// idKeywords place the other types among FtM identifier types, first
// match first: "Diplomatic Passport", "Digital Currency Address - XBT",
// "R.F.C.", "Cedula No.", "Folio Mercantil No.".
var idKeywords = []struct {
	typ   string
	words []string
}{
	{entity.IDPassport, []string{"passport", "travel document"}},
	{entity.IDCrypto, []string{"digital currency address"}},
	{entity.IDLEI, []string{"legal entity number"}},
	{entity.IDTax, []string{"tax", "fiscal", "v.a.t.", "vat ", "rfc", "r.f.c.", "nit #", "ruc #", "rif #",
		"c.u.i.t.", "fein", "nuit", "rtn", "c.i.f.", "rsin"}},
	{entity.IDNational, []string{"national", "identification", "id card", "id no", "identity", "cedula",
		"c.u.r.p.", "d.n.i.", "ssn", "i.f.e.", "personal", "citizen", "identidad", "residen", "birth certificate",
		"tazkira", "cnp", "c.u.i", "electoral", "credencial", "cartilla", "driver", "visa", "immigration",
		"n.i.e.", "seafarer", "pilot", "permit", "refugee", "stateless"}},
	{entity.IDRegistration, []string{"registration", "registry", "registered", "company number", "business number",
		"enterprise number", "mercantil", "gazette", "license", "licence", "credit code", "chamber of comm",
		"incorporation", "file number", "branch unit", "le number", "d-u-n-s", "c.r.", "bik"}},
}

var (
	isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	leiRe   = regexp.MustCompile(`^[A-Z0-9]{18}[0-9]{2}$`)
	ogrnRe  = regexp.MustCompile(`^\d{13}$|^\d{15}$`)
	innRe   = regexp.MustCompile(`^\d{10}$|^\d{12}$`)
)

// identifier maps one tuple of the ids column.
func (b *builder) identifier(e *entity.Entity, rec *record, item string) {
	parts := strings.Split(item, ", ")
	label := strings.TrimSpace(parts[len(parts)-1])
	value := strings.TrimSpace(strings.Join(parts[:len(parts)-1], ", "))
	if value == "" {
		b.warnf(rec.line, colIDs, "entry %q has no value, kept in the raw record only", item)
		return
	}
	key := strings.ToLower(label)
	rule, ok := idRules[key]
	if !ok {
		if hasPrefix(key, notePrefixes) {
			rule = idRule{act: actNote}
		} else if typ := keywordType(key); typ != "" {
			rule = idRule{act: actIdentifier, prop: typ}
		} else {
			b.warnf(rec.line, colIDs, "unknown type %q; kept as a note", label)
			rule = idRule{act: actNote}
		}
	}
	switch rule.act {
	case actIdentifier:
		e.AddIdentifier(document(rule.prop, label, parts[:len(parts)-1]))
	case actProp:
		e.AddProp(rule.prop, value)
	case actCountryProp, actCountries:
		if strings.EqualFold(value, "None Identified") {
			return
		}
		code, ok := countryCode(value)
		if !ok {
			b.warnf(rec.line, colIDs, "unknown country %q in %q", value, label)
			addString(&e.Notes, label+": "+value)
			return
		}
		if rule.act == actCountries {
			entity.AddCountry(&e.Countries, code)
		} else {
			e.AddProp(rule.prop, code)
		}
	case actDate:
		r, err := source.ParseDateText(value)
		if err != nil {
			b.warnf(rec.line, colIDs, "unreadable date %q in %q, kept as a note", value, label)
			addString(&e.Notes, label+": "+value)
			return
		}
		e.AddBirthDate(r)
	case actGender:
		switch strings.ToLower(value) {
		case "male", "female":
			e.Gender = strings.ToLower(value)
		default:
			b.warnf(rec.line, colIDs, "unknown gender %q, kept as a note", value)
			addString(&e.Notes, label+": "+value)
		}
	case actNote:
		addString(&e.Notes, note(label, value))
	}
}

// document reads "[country, ][expiry, ][issue, ]number" into an
// identifier of type typ, refined by the value: an LEI must look like
// one, Russian tax and registration numbers are INN and OGRN codes, a
// vessel registration or company number of the form "IMO 1234567" is an
// IMO number.
func document(typ, label string, parts []string) entity.Identifier {
	id := entity.Identifier{Type: typ, Label: label}
	if len(parts) >= 2 {
		if c := strings.TrimSpace(parts[0]); len(c) == 2 && strings.ToUpper(c) == c {
			if code, ok := countryCode(c); ok {
				id.Country, parts = code, parts[1:]
			}
		}
	}
	var dates []string
	for len(parts) >= 2 && isoDate.MatchString(strings.TrimSpace(parts[0])) {
		dates, parts = append(dates, strings.TrimSpace(parts[0])), parts[1:]
	}
	switch len(dates) {
	case 1:
		id.Note = "issued or expires " + dates[0]
	case 2:
		id.Note = "issued " + dates[1] + ", expires " + dates[0]
	}
	id.Value = strings.TrimSpace(strings.Join(parts, ", "))
	switch {
	case typ == entity.IDLEI && !leiRe.MatchString(id.Value):
		id.Type = entity.IDRegistration
	case typ == entity.IDTax && id.Country == "ru" && innRe.MatchString(id.Value):
		id.Type = entity.IDINN
	case typ == entity.IDRegistration && id.Country == "ru" && ogrnRe.MatchString(id.Value):
		id.Type = entity.IDOGRN
	case strings.HasPrefix(id.Value, "IMO ") && (typ == entity.IDRegistration || typ == entity.IDIMO):
		id.Type = entity.IDIMO
	case typ == entity.IDIMO:
		id.Type = entity.IDRegistration
	}
	return id
}

func keywordType(label string) string {
	for _, k := range idKeywords {
		if hasAny(label, k.words) {
			return k.typ
		}
	}
	return ""
}

// note writes a sanctions-information entry as OFAC writes it in its
// remarks: "Secondary sanctions risk: section 1(b) of Executive Order
// 13224", "Listing Date (CMIC): 03 Jun 2021".
func note(label, value string) string {
	if strings.HasSuffix(label, ":") || strings.HasSuffix(label, "-") {
		return label + " " + value
	}
	return label + ": " + value
}

func hasPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func hasAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
