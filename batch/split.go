package batch

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Limits of one record: a longer line is reported and skipped; a quoted
// field still open after maxRecordLines lines is taken for a broken quote.
const (
	maxRecordBytes = 1 << 20
	maxRecordLines = 100
)

// line is one physical line of the input.
type line struct {
	text    []byte // with its line ending
	num     int    // line number, from 1
	end     int64  // input offset just after it
	tooLong bool   // cut at maxRecordBytes
}

// lineReader reads physical lines, keeping their numbers and offsets, and
// takes lines back so that a record that turned out broken costs only its
// first line.
type lineReader struct {
	br      *bufio.Reader
	offset  int64 // input offset of the next byte br returns
	num     int   // number of the next line read from br
	pending []line
}

func newLineReader(r io.Reader, start Position) *lineReader {
	return &lineReader{br: bufio.NewReaderSize(r, 1<<16), offset: start.Offset, num: start.Line}
}

// next returns the next line; io.EOF at the end of the input.
func (lr *lineReader) next() (line, error) {
	if len(lr.pending) > 0 {
		l := lr.pending[0]
		lr.pending = lr.pending[1:]
		return l, nil
	}
	var buf []byte
	tooLong := false
	for {
		frag, err := lr.br.ReadSlice('\n')
		lr.offset += int64(len(frag))
		if !tooLong {
			buf = append(buf, frag...)
			if len(buf) > maxRecordBytes {
				buf, tooLong = buf[:maxRecordBytes], true
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil && err != io.EOF {
			return line{}, fmt.Errorf("line %d: %w", lr.num, err)
		}
		if len(buf) == 0 && err == io.EOF {
			return line{}, io.EOF
		}
		break
	}
	l := line{text: buf, num: lr.num, end: lr.offset, tooLong: tooLong}
	lr.num++
	return l, nil
}

// unread gives lines back, to be returned again before any other.
func (lr *lineReader) unread(ls []line) {
	lr.pending = append(append([]line(nil), ls...), lr.pending...)
}

// Quote states of a CSV record being scanned.
const (
	fieldStart = iota
	unquoted
	quoted
	quoteInQuoted // a quote seen in a quoted field: its end, or the first of ""
)

// scanQuotes returns the quote state at the end of text, starting in
// state st: the record goes on past the line only if it ends quoted.
// A quote opens a quoted field only at the start of a field, as in RFC
// 4180; elsewhere it is a bare quote, which parseFields rejects.
func scanQuotes(text []byte, comma byte, st int) int {
	for _, c := range text {
		switch st {
		case fieldStart:
			switch c {
			case '"':
				st = quoted
			case comma, '\n':
			default:
				st = unquoted
			}
		case unquoted:
			if c == comma || c == '\n' {
				st = fieldStart
			}
		case quoted:
			if c == '"' {
				st = quoteInQuoted
			}
		case quoteInQuoted:
			switch c {
			case '"':
				st = quoted
			case comma, '\n':
				st = fieldStart
			case '\r':
			default:
				st = unquoted
			}
		}
	}
	return st
}

// parseFields splits one CSV record (without regard to a line ending at
// its end) into fields, appending to dst. It is strict as encoding/csv
// is without LazyQuotes: a quote inside an unquoted field, text after a
// closing quote and a quote left open are errors. Inside quoted fields
// CRLF becomes LF, as encoding/csv does.
func parseFields(rec string, comma byte, dst []string) ([]string, error) {
	rec = strings.TrimSuffix(rec, "\n")
	rec = strings.TrimSuffix(rec, "\r")
	for i := 0; ; {
		if i < len(rec) && rec[i] == '"' {
			var b strings.Builder
			j := i + 1
			for {
				k := strings.IndexByte(rec[j:], '"')
				if k < 0 {
					return dst, fmt.Errorf("%w: quoted field not closed (column %d)", ErrQuote, len(dst)+1)
				}
				b.WriteString(strings.ReplaceAll(rec[j:j+k], "\r\n", "\n"))
				j += k + 1
				if j < len(rec) && rec[j] == '"' { // "" is a quote
					b.WriteByte('"')
					j++
					continue
				}
				break
			}
			dst = append(dst, b.String())
			switch {
			case j == len(rec):
				return dst, nil
			case rec[j] != comma:
				return dst, fmt.Errorf("%w: text after the closing quote of column %d", ErrQuote, len(dst))
			}
			i = j + 1
			continue
		}
		end := strings.IndexByte(rec[i:], comma)
		if end < 0 {
			end = len(rec)
		} else {
			end += i
		}
		f := rec[i:end]
		if strings.IndexByte(f, '"') >= 0 {
			return dst, fmt.Errorf("%w: quote inside unquoted column %d (quote the field and double the quote)", ErrQuote, len(dst)+1)
		}
		dst = append(dst, f)
		if end == len(rec) {
			return dst, nil
		}
		i = end + 1
	}
}
