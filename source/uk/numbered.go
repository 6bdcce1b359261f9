package uk

import (
	"regexp"
	"strconv"
	"strings"
)

// markerRe matches the item numbers OFSI writes into a cell that holds
// several values: "(1) Russia (2) Israel", "(1-3) Libya", "(3)Uganda".
var markerRe = regexp.MustCompile(`\(\s*(\d+)(?:\s*-\s*\d+)?\s*\)`)

// item is one value of a numbered cell; n is its number, 0 when the cell
// is not numbered.
type item struct {
	n    int
	text string
}

// splitNumbered splits a numbered cell into its values. A cell that does
// not start with a number is one value, even if it holds "(2)" later on
// ("Office Tower (2), Time City"). Values that only fill a numbering gap
// are dropped: "-" (none), and "to" in "(1) to (6) Algeria (7) Morocco".
// Separators left at a value's end (" .", ";") are trimmed.
func splitNumbered(s string) []item {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	locs := markerRe.FindAllStringSubmatchIndex(s, -1)
	if len(locs) == 0 || locs[0][0] != 0 {
		return []item{{text: s}}
	}
	var out []item
	for i, loc := range locs {
		end := len(s)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		text := strings.TrimRight(strings.TrimSpace(s[loc[1]:end]), " .,;\u00a0")
		text = strings.TrimSpace(text)
		if text == "" || text == "-" || strings.EqualFold(text, "to") {
			continue
		}
		n, _ := strconv.Atoi(s[loc[2]:loc[3]])
		out = append(out, item{n: n, text: text})
	}
	return out
}

// texts returns the values of a numbered cell.
func texts(s string) []string {
	items := splitNumbered(s)
	out := make([]string, 0, len(items))
	for _, it := range items {
		out = append(out, it.text)
	}
	return out
}
