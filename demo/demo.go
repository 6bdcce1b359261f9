package demo

import (
	"bytes"
	"context"
	"embed"
	"encoding/csv"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/vetoscreen/veto/source"
	"github.com/vetoscreen/veto/source/all"
)

// data holds the hand-written list files, one folder per publisher.
//
//go:embed data
var data embed.FS

// publishers are the publishers the dataset has a list of (a folder of
// data named after them), in all.Publishers order, the order Results
// returns them. Derived rather than written out so that the dataset's
// publishers, and so its regimes, come from the publishers' table.
var publishers = func() []string {
	var out []string
	for _, p := range all.Publishers() {
		if fi, err := fs.Stat(data, path.Join("data", p.Name)); err == nil && fi.IsDir() {
			out = append(out, p.Name)
		}
	}
	return out
}()

// published is the date the dataset's files give as their publication
// date, where the format has one: a round date that marks them as demo
// data, not a real edition of any list.
var published = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

// auRows is the CSV file holding the rows of the DFAT workbook, and
// auWorkbook the name the workbook is written under, DFAT's own.
const (
	auRows     = "rows.csv"
	auWorkbook = "regulation8_consolidated.xlsx"
)

// Results parses the embedded demo lists with the real parsers, one
// source.Result per list. The files are written to a temporary folder,
// parsed by each publisher's Parse, and the folder removed.
//
// The Files of each result (and the File of any warning) name the files
// as "demo/<publisher>/<file>", since the paths read no longer exist when
// Results returns.
func Results(ctx context.Context) ([]*source.Result, error) {
	dir, err := os.MkdirTemp("", "veto-demo-")
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	defer os.RemoveAll(dir)
	var out []*source.Result
	for _, name := range publishers {
		rs, err := parsePublisher(ctx, dir, name)
		if err != nil {
			return nil, fmt.Errorf("demo: %s: %w", name, err)
		}
		out = append(out, rs...)
	}
	return out, nil
}

// parsePublisher writes one publisher's files to a folder of its own
// under dir and parses them.
func parsePublisher(ctx context.Context, dir, name string) ([]*source.Result, error) {
	pub, err := all.Publisher(name)
	if err != nil {
		return nil, err
	}
	pdir := filepath.Join(dir, name)
	if err := os.Mkdir(pdir, 0o700); err != nil {
		return nil, err
	}
	paths, err := writeFiles(pdir, name)
	if err != nil {
		return nil, err
	}
	rs, err := pub.Parse(ctx, paths)
	if err != nil {
		return nil, err
	}
	rename := func(p string) string {
		if rel, err := filepath.Rel(pdir, p); err == nil && !strings.HasPrefix(rel, "..") {
			return path.Join("demo", name, filepath.ToSlash(rel))
		}
		return p
	}
	for _, r := range rs {
		for i, f := range r.Files {
			r.Files[i] = rename(f)
		}
		for i := range r.Warnings {
			r.Warnings[i].File = rename(r.Warnings[i].File)
		}
	}
	return rs, nil
}

// writeFiles writes the embedded files of publisher name to dir and
// returns their paths in name order. The Australian rows are written as
// the workbook DFAT publishes.
func writeFiles(dir, name string) ([]string, error) {
	entries, err := fs.ReadDir(data, "data/"+name)
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, e := range entries {
		b, err := data.ReadFile("data/" + name + "/" + e.Name())
		if err != nil {
			return nil, err
		}
		p := filepath.Join(dir, e.Name())
		if name == "au" && e.Name() == auRows {
			p = filepath.Join(dir, auWorkbook)
			if err := writeWorkbook(p, b); err != nil {
				return nil, err
			}
		} else if err := os.WriteFile(p, b, 0o600); err != nil {
			return nil, err
		}
		paths = append(paths, p)
	}
	return paths, nil
}

// isoDate is a cell that DFAT's sheet holds as a date-typed cell.
var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// writeWorkbook writes the rows of a CSV file to a one-sheet workbook at
// p. A cell holding a date written "2006-01-02" becomes a date-typed cell
// (an Excel serial number, as DFAT stores the dates it types as dates);
// every other cell is text, and empty cells are left out.
func writeWorkbook(p string, rowsCSV []byte) error {
	rows, err := csv.NewReader(bytes.NewReader(rowsCSV)).ReadAll()
	if err != nil {
		return fmt.Errorf("%s: %w", auRows, err)
	}
	f := excelize.NewFile()
	defer f.Close()
	sheet := f.GetSheetName(0)
	for i, r := range rows {
		for j, v := range r {
			if v == "" {
				continue
			}
			cell, err := excelize.CoordinatesToCellName(j+1, i+1)
			if err != nil {
				return err
			}
			var val any = v
			if isoDate.MatchString(v) {
				t, err := time.Parse(time.DateOnly, v)
				if err != nil {
					return fmt.Errorf("%s line %d: %w", auRows, i+1, err)
				}
				val = t
			}
			if err := f.SetCellValue(sheet, cell, val); err != nil {
				return err
			}
		}
	}
	return f.SaveAs(p)
}
