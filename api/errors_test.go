package api

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
)

// TestClassify: each domain error, wrapped as services return it, gets
// its code, status and message; an unknown error is internal and its
// message hidden.
func TestClassify(t *testing.T) {
	for _, c := range []struct {
		err     error
		code    string
		status  int
		message string // "" : the error's own
	}{
		{fmt.Errorf("alert 7: %w", store.ErrNotFound), CodeNotFound, http.StatusNotFound, ""},
		{fmt.Errorf("entity: %w", entity.ErrInvalid), CodeInvalid, http.StatusBadRequest, ""},
		{fmt.Errorf("key: %w", store.ErrConflict), CodeConflict, http.StatusConflict, ""},
		{fmt.Errorf("approve: %w", review.ErrForbidden), CodeForbidden, http.StatusForbidden, ""},
		{fmt.Errorf("screen: %w", screen.ErrNotReady), CodeNotReady, http.StatusServiceUnavailable, "no list data is loaded yet; try again shortly"},
		{fmt.Errorf("screen: %w", screen.ErrOverloaded), CodeBusy, http.StatusTooManyRequests, screen.ErrOverloaded.Error()},
		{errorf(CodeTooManyJobs, "too many"), CodeTooManyJobs, http.StatusTooManyRequests, "too many"},
		{errors.New("disk on fire"), CodeInternal, http.StatusInternalServerError, "internal error"},
	} {
		e := classify(c.err)
		want := c.message
		if want == "" {
			want = c.err.Error()
		}
		if e.Code != c.code || statusOf[e.Code] != c.status || e.Message != want {
			t.Errorf("classify(%v) = %s %d %q; want %s %d %q", c.err, e.Code, statusOf[e.Code], e.Message, c.code, c.status, want)
		}
	}
}

// TestCodeOfCoversEveryKind: a kind added to errkind without a code here
// would answer 500 for a client's mistake.
func TestCodeOfCoversEveryKind(t *testing.T) {
	for k := errkind.NotFound; k <= errkind.Overloaded; k++ {
		if c, ok := codeOf[k]; !ok || statusOf[c.code] == 0 {
			t.Errorf("kind %v has no API code with a status", k)
		}
	}
}
