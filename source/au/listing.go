package au

import (
	"strings"
)

// listing is one designation: the rows that share the number at the start
// of their Reference ("2", "2a", "2b", also "34c1" and "1140g "), in file
// order. The rows of a listing are mostly together, but not always: a
// late alias can be added further down the sheet.
type listing struct {
	// number is the Reference number shared by the rows.
	number string
	rows   []row
}

// groupListings groups rows into listings, in order of each listing's
// first row. Rows must have a Reference that starts with a number; see
// referenceNumber.
func groupListings(rows []row, number func(row) string) []*listing {
	var out []*listing
	byNumber := make(map[string]*listing)
	for _, r := range rows {
		n := number(r)
		l, ok := byNumber[n]
		if !ok {
			l = &listing{number: n}
			byNumber[n] = l
			out = append(out, l)
		}
		l.rows = append(l.rows, r)
	}
	return out
}

// referenceNumber returns the leading digits of a Reference, or "".
func referenceNumber(ref string) string {
	ref = strings.TrimSpace(ref)
	i := 0
	for i < len(ref) && ref[i] >= '0' && ref[i] <= '9' {
		i++
	}
	return ref[:i]
}
