package eu

import (
	"strings"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
)

// citizenship maps a country of citizenship.
func (m *mapper) citizenship(c citizenship) {
	const field = "citizenship"
	m.unknownDetail(field, c.detail)
	code, ok := country(c.CountryIso2Code, c.CountryDescription)
	if !ok {
		m.warnf(field+"@countryIso2Code", "unknown country %q (%q)", source.Clean(c.CountryIso2Code), source.Clean(c.CountryDescription))
	}
	entity.AddCountry(&m.e.Citizenships, code)
	what := source.Join(" ", "Citizenship", source.Clean(c.CountryDescription))
	if r := source.Clean(c.Region); r != "" {
		m.note("%s: region %s", what, r)
	}
	for _, r := range c.Remarks {
		if r = source.Clean(r); r != "" {
			m.note("%s: %s", what, r)
		}
	}
}

// address maps a postal address; its country also joins the entity's
// countries. contactInfo entries are phone, email and website properties
// (a fax number is a phone number). An address with no parts but a
// remark is the remark, as the UN writes such addresses.
func (m *mapper) address(a address) {
	const field = "address"
	m.unknownDetail(field, a.detail)
	addr := entity.Address{
		Street:     source.Clean(a.Street),
		City:       source.Clean(a.City),
		Region:     source.Clean(a.Region),
		PostalCode: source.Clean(a.ZipCode),
	}
	code, ok := country(a.CountryIso2Code, a.CountryDescription)
	if !ok {
		m.warnf(field+"@countryIso2Code", "unknown country %q (%q)", source.Clean(a.CountryIso2Code), source.Clean(a.CountryDescription))
	}
	addr.Country = code
	entity.AddCountry(&m.e.Countries, code)
	countryName := source.Clean(a.CountryDescription)
	if strings.EqualFold(countryName, "unknown") {
		countryName = ""
	}
	poBox := source.Clean(a.PoBox)
	if poBox != "" {
		poBox = "P.O. Box " + poBox
	}
	addr.Full = source.Join(", ", addr.Street, poBox, source.Clean(a.Place), addr.City, addr.PostalCode, addr.Region, countryName)
	var remarks []string
	for _, r := range a.Remarks {
		if r = source.Clean(r); r != "" {
			remarks = append(remarks, r)
		}
	}
	if addr.Full == "" && len(remarks) > 0 {
		addr.Full, remarks = remarks[0], remarks[1:]
	}
	for _, c := range a.ContactInfo {
		m.contact(c)
	}
	if addr.Full == "" {
		return
	}
	if !containsAddress(m.e.Addresses, addr) {
		m.e.Addresses = append(m.e.Addresses, addr)
	}
	if isTrue(a.AsAtListingTime) {
		m.note("Address %s: as at listing time", addr.Full)
	}
	for _, r := range remarks {
		m.note("Address %s: %s", addr.Full, r)
	}
}

// contact maps a contactInfo. Several numbers in one value are split at
// semicolons ("+98 21 2258929; +98 21 35243153").
func (m *mapper) contact(c contactInfo) {
	m.unknownIn("address/contactInfo", c.Unknown, c.UnknownAttrs)
	key := strings.ToUpper(source.Clean(c.Key))
	var prop string
	switch key {
	case "PHONE", "FAX":
		prop = "phone"
	case "EMAIL":
		prop = "email"
	case "WEB":
		prop = "website"
	default:
		m.warnf("address/contactInfo@key", "unknown contact key %q, kept in notes", key)
		m.note("%s: %s", key, source.Clean(c.Value))
		return
	}
	for _, v := range strings.Split(c.Value, ";") {
		m.e.AddProp(prop, source.Clean(v))
	}
}

func containsAddress(list []entity.Address, a entity.Address) bool {
	for _, x := range list {
		if x == a {
			return true
		}
	}
	return false
}
