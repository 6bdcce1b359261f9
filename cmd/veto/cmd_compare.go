package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
)

type compareOptions struct {
	Schema string
	JSON   bool
	JSONL  string
}

func newCompareCommand(g *globalOptions) *cobra.Command {
	var o compareOptions
	cmd := &cobra.Command{
		Use:   "compare NAME1 NAME2 | --jsonl FILE|-",
		Short: "Score two names against each other, with no index",
		Long: `Score NAME1 (as a query) against NAME2 (as a listed name) with the same
scorer as screening, and explain the score. Without an index there are no
corpus statistics: words weigh the same, except common organisation words
and given names, particles, legal forms and initials.

With --jsonl, read lines {"schema":"Person","name1":"...","name2":"..."} and
write lines {"score":0.93,"match":true}.`,
		Example: `  veto compare "Sergey Lavrov" "LAVROV, Sergei Viktorovich"
  veto compare "بشار الأسد" "AL-ASSAD, Bashar" --json
  veto compare --jsonl pairs.jsonl`,
		Args: args(func(cmd *cobra.Command, a []string) error {
			if o.JSONL == "" && len(a) != 2 {
				return fmt.Errorf("want NAME1 NAME2, or --jsonl FILE")
			}
			if o.JSONL != "" && len(a) != 0 {
				return fmt.Errorf("give either names or --jsonl, not both")
			}
			return nil
		}),
		RunE: func(cmd *cobra.Command, a []string) error {
			if o.JSONL != "" {
				return runCompareJSONL(cmd.Context(), g, &o)
			}
			return runCompare(g, &o, a[0], a[1])
		},
	}
	cmd.Flags().StringVar(&o.Schema, "schema", "", "Person, Organization, Company, LegalEntity, Vessel or Airplane")
	cmd.Flags().BoolVar(&o.JSON, "json", false, "write JSON")
	cmd.Flags().StringVar(&o.JSONL, "jsonl", "", "compare the pairs in this JSON-lines file (- for standard input)")
	return cmd
}

func runCompare(g *globalOptions, o *compareOptions, a, b string) error {
	cfg := match.DefaultConfig()
	r, err := cfg.Compare(entity.Schema(o.Schema), a, b)
	if err != nil {
		return usageError{err}
	}
	if o.JSON {
		return writeJSON(g.stdout, r)
	}
	verdict := "no match"
	if r.Match {
		verdict = "match"
	}
	fmt.Fprintf(g.stdout, "%.3f  %s (threshold %.2f)\n", r.Score, verdict, cfg.Threshold)
	printExplanation(g.stdout, r.Explanation)
	return nil
}

type comparePair struct {
	Schema string `json:"schema"`
	Name1  string `json:"name1"`
	Name2  string `json:"name2"`
}

func runCompareJSONL(ctx context.Context, g *globalOptions, o *compareOptions) error {
	in, closeIn, err := openInput(g, o.JSONL)
	if err != nil {
		return err
	}
	defer closeIn()
	cfg := match.DefaultConfig()
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	bw := bufio.NewWriter(g.stdout)
	defer bw.Flush()
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	line := 0
	for sc.Scan() {
		line++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		if line%1024 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		var p comparePair
		dec := json.NewDecoder(strings.NewReader(sc.Text()))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&p); err != nil {
			return fmt.Errorf("%s:%d: %w", o.JSONL, line, err)
		}
		schema := entity.Schema(p.Schema)
		if o.Schema != "" && p.Schema == "" {
			schema = entity.Schema(o.Schema)
		}
		r, err := cfg.Compare(schema, p.Name1, p.Name2)
		if err != nil {
			return fmt.Errorf("%s:%d: %w", o.JSONL, line, err)
		}
		if err := enc.Encode(struct {
			Score float64 `json:"score"`
			Match bool    `json:"match"`
		}{r.Score, r.Match}); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", o.JSONL, line, err)
	}
	return nil
}
