package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/vetoscreen/veto/app"
	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/source/all"
	"github.com/vetoscreen/veto/textscan"
)

type textOptions struct {
	data      dataOptions
	Threshold float64
	Lists     []string
	Kinds     []string
	JSON      bool
	Explain   bool
	Config    string
}

func newTextCommand(g *globalOptions) *cobra.Command {
	var o textOptions
	cmd := &cobra.Command{
		Use:   "text FILE|-",
		Short: "Scan free text for listed names, sanctioned places, IMO numbers, BICs and crypto addresses",
		Long: fmt.Sprintf(`Scan free text (a SWIFT MT103 or ISO 20022 message, an email, a contract, a
news page with its menus) and report, sorted by position:

  name    a listed person, organisation or vessel, in any spelling or script
          the matcher accepts, scoring at or above the threshold (default
          %.2f); a surname alone only after the full name
  place   a sanctioned country, region or city (Iran, Syria, North Korea,
          Cuba, Crimea, Donetsk, Luhansk, Tehran, Pyongyang, ...), by name or
          adjective, in English and other languages and scripts; "embargo"
          for comprehensive or territorial sanctions, "sanctions" for Russia,
          Belarus, Venezuela and Myanmar
  imo     an IMO number with a valid check digit, after "IMO"
  bic     a BIC with a valid country code in a BIC context (MT field :52A:,
          :57A: ..., <BICFI>, or after "BIC" or "SWIFT")
  crypto  a Bitcoin, Ethereum, Tron or Litecoin address with a valid checksum

Identifiers are linked to the listed entity that has them. Each finding
gives its span as byte offsets [start,end) into the input.

With --json, write one finding per line as JSON.`, match.DefaultConfig().Threshold),
		Example: `  veto text message.txt
  veto text - < payment.mt103
  veto text article.txt --kinds name,place --lists eu,uk
  veto text pacs008.xml --json --from ../shared/data`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			return runText(cmd.Context(), g, &o, a[0])
		},
	}
	f := cmd.Flags()
	o.data.addFlags(f)
	o.data.addByFlag(f)
	f.Float64Var(&o.Threshold, "threshold", 0, fmt.Sprintf("lowest score of a name finding (default %.2f)", match.DefaultConfig().Threshold))
	f.StringSliceVar(&o.Lists, "lists", nil, "only entities on these lists or regimes ("+strings.Join(all.Regimes(), ", ")+", or list names)")
	f.StringSliceVar(&o.Kinds, "kinds", nil, "only these kinds of finding: name, place, imo, bic, crypto (default all)")
	f.BoolVar(&o.JSON, "json", false, "write one finding per line as JSON")
	f.BoolVar(&o.Explain, "explain", false, "without --json: show how each name scored")
	f.StringVar(&o.Config, "config", "", "a JSON file of match.Config fields overriding the defaults")
	return cmd
}

func runText(ctx context.Context, g *globalOptions, o *textOptions, path string) error {
	if err := checkLists("lists", o.Lists); err != nil {
		return err
	}
	opts := textscan.Options{Threshold: o.Threshold, Lists: o.Lists}
	for _, k := range o.Kinds {
		opts.Kinds = append(opts.Kinds, textscan.Kind(strings.TrimSpace(k)))
	}
	if err := opts.Validate(); err != nil {
		return usageError{err}
	}
	cfg, err := readConfig(o.Config)
	if err != nil {
		return usageError{err}
	}
	in, closeIn, err := openInput(g, path)
	if err != nil {
		return err
	}
	defer closeIn()
	text, err := io.ReadAll(in)
	if err != nil {
		return fmt.Errorf("reading %s: %w", path, err)
	}
	if !utf8.Valid(text) {
		return fmt.Errorf("%s: not valid UTF-8 at byte %d; convert it first (iconv -f LATIN1 -t UTF-8)", path, invalidUTF8At(text))
	}
	a, snap, err := openSnapshot(ctx, g, &o.data, cfg)
	if err != nil {
		return err
	}
	defer a.Close()
	findings, _, err := textscan.New(snap.Index, opts).ScanContext(ctx, text, opts, nil)
	if err != nil {
		return fmt.Errorf("scanning %s: %w", path, err)
	}
	// Grouped by subject, a name found says the subject of the listing
	// it names: every list that names the same party.
	by, _ := o.data.grouping() // checked by openSnapshot
	subjects := make([]*screen.SubjectRef, len(findings))
	if by == screen.BySubject {
		for i, f := range findings {
			if f.Entity != nil {
				subjects[i] = screen.SubjectRefOf(snap.Subjects(), f.Entity.ID)
			}
		}
	}
	sum := app.NewScreening("cli", "text", snap)
	sum.AddFindings(len(text), findings, subjects)
	if err := a.RecordScreening(ctx, cliActor(), chain.ActionScreen, "cli/text", sum); err != nil {
		return err
	}
	if o.JSON {
		bw := bufio.NewWriter(g.stdout)
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		for i, f := range findings {
			// Each line names the versions, as screen --jsonl's do.
			if err := enc.Encode(struct {
				textscan.Finding
				Subject  *screen.SubjectRef `json:"subject,omitempty"`
				Versions string             `json:"versions"`
			}{f, subjects[i], snap.RefString()}); err != nil {
				return err
			}
		}
		return bw.Flush()
	}
	if len(findings) == 0 {
		fmt.Fprintf(g.stdout, "Nothing found in %d bytes.\n", len(text))
		printAgainst(g.stdout, snap)
		return nil
	}
	for i, f := range findings {
		printFinding(g.stdout, f, subjects[i], o.Explain)
	}
	fmt.Fprintf(g.stdout, "%d findings in %d bytes.\n", len(findings), len(text))
	printAgainst(g.stdout, snap)
	return nil
}

// printFinding writes one finding on a line: span, kind, text, what it
// is, score.
func printFinding(w io.Writer, f textscan.Finding, sub *screen.SubjectRef, explain bool) {
	fmt.Fprintf(w, "[%d,%d) %-6s %q", f.Start, f.End, f.Kind, f.Text)
	switch {
	case f.Entity != nil && sub != nil && sub.Members > 1:
		fmt.Fprintf(w, "  %.3f  %s  %s  [%s]  subject %s, %d listings on %s", f.Score, f.Entity.ID, f.Entity.Caption, f.Entity.Schema, sub.ID, sub.Members, strings.Join(sub.Lists, ", "))
	case f.Entity != nil:
		fmt.Fprintf(w, "  %.3f  %s  %s  [%s]  %s", f.Score, f.Entity.ID, f.Entity.Caption, f.Entity.Schema, strings.Join(f.Entity.Lists, ", "))
	case f.Place != nil:
		p := f.Place
		adj := ""
		if p.Adjective {
			adj = ", adjective"
		}
		fmt.Fprintf(w, "  %s (%s, %s%s): %s: %s", p.Name, p.Country, p.Kind, adj, p.Severity, p.Reason)
	default:
		fmt.Fprint(w, "  not listed")
	}
	if f.Detail != "" {
		fmt.Fprintf(w, "  (%s)", f.Detail)
	}
	fmt.Fprintln(w)
	if explain {
		printExplanation(w, f.Explanation)
	}
}

// invalidUTF8At returns the offset of the first byte that is not UTF-8.
func invalidUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(b)
}
