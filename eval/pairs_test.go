package eval

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func writePairs(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadPairs(t *testing.T) {
	dir := t.TempDir()
	writePairs(t, dir, "a.jsonl", `{"category":"partial","schema":"Person","name1":"Tariq Ahmad","name2":"AHMAD, Tariq Anwar","match":true}

{"category":"partial","schema":"Person","name1":"Sergey Ivanovich Lavrov","name2":"LAVROV, Sergey Viktorovich","match":false,"note":"another patronymic"}
`)
	writePairs(t, dir, "b.jsonl", `{"category":"orgs","schema":"Company","name1":"Deutsche Bank AG","name2":"Deutsche Bank GmbH","match":false}`+"\n")
	writePairs(t, dir, "notes.txt", "not pairs\n")
	ps, err := ReadPairs(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 3 || ps[0].Line != "a.jsonl:1" || ps[1].Line != "a.jsonl:3" || ps[2].Category != "orgs" {
		t.Fatalf("pairs %+v", ps)
	}
	for _, p := range ps {
		if p.Split != PairSplit(p.Category, p.Name2) || p.Split != "dev" && p.Split != "test" {
			t.Errorf("%s: split %q", p.Line, p.Split)
		}
	}
	var dev, test int
	for _, split := range []string{"dev", "test"} {
		got, err := ReadPairs(dir, split)
		if err != nil && !strings.Contains(err.Error(), "no pairs") {
			t.Fatal(err)
		}
		if split == "dev" {
			dev = len(got)
		} else {
			test = len(got)
		}
	}
	if dev+test != 3 {
		t.Errorf("splits %d + %d, want 3", dev, test)
	}

	for _, tc := range []struct{ body, want string }{
		{`{"category":"x","name1":"a","name2":"b","match":true,"extra":1}`, `bad.jsonl:1: json: unknown field "extra"`},
		{`{"category":"","name1":"a","name2":"b","match":true}`, "bad.jsonl:1: category: required"},
		{"\n" + `{"category":"x","name1":" ","name2":"b","match":true}`, "bad.jsonl:2: name1 and name2: required"},
		{`{"category":"x",`, "bad.jsonl:1: unexpected EOF"},
	} {
		p := writePairs(t, t.TempDir(), "bad.jsonl", tc.body)
		if _, err := ReadPairs(p, ""); err == nil || !strings.HasSuffix(err.Error(), "/"+tc.want) {
			t.Errorf("ReadPairs(%q) error %v, want %q", tc.body, err, tc.want)
		}
	}
}

func TestEvaluatePairs(t *testing.T) {
	pairs := []Pair{
		{Category: "a", Match: true}, {Category: "a", Match: true}, {Category: "a", Match: false}, {Category: "a", Match: false},
		{Category: "b", Match: true}, {Category: "b", Match: false},
	}
	scores := []float64{0.9, 0.7, 0.85, 0.1, 0.8, 0.79}
	r := EvaluatePairs(pairs, scores, 0.8)
	a := r.Categories[0]
	if a.Category != "a" || a.TP != 1 || a.FN != 1 || a.FP != 1 || a.TN != 1 || a.Precision != 0.5 || a.Recall != 0.5 || a.F1 != 0.5 {
		t.Errorf("category a: %+v", a)
	}
	b := r.Categories[1]
	if b.TP != 1 || b.TN != 1 || b.F1 != 1 {
		t.Errorf("category b (0.80 is a hit, 0.79 not): %+v", b)
	}
	if o := r.Overall; o.Pairs != 6 || o.TP != 2 || o.FP != 1 || o.FN != 1 || len(r.Misses) != 1 || len(r.FalseHits) != 1 || r.Misses[0].Score != 0.7 {
		t.Errorf("overall %+v, misses %v, false hits %v", o, r.Misses, r.FalseHits)
	}

	base := PairBaseline{Split: "test", Threshold: 0.8, F1: 0.6, Categories: map[string]float64{"a": 0.5, "b": 1}}
	if err := base.Check(r); err != nil {
		t.Errorf("equal to the baseline: %v", err)
	}
	base.Categories["a"] = 0.6
	err := base.Check(r)
	if !errors.Is(err, ErrWorse) || !strings.Contains(err.Error(), "a F1 0.5000 is below the baseline 0.6000") {
		t.Errorf("worse category: %v", err)
	}
	base.Categories = map[string]float64{"c": 0.1}
	if err := base.Check(r); err == nil || !strings.Contains(err.Error(), "category c has no pairs") {
		t.Errorf("missing category: %v", err)
	}
}

func TestReadNamePairs(t *testing.T) {
	in := "Sergei Lavrov\tСергей Лавров\tTRUE\n" +
		"Jan de Vries\tJan de Vries\tTRUE\n" + // identical: left out
		"\n" +
		"Andrew Garrett\tJan Hoynck\tFALSE\n"
	got, err := readNamePairs(strings.NewReader(in), "pairs.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := []Pair{
		{Category: "Cyrl-Latn", Schema: "Person", Name1: "Sergei Lavrov", Name2: "Сергей Лавров", Match: true, Line: "pairs.txt:1"},
		{Category: "two-people", Schema: "Person", Name1: "Andrew Garrett", Name2: "Jan Hoynck", Match: false, Line: "pairs.txt:4"},
	}
	for i := range want {
		want[i].Split = PairSplit(want[i].Category, want[i].Name2)
	}
	if !slices.Equal(got, want) {
		t.Errorf("readNamePairs =\n%+v\nwant\n%+v", got, want)
	}
	for _, bad := range []string{"a\tb\n", "a\tb\tMAYBE\n", " \tb\tTRUE\n"} {
		if _, err := readNamePairs(strings.NewReader("x\ty\tTRUE\n"+bad), "pairs.txt"); err == nil || !strings.Contains(err.Error(), "pairs.txt:2") {
			t.Errorf("readNamePairs(%q): error %v, want one naming pairs.txt:2", bad, err)
		}
	}
}
