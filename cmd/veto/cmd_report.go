package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/vetoscreen/veto/audit"
	"github.com/vetoscreen/veto/report"
)

func newReportCommand(g *globalOptions) *cobra.Command {
	var out, format string
	cmd := &cobra.Command{
		Use:   "report ALERT-ID",
		Short: "Write an alert's evidence report as PDF or HTML",
		Long: `Writes the evidence report of an alert: the customer as screened (every field),
the list versions screened against with their version IDs and publish dates,
the hit with its score's parts (the name pair, the words aligned, the other
evidence), the decision, who decided and who approved it (four eyes), the
notes, and the audit entries about the alert with their sequence numbers and
hashes, to be checked against veto audit export.

The format is the output file's extension (.pdf or .html) unless --format
says. Writing the report is recorded in the audit trail (report.export, with
the file's SHA-256), so the evidence itself is traceable.`,
		Example: "  veto report 42 -o alert-42.pdf\n  veto report 42 -o alert-42.html",
		Args:    args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, argv []string) error {
			id, err := strconv.ParseInt(argv[0], 10, 64)
			if err != nil || id <= 0 {
				return usageError{fmt.Errorf("alert ID %q: want a positive number", argv[0])}
			}
			if out == "" {
				return usageError{fmt.Errorf("-o: name the file to write, e.g. -o alert-%d.pdf", id)}
			}
			if format == "" {
				format = strings.TrimPrefix(strings.ToLower(filepath.Ext(out)), ".")
			}
			if format != "pdf" && format != "html" {
				return usageError{fmt.Errorf("--format %q (or the extension of -o %q): want pdf or html", format, out)}
			}
			return runReport(cmd.Context(), g, id, format, out)
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "output file, .pdf or .html (required)")
	cmd.Flags().StringVar(&format, "format", "", "pdf or html (default: from the output file's extension)")
	return cmd
}

func runReport(ctx context.Context, g *globalOptions, id int64, format, out string) error {
	st, err := g.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	e, err := report.ForAlert(ctx, st, id, cliActor(), time.Now())
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if format == "pdf" {
		err = e.WritePDF(&b)
	} else {
		err = e.WriteHTML(&b, nil)
	}
	if err != nil {
		return err
	}
	sum := sha256.Sum256(b.Bytes())
	hash := hex.EncodeToString(sum[:])
	// Recorded first: a report that exists is a report on the trail.
	if err := report.Record(ctx, audit.NewLog(st, nil, nil), e, format, hash); err != nil {
		return err
	}
	if err := os.WriteFile(out, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	fmt.Fprintf(g.stdout, "Wrote %s (%d bytes, SHA-256 %s), recorded in the audit trail as report.export.\n", out, b.Len(), hash)
	return nil
}
