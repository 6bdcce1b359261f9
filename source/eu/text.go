package eu

import (
	"strings"

	"github.com/vetoscreen/veto/countries"
	"github.com/vetoscreen/veto/source"
)

// countryCode returns the lower-case ISO code for a country name as the
// EU writes it ("IRAN (ISLAMIC REPUBLIC OF)"), and false when the name
// is unknown.
func countryCode(name string) (string, bool) {
	return countries.Code(name)
}

// country returns the lower-case code of a country given as an ISO code
// and a description, as every EU detail element gives it. The code wins;
// "00" with the description "UNKNOWN" means no country. ok is false when
// a country is given but neither the code nor the name is known.
func country(code, description string) (c string, ok bool) {
	code, description = source.Clean(code), source.Clean(description)
	if code != "" && code != "00" && countries.Known(code) {
		return strings.ToLower(code), true
	}
	if description == "" || strings.EqualFold(description, "unknown") {
		return "", code == "" || code == "00"
	}
	return countryCode(description)
}
