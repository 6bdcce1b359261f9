package ofac

import (
	"strings"

	"github.com/vetoscreen/veto/countries"
)

// countryCode returns the ISO code of a country name as OFAC writes it.
func countryCode(name string) (string, bool) {
	name = strings.TrimSpace(name)
	if name == "" || name == null {
		return "", false
	}
	return countries.Code(name)
}

// noCountry reports whether a place name knowingly has no country code.
func noCountry(name string) bool { return countries.NoCountry(name) }

// countryKnown reports whether code is a country code veto knows.
func countryKnown(code string) bool { return countries.Known(code) }
