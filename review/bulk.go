package review

import (
	"context"
	"fmt"

	"github.com/vetoscreen/veto/entity"
)

// MaxBulk bounds the alerts of one bulk decision: a queue page is 50.
const MaxBulk = 500

// Outcome is what a bulk decision did to one alert: the alert as decided,
// or why it was not.
type Outcome struct {
	ID    int64
	Alert *entity.Alert
	Err   error
}

// DecideAll records one decision with one reason on each alert of ids, as
// Decide does one by one: each alert gets its own action and audit entry,
// a true match or false positive still waits for another approver (four
// eyes), and an alert the user may not decide, or that someone decided
// first, is reported in its Outcome while the others are decided. The
// error is for the whole request: a missing reason, an unknown decision,
// no alert or too many.
func (s *Service) DecideAll(ctx context.Context, u *entity.User, ids []int64, decision, reason string) ([]Outcome, error) {
	reason, err := checkReason(reason)
	if err != nil {
		return nil, err
	}
	switch {
	case decision != entity.DecisionTrueMatch && decision != entity.DecisionFalsePositive && decision != entity.DecisionEscalate:
		return nil, fmt.Errorf("%w: decision %q, want true_match, false_positive or escalate", entity.ErrInvalid, decision)
	case len(ids) == 0:
		return nil, fmt.Errorf("%w: no alert selected", entity.ErrInvalid)
	case len(ids) > MaxBulk:
		return nil, fmt.Errorf("%w: %d alerts selected, at most %d at once", entity.ErrInvalid, len(ids), MaxBulk)
	}
	seen := map[int64]bool{}
	var out []Outcome
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		a, err := s.Decide(ctx, u, id, decision, reason)
		if ctx.Err() != nil {
			return out, ctx.Err()
		}
		out = append(out, Outcome{ID: id, Alert: a, Err: err})
	}
	return out, nil
}
