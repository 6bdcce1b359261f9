package names

import (
	"strings"
	"testing"
)

func TestMyanmar(t *testing.T) {
	checkForms(t, []formCase{
		{"မင်းအောင်လှိုင်", "min aung hlaing"},
		{"အောင်ဆန်းစုကြည်", "aung san su kyi"},
		{"သန်းရွှေ", "than shwe"},
		{"သိန်းစိန်", "thein sein"},
		{"ထင်ကျော်", "htin kyaw"},
		{"နေဝင်း", "ne win"},
		{"ဦးသန့်", "u than"},
		{"ကျွန်", "kyun"},
	})
}

func TestMyanmarSyllableSplit(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"မင်းအောင်လှိုင်", "min aung hlaing"},
		{"အောင်ဆန်းစုကြည်", "aung san su kyi"},
		{"သန်းရွှေ", "than shwe"},
		{"မန္တလေး", "man ta le"},
	} {
		t.Run(c.in, func(t *testing.T) {
			var forms []string
			for _, s := range myanmarSyllables(c.in) {
				forms = append(forms, fold(s, otherScript, false))
			}
			if got := strings.Join(forms, " "); got != c.want {
				t.Errorf("syllables of %q read %q, want %q", c.in, got, c.want)
			}
		})
	}
}
