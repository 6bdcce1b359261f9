package entity

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar date known to the day, the month or only the year, as
// publishers give dates of birth ("1950-03-21", "Mar 1950", "1950").
// The zero Date is unknown. Month and Day are 0 when unknown.
type Date struct {
	Year  int `json:"year"`
	Month int `json:"month,omitempty"`
	Day   int `json:"day,omitempty"`
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.Year == 0 }

// String formats the date as an ISO 8601 prefix, the way FtM writes partial
// dates: "1950-03-21", "1950-03" or "1950". The zero Date is "".
func (d Date) String() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// MarshalText writes the ISO prefix form.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads the ISO prefix form written by MarshalText.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// ParseDate reads an ISO 8601 date or prefix: "YYYY", "YYYY-MM" or
// "YYYY-MM-DD" (a time part after "T" is ignored). The empty string is the
// zero Date. It validates the calendar, so "1950-02-30" is an error.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	if i := strings.IndexByte(s, 'T'); i > 0 {
		s = s[:i]
	}
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return Date{}, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || (i > 0 && len(p) != 2) {
			return Date{}, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		n[i] = v
	}
	d := Date{Year: n[0], Month: n[1], Day: n[2]}
	if err := d.Validate(); err != nil {
		return Date{}, fmt.Errorf("date %q: %w", s, err)
	}
	return d, nil
}

// Validate checks that the known parts form a real calendar date.
func (d Date) Validate() error {
	switch {
	case d.Year == 0 && (d.Month != 0 || d.Day != 0):
		return fmt.Errorf("month or day without a year")
	case d.Year < 0 || d.Year > 9999:
		return fmt.Errorf("year %d out of range", d.Year)
	case d.Month < 0 || d.Month > 12:
		return fmt.Errorf("month %d out of range", d.Month)
	case d.Month == 0 && d.Day != 0:
		return fmt.Errorf("day without a month")
	case d.Day < 0 || d.Day > 31:
		return fmt.Errorf("day %d out of range", d.Day)
	case d.Day > 0:
		t := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
		if t.Day() != d.Day {
			return fmt.Errorf("%04d-%02d has no day %d", d.Year, d.Month, d.Day)
		}
	}
	return nil
}

// DateOf returns the day-precision Date of t.
func DateOf(t time.Time) Date {
	return Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}

// first and last return the earliest and latest day the date may stand for,
// as comparable integers YYYYMMDD.
func (d Date) first() int {
	return d.Year*10000 + max(d.Month, 1)*100 + max(d.Day, 1)
}

func (d Date) last() int {
	m, day := d.Month, d.Day
	if m == 0 {
		m = 12
	}
	if day == 0 {
		day = 31
	}
	return d.Year*10000 + m*100 + day
}

// DateRange is a date of birth as publishers give it: one date (To is zero),
// or a range of years or dates ("between 1955 and 1958"), possibly marked
// approximate ("circa 1965").
type DateRange struct {
	From   Date `json:"from"`
	To     Date `json:"to,omitzero"`
	Approx bool `json:"approx,omitempty"`
}

// IsZero reports whether no date is known.
func (r DateRange) IsZero() bool { return r.From.IsZero() && r.To.IsZero() }

// IsRange reports whether r spans more than one date.
func (r DateRange) IsRange() bool { return !r.To.IsZero() && r.To != r.From }

// String formats a single date as its ISO prefix and a range as
// "FROM..TO"; "~" marks an approximate date.
func (r DateRange) String() string {
	s := r.From.String()
	if r.IsRange() {
		s += ".." + r.To.String()
	}
	if r.Approx {
		s = "~" + s
	}
	return s
}

// ParseDateRange reads the form written by String: "1950-03-21",
// "1955..1958", "~1965".
func ParseDateRange(s string) (DateRange, error) {
	var r DateRange
	s = strings.TrimSpace(s)
	if rest, ok := strings.CutPrefix(s, "~"); ok {
		r.Approx, s = true, rest
	}
	from, to, isRange := strings.Cut(s, "..")
	var err error
	if r.From, err = ParseDate(from); err != nil {
		return DateRange{}, err
	}
	if isRange {
		if r.To, err = ParseDate(to); err != nil {
			return DateRange{}, err
		}
		if r.To.last() < r.From.first() {
			return DateRange{}, fmt.Errorf("date range %q ends before it starts", s)
		}
	}
	return r, nil
}

// MarshalText writes the String form.
func (r DateRange) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText reads the String form.
func (r *DateRange) UnmarshalText(b []byte) error {
	v, err := ParseDateRange(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// Bounds returns the first and last day r may stand for, as YYYYMMDD
// integers, for overlap tests.
func (r DateRange) Bounds() (first, last int) {
	to := r.To
	if to.IsZero() {
		to = r.From
	}
	return r.From.first(), to.last()
}

// Overlaps reports whether r and o may be the same date.
func (r DateRange) Overlaps(o DateRange) bool {
	if r.IsZero() || o.IsZero() {
		return false
	}
	a0, a1 := r.Bounds()
	b0, b1 := o.Bounds()
	return a0 <= b1 && b0 <= a1
}
