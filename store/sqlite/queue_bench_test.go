package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
	"github.com/vetoscreen/veto/store/sqlite"
)

// BenchmarkQueue reads pages of a queue of 50,000 alerts, nine in ten
// decided, as the queue page does: the first and the twentieth page of
// the open alerts sorted by score, by customer and by age, and the counts
// by status, all and at most 10,000 of each.
func BenchmarkQueue(b *testing.B) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "veto.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	const n = 50_000
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for start := 0; start < n; start += 10_000 {
		var as []entity.Alert
		for i := start; i < start+10_000; i++ {
			as = append(as, entity.Alert{CustomerID: fmt.Sprintf("C-%06d", (i*7919)%n), EntityID: fmt.Sprint("E-", i%500), List: fmt.Sprint("list-", i%7),
				VersionID: 1, Score: float64(i*37%1000) / 1000, Cause: entity.CauseCustomer, Hit: []byte(`{}`), CreatedAt: at.Add(time.Duration(i) * time.Minute)})
		}
		if _, err := db.AddAlerts(ctx, as); err != nil {
			b.Fatal(err)
		}
	}
	// Nine in ten decided, as in a queue that has run for a while.
	if _, err := db.DB().ExecContext(ctx, `UPDATE alerts SET status = 'false_positive' WHERE id % 10 <> 0`); err != nil {
		b.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		f    store.AlertFilter
	}{
		{"score/page-1", store.AlertFilter{Status: entity.AlertOpen, Sort: "score", Desc: true, Limit: 50}},
		{"score/page-20", store.AlertFilter{Status: entity.AlertOpen, Sort: "score", Desc: true, Limit: 50, Offset: 950}},
		{"customer/page-1", store.AlertFilter{Status: entity.AlertOpen, Sort: "customer", Limit: 50}},
		{"age/page-1", store.AlertFilter{Status: entity.AlertOpen, Sort: "id", Limit: 50}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				as, err := db.Alerts(ctx, tc.f)
				if err != nil || len(as) != 50 {
					b.Fatal(len(as), err)
				}
			}
		})
	}
	statuses := []string{entity.AlertOpen, entity.AlertEscalated, entity.AlertPending, entity.AlertTrueMatch, entity.AlertFalsePositive}
	for _, max := range []int{0, 10_000} {
		b.Run(fmt.Sprint("counts/max-", max), func(b *testing.B) {
			for b.Loop() {
				if _, err := db.CountAlerts(ctx, store.AlertFilter{}, statuses, max); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
