package countries

import "testing"

func TestCode(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"Russia", "ru"},
		{"Russian Federation", "ru"},
		{"Russia / Russie", "ru"},
		{"RUSSIA", "ru"},
		{"Korea, North", "kp"},
		{"Democratic People's Republic of Korea", "kp"},
		{"Iran (Islamic Republic of)", "ir"},
		{"Türkiye", "tr"},
		{"Turkey", "tr"},
		{"Cote d Ivoire", "ci"},
		{"Côte d’Ivoire", "ci"},
		{"Bahamas, The", "bs"},
		{"Man, Isle of", "im"},
		{"Region: Crimea", "ua-cri"},
		{"Syrian", "sy"},
		{"Germany", "de"},
		{"IRN", "ir"},
		{"Myanmar (Burma) / Myanmar (Birmanie)", "mm"},
		{"China, Hong Kong Special Administrative Region", "hk"},
		{"Viet Nam", "vn"},
		{"Bosnia and Herzegovina", "ba"},
		{"Trinidad and Tobago", "tt"},
		{"Myanmar", "mm"},
		{"former Soviet Union", "su"},
	}
	for _, tt := range tests {
		got, ok := Code(tt.in)
		if !ok || got != tt.want {
			t.Errorf("Code(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
	for _, bad := range []string{"", "-0-", "undetermined", "Atlantis", "na"} {
		if got, ok := Code(bad); ok {
			t.Errorf("Code(%q) = %q, want not found", bad, got)
		}
	}
}

func TestKnown(t *testing.T) {
	for _, c := range []string{"de", "RU", "kp", "xk", "ua-cri", "su"} {
		if !Known(c) {
			t.Errorf("Known(%q) = false", c)
		}
	}
	for _, c := range []string{"", "zz", "eu", "xx"} {
		if Known(c) {
			t.Errorf("Known(%q) = true", c)
		}
	}
}

func TestName(t *testing.T) {
	if got := Name("ru"); got != "Russia" {
		t.Errorf("Name(ru) = %q", got)
	}
	if got := Name("ua-cri"); got != "Crimea" {
		t.Errorf("Name(ua-cri) = %q", got)
	}
}

func TestNoCountry(t *testing.T) {
	for _, n := range []string{"-0-", "undetermined", "Region: Kafia Kingi", "Jammu and Kashmir", "None Identified", ""} {
		if !NoCountry(n) {
			t.Errorf("NoCountry(%q) = false", n)
		}
	}
	for _, n := range []string{"Russia", "Atlantis"} {
		if NoCountry(n) {
			t.Errorf("NoCountry(%q) = true", n)
		}
	}
	if c, ok := Code("possibly Palestinian"); !ok || c != "ps" {
		t.Errorf("Code(possibly Palestinian) = %q", c)
	}
}

func TestWords(t *testing.T) {
	words := map[string]bool{}
	for _, w := range Words() {
		words[w] = true
	}
	for _, w := range []string{"russia", "iran", "syria", "ukraine", "iranian", "russian"} {
		if !words[w] {
			t.Errorf("Words() lacks %q", w)
		}
	}
	for _, w := range []string{"north korea", "united states", "bank", ""} {
		if words[w] {
			t.Errorf("Words() has %q", w)
		}
	}
}
