package storetest

import (
	"slices"
	"testing"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
)

// testAuditAbout checks store.AuditAbout: the entries of the subjects
// asked for, from the time given, in sequence order, at most the limit.
func testAuditAbout(t *testing.T, newStore func(t *testing.T) store.Store) {
	s := newStore(t)
	entry := func(at time.Time, subject string) entity.AuditEntry {
		return entity.AuditEntry{At: at, Actor: "ann", Action: "alert.decide", Subject: subject, Data: []byte(`{}`)}
	}
	if _, err := s.AppendAudit(ctx(),
		entry(day(2026, 1, 1), "alert/7"), // before the period
		entry(day(2026, 2, 1), "alert/7"),
		entry(day(2026, 2, 2), "alert/8"),
		entry(day(2026, 2, 3), "C-1/un-1"),
		entry(day(2026, 2, 4), "alert/70"), // a prefix is not a subject
		entry(day(2026, 2, 5), "alert/7"),
	); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		subjects []string
		since    time.Time
		limit    int
		want     []int64
	}{
		{"OneSubject", []string{"alert/7"}, day(2026, 2, 1), 0, []int64{2, 6}},
		{"Several", []string{"alert/7", "C-1/un-1"}, day(2026, 2, 1), 0, []int64{2, 4, 6}},
		{"AllTime", []string{"alert/7"}, time.Time{}, 0, []int64{1, 2, 6}},
		{"Limit", []string{"alert/7", "C-1/un-1"}, day(2026, 2, 1), 2, []int64{2, 4}},
		{"None", []string{"alert/9"}, time.Time{}, 0, nil},
		{"NoSubjects", nil, time.Time{}, 0, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			es, err := s.AuditEntriesAbout(ctx(), tc.subjects, tc.since, tc.limit)
			if err != nil {
				t.Fatal(err)
			}
			var seqs []int64
			for _, e := range es {
				seqs = append(seqs, e.Seq)
				if e.Hash == "" || e.Actor != "ann" {
					t.Errorf("entry %+v", e)
				}
			}
			if !slices.Equal(seqs, tc.want) {
				t.Errorf("seqs %v, want %v", seqs, tc.want)
			}
		})
	}
}
