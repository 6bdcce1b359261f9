package names

import (
	"slices"
	"testing"
)

// TestLegalWordDeterministic checks that a typo one edit from two legal
// words ("obshcestvo": obshchestvo, obshestvo) reads as the same one in
// every process: legalWords was built from a map, and legalWord took
// whichever came first in that process's iteration order, so that names,
// the index built from them, and scores changed from one run to the next.
func TestLegalWordDeterministic(t *testing.T) {
	ambiguous := 0
	for c, ws := range legalWords {
		if !slices.IsSorted(ws) {
			t.Errorf("legalWords[%q] not sorted: %v", c, ws)
		}
		for _, w := range ws {
			for _, form := range oneEditNeighbours(w) {
				if len(form) < 6 || form[0] != c || slices.Contains(ws, form) {
					continue
				}
				var near []string
				for _, x := range ws {
					if oneEdit(form, x) {
						near = append(near, x)
					}
				}
				if len(near) < 2 {
					continue
				}
				ambiguous++
				if got, want := legalWord(form, true), slices.Min(near); got != want {
					t.Errorf("legalWord(%q) = %q, want %q (of %v)", form, got, want, near)
				}
			}
		}
	}
	if ambiguous == 0 {
		t.Error("no typo is one edit from two legal words: the test tests nothing")
	}
	// The case that was seen: half the runs took "obshestvo", and
	// "aktsionernoe obshestvo" is no legal form.
	if toks := Analyze("AKTSIONERNOE OBSHCESTVO SPETSIALNOE KONSTRUKTORSKOE BYURO").Tokens; toks[0].Kind != LegalForm || toks[0].Form != "jsc" {
		t.Errorf("Analyze: first token %+v, want the legal form jsc", toks[0])
	}
}

// oneEditNeighbours returns the strings one deletion, insertion,
// substitution or swap of neighbours from w.
func oneEditNeighbours(w string) []string {
	var out []string
	for i := 0; i <= len(w); i++ {
		if i < len(w) {
			out = append(out, w[:i]+w[i+1:])
		}
		if i+1 < len(w) {
			out = append(out, w[:i]+string(w[i+1])+string(w[i])+w[i+2:])
		}
		for c := byte('a'); c <= 'z'; c++ {
			out = append(out, w[:i]+string(c)+w[i:])
			if i < len(w) && c != w[i] {
				out = append(out, w[:i]+string(c)+w[i+1:])
			}
		}
	}
	return out
}

// TestLegalWordTypos checks that two typos in a long legal word, and one
// in a long abbreviated word, leave the word what it is, and that a word
// of its own two edits from a legal word stays itself.
func TestLegalWordTypos(t *testing.T) {
	tests := []struct {
		name string
		at   int
		kind Kind
		form string
	}{
		{"KANGBONG TRADING CORyORAmION", 2, LegalForm, "corp"},
		{"OBHSqHESTVO S OGRANICHENNOI OTVETSTVENNOSTIU TRANSPORTNYE USLUGI", 0, LegalForm, "llc"},
		{"ATKSIhNERNOE OBSHCHESTVO RAU FARM", 0, LegalForm, "jsc"},
		{"MFAA HOLDIxGS LIMITED", 1, Word, "holding"},
		{"ECONOMIC COOPERATION ORGANIZATION", 1, Word, "cooperation"},
		{"KANGBONG TRADING CORPORTN", 2, Word, "corportn"}, // three edits
	}
	for _, tt := range tests {
		toks := Analyze(tt.name).Tokens
		if tt.at >= len(toks) {
			t.Errorf("Analyze(%q): %v, want a token %d", tt.name, Analyze(tt.name).Forms(), tt.at)
			continue
		}
		if got := toks[tt.at]; got.Kind != tt.kind || got.Form != tt.form {
			t.Errorf("Analyze(%q) token %d = %s %q, want %s %q", tt.name, tt.at, got.Kind, got.Form, tt.kind, tt.form)
		}
	}
}
