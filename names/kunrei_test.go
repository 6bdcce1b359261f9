package names

import "testing"

func TestKunrei(t *testing.T) {
	tests := []struct{ form, want string }{
		{"kisida", "kishida"},
		{"humio", "fumio"},
		{"syotoku", "shotoku"},
		{"tyosyu", "choshu"},
		{"zyunitiro", "junichiro"},
		{"matumoto", "matsumoto"},
		{"hattori", ""},  // Kunrei and Hepburn alike
		{"tanaka", ""},   // alike
		{"shinzo", ""},   // Hepburn already: sh is no Kunrei syllable
		{"tina", ""},     // too short to read as Japanese
		{"vladimir", ""}, // not Japanese syllables
		{"kristina", ""}, // a consonant cluster
	}
	for _, tt := range tests {
		if got := kunrei(tt.form); got != tt.want {
			t.Errorf("kunrei(%q) = %q, want %q", tt.form, got, tt.want)
		}
	}
}

// TestKunreiReading checks that a Kunrei word's token carries the Hepburn
// reading as its second skeleton, as national readings do.
func TestKunreiReading(t *testing.T) {
	n := Analyze("Kisida Humio")
	for i, want := range []string{Phon("kishida"), Phon("fumio")} {
		if got := n.Tokens[i].Alt; got != want {
			t.Errorf("token %d (%s): Alt %q, want %q", i, n.Tokens[i].Form, got, want)
		}
	}
}
