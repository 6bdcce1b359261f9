package textscan

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// windowTexts returns the text of every window of text whose bound
// reaches the threshold: the windows a scan searches (but for those a
// better overlapping hit makes pointless).
func windowTexts(s *Scanner, text string) []string {
	o := s.opts
	sc := new(scratch)
	b := []byte(text)
	toks := tokenize(b, nil)
	cased := lineCasing(toks, nil)
	ws := make([]word, len(toks))
	for i := range toks {
		ws[i] = s.analyseWord(b, &toks[i], cased[toks[i].line], o)
	}
	var out []string
	for i := 0; i < len(ws); {
		if !ws[i].inRun {
			i++
			continue
		}
		j := runEnd(toks, ws, cased, i)
		for _, w := range s.windows(b, toks, ws, i, j, o, sc) {
			out = append(out, text[toks[w.a].start:toks[w.b].end])
		}
		i = j
	}
	return out
}

// A window word that meets nothing of a listed name by skeleton spares
// one of the name's unmet words only if it may be a spelling of it: with
// the real lists, "Beacon Textiles" and "Carlos Jensen" were searched
// (each has a word that anchors on names whose other word the second
// word was assumed to spell) and are not now, while typos that change a
// word's skeleton are still searched and found.
func TestWindowsSpareBySpellingOnly(t *testing.T) {
	s := New(realIndex(t), Options{})
	for _, text := range []string{"Beacon Textiles", "Carlos Jensen"} {
		if ws := windowTexts(s, text); len(ws) > 0 {
			t.Errorf("%q: windows %q searched; no listed name has a word that the other word may spell", text, ws)
		}
	}
	for _, tc := range []struct{ text, caption string }{
		{"Ramzan Kadytov", "KADYROV"},           // r for t: another skeleton, one edit
		{"Abu Bakr al-Bagdhadi", "Al-Samarrai"}, // two letters swapped
		{"Viktor Yanukowich", "YANUKOVYCH"},     // w for v
		{"Sergei Viktorovich Lavrov", "LAVROV"}, // no spelling at all: met by skeleton
		{"SERGEI VIKTOROVICH LAVROF", "LAVROV"}, // the one rare word misspelt: it anchors by spelling
		{"Sergey Lavrof", "LAVROV"},
		{"Yevgeny Prigozin", "PRIGOZHIN"},
		{"Arkady Rotenburg", "ROTENBERG"},
		{"Boris Borisowich Rotenberg", "ROTENBERG"}, // a patronymic the analysis takes for a word
		{"Bashar Hafez al-Assat", "AL-ASSAD"},       // d for t
	} {
		ws := windowTexts(s, tc.text)
		if !slices.Contains(ws, tc.text) {
			t.Errorf("%q: windows %q, want the whole text among them", tc.text, ws)
		}
		fs := s.Scan([]byte(tc.text))
		if len(fs) != 1 || fs[0].Entity == nil || !strings.Contains(fs[0].Entity.Caption, tc.caption) {
			t.Errorf("%q: found%s, want %s", tc.text, describe(fs), tc.caption)
		}
	}
}

// The run and window caches change nothing: texts scanned with them, in
// any order and more than once, give what they give with no cache.
func TestCachesChangeNothing(t *testing.T) {
	ix := realIndex(t)
	var texts [][]byte
	for _, f := range benchFiles {
		b, err := os.ReadFile(filepath.Join("testdata", f))
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, b)
	}
	// A part of the realistic megabyte, and the same names after words
	// that say a vessel follows and that do not.
	texts = append(texts, realisticText(t)[:200_000],
		[]byte("The tanker Artavil left.\nArtavil left.\nMV NAVARZ\nNAVARZ\n"))
	uncached := New(ix, Options{})
	uncached.cache.off, uncached.runs.off = true, true
	want := make([]string, len(texts))
	for i, text := range texts {
		want[i] = findingsJSON(t, uncached.Scan(text))
	}
	// The vessel text shows the vessels only after a word saying so.
	if vessels := strings.Count(want[len(want)-1], `"caption":"`); vessels != 2 || !strings.Contains(want[len(want)-1], `"start":11,`) {
		t.Errorf("vessel text: want ARTAVIL at 11 and NAVARZ after MV; got %s", want[len(want)-1])
	}
	cached := New(ix, Options{})
	for pass, order := range [][]int{{0, 1, 2, 3, 4, 5, 6}, {6, 5, 4, 3, 2, 1, 0}} {
		for _, i := range order {
			if got := findingsJSON(t, cached.Scan(texts[i])); got != want[i] {
				t.Errorf("pass %d, text %d: cached scan differs from uncached", pass, i)
			}
		}
	}
	if len(cached.runs.m) == 0 || len(cached.cache.m) == 0 {
		t.Errorf("%d runs and %d windows cached: the test tests nothing", len(cached.runs.m), len(cached.cache.m))
	}
}

func findingsJSON(t *testing.T, fs []Finding) string {
	t.Helper()
	b, err := json.Marshal(fs)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A line of Arabic business news with no one's name in it has no window
// to search: its words are common, or anchor on no name they could be
// a spelling of.
func TestArabicProseHasNoWindows(t *testing.T) {
	s := New(realIndex(t), Options{})
	for _, text := range []string{
		"وأعلنت الشركة يوم الخميس عن ارتفاع الأسعار خلال الربع الماضي",
		"وارتفع سهم الشركة بنسبة اثنين في المئة في تداولات الصباح",
		"اقرأ أيضا: تراجع أسعار الشحن | قواعد جديدة لشركات النقل",
	} {
		if ws := windowTexts(s, text); len(ws) > 0 {
			t.Errorf("%q: windows %q", text, ws)
		}
	}
}
