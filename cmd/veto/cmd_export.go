package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/resolve"
)

type exportOptions struct {
	dataOptions
	Format string
	Output string
}

func newExportCommand(g *globalOptions) *cobra.Command {
	var o exportOptions
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the active list versions as FollowTheMoney JSON lines",
		Long: `Write the sanctioned subjects of the active list versions, one FollowTheMoney
(FtM) entity per line, as OpenSanctions and yente read them: a subject listed
by several lists (see veto subjects) is one merged entity, with the subject's
ID, the property values of all its listings, every list in "datasets" and
the listings' IDs in "referents"; a subject of one listing is that listing.
With --by listing, every listing is written on its own, as each list has it
(an entity on several lists under one ID, as OFAC's SDN and the CSL, once).

The output is valid FollowTheMoney: each entity is followed by the entities
its facts become, as OpenSanctions writes them: a Sanction for each listing
(programme, listing date, authority, provisions), Passport and Identification
entities for identity documents, Address entities, CryptoWallet entities,
and Ownership, Directorship, Family, Associate or UnknownLink entities for
its relations (with a LegalEntity for a party named but not listed). What
FtM has no property for is in the entity's notes.`,
		Example: `  veto export --format ftm > subjects.ftm.json
  veto export --by listing --output /srv/sanctions/entities.ftm.json
  veto export --from ../shared/data > subjects.ftm.json`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error { return runExport(cmd.Context(), g, &o) },
	}
	cmd.Flags().StringVar(&o.Format, "format", "ftm", "output format: ftm")
	cmd.Flags().StringVarP(&o.Output, "output", "o", "", "write to this file instead of standard output")
	cmd.Flags().StringVar(&o.From, "from", "", "read the lists from the files in this folder instead of the store")
	o.addByFlag(cmd.Flags())
	return cmd
}

func runExport(ctx context.Context, g *globalOptions, o *exportOptions) error {
	if o.Format != "ftm" {
		return usageError{fmt.Errorf("--format %q: only ftm is supported", o.Format)}
	}
	a, snap, err := openSnapshot(ctx, g, &o.dataOptions, match.DefaultConfig())
	if err != nil {
		return err
	}
	defer a.Close()
	ents, err := snap.Records(ctx, a.Store)
	if err != nil {
		return err
	}
	var out []entity.FtMEntity
	if res := snap.Subjects(); res != nil {
		out = subjectsFtM(res.Resolution, ents)
	} else {
		// --by listing, or the subjects could not be resolved (said).
		out = listingsFtM(ents)
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
	for _, f := range out {
		if err := enc.Encode(f); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// subjectsFtM returns the records ents as res groups them, in FtM form:
// one merged entity per subject of several listings (see
// entity.SubjectFtM), and the listing itself for a subject of one, in the
// order of res's subjects, each followed by the entities its facts become
// (see entity.FtMRelated).
func subjectsFtM(res *resolve.Resolution, ents []*entity.Entity) []entity.FtMEntity {
	byID := map[string][]*entity.Entity{}
	for _, e := range ents {
		byID[e.ID] = append(byID[e.ID], e)
	}
	type group struct {
		root entity.FtMEntity
		recs []*entity.Entity
	}
	groups := make([]group, 0, len(res.Subjects))
	as := map[string]entity.FtMEntity{} // listing ID -> its root
	for _, sub := range res.Subjects {
		var recs []*entity.Entity
		for _, id := range sub.MemberIDs() {
			recs = append(recs, byID[id]...)
		}
		var g group
		switch {
		case len(recs) == 0:
			continue
		case len(sub.Members) == 1:
			g = group{entity.MergeFtM(recs)[0], recs}
		default:
			g = group{entity.SubjectFtM(sub.ID, recs), recs}
		}
		groups = append(groups, g)
		for _, e := range recs {
			as[e.ID] = g.root
		}
	}
	refs := entity.NewFtMIndex(ents, func(e *entity.Entity) (string, entity.Schema) {
		r := as[e.ID]
		return r.ID, entity.Schema(r.Schema)
	})
	var set entity.FtMSet
	for _, g := range groups {
		set.Add(g.root)
		for _, e := range g.recs {
			set.Add(e.FtMRelated(g.root.ID, refs)...)
		}
	}
	return set.Entities()
}

// listingsFtM returns every listing of ents in FtM form, records of one ID
// merged, each followed by the entities its facts become.
func listingsFtM(ents []*entity.Entity) []entity.FtMEntity {
	refs := entity.NewFtMIndex(ents, func(e *entity.Entity) (string, entity.Schema) { return e.ID, e.Schema })
	var set entity.FtMSet
	for _, e := range ents {
		set.Add(e.FtM())
		set.Add(e.FtMRelated(e.ID, refs)...)
	}
	return set.Entities()
}
