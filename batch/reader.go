package batch

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/vetoscreen/veto/entity"
)

// Format is a file format: FormatCSV or FormatJSONL.
type Format string

// The formats read and written.
const (
	FormatCSV   Format = "csv"
	FormatJSONL Format = "jsonl"
)

// ParseFormat reads a format name ("" is returned as is: detect it).
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "":
		return "", nil
	case "csv", "tsv":
		return FormatCSV, nil
	case "jsonl", "ndjson", "json":
		return FormatJSONL, nil
	}
	return "", fmt.Errorf("format %q: want csv or jsonl", s)
}

// DetectFormat returns the format of a file from its extension (.csv,
// .tsv, .txt; .jsonl, .ndjson, .json), or else from its first bytes: JSON
// lines start with '{'.
func DetectFormat(name string, head []byte) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv", ".tsv", ".txt":
		return FormatCSV
	case ".jsonl", ".ndjson", ".json":
		return FormatJSONL
	}
	head = bytes.TrimLeft(bytes.TrimPrefix(head, bom), " \t\r\n")
	if len(head) > 0 && head[0] == '{' {
		return FormatJSONL
	}
	return FormatCSV
}

// bom is the UTF-8 byte order mark Excel writes at the start of a CSV.
var bom = []byte("\xef\xbb\xbf")

// Position is a place in the input between records: resume reading here.
type Position struct {
	// Offset is the byte offset of the next record.
	Offset int64 `json:"offset"`
	// Line is the line number it starts on.
	Line int `json:"line"`
}

// Reader reads rows from an input file.
type Reader interface {
	// Next returns the next row, or io.EOF after the last. A record that
	// cannot be screened is returned as a Row with Err set, and reading
	// goes on; an error return is a failure to read the input.
	Next() (Row, error)
	// Pos is the position just after the rows returned so far.
	Pos() Position
	// Describe says how the input is read (format, delimiter, columns),
	// for the log.
	Describe() string
}

// ReadOptions say how to read an input.
type ReadOptions struct {
	// Format is the input's format; empty to detect it (see DetectFormat).
	Format Format
	// Map maps CSV columns to fields (CSV only).
	Map Mapping
	// DateOrder is how numeric dates of birth are read (21/03/1950);
	// empty is day first.
	DateOrder entity.DateOrder
	// Start, if set, is where to start reading (a Pos of an earlier
	// Reader on the same input); a CSV header is still read from the
	// start of the input.
	Start Position
}

// NewReader returns a Reader of r, named name in errors. r is read from
// its start (and, to resume, from opts.Start).
func NewReader(r io.ReadSeeker, name string, opts ReadOptions) (Reader, error) {
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	format := opts.Format
	if format == "" {
		head := make([]byte, 512)
		n, err := io.ReadFull(r, head)
		if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		format = DetectFormat(name, head[:n])
		if _, err := r.Seek(0, io.SeekStart); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	switch format {
	case FormatCSV:
		return newCSVReader(r, name, opts)
	case FormatJSONL:
		if len(opts.Map) > 0 {
			return nil, fmt.Errorf("%s: a column mapping applies to CSV files only; JSON lines use the field names id, name, birthDate, country, idNumber, schema", name)
		}
		return newJSONLReader(r, name, opts.Start, opts.DateOrder)
	}
	return nil, fmt.Errorf("%s: unknown format %q", name, format)
}

// seekTo positions r at start (skipping a byte order mark at offset 0).
func seekTo(r io.ReadSeeker, name string, start Position) (*lineReader, error) {
	if start.Line == 0 {
		start = Position{Offset: 0, Line: 1}
	}
	if _, err := r.Seek(start.Offset, io.SeekStart); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	lr := newLineReader(r, start)
	if start.Offset == 0 {
		if b, err := lr.br.Peek(len(bom)); err == nil && bytes.Equal(b, bom) {
			lr.br.Discard(len(bom))
			lr.offset += int64(len(bom))
		}
	}
	return lr, nil
}

// blank reports whether a line holds only white space.
func blank(b []byte) bool { return len(bytes.TrimSpace(b)) == 0 }
