package au

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
)

// excelDate reads a cell holding an Excel serial date ("41988"). Cells
// typed as dates are read raw, as their serial number.
func (sh *sheet) excelDate(s string) (entity.Date, bool) {
	n, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || n < 1 || n > 2958465 || strings.ContainsAny(s, "eE") {
		return entity.Date{}, false
	}
	t, err := excelize.ExcelDateToTime(n, sh.date1904)
	if err != nil {
		return entity.Date{}, false
	}
	return entity.DateOf(t), true
}

// birthDates is what a Date of Birth cell says.
type birthDates struct {
	dates []entity.DateRange
	// annotated reports that the cell says more than dates ("(this aka
	// only, alt DOB 1973)", "(Hijri Calendar)", "(as Ali Thafir
	// Abdallah)"): the cell then goes to the notes.
	annotated bool
	// bad are parts that could not be read.
	bad []string
}

var (
	// layoutBreaks are line breaks and runs of spaces, with which the
	// sheet lays out lists of dates ("5/06/1953   15/06/1953").
	layoutBreaks = regexp.MustCompile(`[ \t]*[\r\n]\s*|\s{2,}`)
	// dobSeparators separate the dates of one item: ";", ">>", "or".
	dobSeparators = regexp.MustCompile(`(?i);|>>|,?\s*\bor\s+`)
	// approxOnly is what is left of "Approximately (30-35 years old)"
	// once the bracket is gone.
	approxOnly = regexp.MustCompile(`(?i)^(?:approximately|approx|circa|about|around|c)$`)
	parenRe    = regexp.MustCompile(`\(([^()]*)(?:\)|$)`)
	// altPhrases introduce a further date ("alt DOB: 1962", "(this aka
	// only, alt born 5 Feb. 1969"); akaOnly says that a date belongs to
	// one alias, which is worth a note.
	altPhrases = regexp.MustCompile(`(?i)(?:for\s+)?this\s+aka\s+only,?|\balt(?:ernative)?\.?\s+(?:dob|born|date of birth)\b:?|\bborn\b|\bdob\s*:`)
	akaOnly    = regexp.MustCompile(`(?i)\baka\s+only\b`)
)

// parseBirthDates reads a Date of Birth cell: an Excel serial date, a
// year, or free text such as "a) Approximately 1955- 1958 b)
// Approximately 1945-1950", "12/03/1965; alt DOB: 1962", "14 Mar 1974 >>
// 13 Apr 1974", "1963 or 1964 or 1965", "15 May 1968 (as X) 1970 (as Y)".
func (sh *sheet) parseBirthDates(cell string) birthDates {
	var out birthDates
	cell = strings.ReplaceAll(strings.TrimSpace(cell), "\u00a0", " ")
	if cell == "" || isNotGiven(cell) {
		return out
	}
	if isNumber(cell) {
		// A year typed as a number, or a date typed as a date (a serial
		// number: 1 is 1900-01-01, 1905 is 1905-03-19). A serial that
		// is also a plausible year is read as the year: no one on the
		// list was born in 1904 or 1905.
		if n, err := strconv.Atoi(cell); err == nil && n >= 1800 && n <= 2100 {
			out.dates = append(out.dates, entity.DateRange{From: entity.Date{Year: n}})
			return out
		}
		if d, ok := sh.excelDate(cell); ok {
			out.dates = append(out.dates, entity.DateRange{From: d})
			return out
		}
	}
	for _, item := range splitMarkers(layoutBreaks.ReplaceAllString(cell, ";"), false) {
		out.item(item)
	}
	return out
}

// item reads one item of a lettered list, which may still hold several
// dates.
func (b *birthDates) item(s string) {
	if strings.Contains(strings.ToLower(s), "hijri") {
		// "24/06/1402 (Hijri Calendar)": not a Gregorian date; the
		// publisher gives the Gregorian one as another item.
		b.annotated = true
		return
	}
	s = parenRe.ReplaceAllStringFunc(s, func(p string) string {
		// A bracket holds dates ("(Aug. 1961)", "(this aka only, alt
		// DOB 1973)") or says something about them ("(as Ali Thafir
		// Abdallah)", "(appears in false Indonesian passport ...)").
		inner := parenRe.FindStringSubmatch(p)[1]
		if _, ok := datesOnly(inner); !ok {
			b.annotated = true
			return ";"
		}
		return ";" + inner + ";"
	})
	if akaOnly.MatchString(s) {
		b.annotated = true
	}
	s = altPhrases.ReplaceAllString(s, ";")
	for _, part := range dobSeparators.Split(s, -1) {
		part = strings.Trim(source.Clean(part), " ,.;:")
		if part == "" || isNotGiven(part) {
			continue
		}
		if r, ok := parseDOB(part); ok {
			b.dates = append(b.dates, r)
			continue
		}
		if rs, ok := parseEach(strings.Split(part, ",")); ok {
			b.dates = append(b.dates, rs...)
			continue
		}
		if ageRe.MatchString(part) || approxOnly.MatchString(part) {
			b.annotated = true
			continue
		}
		b.bad = append(b.bad, part)
	}
}

var ageRe = regexp.MustCompile(`(?i)\byears?\s+old\b`)

// datesOnly reads s as a list of dates and nothing else.
func datesOnly(s string) ([]entity.DateRange, bool) {
	s = altPhrases.ReplaceAllString(s, ";")
	var out []entity.DateRange
	for _, part := range dobSeparators.Split(s, -1) {
		if part = strings.Trim(source.Clean(part), " ,.;:"); part == "" {
			continue
		}
		r, ok := parseDOB(part)
		if !ok {
			return nil, false
		}
		out = append(out, r)
	}
	return out, len(out) > 0
}

func parseEach(parts []string) ([]entity.DateRange, bool) {
	if len(parts) < 2 {
		return nil, false
	}
	var out []entity.DateRange
	for _, p := range parts {
		r, ok := parseDOB(strings.Trim(source.Clean(p), " ."))
		if !ok {
			return nil, false
		}
		out = append(out, r)
	}
	return out, true
}

var (
	monthWordRe = regexp.MustCompile(`\b([A-Za-z]{3,9})\b\.?`)
	wordDotNum  = regexp.MustCompile(`([A-Za-z])\.(\d)`)
	dayDot      = regexp.MustCompile(`\b(\d{1,2})\.\s`)
	slashSpace  = regexp.MustCompile(`/\s+`)
	glued       = regexp.MustCompile(`^(\d{1,2})/(\d{2})(\d{4})$`)
	shortYear   = regexp.MustCompile(`^(\d{1,2})[/ -](\d{1,2}|[A-Za-z]{3})[/ -](\d{2})$`)
	monthYear   = regexp.MustCompile(`^(\d{1,2})/(\d{4})$`)
	yearSlash   = regexp.MustCompile(`\b(\d{4})/(\d{4})\b`)
	yearDay     = regexp.MustCompile(`^(\d{4}),?\s+(\d{1,2})\s+([A-Za-z]{3})$`)
	betweenMons = regexp.MustCompile(`(?i)^between\s+([A-Za-z]{3})\s+and\s+([A-Za-z]{3})\s+(\d{4})$`)
)

// months maps the first three letters of English month names.
var months = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

// normMonths writes month words as their three-letter abbreviation,
// which also mends the sheet's "Aprl", "June." and "Sept.".
func normMonths(s string) string {
	return monthWordRe.ReplaceAllStringFunc(s, func(w string) string {
		word := strings.TrimSuffix(w, ".")
		lw := strings.ToLower(word)
		if _, ok := months[lw[:3]]; ok {
			if len(lw) == 3 || strings.HasPrefix(monthNames[lw[:3]], lw) || lw == "aprl" || lw == "sept" {
				return word[:3]
			}
		}
		return w
	})
}

var monthNames = map[string]string{"jan": "january", "feb": "february", "mar": "march", "apr": "april",
	"may": "may", "jun": "june", "jul": "july", "aug": "august", "sep": "september", "oct": "october",
	"nov": "november", "dec": "december"}

// parseDOB reads one date: what source.ParseDateText reads, and the
// sheet's own forms (two-digit years, "03/1965", "1977/1978", "1965, 29
// March", "Between Aug. and Sep 1977", "10/061962").
func parseDOB(s string) (entity.DateRange, bool) {
	s = wordDotNum.ReplaceAllString(s, "$1 $2")
	s = dayDot.ReplaceAllString(s, "$1 ")
	s = slashSpace.ReplaceAllString(s, "/")
	s = yearSlash.ReplaceAllString(s, "$1-$2")
	s = normMonths(source.Clean(s))
	s = glued.ReplaceAllString(s, "$1/$2/$3")
	if m := shortYear.FindStringSubmatch(s); m != nil {
		// "23-Apr-68", "07/04/62": a date of birth in the 1900s.
		s = m[1] + " " + m[2] + " 19" + m[3]
		if !strings.ContainsAny(m[2], "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") {
			s = m[1] + "/" + m[2] + "/19" + m[3]
		}
	}
	if m := monthYear.FindStringSubmatch(s); m != nil {
		s = "00/" + m[1] + "/" + m[2]
	}
	if m := yearDay.FindStringSubmatch(s); m != nil {
		s = m[2] + " " + m[3] + " " + m[1]
	}
	if m := betweenMons.FindStringSubmatch(s); m != nil {
		s = "between " + m[1] + " " + m[3] + " and " + m[2] + " " + m[3]
	}
	r, err := source.ParseDateText(s)
	return r, err == nil
}

// listedOn finds the listing date in the Listing Information text: the
// first date after "listed" or "designated" ("Listed on: 25 Jan. 2001
// (amended on ...)", "Designated under the Autonomous Sanctions
// Regulations 2011 on 21 March 2014", "Listed by UN 1267 Committee on 6
// October 2001"), or a date the text starts with ("22 Apr. 2010
// (amended ...)"). Relistings and amendments come later and are not it;
// "Relisted on" and "Last listed on" are not listings either.
func listedOn(text string) (entity.Date, bool) {
	text = source.Clean(text)
	if loc := textDateRe.FindStringIndex(text); loc != nil && loc[0] == 0 {
		return textDate(text[loc[0]:loc[1]])
	}
	for _, loc := range listedRe.FindAllStringIndex(text, -1) {
		before := strings.ToLower(text[:loc[0]])
		if strings.HasSuffix(before, "re") || strings.HasSuffix(before, "re-") || strings.HasSuffix(before, "last ") {
			continue
		}
		if d := textDateRe.FindString(text[loc[1]:]); d != "" {
			return textDate(d)
		}
		return entity.Date{}, false
	}
	return entity.Date{}, false
}

var (
	listedRe   = regexp.MustCompile(`(?i)listed|\bdesignated\b`)
	textDateRe = regexp.MustCompile(`\b\d{1,2}\s*[A-Za-z]{3,9}\.?,?\s*\d{4}\b|\b\d{1,2}/\d{1,2}/\d{4}\b`)
)

func textDate(s string) (entity.Date, bool) {
	r, ok := parseDOB(s)
	if !ok || r.IsRange() || r.From.Day == 0 {
		return entity.Date{}, false
	}
	return r.From, true
}
