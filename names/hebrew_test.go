package names

import "testing"

func TestHebrew(t *testing.T) {
	checkForms(t, []formCase{
		{"ולדימיר פוטין", "vldimir putin"},
		{"בנימין נתניהו", "bnimin ntnihu"},
		{"אהוד ברק", "ahud brk"},
		{"משה", "msha"},
		{"יעקב", "ykv"},
		{"עמוס", "amus"},
		{"אברהם", "avrhm"},
		{"יוסף", "yusf"},
		{"שָׂרָה", "sra"},
		{"דוד", "dud"},
		{"חוה", "khua"},
		{"פּוּטִין", "putin"},
	})
}

// TestHebrewMeetsLatin checks the abjad tokens against their Latin
// spellings on the consonant skeleton, as the matcher compares them.
func TestHebrewMeetsLatin(t *testing.T) {
	for _, c := range [][2]string{{"ולדימיר", "Vladimir"}, {"פוטין", "Putin"}, {"נתניהו", "Netanyahu"}, {"ברק", "Barak"}} {
		h, l := Analyze(c[0]).Tokens[0], Analyze(c[1]).Tokens[0]
		if !h.Abjad || h.Cons != l.Cons {
			t.Errorf("%s: Cons %q (abjad %v), %s: %q", c[0], h.Cons, h.Abjad, c[1], l.Cons)
		}
	}
}
