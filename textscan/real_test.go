package textscan

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/index"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/source/all/alltest"
)

var real struct {
	once sync.Once
	ix   *index.Index
	ents []*entity.Entity
}

// realIndex returns the index of every list under the shared data
// folder, built once per test binary; it skips when the folder is absent.
func realIndex(t testing.TB) *index.Index {
	t.Helper()
	ents := alltest.Entities(t)
	real.once.Do(func() { real.ix, real.ents = index.Build(ents, match.DefaultConfig()), ents })
	return real.ix
}

func readTestdata(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestNewsArticle scans a news page written for the test, menus, cookie
// banner and headline included, against the real lists.
func TestNewsArticle(t *testing.T) {
	ix := realIndex(t)
	s := New(ix, Options{})
	text := readTestdata(t, "news.txt")
	fs := s.Scan([]byte(text))
	checkSpans(t, text, fs)

	// The listed people it names, in full and by surname.
	for _, tc := range []struct {
		sub     string
		n       int
		caption string
		refers  bool
	}{
		{"Sergei Lavrov", 0, "lavrov", false},
		{"Lavrov", 1, "lavrov", true}, // "Lavrov told reporters"
		{"Lavrov", 2, "lavrov", true}, // "Mr Lavrov replied"
		{"Bashar al-Assad", 0, "assad", false},
	} {
		start, end := span(t, text, tc.sub, tc.n)
		f := find(fs, KindName, start, end)
		if f == nil {
			t.Errorf("%s #%d at [%d,%d): not found; got%s", tc.sub, tc.n, start, end, describe(fs))
			continue
		}
		if !strings.Contains(strings.ToLower(f.Entity.Caption), tc.caption) || f.Entity.Schema != entity.Person || (f.RefersTo != nil) != tc.refers {
			t.Errorf("%s #%d: %+v", tc.sub, tc.n, f.Entity)
		}
	}

	// The unlisted people it names: each is checked against the lists
	// first, so that the test says so if one is ever designated.
	cfg := ix.Config()
	for _, name := range []string{"Antony Blinken", "Josep Borrell", "Hillary Clinton", "Conor Sweeney", "Natalia Kolesnikova", "Yang Jiechi"} {
		p, err := cfg.Prepare(match.Query{Subject: entity.Subject{Name: name, Schema: entity.Person}}, ix)
		if err != nil {
			t.Fatal(err)
		}
		if hits := ix.Search(p, index.Options{Limit: 1}); len(hits) > 0 {
			t.Logf("%s screens as %s (%.2f) on these lists: not checked", name, hits[0].EntityID, hits[0].Score)
			continue
		}
		for _, part := range strings.Fields(name) {
			for at := 0; ; {
				i := strings.Index(text[at:], part)
				if i < 0 {
					break
				}
				at += i
				for _, f := range fs {
					if f.Kind == KindName && f.Start < at+len(part) && at < f.End {
						t.Errorf("unlisted %s: finding %q (%s)", name, f.Text, f.Entity.Caption)
					}
				}
				at += len(part)
			}
		}
	}

	// The sanctioned places.
	for _, p := range []string{"Iran", "Syria", "Damascus", "Aleppo", "Crimea", "Donetsk", "Luhansk", "North Korea", "Tehran", "Russia would"} {
		start, end := span(t, text, p, 0)
		p = strings.TrimSuffix(p, " would")
		end = start + len(p)
		if f := find(fs, KindPlace, start, end); f == nil {
			t.Errorf("place %s: not found", p)
		}
	}

	// Nothing in the boilerplate: the menus, the cookie banner, the
	// headline, the byline and the footer.
	body, _ := span(t, text, "GENEVA -", 0)
	footer, _ := span(t, text, "Related Topics", 0)
	for _, f := range fs {
		if f.Kind == KindName && (f.Start < body || f.Start >= footer) {
			t.Errorf("boilerplate: name finding %q (%s)", f.Text, f.Entity.Caption)
		}
	}
}

func TestPaymentMessages(t *testing.T) {
	ix := realIndex(t)
	s := New(ix, Options{})
	for _, tc := range []struct {
		file, name, bic, place string
	}{
		{"mt103.txt", "SERGEI VIKTOROVICH LAVROV", "SABRRUMM", "DAMASCUS"},
		{"pacs008.xml", "Bashar al-Assad", "SABRRUMMXXX", "Sevastopol"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			text := readTestdata(t, tc.file)
			fs := s.Scan([]byte(text))
			checkSpans(t, text, fs)
			start, end := span(t, text, tc.name, 0)
			if f := find(fs, KindName, start, end); f == nil || f.Entity.Schema != entity.Person || f.Score < cfg(ix).Threshold {
				t.Errorf("beneficiary %q at [%d,%d): got%s", tc.name, start, end, describe(fs))
			}
			start, end = span(t, text, tc.bic, 0)
			if f := find(fs, KindBIC, start, end); f == nil {
				t.Errorf("BIC %s at [%d,%d): got%s", tc.bic, start, end, describe(fs))
			} else if f.Entity == nil {
				t.Logf("BIC %s is not on these lists", tc.bic)
			}
			start, end = span(t, text, tc.place, 0)
			if f := find(fs, KindPlace, start, end); f == nil {
				t.Errorf("place %s at [%d,%d): got%s", tc.place, start, end, describe(fs))
			}
			// The ordering institution's BIC is found, and not listed.
			// (The MT103's header block holds it too, inside another word.)
			start = strings.LastIndex(text, "DEUTDEFF")
			end = start + len("DEUTDEFF")
			if f := find(fs, KindBIC, start, end); f == nil || f.Entity != nil {
				t.Errorf("ordering BIC DEUTDEFF: got%s", describe(fs))
			}
		})
	}
}

func TestScriptsReal(t *testing.T) {
	s := New(realIndex(t), Options{})
	text := readTestdata(t, "scripts.txt")
	fs := s.Scan([]byte(text))
	checkSpans(t, text, fs)
	for _, tc := range []struct {
		kind Kind
		sub  string
	}{
		{KindName, "Сергей Лавров"}, {KindName, "بشار الأسد"},
		{KindPlace, "Тегеран"}, {KindPlace, "Крыме"}, {KindPlace, "России"}, {KindPlace, "دمشق"}, {KindPlace, "سوريا"},
		{KindPlace, "북한"}, {KindPlace, "평양"},
	} {
		start, end := span(t, text, tc.sub, 0)
		if find(fs, tc.kind, start, end) == nil {
			t.Errorf("%s %q at [%d,%d): not found; got%s", tc.kind, tc.sub, start, end, describe(fs))
		}
	}
}

func cfg(ix *index.Index) match.Config { return ix.Config() }

// A listed organisation or vessel whose matched words are all common
// words of prose is found in text only with what makes it a name beside
// them: a legal form, another of its words, an identifier.
func TestCommonWordNames(t *testing.T) {
	s := New(realIndex(t), Options{Kinds: []Kind{KindName}})
	for _, tc := range []struct {
		text, name string // name "" wants no finding
	}{
		{"The Cold War-era START\npact limited both sides to 1,550 deployed warheads.", ""},
		{"Growth across the Asia-Pacific region slowed to 4.1% last year.", ""},
		{"The sergeant was awarded a Silver Star for gallantry.", ""},
		{"JSC START signed the contract in May.", "JSC START"},
		{"Asia Pacific Links Ltd paid the invoice.", "Asia Pacific Links Ltd"},
		{":70:/FREIGHT MV SEA STAR III\nVOY 0423 BANDAR ABBAS", "SEA STAR III"},
	} {
		fs := s.Scan([]byte(tc.text))
		checkSpans(t, tc.text, fs)
		if tc.name == "" {
			if len(fs) > 0 {
				t.Errorf("%q: want no name; got%s", tc.text, describe(fs))
			}
			continue
		}
		start, end := span(t, tc.text, tc.name, 0)
		if find(fs, KindName, start, end) == nil {
			t.Errorf("%q: want %q; got%s", tc.text, tc.name, describe(fs))
		}
	}
}

// A number of a few digits may end a name ("NORD STREAM 2 AG", "EVER
// BRIGHT 88"), and a yacht is a vessel.
func TestNumbersAndVessels(t *testing.T) {
	s := New(realIndex(t), Options{Kinds: []Kind{KindName}})
	for _, tc := range []struct{ text, name, caption string }{
		{":59:/CH9300762011623852957\nNORD STREAM 2 AG\nZUG CH", "NORD STREAM 2 AG", "NORD STREAM 2"},
		{":70:PORT DUES MV EVER BRIGHT 88\nNAMPO", "EVER BRIGHT 88", "EVER BRIGHT 88"},
		{"The superyacht Dilbar, linked to Alisher Usmanov, remains detained.", "Dilbar", "DILBAR"},
	} {
		fs := s.Scan([]byte(tc.text))
		checkSpans(t, tc.text, fs)
		start, end := span(t, tc.text, tc.name, 0)
		if f := find(fs, KindName, start, end); f == nil || !strings.Contains(strings.ToUpper(f.Entity.Caption), tc.caption) {
			t.Errorf("%q: want %q (%s); got%s", tc.text, tc.name, tc.caption, describe(fs))
		}
	}
	// Another number is another vessel or company.
	for _, text := range []string{":70:PORT DUES MV EVER BRIGHT 8\nBUSAN", "Nord Stream AG, which operates the original pipeline, said it was assessing the damage."} {
		for _, f := range s.Scan([]byte(text)) {
			if strings.Contains(f.Entity.Caption, "EVER BRIGHT 88") || strings.Contains(f.Entity.Caption, "NORD STREAM 2") {
				t.Errorf("%q: finding %q (%s)", text, f.Text, f.Entity.Caption)
			}
		}
	}
}
