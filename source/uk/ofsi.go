package uk

import (
	"context"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
)

// The Consolidated List's columns, in the order OFSI writes them. The
// parser finds them by header text, not position.
const (
	colName6 = iota
	colName1
	colName2
	colName3
	colName4
	colName5
	colTitle
	colNonLatin
	colScriptType
	colScriptLang
	colDOB
	colTownOfBirth
	colCountryOfBirth
	colNationality
	colPassportNumber
	colPassportDetails
	colNationalIDNumber
	colNationalIDDetails
	colPosition
	colAddress1
	colAddress2
	colAddress3
	colAddress4
	colAddress5
	colAddress6
	colPostCode
	colCountry
	colOtherInfo
	colGroupType
	colAliasType
	colAliasQuality
	colRegime
	colListedOn
	colUKDesignated
	colLastUpdated
	colGroupID
	numCols
)

// ofsiHeaders are the header texts of the columns.
var ofsiHeaders = [numCols]string{
	"Name 6", "Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Title",
	"Name Non-Latin Script", "Non-Latin Script Type", "Non-Latin Script Language",
	"DOB", "Town of Birth", "Country of Birth", "Nationality",
	"Passport Number", "Passport Details", "National Identification Number", "National Identification Details",
	"Position", "Address 1", "Address 2", "Address 3", "Address 4", "Address 5", "Address 6",
	"Post/Zip Code", "Country", "Other Information", "Group Type", "Alias Type", "Alias Quality",
	"Regime", "Listed On", "UK Sanctions List Date Designated", "Last Updated", "Group ID",
}

// maxPreamble bounds how many rows may come before the header row.
const maxPreamble = 10

// rowSource yields the rows of a Consolidated List file, CSV or XLSX.
type rowSource interface {
	// next returns the next row's cells and its line (CSV) or row
	// number (XLSX), and io.EOF after the last row.
	next() (cells []string, line int, err error)
	// width checks a data row's cell count against the header's. It
	// returns the error to fail with, or nil when the row may be read
	// (XLSX leaves trailing empty cells out).
	width(line int, cells []string, want int) error
}

// ofsiHeader locates the columns of one file.
type ofsiHeader struct {
	names []string     // the header row as written
	index [numCols]int // file column of each known column
	known []bool       // whether a file column is a known column
}

// ofsiRow is one data row, padded to the header's width.
type ofsiRow struct {
	cells []string
	line  int
}

// get returns a row's cell in a known column, trimmed.
func (h *ofsiHeader) get(r ofsiRow, col int) string {
	if i := h.index[col]; i < len(r.cells) {
		return strings.TrimSpace(r.cells[i])
	}
	return ""
}

// ofsiGroup is one designation: the rows sharing a Group ID.
type ofsiGroup struct {
	id   string
	rows []ofsiRow
}

// parseOFSI reads a Consolidated List from its rows: the "Last Updated"
// line, the header row, then one row per name, grouped by Group ID.
func parseOFSI(ctx context.Context, file, format string, src rowSource) (*source.Result, error) {
	m := &mapper{file: file}
	h, updated, updatedLine, err := readPreamble(m, src)
	if err != nil {
		return nil, err
	}
	groups, err := readGroups(ctx, m, src, h)
	if err != nil {
		return nil, err
	}
	if len(groups) == 0 {
		return nil, source.Errorf(source.ErrEmpty, file, 0, "", "the list holds a header but no rows")
	}
	res := &source.Result{List: listOFSI, Format: format, Files: []string{file}}
	res.Entities = make([]*entity.Entity, 0, len(groups))
	for i, g := range groups {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		e, err := m.ofsiEntity(g, h)
		if err != nil {
			return nil, err
		}
		res.Entities = append(res.Entities, e)
	}
	setPublished(res, m, updated, updatedLine, "Last Updated")
	res.Warnings = m.warns.List()
	return res, nil
}

// readPreamble reads the rows up to and including the header row, and the
// "Last Updated" date before it.
func readPreamble(m *mapper, src rowSource) (h *ofsiHeader, updated string, updatedLine int, err error) {
	sawDate := false
	for i := 0; i < maxPreamble; i++ {
		cells, line, err := src.next()
		if err == io.EOF {
			if sawDate {
				return nil, "", 0, source.Errorf(source.ErrTruncated, m.file, line, "", "the file ends before the header row (Name 6 ... Group ID)")
			}
			break
		}
		if err != nil {
			return nil, "", 0, err
		}
		for j := range cells {
			cells[j] = strings.TrimSpace(strings.TrimPrefix(cells[j], "\ufeff"))
		}
		switch {
		case isHeader(cells):
			h, err := readHeader(m.file, line, cells)
			return h, updated, updatedLine, err
		case len(cells) > 0 && cells[0] == "Last Updated":
			sawDate = true
			if len(cells) > 1 {
				updated, updatedLine = cells[1], line
			}
			for _, c := range cells[min(2, len(cells)):] {
				if c != "" {
					m.warn(line, "Last Updated", "cell not mapped: %q", c)
				}
			}
		default:
			for _, c := range cells {
				if c != "" {
					m.warn(line, "", "row before the header not mapped: %q", c)
					break
				}
			}
		}
	}
	return nil, "", 0, source.Errorf(source.ErrFormat, m.file, 0, "",
		"no Consolidated List header row (Name 6 ... Group ID) in the first %d rows", maxPreamble)
}

// isHeader reports whether a row is the header row: it has "Name 6", or
// most of the other headers (so that a header missing a column is still
// found, and the missing column named).
func isHeader(cells []string) bool {
	n := 0
	for _, c := range cells {
		for _, name := range ofsiHeaders {
			if strings.EqualFold(c, name) {
				n++
				break
			}
		}
	}
	return contains(cells, ofsiHeaders[colName6]) || n >= numCols/2
}

// readHeader locates the columns by name. Every column must be there;
// columns it does not know are kept in the raw record and warned about
// when they hold values.
func readHeader(file string, line int, cells []string) (*ofsiHeader, error) {
	h := &ofsiHeader{names: cells}
	for i := range h.index {
		h.index[i] = -1
	}
	for i, c := range cells {
		for col, name := range ofsiHeaders {
			if !strings.EqualFold(c, name) {
				continue
			}
			if h.index[col] >= 0 {
				return nil, source.Errorf(source.ErrFormat, file, line, name, "column %q appears twice in the header row", name)
			}
			h.index[col] = i
		}
	}
	var missing []string
	for col, i := range h.index {
		if i < 0 {
			missing = append(missing, ofsiHeaders[col])
		}
	}
	if len(missing) > 0 {
		return nil, source.Errorf(source.ErrFormat, file, line, missing[0],
			"the header row lacks column(s) %q: not the Consolidated List's 36-column layout", missing)
	}
	h.known = make([]bool, len(cells))
	for _, i := range h.index {
		h.known[i] = true
	}
	return h, nil
}

// readGroups reads the data rows into groups, in order of each group's
// first row. OFSI spreads a designation over many rows, and not always
// next to each other.
func readGroups(ctx context.Context, m *mapper, src rowSource, h *ofsiHeader) ([]*ofsiGroup, error) {
	var groups []*ofsiGroup
	byID := make(map[string]*ofsiGroup)
	for n := 0; ; n++ {
		if n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		cells, line, err := src.next()
		if err == io.EOF {
			return groups, nil
		}
		if err != nil {
			return nil, err
		}
		if blank(cells) {
			continue
		}
		if err := src.width(line, cells, len(h.names)); err != nil {
			return nil, err
		}
		row := ofsiRow{cells: cells, line: line}
		m.extraCells(h, row)
		id := h.get(row, colGroupID)
		if id == "" {
			return nil, source.Errorf(source.ErrMalformed, m.file, line, "Group ID", "row has no Group ID")
		}
		g := byID[id]
		if g == nil {
			g = &ofsiGroup{id: id}
			byID[id] = g
			groups = append(groups, g)
		}
		g.rows = append(g.rows, row)
	}
}

// extraCells warns about values in columns the parser does not know.
func (m *mapper) extraCells(h *ofsiHeader, r ofsiRow) {
	for i, c := range r.cells {
		if strings.TrimSpace(c) == "" || h.isKnown(i) {
			continue
		}
		m.warn(r.line, h.columnName(i), "column not mapped")
	}
}

// isKnown reports whether file column i is one of the 36 known columns.
func (h *ofsiHeader) isKnown(i int) bool {
	return i < len(h.known) && h.known[i]
}

// columnName returns the header of file column i, or "Column N" when the
// header cell is empty or missing.
func (h *ofsiHeader) columnName(i int) string {
	if i < len(h.names) && h.names[i] != "" {
		return h.names[i]
	}
	return fmt.Sprintf("Column %d", i+1)
}

// rawJSON writes a group's rows as a JSON array of header-to-cell
// objects, headers in column order, cells as written.
func (h *ofsiHeader) rawJSON(g *ofsiGroup) string {
	size := 2
	for _, r := range g.rows {
		for j, c := range r.cells {
			size += len(c) + len(h.columnName(j)) + 6
		}
	}
	b := make([]byte, 0, size+len(g.rows)*len(h.names)*8)
	b = append(b, '[')
	for i, r := range g.rows {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '{')
		for j := 0; j < max(len(r.cells), len(h.names)); j++ {
			if j > 0 {
				b = append(b, ',')
			}
			cell := ""
			if j < len(r.cells) {
				cell = r.cells[j]
			}
			b = appendJSONString(b, h.columnName(j))
			b = append(b, ':')
			b = appendJSONString(b, cell)
		}
		b = append(b, '}')
	}
	return string(append(b, ']'))
}

// appendJSONString appends s as a JSON string. It writes what
// encoding/json writes, without HTML escaping; it is hand-written because
// encoding every cell through an Encoder cost a third of the parse.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0 // start of the run of bytes copied as they are
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, "\\ufffd"...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// blank reports whether every cell is empty.
func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
