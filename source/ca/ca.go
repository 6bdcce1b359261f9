package ca

import (
	"context"
	"errors"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
)

// ListName is the veto name of the Consolidated Canadian Autonomous
// Sanctions List.
const ListName = "ca-sema"

// Format is the name of the list's XML format in results.
const Format = "ca-xml"

// Publisher describes Global Affairs Canada as a list publisher.
var Publisher = source.Publisher{
	Name:         "ca",
	Jurisdiction: "ca",
	Title:        "Canada (Global Affairs Canada)",
	Lists: []source.List{{
		Name:  ListName,
		Title: "Consolidated Canadian Autonomous Sanctions List",
		Downloads: []source.Download{{
			URL:  "https://www.international.gc.ca/world-monde/assets/office_docs/international_relations-relations_internationales/sanctions/sema-lmes.xml",
			File: "sema-lmes.xml",
		}},
	}},
	Parse: Parse,
}

// rootName is the document element of the list.
const rootName = "data-set"

// recordName is the element of one listing.
const recordName = "record"

// Parse reads Canadian consolidated list files, each of which is one
// version of the list, and returns one Result per file in the order given.
// A file that is not the Canadian list fails with an error wrapping
// source.ErrFormat; see [source.Publisher] for the contract.
func Parse(ctx context.Context, paths []string) ([]*source.Result, error) {
	if len(paths) == 0 {
		return nil, errors.New("ca: no files to parse")
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
	res := &source.Result{List: ListName, Format: Format, Files: []string{path}}
	var warn source.Warnings
	seen := make(map[string]int)
	err := source.ScanXML(data, path, rootName, []string{recordName}, func(x *source.XMLRecord) error {
		if len(res.Entities)%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		var rec record
		if err := x.Decode(&rec); err != nil {
			return err
		}
		m := mapper{file: path, line: x.Line, warn: &warn}
		e, err := m.entity(&rec, x.Raw)
		if err != nil {
			return err
		}
		// The ID is built from the regulation, schedule and item; two
		// records with the same three are not one designation spread
		// over records but a clash the ID scheme cannot resolve.
		if first, dup := seen[e.ID]; dup {
			return source.Errorf(source.ErrMalformed, path, x.Line, "Item",
				"regulation, schedule and item give the ID %s, which the record on line %d has already", e.ID, first)
		}
		seen[e.ID] = x.Line
		res.Entities = append(res.Entities, e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(res.Entities) == 0 {
		return nil, source.Errorf(source.ErrEmpty, path, 0, "", "no <%s> elements in <%s>", recordName, rootName)
	}
	outline(data, path, &warn)
	res.Published = newestListing(res.Entities)
	if !res.Published.IsZero() {
		res.PublishedFrom = "newest-listing-date"
	}
	res.Warnings = warn.List()
	return res, nil
}

// newestListing returns the latest listing date of the entities: the
// file carries no date of its own.
func newestListing(es []*entity.Entity) time.Time {
	var newest entity.Date
	for _, e := range es {
		if d := e.ListingDate; d.String() > newest.String() {
			newest = d
		}
	}
	if newest.IsZero() {
		return time.Time{}
	}
	return time.Date(newest.Year, time.Month(max(newest.Month, 1)), max(newest.Day, 1), 0, 0, 0, 0, time.UTC)
}
