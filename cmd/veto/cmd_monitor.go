package main

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/vetoscreen/veto/app"
	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/monitor"
	"github.com/vetoscreen/veto/source/all"
	"github.com/vetoscreen/veto/store"
)

func newMonitorCommand(g *globalOptions) *cobra.Command {
	var full, asJSON bool
	var lists []string
	cmd := &cobra.Command{
		Use:   "monitor",
		Short: "Re-screen the monitored customers",
		Long: `Monitoring keeps the customers screened: each customer when it is added or
changed, and all of them again after each new list version, against only
what the version added or materially changed. veto serve does it after
every list update; "veto monitor run" does it now, for the versions not
processed yet (or, with --full, against every listed entity). An alert is
raised once per (customer, subject) pair, naming every list that lists the
subject: a match raised or decided before is not raised again, until a new
listing joins the subject (cause new-listing).`,
		Example: `  veto monitor run
  veto monitor run --full --lists un,eu,uk`,
	}
	run := &cobra.Command{
		Use:   "run",
		Short: "Re-screen the customers after the list versions not processed yet",
		Example: `  veto monitor run
  veto monitor run --full`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkLists("lists", lists); err != nil {
				return err
			}
			ctx := cmd.Context()
			a, err := g.open(ctx, match.DefaultConfig())
			if err != nil {
				return err
			}
			defer a.Close()
			a.Monitor.Lists = lists
			var rep *monitor.Report
			if full {
				rep, err = a.Monitor.Rescreen(ctx)
			} else {
				rep, err = a.Monitor.Process(ctx)
			}
			if err != nil {
				return err
			}
			sum := app.NewScreening("cli", "monitor run", a.Keeper.Snapshot())
			sum.Took = rep.Took.Round(time.Millisecond).String()
			sum.AddAlerts(rep.Customers, rep.Alerts)
			if err := a.RecordScreening(ctx, cliActor(), chain.ActionMonitorRun, "cli/monitor", sum); err != nil {
				return err
			}
			if asJSON {
				return writeJSON(g.stdout, rep)
			}
			for _, v := range rep.Versions {
				fmt.Fprintf(g.stdout, "%s version %d: %s added or changed\n", v.List, v.VersionID, plural(v.Entities, "entity"))
			}
			fmt.Fprintf(g.stdout, "Screened %s against %s in %v: %s.\n", plural(rep.Customers, "customer"), plural(rep.Entities, "entity"),
				rep.Took.Round(time.Millisecond), plural(len(rep.Alerts), "new alert"))
			printAlerts(g, rep.Alerts)
			return nil
		},
	}
	run.Flags().BoolVar(&full, "full", false, "screen every customer against every listed entity")
	run.Flags().BoolVar(&asJSON, "json", false, "write JSON")
	run.Flags().StringSliceVar(&lists, "lists", nil, "only these lists or regimes ("+strings.Join(all.Regimes(), ", ")+")")
	cmd.AddCommand(run)
	return cmd
}

func printAlerts(g *globalOptions, as []entity.Alert) {
	if len(as) == 0 {
		return
	}
	tw := table(g.stdout)
	fmt.Fprintln(tw, "ALERT\tCUSTOMER\tNAME\tENTITY\tLISTS\tSCORE\tSTATUS\tCAUSE")
	for _, a := range as {
		var hit struct {
			Caption string   `json:"caption"`
			Lists   []string `json:"lists"`
		}
		_ = json.Unmarshal(a.Hit, &hit)
		lists := a.List
		if len(hit.Lists) > 0 {
			lists = strings.Join(hit.Lists, ",")
		}
		lists += kindNote([]string{all.Kind(a.List)})
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s %s\t%s\t%.3f\t%s\t%s\n", a.ID, a.CustomerID, a.Customer.Name, a.EntityID, hit.Caption, lists, a.Score, a.Status, a.Cause)
	}
	tw.Flush()
}

func newAlertsCommand(g *globalOptions) *cobra.Command {
	var f store.AlertFilter
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "alerts",
		Short: "List alerts, newest first",
		Example: `  veto alerts --status open
  veto alerts --customer CUST-0001234 --json`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkList("list", f.List); err != nil {
				return err
			}
			if err := checkKinds("kind", f.Kind); err != nil {
				return err
			}
			if f.Status != "" && !slices.Contains(entity.AlertStatuses, f.Status) {
				return usageError{fmt.Errorf("--status %q: want one of %s", f.Status, strings.Join(entity.AlertStatuses, ", "))}
			}
			st, err := g.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			as, err := st.Alerts(cmd.Context(), f)
			if err != nil {
				return err
			}
			if asJSON {
				if as == nil {
					as = []entity.Alert{}
				}
				return writeJSON(g.stdout, as)
			}
			if len(as) == 0 {
				fmt.Fprintln(g.stdout, "No alerts.")
				return nil
			}
			printAlerts(g, as)
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.Status, "status", "", "only alerts with this status: "+strings.Join(entity.AlertStatuses, ", "))
	fl.StringVar(&f.CustomerID, "customer", "", "only this customer's alerts")
	fl.StringVar(&f.EntityID, "entity", "", "only alerts whose best listing is this entity")
	fl.StringVar(&f.SubjectID, "subject", "", "only alerts on this subject")
	fl.StringVar(&f.List, "list", "", "only alerts on this list")
	fl.StringVar(&f.Kind, "kind", "", "only alerts on lists of this kind: "+strings.Join(entity.Kinds, ", "))
	fl.Float64Var(&f.MinScore, "min-score", 0, "only alerts scoring at least this")
	fl.IntVar(&f.Limit, "limit", 100, "most alerts listed")
	fl.BoolVar(&asJSON, "json", false, "write JSON")
	return cmd
}

func newCustomersCommand(g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "customers",
		Short: "Import, list and remove monitored customers",
		Long: `Customers are the parties a bank monitors. Each is screened when it is added
or changed, and again after every list version (see veto monitor). IDs are
the bank's own references: importing a customer with a known ID replaces it.`,
		Example: `  veto customers import customers.csv --map id=client_ref,name=full_name
  veto customers list --limit 20
  veto customers remove CUST-0001234`,
	}
	var limit int
	var after string
	var asJSON bool
	list := &cobra.Command{
		Use:     "list",
		Short:   "List the monitored customers, by ID",
		Example: "  veto customers list --after CUST-0001000 --limit 50",
		Args:    args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := g.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			cs, err := st.Customers(cmd.Context(), after, limit)
			if err != nil {
				return err
			}
			if asJSON {
				if cs == nil {
					cs = []entity.Customer{}
				}
				return writeJSON(g.stdout, cs)
			}
			tw := table(g.stdout)
			fmt.Fprintln(tw, "ID\tSCHEMA\tNAME\tBIRTH\tCOUNTRY\tUPDATED")
			for _, c := range cs {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", c.ID, c.Schema, c.Name, c.BirthDate, c.Country, c.UpdatedAt.Format(time.DateOnly))
			}
			return tw.Flush()
		},
	}
	list.Flags().IntVar(&limit, "limit", 100, "most customers listed (0: all)")
	list.Flags().StringVar(&after, "after", "", "list the customers after this ID")
	list.Flags().BoolVar(&asJSON, "json", false, "write JSON")
	remove := &cobra.Command{
		Use:     "remove ID...",
		Short:   "Stop monitoring customers (their alerts stay)",
		Example: "  veto customers remove CUST-0001234",
		Args:    args(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, ids []string) error {
			st, err := g.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			for _, id := range ids {
				if err := st.RemoveCustomer(cmd.Context(), id, time.Now()); err != nil {
					return err
				}
			}
			fmt.Fprintf(g.stdout, "Removed %s.\n", strings.Join(ids, ", "))
			return nil
		},
	}
	cmd.AddCommand(list, remove, newCustomersImportCommand(g))
	return cmd
}
