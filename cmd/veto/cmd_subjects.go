package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/vetoscreen/veto/index"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/resolve"
)

type subjectsOptions struct {
	dataOptions
	JSON bool
	// Possible is how many possible-same pairs stats lists.
	Possible int
}

func newSubjectsCommand(g *globalOptions) *cobra.Command {
	var o subjectsOptions
	cmd := &cobra.Command{
		Use:   "subjects",
		Short: "Group the listings of every list into sanctioned subjects, and show them",
		Long: `One person listed by five governments is one subject. veto groups the
listings of the active list versions (or of --from's files) by the evidence
they carry, strongest first: the publishers' own cross-references (UN
reference numbers quoted by the UK and EU lists, OFSI group IDs), shared
identifying numbers (passport, IMO, BIC, crypto address, registration), and
for people the names with the same full date of birth, for organisations the
names with a shared country and address, or names that find only one listing
on another list. Contradictions (another full date of birth, gender, IMO or
registration number, a second listing of one list) veto all but the
publishers' references. Pairs whose names agree without enough evidence are
listed as possible-same pairs for an analyst.`,
		Example: `  veto subjects stats --from ../shared/data
  veto subjects show ofac-35233 --from ../shared/data
  veto subjects show vs-f7cafae969a3 --json`,
	}
	stats := &cobra.Command{
		Use:   "stats",
		Short: "Listings, subjects, evidence and the largest subjects",
		Args:  args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runSubjectsStats(cmd.Context(), cmd.OutOrStdout(), g, &o)
		},
	}
	stats.Flags().IntVar(&o.Possible, "possible", 10, "possible-same pairs listed")
	show := &cobra.Command{
		Use:   "show ID",
		Short: "A subject, by its ID or any member's entity ID: its listings and the evidence that joined them",
		Args:  args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			return runSubjectsShow(cmd.Context(), cmd.OutOrStdout(), g, &o, a[0])
		},
	}
	for _, c := range []*cobra.Command{stats, show} {
		o.addFlags(c.Flags())
		c.Flags().BoolVar(&o.JSON, "json", false, "write JSON")
	}
	cmd.AddCommand(stats, show)
	return cmd
}

// resolveListings resolves the entities the options choose, and says how
// long the resolution took.
func resolveListings(ctx context.Context, g *globalOptions, o *subjectsOptions) (*resolve.Resolution, time.Duration, error) {
	ents, err := loadEntities(ctx, g, &o.dataOptions)
	if err != nil {
		return nil, 0, err
	}
	ix := index.Build(ents, match.DefaultConfig())
	start := time.Now()
	res, err := resolve.Resolve(ctx, ix, ents, resolve.Options{})
	return res, time.Since(start), err
}

func runSubjectsStats(ctx context.Context, w io.Writer, g *globalOptions, o *subjectsOptions) error {
	res, took, err := resolveListings(ctx, g, o)
	if err != nil {
		return err
	}
	st := res.Stats()
	if o.JSON {
		out := struct {
			resolve.Stats
			Seconds  float64        `json:"seconds"`
			Possible []resolve.Link `json:"possiblePairs"`
		}{st, took.Seconds(), res.Possible[:min(o.Possible, len(res.Possible))]}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	fmt.Fprintf(w, "%d listings in %d subjects (%d of several listings), resolved in %.1f s\n", st.Listings, st.Subjects, st.Joined, took.Seconds())
	fmt.Fprintf(w, "\nSubjects by schema:\n")
	for _, s := range sortedKeys(st.BySchema) {
		fmt.Fprintf(w, "  %-14s %7d\n", s, st.BySchema[s])
	}
	fmt.Fprintf(w, "\nListings per subject:\n")
	sizes := make([]int, 0, len(st.Sizes))
	for n := range st.Sizes {
		sizes = append(sizes, n)
	}
	slices.Sort(sizes)
	for _, n := range sizes {
		fmt.Fprintf(w, "  %2d %7d\n", n, st.Sizes[n])
	}
	fmt.Fprintf(w, "\nLinks by evidence (joined / vetoed by a contradiction or a decision):\n")
	for _, e := range resolve.Evidences {
		fmt.Fprintf(w, "  %-22s %6d / %d\n", e, st.Links[e], st.Vetoed[e])
	}
	fmt.Fprintf(w, "\nLargest subjects:\n")
	for _, s := range st.Largest {
		fmt.Fprintf(w, "  %s %-40s %s\n", s.ID, clip(s.Caption, 40), strings.Join(s.MemberIDs(), " "))
	}
	fmt.Fprintf(w, "\n%d possible-same pairs for an analyst", st.Possible)
	if n := min(o.Possible, len(res.Possible)); n > 0 {
		fmt.Fprintf(w, ", the first %d:\n", n)
		for _, p := range res.Possible[:n] {
			fmt.Fprintf(w, "  %.2f %s / %s (%s: %s)\n", p.Score, p.A, p.B, p.Evidence, p.Detail)
		}
		return nil
	}
	fmt.Fprintln(w)
	return nil
}

func runSubjectsShow(ctx context.Context, w io.Writer, g *globalOptions, o *subjectsOptions, id string) error {
	res, _, err := resolveListings(ctx, g, o)
	if err != nil {
		return err
	}
	s, ok := res.Subject(id)
	if !ok {
		return fmt.Errorf("no subject or listing %q in the active lists", id)
	}
	if o.JSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(s)
	}
	fmt.Fprintf(w, "%s  %s (%s), on %s\n\n", s.ID, s.Caption, s.Schema, strings.Join(s.Lists(), ", "))
	for _, m := range s.Members {
		fmt.Fprintf(w, "  %-28s %-44s %s\n", m.EntityID, clip(m.Caption, 44), strings.Join(m.Lists, ", "))
	}
	if len(s.Links) > 0 {
		fmt.Fprintf(w, "\nJoined by:\n")
		for _, l := range s.Links {
			fmt.Fprintf(w, "  %s – %s: %s, score %.2f", l.A, l.B, l.Evidence, l.Score)
			if l.Detail != "" {
				fmt.Fprintf(w, " (%s)", l.Detail)
			}
			fmt.Fprintln(w)
		}
	}
	return nil
}

func sortedKeys[K ~string, V any](m map[K]V) []K {
	ks := make([]K, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// clip cuts s to n runes, marking the cut.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
