package uk

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"io"
	"unicode/utf8"

	"github.com/vetoscreen/veto/source"
)

// parseOFSICSV reads ConList.csv: UTF-8 with or without a byte order
// mark, CRLF line ends, quoted cells that hold line breaks, and a "Last
// Updated,dd/mm/yyyy" line before the header row.
func parseOFSICSV(ctx context.Context, file string, data []byte) (*source.Result, error) {
	data = bytes.TrimPrefix(data, utf8BOM)
	if !utf8.Valid(data) {
		off := int64(validPrefix(data))
		return nil, &source.ParseError{File: file, Line: source.LineAt(data, off), Offset: off,
			Err: errorf(source.ErrMalformed, "the CSV is not UTF-8")}
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1 // the "Last Updated" line is shorter than the rows
	return parseOFSI(ctx, file, formatOFSICSV, &csvRows{r: r, file: file, data: data})
}

// csvRows reads CSV records as rows.
type csvRows struct {
	r    *csv.Reader
	file string
	data []byte
}

func (c *csvRows) next() ([]string, int, error) {
	rec, err := c.r.Read()
	if err == io.EOF {
		return nil, 0, io.EOF
	}
	if err != nil {
		var pe *csv.ParseError
		line := 0
		if errors.As(err, &pe) {
			line = pe.StartLine
		}
		sentinel := source.ErrMalformed
		if errors.Is(err, csv.ErrQuote) && c.r.InputOffset() >= int64(len(c.data)) {
			// A quoted cell still open at the end of the file: the file was cut.
			sentinel = source.ErrTruncated
		}
		return nil, line, &source.ParseError{File: c.file, Line: line, Offset: c.r.InputOffset(),
			Err: errorf(sentinel, "CSV: %v", err)}
	}
	line, _ := c.r.FieldPos(0)
	return rec, line, nil
}

// width requires every row to have the header's cells. Extra cells are
// allowed only when empty (a trailing comma). A short last row in a file
// that does not end with a line break is a cut file.
func (c *csvRows) width(line int, cells []string, want int) error {
	if len(cells) > want && blank(cells[want:]) {
		return nil
	}
	if len(cells) == want {
		return nil
	}
	sentinel := source.ErrMalformed
	if len(cells) < want && c.r.InputOffset() >= int64(len(c.data)) && !bytes.HasSuffix(c.data, []byte("\n")) {
		sentinel = source.ErrTruncated
	}
	return source.Errorf(sentinel, c.file, line, "", "row has %d cells, the header has %d", len(cells), want)
}

// validPrefix returns the length of the longest valid UTF-8 prefix.
func validPrefix(b []byte) int {
	n := 0
	for n < len(b) {
		r, size := utf8.DecodeRune(b[n:])
		if r == utf8.RuneError && size <= 1 {
			return n
		}
		n += size
	}
	return n
}
