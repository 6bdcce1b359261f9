package uk

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"os"

	"github.com/vetoscreen/veto/source"
)

// List and format names.
const (
	listFCDO = "uk-fcdo"
	listOFSI = "uk-ofsi"

	formatFCDO     = "uk-fcdo-xml"
	formatOFSICSV  = "uk-ofsi-csv"
	formatOFSIXLSX = "uk-ofsi-xlsx"
)

// Publisher describes the UK's two sanctions lists.
var Publisher = source.Publisher{
	Name:         "uk",
	Jurisdiction: "uk",
	Title:        "UK (FCDO / OFSI)",
	Lists: []source.List{
		{
			Name:  listFCDO,
			Title: "UK Sanctions List (FCDO)",
			Downloads: []source.Download{{
				URL:  "https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml",
				File: "UK-Sanctions-List.xml",
			}},
		},
		{
			Name:  listOFSI,
			Title: "OFSI Consolidated List of Financial Sanctions Targets (retired 2026)",
			Downloads: []source.Download{{
				URL:  "https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.csv",
				File: "ConList.csv",
			}},
		},
	},
	Parse: Parse,
}

// Parse reads FCDO UK Sanctions List XML files and OFSI Consolidated List
// CSV and XLSX files, recognised by their content, and returns one Result
// per file in the order given; see [source.Publisher].
func Parse(ctx context.Context, paths []string) ([]*source.Result, error) {
	if len(paths) == 0 {
		return nil, fmt.Errorf("uk: no files to read: %w", source.ErrEmpty)
	}
	out := make([]*source.Result, 0, len(paths))
	for _, path := range paths {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		res, err := parseFile(ctx, path)
		if err != nil {
			return nil, err
		}
		out = append(out, res)
	}
	return out, nil
}

// parseFile recognises one file by its content and reads it.
func parseFile(ctx context.Context, path string) (*source.Result, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("uk: %w", err)
	}
	if isWorkbook(raw) {
		return parseOFSIXLSX(ctx, path, raw)
	}
	if bytes.HasPrefix(raw, []byte("PK\x03\x04")) {
		if _, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw))); err != nil {
			return nil, source.ZipError(path, err)
		}
	}
	data, err := source.Decompress(path, raw)
	if err != nil {
		return nil, err
	}
	body := bytes.TrimLeft(bytes.TrimPrefix(data, utf8BOM), " \t\r\n")
	switch {
	case bytes.HasPrefix(body, []byte("<")):
		return parseFCDO(ctx, path, data)
	case looksLikeConList(body):
		return parseOFSICSV(ctx, path, data)
	}
	return nil, source.Errorf(source.ErrFormat, path, 1, "",
		"not an FCDO UK Sanctions List XML, nor an OFSI Consolidated List CSV or XLSX")
}

var utf8BOM = []byte("\xef\xbb\xbf")

// isWorkbook reports whether data is a zip archive holding an Excel
// workbook.
func isWorkbook(data []byte) bool {
	if !bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return false
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return false
	}
	for _, f := range zr.File {
		if f.Name == "xl/workbook.xml" {
			return true
		}
	}
	return false
}

// looksLikeConList reports whether the first line of a text file is the
// Consolidated List's "Last Updated,dd/mm/yyyy" line or its header row.
func looksLikeConList(body []byte) bool {
	line, _, _ := bytes.Cut(body, []byte("\n"))
	line = bytes.TrimPrefix(bytes.TrimLeft(line, `"`), utf8BOM)
	return bytes.HasPrefix(line, []byte("Last Updated")) ||
		(bytes.Contains(line, []byte("Name 6")) && bytes.Contains(line, []byte("Group ID")))
}
