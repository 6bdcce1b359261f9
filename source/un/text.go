package un

import (
	"strings"

	"github.com/vetoscreen/veto/countries"
)

// countryCode returns the lower-case ISO code for a country name as the
// UN writes it, and false when the name is unknown.
func countryCode(name string) (string, bool) {
	return countries.Code(name)
}

// notAvailable reports whether a country value is a placeholder for
// "not available" rather than a name.
func notAvailable(s string) bool {
	switch strings.ToLower(s) {
	case "na", "n/a", "n.a.", "unknown":
		return true
	}
	return false
}
