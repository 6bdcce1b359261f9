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
var scripts = [...]struct {
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

// ScriptOf returns the ISO 15924 code of the non-Latin script that more
// than half the letters of s are written in, or "" when there is none.
// Publishers mark names as "original script" or "non-Latin" without
// saying which, and sometimes mix in a Latin word or two; the letters
// tell.
func ScriptOf(s string) string {
	var counts [len(scripts)]int
	letters := 0
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		for i, sc := range scripts {
			if unicode.Is(sc.table, r) {
				counts[i]++
				break
			}
		}
	}
	for i, c := range counts {
		if c*2 > letters {
			return scripts[i].code
		}
	}
	return ""
}
