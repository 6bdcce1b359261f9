package errkind_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/errkind"
	"github.com/vetoscreen/veto/review"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/store"
	"github.com/vetoscreen/veto/users"
)

func TestOf(t *testing.T) {
	for _, c := range []struct {
		err  error
		want errkind.Kind
	}{
		{nil, errkind.Unknown},
		{errors.New("disk on fire"), errkind.Unknown},
		{store.ErrNotFound, errkind.NotFound},
		// Wrapped, as the stores and services return them.
		{fmt.Errorf("alert 7: %w", store.ErrNotFound), errkind.NotFound},
		{fmt.Errorf("entity x: %w", entity.ErrInvalid), errkind.Invalid},
		{fmt.Errorf("user ann: %w", users.ErrWeakPassword), errkind.Invalid},
		{fmt.Errorf("approve: %w", review.ErrForbidden), errkind.Forbidden},
		{fmt.Errorf("approve: %w", review.ErrState), errkind.Conflict},
		{fmt.Errorf("key: %w", store.ErrConflict), errkind.Conflict},
		{fmt.Errorf("screen: %w", screen.ErrNotReady), errkind.NotReady},
		{fmt.Errorf("screen: %w", screen.ErrOverloaded), errkind.Overloaded},
	} {
		if got := errkind.Of(c.err); got != c.want {
			t.Errorf("Of(%v) = %v, want %v", c.err, got, c.want)
		}
	}
}
