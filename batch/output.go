package batch

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/vetoscreen/veto/screen"
)

// ResultLine is one line of JSON-lines output: the result veto screen
// --jsonl writes, the line of the input record, and the list versions it
// was screened against in compact form ("eu-fsf@3,un-sc@7": list@ID in
// the store, or list@sha256:… for list files read directly).
type ResultLine struct {
	Line int `json:"line"`
	screen.Result
	Versions string `json:"versions"`
}

// CSVHeader is the header of CSV output. Each row has the input's line
// and ID, the name screened, the number of hits, the best hit (score,
// entity ID, name, list), every hit as "ID (score)" joined with "; ",
// the error of a record that could not be screened, the best hit's
// subject and the lists of its listings that matched (joined with " "),
// and the list versions it was screened against, as
// ResultLine.Versions. A hit grouped by subject is its best listing's:
// its entity ID, name and list. New columns go before the versions,
// which stay the last column, so that readers of the columns by position
// or by header read them as before; every row carries the versions, so
// that a row copied out of the file still says what it was screened
// against (a run is screened against one set of versions throughout).
var CSVHeader = []string{"line", "id", "name", "hits", "best_score", "best_entity_id", "best_entity_name", "best_list", "all_hits", "error", "best_subject", "best_matched_lists", "versions"}

// resultWriter writes one output row per input row.
type resultWriter interface {
	header() error
	write(row *Row, res *screen.Result) error
	flush() error
}

// newResultWriter returns the writer of format f on w, of results
// screened against versions (in compact form).
func newResultWriter(f Format, w io.Writer, versions string) resultWriter {
	bw := bufio.NewWriterSize(w, 1<<16)
	if f == FormatJSONL {
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		return &jsonlWriter{bw: bw, enc: enc, versions: versions}
	}
	return &csvWriter{bw: bw, w: csv.NewWriter(bw), versions: versions}
}

type jsonlWriter struct {
	bw       *bufio.Writer
	enc      *json.Encoder
	versions string
}

func (w *jsonlWriter) header() error { return nil }

func (w *jsonlWriter) write(row *Row, res *screen.Result) error {
	return w.enc.Encode(ResultLine{Line: row.Line, Result: *res, Versions: w.versions})
}

func (w *jsonlWriter) flush() error { return w.bw.Flush() }

type csvWriter struct {
	bw       *bufio.Writer
	w        *csv.Writer
	record   []string
	all      strings.Builder
	versions string
}

func (w *csvWriter) header() error { return w.w.Write(CSVHeader) }

func (w *csvWriter) write(row *Row, res *screen.Result) error {
	rec := append(w.record[:0], strconv.Itoa(row.Line), row.ID, row.Query.Name, strconv.Itoa(len(res.Hits)))
	if len(res.Hits) > 0 {
		b := res.Hits[0]
		rec = append(rec, score(b.Score), b.EntityID, b.Caption, b.List)
	} else {
		rec = append(rec, "", "", "", "")
	}
	w.all.Reset()
	for i, h := range res.Hits {
		if i > 0 {
			w.all.WriteString("; ")
		}
		w.all.WriteString(h.EntityID + " (" + score(h.Score) + ")")
	}
	rec = append(rec, w.all.String(), res.Error)
	if len(res.Hits) > 0 {
		b := &res.Hits[0]
		rec = append(rec, b.Subject, matchedLists(b))
	} else {
		rec = append(rec, "", "")
	}
	rec = append(rec, w.versions)
	w.record = rec
	return w.w.Write(rec)
}

func (w *csvWriter) flush() error {
	w.w.Flush()
	if err := w.w.Error(); err != nil {
		return err
	}
	return w.bw.Flush()
}

// matchedLists are the lists of the listings of a hit that matched,
// sorted, joined with " ": those of its one listing unless it is grouped
// by subject.
func matchedLists(h *screen.Hit) string {
	if len(h.Matched) == 0 {
		return strings.Join(h.Lists, " ")
	}
	var ls []string
	for _, m := range h.Matched {
		ls = append(ls, m.Lists...)
	}
	slices.Sort(ls)
	return strings.Join(slices.Compact(ls), " ")
}

func score(f float64) string { return strconv.FormatFloat(f, 'f', 3, 64) }

// ErrorsHeader is the header of the errors file: the line of each record
// that could not be screened, or was screened without a field it could
// not read ("screened without birthDate: …"), why, and its text.
var ErrorsHeader = []string{"line", "reason", "record"}

// ErrorsWriter writes an errors file: CSV with ErrorsHeader.
type ErrorsWriter struct {
	bw *bufio.Writer
	w  *csv.Writer
}

// NewErrorsWriter returns an ErrorsWriter on w; call Header first on a
// new file, and Flush at the end.
func NewErrorsWriter(w io.Writer) *ErrorsWriter {
	bw := bufio.NewWriter(w)
	return &ErrorsWriter{bw: bw, w: csv.NewWriter(bw)}
}

// Header writes the header row.
func (e *ErrorsWriter) Header() error { return e.w.Write(ErrorsHeader) }

// Write writes a row that has an error: its line, reason and text.
func (e *ErrorsWriter) Write(row *Row) error {
	return e.w.Write([]string{strconv.Itoa(row.Line), Reason(row.Err), row.Raw})
}

// WriteWarning writes a row screened without some of its fields: its
// line, which and why, and its text.
func (e *ErrorsWriter) WriteWarning(row *Row) error {
	return e.w.Write([]string{strconv.Itoa(row.Line), Reason(row.Warning), row.Raw})
}

// Flush writes what is buffered.
func (e *ErrorsWriter) Flush() error {
	e.w.Flush()
	if err := e.w.Error(); err != nil {
		return err
	}
	return e.bw.Flush()
}

// countingWriter counts the bytes written through it: after a flush,
// the size of the file.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
