package batch

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
)

// jsonlReader reads one query per line, as veto screen --jsonl does:
// the fields of match.Query (which are also a customer's), strictly.
type jsonlReader struct {
	name  string
	lr    *lineReader
	pos   Position
	order entity.DateOrder
}

func newJSONLReader(r io.ReadSeeker, name string, start Position, order entity.DateOrder) (*jsonlReader, error) {
	lr, err := seekTo(r, name, start)
	if err != nil {
		return nil, err
	}
	return &jsonlReader{name: name, lr: lr, pos: Position{Offset: lr.offset, Line: lr.num}, order: order}, nil
}

func (j *jsonlReader) Pos() Position { return j.pos }

func (j *jsonlReader) Describe() string { return "JSON lines" }

func (j *jsonlReader) Next() (Row, error) {
	for {
		l, err := j.lr.next()
		if err != nil {
			return Row{}, err
		}
		j.pos = Position{Offset: l.end, Line: l.num + 1}
		if blank(l.text) {
			continue
		}
		row := Row{Line: l.num}
		q, err := decodeQuery(l.text)
		switch {
		case l.tooLong:
			err = fmt.Errorf("%w: longer than %d bytes", ErrTooLong, maxRecordBytes)
		case !utf8.Valid(l.text):
			err = ErrEncoding
		}
		if err != nil {
			row.Err, row.Raw = &ParseError{File: j.name, Line: l.num, Err: err}, rawText(l.text)
			return row, nil
		}
		row.ID = q.ID
		row.setQuery(j.name, q, l.text, j.order)
		return row, nil
	}
}

// decodeQuery decodes one JSON query, refusing unknown fields and
// trailing data.
func decodeQuery(b []byte) (match.Query, error) {
	var q match.Query
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&q); err != nil {
		return q, fmt.Errorf("%w: %v", ErrJSON, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return q, fmt.Errorf("%w: data after the query object", ErrJSON)
	}
	return q, nil
}
