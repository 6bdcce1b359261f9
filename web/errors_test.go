package web

import (
	"errors"
	"fmt"
	"net/http"
	"testing"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/errkind"
	"github.com/vetoscreen/veto/review"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/store"
	"github.com/vetoscreen/veto/users"
)

// TestDescribe: each domain error, wrapped, gets the page status it had
// before the kinds moved to errkind, with its own message; an unknown
// error is a 500 whose message is not shown.
func TestDescribe(t *testing.T) {
	for _, c := range []struct {
		err    error
		status int
	}{
		{fmt.Errorf("alert 7: %w", store.ErrNotFound), http.StatusNotFound},
		{fmt.Errorf("entity: %w", entity.ErrInvalid), http.StatusBadRequest},
		{fmt.Errorf("user: %w", users.ErrWeakPassword), http.StatusBadRequest},
		{fmt.Errorf("approve: %w", review.ErrForbidden), http.StatusForbidden},
		{fmt.Errorf("approve: %w", review.ErrState), http.StatusConflict},
		{fmt.Errorf("key: %w", store.ErrConflict), http.StatusConflict},
		{fmt.Errorf("screen: %w", screen.ErrNotReady), http.StatusServiceUnavailable},
		{fmt.Errorf("screen: %w", screen.ErrOverloaded), http.StatusTooManyRequests},
	} {
		if status, msg := describe(c.err); status != c.status || msg != c.err.Error() {
			t.Errorf("describe(%v) = %d %q; want %d with its message", c.err, status, msg, c.status)
		}
	}
	if status, msg := describe(errors.New("secret path /x")); status != http.StatusInternalServerError || msg == "secret path /x" {
		t.Errorf("an unknown error: %d %q; want 500 without its message", status, msg)
	}
	for k := errkind.NotFound; k <= errkind.Overloaded; k++ {
		if _, ok := statuses[k]; !ok {
			t.Errorf("kind %v has no page status", k)
		}
	}
}
