package source

import "testing"

func TestParseDateText(t *testing.T) {
	tests := []struct {
		in   string
		want string // DateRange.String(), or "" for an error
	}{
		{"1950-03-21", "1950-03-21"},
		{"1950", "1950"},
		{"1950-03", "1950-03"},
		{"21 Mar 1950", "1950-03-21"},
		{"21 March 1950", "1950-03-21"},
		{"Mar 1950", "1950-03"},
		{"21/03/1950", "1950-03-21"},
		{"21.03.1950", "1950-03-21"},
		{"dd/mm/1972", "1972"},
		{"00/00/1972", "1972"},
		{"00/05/1972", "1972-05"},
		{"circa 1965", "~1965"},
		{"Circa 1965.", "~1965"},
		{"approximately 1965", "~1965"},
		{"1955 to 1958", "1955..1958"},
		{"1955-1958", "1955..1958"},
		{"Between 1955 and 1958", "1955..1958"},
		{"Approximately 1955- 1958", "~1955..1958"},
		{"1 Jan 1960 to 31 Dec 1962", "1960-01-01..1962-12-31"},
		{"31/02/1950", ""},
		{"1958 to 1955", ""},
		{"unknown", ""},
		{"", ""},
		{"13/13/1950", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDateText(tt.in)
			if tt.want == "" {
				if err == nil {
					t.Fatalf("ParseDateText(%q) = %v, want error", tt.in, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseDateText(%q): %v", tt.in, err)
			}
			if got.String() != tt.want {
				t.Errorf("ParseDateText(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}
