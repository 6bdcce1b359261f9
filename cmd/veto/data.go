package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/vetoscreen/veto/app"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/source/all"
)

// readConfig returns the default match.Config with the fields set in the
// JSON file at path (if any) overriding the defaults.
func readConfig(path string) (match.Config, error) {
	cfg := match.DefaultConfig()
	if path == "" {
		return cfg, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return cfg, err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&cfg); err != nil {
		return cfg, fmt.Errorf("%s: %w", path, err)
	}
	if err := cfg.Validate(); err != nil {
		return cfg, fmt.Errorf("%s: %w", path, err)
	}
	return cfg, nil
}

// dataOptions choose the entities matching runs against: the store's
// active list versions, or list files read directly.
type dataOptions struct {
	From string
	// AsOf, for the commands that take --as-of, screens against the
	// store's versions in force at that instant.
	AsOf string
	// By, for the commands that take --by, groups the hits by subject
	// or by listing.
	By string
}

// addByFlag adds --by, for commands that screen.
func (o *dataOptions) addByFlag(f interface {
	StringVar(*string, string, string, string)
}) {
	f.StringVar(&o.By, "by", string(screen.BySubject), "subject: one hit per sanctioned subject, naming every list that lists it; listing: one hit per listing, as each list has it")
}

// grouping returns --by's grouping (by subject for commands without it).
func (o *dataOptions) grouping() (screen.Grouping, error) {
	by, err := screen.ParseGrouping(o.By)
	if err != nil {
		return "", usageError{fmt.Errorf("--by %w", err)}
	}
	return by, nil
}

// addAsOfFlag adds --as-of, for commands that screen against a snapshot.
func (o *dataOptions) addAsOfFlag(f interface {
	StringVar(*string, string, string, string)
}) {
	f.StringVar(&o.AsOf, "as-of", "", "screen against the store's list versions in force at this date (end of day, UTC) or RFC 3339 time, e.g. 2025-06-01")
}

func (o *dataOptions) addFlags(f interface {
	StringVar(*string, string, string, string)
}) {
	f.StringVar(&o.From, "from", "", "read the lists from the files in this folder (and its subfolders; the newest version of each list) instead of the store")
}

// loadEntities returns the entities to screen against.
func loadEntities(ctx context.Context, g *globalOptions, o *dataOptions) ([]*entity.Entity, error) {
	if o.From != "" {
		results, skipped, err := all.ParseDir(ctx, o.From)
		if err != nil {
			return nil, err
		}
		for _, s := range skipped {
			g.logger().Debug("not a list", "reason", s)
		}
		var ents []*entity.Entity
		for _, r := range results {
			g.logger().Info("list read", "list", r.List, "published", day(r.Published), "entities", len(r.Entities))
			ents = append(ents, r.Entities...)
		}
		if len(ents) == 0 {
			return nil, fmt.Errorf("no list files found in %s", o.From)
		}
		return ents, nil
	}
	st, err := g.openStore(ctx)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	ents, err := st.ActiveEntities(ctx)
	if err != nil {
		return nil, err
	}
	if len(ents) == 0 {
		return nil, fmt.Errorf("the store %s has no lists: run `veto update` or `veto import`, or use --from DIR", g.DB)
	}
	return ents, nil
}

// openSnapshot opens veto on --db and returns the snapshot to screen
// against, built once, with the versions it holds: the store's active
// versions, those in force at --as-of, or the list files under --from
// (named by their content hash, as the store would store them). The
// caller closes the app: its audit trail records the screening, --from
// or not.
func openSnapshot(ctx context.Context, g *globalOptions, o *dataOptions, cfg match.Config) (*app.App, *screen.Snapshot, error) {
	if o.AsOf != "" && o.From != "" {
		return nil, nil, usageError{errors.New("--as-of screens against the store's versions: give it or --from, not both")}
	}
	by, err := o.grouping()
	if err != nil {
		return nil, nil, err
	}
	var asOf time.Time
	if o.AsOf != "" {
		var err error
		if asOf, err = screen.ParseAsOf(o.AsOf); err != nil {
			return nil, nil, usageError{fmt.Errorf("--as-of: %w", err)}
		}
	}
	// The files are read before the store opens: a new SQLite store in
	// the folder read is no list file.
	var snap *screen.Snapshot
	if o.From != "" {
		var err error
		if snap, err = app.FileSnapshot(ctx, o.From, cfg, g.logger()); err != nil {
			return nil, nil, err
		}
	}
	a, err := g.open(ctx, cfg)
	if err != nil {
		return nil, nil, err
	}
	// Hits by listing need no subjects: their resolution's seconds are
	// saved.
	a.Keeper.NoSubjects = by == screen.ByListing
	if snap == nil {
		snap, err = a.Snapshot(ctx, asOf)
	} else if by == screen.BySubject {
		// The files' subjects, with the decisions stored; their IDs are
		// not kept, the files being no lists served.
		// A failure is said below: the files are screened anyway.
		if ents, rerr := snap.Records(ctx, a.Store); rerr == nil {
			_ = snap.Resolve(ctx, a.Store, ents, false)
		}
	}
	switch {
	case errors.Is(err, screen.ErrNoVersionsAt):
		err = usageError{fmt.Errorf("--as-of %s: %w", o.AsOf, err)}
	case errors.Is(err, app.ErrNoLists):
		err = fmt.Errorf("the store %s has no lists: run `veto update` or `veto import`, or use --from DIR", g.DB)
	}
	if err != nil {
		a.Close()
		return nil, nil, err
	}
	g.logger().Info("index built", "versions", snap.RefString(), slog.Any("stats", snap.Index.Stats))
	if err := snap.SubjectsErr(); err != nil && by == screen.BySubject {
		fmt.Fprintf(g.stderr, "veto: warning: each listing is reported on its own: %v\n", err)
	}
	return a, snap, nil
}

// screenedAgainst is what CLI results say they were screened against.
type screenedAgainst struct {
	Versions []entity.VersionRef `json:"versions"`
	AsOf     time.Time           `json:"asOf,omitzero"`
	Absent   []string            `json:"absent,omitempty"`
}

func against(snap *screen.Snapshot) screenedAgainst {
	return screenedAgainst{Versions: snap.Refs(), AsOf: snap.AsOf, Absent: snap.Absent}
}

// printAgainst writes, for people, the versions a result was screened
// against.
func printAgainst(w io.Writer, snap *screen.Snapshot) {
	var b strings.Builder
	for i, r := range snap.Refs() {
		if i > 0 {
			b.WriteString(", ")
		}
		v := entity.ListVersion{Published: r.Published, PublishedFrom: r.PublishedFrom}
		if v.PublishDateKnown() {
			fmt.Fprintf(&b, "%s (published %s)", r, v.PublishedText())
		} else {
			fmt.Fprintf(&b, "%s (%s)", r, v.PublishedText())
		}
	}
	if snap.AsOf.IsZero() {
		fmt.Fprintf(w, "Screened against %s.\n", b.String())
		return
	}
	fmt.Fprintf(w, "Screened as of %s against %s.\n", snap.AsOf.Format(time.RFC3339), b.String())
	if len(snap.Absent) > 0 {
		fmt.Fprintf(w, "Not screened, no version in force then: %s.\n", strings.Join(snap.Absent, ", "))
	}
}
