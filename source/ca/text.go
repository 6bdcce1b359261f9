package ca

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/vetoscreen/veto/source"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// hyphenBreak is a word broken over two lines at a hyphen
// ("Almaz-\nAntey"): the line break is layout, the hyphen is the name's.
var hyphenBreak = regexp.MustCompile(`(\S)-[ \t]*\r?\n\s*`)

// foldMarks removes diacritics. A transform.Chain keeps state between calls,
// so each call gets its own: a shared one races when lists are parsed
// concurrently.
func foldMarks() transform.Transformer {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}

// slug turns a value into an ID part: accents removed, lower case, runs
// of other characters than a-z and 0-9 replaced by one "-".
// "1, Part 1" → "1-part-1", "Myanmar (Burma)" → "myanmar-burma".
func slug(s string) string {
	s, _, _ = transform.String(foldMarks(), s)
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}

// wordCount counts the space-separated words of s that hold a letter or
// a digit.
func wordCount(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		if strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}

// isNonLatin reports whether most letters of s are in a non-Latin script.
func isNonLatin(s string) bool { return source.ScriptOf(s) != "" }

// cleanSpace joins words broken at a hyphen over two lines, then turns
// every run of white space into one space.
func cleanSpace(s string) string {
	return source.Clean(hyphenBreak.ReplaceAllString(s, "$1-"))
}
