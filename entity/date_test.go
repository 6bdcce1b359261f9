package entity

import (
	"encoding/json"
	"testing"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    Date
		wantErr bool
	}{
		{"1950-03-21", Date{1950, 3, 21}, false},
		{"1950-03", Date{1950, 3, 0}, false},
		{"1950", Date{1950, 0, 0}, false},
		{"2024-05-03T18:43:00Z", Date{2024, 5, 3}, false},
		{"", Date{}, false},
		{"1950-02-30", Date{}, true},
		{"1950-13", Date{}, true},
		{"50-03-21", Date{}, true},
		{"1950-3-21", Date{}, true},
		{"abcd", Date{}, true},
		{"1950-03-21-01", Date{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDate(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("ParseDate(%q) err = %v, wantErr %v", tt.in, err, tt.wantErr)
			}
			if got != tt.want {
				t.Errorf("ParseDate(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
		})
	}
}

func TestDateRangeRoundTrip(t *testing.T) {
	for _, s := range []string{"1950-03-21", "1950", "1955..1958", "~1965", "~1955-01..1958-12-31"} {
		r, err := ParseDateRange(s)
		if err != nil {
			t.Fatalf("ParseDateRange(%q): %v", s, err)
		}
		if r.String() != s {
			t.Errorf("round trip %q -> %q", s, r.String())
		}
		b, _ := json.Marshal(r)
		var back DateRange
		if err := json.Unmarshal(b, &back); err != nil || back != r {
			t.Errorf("JSON round trip of %q: %s -> %+v, %v", s, b, back, err)
		}
	}
	if _, err := ParseDateRange("1958..1955"); err == nil {
		t.Error("a range that ends before it starts was accepted")
	}
}

func TestOverlaps(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"1950-03-21", "1950-03-21", true},
		{"1950-03-21", "1950", true},
		{"1950-03-21", "1950-04", false},
		{"1950-03-21", "1951", false},
		{"1955..1958", "1957-06-01", true},
		{"1955..1958", "1959", false},
		{"1950", "1949..1950", true},
	}
	for _, tt := range tests {
		a, _ := ParseDateRange(tt.a)
		b, _ := ParseDateRange(tt.b)
		if got := a.Overlaps(b); got != tt.want {
			t.Errorf("%s overlaps %s = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := b.Overlaps(a); got != tt.want {
			t.Errorf("%s overlaps %s = %v, want %v (not symmetric)", tt.b, tt.a, got, tt.want)
		}
	}
	if (DateRange{}).Overlaps(DateRange{From: Date{Year: 1950}}) {
		t.Error("an unknown date overlaps")
	}
}
