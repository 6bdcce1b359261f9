package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/vetoscreen/veto/app"
	"github.com/vetoscreen/veto/audit"
	"github.com/vetoscreen/veto/audit/chain"
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
anyone can recompute the chain from an export without veto.

A chain alone does not show its newest entries removed, nor a rewrite whose
author recomputed every hash after it. veto serve therefore writes
checkpoints of the chain's head: every --audit-checkpoint-every when the
chain has advanced, and on shutdown. A checkpoint is the JSON object
{"seq", "head", "at", "key", "mac"}: the last entry's seq and hash at a time,
the ID of the key that signed it (the first 16 hex digits of the key's
SHA-256) and mac, the hex HMAC-SHA256 of the JSON array
[seq, head, at (RFC 3339, UTC, nanoseconds)] under the audit key. The key
lives outside the database: VETO_AUDIT_KEY (at least 32 characters) if set,
or else the file --audit-key-file (default audit.key beside the SQLite file,
veto-audit.key with PostgreSQL), which veto serve creates (0600) on first
start; replicas must share it. Each checkpoint is stored in the database and
appended to --checkpoint-file (default audit-checkpoints.jsonl beside the
SQLite file, veto-audit-checkpoints.jsonl with PostgreSQL), so that deleting
checkpoint rows shows too. veto audit checkpoints exports them.`,
		Example: `  veto audit verify
  veto audit export --from 2026-01-01 --to 2026-04-01 -o q1.jsonl
  veto audit export --from 2026-01-01 --format csv -o q1.csv
  veto audit checkpoints -o checkpoints.jsonl`,
	}
	var ao app.AuditFiles
	pf := cmd.PersistentFlags()
	pf.StringVar(&ao.KeyFile, "audit-key-file", os.Getenv("VETO_AUDIT_KEY_FILE"), "the key checkpoints are signed with, unless VETO_AUDIT_KEY is set (default: audit.key beside the SQLite file) (env VETO_AUDIT_KEY_FILE)")
	pf.StringVar(&ao.CheckpointFile, "checkpoint-file", os.Getenv("VETO_AUDIT_CHECKPOINTS"), "the append-only file of checkpoints (default: audit-checkpoints.jsonl beside the SQLite file) (env VETO_AUDIT_CHECKPOINTS)")
	var asJSON bool
	verify := &cobra.Command{
		Use:   "verify",
		Short: "Check the whole hash chain against the checkpoints; print the head hash, or where it breaks",
		Long: `Reads every entry in order and checks that sequence numbers follow, that each
entry names the hash of the one before, and that each entry's hash matches its
content. Then, against the checkpoints (see veto audit --help) whose MACs
verify with the audit key: that the entry at each checkpoint's seq still has
the checkpointed hash (if not, the chain was rewritten and recomputed), and
that the chain reaches the last checkpoint (if not, its newest entries were
removed); and that no checkpoint in the checkpoint file is missing from the
database, and none has a MAC that does not verify.

Prints the number of entries and the head hash (keep it: a later verify that
prints the same hash for the same count proves nothing before it changed),
or every break found with the entry's sequence number; exits 1 if the chain
is broken, or if there are checkpoints and no audit key to check them with.`,
		Example: "  veto audit verify\n  veto audit verify --json",
		Args:    args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runAuditVerify(cmd.Context(), g, &ao, asJSON)
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
	var cpOut string
	checkpoints := &cobra.Command{
		Use:   "checkpoints",
		Short: "Write the checkpoints of the chain's head as JSON lines",
		Long: `Writes the checkpoints stored in the database, oldest first, then those in the
checkpoint file that the database does not hold, as JSON lines of the form
described in veto audit --help. Given with an export, they let a regulator
check that the export reaches the heads checkpointed.`,
		Example: "  veto audit checkpoints -o checkpoints.jsonl",
		Args:    args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runAuditCheckpoints(cmd.Context(), g, &ao, cpOut)
		},
	}
	checkpoints.Flags().StringVarP(&cpOut, "output", "o", "-", "output file, - for standard output")
	checkpoint := &cobra.Command{
		Use:   "checkpoint",
		Short: "Write a checkpoint of the chain's head now",
		Long: `Signs the chain's head with the audit key (creating the key file if there is
none) and stores the checkpoint in the database and the checkpoint file, as
veto serve does periodically: for trails written while no server runs.`,
		Example: "  veto audit checkpoint",
		Args:    args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runAuditCheckpoint(cmd.Context(), g, &ao)
		},
	}
	cmd.AddCommand(verify, export, checkpoints, checkpoint)
	return cmd
}

func runAuditCheckpoint(ctx context.Context, g *globalOptions, o *app.AuditFiles) error {
	st, err := g.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	a, created, err := app.NewAnchor(g.DB, *o, st, nil)
	if err != nil {
		return err
	}
	if created {
		keyFile, _ := o.Paths(g.DB)
		fmt.Fprintf(g.stderr, "Created the audit key %s: keep a copy away from the database.\n", keyFile)
	}
	c, written, err := a.Checkpoint(ctx)
	if err != nil {
		return err
	}
	if !written {
		fmt.Fprintln(g.stdout, "The audit trail is empty: nothing to checkpoint.")
		return nil
	}
	fmt.Fprintf(g.stdout, "Checkpoint: entry %d, head hash %s, %s.\n", c.Seq, c.Head, c.At.Format(time.RFC3339))
	return nil
}

func runAuditCheckpoints(ctx context.Context, g *globalOptions, o *app.AuditFiles, out string) (err error) {
	st, err := g.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	_, cpFile := o.Paths(g.DB)
	db, err := st.AuditCheckpoints(ctx)
	if err != nil {
		return err
	}
	file, err := chain.ReadCheckpointFile(cpFile)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	w := g.stdout
	if out != "-" {
		f, err := os.Create(out)
		if err != nil {
			return fmt.Errorf("checkpoints: %w", err)
		}
		defer func() {
			if cerr := f.Close(); err == nil && cerr != nil {
				err = fmt.Errorf("checkpoints: %w", cerr)
			}
		}()
		w = f
	}
	enc := json.NewEncoder(w)
	inDB := map[string]bool{}
	for _, c := range db {
		inDB[c.MAC] = true
		if err := enc.Encode(c); err != nil {
			return fmt.Errorf("checkpoints: %w", err)
		}
	}
	for _, c := range file {
		if !inDB[c.MAC] {
			if err := enc.Encode(c); err != nil {
				return fmt.Errorf("checkpoints: %w", err)
			}
		}
	}
	return nil
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

func runAuditVerify(ctx context.Context, g *globalOptions, o *app.AuditFiles, asJSON bool) error {
	st, err := g.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	v := chain.NewVerifier()
	anchorProblems, notes, err := auditAnchors(ctx, g, o, st, v)
	if err != nil {
		return err
	}
	if err := eachAudit(ctx, st, store.AuditFilter{}, func(e entity.AuditEntry) error { v.Add(e); return nil }); err != nil {
		return err
	}
	n, head := v.Head()
	problems := append(anchorProblems, v.Problems()...)
	last := v.LastCheckpoint()
	if asJSON {
		if problems == nil {
			problems = []chain.Problem{}
		}
		if notes == nil {
			notes = []string{}
		}
		if err := writeJSON(g.stdout, map[string]any{"ok": len(problems) == 0, "entries": n, "head": head, "lastCheckpoint": last, "problems": problems, "notes": notes}); err != nil {
			return err
		}
	} else {
		if len(problems) == 0 {
			fmt.Fprintf(g.stdout, "OK: %d entries, chain intact. Head hash: %s\n", n, head)
			if last != nil {
				fmt.Fprintf(g.stdout, "Anchored: the chain reaches and matches the last checkpoint, entry %d of %s.\n", last.Seq, last.At.Format(time.RFC3339))
			}
		} else {
			fmt.Fprintf(g.stdout, "BROKEN: %d entries checked, %d problems:\n", n, len(problems))
			for _, p := range problems {
				fmt.Fprintf(g.stdout, "  %s\n", p)
			}
		}
		for _, note := range notes {
			fmt.Fprintf(g.stdout, "Note: %s\n", note)
		}
	}
	if len(problems) > 0 {
		return errAuditBroken
	}
	return nil
}

// auditAnchors reads the checkpoints from the database and the checkpoint
// file, checks their MACs with the audit key, and gives v those that
// verify. It returns the problems with the checkpoints themselves, and
// notes on what could not be checked.
func auditAnchors(ctx context.Context, g *globalOptions, o *app.AuditFiles, st store.Audit, v *chain.Verifier) (problems []chain.Problem, notes []string, err error) {
	keyFile, cpFile := o.Paths(g.DB)
	db, err := st.AuditCheckpoints(ctx)
	if err != nil {
		return nil, nil, err
	}
	file, err := chain.ReadCheckpointFile(cpFile)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		// A machine veto serve never ran on (or a replica's) has none.
		notes = append(notes, fmt.Sprintf("no checkpoint file %s: checkpoints deleted from the database cannot be detected here", cpFile))
	case err != nil:
		return []chain.Problem{{Seq: 0, Problem: fmt.Sprintf("the checkpoint file is damaged: %v", err)}}, nil, nil
	}
	if len(db) == 0 && len(file) == 0 {
		notes = append(notes, "no checkpoints: the removal of the newest entries cannot be detected (veto serve writes checkpoints; so does veto audit checkpoint)")
		return nil, notes, nil
	}
	k, _, err := chain.LoadKey(keyFile, os.Getenv("VETO_AUDIT_KEY"), false)
	if err != nil {
		distinct := map[string]bool{}
		for _, c := range append(db, file...) {
			distinct[c.MAC] = true
		}
		return []chain.Problem{{Seq: 0, Problem: fmt.Sprintf("%d checkpoints cannot be checked: %v", len(distinct), err)}}, notes, nil
	}
	valid, problems := chain.CheckCheckpoints(k, db, file)
	v.Checkpoints(valid)
	return problems, notes, nil
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
	return audit.NewLog(st, nil, nil).Record(ctx, cliActor(), chain.ActionAuditExport, "audit", map[string]any{
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
