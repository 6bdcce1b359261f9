package source

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors that ParseError and other failures wrap, for errors.Is.
var (
	// ErrFormat means the input is not a format the parser reads: the
	// wrong file, or a different publisher's list.
	ErrFormat = errors.New("not a recognised list format")
	// ErrMalformed means the input is of the right format but a record or
	// field cannot be read.
	ErrMalformed = errors.New("malformed list file")
	// ErrTruncated means the input ends before the format says it should.
	ErrTruncated = errors.New("truncated list file")
	// ErrEmpty means the input holds no entities at all.
	ErrEmpty = errors.New("list file holds no entities")
)

// ParseError locates a failure in a list file.
type ParseError struct {
	// File is the path or name of the file.
	File string
	// Line is the 1-based line number, 0 if unknown.
	Line int
	// Offset is the byte offset, -1 if unknown.
	Offset int64
	// Field names the column, element or attribute, if known.
	Field string
	// Err is the cause; it wraps one of the sentinel errors.
	Err error
}

func (e *ParseError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Offset >= 0 {
		fmt.Fprintf(&b, " (byte %d)", e.Offset)
	}
	if e.Field != "" {
		fmt.Fprintf(&b, " field %s", e.Field)
	}
	b.WriteString(": ")
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *ParseError) Unwrap() error { return e.Err }

// Errorf returns a ParseError at a line (0 if unknown) wrapping sentinel,
// with a message formatted like fmt.Sprintf. The offset is unknown.
func Errorf(sentinel error, file string, line int, field, format string, args ...any) error {
	return &ParseError{File: file, Line: line, Offset: -1, Field: field,
		Err: fmt.Errorf("%w: %s", sentinel, fmt.Sprintf(format, args...))}
}
