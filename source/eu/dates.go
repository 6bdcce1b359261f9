package eu

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
)

// parseDate reads an XML Schema date ("2011-02-26"), dropping a time zone
// suffix ("2011-02-26+01:00") that says nothing about the day.
func parseDate(s string) (entity.Date, error) {
	if len(s) > 10 && s[4] == '-' && s[7] == '-' && strings.ContainsRune("Z+-T", rune(s[10])) {
		s = s[:10]
	}
	return entity.ParseDate(s)
}

// birthdate maps a date and place of birth. The date is the birthdate
// attribute when given, else year with monthOfYear and dayOfMonth, else
// the range yearRangeFrom to yearRangeTo; circa="true" marks it
// approximate. In a calendar other than the Gregorian (calendarType
// ISLAMIC), day, month and year are in that calendar and only the
// birthdate attribute is Gregorian: without it the date is kept as a note
// and counted in a warning.
func (m *mapper) birthdate(b birthdate) {
	const field = "birthdate"
	m.unknownDetail(field, b.detail)
	r, text, ok := m.birthRange(b)
	if ok && !r.IsZero() {
		r.Approx = isTrue(b.Circa)
		m.e.AddBirthDate(r)
		text = r.String()
	}
	place := birthPlace(b)
	m.addBirthPlace(place)
	for _, rem := range b.Remarks {
		if rem = source.Clean(rem); rem != "" {
			m.note("%s: %s", source.Join(" ", "Date of birth", text), rem)
		}
	}
}

// birthRange reads the date of a birthdate. text is the date as written
// when it cannot be read, for the notes; ok is false then.
func (m *mapper) birthRange(b birthdate) (r entity.DateRange, text string, ok bool) {
	const field = "birthdate"
	calendar := strings.ToUpper(source.Clean(b.CalendarType))
	gregorian := calendar == "" || calendar == "GREGORIAN"
	if !gregorian && calendar != "ISLAMIC" {
		m.warnf(field+"@calendarType", "unknown calendar %q", calendar)
	}
	if s := source.Clean(b.Birthdate); s != "" {
		d, err := parseDate(s)
		if err != nil {
			m.warnf(field+"@birthdate", "unreadable date of birth, kept in notes")
			m.note("Date of birth: %s", s)
			return r, s, false
		}
		return entity.DateRange{From: d}, "", true
	}
	year, month, day := source.Clean(b.Year), source.Clean(b.MonthOfYear), source.Clean(b.DayOfMonth)
	from, to := source.Clean(b.YearRangeFrom), source.Clean(b.YearRangeTo)
	if written := dateText(year, month, day, from, to); !gregorian && written != "" {
		m.warnf(field+"@calendarType", "date of birth only in a non-Gregorian calendar, kept in notes")
		m.note("Date of birth (%s calendar): %s", strings.ToLower(calendar), written)
		return r, written, false
	}
	if year != "" {
		d, err := partialDate(year, month, day)
		if err != nil {
			m.warnf(field+"@year", "unreadable date of birth, kept in notes")
			m.note("Date of birth: %s", dateText(year, month, day, "", ""))
			return r, dateText(year, month, day, "", ""), false
		}
		r.From = d
	}
	if r.From.IsZero() && (from != "" || to != "") {
		f, err1 := partialDate(from, "", "")
		t, err2 := partialDate(to, "", "")
		if err1 != nil || err2 != nil || (!f.IsZero() && !t.IsZero() && t.Year < f.Year) {
			m.warnf(field+"@yearRangeFrom", "unreadable range of years of birth, kept in notes")
			m.note("Date of birth: %s to %s", from, to)
			return r, from + " to " + to, false
		}
		if f.IsZero() {
			f, t = t, entity.Date{}
		}
		r.From, r.To = f, t
	}
	return r, "", true
}

// dateText writes the date parts of a birthdate as given, for notes:
// "1402-6-24", "1953 to 1958".
func dateText(year, month, day, from, to string) string {
	var date []string
	for _, s := range []string{year, month, day} {
		if s != "" {
			date = append(date, s)
		}
	}
	s := strings.Join(date, "-")
	if from != "" || to != "" {
		s = strings.TrimSpace(s + " " + from + " to " + to)
	}
	return s
}

// partialDate reads a year with an optional month and day; "" and "0"
// are unknown parts.
func partialDate(year, month, day string) (entity.Date, error) {
	var n [3]int
	for i, s := range []string{year, month, day} {
		if s == "" {
			continue
		}
		v, err := strconv.Atoi(s)
		if err != nil {
			return entity.Date{}, fmt.Errorf("date part %q", s)
		}
		n[i] = v
	}
	if n[1] == 0 {
		n[2] = 0
	}
	d := entity.Date{Year: n[0], Month: n[1], Day: n[2]}
	if year != "" && len(year) != 4 {
		return entity.Date{}, fmt.Errorf("year %q", year)
	}
	return d, d.Validate()
}

// birthPlace joins the place parts of a birthdate, small to large. The
// EU writes "-" for an unknown city and "UNKNOWN" for an unknown country.
func birthPlace(b birthdate) string {
	var parts []string
	for _, s := range []string{b.Place, b.City, b.ZipCode, b.Region} {
		if s = source.Clean(s); s != "" && s != "-" {
			parts = append(parts, s)
		}
	}
	if c := source.Clean(b.CountryDescription); c != "" && !strings.EqualFold(c, "unknown") {
		parts = append(parts, c)
	}
	return source.Join(", ", parts...)
}

func (m *mapper) addBirthPlace(place string) {
	if place != "" && !slices.Contains(m.e.BirthPlaces, place) {
		m.e.BirthPlaces = append(m.e.BirthPlaces, place)
	}
}
