// Package errkind classifies the domain errors of veto's packages into a
// few kinds (not found, invalid, conflict, ...). It is the one place that
// knows which sentinel error means what to a caller; each transport (the
// JSON API, the web UI) keeps only a table from Kind to its own status,
// so the two cannot disagree on what an error is, only on how to say it.
//
// It sits above the packages whose errors it names (store, entity,
// screen, review, users) and below the transports.
package errkind

import (
	"errors"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/review"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/store"
	"github.com/vetoscreen/veto/users"
)

// Kind is what a domain error means to whoever asked.
type Kind int

const (
	// Unknown is an error no domain package declares: a server fault.
	Unknown Kind = iota
	// NotFound: the thing asked for does not exist.
	NotFound
	// Invalid: the request or the data given is not acceptable.
	Invalid
	// Conflict: the request clashes with the current state.
	Conflict
	// Forbidden: the caller may not do this.
	Forbidden
	// NotReady: the server cannot answer yet (no list data loaded).
	NotReady
	// Overloaded: the server is too busy now; retry later.
	Overloaded
)

var names = [...]string{"unknown", "not found", "invalid", "conflict", "forbidden", "not ready", "overloaded"}

func (k Kind) String() string {
	if int(k) < len(names) {
		return names[k]
	}
	return "Kind(?)"
}

// kinds maps each domain error to its kind, checked in order with
// errors.Is (so a wrapped error is classified by the sentinel it wraps).
var kinds = []struct {
	err  error
	kind Kind
}{
	{store.ErrNotFound, NotFound},
	{entity.ErrInvalid, Invalid},
	{users.ErrWeakPassword, Invalid},
	{review.ErrForbidden, Forbidden},
	{review.ErrState, Conflict},
	{store.ErrConflict, Conflict},
	{screen.ErrNotReady, NotReady},
	{screen.ErrOverloaded, Overloaded},
}

// Of returns the kind of err: that of the first domain error it wraps,
// or Unknown.
func Of(err error) Kind {
	if err == nil {
		return Unknown
	}
	for _, k := range kinds {
		if errors.Is(err, k.err) {
			return k.kind
		}
	}
	return Unknown
}
