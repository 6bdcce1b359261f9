package source

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/vetoscreen/veto/entity"
)

var months = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
	"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
	"september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

var (
	approxRe  = regexp.MustCompile(`(?i)^(?:circa|ca\.?|c\.|approximately|approx\.?|about|around)\s*`)
	betweenRe = regexp.MustCompile(`(?i)^(?:between\s+)?(.+?)\s*(?:\band\b|\bto\b|\s-\s|-\s|\s-|–|—)\s*(.+)$`)
	yearsRe   = regexp.MustCompile(`^(\d{4})\s*-\s*(\d{4})$`)
)

// ParseDateText reads a date as publishers write it in free text and
// returns it as a DateRange. It understands:
//
//	1950-03-21, 1950-03, 1950              ISO dates and prefixes
//	21 Mar 1950, 21 March 1950, Mar 1950  day-month-year words (OFAC)
//	21/03/1950, 21.03.1950                day first (UK, EU, AU)
//	dd/mm/1972, 00/00/1972, 00.00.1972    unknown day and month (UK)
//	circa 1965, approximately 1965        approximate
//	1955 to 1958, 1955-1958, between 1955 and 1958, Approximately 1955- 1958
//
// Anything else is an error naming the text.
func ParseDateText(s string) (entity.DateRange, error) {
	orig := s
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "."))
	var r entity.DateRange
	if loc := approxRe.FindStringIndex(s); loc != nil {
		r.Approx = true
		s = strings.TrimSpace(s[loc[1]:])
	}
	if d, err := parseOneDate(s); err == nil {
		r.From = d
		return r, nil
	}
	if m := yearsRe.FindStringSubmatch(s); m != nil {
		return finishRange(r, orig, m[1], m[2])
	}
	if m := betweenRe.FindStringSubmatch(s); m != nil {
		return finishRange(r, orig, m[1], m[2])
	}
	return entity.DateRange{}, fmt.Errorf("unreadable date %q", orig)
}

func finishRange(r entity.DateRange, orig, a, b string) (entity.DateRange, error) {
	from, err1 := parseOneDate(strings.TrimSpace(approxRe.ReplaceAllString(a, "")))
	to, err2 := parseOneDate(strings.TrimSpace(approxRe.ReplaceAllString(b, "")))
	if err1 != nil || err2 != nil {
		return entity.DateRange{}, fmt.Errorf("unreadable date range %q", orig)
	}
	r.From, r.To = from, to
	f0, _ := entity.DateRange{From: from}.Bounds()
	_, t1 := entity.DateRange{From: to}.Bounds()
	if t1 < f0 {
		return entity.DateRange{}, fmt.Errorf("date range %q ends before it starts", orig)
	}
	return r, nil
}

// parseOneDate reads one date in any of the single-date forms.
func parseOneDate(s string) (entity.Date, error) {
	if s == "" {
		return entity.Date{}, fmt.Errorf("empty date")
	}
	if d, err := entity.ParseDate(s); err == nil && !strings.ContainsAny(s, "/. ") {
		return d, nil
	}
	// Day-first numeric forms: 21/03/1950, 21.03.1950, with dd/mm/00 parts
	// standing for unknown.
	for _, sep := range []string{"/", "."} {
		parts := strings.Split(s, sep)
		if len(parts) == 3 && len(parts[2]) == 4 {
			y, err := strconv.Atoi(parts[2])
			if err != nil {
				break
			}
			m := numOrUnknown(parts[1])
			d := numOrUnknown(parts[0])
			if m < 0 || d < 0 {
				break
			}
			if m == 0 {
				d = 0
			}
			date := entity.Date{Year: y, Month: m, Day: d}
			return date, date.Validate()
		}
	}
	// Word forms: "21 Mar 1950", "Mar 1950", "March 21, 1950".
	f := strings.Fields(strings.NewReplacer(",", " ", "-", " ").Replace(s))
	switch len(f) {
	case 3:
		if m, ok := months[strings.ToLower(f[1])]; ok {
			return checked(f[2], m, f[0])
		}
		if m, ok := months[strings.ToLower(f[0])]; ok {
			return checked(f[2], m, f[1])
		}
	case 2:
		if m, ok := months[strings.ToLower(f[0])]; ok {
			return checked(f[1], m, "0")
		}
	}
	return entity.Date{}, fmt.Errorf("unreadable date %q", s)
}

func checked(year string, month int, day string) (entity.Date, error) {
	y, err := strconv.Atoi(year)
	if err != nil || len(year) != 4 {
		return entity.Date{}, fmt.Errorf("unreadable year %q", year)
	}
	d, err := strconv.Atoi(day)
	if err != nil {
		return entity.Date{}, fmt.Errorf("unreadable day %q", day)
	}
	date := entity.Date{Year: y, Month: month, Day: d}
	return date, date.Validate()
}

// numOrUnknown reads a day or month that may be "dd", "mm", "00" or "0"
// (unknown, 0) or a number; -1 means unreadable.
func numOrUnknown(s string) int {
	switch strings.ToLower(s) {
	case "dd", "mm", "00", "0", "xx", "":
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

// ParseDayFirst reads a dd/mm/yyyy date, as the UK publishes its dates,
// into a time.Time at midnight UTC.
func ParseDayFirst(s string) (time.Time, error) {
	return time.Parse("02/01/2006", strings.TrimSpace(s))
}
