package names

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestAnalyzeForms(t *testing.T) {
	tests := []struct {
		in   string
		want string // forms joined by spaces
	}{
		{"LAVROV, Sergei Viktorovich", "lavrov sergei viktorovich"},
		{"Сергей Лавров", "sergei lavrov"},
		{"AL-ASSAD, Bashar", "al assad bashar"},
		{"AlAssad", "al assad"},
		{"بشار الأسد", "bshar al asd"},
		{"Abd ar-Rahman", "abd al rahman"},
		{"Abdulrahman Ali", "abd al rahman ali"},
		{"Abdullah", "abd allah"},
		{"عبد الله", "abd allah"},
		{"عبدالله", "abd allah"},
		{"Abdul Samad", "abd al samad"},
		{"عبد الصمد", "abd al smd"},
		{"Nasiruddin Haqqani", "nasir al din haqqani"},
		{"نصیر الدین", "nsir al din"},
		{"Hamdullah", "hamd allah"},
		{"حمد الله", "hmd allah"},
		{"الله داد", "allah dad"},
		{"العراق", "al araq"},
		{"محمدباقر", "mhmd baqr"},
		{"محمدی", "mhmdi"},
		{"علي", "ali"},
		{"O'Brien", "obrien"},
		{"Müller Straße", "muller strasse"},
		{"Łukasz Żółć", "lukasz zholc"},
		{"Володимир Зеленський", "volodimir zelenskii"},
		{"Віталій Кличко", "vitalii klychko"},
		{"Александровiч", "aleksandrovich"},
		{"ШУМIЛIН", "shumilin"},
		{"Артëм", "artem"},
		{"Lavrоv", "lavrov"},
		{"Елена", "yelena"},
		{"习近平", "xi jin ping"},
		{"김정은", "kim jong un"},
		{"박봉주", "pak pong ju"},
		{"최룡해", "choe ryong hae"},
		{"Kim Jong-un", "kim jong un"},
		{"V. Putin", "v putin"},
		{"OOO Romashka", "llc romashka"},
		{"AO Druzhba", "jsc druzhba"},
		{"DRUZHBA, AO", "druzhba jsc"},
		{"ООО Ромашка", "llc romashka"},
		{"Rosneft Oil Company PJSC", "rosneft oil co jsc"},
		{"Obshchestvo s Ogranichennoy Otvetstvennostyu Vector", "llc vector"},
		{"Siemens Aktiengesellschaft", "siemens ag"},
		{"Limited Liability Compnay Pitersnab", "llc pitersnab"},
		{"Public Joint Stock Co. Transkapitalbank", "jsc transkapitalbank"},
		{"Joint Stock Terra Tech", "jsc terra technology"},
		{"China State Shipbuilding Corporaiton Limited", "china state shipbuilding corp ltd"},
		{"Nestle S.A.", "nestle sa"},
		{"Mbada Diamonds (Private) Limited", "mbada diamonds ltd"},
		{"Mbada Diamonds (Private)", "mbada diamonds ltd"},
		{"L.L.C. Otkritie Factoring", "llc otkritie factoring"},
		{"Private Equity Partners", "private equity partners"},
		{"S. A. Khan", "s a khan"},
		{"Bank Melli Iran", "bank melli iran"},
		{"VESSEL 1", "vessel 1"},
		{"Intl Trading Co.", "international trading co"},
		{"Company", "company"},
		{"", ""},
		{"  ,.;  ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := strings.Join(Analyze(tt.in).Forms(), " ")
			if got != tt.want {
				t.Errorf("Analyze(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestAnalyzeKinds(t *testing.T) {
	n := Analyze("Sheikh Abu Bakr al-Baghdadi 2 V. Trading LLC")
	var kinds []Kind
	for _, tok := range n.Tokens {
		kinds = append(kinds, tok.Kind)
	}
	want := []Kind{Title, Particle, Word, Particle, Word, Number, Initial, Word, LegalForm}
	if !reflect.DeepEqual(kinds, want) {
		t.Errorf("kinds of %v = %v, want %v", n.Forms(), kinds, want)
	}
}

// TestGenerations checks that Jr. and Sr. after a name read as a number
// (which one of father and son), not as the initials J and R, and that
// letters that start a name stay initials.
func TestGenerations(t *testing.T) {
	tests := []struct {
		name  string
		kinds []Kind
		forms []string
	}{
		{"Robert F. Kennedy Jr.", []Kind{Word, Initial, Word, Number}, []string{"robert", "f", "kennedy", "jr"}},
		{"KENNEDY, Joseph P. Snr", []Kind{Word, Word, Initial, Number}, []string{"kennedy", "joseph", "p", "sr"}},
		{"JR Smith", []Kind{Initial, Initial, Word}, []string{"j", "r", "smith"}},
	}
	for _, tt := range tests {
		n := Analyze(tt.name)
		var kinds []Kind
		for _, tok := range n.Tokens {
			kinds = append(kinds, tok.Kind)
		}
		if !reflect.DeepEqual(kinds, tt.kinds) || !reflect.DeepEqual(n.Forms(), tt.forms) {
			t.Errorf("Analyze(%q) = %v %v, want %v %v", tt.name, n.Forms(), kinds, tt.forms, tt.kinds)
		}
	}
}

func TestOffsets(t *testing.T) {
	s := "Payment to Сергей LAVROV, ref 77"
	for _, tok := range Analyze(s).Tokens {
		if tok.Start < 0 || tok.End > len(s) || tok.Start >= tok.End {
			t.Fatalf("token %q has offsets %d..%d", tok.Form, tok.Start, tok.End)
		}
	}
	toks := Analyze(s).Tokens
	if got := s[toks[2].Start:toks[2].End]; got != "Сергей" {
		t.Errorf("offsets of %q select %q", toks[2].Form, got)
	}
}

func TestPhonMeetsVariants(t *testing.T) {
	groups := [][]string{
		{"Sergei", "Sergey", "Serguei", "Sergej", "Сергей", "Sergeï"},
		{"Yevgeny", "Evgeny", "Evgenii", "Yevgeniy", "Евгений"},
		{"Khalid", "Halid"},
		{"Wladimir", "Vladimir", "Владимир"},
		{"Asad", "Assad"},
		{"Yuri", "Yuriy", "Iouri", "Yurii"},
		{"Dmitry", "Dmitriy", "Dmitri", "Dmitrii", "Дмитрий"},
		{"Schukin", "Shukin"},
		{"Mikhail", "Mihail", "Михаил"},
		{"Natalia", "Natalya", "Наталья"},
		{"Aleksandr", "Alexandr", "Александр"},
		{"Sergeev", "Sergeyev", "Сергеев"},
		{"Ebzeev", "Yebzeyev", "Ебзеев"},
		{"Dmitrievich", "Dmitriyevich"},
	}
	for _, g := range groups {
		want := Analyze(g[0]).Tokens[0].Phon
		for _, v := range g[1:] {
			if got := Analyze(v).Tokens[0].Phon; got != want {
				t.Errorf("Phon(%s) = %q, Phon(%s) = %q; want equal", g[0], want, v, got)
			}
		}
	}
}

func TestConsMeetsVariants(t *testing.T) {
	groups := [][]string{
		{"Muhammad", "Mohammed", "Mohamad", "Muhammed", "محمد"},
		{"Bashar", "Bachar", "بشار"},
		{"Volodymyr", "Vladimir"},
		{"Oleksandr", "Aleksandr", "Aliaksandr"},
		{"Dmytro", "Dmitry"},
	}
	for _, g := range groups {
		want := Analyze(g[0]).Tokens[0].Cons
		for _, v := range g[1:] {
			if got := Analyze(v).Tokens[0].Cons; got != want {
				t.Errorf("Cons(%s) = %q, Cons(%s) = %q; want equal", g[0], want, v, got)
			}
		}
	}
	if tok := Analyze("بشار").Tokens[0]; !tok.Abjad {
		t.Error("Arabic-script token not marked Abjad")
	}
}

func TestAbjadCompatible(t *testing.T) {
	phon := func(s string) string { return Analyze(s).Tokens[0].Phon }
	tests := []struct {
		abjad, latin string
		want         bool
	}{
		{"بشار", "Bashar", true},
		{"بشار", "Bachar", true},
		{"بشار", "Bushra", false},
		{"محمد", "Mohammed", true},
		{"محمود", "Mahmoud", true},
		{"محمود", "Mahmdou", false},
		{"ولی", "Avila", false},
	}
	for _, tt := range tests {
		if got := AbjadCompatible(phon(tt.abjad), phon(tt.latin)); got != tt.want {
			t.Errorf("AbjadCompatible(%s=%s, %s=%s) = %v, want %v", tt.abjad, phon(tt.abjad), tt.latin, phon(tt.latin), got, tt.want)
		}
	}
	if !SameShape("mohamed", "muhamad") || SameShape("bashar", "bushra") {
		t.Error("SameShape")
	}
}

func TestDigraphInitials(t *testing.T) {
	tests := []struct {
		in   string
		want []Kind
	}{
		{"Ye.V. Prigozhin", []Kind{Initial, Initial, Word}},
		{"Yu. Chaika", []Kind{Initial, Word}},
		{"Ye Ming", []Kind{Word, Word}}, // no period: the Chinese name Ye
	}
	for _, tt := range tests {
		var got []Kind
		for _, tok := range Analyze(tt.in).Tokens {
			got = append(got, tok.Kind)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Analyze(%q) kinds = %v, want %v", tt.in, got, tt.want)
		}
	}
}
