package batch

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
)

// csvReader reads CSV rows. It splits the input into records itself
// rather than with encoding/csv, whose reader, on a quote left open,
// reads on to the next quote or the end of the file, so that one broken
// field would cost every record after it (or pair up the quotes of the
// following records wrongly). Here a record that spans lines is kept
// only if it parses into the header's number of fields; otherwise only
// its first line is reported and reading resumes on the next line.
type csvReader struct {
	name   string
	lr     *lineReader
	comma  byte
	header []string
	cols   columns
	pos    Position
	order  entity.DateOrder
}

// record is one CSV record as split, parsed or not.
type record struct {
	text   []byte
	fields []string
	line   int
	end    Position
	err    error
}

func newCSVReader(r io.ReadSeeker, name string, opts ReadOptions) (*csvReader, error) {
	lr, err := seekTo(r, name, Position{})
	if err != nil {
		return nil, err
	}
	c := &csvReader{name: name, lr: lr, order: opts.DateOrder}
	first, err := lr.next()
	for err == nil && blank(first.text) {
		first, err = lr.next()
	}
	if err == io.EOF {
		return nil, fmt.Errorf("%s: empty file: want a header row and one row per customer", name)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	c.comma = detectComma(first.text)
	lr.unread([]line{first})
	h, err := c.record(0)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if h.err != nil {
		return nil, fmt.Errorf("%s:%d: header: %w", name, h.line, h.err)
	}
	c.header = h.fields
	if c.cols, err = opts.Map.resolve(c.header); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	c.pos = h.end
	if opts.Start.Offset > c.pos.Offset {
		if c.lr, err = seekTo(r, name, opts.Start); err != nil {
			return nil, err
		}
		c.pos = opts.Start
	}
	return c, nil
}

// detectComma returns the delimiter of a header line: the most frequent
// of , ; tab | outside quotes (a comma when there is none: one column).
func detectComma(header []byte) byte {
	best, most := byte(','), 0
	for _, d := range []byte{',', ';', '\t', '|'} {
		n, inQuotes := 0, false
		for _, c := range header {
			switch {
			case c == '"':
				inQuotes = !inQuotes
			case c == d && !inQuotes:
				n++
			}
		}
		if n > most {
			best, most = d, n
		}
	}
	return best
}

func (c *csvReader) Pos() Position { return c.pos }

func (c *csvReader) Describe() string {
	d := map[byte]string{',': "comma", ';': "semicolon", '\t': "tab", '|': "vertical bar"}[c.comma]
	return fmt.Sprintf("CSV, %s-separated, %d columns; %s", d, len(c.header), c.cols.describe(c.header))
}

func (c *csvReader) Next() (Row, error) {
	for {
		rec, err := c.record(len(c.header))
		if err != nil {
			return Row{}, err
		}
		c.pos = rec.end
		if rec.err == nil && allEmpty(rec.fields) {
			continue // a blank line, or an empty row of a spreadsheet export
		}
		return c.row(rec), nil
	}
}

func allEmpty(fields []string) bool {
	for _, f := range fields {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// record reads the next record, expecting want fields (0: any number).
// It returns io.EOF at the end, and other errors only when the input
// cannot be read; a record that does not parse has err set.
func (c *csvReader) record(want int) (record, error) {
	first, err := c.lr.next()
	if err != nil {
		return record{}, err
	}
	if blank(first.text) {
		return record{line: first.num, end: Position{Offset: first.end, Line: first.num + 1}}, nil
	}
	lines := []line{first}
	text := first.text
	if st := scanQuotes(first.text, c.comma, fieldStart); st == quoted && !first.tooLong {
		// A quoted field goes on to the next line: join lines until it
		// closes, or until the record is implausibly long.
		text = append([]byte(nil), first.text...)
		for st == quoted && len(lines) < maxRecordLines && len(text) < maxRecordBytes {
			l, err := c.lr.next()
			if err == io.EOF {
				break
			}
			if err != nil {
				return record{}, err
			}
			lines = append(lines, l)
			text = append(text, l.text...)
			st = scanQuotes(l.text, c.comma, st)
		}
	}
	last := lines[len(lines)-1]
	rec := record{text: text, line: first.num, end: Position{Offset: last.end, Line: last.num + 1}}
	rec.fields, rec.err = c.parse(text, want, first.tooLong)
	if rec.err != nil && len(lines) > 1 {
		// Not a record with quoted newlines after all, but a quote left
		// open: report the first line alone and read on from the second.
		c.lr.unread(lines[1:])
		rec = record{text: first.text, line: first.num, end: Position{Offset: first.end, Line: first.num + 1}}
		rec.fields, rec.err = c.parse(first.text, want, false)
	}
	return rec, nil
}

func (c *csvReader) parse(text []byte, want int, tooLong bool) ([]string, error) {
	switch {
	case tooLong:
		return nil, fmt.Errorf("%w: longer than %d bytes", ErrTooLong, maxRecordBytes)
	case !utf8.Valid(text):
		return nil, fmt.Errorf("%w (save the file as UTF-8)", ErrEncoding)
	}
	fields, err := parseFields(string(text), c.comma, make([]string, 0, max(want, 4)))
	if err != nil {
		return nil, err
	}
	if want > 0 && len(fields) != want {
		return nil, fmt.Errorf("%w: %d fields, the header has %d", ErrFieldCount, len(fields), want)
	}
	return fields, nil
}

// row maps a record's fields to a query.
func (c *csvReader) row(rec record) Row {
	row := Row{Line: rec.line, Fields: rec.fields}
	if rec.err != nil {
		row.Err, row.Raw = &ParseError{File: c.name, Line: rec.line, Err: rec.err}, rawText(rec.text)
		return row
	}
	get := func(f string) string {
		if idx := c.cols[f]; len(idx) > 0 {
			return join(rec.fields, idx)
		}
		return ""
	}
	name := get(FieldName)
	if len(c.cols[FieldName]) == 0 {
		name = join(rec.fields, append(append(append([]int(nil), c.cols[FieldFirst]...), c.cols[FieldMiddle]...), c.cols[FieldLast]...))
	}
	row.ID = get(FieldID)
	q := match.Query{
		ID:      row.ID,
		Subject: entity.Subject{Schema: entity.Schema(schemaOf(get(FieldSchema))), Name: name, BirthDate: get(FieldDOB), Country: get(FieldCountry), IDNumber: get(FieldIDNumber), Gender: get(FieldGender)},
	}
	for _, i := range c.cols[FieldAlias] {
		if v := strings.TrimSpace(rec.fields[i]); v != "" {
			q.Aliases = append(q.Aliases, v)
		}
	}
	row.setQuery(c.name, q, rec.text, c.order)
	return row
}

// setQuery sets the row's query, defaulting its ID to the line number,
// or its error if the query is not valid. An optional field that cannot
// be read is dropped, and the row screened without it (row.Warning): the
// name is what must be screened.
func (row *Row) setQuery(file string, q match.Query, raw []byte, order entity.DateOrder) {
	if q.ID == "" {
		q.ID = strconv.Itoa(row.Line)
	}
	dropped, err := q.ValidateLenient(order)
	if err != nil {
		row.Err = &ParseError{File: file, Line: row.Line, Err: fmt.Errorf("%w: %v", ErrInvalid, err)}
	} else if len(dropped) > 0 {
		reasons := make([]string, len(dropped))
		for i, d := range dropped {
			reasons[i] = d.Error()
		}
		row.Warning = &ParseError{File: file, Line: row.Line, Err: fmt.Errorf("%w %s", ErrDropped, strings.Join(reasons, "; "))}
	}
	if row.Err != nil || row.Warning != nil {
		row.Raw = rawText(raw)
	}
	row.Query = q
}

// rawText is a record's text for the errors file: without its line
// ending, valid UTF-8, and at most 1,000 bytes.
func rawText(b []byte) string {
	b = bytes.TrimRight(b, "\r\n")
	if len(b) > 1000 {
		b = b[:1000]
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}
