package storetest

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
)

// queueAlerts stores six alerts of customers C1..C6 on lists and scores
// chosen so that each sort gives another order, raised a day apart, and
// moves C5's to escalated; it returns their IDs by customer.
func queueAlerts(t *testing.T, s store.Store) map[string]int64 {
	t.Helper()
	spec := []struct {
		customer, list string
		score          float64
	}{
		{"C4", "un-sc", 0.91}, {"C2", "eu-fsf", 0.75}, {"C6", "us-ofac", 0.98},
		{"C1", "eu-fsf", 0.83}, {"C5", "un-sc", 0.88}, {"C3", "us-ofac", 0.75},
	}
	var as []entity.Alert
	for i, x := range spec {
		a := subjectAlert(x.customer, "E-"+x.customer, "", x.score)
		a.List, a.CreatedAt = x.list, day(2026, 3, 1+i)
		as = append(as, a)
	}
	added, err := s.AddAlerts(ctx(), as)
	if err != nil || len(added) != len(as) {
		t.Fatalf("AddAlerts = %v, %v", added, err)
	}
	ids := map[string]int64{}
	for _, a := range added {
		ids[a.CustomerID] = a.ID
	}
	if _, err := s.ActOnAlert(ctx(), store.AlertChange{From: entity.AlertOpen, To: entity.AlertEscalated,
		Action: entity.AlertAction{AlertID: ids["C5"], Kind: entity.ActionDecide, Decision: entity.DecisionEscalate, User: "ann", At: day(2026, 3, 9)}}); err != nil {
		t.Fatal(err)
	}
	return ids
}

// testQueue: the queue sorts, pages, filters and counts in the store.
func testQueue(t *testing.T, newStore func(t *testing.T) store.Store) {
	s := newStore(t)
	queueAlerts(t, s)
	open := entity.AlertOpen
	for _, tc := range []struct {
		name string
		f    store.AlertFilter
		want string // customers, in order
	}{
		{"newest first by default", store.AlertFilter{Status: open}, "C3 C1 C6 C2 C4"},
		{"score, best first; ties newest first", store.AlertFilter{Status: open, Sort: "score", Desc: true}, "C6 C4 C1 C3 C2"},
		{"score, lowest first; ties oldest first", store.AlertFilter{Status: open, Sort: "score"}, "C2 C3 C1 C4 C6"},
		{"oldest first", store.AlertFilter{Status: open, Sort: "id"}, "C4 C2 C6 C1 C3"},
		{"by list", store.AlertFilter{Status: open, Sort: "list"}, "C2 C1 C4 C6 C3"},
		{"by customer, descending", store.AlertFilter{Status: open, Sort: "customer", Desc: true}, "C6 C4 C3 C2 C1"},
		{"page 2 of 2 by customer", store.AlertFilter{Status: open, Sort: "customer", Limit: 3, Offset: 3}, "C4 C6"},
		{"page 1 of 2 by customer", store.AlertFilter{Status: open, Sort: "customer", Limit: 3}, "C1 C2 C3"},
		{"score range", store.AlertFilter{Status: open, Sort: "score", MinScore: 0.8, MaxScore: 0.95}, "C1 C4"},
		{"raised in a period", store.AlertFilter{Sort: "id", CreatedAfter: day(2026, 3, 2), CreatedBefore: day(2026, 3, 5)}, "C2 C6 C1"},
		{"any status", store.AlertFilter{Sort: "score", Desc: true, Limit: 2}, "C6 C4"},
		{"escalated", store.AlertFilter{Status: entity.AlertEscalated}, "C5"},
		{"one customer", store.AlertFilter{CustomerID: "C2"}, "C2"},
	} {
		got, err := s.Alerts(ctx(), tc.f)
		var cs []string
		for _, a := range got {
			cs = append(cs, a.CustomerID)
		}
		if err != nil || strings.Join(cs, " ") != tc.want {
			t.Errorf("%s: Alerts(%+v) = %v, %v; want %s", tc.name, tc.f, cs, err, tc.want)
		}
	}
	if _, err := s.Alerts(ctx(), store.AlertFilter{Sort: "name; DROP TABLE alerts"}); !errors.Is(err, entity.ErrInvalid) {
		t.Errorf("unknown sort: %v, want ErrInvalid", err)
	}
	all := []string{open, entity.AlertEscalated, entity.AlertPending}
	for _, tc := range []struct {
		f        store.AlertFilter
		statuses []string
		max      int
		want     map[string]int
	}{
		// The status and paging do not count: each status asked for is.
		{store.AlertFilter{Status: open, Limit: 1, Offset: 2, BeforeID: 1}, all, 0, map[string]int{open: 5, entity.AlertEscalated: 1, entity.AlertPending: 0}},
		{store.AlertFilter{}, all, 3, map[string]int{open: 3, entity.AlertEscalated: 1, entity.AlertPending: 0}},
		{store.AlertFilter{List: "un-sc"}, []string{open}, 0, map[string]int{open: 1}},
		{store.AlertFilter{MinScore: 0.8, MaxScore: 0.9}, all[:2], 0, map[string]int{open: 1, entity.AlertEscalated: 1}},
		{store.AlertFilter{CreatedBefore: day(2026, 3, 3)}, all[:1], 0, map[string]int{open: 2}},
		{store.AlertFilter{List: "none"}, nil, 0, map[string]int{}},
	} {
		got, err := s.CountAlerts(ctx(), tc.f, tc.statuses, tc.max)
		if err != nil || !maps.Equal(got, tc.want) {
			t.Errorf("CountAlerts(%+v, %v, %d) = %v, %v; want %v", tc.f, tc.statuses, tc.max, got, err, tc.want)
		}
	}
}

// testNotes: notes and attachments are stored with their audit entries,
// in order, and an attachment comes back as stored, or not at all.
func testNotes(t *testing.T, newStore func(t *testing.T) store.Store) {
	s := newStore(t)
	ids := queueAlerts(t, s)
	id := ids["C1"]
	noteAudit := func(n entity.AlertNote) entity.AuditEntry {
		return entry(t, n.At, n.Author, chain.ActionNoteAdd, fmt.Sprintf("alert/%d", n.AlertID), map[string]any{"note": n.ID, "text": n.Text})
	}
	for i, text := range []string{"Called the customer: born 1971.", "Passport copy attached."} {
		n, err := s.AddNote(ctx(), entity.AlertNote{AlertID: id, Author: "ann", At: day(2026, 4, 1+i), Text: text}, noteAudit)
		if err != nil || n.ID == 0 {
			t.Fatalf("AddNote = %+v, %v", n, err)
		}
	}
	if _, err := s.AddNote(ctx(), entity.AlertNote{AlertID: 99999, Author: "ann", At: day(2026, 4, 1), Text: "x"}, noteAudit); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("note on an unknown alert: %v", err)
	}
	if _, err := s.AddNote(ctx(), entity.AlertNote{AlertID: id, Author: "ann", At: day(2026, 4, 1), Text: "  "}, noteAudit); !errors.Is(err, entity.ErrInvalid) {
		t.Errorf("empty note: %v", err)
	}
	notes, err := s.AlertNotes(ctx(), id)
	if err != nil || len(notes) != 2 || notes[0].Text != "Called the customer: born 1971." || notes[1].Author != "ann" || !notes[1].At.Equal(day(2026, 4, 2)) {
		t.Errorf("AlertNotes = %+v, %v", notes, err)
	}
	if other, err := s.AlertNotes(ctx(), ids["C2"]); err != nil || len(other) != 0 {
		t.Errorf("notes of another alert = %+v, %v", other, err)
	}
	if n := audited(t, s, chain.ActionNoteAdd); n != 2 {
		t.Errorf("%d note.add entries, want 2 (none for the notes refused)", n)
	}

	data := append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte{0, 1, 2, 0xff}, 1000)...)
	var audSum string
	a, err := s.AddAttachment(ctx(), entity.Attachment{AlertID: id, Author: "bob", At: day(2026, 4, 3), Name: "passport.pdf", ContentType: "application/pdf", Data: data},
		func(a entity.Attachment) entity.AuditEntry {
			audSum = a.SHA256
			return entry(t, a.At, a.Author, chain.ActionAttachmentAdd, fmt.Sprintf("alert/%d", a.AlertID), map[string]any{"attachment": a.ID, "sha256": a.SHA256})
		})
	if err != nil || a.ID == 0 || a.Size != int64(len(data)) || len(a.SHA256) != 64 || audSum != a.SHA256 {
		t.Fatalf("AddAttachment = %+v, %v (audited sha256 %q)", a, err, audSum)
	}
	list, err := s.Attachments(ctx(), id)
	if err != nil || len(list) != 1 || list[0].Name != "passport.pdf" || list[0].Data != nil || list[0].SHA256 != a.SHA256 || list[0].ContentType != "application/pdf" {
		t.Errorf("Attachments = %+v, %v", list, err)
	}
	got, err := s.Attachment(ctx(), a.ID)
	if err != nil || !bytes.Equal(got.Data, data) || got.AlertID != id || got.Author != "bob" {
		t.Errorf("Attachment: %v, data equal %v", err, got != nil && bytes.Equal(got.Data, data))
	}
	if _, err := s.Attachment(ctx(), a.ID+100); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown attachment: %v", err)
	}
	if _, err := s.AddAttachment(ctx(), entity.Attachment{AlertID: 99999, Author: "bob", Name: "x.txt", Data: data}, nil); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("attachment of an unknown alert: %v", err)
	}
	if n := audited(t, s, chain.ActionAttachmentAdd); n != 1 {
		t.Errorf("%d attachment.add entries, want 1", n)
	}
	// substr drops the first byte of a BLOB (SQLite) or a bytea alike.
	db := s.(interface{ DB() *sql.DB }).DB()
	if _, err := db.Exec(`UPDATE alert_attachments SET data = substr(data, 2) WHERE id = ` + fmt.Sprint(a.ID)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Attachment(ctx(), a.ID); !errors.Is(err, store.ErrCorrupt) {
		t.Errorf("altered attachment: %v, want ErrCorrupt", err)
	}
}

// testAuditSearch: entries filtered by actor, action, subject and period,
// newest first, paged by sequence number.
func testAuditSearch(t *testing.T, newStore func(t *testing.T) store.Store) {
	s := newStore(t)
	var es []entity.AuditEntry
	for i, x := range []struct{ actor, action, subject string }{
		{"ann", chain.ActionAlertDecide, "alert/1"}, {"bob", chain.ActionAlertApprove, "alert/1"},
		{"ann", chain.ActionNoteAdd, "alert/2"}, {"ann", chain.ActionAlertDecide, "alert/2"},
		{"carl", chain.ActionLogin, "carl"}, {"ann", chain.ActionAlertDecide, "alert/3"},
	} {
		es = append(es, entry(t, day(2026, 5, 1+i), x.actor, x.action, x.subject, map[string]any{"i": i}))
	}
	if _, err := s.AppendAudit(ctx(), es...); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		q    store.AuditQuery
		want []int64
	}{
		{store.AuditQuery{}, []int64{6, 5, 4, 3, 2, 1}},
		{store.AuditQuery{Limit: 2}, []int64{6, 5}},
		{store.AuditQuery{Limit: 2, BeforeSeq: 5}, []int64{4, 3}},
		{store.AuditQuery{Actor: "ann", BeforeSeq: 6, AfterSeq: 1}, []int64{4, 3}},
		{store.AuditQuery{Actor: "ann"}, []int64{6, 4, 3, 1}},
		{store.AuditQuery{Actor: "ann", Action: chain.ActionAlertDecide, BeforeSeq: 6}, []int64{4, 1}},
		{store.AuditQuery{Subject: "alert/1"}, []int64{2, 1}},
		{store.AuditQuery{From: day(2026, 5, 2), To: day(2026, 5, 4)}, []int64{3, 2}},
		{store.AuditQuery{Actor: "nobody"}, nil},
	} {
		got, err := s.SearchAudit(ctx(), tc.q)
		var seqs []int64
		for _, e := range got {
			seqs = append(seqs, e.Seq)
		}
		if err != nil || !slices.Equal(seqs, tc.want) {
			t.Errorf("SearchAudit(%+v) = %v, %v; want %v", tc.q, seqs, err, tc.want)
		}
	}
	got, _ := s.SearchAudit(ctx(), store.AuditQuery{Subject: "carl"})
	if len(got) != 1 || chain.Hash(got[0]) != got[0].Hash {
		t.Errorf("an entry found does not hash as stored: %+v", got)
	}
}
