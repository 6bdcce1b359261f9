package un

import (
	"strings"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
)

// address maps an INDIVIDUAL_ADDRESS or ENTITY_ADDRESS. The country of an
// address also joins the entity's countries (residence, seat). A NOTE
// says how the address is known ("as of June 2016"); when an address has
// no parts, the NOTE is the address ("Office Dha'rbi-M'unin, ...,
// Pakistan").
func (m *mapper) address(a address) {
	field := m.kind + "_ADDRESS"
	m.unknownIn(field, a.Unknown, a.UnknownAttrs)
	country, note := source.Clean(a.Country), source.Clean(a.Note)
	addr := entity.Address{
		Street:     source.Clean(a.Street),
		City:       source.Clean(a.City),
		Region:     source.Clean(a.StateProvince),
		PostalCode: source.Clean(a.ZipCode),
	}
	if country != "" && !notAvailable(country) {
		if c, ok := countryCode(country); ok {
			addr.Country = c
			entity.AddCountry(&m.e.Countries, c)
		} else {
			m.warnf(field+"/COUNTRY", "unknown country %q", country)
		}
	}
	addr.Full = source.Join(", ", addr.Street, addr.City, addr.Region, addr.PostalCode, country)
	switch {
	case addr.Full == "" && note == "":
		return
	case addr.Full == "":
		addr.Full = note
	case note != "":
		m.note("Address %s: %s", addr.Full, note)
	}
	for _, x := range m.e.Addresses {
		if x == addr {
			return
		}
	}
	m.e.Addresses = append(m.e.Addresses, addr)
}

// placeOfBirth maps an INDIVIDUAL_PLACE_OF_BIRTH to one place written as
// its parts joined, small to large, with the NOTE after it in brackets
// ("Manono Territory, Katanga Province (now Tanganyika Province)").
func (m *mapper) placeOfBirth(p placeOfBirth) {
	m.unknownIn("INDIVIDUAL_PLACE_OF_BIRTH", p.Unknown, p.UnknownAttrs)
	place := source.Join(", ", source.Clean(p.Street), source.Clean(p.City), source.Clean(p.StateProvince), source.Clean(p.Country))
	switch note := source.Clean(p.Note); {
	case note == "":
	case place == "":
		place = note
	case strings.HasPrefix(note, "(") && strings.HasSuffix(note, ")"):
		place += " " + note
	default:
		place += " (" + note + ")"
	}
	m.addBirthPlace(place)
}

func (m *mapper) addBirthPlace(place string) {
	if place == "" {
		return
	}
	for _, x := range m.e.BirthPlaces {
		if x == place {
			return
		}
	}
	m.e.BirthPlaces = append(m.e.BirthPlaces, place)
}
