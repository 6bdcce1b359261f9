package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/vetoscreen/veto/entity"
)

type exportOptions struct {
	Format string
	Output string
}

func newExportCommand(g *globalOptions) *cobra.Command {
	var o exportOptions
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the active list versions as FollowTheMoney JSON lines",
		Long: `Write every entity of the active list versions, one FollowTheMoney (FtM)
entity per line, as OpenSanctions and yente read them. An entity that is on
several lists (same ID) is written once, with the property values of all its
records and every list in "datasets".`,
		Example: `  veto export --format ftm > entities.ftm.json
  veto export --output /srv/sanctions/entities.ftm.json`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error { return runExport(cmd.Context(), g, &o) },
	}
	cmd.Flags().StringVar(&o.Format, "format", "ftm", "output format: ftm")
	cmd.Flags().StringVarP(&o.Output, "output", "o", "", "write to this file instead of standard output")
	return cmd
}

func runExport(ctx context.Context, g *globalOptions, o *exportOptions) error {
	if o.Format != "ftm" {
		return usageError{fmt.Errorf("--format %q: only ftm is supported", o.Format)}
	}
	st, err := g.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	ents, err := st.ActiveEntities(ctx)
	if err != nil {
		return err
	}
	w := g.stdout
	if o.Output != "" {
		f, err := os.Create(o.Output)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for _, f := range entity.MergeFtM(ents) {
		if err := enc.Encode(f); err != nil {
			return err
		}
	}
	return bw.Flush()
}
