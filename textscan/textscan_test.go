package textscan

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/vetoscreen/veto/demo"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/index"
	"github.com/vetoscreen/veto/match"
)

// Unit tests run on the demo dataset plus three fixture entities with
// identifiers, which the demo lacks. Their IDs say they are fixtures.
var fixtureIDs = []*entity.Entity{
	{ID: "test-vessel", Schema: entity.Vessel, List: "test-list", Names: []entity.Name{{Full: "OCEAN GLORY", Kind: entity.Primary}},
		Identifiers: []entity.Identifier{{Type: entity.IDIMO, Value: "IMO 9074729"}}},
	{ID: "test-bank", Schema: entity.Organization, List: "test-list", Names: []entity.Name{{Full: "EXAMPLE TRADE BANK OF TEHRAN", Kind: entity.Primary}},
		Identifiers: []entity.Identifier{{Type: entity.IDSwiftBIC, Value: "EXBKIRTH"}}},
	{ID: "test-wallet", Schema: entity.Person, List: "test-list", Names: []entity.Name{{Full: "Ivan Exampleov", Kind: entity.Primary}},
		Identifiers: []entity.Identifier{{Type: entity.IDCrypto, Value: "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"}, {Type: entity.IDCrypto, Value: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"}}},
}

var demoScanner = sync.OnceValues(func() (*Scanner, error) {
	rs, err := demo.Results(context.Background())
	if err != nil {
		return nil, err
	}
	ents := append([]*entity.Entity(nil), fixtureIDs...)
	for _, r := range rs {
		ents = append(ents, r.Entities...)
	}
	return New(index.Build(ents, match.DefaultConfig()), Options{}), nil
})

func mustDemo(t testing.TB) *Scanner {
	t.Helper()
	s, err := demoScanner()
	if err != nil {
		t.Fatalf("demo dataset: %v", err)
	}
	return s
}

// span returns the offsets of the n-th (from 0) occurrence of sub in
// text, failing the test if there is none.
func span(t *testing.T, text, sub string, n int) (int, int) {
	t.Helper()
	at := 0
	for k := 0; ; k++ {
		i := strings.Index(text[at:], sub)
		if i < 0 {
			t.Fatalf("%q not %d times in the text", sub, n+1)
		}
		if k == n {
			return at + i, at + i + len(sub)
		}
		at += i + len(sub)
	}
}

// find returns the finding of a kind at [start, end), or nil.
func find(fs []Finding, kind Kind, start, end int) *Finding {
	for i := range fs {
		if fs[i].Kind == kind && fs[i].Start == start && fs[i].End == end {
			return &fs[i]
		}
	}
	return nil
}

func describe(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "\n  %s [%d,%d) %q %.3f", f.Kind, f.Start, f.End, f.Text, f.Score)
		if f.Entity != nil {
			fmt.Fprintf(&b, " %s %q", f.Entity.ID, f.Entity.Caption)
		}
		if f.Place != nil {
			fmt.Fprintf(&b, " %s/%s", f.Place.Name, f.Place.Severity)
		}
	}
	return b.String()
}

// checkSpans checks that every finding's Text is its span of the input,
// that findings are sorted, and that name findings do not overlap.
func checkSpans(t *testing.T, text string, fs []Finding) {
	t.Helper()
	for i, f := range fs {
		if f.Start < 0 || f.End > len(text) || f.Start >= f.End || text[f.Start:f.End] != f.Text {
			t.Errorf("finding %d: span [%d,%d) text %q is not the input's", i, f.Start, f.End, f.Text)
		}
		if i > 0 && fs[i-1].Start > f.Start {
			t.Errorf("findings not sorted by start: %d after %d", f.Start, fs[i-1].Start)
		}
		for _, g := range fs[:i] {
			if f.Kind == KindName && g.Kind == KindName && g.Start < f.End && f.Start < g.End {
				t.Errorf("name findings overlap: %q and %q", g.Text, f.Text)
			}
		}
	}
}

func TestNamesInScripts(t *testing.T) {
	s := mustDemo(t)
	for _, tc := range []struct {
		name, text, want, caption string
	}{
		{"Latin", "Yesterday Sergei Lavrov arrived in Geneva.", "Sergei Lavrov", "lavrov"},
		{"Cyrillic", "Вчера Сергей Лавров прилетел в Женеву.", "Сергей Лавров", "lavrov"},
		{"Arabic", "وقال الرئيس بشار الأسد أمس", "بشار الأسد", "assad"},
		{"particle", "The government of Bashar al-Assad fell.", "Bashar al-Assad", "assad"},
		{"all capitals", "PAYMENT TO SERGEY LAVROV FOR SERVICES", "SERGEY LAVROV", "lavrov"},
		{"word order", "Beneficiary: LAVROV Sergei Viktorovich, Moscow", "LAVROV Sergei Viktorovich", "lavrov"},
		{"organisation", "Funds went to the Islamic Revolutionary Guard Corps last year.", "Islamic Revolutionary Guard Corps", "revolutionary guard"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := s.Scan([]byte(tc.text))
			checkSpans(t, tc.text, fs)
			start, end := span(t, tc.text, tc.want, 0)
			f := find(fs, KindName, start, end)
			if f == nil {
				t.Fatalf("no name finding at [%d,%d) %q; got%s", start, end, tc.want, describe(fs))
			}
			if f.Score < 0.8 || f.Explanation == nil || f.Entity == nil || len(f.Entity.Lists) == 0 {
				t.Errorf("finding %+v: want a score >= 0.8, an explanation, an entity with lists", f)
			}
			if !strings.Contains(strings.ToLower(f.Entity.Caption), tc.caption) {
				t.Errorf("entity %q, want one named %q", f.Entity.Caption, tc.caption)
			}
		})
	}
}

func TestSurnameAfterFullName(t *testing.T) {
	s := mustDemo(t)
	text := "Lavrov arrived late. Foreign Minister Sergei Lavrov then spoke; Mr Lavrov said nothing new. Maria Lavrov was not there."
	fs := s.Scan([]byte(text))
	checkSpans(t, text, fs)
	full0, full1 := span(t, text, "Sergei Lavrov", 0)
	full := find(fs, KindName, full0, full1)
	if full == nil {
		t.Fatalf("no finding for the full name; got%s", describe(fs))
	}
	for _, n := range []int{0, 2} { // "Lavrov arrived", "Mr Lavrov"
		start, end := span(t, text, "Lavrov", n)
		f := find(fs, KindName, start, end)
		if f == nil || f.RefersTo == nil || *f.RefersTo != full0 || f.Entity.ID != full.Entity.ID {
			t.Errorf("Lavrov #%d: want a finding referring to byte %d; got%s", n, full0, describe(fs))
		}
	}
	// Beside another name word, the surname is someone else's.
	start, _ := span(t, text, "Maria Lavrov", 0)
	for _, f := range fs {
		if f.Start >= start && f.Kind == KindName {
			t.Errorf("Maria Lavrov: unexpected finding %q", f.Text)
		}
	}
	// A surname alone, without the full name, is not enough.
	if fs := s.Scan([]byte("Lavrov said the talks were useful.")); len(fs) != 0 {
		t.Errorf("surname alone: got%s", describe(fs))
	}
}

func TestBoilerplateAndCommonWords(t *testing.T) {
	s := mustDemo(t)
	for _, text := range []string{
		"Home | World | Business | Politics | Sport | Culture | Video | Live",
		"Accept All Cookies | Manage Preferences | Privacy Policy | Sign In | Subscribe",
		"Foreign Minister Says New Sanctions Will Hit Oil Trade Hard",
		"The minister said the sanctions committee met in the capital.",
		"PAYMENT FOR SPARE PARTS INVOICE 4471 DELIVERY TO WAREHOUSE",
	} {
		fs := s.ScanOptions([]byte(text), Options{Kinds: []Kind{KindName}})
		if len(fs) > 0 {
			t.Errorf("%q: want no names, got%s", text, describe(fs))
		}
	}
}

func TestPlaces(t *testing.T) {
	s := mustDemo(t)
	for _, tc := range []struct {
		text, want, place string
		adjective         bool
	}{
		{"Shipments reached Iran via Dubai.", "Iran", "Iran", false},
		{"An Iranian tanker docked.", "Iranian", "Iran", true},
		{"Talks on North Korea stalled.", "North Korea", "North Korea", false},
		{"The DPRK denied it.", "DPRK", "North Korea", false},
		{"Goods left for the Democratic People's Republic of Korea.", "Democratic People's Republic of Korea", "North Korea", false},
		{"Переговоры о Крыме продолжатся в Крыму.", "Крыму", "Crimea", false},
		{"Вчера он прилетел в Тегеран.", "Тегеран", "Tehran", false},
		{"قال في دمشق إن", "دمشق", "Damascus", false},
		{"سفر إلى ایران", "ایران", "Iran", false},
		{"북한의 수도 평양에서 회의가 열렸다.", "북한", "North Korea", false},
		{"북한의 수도 평양에서 회의가 열렸다.", "평양", "Pyongyang", false},
		{"La délégation est partie pour la Corée du Nord.", "Corée du Nord", "North Korea", false},
		{"Lieferung nach Nordkorea gestoppt.", "Nordkorea", "North Korea", false},
		{"DELIVERY VIA SEVASTOPOL PORT", "SEVASTOPOL", "Sevastopol", false},
		{"Sanctions on Russia were extended.", "Russia", "Russia", false},
	} {
		t.Run(tc.want, func(t *testing.T) {
			fs := s.ScanOptions([]byte(tc.text), Options{Kinds: []Kind{KindPlace}})
			checkSpans(t, tc.text, fs)
			start, end := span(t, tc.text, tc.want, 0)
			f := find(fs, KindPlace, start, end)
			if f == nil || f.Place.Name != tc.place || f.Place.Adjective != tc.adjective {
				t.Fatalf("want %s at [%d,%d); got%s", tc.place, start, end, describe(fs))
			}
			if f.Place.Country == "" || f.Place.Reason == "" || f.Place.Kind == "" {
				t.Errorf("place %+v: want a country, a kind and a reason", f.Place)
			}
			wantSeverity := Embargo
			if tc.place == "Russia" {
				wantSeverity = Sanctions
			}
			if f.Place.Severity != wantSeverity {
				t.Errorf("%s: severity %q, want %q", tc.place, f.Place.Severity, wantSeverity)
			}
		})
	}
	// In prose, a place is capitalised: "cuba" as a lower-case word (a
	// tuba's cousin, a typo) is not Cuba.
	if fs := s.ScanOptions([]byte("he played the cuba and the tuba"), Options{Kinds: []Kind{KindPlace}}); len(fs) != 0 {
		t.Errorf("lower-case place in prose: got%s", describe(fs))
	}
}

func TestIdentifiersInText(t *testing.T) {
	s := mustDemo(t)
	text := "Vessel OCEAN GLORY (IMO 9074729) loaded at Bandar Abbas; IMO 9074728 is another.\n" +
		"Pay via BIC EXBKIRTH or SWIFT: DEUTDEFF. Reference ACMEDEFF is no BIC.\n" +
		"Send BTC to 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa or ETH to 0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed."
	fs := s.Scan([]byte(text))
	checkSpans(t, text, fs)
	for _, tc := range []struct {
		kind      Kind
		sub, id   string
		wantFound bool
	}{
		{KindIMO, "9074729", "test-vessel", true},
		{KindIMO, "9074728", "", false}, // wrong check digit
		{KindBIC, "EXBKIRTH", "test-bank", true},
		{KindBIC, "DEUTDEFF", "", true}, // valid, not listed
		{KindBIC, "ACMEDEFF", "", false},
		{KindCrypto, "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "test-wallet", true},
		{KindCrypto, "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "test-wallet", true}, // listed in EIP-55 case
	} {
		start, end := span(t, text, tc.sub, 0)
		f := find(fs, tc.kind, start, end)
		switch {
		case !tc.wantFound && f != nil:
			t.Errorf("%s %s: unexpected finding", tc.kind, tc.sub)
		case tc.wantFound && f == nil:
			t.Errorf("%s %s: not found; got%s", tc.kind, tc.sub, describe(fs))
		case f != nil && tc.id != "" && (f.Entity == nil || f.Entity.ID != tc.id || f.Score != s.cfg.IDMatch):
			t.Errorf("%s %s: entity %+v score %v, want %s at %v", tc.kind, tc.sub, f.Entity, f.Score, tc.id, s.cfg.IDMatch)
		case f != nil && tc.id == "" && (f.Entity != nil || f.Score != 0):
			t.Errorf("%s %s: unlisted, but entity %+v score %v", tc.kind, tc.sub, f.Entity, f.Score)
		}
	}
	// The vessel's name alone after "Vessel" is found too.
	start, end := span(t, text, "OCEAN GLORY", 0)
	if f := find(fs, KindName, start, end); f == nil || f.Entity.ID != "test-vessel" {
		t.Errorf("vessel name: got%s", describe(fs))
	}
}

func TestBICContext(t *testing.T) {
	s := mustDemo(t)
	for _, tc := range []struct {
		name, text string
		want       bool
	}{
		{"MT103 field 57A", ":57A:EXBKIRTH\n", true},
		{"MT103 field 57A, account line first", ":57A:/IR123456\nEXBKIRTH\n", true},
		{"MT103 field 59 is a name", ":59:/123\nEXBKIRTH\n", false},
		{"pacs.008 BICFI", "<FinInstnId><BICFI>EXBKIRTH</BICFI></FinInstnId>", true},
		{"other element", "<Nm>EXBKIRTH</Nm>", false},
		{"keyword", "Our bank's SWIFT code is EXBKIRTHXXX.", true},
		{"keyword on another line", "SWIFT\n\nEXBKIRTH", false},
		{"no context", "Ship EXBKIRTH tomorrow", false},
		{"unknown country code", "BIC EXBKXXTH", false},
		{"lower case", "bic exbkirth", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := s.ScanOptions([]byte(tc.text), Options{Kinds: []Kind{KindBIC}})
			if got := len(fs) == 1; got != tc.want {
				t.Errorf("%q: found %v, want %v%s", tc.text, got, tc.want, describe(fs))
			}
			if len(fs) == 1 && (fs[0].Entity == nil || fs[0].Entity.ID != "test-bank") {
				t.Errorf("%q: entity %+v, want test-bank (an XXX branch code is the head office)", tc.text, fs[0].Entity)
			}
		})
	}
}

func TestConcurrentScans(t *testing.T) {
	s := mustDemo(t)
	text := []byte("Sergei Lavrov met Bashar al-Assad in Damascus. BIC EXBKIRTH. IMO 9074729.")
	want := describe(s.Scan(text))
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				if got := describe(s.Scan(text)); got != want {
					t.Errorf("concurrent scan differs:%s\nwant%s", got, want)
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestOptions(t *testing.T) {
	s := mustDemo(t)
	text := []byte("Sergei Lavrov flew to Tehran.")
	fs := s.ScanOptions(text, Options{Kinds: []Kind{KindPlace}})
	if len(fs) != 1 || fs[0].Kind != KindPlace {
		t.Errorf("kinds place: got%s", describe(fs))
	}
	// Lists narrows the entities: Lavrov is on the demo's EU list, never
	// on the fixture list.
	fs = s.ScanOptions(text, Options{Kinds: []Kind{KindName}, Lists: []string{"test-list"}})
	if len(fs) != 0 {
		t.Errorf("lists test-list: got%s", describe(fs))
	}
	fs = s.ScanOptions(text, Options{Kinds: []Kind{KindName}, Lists: []string{"eu"}})
	if len(fs) != 1 || !strings.HasPrefix(fs[0].Entity.ID, "eu-") {
		t.Errorf("lists eu: got%s", describe(fs))
	}
	if err := (Options{Kinds: []Kind{"nope"}}).Validate(); err == nil {
		t.Error("unknown kind: no error")
	}
	if err := (Options{Threshold: 1.5}).Validate(); err == nil {
		t.Error("threshold 1.5: no error")
	}
}

// foldWord's table gives what Unicode normalisation gives, for every
// written form of a place and for words of random letters from the
// blocks the table covers, marks and Hangul included.
func TestFoldWordTable(t *testing.T) {
	var words []string
	for _, d := range placeDefs {
		words = append(words, strings.FieldsFunc(d.forms+"|"+d.adjectives, func(r rune) bool { return r == '|' || r == ' ' })...)
	}
	rng := rand.New(rand.NewPCG(11, 12))
	blocks := [][2]rune{{0x41, 0x7a}, {0xc0, 0x24f}, {0x370, 0x3ff}, {0x400, 0x4ff}, {0x600, 0x6ff}, {0x300, 0x36f}, {0xac00, 0xd7a3}, {0x1100, 0x11ff}, {0x2019, 0x2019}}
	for range 5000 {
		var b strings.Builder
		for range 1 + rng.IntN(8) {
			bl := blocks[rng.IntN(len(blocks))]
			b.WriteRune(bl[0] + rune(rng.IntN(int(bl[1]-bl[0]+1))))
		}
		words = append(words, b.String())
	}
	for _, w := range words {
		if got, want := foldWord([]byte(w)), foldSlow([]byte(w)); got != want {
			t.Errorf("foldWord(%q) = %q, normalisation gives %q", w, got, want)
		}
	}
}

func TestClassifyScripts(t *testing.T) {
	for _, tc := range []struct {
		word string
		want wordClass
	}{
		{"الأسعار", classCommon},  // prices: the article taken off
		{"والأسعار", classCommon}, // and the prices
		{"للشركة", classCommon},   // for the company
		{"خلال", classCommon},     // during, which has Khalil's consonants
		{"وقال", classStop},       // and he said
		{"خالد", className},       // Khalid
		{"الأسد", className},      // al-Assad
		{"والد", className},       // too short once و is taken off: not "لد"
		{"Компания", classCommon}, // a sentence's first word
		{"КОМПАНИЯ", classCommon}, // in capitals
		{"Лавров", className},
		{"Home", classCommon},
		{"of", classConnector},
	} {
		if got := classify([]byte(tc.word)); got != tc.want {
			t.Errorf("classify(%q) = %d, want %d", tc.word, got, tc.want)
		}
	}
}

// A comma continues a name only after a surname in capitals, as the
// lists write it: "LAVROV, Sergei" is one run of words, "Paris, France"
// two, a company and its city in a line of capitals two, and other
// punctuation after the comma breaks it.
func TestCommaAfterSurname(t *testing.T) {
	s := mustDemo(t)
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Paid LAVROV, Sergei today", []string{"Paid LAVROV, Sergei"}},
		{"From Paris, France", []string{"Paris", "France"}},
		{"ACME TRADING GMBH, HAMBURG", []string{"ACME TRADING GMBH", "HAMBURG"}},
		{"LAVROV,. Sergei", []string{"LAVROV", "Sergei"}},
		{"IRAN, SYRIA, CUBA", []string{"IRAN, SYRIA", "CUBA"}},
	} {
		b := []byte(tc.text)
		toks := tokenize(b, nil)
		cased := lineCasing(toks, nil)
		ws := make([]word, len(toks))
		for i := range toks {
			ws[i] = s.analyseWord(b, &toks[i], cased[toks[i].line], s.opts, new(meter))
		}
		var got []string
		for i := 0; i < len(ws); {
			if !ws[i].inRun || ws[i].number {
				i++
				continue
			}
			j := runEnd(toks, ws, cased, i)
			got = append(got, tc.text[toks[i].start:toks[j-1].end])
			i = j
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: runs %q, want %q", tc.text, got, tc.want)
		}
	}
}

// A name runs across a line break, and a word hyphenated at the end of a
// line is read whole; a compound's own hyphen at a line's end ("al-",
// "Abdul-" before a capital) keeps its two words.
func TestLineBreaks(t *testing.T) {
	s := mustDemo(t)
	for _, tc := range []struct{ text, want string }{
		{"Russian Foreign Minister Sergei\nLavrov arrived in Geneva.", "Sergei\nLavrov"},
		{"Yesterday Sergei Lav-\nrov arrived in Geneva.", "Sergei Lav-\nrov"},
		// The first line has no word in small letters but the one it
		// hyphenates: it is prose wrapped, not a line of capitals.
		{"Diplomat Sergei Lav-\nrov arrived in Geneva.", "Sergei Lav-\nrov"},
		{"The government of Bashar al-\nAssad fell.", "Bashar al-\nAssad"},
		{"PAYMENT TO SERGEY\nLAVROV FOR SERVICES", "SERGEY\nLAVROV"},
	} {
		fs := s.Scan([]byte(tc.text))
		checkSpans(t, tc.text, fs)
		start, end := span(t, tc.text, tc.want, 0)
		if f := find(fs, KindName, start, end); f == nil {
			t.Errorf("%q: no finding %q; got%s", tc.text, tc.want, describe(fs))
		}
	}
	for _, tc := range []struct {
		text  string
		words []string
	}{
		{"Prigo-\nzhin said", []string{"Prigozhin", "said"}},
		{"RODRI-\nGUEZ", []string{"RODRIGUEZ"}},
		{"Abdul-\nRahman", []string{"Abdul", "Rahman"}},
		{"al-\nassad", []string{"al", "assad"}},
		{"Lavrov -\nsaid", []string{"Lavrov", "said"}},
		{"end.\n\nNext", []string{"end", "Next"}},
	} {
		b := []byte(tc.text)
		var got []string
		for _, tk := range tokenize(b, nil) {
			got = append(got, string(tk.word(b)))
		}
		if !slices.Equal(got, tc.words) {
			t.Errorf("%q: words %q, want %q", tc.text, got, tc.words)
		}
	}
	toks := tokenize([]byte("a b\nc\n\nd"), nil)
	if gaps := []gap{toks[1].gap, toks[2].gap, toks[3].gap}; !slices.Equal(gaps, []gap{gapSpace, gapLine, gapBreak}) {
		t.Errorf("gaps %v, want space, line, break", gaps)
	}
}

// TestNameThenPlaceInCapitals checks that in a line of capitals, a
// payment message's field, a name followed by its city is found: capitals
// do not say where the name ends, and the name has met its surname.
// In prose, a capitalised word after the name is still read as the
// name's ("Sergei Lavrov Petrenko" is not Sergei Lavrov).
func TestNameThenPlaceInCapitals(t *testing.T) {
	s := mustDemo(t)
	for _, text := range []string{
		"PAY SERGEI LAVROV MOSCOW",
		"BENEF SERGEI LAVROV GENEVA SWITZERLAND",
		"Pay Sergei Lavrov Moscow",
	} {
		fs := s.Scan([]byte(text))
		start, end := span(t, text, strings.Fields(text)[1]+" "+strings.Fields(text)[2], 0)
		if find(fs, KindName, start, end) == nil {
			t.Errorf("%q: no finding for Sergei Lavrov; got%s", text, describe(fs))
		}
	}
	text := "We met Sergei Lavrov Petrenko yesterday."
	for _, f := range s.Scan([]byte(text)) {
		if f.Kind == KindName {
			t.Errorf("%q: finding %q: the name the text writes is Sergei Lavrov Petrenko", text, f.Text)
		}
	}
}

// TestWordsBesideName checks that a word before a name in prose that is
// capitalised for another reason is not read as part of it, so that the
// name alone is found: a short word in capitals (MP, EU), an acronym, not
// the name's initials; a word that begins a sentence and is no listed
// name's.
func TestWordsBesideName(t *testing.T) {
	s := mustDemo(t)
	for _, text := range []string{
		"The MP Sergei Lavrov spoke first.",
		"Russian MP Sergei Lavrov spoke first.",
		"Brussels said EU ally Sergei Lavrov spoke first.",
		"Talks ended. Diplomat Sergei Lavrov spoke first.",
		"Diplomat Sergei Lavrov spoke first.",
	} {
		fs := s.Scan([]byte(text))
		start, end := span(t, text, "Sergei Lavrov", 0)
		if find(fs, KindName, start, end) == nil {
			t.Errorf("%q: no finding for Sergei Lavrov; got%s", text, describe(fs))
		}
	}
}
