package au

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
)

// ListName is the veto name of the DFAT Consolidated List.
const ListName = "au-dfat"

// Format is the name of the list's spreadsheet format in results.
const Format = "au-xlsx"

// Publisher describes the Australian Department of Foreign Affairs and
// Trade as a list publisher.
var Publisher = source.Publisher{
	Name:         "au",
	Jurisdiction: "au",
	Title:        "Australia (DFAT)",
	Lists: []source.List{{
		Name:  ListName,
		Title: "DFAT Consolidated List",
		Downloads: []source.Download{{
			URL:  "https://www.dfat.gov.au/sites/default/files/regulation8_consolidated.xlsx",
			File: "regulation8_consolidated.xlsx",
		}},
	}},
	Parse: Parse,
}

// Parse reads DFAT Consolidated List workbooks, each of which is one
// version of the list, and returns one Result per file in the order given.
// A file that is not the DFAT workbook fails with an error wrapping
// source.ErrFormat; see [source.Publisher] for the contract.
func Parse(ctx context.Context, paths []string) ([]*source.Result, error) {
	if len(paths) == 0 {
		return nil, errors.New("au: no files to parse")
	}
	var out []*source.Result
	for _, path := range paths {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		r, err := parsePath(ctx, path)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// parsePath reads one file. An XLSX workbook is itself a zip archive of
// many members, so the file is not passed through source.ReadFile (which
// opens single-member zips); only a gzipped copy is decompressed.
func parsePath(ctx context.Context, path string) (*source.Result, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read list file: %w", err)
	}
	if bytes.HasPrefix(data, []byte{0x1f, 0x8b}) {
		if data, err = source.Decompress(path, data); err != nil {
			return nil, err
		}
	}
	return parseWorkbook(ctx, path, data)
}

// parseWorkbook reads the list from the bytes of a workbook.
func parseWorkbook(ctx context.Context, path string, data []byte) (*source.Result, error) {
	var warn source.Warnings
	sh, err := readSheet(ctx, path, data, &warn)
	if err != nil {
		return nil, err
	}
	numbers := make(map[int]string, len(sh.rows))
	for _, r := range sh.rows {
		ref := sh.cell(r, colReference)
		n := referenceNumber(ref)
		if n == "" {
			return nil, source.Errorf(source.ErrMalformed, path, r.line, colReference,
				"Reference %q does not start with a number, so the row cannot be tied to a listing", ref)
		}
		if source.Clean(sh.cell(r, colName)) == "" {
			return nil, source.Errorf(source.ErrMalformed, path, r.line, colName, "row %s has no name", ref)
		}
		numbers[r.line] = n
	}
	res := &source.Result{List: ListName, Format: Format, Files: []string{path}}
	var newest entity.Date
	for i, l := range groupListings(sh.rows, func(r row) string { return numbers[r.line] }) {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		m := mapper{file: path, sheet: sh, warn: &warn}
		e, modified := m.entity(l)
		if modified.String() > newest.String() {
			newest = modified
		}
		res.Entities = append(res.Entities, e)
	}
	if len(res.Entities) == 0 {
		return nil, source.Errorf(source.ErrEmpty, path, sh.headerLine, "", "no listing rows below the header")
	}
	if !newest.IsZero() {
		res.Published = time.Date(newest.Year, time.Month(newest.Month), newest.Day, 0, 0, 0, 0, time.UTC)
		res.PublishedFrom = "newest-listing-date"
	}
	res.Warnings = warn.List()
	return res, nil
}
