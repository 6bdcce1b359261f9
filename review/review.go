// Package review is how people decide alerts: an analyst decides (true
// match, false positive, escalate) with a reason; a true match or a false
// positive takes effect only when a second person with the approver role
// approves it (four eyes); an approved false positive puts the (customer,
// entity) pair on the allow-list. Every step is stored with the alert's
// history and appended to the audit trail in the same transaction, so
// that neither exists without the other.
//
// The states of an alert:
//
//	open ──decide escalate──▶ escalated
//	open|escalated ──decide true_match|false_positive──▶ pending_approval
//	pending_approval ──approve (another approver)──▶ true_match | false_positive
//	pending_approval ──reject──▶ open (back in the queue)
//
// Escalated alerts are decided by an approver.
package review

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
)

var (
	// ErrForbidden is an action the user's role or part does not allow,
	// such as approving one's own decision.
	ErrForbidden = errors.New("not allowed")
	// ErrState is an action the alert's status does not allow (or another
	// user acted on it first).
	ErrState = errors.New("not possible in the alert's current status")
)

// MaxReason bounds a reason's length.
const MaxReason = 4000

// Service applies decisions to alerts in a store.
type Service struct {
	store store.Store
	now   func() time.Time
	// MaxAttachment is the largest file attached to an alert, in bytes
	// (0: DefaultMaxAttachment).
	MaxAttachment int64
}

// New returns a Service on st; now may be nil (time.Now).
func New(st store.Store, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{store: st, now: now}
}

func checkReason(reason string) (string, error) {
	reason = strings.TrimSpace(reason)
	switch {
	case reason == "":
		return "", fmt.Errorf("%w: a reason is required", entity.ErrInvalid)
	case len(reason) > MaxReason:
		return "", fmt.Errorf("%w: reason: %d bytes, at most %d", entity.ErrInvalid, len(reason), MaxReason)
	}
	return reason, nil
}

// act applies one change and maps the store's conflict to ErrState.
func (s *Service) act(ctx context.Context, a *entity.Alert, c store.AlertChange, data map[string]any) (*entity.Alert, error) {
	at := s.now().UTC()
	c.Action.AlertID = a.ID
	c.Action.At = at
	data["alert"] = a.ID
	data["customer"] = a.CustomerID
	data["entity"] = a.EntityID
	data["subject"] = a.SubjectID
	data["list"] = a.List
	data["version"] = a.VersionID
	data["score"] = a.Score
	data["from"] = c.From
	data["to"] = c.To
	e, err := chain.Entry(at, c.Action.User, auditAction(c.Action.Kind), fmt.Sprintf("alert/%d", a.ID), data)
	if err != nil {
		return nil, err
	}
	c.Audit = e
	if c.Allow != nil {
		c.Allow.At = at
	}
	out, err := s.store.ActOnAlert(ctx, c)
	if errors.Is(err, store.ErrConflict) {
		return nil, fmt.Errorf("alert %d: %w: someone else acted on it first; reload it", a.ID, ErrState)
	}
	if err != nil {
		return nil, fmt.Errorf("alert %d: %w", a.ID, err)
	}
	return out, nil
}

func auditAction(kind string) string {
	switch kind {
	case entity.ActionDecide:
		return chain.ActionAlertDecide
	case entity.ActionApprove:
		return chain.ActionAlertApprove
	case entity.ActionReject:
		return chain.ActionAlertReject
	case entity.ActionAssign:
		return chain.ActionAlertAssign
	}
	return "alert." + kind
}

// Decide records a user's decision on an open or escalated alert.
func (s *Service) Decide(ctx context.Context, u *entity.User, alertID int64, decision, reason string) (*entity.Alert, error) {
	reason, err := checkReason(reason)
	if err != nil {
		return nil, err
	}
	a, err := s.store.Alert(ctx, alertID)
	if err != nil {
		return nil, err
	}
	switch a.Status {
	case entity.AlertOpen:
	case entity.AlertEscalated:
		if entity.UserRank(u.Role) < entity.UserRank(entity.UserApprover) {
			return nil, fmt.Errorf("alert %d is escalated: %w: an approver decides it", a.ID, ErrForbidden)
		}
	default:
		return nil, fmt.Errorf("alert %d is %s: %w", a.ID, a.Status, ErrState)
	}
	to := entity.AlertPending
	switch decision {
	case entity.DecisionTrueMatch, entity.DecisionFalsePositive:
	case entity.DecisionEscalate:
		if a.Status == entity.AlertEscalated {
			return nil, fmt.Errorf("alert %d: %w: it is escalated already", a.ID, ErrState)
		}
		to = entity.AlertEscalated
	default:
		return nil, fmt.Errorf("%w: decision %q, want true_match, false_positive or escalate", entity.ErrInvalid, decision)
	}
	assignee := u.Name
	return s.act(ctx, a, store.AlertChange{
		Action:   entity.AlertAction{Kind: entity.ActionDecide, Decision: decision, Reason: reason, User: u.Name},
		From:     a.Status,
		To:       to,
		Assignee: &assignee,
	}, map[string]any{"decision": decision, "reason": reason})
}

// pendingDecision returns the decision awaiting approval: the last
// decide action in the alert's history.
func (s *Service) pendingDecision(ctx context.Context, a *entity.Alert) (*entity.AlertAction, error) {
	if a.Status != entity.AlertPending {
		return nil, fmt.Errorf("alert %d is %s, not pending approval: %w", a.ID, a.Status, ErrState)
	}
	hist, err := s.store.AlertActions(ctx, a.ID)
	if err != nil {
		return nil, err
	}
	for i := len(hist) - 1; i >= 0; i-- {
		if hist[i].Kind == entity.ActionDecide {
			return &hist[i], nil
		}
	}
	return nil, fmt.Errorf("alert %d is pending approval but has no decision in its history", a.ID)
}

// review checks that u may approve or reject (verb) the decision pending
// on an alert: a reason, the approver role, and not the decider (four
// eyes). It returns the trimmed reason, the alert and the decision.
func (s *Service) review(ctx context.Context, u *entity.User, alertID int64, reason, verb string) (string, *entity.Alert, *entity.AlertAction, error) {
	reason, err := checkReason(reason)
	if err != nil {
		return "", nil, nil, err
	}
	if entity.UserRank(u.Role) < entity.UserRank(entity.UserApprover) {
		return "", nil, nil, fmt.Errorf("%w: to %s needs the approver role; %s is %s", ErrForbidden, verb, u.Name, u.Role)
	}
	a, err := s.store.Alert(ctx, alertID)
	if err != nil {
		return "", nil, nil, err
	}
	d, err := s.pendingDecision(ctx, a)
	if err != nil {
		return "", nil, nil, err
	}
	if d.User == u.Name {
		return "", nil, nil, fmt.Errorf("%w: %s decided alert %d and cannot %s it too (four eyes)", ErrForbidden, u.Name, a.ID, verb)
	}
	return reason, a, d, nil
}

// Approve confirms the decision pending on an alert. The approver must
// have the approver role and must not be who decided.
func (s *Service) Approve(ctx context.Context, u *entity.User, alertID int64, reason string) (*entity.Alert, error) {
	reason, a, d, err := s.review(ctx, u, alertID, reason, "approve")
	if err != nil {
		return nil, err
	}
	c := store.AlertChange{
		Action: entity.AlertAction{Kind: entity.ActionApprove, Decision: d.Decision, Reason: reason, User: u.Name},
		From:   entity.AlertPending,
		To:     d.Decision, // the statuses are named as the decisions
	}
	data := map[string]any{"decision": d.Decision, "decidedBy": d.User, "reason": reason}
	if d.Decision == entity.DecisionFalsePositive {
		c.Allow = &entity.AllowEntry{CustomerID: a.CustomerID, EntityID: a.EntityID, AlertID: a.ID, DecidedBy: d.User, ApprovedBy: u.Name, Reason: d.Reason}
		data["allowList"] = true
	}
	return s.act(ctx, a, c, data)
}

// Reject sends a pending decision back: the alert is open again. Any
// approver but the decider may reject.
func (s *Service) Reject(ctx context.Context, u *entity.User, alertID int64, reason string) (*entity.Alert, error) {
	reason, a, d, err := s.review(ctx, u, alertID, reason, "reject")
	if err != nil {
		return nil, err
	}
	return s.act(ctx, a, store.AlertChange{
		Action: entity.AlertAction{Kind: entity.ActionReject, Decision: d.Decision, Reason: reason, User: u.Name},
		From:   entity.AlertPending,
		To:     entity.AlertOpen,
	}, map[string]any{"decision": d.Decision, "decidedBy": d.User, "reason": reason})
}

// Assign gives an undecided alert to a user ("" unassigns it).
func (s *Service) Assign(ctx context.Context, u *entity.User, alertID int64, assignee string) (*entity.Alert, error) {
	a, err := s.store.Alert(ctx, alertID)
	if err != nil {
		return nil, err
	}
	if a.Status != entity.AlertOpen && a.Status != entity.AlertEscalated {
		return nil, fmt.Errorf("alert %d is %s: %w: only undecided alerts are assigned", a.ID, a.Status, ErrState)
	}
	if assignee != "" {
		if _, err := s.store.User(ctx, assignee); err != nil {
			return nil, fmt.Errorf("assignee %s: %w", assignee, err)
		}
	}
	return s.act(ctx, a, store.AlertChange{
		Action:   entity.AlertAction{Kind: entity.ActionAssign, Reason: "assigned to " + orNobody(assignee), User: u.Name},
		From:     a.Status,
		To:       a.Status,
		Assignee: &assignee,
	}, map[string]any{"assignee": assignee})
}

func orNobody(s string) string {
	if s == "" {
		return "nobody"
	}
	return s
}

// History returns an alert's actions, oldest first.
func (s *Service) History(ctx context.Context, alertID int64) ([]entity.AlertAction, error) {
	return s.store.AlertActions(ctx, alertID)
}
