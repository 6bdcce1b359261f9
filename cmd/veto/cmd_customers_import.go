package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/vetoscreen/veto/app"
	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/batch"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/monitor"
)

// importChunk is how many customers are stored (and screened) at once.
const importChunk = 1000

// importReport says what veto customers import did.
type importReport struct {
	Rows     int64  `json:"rows"`
	Imported int    `json:"imported"`
	Changed  int    `json:"changed"`
	Alerts   int    `json:"alerts"`
	Errors   int64  `json:"errors"`
	File     string `json:"errorsFile,omitempty"`
}

func newCustomersImportCommand(g *globalOptions) *cobra.Command {
	var format, mapSpec, errorsPath, dateOrder string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "import FILE",
		Short: "Import (add or replace) customers from a CSV or JSON-lines file",
		Long: `Import customers from a CSV or JSON-lines file, read as veto batch reads it
(see veto batch --help for the headers recognised and --map). Each row
needs an ID (the bank's own reference): a customer already stored under it
is replaced. Customers added or changed are screened against the store's
lists at once and raise alerts (see veto alerts). Rows that cannot be read
or have no ID are written to the errors file with their line and reason;
the others are imported.`,
		Example: `  veto customers import customers.csv
  veto customers import export.csv --map id=client_ref,name=full_name,dob=birth_date
  veto customers import customers.jsonl --json`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			f, err := batch.ParseFormat(format)
			if err != nil {
				return usageError{fmt.Errorf("--format: %w", err)}
			}
			m, err := batch.ParseMapping(mapSpec)
			if err != nil {
				return usageError{fmt.Errorf("--map: %w", err)}
			}
			order, err := entity.ParseDateOrder(dateOrder)
			if err != nil {
				return usageError{fmt.Errorf("--date-order %w", err)}
			}
			if errorsPath == "" {
				errorsPath = batch.ErrorsPath(a[0])
			}
			rep, err := importCustomers(cmd.Context(), g, a[0], errorsPath, batch.ReadOptions{Format: f, Map: m, DateOrder: order})
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(g.stdout, rep)
			}
			fmt.Fprintf(g.stdout, "Read %s: %s imported, %s added or changed and screened, %s.\n", plural(int(rep.Rows), "row"),
				plural(rep.Imported, "customer"), plural(rep.Changed, "customer"), plural(rep.Alerts, "new alert"))
			if rep.Errors > 0 {
				fmt.Fprintf(g.stdout, "%s not imported: see %s (line, reason, record).\n", plural(int(rep.Errors), "row"), rep.File)
			}
			if rep.Alerts > 0 {
				fmt.Fprintln(g.stdout, "See them with: veto alerts --status open")
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&format, "format", "", "the input format: csv or jsonl (default: by extension, else by content)")
	fl.StringVar(&mapSpec, "map", "", "CSV columns of the fields: FIELD=COLUMN,... (see veto batch --help)")
	fl.StringVar(&errorsPath, "errors", "", "the errors file (default: FILE's name with .errors.csv)")
	fl.StringVar(&dateOrder, "date-order", "dmy", "how numeric dates of birth such as 03/04/1950 are read: dmy (day first), mdy or ymd")
	fl.BoolVar(&asJSON, "json", false, "write JSON")
	return cmd
}

// importCustomers stores the customers of a file in chunks through the
// monitor, which screens those added or changed.
func importCustomers(ctx context.Context, g *globalOptions, path, errorsPath string, ro batch.ReadOptions) (_ *importReport, err error) {
	in, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	rd, err := batch.NewReader(in, path, ro)
	if err != nil {
		return nil, err
	}
	ef, err := os.Create(errorsPath)
	if err != nil {
		return nil, err
	}
	defer ef.Close()
	ew := batch.NewErrorsWriter(ef)
	if err := ew.Header(); err != nil {
		return nil, err
	}
	a, err := g.open(ctx, match.DefaultConfig())
	if err != nil {
		return nil, err
	}
	defer a.Close()
	rep := &importReport{}
	var warnings int64
	var alerted []entity.Alert
	// The customers screened are on the trail, whatever stops the import.
	defer func() {
		sum := app.NewScreening("cli", "customers import", a.Keeper.Snapshot())
		sum.Rows, sum.Errors, sum.Warnings = rep.Rows, rep.Errors, warnings
		sum.AddAlerts(rep.Changed, alerted)
		if aerr := a.RecordScreening(ctx, cliActor(), chain.ActionScreen, "cli/customers", sum); aerr != nil {
			err = errors.Join(err, aerr)
		}
	}()
	var chunk []entity.Customer
	seen := map[string]int{} // ID → line, in the chunk
	flush := func() error {
		if len(chunk) == 0 {
			return nil
		}
		changed, alerts, err := a.Monitor.Put(ctx, chunk)
		if err != nil {
			return fmt.Errorf("%s: store customers: %w", path, err)
		}
		rep.Imported += len(chunk)
		rep.Changed += len(changed)
		rep.Alerts += len(alerts)
		alerted = append(alerted, alerts...)
		chunk, seen = chunk[:0], map[string]int{}
		return nil
	}
	for {
		row, err := rd.Next()
		if err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return nil, err
		}
		rep.Rows++
		c := row.Customer()
		if row.Err == nil {
			if c.ID == "" {
				row.Err = &batch.ParseError{File: path, Line: row.Line, Err: fmt.Errorf("%w: no customer id (map the column with --map id=COLUMN)", batch.ErrInvalid)}
			} else if err := monitor.Validate(&c); err != nil {
				row.Err = &batch.ParseError{File: path, Line: row.Line, Err: fmt.Errorf("%w: %v", batch.ErrInvalid, err)}
			}
		}
		if row.Err == nil && row.Warning != nil {
			warnings++
			if err := ew.WriteWarning(&row); err != nil {
				return nil, fmt.Errorf("write %s: %w", errorsPath, err)
			}
		}
		if row.Err != nil {
			rep.Errors++
			if row.Raw == "" {
				row.Raw = strings.Join(row.Fields, ",")
			}
			if err := ew.Write(&row); err != nil {
				return nil, fmt.Errorf("write %s: %w", errorsPath, err)
			}
			continue
		}
		if _, dup := seen[c.ID]; dup { // the later row replaces the earlier one, as in a second import
			if err := flush(); err != nil {
				return nil, err
			}
		}
		seen[c.ID] = row.Line
		if chunk = append(chunk, c); len(chunk) >= importChunk {
			if err := flush(); err != nil {
				return nil, err
			}
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	if err := ew.Flush(); err != nil {
		return nil, fmt.Errorf("write %s: %w", errorsPath, err)
	}
	if rep.Errors > 0 {
		rep.File = errorsPath
	} else {
		ef.Close()
		os.Remove(errorsPath) // nothing to report
	}
	return rep, nil
}
