package au

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/vetoscreen/veto/countries"
	"github.com/vetoscreen/veto/source"
)

// markerRe finds list markers: "a) ...b) ...", "(a) ... (b) ...".
var markerRe = regexp.MustCompile(`(?:^|[\s;,.(])\(?([a-zA-Z])\)`)

// splitMarkers cuts a lettered list "a) X b) Y" into its items. When
// strict, markers must follow in alphabetical order ("a)", "b)", ...), so
// that an inner "i)" in "h) Branch Office 9: i) Lashkar Gah ..." stays in
// its item while "i) Branch Office 9" starts one; a list may leave out
// its "a)" ("X, b) Y"). When not strict, any letter marker cuts. Text
// with no markers is one item.
func splitMarkers(s string, strict bool) []string {
	var out []string
	start, expect := 0, 'a'
	for _, m := range markerRe.FindAllStringSubmatchIndex(s, -1) {
		letter := unicode.ToLower(rune(s[m[2]]))
		if strict && letter != expect && !(expect == 'a' && letter == 'b' && strings.TrimSpace(s[:m[0]]) != "") {
			continue
		}
		out = append(out, s[start:m[0]])
		start, expect = m[1], letter+1
	}
	out = append(out, s[start:])
	var items []string
	for _, it := range out {
		if it = strings.Trim(source.Clean(it), " ,;."); it != "" {
			items = append(items, it)
		}
	}
	return items
}

// notGiven are cell values that mean nothing is known.
var notGiven = map[string]bool{"na": true, "n/a": true, "nil": true, "none": true, "unknown": true, "-": true}

func isNotGiven(s string) bool {
	return notGiven[strings.ToLower(strings.Trim(s, " ."))]
}

// countryCode returns the code of a country name or adjective.
func countryCode(name string) (string, bool) {
	name = strings.Trim(source.Clean(name), " .,;")
	if c, ok := countries.Code(name); ok {
		return c, true
	}
	return "", false
}
