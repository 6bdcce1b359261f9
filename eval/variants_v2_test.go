package eval

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/names"
)

// newEntity makes a listed entity for the tests: its names, the first the
// primary, and a nationality.
func newEntity(id string, schema entity.Schema, country, gender string, full ...string) *entity.Entity {
	e := &entity.Entity{ID: id, Schema: schema, List: "test", Gender: gender}
	if country != "" {
		e.Nationalities = []string{country}
	}
	for i, f := range full {
		kind := entity.Alias
		if i == 0 {
			kind = entity.Primary
		}
		e.Names = append(e.Names, entity.Name{Full: f, Kind: kind})
	}
	return e
}

// fixture has a party of each shape the new kinds look for.
func fixture() []*entity.Entity {
	p, c, o := entity.Person, entity.Company, entity.Organization
	return []*entity.Entity{
		newEntity("t-1", p, "ru", "male", "LAVROV, Sergei Viktorovich", "Лавров Сергей Викторович"),
		newEntity("t-2", p, "ru", "male", "SOKOLOV, Semyon Petrovich"),
		newEntity("t-3", p, "ru", "male", "Aleksandr Ivanovich KOZLOV"),
		newEntity("t-4", p, "ru", "female", "Yelena Borisovna MIZULINA"),
		newEntity("t-5", p, "ru", "male", "Mikhail Yevgenyevich MIZINTSEV"),
		newEntity("t-6", p, "qa", "male", "Tamim bin Hamad AL-THANI", "تميم بن حمد آل ثاني"),
		newEntity("t-7", p, "sa", "male", "Abd Al-Latif Bin Abdallah Salih Muhammad Al-Kawari"),
		newEntity("t-8", p, "ve", "male", "RAMIREZ CARRENO, Rafael Dario"),
		newEntity("t-9", p, "ve", "male", "ROJAS GARCIA, Ramon"),
		newEntity("t-10", p, "us", "male", "SMITH, William Robert"),
		newEntity("t-11", p, "us", "male", "JONES, Walter"),
		newEntity("t-12", o, "ir", "", "Islamic Republic of Iran Shipping Lines"),
		newEntity("t-13", o, "mm", "", "33rd Light Infantry Division"),
		newEntity("t-14", c, "ru", "", "NORTHWIND TRADING LLC"),
		newEntity("t-15", c, "de", "", "Rheinmetall Handels GmbH"),
		newEntity("t-16", c, "ru", "", "Mining Enterprise No. 2"),
		newEntity("t-17", c, "ru", "", "Mining Enterprise No. 1"),
		newEntity("t-18", o, "ir", "", "National Petroleum Engineering Company"),
	}
}

var kindsV2 = []string{"partial", "title", "glued", "leet", "numeral", "acronym", "national", "nickname",
	"other-patronymic", "swapped-nasab", "other-legal-form", "other-number", "other-given", "nickname-other-surname"}

// TestGenerateKindsV2 generates the set from the fixture and checks that
// each new kind is made, from the right kind of party, and well formed.
func TestGenerateKindsV2(t *testing.T) {
	ents := fixture()
	byID := map[string]*entity.Entity{}
	listed := map[string]bool{}
	for _, e := range ents {
		byID[e.ID] = e
		for _, n := range e.Names {
			a := names.Analyze(n.Full)
			listed[nameKey(a)], listed[strings.Join(a.Forms(), " ")] = true, true
		}
	}
	sz := Sizes{PerVariant: 50, Contradictions: 50}
	cases := Generate(ents, nil, 7, sz)
	again := Generate(ents, nil, 7, sz)
	if !slices.EqualFunc(cases, again, func(a, b Case) bool {
		return a.Query.Name == b.Query.Name && a.Query.Schema == b.Query.Schema && a.Kind == b.Kind
	}) {
		t.Fatal("not deterministic for a seed")
	}
	made := map[string]int{}
	for _, c := range cases {
		made[c.Kind]++
		if !slices.Contains(kindsV2, c.Kind) {
			continue
		}
		if c.Query.Name == "" || c.Split != "dev" && c.Split != "test" || c.Source == "" {
			t.Errorf("%s: malformed case %+v", c.Kind, c)
		}
		if c.Query.Name == c.Source {
			t.Errorf("%s: the query is the listed name %q", c.Kind, c.Source)
		}
		if c.Positive() {
			e := byID[c.Expect[0]]
			if e == nil || !slices.Contains(c.Expect, e.ID) || e.Caption() != c.Source {
				t.Errorf("%s: %q expects %v, made from %q", c.Kind, c.Query.Name, c.Expect, c.Source)
			}
			continue
		}
		key := nameKey(names.Analyze(c.Query.Name))
		if c.Kind == "swapped-nasab" {
			key = strings.Join(names.Analyze(c.Query.Name).Forms(), " ") // the order is the point
		}
		if listed[key] {
			t.Errorf("%s: negative %q is a listed name", c.Kind, c.Query.Name)
		}
	}
	for _, k := range kindsV2 {
		if made[k] == 0 {
			t.Errorf("no %s case made from the fixture", k)
		}
	}
	t.Logf("made: %v", made)
}

// TestContradictionsListed checks that a contradiction is no negative
// where a listed name might be the party it names.
func TestContradictionsListed(t *testing.T) {
	p, c := entity.Person, entity.Company
	for _, tc := range []struct {
		name string
		ents []*entity.Entity
		make func(*generator, *entity.Entity) (string, string)
		want string // "" for none, "*" for any
	}{
		{"patronymic/OK", []*entity.Entity{newEntity("a", p, "ru", "male", "LAVROV, Sergei Viktorovich")}, otherPatronymic, "*"},
		{"patronymic/ListedWithout", []*entity.Entity{
			newEntity("a", p, "ru", "male", "LAVROV, Sergei Viktorovich"),
			newEntity("b", p, "ru", "male", "Sergey LAVROV"),
		}, otherPatronymic, ""},
		{"nasab/OK", []*entity.Entity{newEntity("a", p, "qa", "male", "Tamim bin Hamad AL-THANI")}, swappedNasab, "Hamad bin Tamim AL-THANI"},
		{"nasab/Listed", []*entity.Entity{
			newEntity("a", p, "qa", "male", "Tamim bin Hamad AL-THANI"),
			newEntity("b", p, "qa", "male", "Hamad bin Tamim bin Hamad AL-THANI"),
		}, swappedNasab, ""},
		{"legalForm/OK", []*entity.Entity{newEntity("a", c, "ru", "", "NORTHWIND TRADING LLC")}, otherLegalForm, "NORTHWIND TRADING JSC"},
		{"legalForm/AliasWithout", []*entity.Entity{newEntity("a", c, "ru", "", "NORTHWIND TRADING LLC", "Nordwind Trading")}, otherLegalForm, ""},
		{"legalForm/OtherWithout", []*entity.Entity{
			newEntity("a", c, "ru", "", "NORTHWIND TRADING LLC"),
			newEntity("b", c, "ru", "", "NORTHWIND TRADING"),
		}, otherLegalForm, ""},
		{"number/OneListed", []*entity.Entity{
			newEntity("a", c, "ru", "", "Mining Enterprise No. 2"),
			newEntity("b", c, "ru", "", "Mining Enterprise No. 1"),
		}, otherNumber, "Mining Enterprise No. 3"},
		{"number/Qualifier", []*entity.Entity{newEntity("a", c, "cn", "", "Institute 13 (CETC 13)")}, otherNumber, ""},
		{"given/NearName", []*entity.Entity{
			newEntity("a", p, "af", "male", "MOTAQI, Amir Khan"),
			newEntity("b", p, "af", "male", "KARIMI, Amin"),
		}, otherGiven, ""},
		{"given/OK", []*entity.Entity{
			newEntity("a", p, "ru", "male", "LAVROV, Sergei Viktorovich"),
			newEntity("b", p, "ru", "male", "SOKOLOV, Semyon Petrovich"),
		}, otherGiven, "*"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := map[string]bool{}
			for seed := range uint64(20) {
				g := newGenerator(tc.ents, seed)
				if name, from := tc.make(g, g.ents[0]); name != "" {
					if from == "" {
						t.Errorf("%q made from no name", name)
					}
					got[name] = true
				}
			}
			switch {
			case tc.want == "" && len(got) > 0:
				t.Errorf("made %v, want none", got)
			case tc.want == "*" && len(got) == 0, tc.want != "" && tc.want != "*" && !got[tc.want]:
				t.Errorf("made %v, want %q", got, tc.want)
			}
		})
	}
}

func TestPartial(t *testing.T) {
	for _, tc := range []struct{ country, in, want string }{
		{"ru", "LAVROV, Sergei Viktorovich", "Sergei LAVROV"},
		{"az", "Nailya Vagif Gizi ASKER-ZADE", "Nailya ASKER-ZADE"},
		{"sa", "Abd Al-Latif Bin Abdallah Salih Muhammad Al-Kawari", "Abd Al-Latif Al-Kawari"},
		{"sa", "AL-SHARIKH, Abdul Mohsen Abdullah Ibrahim", "Abdul Mohsen AL-SHARIKH"},
		{"qa", "Tamim bin Hamad bin Khalifa Al Thani", "Tamim Al Thani"},
		{"ve", "Rafael Darío RAMÍREZ CARREÑO", "Rafael RAMÍREZ"},
		{"co", "GARCIA DE LA CRUZ, Juan", "Juan GARCIA"}, // the father's surname
		{"co", "DE LA CRUZ GARCIA, Juan", ""},            // the first surname begins with particles
		{"us", "SMITH, William Robert", ""},              // no culture that drops a part
		{"sa", "Abdul Kabir Mohammad Jan", ""},           // the surname is not told
		{"ru", "Sergei LAVROV", ""},                      // two parts
		{"sa", "SALEH, Jamal", ""},                       // two parts
		{"ir", "HAGHIGHIAN, Mohammad Hossein", "Mohammad HAGHIGHIAN"},
		{"ir", "VAHABZADEH MOGHADAM, Seyed Mohsen Ali", "Seyed Mohsen VAHABZADEH MOGHADAM"}, // the title stays with the name
	} {
		e := newEntity("x", entity.Person, tc.country, "", tc.in)
		if got := partial(nil, e, tc.in); got != tc.want {
			t.Errorf("partial(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestRespell(t *testing.T) {
	lang := func(code string, slavic bool) []spellRule {
		for _, s := range nationalSpellings {
			if s.lang == code && s.slavic == slavic {
				return s.rules
			}
		}
		t.Fatalf("no %s", code)
		return nil
	}
	for _, tc := range []struct {
		lang   string
		slavic bool
		in     string
		want   string
	}{
		{"de", true, "vladimir", "wladimir"},
		{"de", true, "shoigu", "schoigu"},
		{"de", true, "viktorovich", "wiktorowitsch"},
		{"de", true, "yury", "juri"},
		{"de", true, "sergei", "sergej"},
		{"de", true, "tsarev", "zarew"},
		{"nl", true, "yusupov", "joesoepov"},
		{"nl", false, "yusuf", "joesoef"},
		{"de", false, "jamal", "dschamal"},
		{"pl", true, "lavrov", "lawrow"},
		{"pl", true, "shcherbakov", "szczerbakow"},
		{"pl", true, "viktorovich", "wiktorowicz"},
		{"hu", true, "sergei", "szergej"},
		{"hu", true, "chaika", "csaika"},
		{"cs", true, "zhukov", "žukov"},
		{"lv", true, "sergei", "sergej"},
		{"lt", true, "dmitriy", "dmitrij"},
	} {
		if got := respellWord(tc.in, lang(tc.lang, tc.slavic)); got != tc.want {
			t.Errorf("%s: respellWord(%q) = %q, want %q", tc.lang, tc.in, got, tc.want)
		}
	}
	for in, want := range map[string]string{"sergej": "sergejs", "lavrov": "lavrovs", "viktorovič": "viktorovičs", "shoigu": "shoigu"} {
		if got := latvianEnding(in); got != want {
			t.Errorf("latvianEnding(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"sergej": "sergejus", "lavrov": "lavrovas", "viktorovič": "viktorovičius", "shoigu": "shoigu"} {
		if got := lithuanianEnding(in); got != want {
			t.Errorf("lithuanianEnding(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestNational checks the whole variant: a Russian man's name changes in
// every seed, a woman's never takes a Baltic ending, an English name is
// left alone.
func TestNational(t *testing.T) {
	man := newEntity("a", entity.Person, "ru", "male", "LAVROV, Sergei Viktorovich")
	woman := newEntity("b", entity.Person, "ru", "female", "Yelena Borisovna MIZULINA")
	other := newEntity("c", entity.Person, "us", "male", "SMITH, William Robert")
	g := newGenerator([]*entity.Entity{man, woman, other}, 1)
	for range 30 {
		if got := national(g, man, man.Caption()); got == "" || strings.EqualFold(got, "Sergei Viktorovich Lavrov") {
			t.Errorf("national(%q) = %q", man.Caption(), got)
		}
		if got := national(g, woman, woman.Caption()); got == "" || strings.HasSuffix(got, "s") {
			t.Errorf("national(%q) = %q", woman.Caption(), got)
		}
		if got := national(g, other, other.Caption()); got != "" {
			t.Errorf("national(%q) = %q, want none", other.Caption(), got)
		}
	}
	if got := capitalWords("‘abd al-rahman jum'ah"); got != "‘Abd Al-Rahman Jum'ah" {
		t.Errorf("capitalWords = %q", got)
	}
}

func TestNumbers(t *testing.T) {
	for _, tc := range []struct {
		n       int
		ordinal bool
		want    string
	}{
		{1, false, "One"}, {1, true, "First"}, {12, true, "Twelfth"}, {24, false, "Twenty-Four"},
		{24, true, "Twenty-Fourth"}, {40, true, "Fortieth"}, {73, true, "Seventy-Third"}, {195, false, "One Hundred Ninety-Five"},
	} {
		if got := spellNumber(tc.n, tc.ordinal); got != tc.want {
			t.Errorf("spellNumber(%d, %v) = %q, want %q", tc.n, tc.ordinal, got, tc.want)
		}
	}
	for in, want := range map[string]string{"24": "Twenty-Four", "33rd": "Thirty-Third", "II": "Two", "XIV": "Fourteen", "195": "", "V": "", "007": "", "2nd": "Second"} {
		if got, _ := numberInWords(in); got != want {
			t.Errorf("numberInWords(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"One": "1", "FIRST": "1st", "Twenty-Second": "22nd", "Eleventh": "11th", "Ocean": ""} {
		if got, _ := numberInDigits(in); got != want {
			t.Errorf("numberInDigits(%q) = %q, want %q", in, got, want)
		}
	}
	for _, tc := range []struct {
		raw  string
		step int
		want string
	}{{"195", 1, "196"}, {"33rd", 1, "34th"}, {"1ST", 1, "2ND"}, {"1", -1, ""}, {"IV", -1, "III"}, {"0", 1, ""}} {
		if got, _ := changeNumber(tc.raw, tc.step); got != tc.want {
			t.Errorf("changeNumber(%q, %d) = %q, want %q", tc.raw, tc.step, got, tc.want)
		}
	}
}

func TestInitials(t *testing.T) {
	for _, tc := range []struct{ in, letters, form string }{
		{"Islamic Republic of Iran Shipping Lines", "IRISL", ""},
		{"National Iranian Oil Company", "NIO", "Company"},
		{"NATIONAL PETROLEUM ENGINEERING CO., LTD", "NPE", "CO., LTD"},
		{"Tactical Missiles Corporation, Ravenstvo Service JSC", "", ""}, // two names
		{"Federal State Unitary Enterprise Center for Space Infrastructure Research", "CSIR", ""},
		{"Bank Melli Iran", "BMI", ""},
		{"Oil Turbocompressor Engineering Co. (OTEC)", "", ""},      // the acronym is given
		{"Scientific Research Institute Ferrite-Domen", "", ""},     // a hyphenated brand
		{"VTB Bank Capital Group", "", ""},                          // an acronym in the name
		{"Haji Khairullah Haji Sattar Money Exchange", "", ""},      // a person's business
		{"Basaran Nakliyat ve Dis Ticaret Limited Sirketi", "", ""}, // no English word
	} {
		if l, f := initials(tc.in); l != tc.letters || f != tc.form {
			t.Errorf("initials(%q) = %q, %q; want %q, %q", tc.in, l, f, tc.letters, tc.form)
		}
	}
}

// TestMangled checks glued and leet by their properties: glued joins two
// words or splits one, keeping every letter; leet changes one or two
// letters into the digits that look like them.
func TestMangled(t *testing.T) {
	e := newEntity("a", entity.Person, "ru", "male", "Mikhail Yevgenyevich MIZINTSEV")
	g := newGenerator([]*entity.Entity{e}, 3)
	letters := func(s string) string {
		return strings.ToLower(strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) {
				return r
			}
			return -1
		}, s))
	}
	src := firstLast(e.Caption())
	for range 30 {
		got := glued(g, e, e.Caption())
		if n := len(strings.Fields(got)); letters(got) != letters(src) || n == len(strings.Fields(src)) {
			t.Errorf("glued(%q) = %q", src, got)
		}
		got = leet(g, e, e.Caption())
		digits, changed := 0, 0
		for i, r := range []rune(got) {
			if unicode.IsDigit(r) {
				digits++
				if leetDigits[unicode.ToLower([]rune(src)[i])] != r {
					t.Errorf("leet(%q) = %q: %c for %c", src, got, r, []rune(src)[i])
				}
			} else if r != []rune(src)[i] {
				changed++
			}
		}
		if digits < 1 || digits > 2 || changed > 0 {
			t.Errorf("leet(%q) = %q", src, got)
		}
	}
}

func TestNicknameAndTitle(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	g := &generator{r: r}
	for _, tc := range []struct {
		e    *entity.Entity
		want []string
	}{
		{newEntity("a", entity.Person, "ru", "male", "LUKASHENKO, Alexander Grigoryevich"), []string{"Sasha LUKASHENKO"}},
		{newEntity("b", entity.Person, "us", "male", "William Jefferson CLINTON"), []string{"Bill CLINTON", "Will CLINTON"}},
		{newEntity("c", entity.Person, "mx", "male", "GUZMAN LOERA, Joaquin"), nil},
		{newEntity("d", entity.Person, "sy", "male", "AL-ASSAD, Bashar Hafez"), nil},
	} {
		got := nickname(g, tc.e, tc.e.Caption())
		if tc.want == nil && got != "" || tc.want != nil && !slices.Contains(tc.want, got) {
			t.Errorf("nickname(%q) = %q, want one of %q", tc.e.Caption(), got, tc.want)
		}
	}
	e := newEntity("e", entity.Person, "ru", "male", "LAVROV, Sergei Viktorovich", "ЛАВРОВ, Сергей Викторович")
	for range 20 {
		got := title(g, e, e.Caption())
		a := names.Analyze(got)
		if a.Tokens[0].Kind != names.Title || !strings.HasSuffix(got, "Sergei Viktorovich LAVROV") && !strings.HasSuffix(got, "Сергей Викторович ЛАВРОВ") {
			t.Errorf("title(%q) = %q", e.Caption(), got)
		}
	}
}

func TestDistinct(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"Sergei", "Semyon", true},
		{"Hasan", "Hamid", true},
		{"Sergei", "Sergey", false},      // one spelling
		{"Amir", "Amin", false},          // one letter
		{"Muhammad", "Mochammad", false}, // two letters of nine
		{"Igor", "Ihar", false},          // Russian and Belarusian
		{"Oleg", "Olga", true},           // his and her name
		{"William", "Bill", false},       // a short form
		{"Aleksandr", "Aliaksandr", false},
	} {
		if got := distinct(tc.a, tc.b); got != tc.want {
			t.Errorf("distinct(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
	g := newGenerator(nil, 1)
	if n := g.namesFor("Sasha"); !n["aleksandr"] || !n["aliaksandr"] || !n["Alex"] || !n["aleksandra"] {
		t.Errorf("namesFor(Sasha) = %v", n)
	}
}
