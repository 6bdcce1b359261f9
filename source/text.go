package source

import (
	"strings"
	"unicode"
)

// Clean trims s and turns every run of white space into one space. Lists
// wrap long values over several lines and double spaces inside names; that
// is layout, not content.
func Clean(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// Join joins the non-empty parts with sep, skipping a part equal (ignoring
// case) to the one before it: lists sometimes repeat a place as street and
// city. A part that ends in the separator is trimmed first.
func Join(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		p = strings.TrimRight(Clean(p), strings.TrimSpace(sep))
		p = strings.TrimSpace(p)
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
	{"Kana", unicode.Katakana},
	{"Hira", unicode.Hiragana},
}

// ScriptOf returns the ISO 15924 code of the one non-Latin script all the
// letters of s are written in, or "" for Latin, mixed or unknown scripts.
// Publishers mark names as "original script" or "non-Latin" without
// saying which; the letters tell.
func ScriptOf(s string) string {
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
