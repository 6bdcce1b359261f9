package un

import (
	"strings"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
)

// document maps an INDIVIDUAL_DOCUMENT to an identifier. TYPE_OF_DOCUMENT
// is "Passport" or "National Identification Number" (and, in a few
// records, the French and Spanish words for passport number);
// TYPE_OF_DOCUMENT2 names the document more closely ("Italian Fiscal
// Code", "Birth certificate") and is the label when given. ISSUING_COUNTRY
// is the state that issued it; COUNTRY_OF_ISSUE and CITY_OF_ISSUE where,
// which for embassies differs.
//
// Some records give no NUMBER, only a NOTE that holds the number in a
// sentence ("Tunisian passport number L 191609 issued on ..."); those go
// to the notes, since the number cannot be cut out reliably.
func (m *mapper) document(d document) {
	const field = "INDIVIDUAL_DOCUMENT"
	m.unknownIn(field, d.Unknown, d.UnknownAttrs)
	typ, typ2 := source.Clean(d.Type), strings.TrimRight(source.Clean(d.Type2), ": ")
	number, issuing, ofIssue := source.Clean(d.Number), source.Clean(d.IssuingCountry), source.Clean(d.CountryOfIssue)
	label := typ
	if typ2 != "" {
		label = typ2
	}
	var details []string
	if s := source.Clean(d.DateOfIssue); s != "" {
		details = append(details, "issued "+s)
	}
	where := source.Clean(d.CityOfIssue)
	if issuing != "" && !strings.EqualFold(ofIssue, issuing) {
		where = source.Join(", ", where, ofIssue)
	}
	if where != "" {
		details = append(details, "issued in "+where)
	}
	if n := source.Clean(d.Note); n != "" {
		details = append(details, n)
	}
	if number == "" {
		if issuing != "" {
			details = append(details, "issued by "+issuing)
		}
		switch {
		case len(details) > 0:
			m.note("%s: %s", label, strings.Join(details, "; "))
		case typ2 != "":
			m.note("%s", typ2)
		}
		return
	}
	idType, known := documentType(typ, typ2)
	if !known {
		m.warnf(field+"/TYPE_OF_DOCUMENT", "unknown document type %q, mapped to %s", label, idType)
	}
	id := entity.Identifier{Type: idType, Value: number, Label: label, Note: strings.Join(details, "; ")}
	country := issuing
	if country == "" {
		country = ofIssue
	}
	if country != "" && !notAvailable(country) {
		if c, ok := countryCode(country); ok {
			id.Country = c
		} else {
			m.warnf(field+"/ISSUING_COUNTRY", "unknown country %q", country)
		}
	}
	m.e.AddIdentifier(id)
}

// documentType returns the FtM property for a document type, and false
// when neither type field is one it knows (the result is then idNumber).
func documentType(typ, typ2 string) (string, bool) {
	t, t2 := strings.ToLower(typ), strings.ToLower(typ2)
	switch {
	case containsAny(t2, "passport", "passeport", "pasaporte"):
		return entity.IDPassport, true
	case containsAny(t2, "fiscal code", "tax"):
		return entity.IDTax, true
	case containsAny(t, "passport", "passeport", "pasaporte"):
		return entity.IDPassport, true
	case containsAny(t, "identification", "identity") || (t == "" && t2 != ""):
		return entity.IDNational, true
	}
	return entity.IDNational, false
}

func containsAny(s string, subs ...string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}
