package entity

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// DateOrder is the order of day, month and year in a date written with
// numbers only ("21/03/1950"): DayFirst, MonthFirst or YearFirst.
type DateOrder string

// Date orders. DayFirst is the default: it is how most of the world
// writes dates, and how the lists veto reads do when they are not ISO.
const (
	DayFirst   DateOrder = "dmy"
	MonthFirst DateOrder = "mdy"
	YearFirst  DateOrder = "ymd"
)

// DateOrders are the valid DateOrder values, for flag messages.
var DateOrders = []DateOrder{DayFirst, MonthFirst, YearFirst}

// ParseDateOrder reads a DateOrder; "" is DayFirst.
func ParseDateOrder(s string) (DateOrder, error) {
	switch o := DateOrder(strings.ToLower(strings.TrimSpace(s))); o {
	case "":
		return DayFirst, nil
	case DayFirst, MonthFirst, YearFirst:
		return o, nil
	}
	return "", fmt.Errorf("%q: want dmy, mdy or ymd", s)
}

// ParseDateInput reads a date of birth as people type it, and is the one
// parser of dates in queries (the API, batch files, the command line):
//
//   - ISO 8601 and its prefixes: 1950-03-21, 1950-03, 1950, and the
//     stored range forms 1955..1958 and ~1965;
//   - numbers with '.', '/' or '-' between them: 21.03.1950, 21/03/1950,
//     21-03-1950 read in order (day first unless told otherwise), and
//     03/1950 (month and year); a four-digit year first is always year,
//     month, day (1950/03/21);
//   - English month names, in full or in three letters: March 21, 1950;
//     21 March 1950; 21 Mar 1950; 21-Mar-1950; March 1950.
//
// A numeric date that does not fit the order is an error, never read the
// other way round: 03/21/1950 day first has no month 21, and 21/03/1950
// month first none either (a day in the month's place). Two-digit years
// are refused: 21.03.50 could be 1950 or 2050.
func ParseDateInput(s string, order DateOrder) (DateRange, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return DateRange{}, nil
	}
	if order == "" {
		order = DayFirst
	}
	// The forms veto writes (ISO, ranges) first: they are unambiguous.
	if r, err := ParseDateRange(s); err == nil {
		return r, nil
	}
	d, err := parseTyped(s, order)
	if err != nil {
		return DateRange{}, fmt.Errorf("date %q: %w", s, err)
	}
	if err := d.Validate(); err != nil {
		return DateRange{}, fmt.Errorf("date %q: %w", s, err)
	}
	return DateRange{From: d}, nil
}

// errDateForms lists what is accepted.
var errDateForms = errors.New("want a date such as 1950-03-21, 21.03.1950, 21/03/1950, 21 March 1950, March 21, 1950, 1950-03 or 1950")

// parseTyped reads the forms other than ISO into a Date (not yet
// validated against the calendar).
func parseTyped(s string, order DateOrder) (Date, error) {
	fields := strings.FieldsFunc(s, func(r rune) bool {
		return r == '.' || r == '/' || r == '-' || r == ',' || unicode.IsSpace(r)
	})
	if len(fields) < 2 || len(fields) > 3 {
		return Date{}, errDateForms
	}
	// Which fields are numbers, which a month name.
	var nums []string
	month, monthAt := 0, -1
	for i, f := range fields {
		if m := monthNumber(f); m > 0 {
			if monthAt >= 0 {
				return Date{}, fmt.Errorf("two month names")
			}
			month, monthAt = m, i
			continue
		}
		f = trimOrdinal(f)
		if f == "" || strings.Trim(f, "0123456789") != "" {
			return Date{}, errDateForms
		}
		nums = append(nums, f)
	}
	if monthAt >= 0 {
		return withMonthName(nums, month)
	}
	return numeric(nums, order)
}

// withMonthName reads "March 21 1950", "21 March 1950", "March 1950":
// the month is named, so the order does not matter; the year is the
// number of four digits.
func withMonthName(nums []string, month int) (Date, error) {
	d := Date{Month: month}
	for _, n := range nums {
		v, _ := strconv.Atoi(n)
		switch {
		case len(n) == 4 && d.Year == 0:
			d.Year = v
		case len(n) <= 2 && d.Day == 0:
			d.Day = v
		default:
			return Date{}, yearError(n)
		}
	}
	if d.Year == 0 {
		return Date{}, fmt.Errorf("no four-digit year")
	}
	if len(nums) == 2 && d.Day < 1 {
		return Date{}, fmt.Errorf("day %d out of range", d.Day)
	}
	return d, nil
}

// numeric reads dates of numbers only, in order.
func numeric(nums []string, order DateOrder) (Date, error) {
	v := make([]int, len(nums))
	for i, n := range nums {
		v[i], _ = strconv.Atoi(n)
	}
	if len(nums) == 2 && len(nums[0]) == 4 && len(nums[1]) <= 2 { // 1950/03
		return checked(Date{Year: v[0], Month: v[1]}, YearFirst, false)
	}
	if len(nums) == 2 { // 03/1950
		if len(nums[1]) != 4 || len(nums[0]) > 2 {
			return Date{}, errDateForms
		}
		if v[0] < 1 || v[0] > 12 {
			return Date{}, fmt.Errorf("month %d out of range", v[0])
		}
		return Date{Year: v[1], Month: v[0]}, nil
	}
	if len(nums[0]) == 4 { // 1950/03/21, whatever the order
		if len(nums[1]) > 2 || len(nums[2]) > 2 {
			return Date{}, errDateForms
		}
		return checked(Date{Year: v[0], Month: v[1], Day: v[2]}, YearFirst, true)
	}
	if order == YearFirst {
		return Date{}, fmt.Errorf("want the year first (ymd)")
	}
	if len(nums[2]) != 4 {
		return Date{}, yearError(nums[2])
	}
	if len(nums[0]) > 2 || len(nums[1]) > 2 {
		return Date{}, errDateForms
	}
	if order == MonthFirst {
		return checked(Date{Year: v[2], Month: v[0], Day: v[1]}, order, true)
	}
	return checked(Date{Year: v[2], Month: v[1], Day: v[0]}, order, true)
}

// checked refuses a month out of range naming the order it was read in,
// so that 03/21/1950 read day first says why.
func checked(d Date, order DateOrder, hasDay bool) (Date, error) {
	if d.Month < 1 || d.Month > 12 {
		return Date{}, fmt.Errorf("month %d out of range, reading the date %s (%s)", d.Month, orderWords[order], order)
	}
	if hasDay && d.Day < 1 {
		return Date{}, fmt.Errorf("day %d out of range", d.Day)
	}
	return d, nil
}

var orderWords = map[DateOrder]string{DayFirst: "day first", MonthFirst: "month first", YearFirst: "year first"}

func yearError(n string) error {
	if len(n) <= 2 {
		return fmt.Errorf("two-digit year %q: write it in full (19%s or 20%s)", n, n, n)
	}
	return errDateForms
}

// trimOrdinal drops an English ordinal suffix: "21st" is 21.
func trimOrdinal(s string) string {
	l := strings.ToLower(s)
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if rest, ok := strings.CutSuffix(l, suf); ok && rest != "" {
			return rest
		}
	}
	return s
}

var monthNames = []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}

// monthNumber returns 1 to 12 for an English month name, in full or in
// its first three letters (and "Sept"), else 0.
func monthNumber(s string) int {
	l := strings.ToLower(s)
	if l == "sept" {
		return 9
	}
	for i, m := range monthNames {
		if l == m || (len(l) == 3 && strings.HasPrefix(m, l)) {
			return i + 1
		}
	}
	return 0
}
