package names

import (
	"strings"
	"testing"
)

func TestReadNumber(t *testing.T) {
	tests := []struct {
		in     string // words separated by spaces
		used   int
		digits string
	}{
		// English.
		{"forty four", 2, "44"},
		{"forty four brigade", 2, "44"},
		{"fourty four", 2, "44"},
		{"forty 4", 2, "44"},
		{"forty", 1, "40"},
		{"two", 1, "2"},
		{"zero", 1, "0"},
		{"nineteen", 1, "19"},
		{"one hundred forty four", 4, "144"},
		{"one hundred and forty four", 5, "144"},
		{"hundred", 1, "100"},
		{"nine hundred ninety nine", 4, "999"},
		{"two thousand", 2, "2000"},
		{"first", 1, "1"},
		{"forty fourth", 2, "44"},
		{"twenty first century", 2, "21"},
		{"hundredth", 1, "100"},
		// French, with the Belgian and Swiss tens.
		{"quarante quatre", 2, "44"},
		{"vingt et un", 3, "21"},
		{"soixante dix", 2, "70"},
		{"soixante et onze", 3, "71"},
		{"soixante dix sept", 3, "77"},
		{"quatre vingts", 2, "80"},
		{"quatre vingt un", 3, "81"},
		{"quatre vingt dix neuf", 4, "99"},
		{"septante", 1, "70"},
		{"nonante deux", 2, "92"},
		{"deux cents", 2, "200"},
		{"deux cent quatre vingt dix sept", 6, "297"},
		{"premiere", 1, "1"},
		{"deuxieme", 1, "2"},
		{"troisieme", 1, "3"},
		{"vingt et unieme", 3, "21"},
		{"quatre vingtieme", 2, "80"},
		{"neuvieme", 1, "9"},
		{"centieme", 1, "100"},
		// German, one word or several.
		{"vierundvierzig", 1, "44"},
		{"vier und vierzig", 3, "44"},
		{"zweiundzwanzigste", 1, "22"},
		{"dritte", 1, "3"},
		{"erster", 1, "1"},
		{"siebte", 1, "7"},
		{"siebente", 1, "7"},
		{"funfte", 1, "5"},
		{"fuenfte", 1, "5"},
		{"zwoelf", 1, "12"},
		{"dreissig", 1, "30"},
		{"hundertvierundvierzig", 1, "144"},
		{"zweihundert", 1, "200"},
		{"einundzwanzigsten", 1, "21"},
		{"hundertste", 1, "100"},
		// Spanish.
		{"cuarenta y cuatro", 3, "44"},
		{"cuarenta y dos", 3, "42"},
		{"veintidos", 1, "22"},
		{"dieciseis", 1, "16"},
		{"ciento cuarenta y cuatro", 4, "144"},
		{"cien", 1, "100"},
		{"doscientas", 1, "200"},
		{"tercera", 1, "3"},
		{"primer", 1, "1"},
		{"vigesimo cuarto", 2, "24"},
		{"vigesima primera", 2, "21"},
		{"decimo segundo", 2, "12"},
		{"decimoquinto", 1, "15"},
		{"undecimo", 1, "11"},
		// Portuguese.
		{"quarenta e quatro", 3, "44"},
		{"dezasseis", 1, "16"},
		{"cento e um", 3, "101"},
		{"duas", 1, "2"},
		{"primeiro", 1, "1"},
		{"terceira", 1, "3"},
		{"quadragesimo quarto", 2, "44"},
		// Italian.
		{"quarantaquattro", 1, "44"},
		{"ventuno", 1, "21"},
		{"ventitre", 1, "23"},
		{"trentotto", 1, "38"},
		{"centoquarantaquattro", 1, "144"},
		{"centotto", 1, "108"},
		{"duemila", 1, "2000"},
		{"terzo", 1, "3"},
		{"ventitreesimo", 1, "23"},
		{"quarantaquattresima", 1, "44"},
		{"undicesimo", 1, "11"},
		// Dutch.
		{"vierenveertig", 1, "44"},
		{"tweeentwintig", 1, "22"},
		{"eenentwintig", 1, "21"},
		{"honderdvierenveertig", 1, "144"},
		{"eerste", 1, "1"},
		{"derde", 1, "3"},
		{"achtste", 1, "8"},
		{"twintigste", 1, "20"},
		// Russian, as veto and as other systems romanise it.
		{"sorok chetyre", 2, "44"},
		{"sorok chetvertaya", 2, "44"},
		{"sorok 4", 2, "44"},
		{"pervyi", 1, "1"},
		{"pervyy", 1, "1"},
		{"pervyj", 1, "1"},
		{"pervaia", 1, "1"},
		{"vtoroi", 1, "2"},
		{"vtoroy", 1, "2"},
		{"tretii", 1, "3"},
		{"tretiy", 1, "3"},
		{"tretya", 1, "3"},
		{"sedmoi", 1, "7"},
		{"dvadtsat pervogo", 2, "21"},
		{"sorokovoi", 1, "40"},
		{"pyat", 1, "5"},
		{"piat", 1, "5"},
		{"pjat", 1, "5"},
		{"sto sorok chetyre", 3, "144"},
		{"dvesti", 1, "200"},
		{"dve tysyachi", 2, "2000"},
		{"sotyi", 1, "100"},
		// Ukrainian, read as Ukrainian and, without і, ї, є or ґ, as Russian.
		{"chotyry", 1, "4"},
		{"sorok pyatyi", 2, "45"},
		{"sorok pyatii", 2, "45"},
		{"pershyi", 1, "1"},
		{"persha", 1, "1"},
		{"druhyi", 1, "2"},
		{"drugii", 1, "2"},
		{"dvadtsyat", 1, "20"},
		{"visimnadtsyat", 1, "18"},
		{"dvisti", 1, "200"},
		// Turkish.
		{"kirk dort", 2, "44"},
		{"kirkdort", 1, "44"},
		{"yuz kirk dort", 3, "144"},
		{"birinci", 1, "1"},
		{"kirk dorduncu", 2, "44"},
		{"yirmi", 1, "20"},
		// Ordinals with digits.
		{"1st", 1, "1"},
		{"2nd", 1, "2"},
		{"3rd", 1, "3"},
		{"4th", 1, "4"},
		{"21st", 1, "21"},
		{"22nd", 1, "22"},
		{"1er", 1, "1"},
		{"1re", 1, "1"},
		{"1ere", 1, "1"},
		{"2e", 1, "2"},
		{"2eme", 1, "2"},
		{"2nde", 1, "2"},
		{"1o", 1, "1"},
		{"1a", 1, "1"},
		{"3a", 1, "3"},
		{"3ra", 1, "3"},
		{"2do", 1, "2"},
		{"1ro", 1, "1"},
		{"4to", 1, "4"},
		{"8ste", 1, "8"},
		{"3uncu", 1, "3"},
		{"007th", 1, "7"},
		{"44 ya brigada", 2, "44"},
		{"1 i polk", 2, "1"},
		{"2 go", 2, "2"},
		// Not numbers.
		{"", 0, ""},
		{"44", 0, ""},
		{"44 brigade", 0, ""},
		{"1 y 2", 0, ""},
		{"7 a", 0, ""},
		{"3d", 0, ""},
		{"3m", 0, ""},
		{"4x4", 0, ""},
		{"bashar", 0, ""},
		{"forty forty", 1, "40"},
		{"fortyfour", 0, ""},
		{"eine", 0, ""},
		{"ein", 0, ""},
		{"und", 0, ""},
		{"y", 0, ""},
		{"forty 44", 1, "40"},
		{"forty a", 1, "40"},
		{"dreissig 4", 1, "30"},
		{"quaranta 4", 1, "40"},
		// Ambiguous words are read only inside a longer number.
		{"dos santos", 0, ""},
		{"otto von", 0, ""},
		{"ten boom", 0, ""},
		{"segundo romero", 0, ""},
		{"kirk 4", 0, ""},
		{"cent", 0, ""},
		{"dix sept", 2, "17"},
		{"sorok sem", 2, "47"},
		{"cento e um", 3, "101"},
		{"mil", 0, ""},
		{"dos mil", 2, "2000"},
		{"on bir", 2, "11"},
		{"trista dva", 2, "302"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			used, digits := readNumber(strings.Fields(tc.in))
			if used != tc.used || digits != tc.digits {
				t.Errorf("readNumber(%q) = %d, %q; want %d, %q", tc.in, used, digits, tc.used, tc.digits)
			}
		})
	}
}

// TestAmbiguousNumberWords checks that every ambiguous word is one the
// spellers write (an entry for a word they never write hides a typo) and
// that none is read alone.
func TestAmbiguousNumberWords(t *testing.T) {
	lex := numberWords()
	for w := range ambiguousNumberWords {
		if _, ok := lex.phrases[w]; !ok {
			t.Errorf("%q is listed as ambiguous but no speller writes it", w)
		}
		if used, digits := readNumber([]string{w}); used != 0 {
			t.Errorf("readNumber(%q) = %d, %q; want 0", w, used, digits)
		}
		if used, _ := readNumber([]string{w, "smith"}); used != 0 {
			t.Errorf("readNumber(%q, smith) = %d; want 0", w, used)
		}
	}
}

// TestNumberLexicon checks that no two spellers give one phrase two
// values and that every phrase is made of folded words.
func TestNumberLexicon(t *testing.T) {
	lex, conflicts := buildNumberLexicon()
	for _, c := range conflicts {
		t.Errorf("phrase %q has two values", c)
	}
	for p := range lex.phrases {
		for _, w := range strings.Split(p, " ") {
			if w == "" || keepAlnum(w) != w {
				t.Errorf("phrase %q has a word %q that Analyze never gives", p, w)
			}
			if allDigits(w) {
				t.Errorf("phrase %q has digits", p)
			}
		}
	}
	if lex.maxWords > 6 {
		t.Errorf("maxWords = %d; the longest phrase should be French 297 (6 words)", lex.maxWords)
	}
}

// TestReadNumberCyrillic reads number words as veto's Cyrillic table
// romanises them, so the spellers follow the table if it changes.
func TestReadNumberCyrillic(t *testing.T) {
	tests := []struct {
		in     string
		uk     bool
		digits string
		used   int
	}{
		{"сорок четвёртая", false, "44", 2},
		{"Сорок четвертой", false, "44", 2},
		{"первый", false, "1", 1},
		{"двадцать первого", false, "21", 2},
		{"сто сорок четыре", false, "144", 3},
		{"девятьсот девяносто девять", false, "999", 3},
		{"шестнадцатая", false, "16", 1},
		{"третьего", false, "3", 1},
		{"сорок п'ята", true, "45", 2},
		{"сорок пʼятий", false, "45", 2},
		{"третій", true, "3", 1},
		{"двісті", true, "200", 1},
		{"дев'яносто дев'ять", true, "99", 2},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			var words []string
			for _, w := range strings.Fields(strings.ToLower(tc.in)) {
				var b strings.Builder
				translitCyrillic(w, tc.uk, &b)
				words = append(words, keepAlnum(b.String()))
			}
			used, digits := readNumber(words)
			if used != tc.used || digits != tc.digits {
				t.Errorf("readNumber(%q) = %d, %q; want %d, %q", words, used, digits, tc.used, tc.digits)
			}
		})
	}
}

func TestRomanNumeral(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" for not a numeral
	}{
		{"ii", "2"}, {"iii", "3"}, {"iv", "4"}, {"vii", "7"}, {"viii", "8"}, {"ix", "9"},
		{"xii", "12"}, {"xiv", "14"}, {"xix", "19"}, {"xx", "20"}, {"xxiv", "24"}, {"xxxix", "39"},
		{"xli", "41"}, {"xlix", "49"},
		// Single letters are initials.
		{"i", ""}, {"v", ""}, {"x", ""}, {"l", ""}, {"c", ""}, {"m", ""},
		// Excluded: names and words.
		{"xi", ""}, {"vi", ""}, {"xl", ""}, {"xxx", ""},
		// Beyond 49, or not a numeral in standard form.
		{"li", ""}, {"liv", ""}, {"lix", ""}, {"iiii", ""}, {"vv", ""}, {"il", ""},
		{"ic", ""}, {"mix", ""}, {"dix", ""}, {"civ", ""}, {"xiiii", ""}, {"", ""}, {"12", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, ok := romanNumeral(tc.in)
			if got != tc.want || ok != (tc.want != "") {
				t.Errorf("romanNumeral(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
			}
		})
	}
}

// TestRomanNumeralsAreLatin: a word that folds to a Roman numeral is one
// only where it was written in Latin letters: Ukrainian "Ів" (Yves) folds
// to "iv" with a Cyrillic І.
func TestRomanNumeralsAreLatin(t *testing.T) {
	tests := []struct {
		name string
		word int
		kind Kind
	}{
		{"Henry IV", 1, Number},
		{"Николай II", 1, Number},
		{"Ів Сен-Лоран", 0, Word},
		{"Іван ІІ", 1, Word}, // Cyrillic І twice: a word, whatever it means
	}
	for _, tc := range tests {
		n := Analyze(tc.name)
		if len(n.Tokens) <= tc.word {
			t.Fatalf("Analyze(%q): %d tokens", tc.name, len(n.Tokens))
		}
		if got := n.Tokens[tc.word].Kind; got != tc.kind {
			t.Errorf("Analyze(%q) word %d: kind %v, want %v", tc.name, tc.word, got, tc.kind)
		}
	}
}

func BenchmarkReadNumber(b *testing.B) {
	numberWords()
	names := [][]string{{"sergei", "viktorovich", "lavrov"}, {"sorok", "chetvertaya", "brigada"}, {"44th", "brigade"}}
	for b.Loop() {
		for _, n := range names {
			readNumber(n)
		}
	}
}

// TestNumberSigns checks that the word for "number" before one goes, in
// the languages of the lists, and stays before anything else.
func TestNumberSigns(t *testing.T) {
	tests := []struct{ in, want string }{
		{"CONSTELLO NO. 1 CORPORATION", "constello 1 corp"},
		{"Constello Number One Corporation", "constello 1 corp"},
		{"Werk Nr. 12", "werk 12"},
		{"Fábrica Número Tres", "fabrica 3"},
		{"Завод номер 5", "zavod 5"},
		{"NO Kwang Chol", "no kwang chol"}, // the Korean surname
		{"Number Nine Bar", "9 bar"},
	}
	for _, tt := range tests {
		var forms []string
		for _, tok := range Analyze(tt.in).Tokens {
			forms = append(forms, tok.Form)
		}
		if got := strings.Join(forms, " "); got != tt.want {
			t.Errorf("Analyze(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
