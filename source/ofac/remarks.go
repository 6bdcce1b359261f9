package ofac

import (
	"regexp"
	"strings"

	"github.com/vetoscreen/veto/entity"
)

// splitRemarks cuts OFAC remarks into clauses. OFAC separates facts with
// "; " (no value holds a semicolon, and a few remarks miss the space:
// "possibly Palestinian;arrested 2002") and ends the field with a period,
// which belongs to the last clause unless it ends an abbreviation ("CO.",
// "S.A.").
func splitRemarks(remarks string) []string {
	remarks = strings.TrimSpace(remarks)
	if remarks == "" || remarks == null {
		return nil
	}
	var out []string
	for c := range strings.SplitSeq(remarks, ";") {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, c)
		}
	}
	if n := len(out); n > 0 {
		out[n-1] = trimFinalPeriod(out[n-1])
		if out[n-1] == "" {
			out = out[:n-1]
		}
	}
	return out
}

// abbreviations are the last words whose period is their own, not the
// end of the remarks.
var abbreviations = map[string]bool{
	"co": true, "ltd": true, "inc": true, "corp": true, "cia": true, "bhd": true, "jr": true,
	"sr": true, "st": true, "no": true, "pty": true, "pte": true, "llc": true, "plc": true,
}

func trimFinalPeriod(c string) string {
	if !strings.HasSuffix(c, ".") || strings.HasSuffix(c, "..") {
		return c
	}
	body := c[:len(c)-1]
	last := body[strings.LastIndexAny(body, " '\"(")+1:]
	if strings.Contains(last, ".") || abbreviations[strings.ToLower(last)] {
		return c
	}
	return strings.TrimSpace(body)
}

// clause is one remarks clause read as a fact, or as free text.
type clause struct {
	fact
	// free is true when the clause is not a labelled fact: free text for
	// Notes (a position, a description, a note on the listing).
	free bool
	// suspicious is true for free text that has the shape of an
	// identifier under a label nobody knows ("Xyz No. 123 (Iran)").
	suspicious bool
}

// parseClause reads one remarks clause: "DOB 21 Mar 1950", "alt.
// Passport 123 (Russia) issued 2010", "a.k.a. 'BNC'", "Linked To: X",
// or free text.
func parseClause(c string) clause {
	// sdn.xml writes some clauses in parentheses: "(Linked To: HAMAS)".
	if strings.HasPrefix(c, "(") && strings.HasSuffix(c, ")") && strings.Count(c, "(") == 1 {
		c = strings.TrimSpace(c[1 : len(c)-1])
	}
	if len(c) > 5 && strings.EqualFold(c[:5], "alt. ") {
		c = strings.TrimSpace(c[5:])
	}
	label, rest, r, ok := matchLabel(c)
	if !ok || rest == "" {
		if f, ok := unlabelledContact(c); ok {
			return clause{fact: f}
		}
		return freeClause(c)
	}
	f := fact{label: label, value: rest, text: c}
	switch r.kind {
	case factAlias, factWeakAlias, factPrevious:
		f.value = unquote(rest)
	case factIdentifier:
		f.value, f.country, f.note = splitIDValue(rest)
	}
	if f.value == "" {
		return freeClause(c)
	}
	return clause{fact: f}
}

// unlabelledContact reads the e-mail addresses and websites that old
// remarks give without OFAC's labels: "info@example.org",
// "www.example.org", "http://www.example.org (website)",
// "Email:x@example.org".
func unlabelledContact(c string) (fact, bool) {
	v := strings.TrimSuffix(c, ".")
	for _, suffix := range []string{" (website)", " (email)"} {
		v = strings.TrimSuffix(v, suffix)
	}
	v = strings.TrimPrefix(v, "Email:")
	lower := strings.ToLower(v)
	switch {
	case v == "" || strings.ContainsAny(v, " \t"):
		return fact{}, false
	case strings.Contains(v, "@"):
		return fact{label: "Email Address", value: v, text: c}, true
	case strings.HasPrefix(lower, "www.") || strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://"):
		return fact{label: "Website", value: v, text: c}, true
	}
	return fact{}, false
}

// unquote strips the single quotes OFAC puts around names in remarks
// ("a.k.a. 'BNC'"); the name itself may hold apostrophes.
func unquote(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && s[0] == '\'' && s[len(s)-1] == '\'' {
		return strings.TrimSpace(s[1 : len(s)-1])
	}
	return strings.Trim(s, "'")
}

// suspiciousRe matches free text shaped like an identifier: a label
// ending in a number word, then a value with a digit.
var suspiciousRe = regexp.MustCompile(`^[A-Z][^;]{0,60}?\b(?:No\.?|Number|#|ID|Code)\:?\s+\S*\d`)

// freeClause is a clause without a known label. When it is shaped like an
// identifier and its label names an identifier type by a keyword ("Harbour
// Registration Code 5521 (Iran)"), it is read as one; otherwise it is free
// text.
func freeClause(c string) clause {
	if !suspiciousRe.MatchString(c) && !hasCountryTail(c) {
		return clause{fact: fact{text: c}, free: true}
	}
	label := labelOf(c)
	if r, ok := keywordRule(labelKey(label)); ok && r.kind == factIdentifier {
		f := fact{label: label, text: c}
		f.value, f.country, f.note = splitIDValue(strings.TrimSpace(c[len(label):]))
		if f.value != "" {
			return clause{fact: f}
		}
	}
	return clause{fact: fact{text: c}, free: true, suspicious: true}
}

// hasCountryTail reports whether c looks like "Label VALUE1 (Country)":
// a value with a digit followed by a known country in parentheses.
func hasCountryTail(c string) bool {
	body, country, ok := cutParenTail(c)
	if !ok || !strings.ContainsAny(body, "0123456789") {
		return false
	}
	_, known := countryCode(country)
	return known
}

// splitIDValue splits an identifier clause's value into the number, the
// issuing country and a note: "645720381 (Russia) issued 01 Jan 2010
// expires 01 Jan 2020" → "645720381", "Russia", "issued 01 Jan 2010
// expires 01 Jan 2020". A parenthesis that is not a country stays in the
// value ("HRA 738077 (Stuttgart)").
func splitIDValue(s string) (value, country, note string) {
	value = s
	if i := indexDateWord(value); i >= 0 {
		value, note = strings.TrimSpace(value[:i]), strings.TrimSpace(value[i:])
	}
	value = strings.TrimSpace(strings.TrimSuffix(value, ","))
	if body, c, ok := cutParenTail(value); ok {
		if _, known := countryCode(c); known {
			value, country = body, c
		}
	}
	if strings.HasPrefix(value, "(") && strings.HasSuffix(value, ")") && strings.Count(value, "(") == 1 {
		value = value[1 : len(value)-1] // "International Maritime Organization No. (5777731)"
	}
	return strings.TrimSpace(value), country, note
}

// indexDateWord finds where the issue or expiry note of an identifier
// starts: " issued 14 Dec 2005", " expires 25 Feb 2016".
func indexDateWord(s string) int {
	best := -1
	for _, w := range []string{" issued ", " expires ", " expired ", " issued", ", issued "} {
		if i := strings.Index(s, w); i > 0 && (best < 0 || i < best) {
			if w == " issued" && i+len(w) != len(s) {
				continue
			}
			best = i
		}
	}
	return best
}

// cutParenTail splits "body (inner)" at its last parenthesis; OFAC
// sometimes leaves out the space ("91110000710934369E(China)").
func cutParenTail(s string) (body, inner string, ok bool) {
	if !strings.HasSuffix(s, ")") {
		return s, "", false
	}
	i := strings.LastIndex(s, "(")
	if i <= 0 {
		return s, "", false
	}
	return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1 : len(s)-1]), true
}

// applyRemarks maps OFAC remarks onto e: every labelled clause as a fact,
// free text as a note. A clause that repeats the entry's title is already
// mapped as its position. Free text shaped like an identifier under an
// unknown label is a warning, so that a new label is noticed.
func (m *mapper) applyRemarks(e *entity.Entity, remarks, title, field string) {
	title = strings.TrimSuffix(strings.TrimSpace(title), ".")
	for _, c := range splitRemarks(remarks) {
		cl := parseClause(c)
		if !cl.free {
			m.apply(e, cl.fact, field)
			continue
		}
		if title != "" && strings.EqualFold(strings.TrimSuffix(cl.text, "."), title) {
			continue
		}
		addNote(e, cl.text)
		if cl.suspicious {
			m.warnf(field, "clause %q looks like an identifier with an unknown label: kept as a note", labelOf(cl.text))
		}
	}
}

// labelOf returns the text of a clause before its first word with a
// digit: the label of an identifier-shaped clause.
func labelOf(c string) string {
	for i := 0; i < len(c); {
		j := strings.IndexByte(c[i:], ' ')
		if j < 0 {
			j = len(c) - i
		}
		if strings.ContainsAny(c[i:i+j], "0123456789") {
			return strings.TrimSpace(c[:i])
		}
		i += j + 1
	}
	return c
}
