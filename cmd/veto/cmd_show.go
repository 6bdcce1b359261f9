package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
)

type showOptions struct {
	JSON bool
	Raw  bool
}

func newShowCommand(g *globalOptions) *cobra.Command {
	var o showOptions
	cmd := &cobra.Command{
		Use:   "show ENTITY-ID",
		Short: "Show a listed entity, the publisher's raw record, and its version history",
		Long: `Show an entity of the active list versions: every property veto read, the
publisher's raw record exactly as the list wrote it, and the versions of the
list in which it was added, changed or removed. An entity on several lists
(an OFAC designation that is also on the US Consolidated Screening List) is
shown once per list.`,
		Example: `  veto show ofac-35233
  veto show un-QDi.430 --json`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error { return runShow(cmd.Context(), g, &o, a[0]) },
	}
	cmd.Flags().BoolVar(&o.JSON, "json", false, "write JSON")
	cmd.Flags().BoolVar(&o.Raw, "raw", true, "include the raw record")
	return cmd
}

// shown is `veto show --json` output.
type shown struct {
	ID       string                `json:"id"`
	Records  []*entity.Entity      `json:"records"`
	History  []store.EntityVersion `json:"history"`
	Inactive bool                  `json:"inactive,omitempty"`
	// Subject is the subject the entity was a member of at the last
	// resolution the store holds (none before one, or alone).
	Subject *shownSubject `json:"subject,omitempty"`
}

// shownSubject is a subject of several listings as the store's last
// resolution left it: its ID and members.
type shownSubject struct {
	ID      string   `json:"id"`
	Members []string `json:"members"`
}

// subjectOf returns the subject of id in the stored map of the last
// resolution (see veto subjects), nil when id is alone in it or absent:
// no index is built nor resolution made to show one entity.
func subjectOf(ids map[string]string, id string) *shownSubject {
	sub, ok := ids[id]
	if !ok {
		return nil
	}
	var members []string
	for e, s := range ids {
		if s == sub {
			members = append(members, e)
		}
	}
	if len(members) < 2 {
		return nil
	}
	slices.Sort(members)
	return &shownSubject{ID: sub, Members: members}
}

func runShow(ctx context.Context, g *globalOptions, o *showOptions, id string) error {
	st, err := g.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	hist, err := st.EntityHistory(ctx, id)
	if err != nil {
		return err
	}
	recs, err := st.Entity(ctx, id)
	out := shown{ID: id, History: hist}
	if err != nil {
		// No active list has it any more: show the last stored record.
		last := hist[len(hist)-1]
		for i := len(hist) - 1; i >= 0 && last.Change == entity.Removed; i-- {
			last = hist[i]
		}
		ents, err := st.Entities(ctx, last.VersionID)
		if err != nil {
			return err
		}
		if i := slices.IndexFunc(ents, func(e *entity.Entity) bool { return e.ID == id }); i >= 0 {
			recs = []*entity.Entity{ents[i]}
		}
		out.Inactive = true
	}
	out.Records = recs
	ids, err := st.SubjectIDs(ctx)
	if err != nil {
		return err
	}
	out.Subject = subjectOf(ids, id)
	if !o.Raw {
		for _, r := range recs {
			r.Raw = entity.Raw{}
		}
	}
	if o.JSON {
		return writeJSON(g.stdout, out)
	}
	if out.Inactive {
		fmt.Fprintf(g.stdout, "%s is on no active list version; last record:\n", id)
	}
	for _, r := range recs {
		printEntity(g.stdout, r, o.Raw)
	}
	if sub := out.Subject; sub != nil {
		fmt.Fprintf(g.stdout, "Subject %s, %d listings at the last resolution: %s\n  (veto subjects show %s: the evidence that joined each)\n",
			sub.ID, len(sub.Members), strings.Join(sub.Members, ", "), sub.ID)
	}
	fmt.Fprintln(g.stdout, "History:")
	tw := table(g.stdout)
	for _, h := range hist {
		change := h.Change
		if change == "" {
			change = "unchanged"
		}
		active := ""
		if h.Active {
			active = "active"
		}
		var props []string
		for _, p := range h.Properties {
			props = append(props, p.Property)
		}
		fmt.Fprintf(tw, "  %s\tversion %d\tpublished %s\t%s\t%s\t%s\n", h.List, h.VersionID, day(h.Published), change, strings.Join(props, ", "), active)
	}
	return tw.Flush()
}

func printEntity(w io.Writer, e *entity.Entity, raw bool) {
	fmt.Fprintf(w, "%s  %s  [%s]  list %s\n", e.ID, e.Caption(), e.Schema, e.List)
	tw := table(w)
	props := e.Properties()
	keys := make([]string, 0, len(props))
	for k := range props {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		if ra, rb := propRank(a), propRank(b); ra != rb {
			return ra - rb
		}
		return strings.Compare(a, b)
	})
	for _, k := range keys {
		for i, v := range props[k] {
			label := k
			if i > 0 {
				label = ""
			}
			fmt.Fprintf(tw, "  %s\t%s\n", label, oneLine(v))
		}
	}
	tw.Flush()
	if raw && e.Raw.Text != "" {
		fmt.Fprintf(w, "Raw record (%s):\n%s\n", e.Raw.Format, indent(e.Raw.Text, "  "))
	}
}

// propRank orders the most useful properties first.
func propRank(p string) int {
	order := []string{"name", "alias", "weakAlias", "previousName", "birthDate", "birthPlace", "nationality", "citizenship", "country", "gender"}
	if i := slices.Index(order, p); i >= 0 {
		return i
	}
	return len(order)
}

func indent(s, prefix string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = prefix + strings.TrimRight(l, "\r")
	}
	return strings.Join(lines, "\n")
}
