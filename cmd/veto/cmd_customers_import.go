package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/vetoscreen/veto/app"
	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/batch"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
)

// importReport is what veto customers import --json writes.
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
			read, err := readFlags(format, mapSpec, dateOrder)
			if err != nil {
				return err
			}
			if errorsPath == "" {
				errorsPath = batch.ErrorsPath(a[0])
			}
			rep, err := importCustomers(cmd.Context(), g, a[0], errorsPath, read)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(g.stdout, importReport{rep.Rows, rep.Imported, rep.Changed, len(rep.Alerted), rep.Errors, rep.File})
			}
			fmt.Fprintf(g.stdout, "Read %s: %s imported, %s added or changed and screened, %s.\n", plural(int(rep.Rows), "row"),
				plural(rep.Imported, "customer"), plural(rep.Changed, "customer"), plural(len(rep.Alerted), "new alert"))
			if rep.Errors > 0 {
				fmt.Fprintf(g.stdout, "%s not imported: see %s (line, reason, record).\n", plural(int(rep.Errors), "row"), rep.File)
			}
			if len(rep.Alerted) > 0 {
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

// importCustomers imports the customers of a file through the app, which
// screens those added or changed, and records the screening in the audit
// trail, whatever stopped the import once it began.
func importCustomers(ctx context.Context, g *globalOptions, path, errorsPath string, ro batch.ReadOptions) (*app.CustomerImport, error) {
	a, err := g.open(ctx, match.DefaultConfig())
	if err != nil {
		return nil, err
	}
	defer a.Close()
	rep, err := a.ImportCustomers(ctx, path, errorsPath, ro)
	if rep == nil {
		return nil, err
	}
	sum := app.NewScreening("cli", "customers import", a.Keeper.Snapshot())
	sum.Rows, sum.Errors, sum.Warnings = rep.Rows, rep.Errors, rep.Warnings
	sum.AddAlerts(rep.Changed, rep.Alerted)
	if aerr := a.RecordScreening(ctx, cliActor(), chain.ActionScreen, "cli/customers", sum); aerr != nil {
		err = errors.Join(err, aerr)
	}
	return rep, err
}

// readFlags reads the --format, --map and --date-order flags of the
// commands that read records with batch's reader.
func readFlags(format, mapSpec, dateOrder string) (batch.ReadOptions, error) {
	f, err := batch.ParseFormat(format)
	if err != nil {
		return batch.ReadOptions{}, usageError{fmt.Errorf("--format: %w", err)}
	}
	m, err := batch.ParseMapping(mapSpec)
	if err != nil {
		return batch.ReadOptions{}, usageError{fmt.Errorf("--map: %w", err)}
	}
	order, err := entity.ParseDateOrder(dateOrder)
	if err != nil {
		return batch.ReadOptions{}, usageError{fmt.Errorf("--date-order %w", err)}
	}
	return batch.ReadOptions{Format: f, Map: m, DateOrder: order}, nil
}
