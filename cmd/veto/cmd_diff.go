package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source/all"
	"github.com/vetoscreen/veto/store"
)

type diffOptions struct {
	JSON    bool
	Summary bool
}

func newDiffCommand(g *globalOptions) *cobra.Command {
	var o diffOptions
	cmd := &cobra.Command{
		Use:   "diff PUBLISHER|LIST [FROM TO]",
		Short: "Show what changed between versions of a list",
		Long: `Show the entities added, removed and changed (with the changed properties)
between two versions of a list. Without FROM and TO: the change that brought
in the active version of each of the publisher's lists. FROM and TO are
version numbers from ` + "`veto lists`" + ` of one list; they need not be consecutive.

A value too long for one line that was replaced by a similar one is shown
as a word diff ("~"): the words both share are elided but for a few around
the change, and the change is marked [-removed-] {+added+}.`,
		Example: `  veto diff un
  veto diff ofac-sdn --summary
  veto diff un-sc 3 7 --json`,
		Args: args(func(cmd *cobra.Command, a []string) error {
			if len(a) != 1 && len(a) != 3 {
				return fmt.Errorf("want PUBLISHER|LIST, or PUBLISHER|LIST FROM TO; got %d arguments", len(a))
			}
			return nil
		}),
		RunE: func(cmd *cobra.Command, a []string) error { return runDiff(cmd.Context(), g, &o, a) },
	}
	cmd.Flags().BoolVar(&o.JSON, "json", false, "write JSON")
	cmd.Flags().BoolVar(&o.Summary, "summary", false, "print only the counts")
	return cmd
}

func runDiff(ctx context.Context, g *globalOptions, o *diffOptions, a []string) error {
	st, err := g.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	var diffs []*entity.Diff
	if len(a) == 3 {
		from, err1 := strconv.ParseInt(a[1], 10, 64)
		to, err2 := strconv.ParseInt(a[2], 10, 64)
		if err1 != nil || err2 != nil {
			return usageError{fmt.Errorf("FROM and TO must be version numbers, got %q %q", a[1], a[2])}
		}
		d, err := diffBetween(ctx, st, a[0], from, to)
		if err != nil {
			return err
		}
		diffs = append(diffs, d)
	} else {
		filter := store.VersionFilter{ActiveOnly: true}
		if _, err := all.Publisher(a[0]); err == nil {
			filter.Publisher = a[0]
		} else if _, _, err := all.List(a[0]); err == nil {
			filter.List = a[0]
		} else {
			return usageError{fmt.Errorf("%q is neither a publisher nor a list", a[0])}
		}
		vs, err := st.Versions(ctx, filter)
		if err != nil {
			return err
		}
		if len(vs) == 0 {
			return fmt.Errorf("no versions of %s stored", a[0])
		}
		for _, v := range vs {
			d, err := st.Diff(ctx, v.ID)
			if err != nil {
				return err
			}
			diffs = append(diffs, d)
		}
	}
	if o.JSON {
		return writeJSON(g.stdout, diffs)
	}
	for _, d := range diffs {
		printDiff(g.stdout, d, o.Summary)
	}
	return nil
}

// diffBetween returns the stored diff when FROM and TO are consecutive, and
// computes it from the two versions' entities otherwise.
func diffBetween(ctx context.Context, st store.Store, name string, from, to int64) (*entity.Diff, error) {
	vf, err := st.Version(ctx, from)
	if err != nil {
		return nil, err
	}
	vt, err := st.Version(ctx, to)
	if err != nil {
		return nil, err
	}
	if vf.List != vt.List {
		return nil, usageError{fmt.Errorf("versions %d (%s) and %d (%s) are of different lists", from, vf.List, to, vt.List)}
	}
	if vt.List != name && vt.Publisher != name {
		return nil, usageError{fmt.Errorf("version %d is of %s, not %s", to, vt.List, name)}
	}
	if d, err := st.Diff(ctx, to); err == nil && d.From == from {
		return d, nil
	} else if err != nil && !errors.Is(err, store.ErrNotFound) {
		return nil, err
	}
	old, err := st.Entities(ctx, from)
	if err != nil {
		return nil, err
	}
	cur, err := st.Entities(ctx, to)
	if err != nil {
		return nil, err
	}
	return entity.ComputeDiff(vt.List, from, to, old, cur), nil
}

func printDiff(w io.Writer, d *entity.Diff, summary bool) {
	from := "nothing (first version)"
	if d.From != 0 {
		from = fmt.Sprintf("version %d", d.From)
	}
	fmt.Fprintf(w, "%s: %s → version %d: %d added, %d removed, %d changed\n", d.List, from, d.To, d.Added, d.Removed, d.Changed)
	if summary {
		return
	}
	for _, c := range d.Changes {
		mark := map[string]string{entity.Added: "+", entity.Removed: "-", entity.Changed: "~"}[c.Change]
		fmt.Fprintf(w, "  %s %s  %s\n", mark, c.EntityID, c.Caption)
		for _, p := range c.Properties {
			removed, added, changed := pairLong(p.Removed, p.Added)
			for _, v := range removed {
				fmt.Fprintf(w, "      - %s: %s\n", p.Property, oneLine(v))
			}
			for _, v := range added {
				fmt.Fprintf(w, "      + %s: %s\n", p.Property, oneLine(v))
			}
			for _, ch := range changed {
				fmt.Fprintf(w, "      ~ %s: %s\n", p.Property, wordDiff(ch[0], ch[1]))
			}
		}
	}
}

// pairLong pairs each removed value with the added value most like it
// when either is too long to show on one line, to be shown as a word diff: the lines
// would otherwise be cut before the part that changed. The other values
// are returned as they were.
func pairLong(removed, added []string) (restRemoved, restAdded []string, changed [][2]string) {
	used := make([]bool, len(added))
	for _, r := range removed {
		best, bestSim := -1, 0
		for i, a := range added {
			long := len([]rune(r)) > maxOneLine || len([]rune(a)) > maxOneLine
			if sim := similarity(r, a); long && !used[i] && sim > bestSim {
				best, bestSim = i, sim
			}
		}
		if best < 0 {
			restRemoved = append(restRemoved, r)
			continue
		}
		used[best] = true
		changed = append(changed, [2]string{r, added[best]})
	}
	for i, a := range added {
		if !used[i] {
			restAdded = append(restAdded, a)
		}
	}
	return restRemoved, restAdded, changed
}

// maxOneLine is the longest value shown whole on one line.
const maxOneLine = 160

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > maxOneLine {
		s = string(r[:maxOneLine-3]) + "..."
	}
	return s
}
