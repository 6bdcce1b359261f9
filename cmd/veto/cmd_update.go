package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/refresh"
	"github.com/vetoscreen/veto/source"
	"github.com/vetoscreen/veto/source/all"
)

// refreshOptions are the flags of update and import.
type refreshOptions struct {
	Config refresh.Config
	JSON   bool
}

func (o *refreshOptions) addFlags(cmd *cobra.Command, download bool) {
	o.Config = refresh.DefaultConfig()
	f := cmd.Flags()
	f.Float64Var(&o.Config.MaxDrop, "max-drop", o.Config.MaxDrop, "refuse a version that has this fraction fewer entities than the active one")
	f.BoolVar(&o.Config.Force, "force", false, "store a version the safety checks would refuse (too many entities dropped, or older than the active version)")
	f.BoolVar(&o.JSON, "json", false, "write the outcome as JSON")
	if download {
		f.StringVar(&o.Config.Mirror, "mirror", envOr("VETO_MIRROR", ""), "fetch every file from this base URL instead of the publishers' (env VETO_MIRROR)")
		f.IntVar(&o.Config.Attempts, "attempts", o.Config.Attempts, "download attempts per file before giving up")
		f.DurationVar(&o.Config.Backoff, "backoff", o.Config.Backoff, "wait before the second attempt; doubles after each failure")
	}
}

func newUpdateCommand(g *globalOptions) *cobra.Command {
	var o refreshOptions
	cmd := &cobra.Command{
		Use:   "update [LIST|PUBLISHER]...",
		Short: "Download the lists from the publishers and store new versions",
		Long: `Download every configured list (or the named lists or publishers) from its
official URL, parse it in full, check it, and store it as a new version when
its content changed. A download that is truncated, malformed, of the wrong
format, or drops more than --max-drop of the active version's entities is
refused and the active version stays. Retired lists (uk-ofsi) are fetched
only when named.

Lists: ` + listNames(),
		Example: `  veto update
  veto update ofac un-sc
  veto update --mirror https://mirror.example.bank/sanctions`,
		RunE: func(cmd *cobra.Command, a []string) error {
			return runUpdate(cmd.Context(), g, &o, a)
		},
	}
	o.addFlags(cmd, true)
	return cmd
}

func runUpdate(ctx context.Context, g *globalOptions, o *refreshOptions, sel []string) error {
	for _, s := range sel {
		if _, err := all.Publisher(s); err == nil {
			continue
		}
		if _, _, err := all.List(s); err != nil {
			return usageError{fmt.Errorf("%q is neither a list nor a publisher (lists: %s)", s, listNames())}
		}
	}
	st, err := g.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	r := &refresh.Refresher{Store: st, Config: o.Config, Logger: g.logger()}
	outcomes, err := r.Update(ctx, all.Publishers(), refresh.Selection(sel))
	if err != nil {
		return err
	}
	err = reportOutcomes(g.stdout, outcomes, o.JSON)
	for _, out := range outcomes {
		if errors.Is(out.Err, refresh.ErrUnreachable) {
			fmt.Fprint(g.stderr, offlineHint)
			break
		}
	}
	return err
}

// offlineHint is said when a publisher could not be reached at all: on a
// machine without a network, list files copied to it can be imported.
const offlineHint = `veto: the publishers could not be reached (no network or no DNS here?).
  Lists downloaded elsewhere can be imported from files:
    veto import un consolidated.xml          # one publisher's files
    veto import ofac sdn.csv add.csv alt.csv sdn_comments.csv
    veto import all DIR                      # every list file under DIR
  or fetched through a mirror: veto update --mirror URL
`

func listNames() string {
	var s string
	for _, p := range all.Publishers() {
		for _, l := range p.Lists {
			if s != "" {
				s += ", "
			}
			s += l.Name
		}
	}
	return s
}

// outcomeJSON is an Outcome as written by --json.
type outcomeJSON struct {
	List      string `json:"list"`
	VersionID int64  `json:"versionId,omitempty"`
	Unchanged bool   `json:"unchanged,omitempty"`
	Entities  int    `json:"entities,omitempty"`
	Published string `json:"published,omitempty"`
	Warnings  int    `json:"warnings,omitempty"`
	Added     int    `json:"added,omitempty"`
	Removed   int    `json:"removed,omitempty"`
	Changed   int    `json:"changed,omitempty"`
	Error     string `json:"error,omitempty"`
}

// reportOutcomes prints what happened to each list and returns an error
// when any list failed: refusedError when every failure was a refusal of
// bad content.
func reportOutcomes(w io.Writer, outcomes []refresh.Outcome, asJSON bool) error {
	var failed []error
	var out []outcomeJSON
	tw := table(w)
	for _, o := range outcomes {
		j := outcomeJSON{List: o.List}
		switch {
		case o.Err != nil:
			failed = append(failed, o.Err)
			j.Error = o.Err.Error()
			fmt.Fprintf(tw, "%s\tFAILED\t%v\n", o.List, o.Err)
		case o.Unchanged:
			j.VersionID, j.Unchanged, j.Entities = o.Version.ID, true, o.Version.EntityCount
			older := ""
			if !o.Version.Active {
				older = ", an older version; the active version stays"
			}
			fmt.Fprintf(tw, "%s\tunchanged, same as version %d%s\t%s\n", o.List, o.Version.ID, older, plural(o.Version.EntityCount, "entity"))
		default:
			v := o.Version
			j.VersionID, j.Entities, j.Published, j.Warnings = v.ID, v.EntityCount, day(v.Published), len(v.Warnings)
			j.Added, j.Removed, j.Changed = o.Diff.Added, o.Diff.Removed, o.Diff.Changed
			published := "published " + day(v.Published)
			if v.PublishedFrom == entity.PublishedFromFileTime {
				// The format carries no date (OFAC's CSV).
				published = "no publish date in the files (file time " + day(v.Published) + ")"
			}
			fmt.Fprintf(tw, "%s\tstored\tversion %d\t%s\t%s\t+%d -%d ~%d\t%s\n", o.List, v.ID,
				plural(v.EntityCount, "entity"), published, o.Diff.Added, o.Diff.Removed, o.Diff.Changed, plural(len(v.Warnings), "warning"))
		}
		out = append(out, j)
	}
	if asJSON {
		if err := writeJSON(w, out); err != nil {
			return err
		}
	} else if err := tw.Flush(); err != nil {
		return err
	}
	if len(failed) == 0 {
		return nil
	}
	err := fmt.Errorf("%d of %d lists not stored", len(failed), len(outcomes))
	for _, f := range failed {
		if !refusal(f) {
			return err
		}
	}
	return refusedError{err}
}

func refusal(err error) bool {
	for _, s := range []error{refresh.ErrRefused, source.ErrTruncated, source.ErrMalformed, source.ErrFormat, source.ErrEmpty} {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}
