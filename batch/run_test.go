package batch

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/vetoscreen/veto/demo"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/index"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/screen"
)

var demoIndex = sync.OnceValues(func() (*index.Index, error) {
	rs, err := demo.Results(context.Background())
	if err != nil {
		return nil, err
	}
	var ents []*entity.Entity
	for _, r := range rs {
		ents = append(ents, r.Entities...)
	}
	return index.Build(ents, match.DefaultConfig()), nil
})

// newDemoScreener screens against the demo dataset.
func newDemoScreener(t testing.TB) *screen.Screener {
	t.Helper()
	ix, err := demoIndex()
	if err != nil {
		t.Fatal(err)
	}
	return screen.New(ix)
}

func writeFile(t testing.TB, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func readCSV(t testing.TB, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return recs
}

func TestRunCSV(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "customers.csv", "customer_id,name,dob,country\n"+
		"C1,Sergei Lavrov,1950-03-21,RU\n"+
		"C2,Jo\"hn Smith,,\n"+ // bare quote
		"C3,Harriet Plumstead,,GB\n"+
		"C4,\"Bashar, Assad\n"+ // quote left open
		"C5,Vladimir Putin,1952-10-07,\n"+
		"C6,,1960,\n"+ // no name
		"C7,Ali Khamenei,1939-13-45,\n"+ // bad date: screened without it
		"C8,Korea Mining Development Trading Corporation,,KP,extra\n"+ // a field too many
		"C9,Amira Hadzic,,\n")
	out := filepath.Join(dir, "results.csv")
	st, err := Run(context.Background(), newDemoScreener(t), Files{Input: in, Output: out}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Rows != 9 || st.Errors != 4 || st.Hits != 3 {
		t.Errorf("stats %+v, want 9 rows, 4 errors, 3 with hits", st)
	}
	recs := readCSV(t, out)
	if !slices.Equal(recs[0], CSVHeader) || len(recs) != 10 {
		t.Fatalf("output: %d records, header %q", len(recs), recs[0])
	}
	byID := map[string][]string{}
	for i, r := range recs[1:] {
		if r[0] != fmt.Sprint(i+2) {
			t.Errorf("output row %d is line %s, want %d (input order)", i, r[0], i+2)
		}
		byID[r[1]] = r
	}
	if r := byID["C1"]; r[3] == "0" || r[5] == "" || !strings.Contains(strings.ToLower(r[6]), "lavrov") || !strings.Contains(r[8], "ofac-990001 (") || r[9] != "" {
		t.Errorf("Lavrov: %q", r)
	}
	if r := byID["C5"]; r[3] == "0" || !strings.Contains(strings.ToLower(r[6]), "putin") {
		t.Errorf("Putin: %q", r)
	}
	if r := byID["C3"]; r[3] != "0" || r[4] != "" || r[9] != "" {
		t.Errorf("Plumstead: %q", r)
	}
	// A date of birth that cannot be read does not keep a listed person
	// from being screened.
	if r := byID["C7"]; r[3] == "0" || !strings.Contains(strings.ToLower(r[6]), "khamenei") {
		t.Errorf("Khamenei with a bad date of birth: %q", r)
	}
	errs := readCSV(t, ErrorsPath(out))
	var lines []string
	for _, r := range errs[1:] {
		lines = append(lines, r[0])
	}
	if !slices.Equal(errs[0], ErrorsHeader) || !slices.Equal(lines, []string{"3", "5", "7", "8", "9"}) {
		t.Errorf("errors file lines %q, want 3 5 7 8 9:\n%q", lines, errs)
	}
	if errs[1][2] != `C2,Jo"hn Smith,,` || !strings.Contains(errs[3][1], "name: required") || !strings.Contains(errs[4][1], "screened without birthDate") || !strings.Contains(errs[5][1], "5 fields, the header has 4") {
		t.Errorf("errors file: %q", errs)
	}
	// The output's error column says the same.
	if r := recs[2]; r[1] != "" || r[9] == "" {
		t.Errorf("output row of a bad line: %q", r)
	}
	if _, err := os.Stat(out + ".checkpoint"); !os.IsNotExist(err) {
		t.Errorf("checkpoint left after a complete run: %v", err)
	}
}

func TestRunJSONL(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "q.jsonl", `{"id":"q1","name":"Sergei Lavrov","country":"ru"}
{"name":"Harriet Plumstead"}
not json
{"id":"q4","name":"Bashar al-Assad","schema":"Person"}
`)
	out := filepath.Join(dir, "out.jsonl")
	if _, err := Run(context.Background(), newDemoScreener(t), Files{Input: in, Output: out}, Options{Screen: screen.Options{Limit: 3}}); err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open(out)
	defer f.Close()
	var got []ResultLine
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var l ResultLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatal(err)
		}
		got = append(got, l)
	}
	if len(got) != 4 {
		t.Fatalf("%d result lines, want 4", len(got))
	}
	if g := got[0]; g.Line != 1 || g.ID != "q1" || len(g.Hits) == 0 || len(g.Hits) > 3 || g.Hits[0].Name == "" {
		t.Errorf("line 1: %+v", g)
	}
	if g := got[1]; g.ID != "2" || len(g.Hits) != 0 || g.Error != "" {
		t.Errorf("line 2: %+v", g)
	}
	if g := got[2]; g.Line != 3 || g.Error == "" || g.Hits == nil {
		t.Errorf("line 3: %+v", g)
	}
	if g := got[3]; g.ID != "q4" || len(g.Hits) == 0 {
		t.Errorf("line 4: %+v", g)
	}
}

// bigInput writes n rows, every 7th a listed name and every 50th broken.
func bigInput(t testing.TB, dir string, n int) string {
	var b strings.Builder
	b.WriteString("\ufeffid;name;dob\r\n")
	listed := []string{"Sergei Lavrov", "Vladimir Putin", "Bashar al-Assad", "Ali Khamenei"}
	for i := range n {
		switch {
		case i%50 == 49:
			fmt.Fprintf(&b, "%d;\"broken %d\r\n", i, i)
		case i%7 == 0:
			fmt.Fprintf(&b, "%d;%s;\r\n", i, listed[i%len(listed)])
		default:
			fmt.Fprintf(&b, "%d;\"Customer\r\nNumber %d\";19%02d\r\n", i, i, i%100)
		}
	}
	return writeFile(t, dir, "in.csv", b.String())
}

func TestResume(t *testing.T) {
	for _, format := range []Format{FormatCSV, FormatJSONL} {
		t.Run(string(format), func(t *testing.T) {
			dir := t.TempDir()
			in := bigInput(t, dir, 5000)
			s := newDemoScreener(t)
			opts := Options{Output: format, CheckpointEvery: 600, Workers: 3}
			ref := filepath.Join(dir, "ref.out")
			full, err := Run(context.Background(), s, Files{Input: in, Output: ref}, opts)
			if err != nil {
				t.Fatal(err)
			}
			if full.Rows != 5000 || full.Errors != 100 {
				t.Fatalf("uninterrupted run: %+v", full)
			}
			out := filepath.Join(dir, "res.out")
			files := Files{Input: in, Output: out}

			// Cancelled after about 1,500 rows: a checkpoint on the way out.
			ctx, cancel := context.WithCancel(context.Background())
			o := opts
			o.Progress = func(st Stats) {
				if st.Rows >= 1500 {
					cancel()
				}
			}
			st, err := Run(ctx, s, files, o)
			if !errors.Is(err, context.Canceled) || st.Rows < 1500 || st.Rows >= 5000 {
				t.Fatalf("cancelled run: %+v, %v", st, err)
			}
			// Killed between checkpoints: rows written after the last
			// checkpoint (here, made up) are cut off when resuming.
			ctx, cancel = context.WithCancel(context.Background())
			var saved []byte
			o.Progress = func(st Stats) {
				if saved == nil && st.Rows-st.Resumed >= 700 { // just after a checkpoint
					saved, _ = os.ReadFile(out + ".checkpoint")
				}
				if st.Rows >= 3500 {
					cancel()
				}
			}
			st, err = Run(ctx, s, files, o)
			if !errors.Is(err, context.Canceled) || st.Resumed < 1500 || saved == nil {
				t.Fatalf("second run: %+v, %v (checkpoint saved: %v)", st, err, saved != nil)
			}
			os.WriteFile(out+".checkpoint", saved, 0o644) // as if killed: the newer checkpoint was never written
			for _, p := range []string{out, ErrorsPath(out)} {
				f, _ := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
				f.WriteString("half a row written before the kill")
				f.Close()
			}
			st, err = Run(context.Background(), s, files, opts)
			if err != nil {
				t.Fatal(err)
			}
			if st.Rows != full.Rows || st.Errors != full.Errors || st.Hits != full.Hits || st.Resumed == 0 {
				t.Errorf("resumed stats %+v, want those of %+v", st, full)
			}
			for _, p := range [][2]string{{ref, out}, {ErrorsPath(ref), ErrorsPath(out)}} {
				a, _ := os.ReadFile(p[0])
				b, _ := os.ReadFile(p[1])
				if string(a) != string(b) {
					t.Errorf("%s differs from the uninterrupted run's %s (%d and %d bytes)", p[1], p[0], len(b), len(a))
				}
			}
			if _, err := os.Stat(out + ".checkpoint"); !os.IsNotExist(err) {
				t.Errorf("checkpoint left: %v", err)
			}
		})
	}
}

func TestResumeRefused(t *testing.T) {
	dir := t.TempDir()
	in := bigInput(t, dir, 1000)
	s := newDemoScreener(t)
	files := Files{Input: in, Output: filepath.Join(dir, "out.csv")}
	interrupt := func(o Options) {
		ctx, cancel := context.WithCancel(context.Background())
		o.Progress = func(Stats) { cancel() }
		if _, err := Run(ctx, s, files, o); !errors.Is(err, context.Canceled) {
			t.Fatalf("interrupted run: %v", err)
		}
	}
	interrupt(Options{})
	if _, err := Run(context.Background(), s, files, Options{Screen: screen.Options{Threshold: 0.9}}); !errors.Is(err, ErrCheckpoint) || !strings.Contains(err.Error(), "options") {
		t.Errorf("resumed with another threshold: %v", err)
	}
	if _, err := Run(context.Background(), s, files, Options{Fingerprint: "other lists"}); !errors.Is(err, ErrCheckpoint) {
		t.Errorf("resumed against other lists: %v", err)
	}
	if _, err := Run(context.Background(), s, files, Options{Screen: screen.Options{By: screen.ByListing}}); !errors.Is(err, ErrCheckpoint) || !strings.Contains(err.Error(), "options") {
		t.Errorf("resumed by listing a run begun by subject: %v", err)
	}
	// By subject is the default: named or not, the same run.
	if (&Options{}).optionsID() != (&Options{Screen: screen.Options{By: screen.BySubject}}).optionsID() {
		t.Error("a run by subject named is not resumed by one by default")
	}
	f, _ := os.OpenFile(in, os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("1001;Someone Else;\r\n")
	f.Close()
	if _, err := Run(context.Background(), s, files, Options{}); !errors.Is(err, ErrCheckpoint) || !strings.Contains(err.Error(), "input file changed") {
		t.Errorf("resumed on a changed input: %v", err)
	}
	st, err := Run(context.Background(), s, files, Options{Restart: true})
	if err != nil || st.Resumed != 0 || st.Rows != 1001 {
		t.Errorf("restart: %+v, %v", st, err)
	}
}

// TestRunStopsWhenCanceled: a canceled run (a job deleted through the
// API) starts no query after the cancel; only those in flight finish.
// Exclude counts the candidates each query looks at: the same number
// for every row, as every row is the same name.
func TestRunStopsWhenCanceled(t *testing.T) {
	dir := t.TempDir()
	s := newDemoScreener(t)
	in := writeFile(t, dir, "in.csv", "name\n"+strings.Repeat("Sergei Lavrov\n", 5000))
	var calls atomic.Int64
	var perQuery int64
	cancel := func() {}
	opts := Options{Workers: 3, Screen: screen.Options{Exclude: func(*entity.Entity) bool {
		if n := calls.Add(1); n == perQuery {
			cancel() // the job is deleted during its first query
		}
		return false
	}}}
	if _, err := s.Screen(context.Background(), match.Query{Subject: entity.Subject{Name: "Sergei Lavrov"}}, opts.Screen); err != nil {
		t.Fatal(err)
	}
	if perQuery = calls.Load(); perQuery == 0 {
		t.Fatal("Exclude never called: the name meets no candidate")
	}
	calls.Store(0)
	ctx, c := context.WithCancel(context.Background())
	defer c()
	cancel = c
	st, err := Run(ctx, s, Files{Input: in, Output: filepath.Join(dir, "out.csv")}, opts)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("canceled run: %+v, %v", st, err)
	}
	if got := calls.Load() / perQuery; got > int64(opts.Workers) {
		t.Errorf("%d queries screened after a cancel in the first, want at most %d (one a worker)", got, opts.Workers)
	}
}
