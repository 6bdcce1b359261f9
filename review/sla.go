package review

import (
	"context"
	"slices"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
)

// DefaultSLA is how long an undecided alert may wait by default.
const DefaultSLA = 48 * time.Hour

// SLA states of an undecided alert: within its time, near the end (the
// last quarter), or overdue.
const (
	SLAWithin  = "within"
	SLANear    = "near"
	SLAOverdue = "overdue"
)

// Undecided are the statuses an alert waits in for someone: the SLA
// counts only them.
var Undecided = []string{entity.AlertOpen, entity.AlertEscalated, entity.AlertPending}

// IsUndecided reports whether status is one of Undecided.
func IsUndecided(status string) bool { return slices.Contains(Undecided, status) }

// SLAState says where an alert of status, raised at created, stands
// against sla at now: "" when sla is 0 (no SLA) or the alert is decided.
func SLAState(sla time.Duration, status string, created, now time.Time) string {
	if sla <= 0 || !IsUndecided(status) {
		return ""
	}
	switch age := now.Sub(created); {
	case age >= sla:
		return SLAOverdue
	case age >= sla-sla/4:
		return SLANear
	}
	return SLAWithin
}

// QueueCollector reports the undecided alerts at each scrape, by status
// (a fixed label set: Undecided): how many, how many are over the SLA,
// and the age of the oldest.
type QueueCollector struct {
	Store store.Store
	SLA   time.Duration
	Now   func() time.Time
}

var (
	descUndecided = prometheus.NewDesc("veto_alerts_undecided", "Undecided alerts, by status (open, escalated, pending_approval).", []string{"status"}, nil)
	descOverSLA   = prometheus.NewDesc("veto_alerts_over_sla", "Undecided alerts raised longer ago than the SLA (--alert-sla), by status; absent without an SLA.", []string{"status"}, nil)
	descOldest    = prometheus.NewDesc("veto_alert_oldest_age_seconds", "Age of the oldest undecided alert, by status (0 when there is none).", []string{"status"}, nil)
	descSLA       = prometheus.NewDesc("veto_alert_sla_seconds", "The SLA undecided alerts are measured against (0: none).", nil, nil)
)

// Describe implements prometheus.Collector.
func (c QueueCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{descUndecided, descOverSLA, descOldest, descSLA} {
		ch <- d
	}
}

// Collect implements prometheus.Collector: the count of each undecided
// status, of those over the SLA, and the oldest alert of each, all in SQL
// on the ranges of the status index (decided alerts are not read).
func (c QueueCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	now := time.Now()
	if c.Now != nil {
		now = c.Now()
	}
	fail := func(d *prometheus.Desc, err error) { ch <- prometheus.NewInvalidMetric(d, err) }
	gauge := func(d *prometheus.Desc, v float64, labels ...string) {
		ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, v, labels...)
	}
	gauge(descSLA, c.SLA.Seconds())
	counts, err := c.Store.CountAlerts(ctx, store.AlertFilter{}, Undecided, 0)
	if err != nil {
		fail(descUndecided, err)
		return
	}
	var over map[string]int
	if c.SLA > 0 {
		if over, err = c.Store.CountAlerts(ctx, store.AlertFilter{CreatedBefore: now.Add(-c.SLA)}, Undecided, 0); err != nil {
			fail(descOverSLA, err)
			return
		}
	}
	for _, st := range Undecided {
		gauge(descUndecided, float64(counts[st]), st)
		if c.SLA > 0 {
			gauge(descOverSLA, float64(over[st]), st)
		}
		age := 0.0
		if counts[st] > 0 {
			oldest, err := c.Store.Alerts(ctx, store.AlertFilter{Status: st, Sort: "id", Limit: 1})
			if err != nil {
				fail(descOldest, err)
				return
			}
			if len(oldest) == 1 {
				age = now.Sub(oldest[0].CreatedAt).Seconds()
			}
		}
		gauge(descOldest, age, st)
	}
}
