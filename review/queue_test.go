package review_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/review"
	"github.com/vetoscreen/veto/store"
)

// A bulk false positive: each alert gets its own decision and audit
// entry and waits for another approver; the escalated alert an analyst
// may not decide is reported, and the others decided all the same.
func TestDecideAll(t *testing.T) {
	ctx := context.Background()
	s, st, as := setup(t, 4)
	if _, err := s.Decide(ctx, bob, as[2].ID, entity.DecisionEscalate, "unsure"); err != nil {
		t.Fatal(err)
	}
	ids := []int64{as[0].ID, as[1].ID, as[2].ID, as[1].ID, as[3].ID}
	for _, tc := range []struct {
		decision, reason string
		ids              []int64
	}{
		{entity.DecisionFalsePositive, " ", ids},
		{"close", "common name", ids},
		{entity.DecisionFalsePositive, "common name", nil},
		{entity.DecisionFalsePositive, "common name", make([]int64, review.MaxBulk+1)},
	} {
		if _, err := s.DecideAll(ctx, ann, tc.ids, tc.decision, tc.reason); !errors.Is(err, entity.ErrInvalid) {
			t.Errorf("DecideAll(%q, %q, %d alerts): %v, want ErrInvalid", tc.decision, tc.reason, len(tc.ids), err)
		}
	}
	before := audited(t, st, chain.ActionAlertDecide)
	out, err := s.DecideAll(ctx, ann, ids, entity.DecisionFalsePositive, "common name, born 1990, listed 1955")
	if err != nil || len(out) != 4 {
		t.Fatalf("DecideAll = %+v, %v", out, err)
	}
	for _, o := range out {
		if o.ID == as[2].ID {
			if !errors.Is(o.Err, review.ErrForbidden) {
				t.Errorf("escalated alert %d decided by an analyst: %v, want ErrForbidden", o.ID, o.Err)
			}
			continue
		}
		if o.Err != nil || o.Alert.Status != entity.AlertPending {
			t.Errorf("alert %d: %+v, %v", o.ID, o.Alert, o.Err)
		}
	}
	if n := audited(t, st, chain.ActionAlertDecide) - before; n != 3 {
		t.Errorf("%d decide entries, want 3: one per alert decided", n)
	}
	if _, err := s.Approve(ctx, bob, as[0].ID, "agreed"); err != nil {
		t.Errorf("another approver approves one of them: %v", err)
	}
	again, _ := s.DecideAll(ctx, ann, ids[:1], entity.DecisionFalsePositive, "again")
	if len(again) != 1 || !errors.Is(again[0].Err, review.ErrState) {
		t.Errorf("deciding a decided alert again: %+v", again)
	}
}

func audited(t *testing.T, st store.Store, action string) int {
	t.Helper()
	es, err := st.SearchAudit(context.Background(), store.AuditQuery{Action: action})
	if err != nil {
		t.Fatal(err)
	}
	return len(es)
}

func TestSLAState(t *testing.T) {
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		sla    time.Duration
		status string
		age    time.Duration
		want   string
	}{
		{48 * time.Hour, entity.AlertOpen, time.Hour, review.SLAWithin},
		{48 * time.Hour, entity.AlertOpen, 35 * time.Hour, review.SLAWithin},
		{48 * time.Hour, entity.AlertEscalated, 36 * time.Hour, review.SLANear},
		{48 * time.Hour, entity.AlertPending, 48 * time.Hour, review.SLAOverdue},
		{48 * time.Hour, entity.AlertFalsePositive, 100 * time.Hour, ""},
		{0, entity.AlertOpen, 100 * time.Hour, ""},
	} {
		if got := review.SLAState(tc.sla, tc.status, now.Add(-tc.age), now); got != tc.want {
			t.Errorf("SLAState(%v, %s, age %v) = %q, want %q", tc.sla, tc.status, tc.age, got, tc.want)
		}
	}
}

// The queue's metrics: counts by status, those over the SLA, the oldest.
func TestQueueCollector(t *testing.T) {
	ctx := context.Background()
	s, st, as := setup(t, 3)
	if _, err := s.Decide(ctx, ann, as[0].ID, entity.DecisionEscalate, "unsure"); err != nil {
		t.Fatal(err)
	}
	// as[1] is the oldest open alert: as[0] is escalated.
	c := review.QueueCollector{Store: st, SLA: time.Hour, Now: func() time.Time { return as[1].CreatedAt.Add(2 * time.Hour) }}
	want := `
# HELP veto_alerts_over_sla Undecided alerts raised longer ago than the SLA (--alert-sla), by status; absent without an SLA.
# TYPE veto_alerts_over_sla gauge
veto_alerts_over_sla{status="escalated"} 1
veto_alerts_over_sla{status="open"} 2
veto_alerts_over_sla{status="pending_approval"} 0
# HELP veto_alerts_undecided Undecided alerts, by status (open, escalated, pending_approval).
# TYPE veto_alerts_undecided gauge
veto_alerts_undecided{status="escalated"} 1
veto_alerts_undecided{status="open"} 2
veto_alerts_undecided{status="pending_approval"} 0
`
	if err := testutil.CollectAndCompare(c, strings.NewReader(want), "veto_alerts_undecided", "veto_alerts_over_sla"); err != nil {
		t.Error(err)
	}
	if n := testutil.CollectAndCount(review.QueueCollector{Store: st}, "veto_alerts_over_sla"); n != 0 {
		t.Errorf("without an SLA, %d over-SLA series, want none", n)
	}
	reg := prometheus.NewPedanticRegistry()
	reg.MustRegister(c)
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	ages := map[string]float64{}
	for _, f := range families {
		if f.GetName() == "veto_alert_oldest_age_seconds" {
			for _, m := range f.GetMetric() {
				ages[m.GetLabel()[0].GetValue()] = m.GetGauge().GetValue()
			}
		}
	}
	if ages[entity.AlertOpen] != 7200 || ages[entity.AlertEscalated] < 7200 || ages[entity.AlertPending] != 0 || len(ages) != 3 {
		t.Errorf("oldest ages = %v, want open 7200 s, escalated a little more, pending 0", ages)
	}
}
