package names

import "testing"

func TestGivenSex(t *testing.T) {
	tests := []struct{ name, want string }{
		{"William Jefferson CLINTON", "male"},
		{"CLINTON, Hillary Rodham", "female"},
		{"Mark THATCHER", "male"},
		{"Margaret Hilda THATCHER", "female"},
		{"Jean SMITH", ""},            // Jean is a woman's name in English
		{"Jean-Marie LE PEN", "male"}, // and a man's, hyphened to another, in French
		{"LE PEN, Jean Marie", ""},    // unhyphened: Jean could be hers
		{"Tatyana Vladimirovna ZHURAVLEVA", "female"},
		{"Mohammed bin Salman", "male"},
		{"THATCHER", ""},    // no given name
		{"Kim Jong Un", ""}, // syllables, not a given name of the table
	}
	for _, tt := range tests {
		if got := GivenSex(Analyze(tt.name)); got != tt.want {
			t.Errorf("GivenSex(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}
