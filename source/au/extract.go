package au

import (
	"regexp"
	"strings"

	"github.com/vetoscreen/veto/entity"
)

// Additional Information is free text that mixes remarks with labelled
// facts ("Passport no.: ...", "Website: ...", "SWIFT/BIC: ..."). The whole
// text is a note; extract also maps the facts whose value can be read
// without guessing: a label followed directly by a value of the expected
// shape. A passport number given as "Passport no: na South Sudan number
// D00008623" is left to the note.
func extract(e *entity.Entity, text string) {
	if m := genderRe.FindStringSubmatch(text); m != nil && e.Schema == entity.Person {
		e.Gender = strings.ToLower(m[1])
	}
	for _, m := range titleRe.FindAllStringSubmatch(text, -1) {
		for _, t := range splitMarkers(m[1], false) {
			if len(t) <= 60 && !isNotGiven(t) {
				e.AddProp("title", t)
			}
		}
	}
	for _, m := range designationRe.FindAllStringSubmatch(text, -1) {
		for _, p := range splitMarkers(m[1], false) {
			if len(p) <= 200 && !isNotGiven(p) {
				e.AddProp("position", p)
			}
		}
	}
	for _, x := range idPatterns {
		for _, m := range x.re.FindAllStringSubmatch(text, -1) {
			id := entity.Identifier{Type: x.typ, Value: m[1], Label: x.label}
			if len(m) > 2 {
				id.Country, _ = countryCode(m[2])
			}
			e.AddIdentifier(id)
		}
	}
	for _, m := range websiteRe.FindAllStringSubmatchIndex(text, -1) {
		rest := text[m[1]:]
		if end := labelRe.FindStringIndex(rest); end != nil {
			rest = rest[:end[0]]
		}
		for _, w := range domainRe.FindAllString(rest, -1) {
			e.AddProp("website", strings.TrimRight(w, ".,;)"))
		}
	}
	for _, m := range emailRe.FindAllString(text, -1) {
		e.AddProp("email", strings.TrimRight(m, "."))
	}
}

var (
	genderRe = regexp.MustCompile(`(?i)\bgender\s*:\s*(male|female)\b`)
	// titleRe and designationRe are case-sensitive: "designation:" in
	// lower case is prose ("the criteria for designation: ...").
	titleRe       = regexp.MustCompile(`\bTitle\s*:\s*(.+?)(?:[.;]\s|\s+Designation\b|\.?$)`)
	designationRe = regexp.MustCompile(`\bDesignation\s*:\s*(.+?)(?:[.;]\s|\.?$)`)
	websiteRe     = regexp.MustCompile(`(?i)\bwebsites?\s*:\s*`)
	// labelRe is the next "Label:" after a website list.
	labelRe  = regexp.MustCompile(`\b[A-Z][A-Za-z/() ]{1,40}:`)
	domainRe = regexp.MustCompile(`(?i)\b(?:https?://)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?:/[^\s;,]*)?`)
	emailRe  = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+`)
)

// idPatterns are the identifiers read from Additional Information: the
// label, then the value. A second group, when there is one, is the
// issuing country written in brackets after the value.
var idPatterns = []struct {
	re    *regexp.Regexp
	typ   string
	label string
}{
	{regexp.MustCompile(`(?i)\bpassport\s+(?:no\.?|number|#)\s*:?\s*([A-Z]{0,3}\d[A-Z0-9]{4,})\b`), entity.IDPassport, "Passport"},
	{regexp.MustCompile(`(?i)\bnational\s+identification\s+(?:no|number)\.?\s*:?\s*(\d[\d-]{4,}\d)\b`), entity.IDNational, "National identification no."},
	{regexp.MustCompile(`(?i)\bIMO\)?\s*(?:number|identification\s+number|ship\s+no\.?|no\.?)?\s*:?\s*(\d{7})\b`), entity.IDIMO, "IMO number"},
	{regexp.MustCompile(`\bSWIFT(?:/BIC)?\s*:?\s*([A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?)\b`), entity.IDSwiftBIC, "SWIFT/BIC"},
	{regexp.MustCompile(`(?i)\blegal\s+entity\s+identifier(?:\s*\(LEI\))?\s*:?\s*([A-Z0-9]{18,20})\b`), entity.IDLEI, "Legal Entity Identifier"},
	{regexp.MustCompile(`(?i)\btax\s+(?:id|identification)\s+(?:no|number)\.?\s*:?\s*(\d{8,12})\b(?:\s*\(([A-Za-z ]+)\))?`), entity.IDTax, "Tax ID No."},
	{regexp.MustCompile(`(?i)\b(?:registration\s+(?:id|no|number)|state\s+registration\s+number|company\s+identification\s+(?:no|number))\.?\s*:?\s*(\d{5,})\b(?:\s*\(([A-Za-z ]+)\))?`), entity.IDRegistration, "Registration number"},
}
