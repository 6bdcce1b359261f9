package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/index"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/source/all"
	"github.com/vetoscreen/veto/store"
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
}

func (o *dataOptions) addFlags(f interface {
	StringVar(*string, string, string, string)
}) {
	f.StringVar(&o.From, "from", "", "read the lists from the files in this folder (and its subfolders; the newest version of each list) instead of the store")
}

// loadEntities returns the entities to screen against.
func loadEntities(ctx context.Context, g *globalOptions, o *dataOptions) ([]*entity.Entity, error) {
	ents, _, err := loadData(ctx, g, o)
	return ents, err
}

// loadData returns the entities to screen against and what they are
// (list versions or files), for the audit trail.
func loadData(ctx context.Context, g *globalOptions, o *dataOptions) ([]*entity.Entity, screenedData, error) {
	if o.From != "" {
		results, skipped, err := all.ParseDir(ctx, o.From)
		if err != nil {
			return nil, screenedData{}, err
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
			return nil, screenedData{}, fmt.Errorf("no list files found in %s", o.From)
		}
		return ents, filesData(results), nil
	}
	st, err := g.openStore(ctx)
	if err != nil {
		return nil, screenedData{}, err
	}
	defer st.Close()
	vs, err := st.Versions(ctx, store.VersionFilter{ActiveOnly: true})
	if err != nil {
		return nil, screenedData{}, err
	}
	ents, err := st.ActiveEntities(ctx)
	if err != nil {
		return nil, screenedData{}, err
	}
	if len(ents) == 0 {
		return nil, screenedData{}, fmt.Errorf("the store %s has no lists: run `veto update` or `veto import`, or use --from DIR", g.DB)
	}
	return ents, storeData(vs), nil
}

// loadIndex builds the index of the entities to screen against and says
// what they are.
func loadIndex(ctx context.Context, g *globalOptions, o *dataOptions, cfg match.Config) (*index.Index, screenedData, error) {
	ents, data, err := loadData(ctx, g, o)
	if err != nil {
		return nil, data, err
	}
	ix := index.Build(ents, cfg)
	g.logger().Info("index built", slog.Any("stats", ix.Stats))
	return ix, data, nil
}
