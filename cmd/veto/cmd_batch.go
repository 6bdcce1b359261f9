package main

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/vetoscreen/veto/app"
	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/batch"
	"github.com/vetoscreen/veto/demo"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/eval"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/source/all"
)

type batchOptions struct {
	data         dataOptions
	Output       string
	Format       string
	OutputFormat string
	Map          string
	Errors       string
	Threshold    float64
	Limit        int
	Lists        []string
	Workers      int
	Config       string
	Resume       bool
	DateOrder    string
}

func newBatchCommand(g *globalOptions) *cobra.Command {
	var o batchOptions
	cmd := &cobra.Command{
		Use:   "batch FILE",
		Short: "Screen a file of customers (CSV or JSON lines), resumably",
		Long: fmt.Sprintf(`Screen every row of a CSV or JSON-lines file against the lists, on every
core, and write one result per input row, in input order.

CSV files need a header row. The delimiter (, ; tab |), a UTF-8 byte order
mark, CRLF line ends and quoted fields are handled. Columns are found by
their headers (name or full_name, or first_name and last_name; dob,
birth_date or date_of_birth; country or nationality; id, customer_id or
reference; type or schema; passport, tax_id or id_number), or named with
--map FIELD=COLUMN,... (fields: %s). JSON-lines
files hold one query per line, as veto screen --jsonl reads them.

Dates of birth are read as people type them: 1950-03-21, 21.03.1950,
21/03/1950, 21 March 1950, March 21, 1950, 03/1950, 1950-03, 1950. Numeric
dates are read day first unless --date-order says mdy or ymd; a date that
does not fit the order (03/21/1950 day first) is never read the other way
round. A row whose date of birth, country, gender or identifier cannot be
read is screened without it, with a "screened without" line in the errors
file.

Rows that cannot be screened (wrong number of fields, bad quoting, invalid
UTF-8, no name, bad JSON) are written to the errors file with their line
number and the reason, and get an output row with the error and no hits;
the other rows are screened. They do not change the exit status: check the
summary or the errors file.

Output (-o, default FILE.results.csv beside the input) is CSV, one row per
input row: %s; or, with --output-format jsonl or a .jsonl
output file, veto screen --jsonl's result lines with the input line. The
last column (or the "versions" field) names the list versions screened
against, list@ID: the same on every row, so that a row copied out still
says it. --as-of DATE screens against the versions in force then (see
veto screen).

A subject listed by several lists is one hit (see veto screen): the best
columns are its best listing's, best_subject is its subject ID and
best_matched_lists the lists of its listings that matched. --by listing
reports each listing as a hit of its own.

Progress is shown on standard error. Every 20,000 rows the output is
flushed and a checkpoint written beside it (OUT.checkpoint); an interrupted
run (Ctrl-C, a kill, a crash) resumes where the checkpoint says when run
again with the same file and options, and writes the same bytes an
uninterrupted run would have. The checkpoint is removed when the run ends.`,
			"id, name, first_name, middle_name, last_name, schema, dob, country, id_number, gender, alias", strings.Join(batch.CSVHeader, ", ")),
		Example: `  veto batch customers.csv
  veto batch customers.csv -o hits.csv --threshold 0.85 --lists un,eu,uk
  veto batch export.csv --map id=client_ref,name=full_name,dob=birth_date,country=nationality
  veto batch queries.jsonl -o results.jsonl --from ../shared/data
  veto batch generate 1000000 -o customers.csv && veto batch customers.csv`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			return runBatch(cmd.Context(), g, &o, a[0])
		},
	}
	f := cmd.Flags()
	o.data.addFlags(f)
	f.StringVarP(&o.Output, "output", "o", "", "the output file (default: FILE.results.csv, or .jsonl)")
	f.StringVar(&o.Format, "format", "", "the input format: csv or jsonl (default: by extension, else by content)")
	f.StringVar(&o.OutputFormat, "output-format", "", "csv or jsonl (default: by the output's extension, else csv)")
	f.StringVar(&o.Map, "map", "", "CSV columns of the fields: FIELD=COLUMN,... (name=first+last joins columns)")
	f.StringVar(&o.Errors, "errors", "", "the errors file (default: the output's name with .errors.csv)")
	f.Float64Var(&o.Threshold, "threshold", 0, fmt.Sprintf("lowest score reported (default %.2f)", match.DefaultConfig().Threshold))
	f.IntVar(&o.Limit, "limit", 5, "most hits reported per row (a small limit also makes screening faster)")
	f.StringSliceVar(&o.Lists, "lists", nil, "only these lists or jurisdictions ("+strings.Join(all.Regimes(), ", ")+", or list names)")
	f.IntVar(&o.Workers, "workers", 0, "goroutines screening (default: one per CPU)")
	f.StringVar(&o.Config, "config", "", "a JSON file of match.Config fields overriding the defaults")
	f.StringVar(&o.DateOrder, "date-order", "dmy", "how numeric dates of birth such as 03/04/1950 are read: dmy (day first), mdy or ymd; a date that does not fit is left out with a warning")
	f.BoolVar(&o.Resume, "resume", true, "resume from the output's checkpoint if there is one (false: start over)")
	o.data.addAsOfFlag(f)
	o.data.addByFlag(f)
	cmd.AddCommand(newBatchGenerateCommand(g))
	return cmd
}

func runBatch(ctx context.Context, g *globalOptions, o *batchOptions, input string) error {
	format, err := batch.ParseFormat(o.Format)
	if err != nil {
		return usageError{fmt.Errorf("--format: %w", err)}
	}
	outFormat, err := batch.ParseFormat(o.OutputFormat)
	if err != nil {
		return usageError{fmt.Errorf("--output-format: %w", err)}
	}
	mapping, err := batch.ParseMapping(o.Map)
	if err != nil {
		return usageError{fmt.Errorf("--map: %w", err)}
	}
	if err := checkLists("lists", o.Lists); err != nil {
		return err
	}
	order, err := entity.ParseDateOrder(o.DateOrder)
	if err != nil {
		return usageError{fmt.Errorf("--date-order %w", err)}
	}
	if o.Limit < 1 {
		return usageError{errors.New("--limit: want at least 1")}
	}
	files := batch.Files{Input: input, Output: o.Output, Errors: o.Errors}
	if files.Output == "" {
		ext := ".csv"
		if outFormat == batch.FormatJSONL {
			ext = ".jsonl"
		}
		files.Output = strings.TrimSuffix(input, filepath.Ext(input)) + ".results" + ext
	}
	if files.Errors == "" {
		files.Errors = batch.ErrorsPath(files.Output)
	}
	if _, err := os.Stat(input); err != nil {
		return err
	}
	cfg, err := readConfig(o.Config)
	if err != nil {
		return usageError{err}
	}
	// One snapshot: every row is screened against, and names, its
	// versions, and a checkpoint of other versions is not resumed.
	a, snap, err := openSnapshot(ctx, g, &o.data, cfg)
	if err != nil {
		return err
	}
	defer a.Close()
	by, _ := o.data.grouping() // checked by openSnapshot
	sum := app.NewScreening("cli", "batch", snap)
	start := time.Now()
	// Ctrl-C and SIGTERM stop the run at a checkpoint, to resume later.
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	meter := batch.NewMeter(g.stderr, isTerminal(g.stderr))
	stats, err := batch.Run(ctx, snap.Screener(), files, batch.Options{
		Read:    batch.ReadOptions{Format: format, Map: mapping, DateOrder: order},
		Output:  outFormat,
		Screen:  screen.Options{Config: &cfg, Threshold: o.Threshold, Limit: o.Limit, Lists: o.Lists, By: by},
		Workers: o.Workers, Restart: !o.Resume,
		Progress: meter.Update, Logger: g.logger(), Result: sum.Count,
	})
	meter.Done()
	// This session's rows (a resumed run's earlier sessions have their
	// own entries), interrupted or not: they were screened.
	sum.Interrupted = errors.Is(err, context.Canceled)
	sum.Took = time.Since(start).Round(time.Millisecond).String()
	if sum.Rows > 0 || err == nil {
		if aerr := a.RecordScreening(ctx, cliActor(), chain.ActionScreen, "cli/batch", sum); aerr != nil {
			return errors.Join(err, aerr)
		}
	}
	switch {
	case errors.Is(err, context.Canceled):
		fmt.Fprintf(g.stdout, "Interrupted after %s. Run the same command again to resume from %s.\n", batch.Summary(stats), files.Output+".checkpoint")
		return err
	case errors.Is(err, batch.ErrCheckpoint):
		return usageError{err}
	case err != nil:
		return err
	}
	fmt.Fprintf(g.stdout, "Screened %s.\nResults: %s\n", batch.Summary(stats), files.Output)
	printAgainst(g.stdout, snap)
	if stats.Errors > 0 {
		fmt.Fprintf(g.stdout, "Rows not screened: %s (line, reason, record)\n", files.Errors)
	}
	return nil
}

// isTerminal reports whether w is a terminal, for the progress bar.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func newBatchGenerateCommand(g *globalOptions) *cobra.Command {
	var data dataOptions
	var out string
	var seed uint64
	cmd := &cobra.Command{
		Use:   "generate N",
		Short: "Write N synthetic customers as CSV, about 1% of them listed",
		Long: `Write N synthetic customers as CSV (id, type, name, birth_date, country,
id_number), for trying and benchmarking veto batch and veto customers
import: people with given and family names of many cultures and some
companies, about 70% of the people with a date of birth, 60% with a
country; about 1% are listed parties (from the store's lists, --from, or
else the demo dataset) under variants of their listed names. The same N
and seed give the same file.`,
		Example: `  veto batch generate 1000000 -o customers.csv --from ../shared/data
  veto batch generate 1000 --seed 7 > sample.csv`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			var n int
			if _, err := fmt.Sscan(a[0], &n); err != nil || n < 0 {
				return usageError{fmt.Errorf("N: %q is not a number of customers", a[0])}
			}
			ents, err := loadEntities(cmd.Context(), g, &data)
			if err != nil {
				if data.From != "" {
					return err
				}
				g.logger().Warn("listed customers are drawn from the demo dataset", "reason", err)
				if ents, err = demoEntities(cmd.Context()); err != nil {
					return err
				}
			}
			w := g.stdout
			if out != "" && out != "-" {
				f, err := os.Create(out)
				if err != nil {
					return err
				}
				defer f.Close()
				w = f
			}
			return writeCustomers(w, eval.GenerateCustomers(ents, n, seed))
		},
	}
	data.addFlags(cmd.Flags())
	cmd.Flags().StringVarP(&out, "output", "o", "", "the file written (default: standard output)")
	cmd.Flags().Uint64Var(&seed, "seed", 1, "the random seed")
	return cmd
}

func demoEntities(ctx context.Context) ([]*entity.Entity, error) {
	rs, err := demo.Results(ctx)
	if err != nil {
		return nil, err
	}
	var ents []*entity.Entity
	for _, r := range rs {
		ents = append(ents, r.Entities...)
	}
	return ents, nil
}

func writeCustomers(w io.Writer, cs func(func(entity.Customer) bool)) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"id", "type", "name", "birth_date", "country", "id_number"})
	for c := range cs {
		typ := "individual"
		if c.Schema != entity.Person {
			typ = "company"
		}
		cw.Write([]string{c.ID, typ, c.Name, c.BirthDate, c.Country, c.IDNumber})
	}
	cw.Flush()
	return cw.Error()
}
