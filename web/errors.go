package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/vetoscreen/veto/errkind"
)

// statusClientGone is the status of a request whose client went away
// (as api.StatusClientGone; nginx's 499).
const statusClientGone = 499

// pageError is an error to show the user as it is, with its status.
type pageError struct {
	status int
	msg    string
}

func (e *pageError) Error() string { return e.msg }

func errorf(status int, format string, args ...any) error {
	return &pageError{status, fmt.Sprintf(format, args...)}
}

func badRequest(format string, args ...any) error {
	return errorf(http.StatusBadRequest, format, args...)
}

func forbidden(format string, args ...any) error {
	return errorf(http.StatusForbidden, format, args...)
}

func notFound(format string, args ...any) error {
	return errorf(http.StatusNotFound, format, args...)
}

// statuses is the UI's table from a domain error's kind (errkind.Of, the
// one classification shared with the API) to the status of its page.
// The message of a classified error is fit to show; that of an unknown
// error is logged, never shown.
var statuses = map[errkind.Kind]int{
	errkind.NotFound:   http.StatusNotFound,
	errkind.Invalid:    http.StatusBadRequest,
	errkind.Forbidden:  http.StatusForbidden,
	errkind.Conflict:   http.StatusConflict,
	errkind.NotReady:   http.StatusServiceUnavailable,
	errkind.Overloaded: http.StatusTooManyRequests,
}

// describe returns the status of err and the message to show.
func describe(err error) (int, string) {
	var pe *pageError
	if errors.As(err, &pe) {
		return pe.status, pe.msg
	}
	if status, ok := statuses[errkind.Of(err)]; ok {
		return status, err.Error()
	}
	return http.StatusInternalServerError, "Something went wrong on the server; it has been logged. Try again, and tell your administrator if it persists."
}

type errorView struct {
	*layout
	Status  int
	Heading string
}

// fail renders err as an error page.
func (s *server) fail(w http.ResponseWriter, r *http.Request, rq *request, err error) {
	if errors.Is(r.Context().Err(), context.Canceled) {
		// The client went away, and what failed failed because of it
		// (the store stops a query whose context is canceled): no server
		// error, and nobody to show a page to. The access log says
		// "client gone".
		w.WriteHeader(statusClientGone)
		return
	}
	status, msg := describe(err)
	if status == http.StatusInternalServerError {
		s.log.Error("ui: internal error", "method", clip(r.Method, 16), "path", clip(r.URL.Path, 256), "err", clip(err.Error(), 1024))
	}
	l := s.layout(r, rq, fmt.Sprintf("%d %s", status, http.StatusText(status)), "")
	l.Error = msg
	s.render(w, r, status, "error", errorView{l, status, http.StatusText(status)})
}
