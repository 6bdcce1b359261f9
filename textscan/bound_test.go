package textscan

import (
	"encoding/json"
	"github.com/vetoscreen/veto/entity"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/eval"
	"github.com/vetoscreen/veto/index"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/names"
	"github.com/vetoscreen/veto/source/sourcetest"
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
		ws[i] = s.analyseWord(b, &toks[i], cased[toks[i].line], o, new(meter))
	}
	var out []string
	for i := 0; i < len(ws); {
		if !ws[i].inRun || ws[i].number {
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
	if raceDetector {
		t.Skip(raceSkip)
	}
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

// boundTexts are texts to check bounds on: the test texts, a part of the
// realistic megabyte, and listed and unlisted names (eval's generated
// variants and textVariants) written into prose and into a payment
// message.
func boundTexts(t *testing.T, cases int) []string {
	t.Helper()
	var texts []string
	for _, f := range append(benchFiles, "prose_ru.txt", "prose_ar.txt") {
		texts = append(texts, readTestdata(t, f))
	}
	texts = append(texts, string(realisticText(t)[:60_000]))
	for i, c := range append(recallCases(t), textVariants(real.ents, cases/10)...) {
		if i >= cases && c.Kind != "title" && c.Kind != "nickname" && c.Kind != "nasab-cut" && c.Kind != "national-letter" {
			continue
		}
		texts = append(texts, "On Tuesday the bank received a transfer from "+c.Query.Name+", its records show.",
			":50K:/DE44500105175407324931\n"+strings.ToUpper(c.Query.Name)+"\nBERLIN\n")
	}
	return texts
}

// TestBoundsHoldScores checks that a bound never loses a name: for every
// window of the texts that has an anchor, and every listed name its
// anchors lead to that it may be reported for, a search of the window's
// text that scores the name at or above the threshold (the one-word
// threshold for a window of one name word) finds the name neither
// forgotten by dropHopeless nor bounded below its score.
func TestBoundsHoldScores(t *testing.T) {
	if raceDetector {
		t.Skip(raceSkip)
	}
	ix := realIndex(t)
	s := New(ix, Options{})
	o := s.opts
	cfg := ix.Config()
	n := 400
	if testing.Short() {
		n = 60
	}
	if v, err := strconv.Atoi(os.Getenv("BOUND_CASES")); err == nil {
		n = v // a deeper check: BOUND_CASES=5000
	}
	checked, violations := 0, 0
	for _, text := range boundTexts(t, n) {
		b := []byte(text)
		toks := tokenize(b, nil)
		cased := lineCasing(toks, nil)
		ws := make([]word, len(toks))
		for i := range toks {
			ws[i] = s.analyseWord(b, &toks[i], cased[toks[i].line], o, new(meter))
		}
		for i := 0; i < len(ws); {
			if !ws[i].inRun || ws[i].number {
				i++
				continue
			}
			j := runEnd(toks, ws, cased, i)
			for j > i && ws[j-1].class == classConnector {
				j--
			}
			if !slices.ContainsFunc(ws[i:j], func(w word) bool { return w.anchor }) {
				i = max(j, i+1)
				continue
			}
			rn := s.runNames(ws[i:j], new(runNames), o)
			// The anchors before dropHopeless, by name.
			anchors := make([]uint64, len(rn.names))
			for k := i; k < j; k++ {
				for _, key := range ws[k].keys {
					for _, ref := range key.names {
						anchors[rn.pos[ref.n]] |= 1 << min(k-i, 63)
					}
				}
			}
			for a := i; a < j; a++ {
				for bb := a; bb < j && bb-a < o.MaxWindow; bb++ {
					if !slices.ContainsFunc(ws[a:bb+1], func(w word) bool { return w.anchor }) {
						continue
					}
					one := oneWord(ws[a : bb+1])
					wi := s.windowInfo(ws[i:j], rn, 0, a-i, bb-i)
					raw := text[toks[a].start:toks[bb].end]
					p, err := cfg.Prepare(match.Query{Subject: entity.Subject{Name: raw}}, ix)
					if err != nil || len(p.Names) == 0 || p.Names[0].Tokens[0].Kind == names.Title {
						// A window that starts with a title, read with the
						// words after it ("Foreign Minister"), scores what
						// the window without it scores, which is checked.
						continue
					}
					for x, ref := range rn.names {
						if anchors[x]&wi.words == 0 {
							continue
						}
						sp := s.listed.at[ref.n]
						floor := o.Threshold
						if one {
							switch {
							case sp.vessel || sp.oneWordNo && !titled(toks, ws, a, bb):
								continue
							case !sp.oneWordNo:
								floor = o.OneWordThreshold
							}
						}
						hits := ix.SearchNames(p, []int32{ref.n}, index.Options{Config: &cfg, Threshold: 1e-9})
						checked++
						if len(hits) == 0 || hits[0].Score < floor {
							continue
						}
						factor := wi.lowInfo
						if sp.weak {
							factor *= cfg.WeakAliasFactor
						}
						bound := s.nameBound(ws[i:j], rn, x, &wi, factor, -1)
						if rn.anchors[x] == 0 || bound < hits[0].Score-1e-4 {
							violations++
							if violations <= 30 {
								t.Errorf("%q against %q (%s): score %.4f, bound %.4f, dropped %v", raw, ref.cand.Names[ref.name].Raw, ref.cand.Entity.ID, hits[0].Score, bound, rn.anchors[x] == 0)
							}
						}
					}
				}
			}
			i = max(j, i+1)
		}
	}
	t.Logf("%d window-name pairs checked, %d bounds below the score", checked, violations)
}

// recallCases are eval's generated cases, as TestRecallInText makes them.
func recallCases(t *testing.T) []eval.Case {
	t.Helper()
	realIndex(t)
	f, err := os.Open(filepath.Join(sourcetest.SharedData(t), "names", "nmvw_wikidata_name_pairs", "name_pairs.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	people, err := eval.ReadPeople(f)
	if err != nil {
		t.Fatal(err)
	}
	var out []eval.Case
	for _, c := range eval.Generate(real.ents, people, 11, eval.Sizes{PerVariant: 40, Unlisted: 300, SharedSurname: 150, SharedGiven: 100, Orgs: 100}) {
		if c.Query.Name != "" && c.Kind != "case-punct" {
			out = append(out, c)
		}
	}
	rand.New(rand.NewPCG(5, 6)).Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}
