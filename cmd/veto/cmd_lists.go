package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source/all"
	"github.com/vetoscreen/veto/source/ftm"
	"github.com/vetoscreen/veto/store"
)

type listsOptions struct {
	List     string
	Active   bool
	Warnings bool
	JSON     bool
}

func newListsCommand(g *globalOptions) *cobra.Command {
	var o listsOptions
	cmd := &cobra.Command{
		Use:   "lists",
		Short: "Show the stored list versions: dates, counts, warnings",
		Long: `Show every stored version of every list, newest first, with its kind
(sanction for the official lists; the kind given to a list imported with
veto import ftm or csv), regime, publish date, entity count and parser
warnings; the active version of each list is
marked with *. --warnings prints each warning with the file and line where
it first occurred.`,
		Example: `  veto lists
  veto lists --active
  veto lists --list ofac-sdn --warnings
  veto lists --json`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error { return runLists(cmd.Context(), g, &o) },
	}
	f := cmd.Flags()
	f.StringVar(&o.List, "list", "", "show only this list")
	f.BoolVar(&o.Active, "active", false, "show only the active version of each list")
	f.BoolVar(&o.Warnings, "warnings", false, "print every warning")
	f.BoolVar(&o.JSON, "json", false, "write JSON")
	cmd.AddCommand(newListsGenerateCommand(g))
	return cmd
}

func newListsGenerateCommand(g *globalOptions) *cobra.Command {
	var seed uint64
	var out, pool string
	cmd := &cobra.Command{
		Use:   "generate N",
		Short: "Write N synthetic entities as FtM JSON lines, for scale tests",
		Long: `Write N realistic synthetic entities as FollowTheMoney JSON lines: people
(60%), companies, organisations and vessels, with aliases, dates, countries,
identifiers and OpenSanctions topics, and the Sanction, Occupancy/Position and
Ownership records that veto import ftm attaches to them. People's names are
drawn from the name pairs of --names (default: names/nmvw_wikidata_name_pairs/
name_pairs.txt under $VETO_SHARED_DATA, when there), whole or recombined
within one script, else from built-in shapes in several scripts. The output
is the same, byte for byte, for the same N, seed and names.`,
		Example: `  veto lists generate 250000 --seed 1 -o gen-250k.ftm.json
  veto import ftm gen-250k.ftm.json --list gen-250k --kind other`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			n, err := strconv.Atoi(a[0])
			if err != nil || n < 1 {
				return usageError{fmt.Errorf("N %q: want a positive number of entities", a[0])}
			}
			if pool == "" {
				if dir := os.Getenv("VETO_SHARED_DATA"); dir != "" {
					if p := filepath.Join(dir, "names", "nmvw_wikidata_name_pairs", "name_pairs.txt"); fileExists(p) {
						pool = p
					}
				}
			}
			gen := ftm.Generator{Seed: seed}
			if pool != "" {
				if gen.Names, err = ftm.LoadNamePool(pool); err != nil {
					return err
				}
			}
			if out == "-" {
				return gen.Generate(g.stdout, n)
			}
			f, err := os.Create(out)
			if err != nil {
				return err
			}
			if err := gen.Generate(f, n); err != nil {
				f.Close()
				return fmt.Errorf("generate %s: %w", out, err)
			}
			return f.Close()
		},
	}
	f := cmd.Flags()
	f.Uint64Var(&seed, "seed", 1, "the seed: the same seed writes the same entities")
	f.StringVarP(&out, "output", "o", "-", "the file to write (- for standard output)")
	f.StringVar(&pool, "names", "", "a name-pairs file to draw people's names from")
	return cmd
}

func fileExists(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular()
}

// listVersionJSON is a version as `veto lists --json` writes it: with
// its list's kind and regime.
type listVersionJSON struct {
	entity.ListVersion
	Kind   string `json:"kind"`
	Regime string `json:"regime"`
}

func runLists(ctx context.Context, g *globalOptions, o *listsOptions) error {
	if err := checkList("list", o.List); err != nil {
		return err
	}
	st, err := g.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	vs, err := st.Versions(ctx, store.VersionFilter{List: o.List, ActiveOnly: o.Active})
	if err != nil {
		return err
	}
	if o.JSON {
		out := make([]listVersionJSON, len(vs))
		for i, v := range vs {
			out[i] = listVersionJSON{v, all.Kind(v.List), all.Jurisdiction(v.List)}
		}
		return writeJSON(g.stdout, out)
	}
	if len(vs) == 0 {
		fmt.Fprintln(g.stdout, "No list versions stored. Run `veto update`, or `veto import PUBLISHER PATH`.")
		return nil
	}
	tw := table(g.stdout)
	fmt.Fprintln(tw, "\tLIST\tKIND\tREGIME\tVERSION\tPUBLISHED\tFETCHED\tENTITIES\tWARNINGS\tFORMAT")
	for _, v := range vs {
		mark := ""
		if v.Active {
			mark = "*"
		}
		warnings := 0
		for _, w := range v.Warnings {
			warnings += w.Count
		}
		pub := v.PublishedText()
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\t%s\t%d\t%d\t%s\n", mark, v.List, all.Kind(v.List), all.Jurisdiction(v.List), v.ID, pub, v.FetchedAt.UTC().Format("2006-01-02 15:04"), v.EntityCount, warnings, v.Format)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if o.Warnings {
		for _, v := range vs {
			for _, w := range v.Warnings {
				loc := w.File
				if w.Line > 0 {
					loc = fmt.Sprintf("%s:%d", w.File, w.Line)
				}
				fmt.Fprintf(g.stdout, "%s version %d: %s: %s %s (%s)\n", v.List, v.ID, loc, w.Field, w.Message, plural(w.Count, "time"))
			}
		}
	}
	return nil
}
