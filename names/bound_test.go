package names

import (
	"strings"
	"testing"
)

// TestNamesAreBounded checks the caps that bound what scoring a name
// costs, and that real names keep every word.
func TestNamesAreBounded(t *testing.T) {
	for _, tc := range []struct {
		name      string
		wantWords int // -1: at most MaxTokens
	}{
		{"Muhammad bin Muhammad bin Muhammad bin Ali", 5}, // the third "muhammad" and "bin" go
		{"Muhammad bin Muhammad al-Muhammadi", 5},
		{"A.K.M. Fazlul Haque", 5},
		{"I.R.I.S.L. Europe GmbH", 7},
		{strings.Repeat("ivan ", 200), 2},
		{strings.Repeat("a ", 400), 1}, // letters run together: one word
		{strings.Repeat("A. Ivanov B. Petrov C. Sidorov D. Orlov E. Ivanov F. Petrov G. Sidorov H. Orlov I. Ivanov J. Petrov ", 3), MaxInitials + 8},
		{strings.Repeat("Sergei Lavrov Bank Melli ", 40), 8},
		{"Ministry of Defence of the Russian Federation, including the Armed Forces of Russia and all operating units wherever located, the national armed services (army, navy, marine, air force, or coast guard), as well as the national guard", MaxTokens},
	} {
		n := Analyze(tc.name)
		if got := len(n.Tokens); got != tc.wantWords {
			t.Errorf("%.40q: %d words, want %d", tc.name, got, tc.wantWords)
		}
		seen, initials := map[string]int{}, 0
		for _, tok := range n.Tokens {
			if seen[tok.Form]++; seen[tok.Form] > MaxRepeats {
				t.Errorf("%.40q: %q more than %d times", tc.name, tok.Form, MaxRepeats)
			}
			if tok.Kind == Initial {
				initials++
			}
		}
		if initials > MaxInitials {
			t.Errorf("%.40q: %d initials", tc.name, initials)
		}
	}
}

// FuzzAnalyzeBounded checks the caps on any input.
func FuzzAnalyzeBounded(f *testing.F) {
	f.Add("A. B. C. D. E. F. G. H. I. J.")
	f.Add("a a a a a a a a a a a a")
	f.Add("Сергей Лавров Сергей Лавров Сергей Лавров")
	f.Add("ABCDEFGHIJKLMNOPQRSTUVWXYZ BCDFGHJKLMNPQRSTVWXZ")
	f.Fuzz(func(t *testing.T, s string) {
		n := Analyze(s)
		if len(n.Tokens) > MaxTokens {
			t.Fatalf("%d words", len(n.Tokens))
		}
		seen, initials := map[string]int{}, 0
		for _, tok := range n.Tokens {
			if seen[tok.Form]++; seen[tok.Form] > MaxRepeats {
				t.Fatalf("%q %d times", tok.Form, seen[tok.Form])
			}
			if tok.Kind == Initial {
				initials++
			}
		}
		if initials > MaxInitials {
			t.Fatalf("%d initials", initials)
		}
	})
}
