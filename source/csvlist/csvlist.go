// Package csvlist reads a bank's own watchlist from CSV (`veto import
// csv`): one entity a row, its columns mapped to fields as `veto batch`
// and `veto customers import` map them, read by the same reader
// (package batch) with the same tolerance: a row that cannot be read (a
// wrong number of fields, bad quoting, no name, no ID) goes to the
// errors file with its line and reason, and the others are imported.
package csvlist

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/vetoscreen/veto/batch"
	"github.com/vetoscreen/veto/countries"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
)

// Format is the Result.Format of a CSV list.
const Format = "csv-list"

// Options say how to read the file and which list its rows become.
type Options struct {
	// List is the veto list name; Prefix the publisher prefix of the
	// entities' IDs: a row with ID "42" becomes "<Prefix>-42".
	List, Prefix string
	// Read says how to read the file (its column mapping, date order).
	Read batch.ReadOptions
	// ErrorsPath is the errors file to write.
	ErrorsPath string
}

// Report says how the rows were read.
type Report struct {
	Rows, Errors, Warnings int
}

// Publisher returns a publisher whose Parse reads a CSV list with o,
// counting rows in rep: `veto import csv` stores it like an official
// list.
func Publisher(o Options, title, jurisdiction, listTitle string, rep *Report) *source.Publisher {
	return &source.Publisher{
		Name: o.Prefix, Jurisdiction: jurisdiction, Title: title,
		Lists: []source.List{{Name: o.List, Title: listTitle}},
		Parse: func(ctx context.Context, paths []string) ([]*source.Result, error) {
			if len(paths) != 1 {
				return nil, fmt.Errorf("import csv reads one file, not %d", len(paths))
			}
			res, r, err := Parse(ctx, paths[0], o)
			if err != nil {
				return nil, err
			}
			*rep = r
			return []*source.Result{res}, nil
		},
	}
}

// Parse reads the CSV file at path into a list, writing the rows that
// cannot be imported to o.ErrorsPath.
func Parse(ctx context.Context, path string, o Options) (*source.Result, Report, error) {
	var rep Report
	in, err := os.Open(path)
	if err != nil {
		return nil, rep, err
	}
	defer in.Close()
	o.Read.Format = batch.FormatCSV
	rd, err := batch.NewReader(in, path, o.Read)
	if err != nil {
		return nil, rep, err
	}
	ef, err := os.Create(o.ErrorsPath)
	if err != nil {
		return nil, rep, err
	}
	defer ef.Close()
	ew := batch.NewErrorsWriter(ef)
	if err := ew.Header(); err != nil {
		return nil, rep, err
	}
	res := &source.Result{List: o.List, Format: Format, Files: []string{path}}
	seen := map[string]int{} // ID → line
	var warn source.Warnings // the rows not imported, in the version too
	for {
		if err := ctx.Err(); err != nil {
			return nil, rep, err
		}
		row, err := rd.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, rep, err
		}
		rep.Rows++
		if row.Err == nil {
			switch {
			case row.ID == "":
				row.Err = rowError(path, row.Line, "no id (map the column with --map id=COLUMN)")
			case seen[row.ID] > 0:
				row.Err = rowError(path, row.Line, fmt.Sprintf("id %q again (first on line %d)", row.ID, seen[row.ID]))
			}
		}
		if row.Err != nil {
			rep.Errors++
			warn.Add(path, row.Line, "row", "not imported: "+batch.Reason(row.Err))
			if row.Raw == "" {
				row.Raw = record(row.Fields)
			}
			if err := ew.Write(&row); err != nil {
				return nil, rep, fmt.Errorf("write %s: %w", o.ErrorsPath, err)
			}
			continue
		}
		if row.Warning != nil {
			rep.Warnings++
			if err := ew.WriteWarning(&row); err != nil {
				return nil, rep, fmt.Errorf("write %s: %w", o.ErrorsPath, err)
			}
		}
		seen[row.ID] = row.Line
		res.Entities = append(res.Entities, entityOf(o, row))
	}
	if err := ew.Flush(); err != nil {
		return nil, rep, fmt.Errorf("write %s: %w", o.ErrorsPath, err)
	}
	res.Warnings = warn.List()
	if len(res.Entities) == 0 {
		return nil, rep, fmt.Errorf("%w: %s: none of %d rows could be imported (see %s)", source.ErrEmpty, path, rep.Rows, o.ErrorsPath)
	}
	return res, rep, nil
}

func rowError(file string, line int, msg string) error {
	return &batch.ParseError{File: file, Line: line, Err: fmt.Errorf("%w: %s", batch.ErrInvalid, msg)}
}

// entityOf is a row read as an entity of the list.
func entityOf(o Options, row batch.Row) *entity.Entity {
	q := row.Query
	schema := q.Schema
	if schema == "" {
		schema = entity.LegalEntity // a party of either kind
	}
	e := &entity.Entity{ID: o.Prefix + "-" + row.ID, Schema: schema, List: o.List,
		Raw: entity.Raw{Format: "csv", Text: record(row.Fields)}}
	e.AddName(entity.Name{Full: q.Name, Kind: entity.Primary})
	for _, a := range q.Aliases {
		e.AddName(entity.Name{Full: a, Kind: entity.Alias})
	}
	if q.BirthDate != "" {
		if d, err := entity.ParseDateRange(q.BirthDate); err == nil {
			e.AddBirthDate(d)
		}
	}
	if q.Country != "" {
		code, ok := countries.Code(q.Country)
		if !ok && countries.Known(strings.ToLower(q.Country)) {
			code = q.Country
		}
		if code != "" {
			entity.AddCountry(&e.Countries, code)
		}
	}
	if q.IDNumber != "" {
		e.AddIdentifier(entity.Identifier{Type: entity.IDNational, Value: q.IDNumber})
	}
	e.Gender = q.Gender
	return e
}

// record writes fields as one CSV record, without its line ending.
func record(fields []string) string {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(fields)
	w.Flush()
	return strings.TrimRight(b.String(), "\r\n")
}
