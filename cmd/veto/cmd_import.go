package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/vetoscreen/veto/refresh"
	"github.com/vetoscreen/veto/source"
	"github.com/vetoscreen/veto/source/all"
)

func newImportCommand(g *globalOptions) *cobra.Command {
	var o refreshOptions
	cmd := &cobra.Command{
		Use:   "import PUBLISHER PATH...",
		Short: "Store list versions read from local files",
		Long: `Read list files of one publisher (files, or folders whose files are all
read) in any of the publisher's official formats, and store a new version of
each list found, with the same checks as update. The format is recognised
from the content.

Publishers: ofac, un, eu, uk, ca, au, csl. With "all", PATH is a folder whose
subfolders are each read as whatever list they hold (folders that hold no list
are skipped), and each list's versions are stored oldest first by the publish
date read from the files; versions of a format without one (OFAC's CSV) keep
the folders' name order and go first. File modification times never order
versions.

Content the store already holds, as any version, is reported "unchanged, same
as version N" and changes nothing, so importing the same files again adds no
version (--force stores it again as a rollback). A file cut short is refused
(exit status 3) and nothing stored changes.`,
		Example: `  veto import un ~/lists/un/consolidated.xml
  veto import ofac ~/lists/ofac/            # sdn.csv, add.csv, alt.csv, sdn_comments.csv
  veto import ofac SDN_ENHANCED.ZIP CONS_ENHANCED.ZIP
  veto import all ../shared/data`,
		Args: args(cobra.MinimumNArgs(2)),
		RunE: func(cmd *cobra.Command, a []string) error {
			return runImport(cmd.Context(), g, &o, a[0], a[1:])
		},
	}
	o.addFlags(cmd, false)
	return cmd
}

func runImport(ctx context.Context, g *globalOptions, o *refreshOptions, publisher string, paths []string) error {
	var pub *source.Publisher
	if publisher != "all" {
		var err error
		if pub, err = all.Publisher(publisher); err != nil {
			return usageError{err}
		}
	} else if len(paths) != 1 {
		return usageError{fmt.Errorf("import all takes one folder")}
	}
	st, err := g.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	r := &refresh.Refresher{Store: st, Config: o.Config, Logger: g.logger()}
	var outcomes []refresh.Outcome
	if pub == nil {
		var skipped []error
		outcomes, skipped, err = r.ImportDir(ctx, paths[0], all.ParseFolders)
		for _, s := range skipped {
			g.logger().Info("no list in folder", "reason", s)
		}
	} else {
		outcomes, err = r.Import(ctx, pub, paths)
	}
	if err != nil {
		return err
	}
	return reportOutcomes(g.stdout, outcomes, o.JSON)
}
