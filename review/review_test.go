package review_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/review"
	"github.com/vetoscreen/veto/store"
	"github.com/vetoscreen/veto/store/sqlite"
)

var (
	ann  = &entity.User{Name: "ann", Role: entity.UserAnalyst}
	bob  = &entity.User{Name: "bob", Role: entity.UserApprover}
	cara = &entity.User{Name: "cara", Role: entity.UserApprover}
)

func setup(t *testing.T, n int) (*review.Service, store.Store, []entity.Alert) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "veto.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for _, u := range []*entity.User{ann, bob, cara} {
		if err := st.CreateUser(ctx, entity.User{Name: u.Name, Role: u.Role, PasswordHash: "x"}); err != nil {
			t.Fatal(err)
		}
	}
	var as []entity.Alert
	for i := range n {
		as = append(as, entity.Alert{CustomerID: string(rune('A' + i)), EntityID: "un-QDi.1", List: "un-sc", VersionID: 1, Score: 0.9, Cause: entity.CauseCustomer, CreatedAt: time.Now()})
	}
	as, err = st.AddAlerts(ctx, as)
	if err != nil {
		t.Fatal(err)
	}
	return review.New(st, nil), st, as
}

func TestFourEyes(t *testing.T) {
	ctx := context.Background()
	s, st, as := setup(t, 1)
	id := as[0].ID
	if _, err := s.Decide(ctx, ann, id, entity.DecisionFalsePositive, "  "); !errors.Is(err, entity.ErrInvalid) {
		t.Errorf("decision without a reason: %v", err)
	}
	if _, err := s.Decide(ctx, ann, id, "maybe", "hmm"); !errors.Is(err, entity.ErrInvalid) {
		t.Errorf("unknown decision: %v", err)
	}
	a, err := s.Decide(ctx, ann, id, entity.DecisionFalsePositive, "date of birth 1961, listed 1943")
	if err != nil || a.Status != entity.AlertPending || a.Assignee != "ann" {
		t.Fatalf("Decide = %+v, %v", a, err)
	}
	// Not by an analyst, not by the decider: four eyes.
	if _, err := s.Approve(ctx, ann, id, "ok"); !errors.Is(err, review.ErrForbidden) {
		t.Errorf("analyst approves: %v", err)
	}
	if _, err := s.Decide(ctx, bob, id, entity.DecisionTrueMatch, "no"); !errors.Is(err, review.ErrState) {
		t.Errorf("deciding a pending alert: %v", err)
	}
	a, err = s.Approve(ctx, bob, id, "agreed, different person")
	if err != nil || a.Status != entity.AlertFalsePositive {
		t.Fatalf("Approve = %+v, %v", a, err)
	}
	allowed, _ := st.AllowList(ctx, a.CustomerID, a.EntityID, true)
	if len(allowed) != 1 || allowed[0].DecidedBy != "ann" || allowed[0].ApprovedBy != "bob" {
		t.Errorf("allow-list after approval: %+v", allowed)
	}
	if _, err := s.Approve(ctx, cara, id, "again"); !errors.Is(err, review.ErrState) {
		t.Errorf("approving a closed alert: %v", err)
	}
	hist, _ := s.History(ctx, id)
	if len(hist) != 2 || hist[0].User != "ann" || hist[1].User != "bob" || hist[1].Decision != entity.DecisionFalsePositive {
		t.Errorf("history = %+v", hist)
	}
	entries, _ := st.AuditEntries(ctx, store.AuditFilter{})
	if len(entries) != 3 || entries[0].Action != "alert.decide" || entries[1].Action != "alert.approve" || entries[2].Action != "allowlist.add" {
		t.Errorf("audit = %+v", entries)
	}
}

func TestApproverCannotApproveOwnDecision(t *testing.T) {
	ctx := context.Background()
	s, st, as := setup(t, 1)
	id := as[0].ID
	if _, err := s.Decide(ctx, bob, id, entity.DecisionTrueMatch, "same passport"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Approve(ctx, bob, id, "me too"); !errors.Is(err, review.ErrForbidden) {
		t.Errorf("self-approval: %v", err)
	}
	if _, err := s.Reject(ctx, bob, id, "me too"); !errors.Is(err, review.ErrForbidden) {
		t.Errorf("self-rejection: %v", err)
	}
	a, err := s.Approve(ctx, cara, id, "confirmed")
	if err != nil || a.Status != entity.AlertTrueMatch {
		t.Fatalf("Approve = %+v, %v", a, err)
	}
	// A true match is not allow-listed.
	if allowed, _ := st.AllowList(ctx, "", "", false); len(allowed) != 0 {
		t.Errorf("true match allow-listed: %+v", allowed)
	}
}

func TestEscalateRejectAssign(t *testing.T) {
	ctx := context.Background()
	s, _, as := setup(t, 2)
	id := as[0].ID
	a, err := s.Decide(ctx, ann, id, entity.DecisionEscalate, "needs a senior look")
	if err != nil || a.Status != entity.AlertEscalated {
		t.Fatalf("escalate: %+v, %v", a, err)
	}
	if _, err := s.Decide(ctx, ann, id, entity.DecisionFalsePositive, "changed my mind"); !errors.Is(err, review.ErrForbidden) {
		t.Errorf("analyst decides an escalated alert: %v", err)
	}
	if _, err := s.Decide(ctx, bob, id, entity.DecisionFalsePositive, "different person"); err != nil {
		t.Fatal(err)
	}
	a, err = s.Reject(ctx, cara, id, "check the passport first")
	if err != nil || a.Status != entity.AlertOpen {
		t.Fatalf("reject: %+v, %v", a, err)
	}
	if _, err := s.Assign(ctx, ann, as[1].ID, "nobody"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("assign to an unknown user: %v", err)
	}
	a, err = s.Assign(ctx, ann, as[1].ID, "bob")
	if err != nil || a.Assignee != "bob" || a.Status != entity.AlertOpen {
		t.Errorf("assign: %+v, %v", a, err)
	}
}

// Two people deciding one alert at once: one wins, the other is told.
func TestConcurrentDecisions(t *testing.T) {
	ctx := context.Background()
	s, _, as := setup(t, 1)
	errs := make(chan error, 2)
	for _, u := range []*entity.User{ann, bob} {
		go func() {
			_, err := s.Decide(ctx, u, as[0].ID, entity.DecisionFalsePositive, "mine")
			errs <- err
		}()
	}
	var ok, conflict int
	for range 2 {
		switch err := <-errs; {
		case err == nil:
			ok++
		case errors.Is(err, review.ErrState):
			conflict++
		default:
			t.Errorf("unexpected: %v", err)
		}
	}
	if ok != 1 || conflict != 1 {
		t.Errorf("%d decisions stored, %d conflicts; want 1 and 1", ok, conflict)
	}
}
