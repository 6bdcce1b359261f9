package au

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/vetoscreen/veto/source"
)

// The column headers of the workbook. Columns are found by these names,
// not by position.
const (
	colReference   = "Reference"
	colName        = "Name of Individual or Entity"
	colType        = "Type"
	colNameType    = "Name Type"
	colDateOfBirth = "Date of Birth"
	colBirthPlace  = "Place of Birth"
	colCitizenship = "Citizenship"
	colAddress     = "Address"
	colInfo        = "Additional Information"
	colListing     = "Listing Information"
	colCommittees  = "Committees"
	colControlDate = "Control Date"
)

// columns are the headers every version of the workbook must have.
var columns = []string{colReference, colName, colType, colNameType, colDateOfBirth, colBirthPlace,
	colCitizenship, colAddress, colInfo, colListing, colCommittees, colControlDate}

// headerSearchRows is how many rows from the top may precede the header.
const headerSearchRows = 10

// sheet is the list sheet of a workbook, read whole.
type sheet struct {
	// headers are the header cells in column order, trimmed.
	headers []string
	// col maps a known header to its column index.
	col map[string]int
	// headerLine is the spreadsheet row number of the header.
	headerLine int
	// date1904 reports whether serial dates count from 1904.
	date1904 bool
	rows     []row
}

// row is one data row.
type row struct {
	line  int
	cells []string
}

// cell returns the trimmed text of the named column, "" when absent.
func (s *sheet) cell(r row, header string) string {
	i, ok := s.col[header]
	if !ok || i >= len(r.cells) {
		return ""
	}
	return strings.TrimSpace(r.cells[i])
}

// readSheet opens the workbook and reads the rows of its first sheet.
// Cells are read raw: a date typed as a date is the Excel serial number
// ("18798"), not the text Excel would show, which varies between
// formats and drops the century ("19-Jun-51").
func readSheet(ctx context.Context, path string, data []byte, warn *source.Warnings) (sh *sheet, err error) {
	// excelize is a large third-party parser; a panic on a damaged
	// workbook must become an error, not take the program down.
	defer func() {
		if p := recover(); p != nil {
			sh, err = nil, source.Errorf(source.ErrMalformed, path, 0, "", "unreadable workbook: %v", p)
		}
	}()
	if !bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return nil, source.Errorf(source.ErrFormat, path, 0, "", "not an XLSX workbook (no zip signature)")
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: source.MaxFileSize, UnzipXMLSizeLimit: source.MaxFileSize,
	})
	if err != nil {
		if _, zerr := zip.NewReader(bytes.NewReader(data), int64(len(data))); zerr == nil {
			return nil, source.Errorf(source.ErrFormat, path, 0, "", "zip archive is not an XLSX workbook: %v", err)
		}
		// The zip directory is at the end of the file, so a cut file
		// cannot be opened at all.
		if _, zerr := zip.NewReader(bytes.NewReader(data), int64(len(data))); zerr != nil {
			return nil, source.ZipError(path, zerr)
		}
		return nil, source.Errorf(source.ErrTruncated, path, 0, "", "cannot open the workbook (a cut or damaged file): %v", err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, source.Errorf(source.ErrFormat, path, 0, "", "workbook has no sheets")
	}
	for _, other := range sheets[1:] {
		warn.Add(path, 0, other, "sheet other than the first, not read")
	}
	sh = &sheet{}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		sh.date1904 = *props.Date1904
	}
	rows, err := f.Rows(sheets[0])
	if err != nil {
		return nil, source.Errorf(source.ErrMalformed, path, 0, "", "cannot read sheet %q: %v", sheets[0], err)
	}
	defer rows.Close()
	line := 0
	for rows.Next() {
		line++
		if line%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, source.Errorf(source.ErrMalformed, path, line, "", "cannot read row: %v", err)
		}
		if sh.col == nil {
			if err := sh.header(path, line, cells, warn); err != nil {
				return nil, err
			}
			continue
		}
		if blank(cells) {
			continue
		}
		sh.rows = append(sh.rows, row{line: line, cells: cells})
		sh.extra(path, line, cells, warn)
	}
	if err := rows.Error(); err != nil {
		return nil, source.Errorf(source.ErrMalformed, path, line, "", "cannot read sheet %q: %v", sheets[0], err)
	}
	if sh.col == nil {
		return nil, source.Errorf(source.ErrFormat, path, 0, colReference,
			"no header row with %q and %q in the first %d rows of sheet %q", colReference, colName, headerSearchRows, sheets[0])
	}
	return sh, nil
}

// header recognises the header row among the first rows and checks that
// every known column is there.
func (sh *sheet) header(path string, line int, cells []string, warn *source.Warnings) error {
	col := make(map[string]int)
	var headers []string
	for i, c := range cells {
		h := strings.Join(strings.Fields(c), " ")
		headers = append(headers, h)
		for _, k := range columns {
			if strings.EqualFold(h, k) {
				if _, dup := col[k]; !dup {
					col[k] = i
				}
			}
		}
	}
	_, hasRef := col[colReference]
	_, hasName := col[colName]
	if !hasRef || !hasName {
		if line >= headerSearchRows {
			return source.Errorf(source.ErrFormat, path, line, colReference,
				"no header row with %q and %q in the first %d rows", colReference, colName, headerSearchRows)
		}
		if !blank(cells) {
			warn.Add(path, line, "", "row above the header, not read")
		}
		return nil
	}
	var missing []string
	for _, k := range columns {
		if _, ok := col[k]; !ok {
			missing = append(missing, k)
		}
	}
	if len(missing) > 0 {
		return source.Errorf(source.ErrFormat, path, line, missing[0], "header row lacks the column(s) %s", quoteAll(missing))
	}
	for i, h := range headers {
		if h != "" && !known(col, i) {
			warn.Add(path, line, h, "unknown column, not read")
		}
	}
	sh.col, sh.headers, sh.headerLine = col, headers, line
	return nil
}

// extra warns about values in columns the package does not read.
func (sh *sheet) extra(path string, line int, cells []string, warn *source.Warnings) {
	for i, c := range cells {
		if strings.TrimSpace(c) == "" || known(sh.col, i) {
			continue
		}
		name := fmt.Sprintf("column %d", i+1)
		if i < len(sh.headers) && sh.headers[i] != "" {
			name = sh.headers[i]
		}
		warn.Add(path, line, name, "value in a column that is not read")
	}
}

func known(col map[string]int, i int) bool {
	for _, j := range col {
		if i == j {
			return true
		}
	}
	return false
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}
