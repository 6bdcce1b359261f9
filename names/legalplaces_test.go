package names

import "testing"

// Every phrase placed is a legal form's phrase: a typo here would leave
// the form a translation, of no place, without a word.
func TestLegalPlacesAreLegalForms(t *testing.T) {
	for phrase := range legalPlaces {
		if _, ok := legalForms[phrase]; !ok {
			t.Errorf("legalPlaces has %q, which legalForms does not", phrase)
		}
	}
}

func TestLegalPlaceOfAToken(t *testing.T) {
	tests := []struct {
		a, b string
		meet bool
	}{
		{"Acme GmbH", "Acme Ltd", false},
		{"Acme GmbH", "Acme LLC", true}, // a translation
		{"Acme AG", "Acme SA", true},    // Swiss, and S.A. is of many places
		{"Acme NV", "Acme S.p.A.", false},
		{"Acme ZAO", "Acme OJSC", false},
		{"Acme PAO", "Acme Open Joint Stock Company", true},
		{"Acme Co., Ltd.", "Acme Kabushiki Kaisha", true},
		{"Acme Ltd. Şti.", "Acme Limited", true},
	}
	legal := func(s string) LegalPlace {
		toks := Analyze(s).Tokens
		if k := toks[len(toks)-1]; k.Kind == LegalForm {
			return k.Legal
		}
		t.Fatalf("%q: no legal form last in %+v", s, toks)
		return 0
	}
	for _, tt := range tests {
		if got := LegalFormsMeet(legal(tt.a), legal(tt.b)); got != tt.meet {
			t.Errorf("LegalFormsMeet(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.meet)
		}
	}
}
