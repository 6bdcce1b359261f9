package names

import "testing"

func TestNational(t *testing.T) {
	tests := []struct {
		form   string
		chIsKh bool
		want   string
	}{
		{"degtjarev", false, "degtyarev"},             // j after a consonant
		{"nikolajevich", true, "nikolayevikh"},        // ch written as such is kh
		{"nikolajevich", false, "nikolayevich"},       // ch folded from č stays
		{"piarcou", false, "piartsou"},                // c is ts
		{"naryszkin", false, "naryskin"},              // sz, no Polish marker: read as Hungarian
		{"szczepanski", false, "shchepanski"},         // Polish szcz
		{"przybylski", false, "pzhybylski"},           // Polish rz
		{"szergej", false, "sergey"},                  // Hungarian sz
		{"vlagyimir", false, "vladimir"},              // Hungarian gy
		{"rosztiszlavovics", false, "rostislavovich"}, // Hungarian sz, cs
		{"chroesjtsjov", true, "khroesjtsjov"},        // Dutch sj and tsj left to Phon
		{"jamal", false, ""},                          // a first j stays
		{"mark", false, ""},                           // nothing to read
		{"ccctwb", false, ""},                         // no vowel: an acronym
		{"abdjalil", false, ""},                       // dj stays
	}
	for _, tt := range tests {
		if got := national(tt.form, tt.chIsKh, anyReading); got != tt.want {
			t.Errorf("national(%q, %v) = %q, want %q", tt.form, tt.chIsKh, got, tt.want)
		}
	}
}

func TestNationalReadingOfTokens(t *testing.T) {
	tests := []struct {
		name, alt, altStem string
	}{
		{"Degtjarevas", "degtiarevas", "degtiarev"},
		{"Orechovas", "orehovas", "orehov"},
		{"Anatoljevičius", "anatolievichius", "anatolievich"}, // č is not kh
		{"Charles", "harles", ""},
		{"Дегтярев", "", ""}, // transliterated by veto's own table: one reading
	}
	for _, tt := range tests {
		toks := Analyze(tt.name).Tokens
		if len(toks) != 1 {
			t.Fatalf("%s: %d tokens", tt.name, len(toks))
		}
		if toks[0].Alt != tt.alt || toks[0].AltStem != tt.altStem {
			t.Errorf("%s: Alt %q, AltStem %q; want %q, %q", tt.name, toks[0].Alt, toks[0].AltStem, tt.alt, tt.altStem)
		}
	}
}

func TestVowelled(t *testing.T) {
	for s, want := range map[string]bool{"Λούις": true, "अनीश": true, "Անիշ": true, "プーチン": false, "ปูติน": false, "푸틴": false, "普京": false, "بوتين": false, "Putin": false} {
		if toks := Analyze(s).Tokens; len(toks) == 0 || toks[0].Vowelled != want {
			t.Errorf("%s: Vowelled = %v, want %v", s, !want, want)
		}
	}
}

func TestSameVowelPlaces(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"tifani", "tifani", true},
		{"louis", "rouse", false},
		{"ahmad", "amad", true}, // h is not counted
		{"kapur", "akbar", false},
	} {
		if got := SameVowelPlaces(tt.a, tt.b); got != tt.want {
			t.Errorf("SameVowelPlaces(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
}

func TestNameReading(t *testing.T) {
	for _, tt := range []struct {
		name, alt string // alt of the last word
	}{
		{"Szergej Sojgu", "shoigu"},   // Hungarian: s is sh
		{"Siergiej Szojgu", "shoigu"}, // Polish: sz is sh
		{"Sergei Sojgu", "soigu"},     // nothing says Hungarian: j is y, s stays
	} {
		toks := Analyze(tt.name).Tokens
		if got := toks[len(toks)-1].Alt; got != tt.alt {
			t.Errorf("%s: Alt %q, want %q", tt.name, got, tt.alt)
		}
	}
}
