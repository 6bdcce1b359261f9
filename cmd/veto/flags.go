package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/source/all"
	"github.com/vetoscreen/veto/store"
)

// listNamesAndRegimes are the values --lists takes: every list veto
// reads and every regime they belong to.
func listNamesAndRegimes() (lists, regimes []string) {
	for _, p := range all.Publishers() {
		for _, l := range p.Lists {
			lists = append(lists, l.Name)
			if j := all.Jurisdiction(l.Name); !slices.Contains(regimes, j) {
				regimes = append(regimes, j)
			}
		}
	}
	lists = append(lists, all.UserLists()...)
	for _, r := range all.Regimes() {
		if !slices.Contains(regimes, r) {
			regimes = append(regimes, r)
		}
	}
	slices.Sort(lists)
	slices.Sort(regimes)
	return lists, regimes
}

// loadListInfos makes the lists imported with `veto import ftm|csv`
// known to the checks above, before a command that names lists with
// --list, --lists or --regimes (or their kinds, --kinds) checks them. A
// store that cannot be opened is left for the command to report.
func (g *globalOptions) loadListInfos(cmd *cobra.Command) {
	named := false
	for _, f := range []string{"list", "lists", "regimes", "kinds", "exclude-kinds"} {
		if fl := cmd.Flags().Lookup(f); fl != nil && fl.Changed {
			named = true
		}
	}
	if !named {
		return
	}
	if st, err := g.openStore(cmd.Context()); err == nil {
		st.Close()
	}
}

// checkLists refuses a --lists value that is neither a list nor a regime:
// a misspelt list ("uk-ofsy") would screen against nothing and report no
// hit.
func checkLists(flag string, values []string) error {
	lists, regimes := listNamesAndRegimes()
	for _, v := range values {
		if !slices.Contains(lists, v) && !slices.Contains(regimes, v) {
			return usageError{fmt.Errorf("--%s %q: want a regime (%s) or a list (%s)", flag, v, strings.Join(regimes, ", "), strings.Join(lists, ", "))}
		}
	}
	return nil
}

// checkList refuses a --list value that names no list veto reads.
func checkList(flag, value string) error {
	if value == "" {
		return nil
	}
	lists, _ := listNamesAndRegimes()
	if !slices.Contains(lists, value) {
		return usageError{fmt.Errorf("--%s %q: want one of %s", flag, value, strings.Join(lists, ", "))}
	}
	return nil
}

// checkOneOf refuses a value of a flag with a fixed set of values.
func checkOneOf(flag, value string, allowed ...string) error {
	if !slices.Contains(allowed, value) {
		return usageError{fmt.Errorf("--%s %q: want one of %s", flag, value, strings.Join(allowed, ", "))}
	}
	return nil
}

// addKindFlags adds the flags of a screening profile's list kinds and
// entity topics.
func addKindFlags(f *pflag.FlagSet, kinds, exclude, topics *[]string) {
	f.StringSliceVar(kinds, "kinds", nil, "only hits on lists of these kinds ("+strings.Join(entity.Kinds, ", ")+")")
	f.StringSliceVar(exclude, "exclude-kinds", nil, "no hits on lists of these kinds")
	f.StringSliceVar(topics, "topics", nil, "only entities with one of these topics (role.pep, role.rca, sanction, crime, ...: imported FtM lists carry them)")
}

// checkKinds refuses a value of a kind flag (--kind, --kinds,
// --exclude-kinds) that is no list kind; "" is no value.
func checkKinds(flag string, kinds ...string) error {
	for _, k := range kinds {
		if k != "" && !slices.Contains(entity.Kinds, k) {
			return usageError{fmt.Errorf("--%s %q: want one of %s", flag, k, strings.Join(entity.Kinds, ", "))}
		}
	}
	return nil
}

// kindNote says the kinds of a hit's lists when one is not a sanctions
// list: "  (pep)"; nothing for a hit on sanctions lists only.
func kindNote(kinds []string) string {
	if len(kinds) == 0 || slices.Equal(kinds, []string{entity.KindSanction}) {
		return ""
	}
	return "  (" + strings.Join(kinds, ", ") + ")"
}

// printImported prints what the records of a hit on an imported list
// (veto import ftm|csv) hold beyond its names: the topics, programmes,
// positions and relations attached to it, read from the store for the
// hit only. Hits on official lists only print nothing.
func printImported(ctx context.Context, w io.Writer, st store.Lists, h screen.Hit) {
	if !slices.ContainsFunc(h.Lists, func(l string) bool { return !all.IsOfficial(l) }) {
		return
	}
	recs, err := st.Entity(ctx, h.EntityID)
	if err != nil {
		return // screened from files (--from), or gone since
	}
	var parts []string
	add := func(label string, vs []string) {
		if len(vs) > 0 {
			parts = append(parts, label+": "+strings.Join(vs, "; "))
		}
	}
	for _, e := range recs {
		if all.IsOfficial(e.List) {
			continue
		}
		add("topics", e.Topics)
		add("programmes", e.Programs)
		add("positions", e.Props["position"])
		var rels []string
		for _, r := range e.Relations {
			rels = append(rels, r.Label()+" "+cmp.Or(r.Name, r.Target))
		}
		add("relations", rels)
	}
	if len(parts) > 0 {
		fmt.Fprintf(w, "     %s\n", strings.Join(parts, "  |  "))
	}
}
