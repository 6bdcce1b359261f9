package names

import "testing"

// The letters of Kurdish, Sindhi, Uyghur, Malay (Jawi) and Maghrebi Arabic
// script read as their sounds, not as go-unidecode's guesses.
func TestArabicScriptLetters(t *testing.T) {
	tests := []struct{ in, want string }{
		{"لیۆناردۆ", "liunardu"}, // Kurdish ۆ is the vowel o
		{"ڤینچی", "vinchi"},      // ڤ is v
		{"گرێکۆ", "griku"},       // Kurdish ێ is the vowel e
		{"کۊک", "kuk"},
		{"ڪوڪ", "kuk"},   // Sindhi ڪ is k
		{"ڠه", "ngh"},    // Jawi ng
		{"يوسڤ", "yusv"}, // Jawi v
	}
	for _, tt := range tests {
		if got := Analyze(tt.in).Forms(); len(got) != 1 || got[0] != tt.want {
			t.Errorf("Analyze(%q) = %q, want [%q]", tt.in, got, tt.want)
		}
	}
}

// A visarga ending a word in an Indic script is dropped, as names in the
// modern languages drop it; inside a word it is read.
func TestIndicFinalVisarga(t *testing.T) {
	for in, want := range map[string]string{"ठाकुरः": "thakur", "ठाकुर": "thakur", "दुःख": "duhkh"} {
		if got := Analyze(in).Forms(); len(got) != 1 || got[0] != want {
			t.Errorf("Analyze(%q) = %q, want [%q]", in, got, want)
		}
	}
}
