package un

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
)

// parseDate reads an XML Schema date: "2012-12-31", or "2015-03-27-04:00"
// and "2015-03-27Z" with a time zone, which some LISTED_ON values carry
// and which says nothing about the day. A bare year is accepted too.
func parseDate(s string) (entity.Date, error) {
	if len(s) > 10 && s[4] == '-' && s[7] == '-' && strings.ContainsRune("Z+-T", rune(s[10])) {
		s = s[:10]
	}
	return entity.ParseDate(s)
}

// parseDateRange reads a date written as an XML Schema date or year, or
// failing that as free text.
func parseDateRange(s string) (entity.DateRange, error) {
	if d, err := parseDate(s); err == nil {
		return entity.DateRange{From: d}, nil
	}
	return source.ParseDateText(monthDots.Replace(s))
}

// monthDots drops the period after abbreviated month names ("Nov. 1973"),
// which source.ParseDateText does not expect.
var monthDots = strings.NewReplacer(
	"Jan.", "Jan", "Feb.", "Feb", "Mar.", "Mar", "Apr.", "Apr", "Jun.", "Jun", "Jul.", "Jul",
	"Aug.", "Aug", "Sep.", "Sep", "Sept.", "Sep", "Oct.", "Oct", "Nov.", "Nov", "Dec.", "Dec",
)

// monthsRe matches "Between Aug. and Sep. 1977": two months of one year.
var monthsRe = regexp.MustCompile(`(?i)^between\s+([a-z]+)\.?\s+and\s+([a-z]+)\.?\s+(\d{4})$`)

// dateOfBirth maps an INDIVIDUAL_DATE_OF_BIRTH. TYPE_OF_DATE says how to
// read it: EXACT (a DATE, or a YEAR), APPROXIMATELY (a YEAR, "circa"),
// BETWEEN (FROM_YEAR to TO_YEAR). A NOTE refines it ("Approximately",
// a month "Sep.") or replaces it ("Nov. 1973", "24/06/1402 (Hijri
// Calendar)").
func (m *mapper) dateOfBirth(d dateOfBirth) {
	const field = "INDIVIDUAL_DATE_OF_BIRTH"
	m.unknownIn(field, d.Unknown, d.UnknownAttrs)
	typ, note := strings.ToUpper(source.Clean(d.TypeOfDate)), source.Clean(d.Note)
	switch typ {
	case "", "EXACT", "BETWEEN", "APPROXIMATELY":
	default:
		m.warnf(field+"/TYPE_OF_DATE", "unknown type of date %q", typ)
	}
	r, ok := m.structuredDate(d)
	if !ok {
		m.note("Date of birth: %s", source.Join(" ", source.Clean(d.Date), source.Clean(d.Year), source.Clean(d.FromYear), source.Clean(d.ToYear), note))
		return
	}
	r.Approx = typ == "APPROXIMATELY"
	if isHijri(note) {
		// A date in the Islamic calendar; the UN gives its Gregorian
		// equivalent as another date of birth (see checkHijri).
		m.note("Date of birth (Hijri calendar): %s", note)
		note = ""
	}
	note = refineDate(&r, note)
	switch {
	case r.IsZero() && note != "":
		m.warnf(field+"/NOTE", "unreadable date of birth, kept in notes")
		m.note("Date of birth: %s", note)
		return
	case note != "":
		m.note("Date of birth %s: %s", r, note)
	}
	m.e.AddBirthDate(r)
}

// structuredDate reads DATE, YEAR or FROM_YEAR/TO_YEAR. It reports false,
// with a warning, when a value is there but cannot be read.
func (m *mapper) structuredDate(d dateOfBirth) (entity.DateRange, bool) {
	const field = "INDIVIDUAL_DATE_OF_BIRTH"
	var r entity.DateRange
	var err error
	switch date, year, from, to := source.Clean(d.Date), source.Clean(d.Year), source.Clean(d.FromYear), source.Clean(d.ToYear); {
	case date != "":
		r.From, err = parseDate(date)
		if err != nil {
			m.warnf(field+"/DATE", "unreadable date of birth, kept in notes")
			return r, false
		}
	case year != "":
		r.From, err = parseYear(year)
		if err != nil {
			m.warnf(field+"/YEAR", "unreadable year of birth, kept in notes")
			return r, false
		}
	case from != "" || to != "":
		f, err1 := parseYear(from)
		t, err2 := parseYear(to)
		if (from != "" && err1 != nil) || (to != "" && err2 != nil) {
			m.warnf(field+"/FROM_YEAR", "unreadable range of years of birth, kept in notes")
			return r, false
		}
		if f.IsZero() {
			f, t = t, entity.Date{}
		}
		if !t.IsZero() && t.Year < f.Year {
			f, t = t, f
		}
		r.From, r.To = f, t
	}
	return r, true
}

func parseYear(s string) (entity.Date, error) {
	if s == "" {
		return entity.Date{}, nil
	}
	y, err := strconv.Atoi(s)
	if err != nil || len(s) != 4 {
		return entity.Date{}, fmt.Errorf("year %q", s)
	}
	d := entity.Date{Year: y}
	return d, d.Validate()
}

// refineDate applies a date-of-birth NOTE to r where the note is about
// the date itself, and returns what is left of the note.
func refineDate(r *entity.DateRange, note string) string {
	if note == "" {
		return ""
	}
	n := strings.ToLower(strings.TrimSuffix(note, "."))
	switch {
	case n == "approximately" || n == "approx" || n == "circa" || n == "about":
		r.Approx = true
		return ""
	case r.IsZero():
		if x, err := parseDateRange(note); err == nil {
			x.Approx = x.Approx || r.Approx
			*r = x
			return ""
		}
		if mm := monthsRe.FindStringSubmatch(note); mm != nil {
			from, err1 := source.ParseDateText(mm[1] + " " + mm[3])
			to, err2 := source.ParseDateText(mm[2] + " " + mm[3])
			if err1 == nil && err2 == nil && from.From.Month <= to.From.Month {
				r.From, r.To = from.From, to.From
				return ""
			}
		}
	case r.From.Month == 0 && !r.IsRange():
		// "Sep." with YEAR 1958: the month of birth.
		if x, err := source.ParseDateText(monthDots.Replace(note) + " " + strconv.Itoa(r.From.Year)); err == nil && x.From.Day == 0 && !x.IsRange() {
			r.From = x.From
			return ""
		}
	}
	return note
}

// checkHijri warns when a record gives its date of birth only in the
// Islamic calendar: the note is kept, but no date can be screened.
func (m *mapper) checkHijri(ds []dateOfBirth) {
	if len(m.e.BirthDates) > 0 {
		return
	}
	for _, d := range ds {
		if isHijri(d.Note) {
			m.warnf("INDIVIDUAL_DATE_OF_BIRTH/NOTE", "date of birth only in the Hijri calendar, kept in notes")
			return
		}
	}
}

func isHijri(note string) bool {
	return strings.Contains(strings.ToLower(note), "hijri")
}
