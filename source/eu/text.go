package eu

import (
	"strings"
	"unicode"

	"github.com/vetoscreen/veto/countries"
)

// clean trims s and turns every run of white space into one space: the
// EU file has doubled spaces inside names ("Tionscail  Ceimiceán
// Parchin") and line breaks inside remarks that are layout, not content.
func clean(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// join joins the non-empty parts with sep, skipping a part equal to the
// one before it (the file sometimes repeats a place as STREET and CITY).
func join(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		// A part may end in the separator ("Nobonyad Square,").
		p = strings.TrimRight(p, sep)
		if p == "" || (len(out) > 0 && strings.EqualFold(out[len(out)-1], p)) {
			continue
		}
		out = append(out, p)
	}
	return strings.Join(out, sep)
}

// scripts are the ISO 15924 codes of the non-Latin scripts that sanctions
// lists write names in.
var scripts = []struct {
	code  string
	table *unicode.RangeTable
}{
	{"Arab", unicode.Arabic},
	{"Cyrl", unicode.Cyrillic},
	{"Hani", unicode.Han},
	{"Hang", unicode.Hangul},
	{"Hebr", unicode.Hebrew},
	{"Grek", unicode.Greek},
	{"Geor", unicode.Georgian},
	{"Armn", unicode.Armenian},
	{"Thai", unicode.Thai},
	{"Deva", unicode.Devanagari},
	{"Ethi", unicode.Ethiopic},
	{"Mymr", unicode.Myanmar},
}

// scriptOf returns the ISO 15924 code of the one non-Latin script all the
// letters of s are written in, or "" for Latin, mixed or unknown scripts.
// The EU gives a name's language, not its script, so the letters tell.
func scriptOf(s string) string {
	code := ""
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		c := ""
		for _, sc := range scripts {
			if unicode.Is(sc.table, r) {
				c = sc.code
				break
			}
		}
		if c == "" || (code != "" && c != code) {
			return ""
		}
		code = c
	}
	return code
}

// countryCode returns the lower-case ISO code for a country name as the
// EU writes it ("IRAN (ISLAMIC REPUBLIC OF)"), and false when the name
// is unknown.
func countryCode(name string) (string, bool) {
	if c, ok := countries.Code(name); ok {
		return c, true
	}
	// TODO(countries): CLDR names some countries with "&" ("Bosnia &
	// Herzegovina", "Trinidad & Tobago"); countries.Code should also
	// accept "and", and know "Myanmar" and "former Soviet Union".
	if strings.Contains(name, " and ") {
		if c, ok := countries.Code(strings.ReplaceAll(name, " and ", " & ")); ok {
			return c, true
		}
	}
	switch k := strings.ToLower(name); {
	case k == "myanmar":
		return "mm", true
	case strings.HasPrefix(k, "former "):
		return countries.Code(k[len("former "):])
	}
	return "", false
}

// country returns the lower-case code of a country given as an ISO code
// and a description, as every EU detail element gives it. The code wins;
// "00" with the description "UNKNOWN" means no country. ok is false when
// a country is given but neither the code nor the name is known.
func country(code, description string) (c string, ok bool) {
	code, description = clean(code), clean(description)
	if code != "" && code != "00" && countries.Known(code) {
		return strings.ToLower(code), true
	}
	if description == "" || strings.EqualFold(description, "unknown") {
		return "", code == "" || code == "00"
	}
	return countryCode(description)
}
