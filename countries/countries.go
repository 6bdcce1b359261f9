// Package countries maps the country names publishers write ("Korea,
// North", "Iran (Islamic Republic of)", "Russia / Russie", "Türkiye",
// "Burma") and the nationality adjectives they use ("Russian", "Iranian")
// to lower-case ISO 3166-1 alpha-2 codes, the form FollowTheMoney uses.
//
// The base table is every current ISO region's English name from
// golang.org/x/text (CLDR); aliases add the spellings the sanctions lists
// use. A few territories that sanctions regimes treat separately have the
// FtM-style sub-codes "ua-cri" (Crimea), "ua-dpr" (Donetsk) and "ua-lpr"
// (Luhansk).
package countries

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

var (
	once   sync.Once
	byName map[string]string // normalized name -> code
	byCode map[string]string // code -> English name
)

func load() {
	byName = make(map[string]string, 600)
	byCode = make(map[string]string, 300)
	names := display.English.Regions()
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			r, err := language.ParseRegion(string([]rune{a, b}))
			if err != nil || !r.IsCountry() || r.Canonicalize() != r {
				continue
			}
			name := names.Name(r)
			if name == "" {
				continue
			}
			code := strings.ToLower(r.String())
			byCode[code] = name
			byName[key(name)] = code
		}
	}
	for code, name := range territories {
		byCode[code] = name
		byName[key(name)] = code
	}
	for alias, code := range aliases {
		byName[key(alias)] = code
	}
}

// Code returns the lower-case country code for a country name, an ISO
// alpha-3 code, or a nationality adjective. Two-letter codes are not
// names: check them with Known, since "NA" is Namibia but "na" in a list is
// usually "not available". It reports false for
// names it does not know, and for "undetermined", "-0-" and the like.
//
// Bilingual names ("Syria / Syrie") and "Region: X" prefixes, as Canada and
// OFAC write them, are understood.
func Code(name string) (string, bool) {
	once.Do(load)
	k := key(name)
	if k == "" {
		return "", false
	}
	if c, ok := byName[k]; ok {
		return c, true
	}
	if first, _, ok := strings.Cut(name, " / "); ok {
		return Code(first)
	}
	if rest, ok := strings.CutPrefix(strings.TrimSpace(name), "Region:"); ok {
		return Code(rest)
	}
	if rest, ok := strings.CutPrefix(strings.TrimSpace(name), "possibly "); ok {
		// "nationality possibly Palestinian": the doubt stays in the raw.
		return Code(rest)
	}
	if c, ok := alpha3[strings.ToUpper(strings.TrimSpace(name))]; ok {
		return c, true
	}
	return "", false
}

// Words returns the country names and nationality adjectives that Code
// knows and that are written as one word ("russia", "iranian", "syria"),
// folded as Code folds them: the words a name may carry to say where a
// business is ("Sberbank of Russia", "Bank Melli Iran").
func Words() []string {
	once.Do(load)
	var out []string
	for k := range byName {
		if !strings.Contains(k, " ") {
			out = append(out, k)
		}
	}
	return out
}

// Name returns the English name of a code from Code, or "" if unknown.
func Name(code string) string {
	once.Do(load)
	return byCode[strings.ToLower(code)]
}

// Known reports whether code is a code that Code can return.
func Known(code string) bool {
	once.Do(load)
	_, ok := byCode[strings.ToLower(code)]
	return ok
}

// stripMarks removes diacritics. A transform.Chain keeps state between calls,
// so each call gets its own: a shared one races when lists are parsed
// concurrently.
func stripMarks() transform.Transformer {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}

// key folds a name for lookup: no diacritics, lower case, letters and
// digits only, single spaces, and no leading "the".
func key(s string) string {
	s, _, _ = transform.String(stripMarks(), s)
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		case r == '&':
			// CLDR writes "Bosnia & Herzegovina", the lists "and".
			if b.Len() > 0 {
				b.WriteString(" and")
			}
			space = true
		case r == '\'' || r == '’':
			// "Cote d'Ivoire" and "Cote d Ivoire" are one country.
			space = true
		default:
			space = true
		}
	}
	k := b.String()
	k = strings.TrimPrefix(k, "the ")
	k = strings.TrimSuffix(k, " the")
	return k
}

// NoCountry reports whether a place name knowingly stands for no single
// country ("undetermined", "-0-", "Jammu and Kashmir", "Kafia Kingi"), so
// that a parser need not warn that it has no code.
func NoCountry(name string) bool {
	k := key(name)
	if rest, ok := strings.CutPrefix(k, "region "); ok {
		k = rest
	}
	return k == "" || noCountry[k]
}
