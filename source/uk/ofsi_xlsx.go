package uk

import (
	"bytes"
	"context"
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/vetoscreen/veto/source"
)

// parseOFSIXLSX reads ConList.xlsx, the same 36 columns as ConList.csv in
// the first sheet, streaming the sheet's rows.
func parseOFSIXLSX(ctx context.Context, file string, data []byte) (res *source.Result, err error) {
	// excelize is a large third-party reader; a panic on a corrupt
	// workbook must fail the parse, not the process.
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, source.Errorf(source.ErrMalformed, file, 0, "", "XLSX cannot be read: %v", r)
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: source.MaxFileSize})
	if err != nil {
		return nil, source.Errorf(source.ErrMalformed, file, 0, "", "XLSX cannot be opened: %v", err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, source.Errorf(source.ErrFormat, file, 0, "", "the workbook has no sheet")
	}
	rows, err := f.Rows(sheets[0])
	if err != nil {
		return nil, source.Errorf(source.ErrMalformed, file, 0, "", "XLSX sheet %q cannot be read: %v", sheets[0], err)
	}
	defer rows.Close()
	return parseOFSI(ctx, file, formatOFSIXLSX, &xlsxRows{rows: rows, file: file})
}

// xlsxRows reads a sheet's rows; a row's number stands for its line.
type xlsxRows struct {
	rows *excelize.Rows
	file string
	n    int
}

func (x *xlsxRows) next() ([]string, int, error) {
	if !x.rows.Next() {
		if err := x.rows.Error(); err != nil {
			return nil, x.n, source.Errorf(source.ErrMalformed, x.file, x.n+1, "", "XLSX row: %v", err)
		}
		return nil, x.n, io.EOF
	}
	x.n++
	// Raw values: every cell of the Consolidated List is text, and
	// applying number formats to each would double the parse time.
	cells, err := x.rows.Columns(excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, x.n, source.Errorf(source.ErrMalformed, x.file, x.n, "", "XLSX row: %v", err)
	}
	return cells, x.n, nil
}

// width accepts short rows, since XLSX leaves out trailing empty cells.
// Cells beyond the header are warned about by the caller.
func (x *xlsxRows) width(int, []string, int) error { return nil }
