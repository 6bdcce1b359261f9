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
version numbers from ` + "`veto lists`" + ` of one list; they need not be consecutive.`,
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
			for _, v := range p.Removed {
				fmt.Fprintf(w, "      - %s: %s\n", p.Property, oneLine(v))
			}
			for _, v := range p.Added {
				fmt.Fprintf(w, "      + %s: %s\n", p.Property, oneLine(v))
			}
		}
	}
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 160 {
		s = string(r[:157]) + "..."
	}
	return s
}
