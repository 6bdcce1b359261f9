package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/vetoscreen/veto/errkind"
	"github.com/vetoscreen/veto/screen"
)

// Error codes of the JSON error body {"error":{"code","message"}}, and
// the HTTP status of each. The code is stable for clients to act on; the
// message is for people.
const (
	CodeInvalid        = "invalid_request"
	CodeUnauthorized   = "unauthorized"
	CodeForbidden      = "forbidden"
	CodeNotFound       = "not_found"
	CodeMethod         = "method_not_allowed"
	CodeTooLarge       = "payload_too_large"
	CodeMediaType      = "unsupported_media_type"
	CodeConflict       = "conflict"
	CodeNotReady       = "not_ready"
	CodeInternal       = "internal"
	CodeTooManyQueries = "too_many_queries"
	CodeRefreshFailed  = "refresh_failed"
	CodeTooManyJobs    = "too_many_jobs"
	CodeBusy           = "busy"
)

var statusOf = map[string]int{
	CodeInvalid: http.StatusBadRequest, CodeUnauthorized: http.StatusUnauthorized, CodeForbidden: http.StatusForbidden,
	CodeNotFound: http.StatusNotFound, CodeMethod: http.StatusMethodNotAllowed, CodeTooLarge: http.StatusRequestEntityTooLarge,
	CodeMediaType: http.StatusUnsupportedMediaType, CodeConflict: http.StatusConflict, CodeNotReady: http.StatusServiceUnavailable,
	CodeInternal: http.StatusInternalServerError, CodeTooManyQueries: http.StatusRequestEntityTooLarge,
	CodeRefreshFailed: http.StatusBadGateway, CodeTooManyJobs: http.StatusTooManyRequests,
	CodeBusy: http.StatusTooManyRequests,
}

// Error is an error with a code for the client.
type Error struct {
	Code    string
	Message string
	// Err is the internal cause, logged but not shown.
	Err error
}

func (e *Error) Error() string {
	if e.Err != nil {
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// errorf returns an Error with a code and a message for the client.
func errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// codeOf is the API's table from a domain error's kind (errkind.Of, the
// one classification shared with the web UI) to its code, and the
// message shown when the error's own is not the one to give a client.
var codeOf = map[errkind.Kind]struct{ code, message string }{
	errkind.NotFound:   {code: CodeNotFound},
	errkind.Invalid:    {code: CodeInvalid},
	errkind.Conflict:   {code: CodeConflict},
	errkind.Forbidden:  {code: CodeForbidden},
	errkind.NotReady:   {code: CodeNotReady, message: "no list data is loaded yet; try again shortly"},
	errkind.Overloaded: {code: CodeBusy, message: screen.ErrOverloaded.Error()},
}

// classify maps any error to the Error the client sees: domain errors to
// their codes, everything else to an internal error with a safe message.
func classify(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	if c, ok := codeOf[errkind.Of(err)]; ok {
		msg := c.message
		if msg == "" {
			msg = err.Error()
		}
		return &Error{Code: c.code, Message: msg}
	}
	return &Error{Code: CodeInternal, Message: "internal error", Err: err}
}

type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// writeError writes err as a JSON error body with its status, logging
// internal errors with their cause.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	if clientGone(r) {
		// Whatever failed, failed because the client left (the store
		// stops a query whose context is canceled): nobody reads an
		// answer, and it is no server error.
		w.WriteHeader(StatusClientGone)
		return
	}
	e := classify(err)
	status := statusOf[e.Code]
	if status == 0 {
		status = http.StatusInternalServerError
	}
	var busy *screen.Overload
	if errors.As(err, &busy) {
		// Whole seconds, rounded up: when the costly work queued now
		// would be done.
		w.Header().Set("Retry-After", strconv.Itoa(int((busy.RetryAfter+time.Second-1)/time.Second)))
	}
	if status >= 500 {
		s.log.Error("request failed", "method", clip(r.Method, maxLogMethod), "path", clip(r.URL.Path, maxLogField), "code", e.Code, "err", clip(err.Error(), maxLogError))
	}
	if isYente(r) {
		status, body := yenteError(err, e, status)
		writeJSON(w, status, body)
		return
	}
	writeJSON(w, status, errorBody{errorDetail{e.Code, e.Message}})
}

// writeJSON writes v as JSON with a status, in one write with its
// Content-Length: a response larger than the server's buffer would
// otherwise go out in chunks.
func writeJSON(w http.ResponseWriter, status int, v any) {
	buf := jsonBuffers.Get().(*bytes.Buffer)
	defer putJSONBuffer(buf)
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		// Every value written is of the API's own types: this is a bug.
		slog.Error("encode response", "err", err)
		buf.Reset()
		status = http.StatusInternalServerError
		buf.WriteString(`{"error":{"code":"` + CodeInternal + `","message":"internal error"}}` + "\n")
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// jsonBuffers are writeJSON's buffers, reused: a response is encoded
// whole before it is written.
var jsonBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// putJSONBuffer returns a buffer to the pool, unless it grew past what
// most responses need (a batch's results): one large response must not
// pin its memory in the pool.
func putJSONBuffer(buf *bytes.Buffer) {
	if buf.Cap() > 1<<20 {
		return
	}
	buf.Reset()
	jsonBuffers.Put(buf)
}
