package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/vetoscreen/veto/app"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/resolve"
	"github.com/vetoscreen/veto/resolve/decide"
)

type subjectsOptions struct {
	dataOptions
	JSON bool
	// Possible is how many possible-same pairs stats lists, Largest how
	// many of the largest subjects; Limit how many possible lists (0:
	// all).
	Possible, Largest, Limit int
	// Note is an analyst's reason for a decision.
	Note string
	// All lists revoked decisions and revocations too.
	All bool
}

func newSubjectsCommand(g *globalOptions) *cobra.Command {
	var o subjectsOptions
	cmd := &cobra.Command{
		Use:   "subjects",
		Short: "Group the listings of every list into sanctioned subjects, show them, and decide where they are wrong",
		Long: `One person listed by five governments is one subject. veto groups the
listings of the active list versions (or of --from's files) by the evidence
they carry, strongest first: an analyst's decision, the publishers' own
cross-references (UN reference numbers quoted by the UK and EU lists, OFSI
group IDs), shared identifying numbers (passport, IMO, BIC, crypto address,
registration), and for people the names with the same full date of birth,
for organisations the names with a shared country and address, or names
that find only one listing on another list. Contradictions (another full
date of birth, gender, IMO or registration number, a second listing of one
list) veto all but the publishers' references. Pairs whose names agree
without enough evidence are listed as possible-same pairs for an analyst.

The analyst decides: merge joins subjects or listings, not-same keeps two
apart, split makes a listing a subject of its own. Decisions are kept in
the store (--db) with who took them and why, recorded in the audit trail,
and applied at every resolution, so they outlive list updates; revoke
undoes one, as a decision of its own. A subject ID named stands for the
subject's listings at the time. A subject keeps its ID across list versions:
each resolution of the store's lists stores its IDs, and the next keeps them
(a resolution of --from's files reads them, and stores nothing).`,
		Example: `  veto subjects stats --from ../shared/data
  veto subjects show ofac-35233
  veto subjects possible
  veto subjects merge vs-f7cafae969a3 au-4410 --note "same passport, court record 2024/118"
  veto subjects not-same ofac-16671 uk-ofsi-14182 --note "brothers: Boris, not Arkady"
  veto subjects split eu-1234 --note "another man of that name"
  veto subjects decisions --all
  veto subjects revoke 3 --note "merged in error"`,
	}
	stats := &cobra.Command{
		Use:   "stats",
		Short: "Listings, subjects, evidence, the largest subjects and the possible-same queue",
		Args:  args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runSubjectsStats(cmd.Context(), g.stdout, g, &o)
		},
	}
	show := &cobra.Command{
		Use:   "show ID",
		Short: "A subject, by its ID or any member's entity ID: its listings, the evidence that joined them and the decisions",
		Args:  args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			return runSubjectsShow(cmd.Context(), g.stdout, g, &o, a[0])
		},
	}
	possible := &cobra.Command{
		Use:   "possible",
		Short: "The possible-same queue: pairs of listings whose names agree without enough evidence, for an analyst to merge or keep apart",
		Args:  args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runSubjectsPossible(cmd.Context(), g, &o)
		},
	}
	decision := func(kind, use, short string, check cobra.PositionalArgs) *cobra.Command {
		return &cobra.Command{
			Use: use, Short: short, Args: args(check),
			RunE: func(cmd *cobra.Command, a []string) error {
				return runSubjectsDecide(cmd.Context(), g, &o, kind, a)
			},
		}
	}
	merge := decision(entity.DecisionMerge, "merge ID ID...", "Merge subjects or listings (subject or entity IDs) into one subject", cobra.MinimumNArgs(2))
	notSame := decision(entity.DecisionNotSame, "not-same ID ID", "Keep two subjects or listings apart, whatever the evidence", cobra.ExactArgs(2))
	split := decision(entity.DecisionAlone, "split ENTITY-ID", "Split a listing from its subject: it joins no other but by a merge", cobra.ExactArgs(1))
	decisions := &cobra.Command{
		Use:   "decisions",
		Short: "The decisions in force, with who took them and when (--all: revoked ones and revocations too)",
		Args:  args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runSubjectsDecisions(cmd.Context(), g, &o)
		},
	}
	decisions.Flags().BoolVar(&o.All, "all", false, "list revoked decisions and revocations too")
	revoke := &cobra.Command{
		Use:   "revoke DECISION-ID",
		Short: "Revoke a decision: recorded as a decision of its own; the revoked one stays in the store",
		Args:  args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			return runSubjectsRevoke(cmd.Context(), g, &o, a[0])
		},
	}
	revoke.Flags().StringVar(&o.Note, "note", "", "why")
	stats.Flags().IntVar(&o.Possible, "possible", 10, "possible-same pairs listed")
	stats.Flags().IntVar(&o.Largest, "largest", 10, "largest subjects listed")
	possible.Flags().IntVar(&o.Limit, "limit", 0, "pairs listed, highest score first (0: all)")
	for _, c := range []*cobra.Command{merge, notSame, split} {
		c.Flags().StringVar(&o.Note, "note", "", "why: kept with the decision and in the audit trail (required)")
	}
	for _, c := range []*cobra.Command{stats, show, possible, merge, notSame, split} {
		o.addFlags(c.Flags())
	}
	for _, c := range []*cobra.Command{stats, show, possible, decisions, merge, notSame, split, revoke} {
		c.Flags().BoolVar(&o.JSON, "json", false, "write JSON")
	}
	cmd.AddCommand(stats, show, possible, merge, notSame, split, decisions, revoke)
	return cmd
}

// resolveSubjects returns the resolution of the snapshot the options
// choose, made with it: that of the store's active versions, with the
// decisions in force and the subject IDs stored last (and the new ones
// stored), or that of --from's files (their IDs not kept); and how long
// the resolution took. The caller closes the app.
func resolveSubjects(ctx context.Context, g *globalOptions, o *subjectsOptions) (*decide.Resolved, *app.App, time.Duration, error) {
	a, snap, err := openSnapshot(ctx, g, &o.dataOptions, match.DefaultConfig())
	if err != nil {
		return nil, nil, 0, err
	}
	res := snap.Subjects()
	if res == nil {
		a.Close()
		return nil, nil, 0, fmt.Errorf("resolve the subjects: %w", cmp.Or(snap.SubjectsErr(), errors.New("no resolution made")))
	}
	return res, a, snap.ResolvedIn(), nil
}

func runSubjectsStats(ctx context.Context, w io.Writer, g *globalOptions, o *subjectsOptions) error {
	res, a, took, err := resolveSubjects(ctx, g, o)
	if err != nil {
		return err
	}
	a.Close()
	stats := res.Stats()
	stats.Largest = res.Largest(o.Largest)
	if o.JSON {
		return writeJSON(w, struct {
			resolve.Stats
			Seconds   float64        `json:"seconds"`
			Decisions int            `json:"decisions"`
			Possible  []resolve.Link `json:"possiblePairs"`
		}{stats, took.Seconds(), len(res.Decisions), res.Possible[:min(o.Possible, len(res.Possible))]})
	}
	fmt.Fprintf(w, "%d listings in %d subjects (%d of several listings), resolved in %.1f s with %d analysts' decisions\n",
		stats.Listings, stats.Subjects, stats.Joined, took.Seconds(), len(res.Decisions))
	fmt.Fprintf(w, "\nSubjects by schema:\n")
	for _, s := range sortedKeys(stats.BySchema) {
		fmt.Fprintf(w, "  %-14s %7d\n", s, stats.BySchema[s])
	}
	fmt.Fprintf(w, "\nListings per subject:\n")
	sizes := make([]int, 0, len(stats.Sizes))
	for n := range stats.Sizes {
		sizes = append(sizes, n)
	}
	slices.Sort(sizes)
	for _, n := range sizes {
		fmt.Fprintf(w, "  %2d %7d\n", n, stats.Sizes[n])
	}
	fmt.Fprintf(w, "\nLinks by evidence (joined / vetoed by a contradiction or a decision):\n")
	for _, e := range resolve.Evidences {
		fmt.Fprintf(w, "  %-22s %6d / %d\n", e, stats.Links[e], stats.Vetoed[e])
	}
	fmt.Fprintf(w, "\nLargest subjects:\n")
	for _, s := range stats.Largest {
		fmt.Fprintf(w, "  %s %-40s %s\n", s.ID, clip(s.Caption, 40), strings.Join(s.MemberIDs(), " "))
	}
	queue := decide.Queue(res)
	fmt.Fprintf(w, "\n%d possible-same pairs of listings for an analyst, between %d pairs of subjects", stats.Possible, len(queue))
	n := min(o.Possible, len(queue))
	if n == 0 {
		fmt.Fprintln(w)
		return nil
	}
	fmt.Fprintf(w, "; the first %d (all: veto subjects possible):\n", n)
	writePossible(w, queue[:n])
	return nil
}

func writePossible(w io.Writer, ps []decide.Pair) {
	for _, p := range ps {
		more := ""
		if p.Listings > 1 {
			more = fmt.Sprintf(" (and %d more pairs of their listings)", p.Listings-1)
		}
		fmt.Fprintf(w, "  %.2f %s: %s%s\n", p.Score, p.Evidence, p.Detail, more)
		for _, s := range []decide.Side{p.A, p.B} {
			fmt.Fprintf(w, "       %s (%d listings)  %-26s %-40s %s\n", s.Subject, s.Members, s.EntityID, clip(s.Caption, 40), strings.Join(s.Lists, ","))
		}
	}
}

func runSubjectsPossible(ctx context.Context, g *globalOptions, o *subjectsOptions) error {
	res, a, _, err := resolveSubjects(ctx, g, o)
	if err != nil {
		return err
	}
	a.Close()
	queue := decide.Queue(res)
	ps := queue
	if o.Limit > 0 {
		ps = ps[:min(o.Limit, len(ps))]
	}
	if o.JSON {
		return writeJSON(g.stdout, append([]decide.Pair{}, ps...))
	}
	if len(ps) == 0 {
		fmt.Fprintln(g.stdout, "No possible-same subjects.")
		return nil
	}
	fmt.Fprintf(g.stdout, "%d of %d pairs of possibly same subjects, highest score first. Decide each with\n"+
		"`veto subjects merge A B --note WHY` or `veto subjects not-same A B --note WHY`.\n\n", len(ps), len(queue))
	writePossible(g.stdout, ps)
	return nil
}

func runSubjectsShow(ctx context.Context, w io.Writer, g *globalOptions, o *subjectsOptions, id string) error {
	res, a, _, err := resolveSubjects(ctx, g, o)
	if err != nil {
		return err
	}
	a.Close()
	s, ok := res.Subject(id)
	if !ok {
		return fmt.Errorf("no subject or listing %q in the active lists", id)
	}
	ds := decide.Concerning(res.Decisions, s.MemberIDs())
	if o.JSON {
		return writeJSON(w, struct {
			*resolve.Subject
			Decisions []entity.SubjectDecision `json:"decisions"`
		}{s, append([]entity.SubjectDecision{}, ds...)})
	}
	fmt.Fprintf(w, "%s  %s (%s), on %s\n\n", s.ID, s.Caption, s.Schema, strings.Join(s.Lists(), ", "))
	for _, m := range s.Members {
		var by []string
		for _, d := range decide.Concerning(ds, []string{m.EntityID}) {
			by = append(by, fmt.Sprintf("decision %d (%s)", d.ID, d.Kind))
		}
		fmt.Fprintf(w, "  %-28s %-44s %-20s %s\n", m.EntityID, clip(m.Caption, 44), strings.Join(m.Lists, ", "), strings.Join(by, ", "))
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
	if len(ds) > 0 {
		fmt.Fprintf(w, "\nDecisions in force on its listings:\n")
		writeDecisions(w, ds)
	}
	return nil
}

func runSubjectsDecide(ctx context.Context, g *globalOptions, o *subjectsOptions, kind string, ids []string) error {
	if strings.TrimSpace(o.Note) == "" {
		return usageError{errors.New("--note: say why; the note is kept with the decision and in the audit trail")}
	}
	res, a, _, err := resolveSubjects(ctx, g, o)
	if err != nil {
		return err
	}
	defer a.Close()
	d, err := decide.Decide(ctx, a.Store, res, decide.Request{Kind: kind, IDs: ids, Note: o.Note, Actor: cliActor(), At: time.Now()})
	switch {
	case errors.Is(err, decide.ErrUnknown), errors.Is(err, entity.ErrInvalid):
		return usageError{err}
	case err != nil:
		return err
	}
	if o.JSON {
		return writeJSON(g.stdout, d)
	}
	// Every resolution from now on applies it.
	fmt.Fprintf(g.stdout, "Decision %d: %s %s. See it applied: veto subjects show %s\n", d.ID, d.Kind, sidesText(d.Sides), d.Sides[0][0])
	return nil
}

func sidesText(sides [][]string) string {
	parts := make([]string, len(sides))
	for i, s := range sides {
		parts[i] = strings.Join(s, "+")
	}
	return strings.Join(parts, " / ")
}

func writeDecisions(w io.Writer, ds []entity.SubjectDecision) {
	tw := table(w)
	fmt.Fprintln(tw, "  ID\tKIND\tLISTINGS\tBY\tAT\tNOTE\tSTATUS")
	for _, d := range ds {
		what := sidesText(d.Sides)
		if d.Kind == entity.DecisionRevoke {
			what = fmt.Sprintf("decision %d", d.Revokes)
		}
		status := "in force"
		switch {
		case d.Kind == entity.DecisionRevoke:
			status = "-"
		case d.RevokedBy != 0:
			status = fmt.Sprintf("revoked by %d, %s", d.RevokedBy, d.RevokedAt.UTC().Format(time.DateTime))
		}
		fmt.Fprintf(tw, "  %d\t%s\t%s\t%s\t%s\t%s\t%s\n", d.ID, d.Kind, what, d.Actor, d.At.UTC().Format(time.DateTime), clip(d.Note, 50), status)
	}
	tw.Flush()
}

func runSubjectsDecisions(ctx context.Context, g *globalOptions, o *subjectsOptions) error {
	st, err := g.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	ds, err := st.SubjectDecisions(ctx, !o.All)
	if err != nil {
		return err
	}
	if o.JSON {
		return writeJSON(g.stdout, append([]entity.SubjectDecision{}, ds...))
	}
	if len(ds) == 0 {
		fmt.Fprintln(g.stdout, "No decisions on subjects. Take one with `veto subjects merge`, `not-same` or `split`.")
		return nil
	}
	writeDecisions(g.stdout, ds)
	return nil
}

func runSubjectsRevoke(ctx context.Context, g *globalOptions, o *subjectsOptions, arg string) error {
	id, err := strconv.ParseInt(arg, 10, 64)
	if err != nil || id <= 0 {
		return usageError{fmt.Errorf("decision ID %q: want a number, as veto subjects decisions lists them", arg)}
	}
	st, err := g.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	r, err := decide.Revoke(ctx, st, id, o.Note, cliActor(), time.Now())
	if err != nil {
		return err
	}
	if o.JSON {
		return writeJSON(g.stdout, r)
	}
	fmt.Fprintf(g.stdout, "Decision %d revokes decision %d.\n", r.ID, id)
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
