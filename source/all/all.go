// Package all lists every publisher veto reads. It is the one place that
// imports all the publisher packages; adding a publisher means adding its
// package here.
package all

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"

	"github.com/vetoscreen/veto/source"
	"github.com/vetoscreen/veto/source/au"
	"github.com/vetoscreen/veto/source/ca"
	"github.com/vetoscreen/veto/source/csl"
	"github.com/vetoscreen/veto/source/eu"
	"github.com/vetoscreen/veto/source/ofac"
	"github.com/vetoscreen/veto/source/uk"
	"github.com/vetoscreen/veto/source/un"
)

// Publishers returns every publisher, in a stable order.
func Publishers() []*source.Publisher {
	return []*source.Publisher{&ofac.Publisher, &un.Publisher, &eu.Publisher, &uk.Publisher, &ca.Publisher, &au.Publisher, &csl.Publisher}
}

// Publisher returns the publisher with the given name ("ofac", "un", ...).
func Publisher(name string) (*source.Publisher, error) {
	var names []string
	for _, p := range Publishers() {
		if p.Name == name {
			return p, nil
		}
		names = append(names, p.Name)
	}
	return nil, fmt.Errorf("unknown publisher %q (known: %v)", name, names)
}

// List returns the publisher and list with the given list name ("ofac-sdn").
func List(name string) (*source.Publisher, *source.List, error) {
	for _, p := range Publishers() {
		for i := range p.Lists {
			if p.Lists[i].Name == name {
				return p, &p.Lists[i], nil
			}
		}
	}
	return nil, nil, fmt.Errorf("unknown list %q", name)
}

// ParseFolders reads the list files in dir and its subfolders, folder by
// folder in name order: the files of one folder are given to each
// publisher's Parse in turn, and the first publisher that recognises them
// reads them; fn receives what it read. Folders no publisher recognises
// are returned in skipped with the reason; a folder a publisher
// recognises but cannot read, or an error from fn, stops the walk.
func ParseFolders(ctx context.Context, dir string, fn func(pub *source.Publisher, results []*source.Result) error) (skipped []error, err error) {
	folders := map[string][]string{}
	var order []string
	err = WalkFiles(dir, func(path string, info fs.FileInfo) error {
		if strings.HasPrefix(info.Name(), ".") || strings.HasSuffix(strings.ToLower(info.Name()), ".md") {
			return nil
		}
		f := filepath.Dir(path)
		if _, ok := folders[f]; !ok {
			order = append(order, f)
		}
		folders[f] = append(folders[f], path)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", dir, err)
	}
	slices.Sort(order)
	for _, f := range order {
		pub, rs, perr := parseFolder(ctx, folders[f])
		if perr != nil {
			if errors.Is(perr, source.ErrFormat) {
				skipped = append(skipped, fmt.Errorf("%s: %w", f, perr))
				continue
			}
			return skipped, perr
		}
		if err := fn(pub, rs); err != nil {
			return skipped, err
		}
	}
	return skipped, nil
}

// ParseDir reads every list found in dir and its subfolders (see
// ParseFolders) and keeps, for each list, the version published last: the
// newest snapshot of each list, as `veto screen --from` wants.
func ParseDir(ctx context.Context, dir string) (results []*source.Result, skipped []error, err error) {
	newest := map[string]*source.Result{}
	var lists []string
	skipped, err = ParseFolders(ctx, dir, func(_ *source.Publisher, rs []*source.Result) error {
		for _, r := range rs {
			old, ok := newest[r.List]
			if !ok {
				lists = append(lists, r.List)
			}
			if !ok || !r.Published.Before(old.Published) {
				newest[r.List] = r
			}
		}
		return nil
	})
	if err != nil {
		return nil, skipped, err
	}
	slices.Sort(lists)
	for _, l := range lists {
		results = append(results, newest[l])
	}
	return results, skipped, nil
}

// parseFolder gives files to each publisher until one recognises them.
func parseFolder(ctx context.Context, files []string) (*source.Publisher, []*source.Result, error) {
	var last error
	for _, p := range Publishers() {
		rs, err := p.Parse(ctx, files)
		if err == nil {
			return p, rs, nil
		}
		if !errors.Is(err, source.ErrFormat) {
			return nil, nil, fmt.Errorf("%s: %w", p.Name, err)
		}
		last = err
	}
	return nil, nil, last
}
