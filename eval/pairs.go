package eval

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
)

// Pair is one labelled pair of names: what a bank received (Name1: a
// customer's or a payment party's name, or for the "text" category a
// passage of text) and a listed name (Name2), and whether an analyst
// would take them for one party.
type Pair struct {
	Category string `json:"category"`
	Schema   string `json:"schema"`
	Name1    string `json:"name1"`
	Name2    string `json:"name2"`
	Match    bool   `json:"match"`
	Note     string `json:"note,omitempty"`
	// Split is "dev" or "test", by a hash of Name2 (see PairSplit), so
	// that the pairs of one listed name are all in one split.
	Split string `json:"split,omitempty"`
	// Line is where the pair was read, "file:line".
	Line string `json:"line,omitempty"`
}

// PairSplit returns the split of a pair: by a hash of its category and
// listed name, so that tuning on the dev split never sees a test pair's
// listed name.
func PairSplit(category, name2 string) string {
	h := fnv.New32a()
	h.Write([]byte(category + "\x00" + name2))
	if h.Sum32()%2 == 0 {
		return "dev"
	}
	return "test"
}

// ReadPairs reads labelled pairs from a JSON-lines file, or from every
// .jsonl file of a folder, keeping those of split ("" for all). A .txt
// or .tsv file is read as tab-separated name pairs (see readNamePairs). A
// line that is not a valid pair is an error naming the file and line.
func ReadPairs(path, split string) ([]Pair, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	files := []string{path}
	if info.IsDir() {
		files = nil
		err := filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".jsonl") {
				files = append(files, p)
			}
			return err
		})
		if err != nil {
			return nil, err
		}
		slices.Sort(files)
	}
	var out []Pair
	for _, f := range files {
		r, err := os.Open(f)
		if err != nil {
			return nil, err
		}
		read := readPairs
		if strings.HasSuffix(f, ".txt") || strings.HasSuffix(f, ".tsv") {
			read = readNamePairs
		}
		ps, err := read(r, f)
		r.Close()
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			if split == "" || p.Split == split {
				out = append(out, p)
			}
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no pairs (split %q)", path, split)
	}
	return out, nil
}

func readPairs(r io.Reader, name string) ([]Pair, error) {
	var out []Pair
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var p Pair
		dec := json.NewDecoder(strings.NewReader(sc.Text()))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&p); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		switch {
		case p.Category == "":
			return nil, fmt.Errorf("%s:%d: category: required", name, line)
		case strings.TrimSpace(p.Name1) == "" || strings.TrimSpace(p.Name2) == "":
			return nil, fmt.Errorf("%s:%d: name1 and name2: required", name, line)
		}
		p.Split = PairSplit(p.Category, p.Name2)
		p.Line = fmt.Sprintf("%s:%d", filepath.Base(name), line)
		out = append(out, p)
	}
	return out, sc.Err()
}

// PairMetrics are the figures of a set of pairs at one threshold.
type PairMetrics struct {
	Category string `json:"category"`
	Pairs    int    `json:"pairs"`
	// TP: matches scored at or above the threshold; FN below it. FP:
	// near-misses at or above it; TN below it.
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	TN        int     `json:"tn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func (m *PairMetrics) add(match bool, score, threshold float64) {
	m.Pairs++
	switch hit := score >= threshold; {
	case match && hit:
		m.TP++
	case match:
		m.FN++
	case hit:
		m.FP++
	default:
		m.TN++
	}
}

func (m *PairMetrics) finish() {
	m.Precision = ratio(m.TP, m.TP+m.FP)
	m.Recall = ratio(m.TP, m.TP+m.FN)
	if m.Precision+m.Recall > 0 {
		m.F1 = 2 * m.Precision * m.Recall / (m.Precision + m.Recall)
	}
}

// PairFailure is a pair scored on the wrong side of the threshold.
type PairFailure struct {
	Pair  Pair    `json:"pair"`
	Score float64 `json:"score"`
}

// PairReport is the evaluation of a set of pairs at a threshold.
type PairReport struct {
	Threshold  float64       `json:"threshold"`
	Overall    PairMetrics   `json:"overall"`
	Categories []PairMetrics `json:"categories"`
	// Misses are matches scored below the threshold; FalseHits
	// near-misses at or above it.
	Misses    []PairFailure `json:"misses"`
	FalseHits []PairFailure `json:"falseHits"`
}

// EvaluatePairs scores pairs (scores[i] is pair i's score) at threshold.
func EvaluatePairs(pairs []Pair, scores []float64, threshold float64) PairReport {
	r := PairReport{Threshold: threshold, Overall: PairMetrics{Category: "all"}}
	byCat := map[string]*PairMetrics{}
	for i, p := range pairs {
		m := byCat[p.Category]
		if m == nil {
			m = &PairMetrics{Category: p.Category}
			byCat[p.Category] = m
		}
		m.add(p.Match, scores[i], threshold)
		r.Overall.add(p.Match, scores[i], threshold)
		switch hit := scores[i] >= threshold; {
		case p.Match && !hit:
			r.Misses = append(r.Misses, PairFailure{Pair: p, Score: scores[i]})
		case !p.Match && hit:
			r.FalseHits = append(r.FalseHits, PairFailure{Pair: p, Score: scores[i]})
		}
	}
	r.Overall.finish()
	for _, m := range byCat {
		m.finish()
		r.Categories = append(r.Categories, *m)
	}
	slices.SortFunc(r.Categories, func(a, b PairMetrics) int { return strings.Compare(a.Category, b.Category) })
	return r
}

// PairBaseline is the committed record of the pair figures CI must not
// fall below: F1 overall and per category, on one split.
type PairBaseline struct {
	Split      string             `json:"split"`
	Threshold  float64            `json:"threshold"`
	F1         float64            `json:"f1"`
	Categories map[string]float64 `json:"categories"`
}

// ErrWorse is wrapped by the errors of the baselines' checks.
var ErrWorse = errors.New("matching got worse")

// Check returns an error when the report is worse than the baseline: a
// lower F1 overall or in any category the baseline names.
func (b PairBaseline) Check(r PairReport) error {
	if r.Threshold != b.Threshold {
		return fmt.Errorf("pair baseline is for threshold %.2f, report for %.2f", b.Threshold, r.Threshold)
	}
	const eps = 1e-9
	var errs []string
	if r.Overall.F1 < b.F1-eps {
		errs = append(errs, fmt.Sprintf("F1 %.4f is below the baseline %.4f", r.Overall.F1, b.F1))
	}
	got := map[string]float64{}
	for _, m := range r.Categories {
		got[m.Category] = m.F1
	}
	cats := make([]string, 0, len(b.Categories))
	for c := range b.Categories {
		cats = append(cats, c)
	}
	slices.Sort(cats)
	for _, c := range cats {
		f1, ok := got[c]
		switch {
		case !ok:
			errs = append(errs, fmt.Sprintf("category %s has no pairs", c))
		case f1 < b.Categories[c]-eps:
			errs = append(errs, fmt.Sprintf("%s F1 %.4f is below the baseline %.4f", c, f1, b.Categories[c]))
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("%w on the %s pairs: %s", ErrWorse, b.Split, strings.Join(errs, "; "))
	}
	return nil
}

// readNamePairs reads the tab-separated name pairs of ../shared/data/names
// ("name1<TAB>name2<TAB>TRUE|FALSE": one person's names in many languages
// and scripts from Wikidata, and random pairs of two people's): real
// spellings no one wrote for veto. A pair of two identical strings says
// nothing and is left out. The category of a true pair is the scripts of
// its two names ("Latn-Latn", "Arab-Latn"), of a false one "two-people";
// the schema is Person.
func readNamePairs(r io.Reader, name string) ([]Pair, error) {
	var out []Pair
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if strings.TrimSpace(text) == "" {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) != 3 || f[2] != "TRUE" && f[2] != "FALSE" {
			return nil, fmt.Errorf("%s:%d: want name1, name2 and TRUE or FALSE, tab-separated", name, line)
		}
		if strings.TrimSpace(f[0]) == "" || strings.TrimSpace(f[1]) == "" {
			return nil, fmt.Errorf("%s:%d: name1 and name2: required", name, line)
		}
		if f[0] == f[1] {
			continue
		}
		a, b := scriptCode(f[0]), scriptCode(f[1])
		if b < a {
			a, b = b, a
		}
		category := a + "-" + b
		if f[2] == "FALSE" {
			category = "two-people"
		}
		p := Pair{Category: category, Schema: "Person", Name1: f[0], Name2: f[1], Match: f[2] == "TRUE"}
		p.Split = PairSplit(p.Category, p.Name2)
		p.Line = fmt.Sprintf("%s:%d", filepath.Base(name), line)
		out = append(out, p)
	}
	return out, sc.Err()
}

// scriptCode returns the ISO 15924 code of the script of a name's first
// letter: Latn, Cyrl, Arab, Hebr, Grek, Hani, Hang, Kana (Hiragana and
// Katakana), Deva, Thai, or Zyyy for any other.
func scriptCode(s string) string {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		for _, sc := range scriptCodes {
			if unicode.Is(sc.table, r) {
				return sc.code
			}
		}
		return "Zyyy"
	}
	return "Zyyy"
}

var scriptCodes = []struct {
	code  string
	table *unicode.RangeTable
}{
	{"Latn", unicode.Latin}, {"Cyrl", unicode.Cyrillic}, {"Arab", unicode.Arabic}, {"Hebr", unicode.Hebrew},
	{"Grek", unicode.Greek}, {"Hani", unicode.Han}, {"Hang", unicode.Hangul}, {"Kana", unicode.Katakana},
	{"Kana", unicode.Hiragana}, {"Deva", unicode.Devanagari}, {"Thai", unicode.Thai},
}
