package uk

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/vetoscreen/veto/entity"
)

func TestSplitNumbered(t *testing.T) {
	tests := []struct {
		in   string
		want []item
	}{
		{"", nil},
		{"Russia", []item{{0, "Russia"}}},
		{"(1) Russia (2) Israel (3) Portugal", []item{{1, "Russia"}, {2, "Israel"}, {3, "Portugal"}}},
		{"(1) Uganda (2) Uganda (3)Uganda", []item{{1, "Uganda"}, {2, "Uganda"}, {3, "Uganda"}}},
		{"(1) to (6) Algeria (7) Morocco", []item{{6, "Algeria"}, {7, "Morocco"}}},
		{"(1-3) Libya", []item{{1, "Libya"}}},
		{"(1) 20645897 (2) -", []item{{1, "20645897"}}},
		{"(1) 3219222002.2181558. (2) 2181558", []item{{1, "3219222002.2181558"}, {2, "2181558"}}},
		{"(1) Director. (2) Minister for Security", []item{{1, "Director"}, {2, "Minister for Security"}}},
		{"Office Tower (2), Time City", []item{{0, "Office Tower (2), Time City"}}},
		{"0703769818 (31)", []item{{0, "0703769818 (31)"}}},
	}
	for _, tt := range tests {
		if got := splitNumbered(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("splitNumbered(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestCountryCodes(t *testing.T) {
	tests := []struct {
		in   string
		want []string
		ok   bool
	}{
		{"Russia", []string{"ru"}, true},
		{"", nil, true},
		{"-", nil, true},
		{"Congo (Democratic Republic)", []string{"cd"}, true},
		{"Myanmar", []string{"mm"}, true},
		{"Bosnia and Herzegovina", []string{"ba"}, true},
		{"Bosnia-Herzegovina", []string{"ba"}, true},
		{"Trinidad and Tobago.", []string{"tt"}, true},
		{"Occupied Palestinian Territories", []string{"ps"}, true},
		{"Former USSR Currently Ukraine", []string{"ua"}, true},
		{"Ukrainian SSR (now Ukraine)", []string{"ua"}, true},
		{"Kazakh SSR", []string{"kz"}, true},
		{"Russia (former USSR)", []string{"ru"}, true},
		{"Russia. Former USSR", []string{"ru"}, true},
		{"Iraq (previous address)", []string{"iq"}, true},
		{"Russian Federation (as at November 2010)", []string{"ru"}, true},
		{"Estonia, Russia", []string{"ee", "ru"}, true},
		{"Germany. Russia", []string{"de", "ru"}, true},
		{"Former German Democratic Republic", []string{"de"}, true},
		{"Sundan", []string{"sd"}, true},
		{"Atlantis", nil, false},
		{"115088", nil, false},
		{"Moscow", nil, false},
	}
	for _, tt := range tests {
		got, ok := countryCodes(tt.in)
		if !reflect.DeepEqual(got, tt.want) || ok != tt.ok {
			t.Errorf("countryCodes(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestIdentifierCountry(t *testing.T) {
	tests := map[string]string{
		"Afghanistan passport number P04581926, issued in Kandahar": "af",
		"India number, issued on 4 Jun. 1985":                       "in",
		"Pakistani. Issued: 23/01/2009.":                            "pk",
		"Syria diplomatic passport":                                 "sy",
		"United Republic of Tanzania expires 11 Dec. 2026":          "tz",
		"Russian foreign travel passport number":                    "ru",
		"(Afghan) Issued in Kabul on 13 Sep 1998":                   "af",
		"UK passport":      "gb",
		"Portugal":         "pt",
		"False Indonesian": "",
		"Diplomatic Passport. Issued 21 February 2013.": "",
		"Issued in Bahri, Sudan":                        "",
		"Are you sure":                                  "",
		"":                                              "",
	}
	for in, want := range tests {
		if got := identifierCountry(in); got != want {
			t.Errorf("identifierCountry(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseBirthDate(t *testing.T) {
	tests := map[string]string{
		"21/03/1950": "1950-03-21",
		"dd/mm/1972": "1972",
		"00/00/1972": "1972",
		"00/08/1977": "1977-08",
		"05/1973":    "1973-05",
		"00/1973":    "1973",
		"1946":       "1946",
		"31/02/1950": "",
		"13/1950":    "",
		"sometime":   "",
	}
	for in, want := range tests {
		got, err := parseBirthDate(in)
		if want == "" {
			if err == nil {
				t.Errorf("parseBirthDate(%q) = %v, want an error", in, got)
			}
			continue
		}
		if err != nil || got.String() != want {
			t.Errorf("parseBirthDate(%q) = %v, %v; want %s", in, got, err, want)
		}
	}
}

func TestScriptOf(t *testing.T) {
	tests := map[string]string{
		"Сергей Викторович Лавров": "Cyrl",
		"AO НПП ТОПАЗ":             "Cyrl", // Latin look-alikes in a Cyrillic name
		"بشار حافظ الأسد":          "Arab",
		"カザン火薬工場":                  "Jpan",
		"金正恩":                      "Hani",
		"김정은":                      "Hang",
		"Baššār Ḥāfiẓ Al Asad":     "Latn",
		"123":                      "",
	}
	for in, want := range tests {
		if got := scriptOf(in); got != want {
			t.Errorf("scriptOf(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLangCode(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"Russian", "ru", true}, {"Belarusian", "be", true}, {"Ukrainian", "uk", true},
		{"Persian/Farsi", "fa", true}, {"Persian", "fa", true}, {"Korean", "ko", true},
		{"Burmese", "my", true}, {"Greek", "el", true}, {"Russia", "ru", true},
		{"Cyrillic", "", true}, {"Klingon", "", false},
	}
	for _, tt := range tests {
		got, ok := langCode(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("langCode(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestFinishNames(t *testing.T) {
	n := func(full string, kind entity.NameKind, rank int) nameCandidate {
		return nameCandidate{name: entity.Name{Full: full, Kind: kind}, rank: rank}
	}
	tests := []struct {
		name  string
		cands []nameCandidate
		want  []entity.Name
	}{
		{"primary moves first", []nameCandidate{n("B", entity.Alias, rankOther), n("A", entity.Primary, rankPrimary)},
			[]entity.Name{{Full: "A", Kind: entity.Primary}, {Full: "B", Kind: entity.Alias}}},
		{"second primary is an alias", []nameCandidate{n("A", entity.Primary, rankPrimary), n("B", entity.Primary, rankPrimary)},
			[]entity.Name{{Full: "A", Kind: entity.Primary}, {Full: "B", Kind: entity.Alias}}},
		{"variation promoted", []nameCandidate{n("W", entity.WeakAlias, rankOther), n("V", entity.Alias, rankVariation), n("U", entity.Alias, rankVariation)},
			[]entity.Name{{Full: "V", Kind: entity.Primary}, {Full: "W", Kind: entity.WeakAlias}, {Full: "U", Kind: entity.Alias}}},
	}
	for _, tt := range tests {
		var e entity.Entity
		finishNames(&e, tt.cands)
		if !reflect.DeepEqual(e.Names, tt.want) {
			t.Errorf("%s: names %+v, want %+v", tt.name, e.Names, tt.want)
		}
	}
}

// TestAppendJSONString checks the hand-written JSON string writer against
// encoding/json.
func TestAppendJSONString(t *testing.T) {
	for _, s := range []string{
		"", "plain", `quote " and \ backslash`, "line\nbreak\r\ttab", "\x00\x01\x1f\x7f",
		"<html> & 'x'", "Сергей Лавров", "emoji 🚢", "bad \xff\xfe utf-8", "sep\u2028\u2029", "\xe2\x80",
	} {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		if got := string(appendJSONString(nil, s)); got != want.String()[:want.Len()-1] {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got, want.String())
		}
	}
}

func TestBirthPlaces(t *testing.T) {
	tests := []struct {
		towns, lands, want []string
	}{
		{[]string{"Moscow"}, []string{"Russia"}, []string{"Moscow, Russia"}},
		{[]string{"Tall'Afar", "Mosul"}, []string{"Iraq"}, []string{"Tall'Afar, Iraq", "Mosul, Iraq"}},
		{nil, []string{"Syria"}, []string{"Syria"}},
		{[]string{"A", "B", "C"}, []string{"X", "Y"}, []string{"A", "B", "C"}},
	}
	for _, tt := range tests {
		if got := birthPlaces(tt.towns, tt.lands); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("birthPlaces(%v, %v) = %v, want %v", tt.towns, tt.lands, got, tt.want)
		}
	}
}
