package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/vetoscreen/veto/eval"
)

type devsetOptions struct {
	data   dataOptions
	People string
	Seed   uint64
	Output string
}

func newDevsetCommand(g *globalOptions) *cobra.Command {
	var o devsetOptions
	cmd := &cobra.Command{
		Use:   "devset",
		Short: "Generate the labelled development set for veto eval",
		Long: `Generate labelled queries from the lists: variants of listed names that
must be found (reordered, respelled, in Cyrillic or Arabic script, with
typos, initials, dropped middle names, other legal forms; and matching v2's
kinds: parts of long names, titles, glued and split words, digits for
letters, numbers in words, acronyms, national spellings, nicknames) and
names that must not hit: unlisted people and companies (including people
who share a first or last name with a listed person), and listed names
with one part that says another party (another patronymic, father and son
swapped, another legal form, number or given name, a nickname with another
surname). Each case is in the dev or the test split. The same lists and
seed give the same set.`,
		Example: `  veto devset --from ../shared/data --people ../shared/data/names/nmvw_wikidata_name_pairs/name_pairs.txt -o dev.jsonl
  veto eval dev.jsonl --from ../shared/data`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error { return runDevset(cmd.Context(), g, &o) },
	}
	f := cmd.Flags()
	o.data.addFlags(f)
	f.StringVar(&o.People, "people", "", "names of unlisted people: the name-pairs file (default: names/nmvw_wikidata_name_pairs/name_pairs.txt under --from)")
	f.Uint64Var(&o.Seed, "seed", 1, "random seed")
	f.StringVarP(&o.Output, "output", "o", "", "write the set here instead of standard output")
	return cmd
}

func runDevset(ctx context.Context, g *globalOptions, o *devsetOptions) error {
	ents, err := loadEntities(ctx, g, &o.data)
	if err != nil {
		return err
	}
	people := o.People
	if people == "" && o.data.From != "" {
		people = filepath.Join(o.data.From, "names", "nmvw_wikidata_name_pairs", "name_pairs.txt")
	}
	if people == "" {
		return usageError{fmt.Errorf("--people is required without --from")}
	}
	pf, err := os.Open(people)
	if err != nil {
		return err
	}
	defer pf.Close()
	names, err := eval.ReadPeople(pf)
	if err != nil {
		return err
	}
	cases := eval.Generate(ents, names, o.Seed, eval.DefaultSizes)
	w := g.stdout
	if o.Output != "" {
		f, err := os.Create(o.Output)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for _, c := range cases {
		if err := enc.Encode(c); err != nil {
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	g.logger().Info("development set written", "cases", len(cases))
	return nil
}
