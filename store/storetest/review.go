package storetest

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
)

func testUsersAndSessions(t *testing.T, newStore func(t *testing.T) store.Store) {
	s := newStore(t)
	t0 := day(2026, 3, 1)
	ann := entity.User{Name: "ann", DisplayName: "Ann Analyst", Role: entity.UserAnalyst, PasswordHash: "$argon2id$x", CreatedAt: t0}
	if err := s.CreateUser(ctx(), ann); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateUser(ctx(), ann); !errors.Is(err, store.ErrConflict) {
		t.Errorf("second CreateUser: %v, want ErrConflict", err)
	}
	if err := s.CreateUser(ctx(), entity.User{Name: "bob", Role: "boss", PasswordHash: "x"}); !errors.Is(err, entity.ErrInvalid) {
		t.Errorf("CreateUser with an unknown role: %v, want ErrInvalid", err)
	}
	ann.Role, ann.Disabled = entity.UserApprover, t0.Add(time.Hour)
	if err := s.UpdateUser(ctx(), ann); err != nil {
		t.Fatal(err)
	}
	got, err := s.User(ctx(), "ann")
	if err != nil || got.Role != entity.UserApprover || !got.Disabled.Equal(ann.Disabled) || got.DisplayName != "Ann Analyst" || !got.CreatedAt.Equal(t0) {
		t.Errorf("User = %+v, %v", got, err)
	}
	if err := s.UpdateUser(ctx(), entity.User{Name: "nobody", Role: entity.UserAnalyst, PasswordHash: "x"}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("UpdateUser of nobody: %v, want ErrNotFound", err)
	}
	if _, err := s.User(ctx(), "nobody"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("User(nobody): %v", err)
	}
	s.CreateUser(ctx(), entity.User{Name: "aaron", Role: entity.UserAdmin, PasswordHash: "x"})
	us, err := s.Users(ctx())
	if err != nil || len(us) != 2 || us[0].Name != "aaron" || us[1].Name != "ann" {
		t.Errorf("Users = %v, %v", us, err)
	}

	for i, h := range []string{"h1", "h2"} {
		if err := s.CreateSession(ctx(), entity.Session{TokenHash: h, User: "ann", CSRF: fmt.Sprint("c", i), CreatedAt: t0, ExpiresAt: t0.Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
	sess, err := s.Session(ctx(), "h2")
	if err != nil || sess.User != "ann" || sess.CSRF != "c1" || !sess.ExpiresAt.Equal(t0.Add(time.Hour)) {
		t.Errorf("Session = %+v, %v", sess, err)
	}
	s.DeleteSessions(ctx(), "h1", "")
	if _, err := s.Session(ctx(), "h1"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("deleted session: %v", err)
	}
	s.DeleteSessions(ctx(), "", "ann")
	if _, err := s.Session(ctx(), "h2"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("session of a user whose sessions were deleted: %v", err)
	}
}

// entry makes an audit entry.
func entry(t *testing.T, at time.Time, actor, action, subject string, data any) entity.AuditEntry {
	t.Helper()
	e, err := chain.Entry(at, actor, action, subject, data)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func testAlertReview(t *testing.T, newStore func(t *testing.T) store.Store) {
	s := newStore(t)
	t0 := day(2026, 3, 2)
	added, err := s.AddAlerts(ctx(), []entity.Alert{
		{CustomerID: "C1", EntityID: "un-QDi.1", List: "un-sc", VersionID: 1, Score: 0.9, Cause: entity.CauseCustomer, CreatedAt: t0},
		{CustomerID: "C2", EntityID: "un-QDi.1", List: "un-sc", VersionID: 1, Score: 0.8, Cause: entity.CauseCustomer, CreatedAt: t0.Add(48 * time.Hour)},
	})
	if err != nil || len(added) != 2 {
		t.Fatalf("AddAlerts: %v, %v", added, err)
	}
	id := added[0].ID
	ann := "ann"
	decide := store.AlertChange{
		Action:   entity.AlertAction{AlertID: id, Kind: entity.ActionDecide, Decision: entity.DecisionFalsePositive, Reason: "different person", User: ann, At: t0.Add(time.Hour)},
		From:     entity.AlertOpen,
		To:       entity.AlertPending,
		Assignee: &ann,
		Audit:    entry(t, t0.Add(time.Hour), ann, chain.ActionAlertDecide, fmt.Sprint("alert/", id), map[string]string{"decision": "false_positive"}),
	}
	a, err := s.ActOnAlert(ctx(), decide)
	if err != nil || a.Status != entity.AlertPending || a.Assignee != "ann" || !a.UpdatedAt.Equal(t0.Add(time.Hour)) {
		t.Fatalf("decide: %+v, %v", a, err)
	}
	// The same change again finds the alert no longer open: a conflict,
	// and nothing recorded.
	if _, err := s.ActOnAlert(ctx(), decide); !errors.Is(err, store.ErrConflict) {
		t.Errorf("deciding twice: %v, want ErrConflict", err)
	}
	missing := decide
	missing.Action.AlertID = 999999
	if _, err := s.ActOnAlert(ctx(), missing); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("deciding a missing alert: %v, want ErrNotFound", err)
	}
	// Filters: assignee and age.
	for _, tc := range []struct {
		f    store.AlertFilter
		want int
	}{
		{store.AlertFilter{Assignee: "ann"}, 1},
		{store.AlertFilter{Assignee: "-"}, 1},
		{store.AlertFilter{CreatedBefore: t0.Add(24 * time.Hour)}, 1},
		{store.AlertFilter{CreatedAfter: t0.Add(24 * time.Hour)}, 1},
		{store.AlertFilter{Status: entity.AlertPending}, 1},
	} {
		got, err := s.Alerts(ctx(), tc.f)
		if err != nil || len(got) != tc.want {
			t.Errorf("Alerts(%+v) = %d alerts, %v; want %d", tc.f, len(got), err, tc.want)
		}
	}
	approve := store.AlertChange{
		Action: entity.AlertAction{AlertID: id, Kind: entity.ActionApprove, Decision: entity.DecisionFalsePositive, Reason: "agreed", User: "bob", At: t0.Add(2 * time.Hour)},
		From:   entity.AlertPending,
		To:     entity.AlertFalsePositive,
		Allow:  &entity.AllowEntry{CustomerID: "C1", EntityID: "un-QDi.1", AlertID: id, DecidedBy: ann, ApprovedBy: "bob", Reason: "different person", At: t0.Add(2 * time.Hour)},
		Audit:  entry(t, t0.Add(2*time.Hour), "bob", chain.ActionAlertApprove, fmt.Sprint("alert/", id), nil),
	}
	if a, err = s.ActOnAlert(ctx(), approve); err != nil || a.Status != entity.AlertFalsePositive {
		t.Fatalf("approve: %+v, %v", a, err)
	}
	hist, err := s.AlertActions(ctx(), id)
	if err != nil || len(hist) != 2 || hist[0].Kind != entity.ActionDecide || hist[1].User != "bob" || hist[0].Reason != "different person" {
		t.Errorf("AlertActions = %+v, %v", hist, err)
	}
	allowed, err := s.AllowList(ctx(), "C1", "", true)
	if err != nil || len(allowed) != 1 || allowed[0].EntityID != "un-QDi.1" || allowed[0].ApprovedBy != "bob" || allowed[0].AlertID != id {
		t.Fatalf("AllowList = %+v, %v", allowed, err)
	}
	// The decision, the approval and the allow-list entry are in the
	// audit trail, chained.
	entries, err := s.AuditEntries(ctx(), store.AuditFilter{})
	if err != nil || len(entries) != 3 || entries[2].Action != chain.ActionAllowAdd {
		t.Fatalf("audit after review: %+v, %v", entries, err)
	}

	// The pair alerts no more: AddAlerts skips it, Rearm brings it back
	// (the listing changed materially) and revokes the entry.
	again := entity.Alert{CustomerID: "C1", EntityID: "un-QDi.1", List: "un-sc", VersionID: 2, Score: 0.9, Cause: entity.CauseRelisted, CreatedAt: t0.Add(72 * time.Hour),
		Versions: []entity.VersionRef{{ID: 2, List: "un-sc", Hash: "ab"}}}
	if got, _ := s.AddAlerts(ctx(), []entity.Alert{again}); len(got) != 0 {
		t.Errorf("AddAlerts of an allow-listed pair stored %v", got)
	}
	other := entity.Alert{CustomerID: "C2", EntityID: "un-QDi.1", List: "un-sc", VersionID: 2, Score: 0.8, Cause: entity.CauseRelisted, CreatedAt: t0.Add(72 * time.Hour)}
	re, err := s.Rearm(ctx(), []entity.Alert{again, other}, "listing changed in version 2", t0.Add(72*time.Hour), func(e entity.AllowEntry, a entity.Alert) entity.AuditEntry {
		return entry(t, a.CreatedAt, "veto", chain.ActionAllowRevoke, e.CustomerID+"/"+e.EntityID, map[string]any{"reason": e.RevokeReason})
	})
	if err != nil || len(re) != 1 || re[0].CustomerID != "C1" || re[0].ID <= added[1].ID || re[0].Cause != entity.CauseRelisted {
		t.Fatalf("Rearm = %+v, %v; want only C1's alert, stored", re, err)
	}
	if a, err := s.Alert(ctx(), re[0].ID); err != nil || len(a.Versions) != 1 || a.Versions[0].String() != "un-sc@2" {
		t.Errorf("the re-armed alert's versions screened against: %+v, %v", a, err)
	}
	if allowed, _ := s.AllowList(ctx(), "C1", "", true); len(allowed) != 0 {
		t.Errorf("allow-list entry not revoked: %+v", allowed)
	}
	all, _ := s.AllowList(ctx(), "C1", "", false)
	if len(all) != 1 || all[0].Revoked.IsZero() || all[0].RevokeReason != "listing changed in version 2" {
		t.Errorf("revoked entry = %+v", all)
	}
	if re2, _ := s.Rearm(ctx(), []entity.Alert{again}, "again", t0.Add(96*time.Hour), nil); len(re2) != 0 {
		t.Errorf("a revoked entry re-armed twice: %v", re2)
	}
	if entries, _ := s.AuditEntries(ctx(), store.AuditFilter{}); len(entries) != 4 || entries[3].Action != chain.ActionAllowRevoke {
		t.Errorf("audit after Rearm: %d entries", len(entries))
	}
}

// testAuditData checks what an entry's data is stored as: data that is
// not canonical JSON is stored canonical (compact, HTML-escaped: what the
// hash covers), canonical data as it is, and data that is not JSON is
// refused.
func testAuditData(t *testing.T, newStore func(t *testing.T) store.Store) {
	s := newStore(t)
	t0 := time.Date(2026, 3, 3, 9, 0, 0, 123456789, time.UTC)
	for _, c := range []struct{ data, stored string }{
		{"{ \"note\": \"<b> & c\",\n \"n\": [1, 2] }", `{"note":"\u003cb\u003e \u0026 c","n":[1,2]}`},
		{`{"note":"plain","n":[1,2]}`, `{"note":"plain","n":[1,2]}`},
	} {
		got, err := s.AppendAudit(ctx(), entity.AuditEntry{At: t0, Actor: "ann", Action: chain.ActionNoteAdd, Subject: "alert/1", Data: json.RawMessage(c.data)})
		if err != nil || len(got) != 1 || string(got[0].Data) != c.stored {
			t.Errorf("AppendAudit of data %s = %+v, %v; want data %s", c.data, got, err, c.stored)
			continue
		}
		back, err := s.AuditEntries(ctx(), store.AuditFilter{AfterSeq: got[0].Seq - 1, Limit: 1})
		if err != nil || len(back) != 1 || string(back[0].Data) != c.stored || chain.Hash(back[0]) != back[0].Hash {
			t.Errorf("entry of data %s read back as %+v, %v", c.data, back, err)
		}
	}
	if _, err := s.AppendAudit(ctx(), entity.AuditEntry{At: t0, Actor: "ann", Action: chain.ActionNoteAdd, Data: json.RawMessage(`{broken`)}); err == nil {
		t.Error("AppendAudit of data that is not JSON: no error")
	}
}

func testAudit(t *testing.T, newStore func(t *testing.T) store.Store) {
	s := newStore(t)
	t0 := time.Date(2026, 3, 3, 9, 0, 0, 123456789, time.UTC)
	var es []entity.AuditEntry
	for i := range 5 {
		es = append(es, entry(t, t0.Add(time.Duration(i)*time.Minute), "ann", chain.ActionScreen, fmt.Sprint("q", i), map[string]any{"hits": i}))
	}
	got, err := s.AppendAudit(ctx(), es[:2]...)
	if err != nil || len(got) != 2 || got[0].Seq != 1 || got[0].Prev != chain.Genesis || got[1].Prev != got[0].Hash {
		t.Fatalf("AppendAudit = %+v, %v", got, err)
	}
	// Concurrent appends (as from several handlers) still make one chain.
	var wg sync.WaitGroup
	for _, e := range es[2:] {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := s.AppendAudit(ctx(), e); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	all, err := s.AuditEntries(ctx(), store.AuditFilter{})
	if err != nil || len(all) != 5 {
		t.Fatalf("AuditEntries: %d, %v", len(all), err)
	}
	v := chain.NewVerifier()
	for _, e := range all {
		v.Add(e)
	}
	if !v.OK() {
		t.Errorf("the stored chain does not verify: %v", v.Problems())
	}
	if n, head := v.Head(); n != 5 || head != all[4].Hash {
		t.Errorf("Head = %d %s", n, head)
	}
	if !all[0].At.Equal(t0) || string(all[0].Data) != `{"hits":0}` {
		t.Errorf("entry 1 read back as %+v", all[0])
	}
	page, _ := s.AuditEntries(ctx(), store.AuditFilter{AfterSeq: 2, Limit: 2})
	if len(page) != 2 || page[0].Seq != 3 {
		t.Errorf("AfterSeq 2 Limit 2 = %+v", page)
	}
	period, _ := s.AuditEntries(ctx(), store.AuditFilter{From: t0.Add(time.Minute), To: t0.Add(3 * time.Minute)})
	if len(period) != 2 {
		t.Errorf("From/To gave %d entries, want 2", len(period))
	}
	// The database itself refuses to change or delete audit rows.
	if sdb, ok := s.(interface{ DB() *sql.DB }); ok {
		for _, q := range []string{
			`UPDATE audit_log SET actor = 'mallory' WHERE seq = 1`,
			`DELETE FROM audit_log WHERE seq = 1`,
		} {
			if _, err := sdb.DB().ExecContext(ctx(), q); err == nil {
				t.Errorf("%s: succeeded, want the append-only trigger to refuse it", q)
			}
		}
	} else {
		t.Errorf("%T has no DB(): cannot check that audit rows are append-only", s)
	}
	// Appending invalid data changes nothing.
	if _, err := s.AppendAudit(ctx(), es[0], entity.AuditEntry{Action: "x", Data: json.RawMessage("{broken")}); err == nil {
		t.Error("appending an entry with invalid JSON data did not fail")
	}
	if all, _ := s.AuditEntries(ctx(), store.AuditFilter{}); len(all) != 5 {
		t.Errorf("a failed append left %d entries, want 5", len(all))
	}
}

func testListUpdatesAudited(t *testing.T, newStore func(t *testing.T) store.Store) {
	s := newStore(t)
	first := MustAdd(t, s, version("un-sc", "h1", day(2025, 4, 19)), lavrov())
	second := MustAdd(t, s, version("un-sc", "h2", day(2025, 5, 1)), lavrov(), assad())
	MustAdd(t, s, version("un-sc", "h2", day(2025, 5, 1)), lavrov(), assad()) // unchanged: no entry
	es, err := s.AuditEntries(ctx(), store.AuditFilter{})
	if err != nil || len(es) != 2 {
		t.Fatalf("audit after two versions: %d entries, %v", len(es), err)
	}
	var data struct{ Version, Previous, Added int64 }
	json.Unmarshal(es[1].Data, &data)
	if es[1].Action != chain.ActionListVersion || es[1].Subject != "un-sc" || data.Version != second.Version.ID || data.Previous != first.Version.ID || data.Added != 1 {
		t.Errorf("entry for the second version: %+v (%s)", es[1], es[1].Data)
	}
}
