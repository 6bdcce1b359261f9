package batch

import (
	"errors"
	"fmt"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
)

// Row is one record of an input file.
type Row struct {
	// Line is the line number the record starts on, from 1.
	Line int
	// ID is the input's own reference for the row; empty when the file
	// has none.
	ID string
	// Query is what is screened. Its ID is ID, or the line number when ID
	// is empty.
	Query match.Query
	// Fields are the record's fields as read (CSV only).
	Fields []string
	// Err, if set, says why the row cannot be screened (a *ParseError);
	// Query may then be incomplete.
	Err error
	// Warning, if set, says which optional fields the row was screened
	// without, because they could not be read (a *ParseError wrapping
	// ErrDropped): a date of birth written 21.03.1950 must not keep the
	// name from being screened.
	Warning error
	// Raw is the record's text, set with Err or Warning for the errors
	// file.
	Raw string
}

// Customer is the row as a customer to monitor: the query's subject
// under the row's own ID.
func (r *Row) Customer() entity.Customer {
	return entity.Customer{ID: r.ID, Subject: r.Query.Subject}
}

// Errors a row can have, wrapped in a *ParseError.
var (
	ErrFieldCount = errors.New("wrong number of fields")
	ErrQuote      = errors.New("bad quoting")
	ErrEncoding   = errors.New("not valid UTF-8")
	ErrTooLong    = errors.New("record too long")
	ErrJSON       = errors.New("not a JSON query")
	ErrInvalid    = errors.New("invalid query")
	ErrDropped    = errors.New("screened without")
)

// ParseError is a record that cannot be screened: where it is and why.
type ParseError struct {
	File string
	Line int
	// Err wraps one of the sentinel errors above with the detail.
	Err error
}

func (e *ParseError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }

func (e *ParseError) Unwrap() error { return e.Err }

// Reason is the error without its file and line, as the errors file
// writes it.
func Reason(err error) string {
	var pe *ParseError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
