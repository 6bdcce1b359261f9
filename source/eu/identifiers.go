package eu

import (
	"slices"
	"strings"
	"unicode"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
)

// idTypes maps identificationTypeCode to the FtM property.
var idTypes = map[string]string{
	"passport":   entity.IDPassport,
	"id":         entity.IDNational,
	"regnumber":  entity.IDRegistration,
	"fiscalcode": entity.IDTax,
	"swiftbic":   entity.IDSwiftBIC,
	"imo":        entity.IDIMO,
	"other":      entity.IDNational,
}

// otherTypes refine the code "other" by words of the description
// ("Tax Identification Number (INN)"), most specific first.
var otherTypes = []struct{ word, typ string }{
	{"inn", entity.IDINN},
	{"ogrn", entity.IDOGRN},
	{"tax", entity.IDTax},
	{"fiscal", entity.IDTax},
	{"registration", entity.IDRegistration},
	{"passport", entity.IDPassport},
	{"imo", entity.IDIMO},
	{"swift", entity.IDSwiftBIC},
	{"bic", entity.IDSwiftBIC},
}

// idType returns the FtM property for an identification type, and false
// when the code is not one the EU is known to use.
func idType(code, description string) (string, bool) {
	typ, known := idTypes[code]
	if !known {
		return entity.IDNational, false
	}
	if code == "other" {
		words := strings.FieldsFunc(strings.ToLower(description), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		})
		for _, o := range otherTypes {
			if slices.Contains(words, o.word) {
				return o.typ, true
			}
		}
	}
	return typ, true
}

// identification maps an identity document or registration number. The
// label is identificationTypeDescription ("National passport"); the note
// holds what the EU says about the document: flags (knownExpired,
// knownFalse, reportedLost, revokedByIssuer, diplomatic), dates, issuer,
// place of issue (region), the name on it and remarks. latinNumber, the
// number in Latin letters where number is in another script, is a second
// identifier.
func (m *mapper) identification(x identification) {
	const field = "identification"
	m.unknownDetail(field, x.detail)
	code := strings.ToLower(source.Clean(x.IdentificationTypeCode))
	label := source.Clean(x.IdentificationTypeDescription)
	typ, known := idType(code, label)
	if !known {
		m.warnf(field+"@identificationTypeCode", "unknown identification type %q, mapped to %s", code, typ)
	}
	if label == "" {
		label = code
	}
	cc, ok := country(x.CountryIso2Code, x.CountryDescription)
	if !ok {
		m.warnf(field+"@countryIso2Code", "unknown country %q (%q)", source.Clean(x.CountryIso2Code), source.Clean(x.CountryDescription))
	}
	note := identificationNote(x)
	number, latin := source.Clean(x.Number), source.Clean(x.LatinNumber)
	if number == "" && latin == "" {
		if note != "" {
			m.note("%s: %s", label, note)
		}
		return
	}
	for _, v := range []string{number, latin} {
		if v != "" {
			m.e.AddIdentifier(entity.Identifier{Type: typ, Value: v, Country: cc, Label: label, Note: note})
		}
	}
}

func identificationNote(x identification) string {
	var parts []string
	for _, f := range []struct{ value, text string }{
		{x.KnownExpired, "known expired"},
		{x.KnownFalse, "known false"},
		{x.ReportedLost, "reported lost"},
		{x.RevokedByIssuer, "revoked by issuer"},
		{x.Diplomatic, "diplomatic"},
	} {
		if isTrue(f.value) {
			parts = append(parts, f.text)
		}
	}
	for _, f := range []struct{ prefix, value string }{
		{"issued ", x.IssueDate},
		{"valid from ", x.ValidFrom},
		{"valid to ", x.ValidTo},
		{"issued by ", x.IssuedBy},
		{"issued in ", x.Region},
		{"name on document: ", x.NameOnDocument},
	} {
		if v := source.Clean(f.value); v != "" {
			parts = append(parts, f.prefix+v)
		}
	}
	if country := source.Clean(x.CountryDescription); country != "" && !strings.EqualFold(country, "unknown") && !countryKnown(x) {
		parts = append(parts, "country: "+country)
	}
	for _, r := range x.Remarks {
		if r = source.Clean(r); r != "" {
			parts = append(parts, r)
		}
	}
	return strings.Join(parts, "; ")
}

// countryKnown reports whether the identification's country maps to a
// code, so that its name need not be repeated in the note.
func countryKnown(x identification) bool {
	c, _ := country(x.CountryIso2Code, x.CountryDescription)
	return c != ""
}
