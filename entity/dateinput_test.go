package entity

import (
	"strings"
	"testing"
	"time"
)

func TestParseDateInput(t *testing.T) {
	tests := []struct {
		in    string
		order DateOrder
		want  string // the ISO form, or "" with err
		err   string // a part of the error
	}{
		{"1950-03-21", DayFirst, "1950-03-21", ""},
		{"1950-03", DayFirst, "1950-03", ""},
		{"1950", DayFirst, "1950", ""},
		{" 1950 ", MonthFirst, "1950", ""},
		{"1955..1958", DayFirst, "1955..1958", ""},
		{"~1965", DayFirst, "~1965", ""},
		{"21.03.1950", DayFirst, "1950-03-21", ""},
		{"21/03/1950", DayFirst, "1950-03-21", ""},
		{"21-03-1950", DayFirst, "1950-03-21", ""},
		{"1.3.1950", DayFirst, "1950-03-01", ""},
		{"03/21/1950", MonthFirst, "1950-03-21", ""},
		{"03/04/1950", MonthFirst, "1950-03-04", ""},
		{"03/04/1950", DayFirst, "1950-04-03", ""},
		{"1950/03/21", DayFirst, "1950-03-21", ""},
		{"1950.03.21", MonthFirst, "1950-03-21", ""},
		{"1950/03/21", YearFirst, "1950-03-21", ""},
		{"03/1950", DayFirst, "1950-03", ""},
		{"March 21, 1950", DayFirst, "1950-03-21", ""},
		{"march 21 1950", MonthFirst, "1950-03-21", ""},
		{"21 March 1950", DayFirst, "1950-03-21", ""},
		{"21 Mar 1950", DayFirst, "1950-03-21", ""},
		{"21st March 1950", DayFirst, "1950-03-21", ""},
		{"21-MAR-1950", DayFirst, "1950-03-21", ""},
		{"Sept 1950", DayFirst, "1950-09", ""},
		{"March 1950", DayFirst, "1950-03", ""},
		{"", DayFirst, "", ""},
		// Never read the other way round.
		{"03/21/1950", DayFirst, "", "month 21 out of range, reading the date day first (dmy)"},
		{"21/03/1950", MonthFirst, "", "month 21 out of range, reading the date month first (mdy)"},
		{"21/03/1950", YearFirst, "", "year first"},
		{"21.03.50", DayFirst, "", "two-digit year"},
		{"31.02.1950", DayFirst, "", "has no day 31"},
		{"30 February 1950", DayFirst, "", "has no day 30"},
		{"1950-02-30", DayFirst, "", "has no day 30"},
		{"0.03.1950", DayFirst, "", "day 0"},
		{"13/1950", DayFirst, "", "month 13"},
		{"March", DayFirst, "", "want a date such as"},
		{"yesterday", DayFirst, "", "want a date such as"},
		{"21 Foo 1950", DayFirst, "", "want a date such as"},
		{"March April 1950", DayFirst, "", "two month names"},
		{"21 March", DayFirst, "", "no four-digit year"},
	}
	for _, tt := range tests {
		got, err := ParseDateInput(tt.in, tt.order)
		switch {
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("ParseDateInput(%q, %s) = %v, %v; want an error with %q", tt.in, tt.order, got, err, tt.err)
		case tt.err == "" && (err != nil || got.String() != tt.want):
			t.Errorf("ParseDateInput(%q, %s) = %q, %v; want %q", tt.in, tt.order, got, err, tt.want)
		case err != nil && !strings.Contains(err.Error(), tt.in):
			t.Errorf("ParseDateInput(%q): error %q does not name the value", tt.in, err)
		}
	}
}

func TestParseDateOrder(t *testing.T) {
	for in, want := range map[string]DateOrder{"": DayFirst, "dmy": DayFirst, "MDY": MonthFirst, "ymd": YearFirst} {
		if got, err := ParseDateOrder(in); err != nil || got != want {
			t.Errorf("ParseDateOrder(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseDateOrder("dym"); err == nil || !strings.Contains(err.Error(), "dmy, mdy or ymd") {
		t.Errorf("ParseDateOrder(dym): %v", err)
	}
}

func TestPublishedText(t *testing.T) {
	d := time.Date(2024, 5, 1, 13, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		v     ListVersion
		want  string
		known bool
	}{
		{ListVersion{Published: d, PublishedFrom: "file"}, "2024-05-01", true},
		{ListVersion{Published: d, PublishedFrom: "newest-listing-date"}, "2024-05-01 (newest-listing-date)", true},
		{ListVersion{Published: d, PublishedFrom: PublishedFromFileTime}, "publish date unknown (file time 2024-05-01)", false},
		{ListVersion{}, "publish date unknown", false},
	} {
		if got := tt.v.PublishedText(); got != tt.want || tt.v.PublishDateKnown() != tt.known {
			t.Errorf("%s: %q, known %v; want %q, %v", tt.v.PublishedFrom, got, tt.v.PublishDateKnown(), tt.want, tt.known)
		}
	}
}
