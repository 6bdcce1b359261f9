package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/eval"
	"github.com/vetoscreen/veto/index"
	"github.com/vetoscreen/veto/textscan"
)

type evalOptions struct {
	data     dataOptions
	Config   string
	Split    string
	JSON     bool
	Baseline string
	Misses   int
	Pairs    string
}

func newEvalCommand(g *globalOptions) *cobra.Command {
	var o evalOptions
	cmd := &cobra.Command{
		Use:   "eval FILE | --pairs PATH",
		Short: "Measure recall, precision and false positives on labelled queries or name pairs",
		Long: `Screen every labelled query in FILE (JSON lines:
  {"query":{"name":"...","schema":"Person"},"expect":["ofac-35233"]}
with "expect":[] for a name that must give no hit) and report recall,
precision, false-positive rate and F1 per threshold, per kind of case, and
the misses and false hits at the default threshold. With --baseline, exit
with status 1 when recall is lower or the false-positive rate higher than
the baseline's.

With --pairs, score labelled name pairs instead (a JSON-lines file, or a
folder of them, such as eval/testdata/pairs):
  {"category":"partial","schema":"Person","name1":"Tariq Ahmad",
   "name2":"AHMAD, Tariq Anwar al-Sayyid","match":true,"note":"..."}
name1 as a query against name2 as a listed name, with veto compare's
scorer; for the category "text", name1 is a passage of text scanned for
names (against the lists of --from as well, for the rarity of words).
It reports precision, recall and F1 at the default threshold, overall and
per category; with --baseline (a pairs baseline), exit with status 1 when
F1 is lower overall or in a category the baseline names. Each pair is in
the dev or the test split by a hash of its category and listed name.`,
		Example: `  veto eval dev.jsonl --from ../shared/data
  veto eval dev.jsonl --split test --baseline eval/baseline.json
  veto eval dev.jsonl --json > report.json
  veto eval --pairs eval/testdata/pairs --from ../shared/data --split test --baseline eval/pairs_baseline.json`,
		Args: args(func(cmd *cobra.Command, a []string) error {
			if o.Pairs != "" {
				return cobra.NoArgs(cmd, a)
			}
			return cobra.ExactArgs(1)(cmd, a)
		}),
		RunE: func(cmd *cobra.Command, a []string) error {
			if o.Split != "" {
				if err := checkOneOf("split", o.Split, "dev", "test"); err != nil {
					return err
				}
			}
			if o.Pairs != "" {
				return runEvalPairs(cmd.Context(), g, &o)
			}
			return runEval(cmd.Context(), g, &o, a[0])
		},
	}
	f := cmd.Flags()
	o.data.addFlags(f)
	f.StringVar(&o.Split, "split", "", "evaluate only the dev or the test split")
	f.BoolVar(&o.JSON, "json", false, "write the report as JSON")
	f.StringVar(&o.Baseline, "baseline", "", "fail when worse than the figures in this baseline file")
	f.IntVar(&o.Misses, "misses", 25, "misses and false hits listed in the text report")
	f.StringVar(&o.Config, "config", "", "a JSON file of match.Config fields overriding the defaults")
	f.StringVar(&o.Pairs, "pairs", "", "score the labelled name pairs in this JSON-lines file or folder")
	return cmd
}

func readCases(path, split string) ([]eval.Case, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var cases []eval.Case
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var c eval.Case
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		if c.Expect == nil {
			return nil, fmt.Errorf("%s:%d: \"expect\" is missing (use [] for a name that must not hit)", path, line)
		}
		if split == "" || c.Split == split {
			cases = append(cases, c)
		}
	}
	return cases, sc.Err()
}

// lowestThreshold is the score floor of the searches eval makes, so that
// one search serves every threshold of the report.
const lowestThreshold = 0.6

func runEval(ctx context.Context, g *globalOptions, o *evalOptions, path string) error {
	cases, err := readCases(path, o.Split)
	if err != nil {
		return err
	}
	if len(cases) == 0 {
		return fmt.Errorf("%s: no cases (split %q)", path, o.Split)
	}
	cfg, err := readConfig(o.Config)
	if err != nil {
		return usageError{err}
	}
	ents, err := loadEntities(ctx, g, &o.data)
	if err != nil {
		return err
	}
	// Names in their original script are removed from the index, so that
	// the original-script cases must be found through their Latin names.
	ix := index.Build(eval.LatinOnly(ents), cfg)
	hits := searchAll(ix, cases, lowestThreshold)
	rep := eval.Evaluate(cases, hits, eval.DefaultThresholds, cfg.Threshold)
	if o.JSON {
		if err := writeJSON(g.stdout, rep); err != nil {
			return err
		}
	} else {
		printReport(g.stdout, rep, o.Misses)
	}
	if o.Baseline == "" {
		return nil
	}
	b, err := os.ReadFile(o.Baseline)
	if err != nil {
		return err
	}
	var base eval.Baseline
	if err := json.Unmarshal(b, &base); err != nil {
		return fmt.Errorf("%s: %w", o.Baseline, err)
	}
	if base.Split != o.Split {
		return fmt.Errorf("baseline %s is for split %q, evaluated %q", o.Baseline, base.Split, o.Split)
	}
	return base.Check(rep)
}

// searchAll screens every case on all cores, keeping every hit at or above
// floor.
func searchAll(ix *index.Index, cases []eval.Case, floor float64) [][]eval.Hit {
	out := make([][]eval.Hit, len(cases))
	cfg := ix.Config()
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				p, err := cfg.Prepare(cases[i].Query, ix)
				if err != nil {
					continue
				}
				for _, h := range ix.Search(p, index.Options{Threshold: floor}) {
					out[i] = append(out[i], eval.Hit{EntityID: h.EntityID, Score: h.Score})
				}
			}
		}()
	}
	for i := range cases {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

func printReport(w io.Writer, r eval.Report, misses int) {
	fmt.Fprintf(w, "%d cases: %d positive, %d negative\n\n", r.Cases, r.Positives, r.Negatives)
	tw := table(w)
	fmt.Fprintln(tw, "THRESHOLD\tRECALL\tPRECISION\tFPR\tF1\tMISSED\tFALSE HITS\tNEGATIVES HIT")
	for _, m := range r.Thresholds {
		mark := ""
		if m.Threshold == r.Default.Threshold {
			mark = " *"
		}
		fmt.Fprintf(tw, "%.2f%s\t%.4f\t%.4f\t%.4f\t%.4f\t%d\t%d\t%d\n", m.Threshold, mark, m.Recall, m.Precision, m.FPR, m.F1, m.Missed, m.FalseHits, m.NegativesHit)
	}
	tw.Flush()
	fmt.Fprintf(w, "\nBy kind, at %.2f (recall for variants, false-positive rate for negatives):\n", r.Default.Threshold)
	tw = table(w)
	for _, k := range r.Kinds {
		label := "recall"
		if !k.Positive {
			label = "FPR"
		}
		fmt.Fprintf(tw, "  %s\t%d cases\t%s %.4f\t%d wrong\n", k.Kind, k.Cases, label, k.Rate, k.Failures)
	}
	tw.Flush()
	if len(r.Misses) > 0 {
		fmt.Fprintf(w, "\nMisses (%d):\n", len(r.Misses))
		for i, m := range r.Misses {
			if i >= misses {
				fmt.Fprintf(w, "  ... %d more (--json lists them all)\n", len(r.Misses)-misses)
				break
			}
			top := ""
			if m.Top != nil {
				top = fmt.Sprintf("; top hit %s %.3f", m.Top.EntityID, m.Top.Score)
			}
			fmt.Fprintf(w, "  [%s] %q for %q (%s): expected scored %.3f%s\n", m.Case.Kind, m.Case.Query.Name, m.Case.Source, strings.Join(m.Case.Expect, ","), m.Expected, top)
		}
	}
	if len(r.FalseHits) > 0 {
		fmt.Fprintf(w, "\nFalse hits on negatives (%d):\n", len(r.FalseHits))
		for i, m := range r.FalseHits {
			if i >= misses {
				fmt.Fprintf(w, "  ... %d more (--json lists them all)\n", len(r.FalseHits)-misses)
				break
			}
			fmt.Fprintf(w, "  [%s] %q hit %s %.3f\n", m.Case.Kind, m.Case.Query.Name, m.Top.EntityID, m.Top.Score)
		}
	}
}

func runEvalPairs(ctx context.Context, g *globalOptions, o *evalOptions) error {
	pairs, err := eval.ReadPairs(o.Pairs, o.Split)
	if err != nil {
		return err
	}
	cfg, err := readConfig(o.Config)
	if err != nil {
		return usageError{err}
	}
	var background []*entity.Entity
	if o.data.From != "" {
		if background, err = loadEntities(ctx, g, &o.data); err != nil {
			return err
		}
	}
	scores, err := eval.ScorePairs(pairs, cfg, background, func(ix *index.Index) eval.TextFinder {
		scan := textscan.New(ix, textscan.Options{})
		return func(text string) []string {
			var out []string
			for _, f := range scan.Scan([]byte(text)) {
				if f.Kind == textscan.KindName {
					out = append(out, f.Text)
				}
			}
			return out
		}
	})
	if err != nil {
		return err
	}
	rep := eval.EvaluatePairs(pairs, scores, cfg.Threshold)
	if o.JSON {
		if err := writeJSON(g.stdout, rep); err != nil {
			return err
		}
	} else {
		printPairReport(g.stdout, rep, o.Misses)
	}
	if o.Baseline == "" {
		return nil
	}
	b, err := os.ReadFile(o.Baseline)
	if err != nil {
		return err
	}
	var base eval.PairBaseline
	if err := json.Unmarshal(b, &base); err != nil {
		return fmt.Errorf("%s: %w", o.Baseline, err)
	}
	if base.Split != o.Split {
		return fmt.Errorf("pairs baseline %s is for split %q, evaluated %q", o.Baseline, base.Split, o.Split)
	}
	return base.Check(rep)
}

func printPairReport(w io.Writer, r eval.PairReport, misses int) {
	fmt.Fprintf(w, "%d pairs at threshold %.2f\n\n", r.Overall.Pairs, r.Threshold)
	tw := table(w)
	fmt.Fprintln(tw, "CATEGORY\tPAIRS\tPRECISION\tRECALL\tF1\tMISSED\tFALSE HITS")
	for _, m := range append(r.Categories, r.Overall) {
		fmt.Fprintf(tw, "%s\t%d\t%.4f\t%.4f\t%.4f\t%d\t%d\n", m.Category, m.Pairs, m.Precision, m.Recall, m.F1, m.FN, m.FP)
	}
	tw.Flush()
	for _, l := range []struct {
		title string
		fs    []eval.PairFailure
	}{{"Missed matches", r.Misses}, {"False hits on near-misses", r.FalseHits}} {
		if len(l.fs) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s (%d):\n", l.title, len(l.fs))
		for i, f := range l.fs {
			if i >= misses {
				fmt.Fprintf(w, "  ... %d more (--json lists them all)\n", len(l.fs)-misses)
				break
			}
			fmt.Fprintf(w, "  [%s] %.3f %q ~ %q (%s)\n", f.Pair.Category, f.Score, f.Pair.Name1, f.Pair.Name2, f.Pair.Line)
		}
	}
}
