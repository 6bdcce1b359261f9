package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/vetoscreen/veto/audit"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
)

// auditPage is how many entries are read at a time: a trail of millions
// is verified and exported in constant memory.
const auditPage = 5000

// errAuditBroken makes `veto audit verify` exit 1 after printing where.
var errAuditBroken = errors.New("the audit trail does not verify")

func newAuditCommand(g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "audit",
		Short: "Verify and export the audit trail",
		Long: `The audit trail records every screening call's outcome summary, every alert
decision, approval and allow-list change, every sign-in, key and user change
and every list update. Its entries form a hash chain: each carries the
SHA-256 of the one before, so that altering, removing or reordering any
entry breaks the chain where it is; the database refuses updates and
deletes of audit rows.

Each entry's hash is the SHA-256 of the JSON array
[seq, at (RFC 3339, UTC, nanoseconds), actor, action, subject, data, prev]:
anyone can recompute the chain from an export without veto.`,
		Example: `  veto audit verify
  veto audit export --from 2026-01-01 --to 2026-04-01 -o q1.jsonl
  veto audit export --from 2026-01-01 --format csv -o q1.csv`,
	}
	var asJSON bool
	verify := &cobra.Command{
		Use:   "verify",
		Short: "Check the whole hash chain; print the head hash, or where it breaks",
		Long: `Reads every entry in order and checks that sequence numbers follow, that each
entry names the hash of the one before, and that each entry's hash matches its
content. Prints the number of entries and the head hash (keep it: a later
verify that prints the same hash for the same count proves nothing before it
changed), or every break found with the entry's sequence number; exits 1 if
the chain is broken.`,
		Example: "  veto audit verify\n  veto audit verify --json",
		Args:    args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runAuditVerify(cmd.Context(), g, asJSON)
		},
	}
	verify.Flags().BoolVar(&asJSON, "json", false, "write JSON")
	var from, to, format, out string
	export := &cobra.Command{
		Use:   "export",
		Short: "Write the audit entries of a period as JSON lines or CSV",
		Long: `Writes the entries with --from <= at < --to (dates YYYY-MM-DD in UTC, or
RFC 3339 times; either may be left out), oldest first, with their sequence
numbers, previous hashes and hashes, as JSON lines (default) or CSV. The
export itself is recorded in the trail.`,
		Example: "  veto audit export --from 2026-01-01 --to 2026-04-01 -o q1.jsonl",
		Args:    args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			f, err := parseAuditTime("--from", from)
			if err != nil {
				return err
			}
			t, err := parseAuditTime("--to", to)
			if err != nil {
				return err
			}
			if format != "jsonl" && format != "csv" {
				return usageError{fmt.Errorf("--format %q: want jsonl or csv", format)}
			}
			return runAuditExport(cmd.Context(), g, f, t, format, out)
		},
	}
	export.Flags().StringVar(&from, "from", "", "first day or time (inclusive)")
	export.Flags().StringVar(&to, "to", "", "last day or time (exclusive)")
	export.Flags().StringVar(&format, "format", "jsonl", "jsonl or csv")
	export.Flags().StringVarP(&out, "output", "o", "-", "output file, - for standard output")
	cmd.AddCommand(verify, export)
	return cmd
}

func parseAuditTime(flag, v string) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{time.DateOnly, time.RFC3339Nano} {
		if t, err := time.Parse(layout, v); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, usageError{fmt.Errorf("%s %q: want YYYY-MM-DD or an RFC 3339 time", flag, v)}
}

// eachAudit calls fn for the entries f selects, a page at a time.
func eachAudit(ctx context.Context, st store.Audit, f store.AuditFilter, fn func(entity.AuditEntry) error) error {
	f.Limit = auditPage
	for {
		page, err := st.AuditEntries(ctx, f)
		if err != nil {
			return err
		}
		for _, e := range page {
			if err := fn(e); err != nil {
				return err
			}
		}
		if len(page) < auditPage {
			return nil
		}
		f.AfterSeq = page[len(page)-1].Seq
	}
}

func runAuditVerify(ctx context.Context, g *globalOptions, asJSON bool) error {
	st, err := g.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	v := audit.NewVerifier()
	if err := eachAudit(ctx, st, store.AuditFilter{}, func(e entity.AuditEntry) error { v.Add(e); return nil }); err != nil {
		return err
	}
	n, head := v.Head()
	if asJSON {
		problems := v.Problems()
		if problems == nil {
			problems = []audit.Problem{}
		}
		if err := writeJSON(g.stdout, map[string]any{"ok": v.OK(), "entries": n, "head": head, "problems": problems}); err != nil {
			return err
		}
	} else if v.OK() {
		fmt.Fprintf(g.stdout, "OK: %d entries, chain intact. Head hash: %s\n", n, head)
	} else {
		fmt.Fprintf(g.stdout, "BROKEN: %d entries checked, %d problems:\n", n, len(v.Problems()))
		for _, p := range v.Problems() {
			fmt.Fprintf(g.stdout, "  %s\n", p)
		}
	}
	if !v.OK() {
		return errAuditBroken
	}
	return nil
}

func runAuditExport(ctx context.Context, g *globalOptions, from, to time.Time, format, out string) (err error) {
	st, err := g.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	w := g.stdout
	if out != "-" {
		f, err := os.Create(out)
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		defer func() {
			if cerr := f.Close(); err == nil && cerr != nil {
				err = fmt.Errorf("export: %w", cerr)
			}
		}()
		w = f
	}
	write, flush := auditWriter(w, format)
	var n, first, last int64
	err = eachAudit(ctx, st, store.AuditFilter{From: from, To: to}, func(e entity.AuditEntry) error {
		if first == 0 {
			first = e.Seq
		}
		n, last = n+1, e.Seq
		return write(e)
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	fmt.Fprintf(g.stderr, "Exported %d entries (%d to %d).\n", n, first, last)
	return audit.NewLog(st, nil, nil).Record(ctx, cliActor(), audit.ActionAuditExport, "audit", map[string]any{
		"from": from, "to": to, "format": format, "entries": n, "firstSeq": first, "lastSeq": last,
	})
}

// auditWriter writes entries as JSON lines or CSV.
func auditWriter(w io.Writer, format string) (write func(entity.AuditEntry) error, flush func() error) {
	if format == "csv" {
		cw := csv.NewWriter(w)
		header := false
		return func(e entity.AuditEntry) error {
				if !header {
					header = true
					if err := cw.Write([]string{"seq", "at", "actor", "action", "subject", "data", "prev", "hash"}); err != nil {
						return err
					}
				}
				return cw.Write([]string{strconv.FormatInt(e.Seq, 10), e.At.UTC().Format(time.RFC3339Nano), e.Actor, e.Action, e.Subject, string(e.Data), e.Prev, e.Hash})
			}, func() error {
				cw.Flush()
				return cw.Error()
			}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return func(e entity.AuditEntry) error { return enc.Encode(e) }, func() error { return nil }
}
