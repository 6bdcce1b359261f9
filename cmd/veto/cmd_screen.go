package main

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/vetoscreen/veto/app"
	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/source/all"
)

type screenOptions struct {
	data      dataOptions
	Schema    string
	DOB       string
	Country   string
	ID        string
	Threshold float64
	Limit     int
	JSON      bool
	JSONL     string
	Explain   bool
	Lists     []string
	// Kinds, ExcludeKinds and Topics are the profile's list kinds and
	// the entities' topics (screen.Options).
	Kinds, ExcludeKinds, Topics []string
	Workers                     int
	Config                      string
	DateOrder                   string
	// ShowConfig writes the match.Config used with the results.
	ShowConfig bool
}

func newScreenCommand(g *globalOptions) *cobra.Command {
	var o screenOptions
	cmd := &cobra.Command{
		Use:   "screen NAME | --jsonl FILE|-",
		Short: "Screen a name (or a file of queries) against the lists",
		Long: fmt.Sprintf(`Screen a name against the active list versions and print the hits scoring
at or above the threshold (default %.2f), best first, each with its score,
the listed name that matched, the entity ID, the list, and the explanation:
which tokens matched how, and what the date of birth, country and
identifier added or took away.

A subject listed by several lists (see veto subjects) is one hit: the
score of its best listing, every listing that matched with its list,
entity ID, name and score, and every list that names the subject. --by
listing reports each listing on its own instead.

With --jsonl, read one query per line,
  {"id":"q1","schema":"Person","name":"...","birthDate":"...","country":"...","idNumber":"..."}
and write one result per line,
  {"id":"q1","hits":[{"entity_id":"ofac-35233","score":0.97,"name":"...","list":"..."}],"versions":"ofac-sdn@12,un-sc@7"}
in input order, using every core.

Every result names the list versions it was screened against (--json:
"versions", with their IDs, publication dates and hashes). With --as-of
DATE, it is screened against the store's versions in force at that date
(the end of the day, UTC; or an RFC 3339 time): of each list's versions
published at or before it, the one stored last — a version whose
publication date is unknown (its file's time) counts from when veto read
it — and lists with no version then are left out and named.`, match.DefaultConfig().Threshold),
		Example: `  veto screen "Sergei Lavrov"
  veto screen "Bashar Assad" --schema Person --dob 1965-09-11 --country sy
  veto screen "BANK MELLI IRAN" --schema Organization --json
  veto screen --jsonl customers.jsonl > hits.jsonl
  veto screen "Ali Khamenei" --as-of 2025-06-01 --json
  veto screen "Сергей Лавров" --from ../shared/data
  veto screen "Sergei Lavrov" --by listing`,
		Args: args(func(cmd *cobra.Command, a []string) error {
			if o.JSONL == "" && len(a) != 1 {
				return fmt.Errorf("want one NAME, or --jsonl FILE")
			}
			if o.JSONL != "" && len(a) != 0 {
				return fmt.Errorf("give either NAME or --jsonl, not both")
			}
			return nil
		}),
		RunE: func(cmd *cobra.Command, a []string) error {
			if err := checkLists("lists", o.Lists); err != nil {
				return err
			}
			if err := checkKinds("kinds", o.Kinds...); err != nil {
				return err
			}
			if err := checkKinds("exclude-kinds", o.ExcludeKinds...); err != nil {
				return err
			}
			if o.JSONL != "" {
				return runScreenJSONL(cmd.Context(), g, &o)
			}
			return runScreen(cmd.Context(), g, &o, a[0])
		},
	}
	f := cmd.Flags()
	o.data.addFlags(f)
	f.StringVar(&o.Schema, "schema", "", "Person, Organization, Company, LegalEntity, Vessel or Airplane (default: any)")
	f.StringVar(&o.DOB, "dob", "", "date of birth: 1950-03-21, 21.03.1950, 21/03/1950, 21 March 1950, March 21, 1950, 1950-03 or 1950 (see --date-order)")
	f.StringVar(&o.DateOrder, "date-order", "dmy", "how numeric dates such as 03/04/1950 are read: dmy (day first), mdy or ymd")
	f.StringVar(&o.Country, "country", "", "country: ISO code or name (nationality, residence, registration)")
	f.StringVar(&o.ID, "id", "", "an identifier: passport, tax or registration number, IMO, BIC, crypto address")
	f.Float64Var(&o.Threshold, "threshold", 0, fmt.Sprintf("lowest score reported (default %.2f)", match.DefaultConfig().Threshold))
	f.IntVar(&o.Limit, "limit", screen.DefaultLimit, "most hits reported per query")
	f.BoolVar(&o.JSON, "json", false, "write JSON")
	f.StringVar(&o.JSONL, "jsonl", "", "screen the queries in this JSON-lines file (- for standard input)")
	f.BoolVar(&o.Explain, "explain", false, "with --jsonl: include each hit's explanation")
	f.StringSliceVar(&o.Lists, "lists", nil, "only these lists or jurisdictions ("+strings.Join(all.Regimes(), ", ")+", or list names)")
	addKindFlags(f, &o.Kinds, &o.ExcludeKinds, &o.Topics)
	f.IntVar(&o.Workers, "workers", 0, "with --jsonl: goroutines screening (default: one per CPU)")
	f.StringVar(&o.Config, "config", "", "a JSON file of match.Config fields overriding the defaults (weights, similarities, threshold)")
	f.BoolVar(&o.ShowConfig, "show-config", false, "report the match.Config used: with --json in the result, otherwise before the hits")
	o.data.addAsOfFlag(f)
	o.data.addByFlag(f)
	return cmd
}

// flagOf names the flag of a query field, for warnings.
var flagOf = map[string]string{"birthDate": "dob", "country": "country", "idNumber": "id", "gender": "gender"}

// screenOptions are the screening options of the flags; openSnapshot
// has checked --by.
func (o *screenOptions) screenOptions(cfg *match.Config, explain bool) screen.Options {
	by, _ := o.data.grouping()
	return screen.Options{Config: cfg, Threshold: o.Threshold, Limit: o.Limit, Explain: explain, Lists: o.Lists, By: by,
		Kinds: o.Kinds, ExcludeKinds: o.ExcludeKinds, Topics: o.Topics}
}

func runScreen(ctx context.Context, g *globalOptions, o *screenOptions, name string) error {
	order, err := entity.ParseDateOrder(o.DateOrder)
	if err != nil {
		return usageError{fmt.Errorf("--date-order %w", err)}
	}
	q := match.Query{Subject: entity.Subject{Name: name, Schema: entity.Schema(o.Schema), BirthDate: o.DOB, Country: o.Country, IDNumber: o.ID}}
	// A date or country that cannot be read is left out, and said so:
	// the name is screened anyway.
	dropped, err := q.ValidateLenient(order)
	if err != nil {
		return usageError{err}
	}
	for _, d := range dropped {
		fmt.Fprintf(g.stderr, "veto: warning: screened without --%s: %v\n", flagOf[d.Field], d.Err)
	}
	cfg, err := readConfig(o.Config)
	if err != nil {
		return usageError{err}
	}
	a, snap, err := openSnapshot(ctx, g, &o.data, cfg)
	if err != nil {
		return err
	}
	defer a.Close()
	res, err := snap.Screener().Screen(ctx, q, o.screenOptions(&cfg, true))
	if err != nil {
		return err
	}
	// On the trail before it is shown, as the API does.
	sum := app.NewScreening("cli", "screen", snap)
	sum.Add(&res)
	if err := a.RecordScreening(ctx, cliActor(), chain.ActionScreen, "cli/screen", sum); err != nil {
		return err
	}
	threshold := o.Threshold
	if threshold == 0 {
		threshold = cfg.Threshold
	}
	if o.JSON {
		out := struct {
			screen.Result
			screenedAgainst
			Config *match.Config `json:"config,omitempty"`
		}{res, against(snap), nil}
		if o.ShowConfig {
			cfg.Threshold = threshold
			out.Config = &cfg
		}
		return writeJSON(g.stdout, out)
	}
	if o.ShowConfig {
		cfg.Threshold = threshold
		fmt.Fprintln(g.stdout, "Config:")
		if err := writeJSON(g.stdout, cfg); err != nil {
			return err
		}
	}
	if len(res.Hits) == 0 {
		fmt.Fprintf(g.stdout, "No hit at or above %.2f for %q.\n", threshold, name)
		printAgainst(g.stdout, snap)
		return nil
	}
	for i, h := range res.Hits {
		if len(h.Matched) == 0 {
			fmt.Fprintf(g.stdout, "%d. %.3f  %s  %s  [%s]  %s%s\n", i+1, h.Score, h.EntityID, h.Caption, h.Schema, strings.Join(h.Lists, ", "), kindNote(h.Kinds))
			printImported(ctx, g.stdout, a.Store, h)
			printExplanation(g.stdout, h.Explanation)
			continue
		}
		fmt.Fprintf(g.stdout, "%d. %.3f  %s  [%s]  subject %s, %d listings on %s%s\n", i+1, h.Score, h.Caption, h.Schema, h.Subject, h.Members, strings.Join(h.Lists, ", "), kindNote(h.Kinds))
		for _, m := range h.Matched {
			fmt.Fprintf(g.stdout, "     %.3f  %-26s %-12s %q\n", m.Score, m.EntityID, m.List, m.Name)
		}
		printImported(ctx, g.stdout, a.Store, h)
		fmt.Fprintf(g.stdout, "     best, %s:\n", h.EntityID)
		printExplanation(g.stdout, h.Explanation)
	}
	printAgainst(g.stdout, snap)
	return nil
}

func printExplanation(w io.Writer, ex *match.Explanation) {
	if ex == nil {
		return
	}
	fmt.Fprintf(w, "     matched %s %q with %q: name score %.3f\n", ex.NameKind, ex.Name, ex.Query, ex.NameScore)
	for _, t := range ex.Tokens {
		fmt.Fprintf(w, "       %-14s ~ %-14s %-10s sim %.2f  weight %.1f\n", t.Query, t.Name, t.Method, t.Similarity, t.Weight)
	}
	role := func(r string) string {
		if r == "" {
			return ""
		}
		return ", " + r
	}
	for _, t := range ex.UnmatchedQuery {
		fmt.Fprintf(w, "       %-14s   (no match in the listed name%s)  weight %.1f, costs %.2f\n", t.Token, role(t.Role), t.Weight, t.Cost)
	}
	for _, t := range ex.UnmatchedName {
		fmt.Fprintf(w, "       %-14s   (listed, not in the query%s)  weight %.1f, costs %.2f\n", t.Token, role(t.Role), t.Weight, t.Cost)
	}
	for _, c := range ex.Contradictions {
		switch {
		case c.Query == "" && c.What == "father":
			fmt.Fprintf(w, "       contradiction (father): the query names the father of the listed %s\n", c.Name)
		case c.Query == "":
			fmt.Fprintf(w, "       contradiction (%s): the listed %s left out is another family's\n", c.What, c.Name)
		case c.Cost > 0:
			fmt.Fprintf(w, "       contradiction (%s): %s against %s, costs %.1f more\n", c.What, c.Query, c.Name, c.Cost)
		default:
			fmt.Fprintf(w, "       contradiction (%s): %s against %s, both count in full\n", c.What, c.Query, c.Name)
		}
	}
	for _, f := range ex.Features {
		fmt.Fprintf(w, "       %+.3f %s: %s\n", f.Delta, f.Name, f.Detail)
	}
}

func runScreenJSONL(ctx context.Context, g *globalOptions, o *screenOptions) error {
	order, err := entity.ParseDateOrder(o.DateOrder)
	if err != nil {
		return usageError{fmt.Errorf("--date-order %w", err)}
	}
	in, closeIn, err := openInput(g, o.JSONL)
	if err != nil {
		return err
	}
	defer closeIn()
	cfg, err := readConfig(o.Config)
	if err != nil {
		return usageError{err}
	}
	a, snap, err := openSnapshot(ctx, g, &o.data, cfg)
	if err != nil {
		return err
	}
	defer a.Close()
	sum := app.NewScreening("cli", "screen --jsonl", snap)
	s := snap.Screener()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	queries := make(chan match.Query, 256)
	results := make(chan screen.Result, 256)
	readErr := make(chan error, 1)
	go func() {
		defer close(queries)
		readErr <- readQueries(ctx, in, o.JSONL, order, g.stderr, queries)
	}()
	batchErr := make(chan error, 1)
	go func() {
		defer close(results)
		batchErr <- s.Batch(ctx, queries, results, o.Workers, o.screenOptions(&cfg, o.Explain))
	}()
	bw := bufio.NewWriterSize(g.stdout, 1<<16)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	var writeErr error
	for r := range results {
		sum.Add(&r)
		if writeErr == nil {
			// Each line names the versions, as batch's JSON lines do.
			writeErr = enc.Encode(struct {
				screen.Result
				Versions string `json:"versions"`
			}{r, snap.RefString()})
		}
	}
	if err := bw.Flush(); writeErr == nil {
		writeErr = err
	}
	runErr := cmp.Or(<-readErr, <-batchErr, writeErr)
	// Whatever stopped the run, what was screened is on the trail.
	return errors.Join(runErr, a.RecordScreening(ctx, cliActor(), chain.ActionScreen, "cli/screen", sum))
}

func openInput(g *globalOptions, path string) (io.Reader, func(), error) {
	if path == "-" {
		return g.stdin, func() {}, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	return f, func() { f.Close() }, nil
}

// readQueries decodes one query per line. A line that is not a query
// stops the run with an error naming the line: an unread customer is a
// missed hit.
func readQueries(ctx context.Context, r io.Reader, name string, order entity.DateOrder, warn io.Writer, out chan<- match.Query) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if len(strings.TrimSpace(string(b))) == 0 {
			continue
		}
		var q match.Query
		dec := json.NewDecoder(strings.NewReader(string(b)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&q); err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
		if q.ID == "" {
			q.ID = fmt.Sprint(line)
		}
		// Unreadable optional fields are dropped, with a warning; what
		// else is wrong is the screener's to report in the result.
		if dropped, err := q.ValidateLenient(order); err == nil {
			for _, d := range dropped {
				fmt.Fprintf(warn, "veto: warning: %s:%d: screened without %v\n", name, line, d)
			}
		}
		select {
		case out <- q:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", name, line, err)
	}
	return nil
}
