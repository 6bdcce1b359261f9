package csl

import (
	"context"
	"errors"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
)

// ListName is the veto name of the Consolidated Screening List.
const ListName = "us-csl"

// Format is the name of the list's CSV format in results.
const Format = "csl-csv"

// Publisher describes the US trade.gov Consolidated Screening List as a
// list publisher.
var Publisher = source.Publisher{
	Name:         "csl",
	Jurisdiction: "us",
	Title:        "US Consolidated Screening List (trade.gov)",
	Lists: []source.List{{
		Name:  ListName,
		Title: "Consolidated Screening List",
		Downloads: []source.Download{{
			URL:  "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv",
			File: "consolidated.csv",
		}},
	}},
	Parse: Parse,
}

// Parse reads Consolidated Screening List CSV files (plain or gzipped),
// each of which is one version of the list, and returns one Result per
// file in the order given. A file that is not the CSL CSV fails with an
// error wrapping source.ErrFormat; see [source.Publisher] for the
// contract.
func Parse(ctx context.Context, paths []string) ([]*source.Result, error) {
	if len(paths) == 0 {
		return nil, errors.New("csl: no files to parse")
	}
	var out []*source.Result
	for _, path := range paths {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		data, err := source.ReadFile(path)
		if err != nil {
			return nil, err
		}
		r, err := parseFile(ctx, path, data)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// parseFile reads one list file whose bytes are data.
func parseFile(ctx context.Context, path string, data []byte) (*source.Result, error) {
	var warn source.Warnings
	rd, err := newReader(path, data, &warn)
	if err != nil {
		return nil, err
	}
	res := &source.Result{List: ListName, Format: Format, Files: []string{path}}
	b := builder{file: path, warn: &warn, byID: make(map[string]*draft)}
	for n := 0; ; n++ {
		if n%512 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		rec, err := rd.next()
		if err != nil {
			return nil, err
		}
		if rec == nil {
			break
		}
		if err := b.add(rec); err != nil {
			return nil, err
		}
	}
	res.Entities = b.entities()
	if len(res.Entities) == 0 {
		return nil, source.Errorf(source.ErrEmpty, path, 1, "", "no rows below the header")
	}
	if !b.newest.IsZero() {
		d := b.newest
		res.Published = time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
		res.PublishedFrom = "newest-listing-date"
	}
	res.Warnings = warn.List()
	return res, nil
}

// newestDate returns the later of two dates.
func newestDate(a, b entity.Date) entity.Date {
	if b.String() > a.String() {
		return b
	}
	return a
}
