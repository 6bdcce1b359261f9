package storetest

import (
	"database/sql"
	"encoding/json"
	"slices"
	"testing"

	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
)

// subjectAlert is an alert of customer on listing ent of subject (with
// members); subject "" is an alert raised per listing.
func subjectAlert(customer, ent, subject string, score float64, members ...string) entity.Alert {
	hit, _ := json.Marshal(map[string]any{"entity_id": ent, "score": score})
	return entity.Alert{CustomerID: customer, EntityID: ent, SubjectID: subject, Members: members, List: "un-sc", VersionID: 3, Score: score,
		Cause: entity.CauseListChange, Customer: entity.Customer{ID: customer, Subject: entity.Subject{Name: "Name of " + customer}}, Hit: hit, CreatedAt: day(2026, 3, 1)}
}

// decide closes alert id as a false positive, putting its pair on the
// allow-list.
func decide(t *testing.T, s store.Store, id int64, customer, ent string) {
	t.Helper()
	at := day(2026, 3, 2)
	_, err := s.ActOnAlert(ctx(), store.AlertChange{From: entity.AlertOpen, To: entity.AlertFalsePositive,
		Action: entity.AlertAction{AlertID: id, Kind: entity.ActionDecide, Decision: entity.DecisionFalsePositive, User: "ann", At: at},
		Allow:  &entity.AllowEntry{CustomerID: customer, EntityID: ent, DecidedBy: "ann", ApprovedBy: "bob", Reason: "born 1988", At: at}})
	if err != nil {
		t.Fatal(err)
	}
}

// audited counts the audit entries of an action.
func audited(t *testing.T, s store.Store, action string) int {
	t.Helper()
	es, err := s.AuditEntries(ctx(), store.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range es {
		if e.Action == action {
			n++
		}
	}
	return n
}

// testAlertSubjects: an alert is a (customer, subject) pair; Renew raises
// a decided subject again or updates an open one when its members grow.
func testAlertSubjects(t *testing.T, newStore func(t *testing.T) store.Store) {
	s := newStore(t)
	added, err := s.AddAlerts(ctx(), []entity.Alert{
		subjectAlert("C1", "e1", "S", 0.9, "e1", "e2"),
		subjectAlert("C1", "e2", "S", 0.95, "e1", "e2"), // the same subject: raised before
		subjectAlert("C1", "e3", "T", 0.8, "e3"),
		subjectAlert("C2", "e3", "T", 0.8, "e3"),
		subjectAlert("C2", "e4", "", 0.7), // no subject: its entity
	})
	if err != nil || len(added) != 4 {
		t.Fatalf("AddAlerts = %+v, %v", added, err)
	}
	a, err := s.Alert(ctx(), added[0].ID)
	if err != nil || a.SubjectID != "S" || !slices.Equal(a.Members, []string{"e1", "e2"}) || a.MergedInto != 0 {
		t.Errorf("Alert = %+v, %v", a, err)
	}
	if a, err := s.Alert(ctx(), added[3].ID); err != nil || a.SubjectID != "e4" || len(a.Members) != 0 {
		t.Errorf("alert without a subject = %+v, %v", a, err)
	}
	if got, err := s.Alerts(ctx(), store.AlertFilter{SubjectID: "T"}); err != nil || len(got) != 2 {
		t.Errorf("Alerts of subject T = %+v, %v", got, err)
	}

	decide(t, s, added[1].ID, "C1", "e3")
	raised, updated, err := s.Renew(ctx(), []entity.Alert{
		subjectAlert("C1", "e2", "S", 0.97, "e1", "e2", "e5"), // open: updated
		subjectAlert("C1", "e3", "T", 0.8, "e3", "e6"),        // decided: raised again
		subjectAlert("C2", "e3", "T", 0.8, "e3"),              // no new member
		subjectAlert("C3", "e3", "T", 0.8, "e3", "e6"),        // no alert: AddAlerts' to raise
	}, day(2026, 3, 3))
	if err != nil || len(raised) != 1 || len(updated) != 1 {
		t.Fatalf("Renew = raised %+v, updated %+v, %v", raised, updated, err)
	}
	if u := updated[0]; u.ID != added[0].ID || u.Cause != entity.CauseNewListing || u.Status != entity.AlertOpen {
		t.Errorf("open alert renewed as %+v", u)
	}
	if a, err := s.Alert(ctx(), added[0].ID); err != nil || len(a.Members) != 3 || a.Score != 0.97 || a.EntityID != "e2" || a.Cause != entity.CauseNewListing {
		t.Errorf("open alert stored as %+v, %v", a, err)
	}
	if r := raised[0]; r.ID == added[1].ID || r.ID == 0 || r.Status != entity.AlertOpen || r.Cause != entity.CauseNewListing {
		t.Errorf("decided alert raised again as %+v", r)
	}
	if active, err := s.AllowList(ctx(), "C1", "", true); err != nil || len(active) != 0 {
		t.Errorf("allow-list of a subject raised again: %+v, %v", active, err)
	}
	if n := audited(t, s, chain.ActionAlertRenew); n != 2 {
		t.Errorf("%d renewals audited, want 2", n)
	}
	again, same, err := s.Renew(ctx(), []entity.Alert{subjectAlert("C1", "e2", "S", 0.97, "e1", "e2", "e5")}, day(2026, 3, 4))
	if err != nil || len(again)+len(same) != 0 {
		t.Errorf("Renew with the same members = %+v %+v, %v", again, same, err)
	}
}

// perListingAlerts are alerts as veto raised them per listing: customer
// C9 matched listings e1, e2 and e3 of one subject and e4 of another it
// does not know; C8 matched e1 only.
var perListingAlerts = []struct {
	customer, entity string
	score            float64
}{{"C9", "e1", 0.8}, {"C9", "e2", 0.9}, {"C9", "e3", 0.95}, {"C9", "e4", 0.7}, {"C8", "e1", 0.85}}

// checkAdoption decides C9's e3 alert, adopts the alerts whose IDs are
// given (in perListingAlerts' order) into subject S of e1, e2 and e3, and
// checks that C9's open alerts on it were merged into the best one.
func checkAdoption(t *testing.T, s store.Store, ids []int64) {
	t.Helper()
	decide(t, s, ids[2], "C9", "e3")
	subjectOf := func(id string) (string, []string, bool) {
		if slices.Contains([]string{"e1", "e2", "e3"}, id) {
			return "S", []string{"e1", "e2", "e3"}, true
		}
		return "", nil, false
	}
	merged, moved, err := s.AdoptSubjects(ctx(), subjectOf, false, day(2026, 3, 5))
	if err != nil || len(merged) != 1 || len(moved) != 0 || merged[0].ID != ids[0] || merged[0].MergedInto != ids[1] {
		t.Fatalf("AdoptSubjects merged %+v, %v; want alert %d into %d", merged, err, ids[0], ids[1])
	}
	want := []struct {
		subject, status string
		members         int
		into            int64
	}{
		{"S", entity.AlertMerged, 3, ids[1]},
		{"S", entity.AlertOpen, 3, 0},          // the best open one
		{"S", entity.AlertFalsePositive, 3, 0}, // decided: kept
		{"e4", entity.AlertOpen, 0, 0},         // unknown: its own subject still
		{"S", entity.AlertOpen, 3, 0},          // another customer's
	}
	for i, w := range want {
		a, err := s.Alert(ctx(), ids[i])
		if err != nil || a.SubjectID != w.subject || a.Status != w.status || len(a.Members) != w.members || a.MergedInto != w.into || a.EntityID != perListingAlerts[i].entity {
			t.Errorf("alert %d (%s/%s) = %+v, %v; want %+v", ids[i], perListingAlerts[i].customer, perListingAlerts[i].entity, a, err, w)
		}
	}
	acts, err := s.AlertActions(ctx(), ids[0])
	if err != nil || len(acts) != 1 || acts[0].Kind != entity.ActionMerge {
		t.Errorf("merged alert's history = %+v, %v", acts, err)
	}
	if n := audited(t, s, chain.ActionAlertMerge); n != 1 {
		t.Errorf("%d merges audited, want 1", n)
	}
	// Adopted once: a second call changes nothing, and the subject is
	// raised before.
	for _, all := range []bool{false, true} {
		if merged, moved, err := s.AdoptSubjects(ctx(), subjectOf, all, day(2026, 3, 6)); err != nil || len(merged)+len(moved) != 0 {
			t.Errorf("second AdoptSubjects (all %v) = %+v %v, %v", all, merged, moved, err)
		}
	}
	if added, err := s.AddAlerts(ctx(), []entity.Alert{subjectAlert("C9", "e2", "S", 0.9, "e1", "e2", "e3")}); err != nil || len(added) != 0 {
		t.Errorf("C9's subject raised again: %+v, %v", added, err)
	}
}

func testAdoptSubjects(t *testing.T, newStore func(t *testing.T) store.Store) {
	s := newStore(t)
	var as []entity.Alert
	for _, a := range perListingAlerts {
		as = append(as, subjectAlert(a.customer, a.entity, "", a.score))
	}
	added, err := s.AddAlerts(ctx(), as)
	if err != nil || len(added) != len(as) {
		t.Fatalf("AddAlerts = %+v, %v", added, err)
	}
	var ids []int64
	for _, a := range added {
		ids = append(ids, a.ID)
	}
	checkAdoption(t, s, ids)
}

// testMoveSubjects: an analyst merges subject B (listing e2) into A
// (listings e1, e3): the alerts of B move to A keeping their members, a
// customer's open alerts on A are merged into the one furthest along the
// review, an escalated one is never merged away, and Renew then treats
// A's listings as new to the moved alerts.
func testMoveSubjects(t *testing.T, newStore func(t *testing.T) store.Store) {
	s := newStore(t)
	added, err := s.AddAlerts(ctx(), []entity.Alert{
		subjectAlert("C1", "e1", "A", 0.9, "e1", "e3"),
		subjectAlert("C1", "e2", "B", 0.95, "e2"), // open: merged into the escalated one
		subjectAlert("C2", "e1", "A", 0.8, "e1", "e3"),
		subjectAlert("C2", "e2", "B", 0.85, "e2"), // escalated: kept, C2's open A alert merged into it
		subjectAlert("C3", "e2", "B", 0.9, "e2"),  // decided: moved, not merged
		subjectAlert("C4", "e4", "D", 0.9, "e4"),  // another subject: untouched
	})
	if err != nil || len(added) != 6 {
		t.Fatalf("AddAlerts = %+v, %v", added, err)
	}
	ids := make([]int64, len(added))
	for i, a := range added {
		ids[i] = a.ID
	}
	escalate := func(id int64) {
		t.Helper()
		if _, err := s.ActOnAlert(ctx(), store.AlertChange{From: entity.AlertOpen, To: entity.AlertEscalated,
			Action: entity.AlertAction{AlertID: id, Kind: entity.ActionDecide, Decision: entity.DecisionEscalate, Reason: "check the passport", User: "ann", At: day(2026, 3, 2)}}); err != nil {
			t.Fatal(err)
		}
	}
	escalate(ids[0])
	escalate(ids[3])
	decide(t, s, ids[4], "C3", "e2")
	subjectOf := func(id string) (string, []string, bool) {
		switch id {
		case "e1", "e2", "e3":
			return "A", []string{"e1", "e2", "e3"}, true
		case "e4":
			return "D", []string{"e4"}, true
		}
		return "", nil, false
	}
	if merged, moved, err := s.AdoptSubjects(ctx(), subjectOf, false, day(2026, 3, 5)); err != nil || len(merged)+len(moved) != 0 {
		t.Fatalf("AdoptSubjects without all moved %+v %v, %v: only alerts without members are its", merged, moved, err)
	}
	merged, moved, err := s.AdoptSubjects(ctx(), subjectOf, true, day(2026, 3, 5))
	if err != nil || !slices.Equal(moved, []string{"A"}) {
		t.Fatalf("AdoptSubjects moved %v, %v; want [A]", moved, err)
	}
	var mergedIDs []int64
	for _, a := range merged {
		mergedIDs = append(mergedIDs, a.ID)
	}
	slices.Sort(mergedIDs)
	if !slices.Equal(mergedIDs, []int64{ids[1], ids[2]}) {
		t.Errorf("merged %v, want C1's open B alert %d and C2's open A alert %d", mergedIDs, ids[1], ids[2])
	}
	want := []struct {
		subject, status string
		members         int
		into            int64
	}{
		{"A", entity.AlertEscalated, 2, 0},
		{"A", entity.AlertMerged, 1, ids[0]},
		{"A", entity.AlertMerged, 2, ids[3]},
		{"A", entity.AlertEscalated, 1, 0},
		{"A", entity.AlertFalsePositive, 1, 0},
		{"D", entity.AlertOpen, 1, 0},
	}
	for i, w := range want {
		a, err := s.Alert(ctx(), ids[i])
		if err != nil || a.SubjectID != w.subject || a.Status != w.status || len(a.Members) != w.members || a.MergedInto != w.into {
			t.Errorf("alert %d = %+v, %v; want %+v", ids[i], a, err, w)
		}
	}
	if n := audited(t, s, chain.ActionAlertResubject); n != 3 {
		t.Errorf("%d moves audited, want 3", n)
	}
	// C3 cleared e2 as B; A's listings are new to that decision.
	raised, updated, err := s.Renew(ctx(), []entity.Alert{subjectAlert("C3", "e1", "A", 0.9, "e1", "e2", "e3")}, day(2026, 3, 6))
	if err != nil || len(raised) != 1 || len(updated) != 0 || raised[0].Cause != entity.CauseNewListing {
		t.Errorf("Renew after the merge = raised %+v, updated %+v, %v; want C3 raised again", raised, updated, err)
	}
	if added, err := s.AddAlerts(ctx(), []entity.Alert{subjectAlert("C1", "e3", "A", 0.9, "e1", "e2", "e3")}); err != nil || len(added) != 0 {
		t.Errorf("C1 alerted twice on A: %+v, %v", added, err)
	}
}

// Migration0008 tests the migration of alerts raised per listing: it
// takes db, a fresh store's database, back to its schema before
// migration 0008, stores perListingAlerts as veto stored them then,
// reopens the store (which migrates it again) and checks that the alerts
// keep their entity, are subjects of their own, and are adopted into
// their subject and merged.
func Migration0008(t *testing.T, db *sql.DB, reopen func(t *testing.T) store.Store) {
	for _, q := range []string{
		`DROP INDEX alerts_subject`, `DROP INDEX alerts_unadopted`,
		`ALTER TABLE alerts DROP COLUMN subject_id`, `ALTER TABLE alerts DROP COLUMN members`, `ALTER TABLE alerts DROP COLUMN merged_into`,
		`DELETE FROM schema_migrations WHERE name = '0008_alert_subjects.sql'`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	for _, a := range perListingAlerts {
		if _, err := db.Exec(`INSERT INTO alerts (customer_id, entity_id, list, version_id, score, status, cause, customer, hit, created_at, updated_at)
			VALUES ('` + a.customer + `', '` + a.entity + `', 'un-sc', 3, 0.5, 'open', 'list-change', '{"id":"` + a.customer + `","name":"x"}', '{}', '2026-03-01T00:00:00.000000000Z', '2026-03-01T00:00:00.000000000Z')`); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(`UPDATE alerts SET score = $1 WHERE customer_id = $2 AND entity_id = $3`, a.score, a.customer, a.entity); err != nil {
			t.Fatal(err)
		}
	}
	s := reopen(t)
	all, err := s.Alerts(ctx(), store.AlertFilter{})
	if err != nil || len(all) != len(perListingAlerts) {
		t.Fatalf("migrated alerts: %+v, %v", all, err)
	}
	ids := make([]int64, len(all))
	for i, a := range all {
		if a.SubjectID != a.EntityID || len(a.Members) != 0 || a.Status != entity.AlertOpen {
			t.Errorf("migrated alert %+v: want its entity as subject, no members", a)
		}
		ids[len(all)-1-i] = a.ID // newest first
	}
	checkAdoption(t, s, ids)
}
