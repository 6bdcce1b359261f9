// Package report builds the evidence report of an alert, or of a one-off
// screening: what was screened, against which list versions (their IDs and
// publish dates), what matched and why (the score's parts), what was
// decided, by whom and who approved it (four eyes), the notes, and the
// audit entries with their sequence numbers and hashes, so that an auditor
// can check the report against `veto audit export`.
//
// An Evidence is assembled from the store (ForAlert) or from a screening's
// result (the web UI's Screen page fills one), and rendered as a printable
// HTML page (WriteHTML) or a PDF (WritePDF, with codeberg.org/go-pdf/fpdf
// and an embedded DejaVu Sans font; no browser).
package report

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/vetoscreen/veto/audit"
	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/store"
)

// Kinds of report.
const (
	KindAlert     = "alert"
	KindScreening = "screening"
)

// maxAudit bounds the audit entries an alert's report lists; an alert
// has a handful (decide, approve, assign, notes).
const maxAudit = 1000

// Evidence is everything a report shows.
type Evidence struct {
	Kind        string
	GeneratedAt time.Time
	GeneratedBy string
	Query       Query
	// Data is the data screened ("live" or "demo", as screen.Data).
	Data string
	// AsOf is the instant the versions were in force at, for a
	// screening as of a past date; Absent the lists of which no version
	// was in force then.
	AsOf     time.Time
	Versions []entity.VersionRef
	Absent   []string
	Hits     []screen.Hit
	// Warnings name the query fields that could not be read and were
	// left out.
	Warnings []string

	// Alert is the alert reported on; nil for a screening.
	Alert    *entity.Alert
	Decision *Decision
	History  []entity.AlertAction
	Notes    []Note
	// Audit are the trail's entries about the alert, in sequence order.
	Audit []entity.AuditEntry
}

// Query is what was screened.
type Query struct {
	entity.Subject
	CustomerID string
	// Threshold is the score a hit needed; 0 when not known (an alert
	// stores none).
	Threshold float64
	// Scope are the lists and regimes screened; empty for every list.
	Scope []string
}

// Decision is an alert's decision and its review by a second person.
type Decision struct {
	// Status is the alert's status now.
	Status string
	// Decision, DecidedBy, DecidedAt and Reason are the last decision
	// taken (decide action); empty when there is none.
	Decision, DecidedBy, Reason string
	DecidedAt                   time.Time
	// Review is "approve" or "reject" (the action that followed the
	// decision) or "" while it waits; ReviewedBy the approver.
	Review, ReviewedBy, ReviewReason string
	ReviewedAt                       time.Time
}

// Note is a remark on an alert.
type Note struct {
	Author string
	At     time.Time
	Text   string
}

// Title is the report's title.
func (e *Evidence) Title() string {
	if e.Alert != nil {
		return fmt.Sprintf("Evidence report: alert %d", e.Alert.ID)
	}
	return "Evidence report: screening of " + e.Query.Name
}

// ForAlert assembles the report of an alert from the store. by is who
// asks for it; now the time it is generated.
func ForAlert(ctx context.Context, st store.Store, id int64, by string, now time.Time) (*Evidence, error) {
	a, err := st.Alert(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("alert %d: %w", id, err)
	}
	e := &Evidence{Kind: KindAlert, GeneratedAt: now.UTC(), GeneratedBy: by, Alert: a, Data: string(screen.DataLive),
		Query: Query{Subject: a.Customer.Subject, CustomerID: a.CustomerID}, Versions: a.Versions}
	var hit screen.Hit
	if err := json.Unmarshal(a.Hit, &hit); err != nil {
		return nil, fmt.Errorf("alert %d: hit: %w", id, err)
	}
	e.Hits = []screen.Hit{hit}
	if len(e.Versions) == 0 {
		// Alerts raised before veto recorded every version screened
		// name the hit's version alone.
		v, err := st.Version(ctx, a.VersionID)
		if err != nil {
			return nil, fmt.Errorf("alert %d: list version %d: %w", id, a.VersionID, err)
		}
		e.Versions = []entity.VersionRef{v.Ref()}
	}
	if e.History, err = st.AlertActions(ctx, id); err != nil {
		return nil, fmt.Errorf("alert %d: history: %w", id, err)
	}
	e.Decision = decision(a.Status, e.History)
	// Entries about an alert follow its creation; a minute's margin
	// covers the clocks of replicas sharing a PostgreSQL store.
	if e.Audit, err = st.AuditEntriesAbout(ctx, auditSubjects(a), a.CreatedAt.Add(-time.Minute), maxAudit); err != nil {
		return nil, fmt.Errorf("alert %d: audit entries: %w", id, err)
	}
	if e.Notes, err = alertNotes(ctx, st, a, e.Audit); err != nil {
		return nil, fmt.Errorf("alert %d: notes: %w", id, err)
	}
	return e, nil
}

// auditSubjects are the audit subjects that concern an alert: its review
// actions ("alert/ID"), the store's merges and renewals (the bare ID),
// and the allow-list entry of its customer and listing.
func auditSubjects(a *entity.Alert) []string {
	id := strconv.FormatInt(a.ID, 10)
	subjects := []string{"alert/" + id, id, a.CustomerID + "/" + a.EntityID}
	if a.SubjectID != "" && a.SubjectID != a.EntityID {
		subjects = append(subjects, a.CustomerID+"/"+a.SubjectID)
	}
	return subjects
}

// decision reads the last decision and its review from the history.
func decision(status string, history []entity.AlertAction) *Decision {
	d := &Decision{Status: status}
	for _, h := range history {
		switch h.Kind {
		case entity.ActionDecide:
			d.Decision, d.DecidedBy, d.DecidedAt, d.Reason = h.Decision, h.User, h.At, h.Reason
			d.Review, d.ReviewedBy, d.ReviewReason, d.ReviewedAt = "", "", "", time.Time{}
		case entity.ActionApprove, entity.ActionReject:
			d.Review, d.ReviewedBy, d.ReviewedAt, d.ReviewReason = h.Kind, h.User, h.At, h.Reason
		}
	}
	return d
}

// alertNotes returns the notes on an alert.
//
// LEAD: wire this to case2's case-note store methods after merging. Until
// then the notes are the alert's audit entries of action note.* (their
// data's "text" field).
func alertNotes(_ context.Context, _ store.Store, _ *entity.Alert, trail []entity.AuditEntry) ([]Note, error) {
	var out []Note
	for _, en := range trail {
		if !strings.HasPrefix(en.Action, "note.") {
			continue
		}
		var d struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(en.Data, &d); err != nil {
			return nil, fmt.Errorf("audit entry %d: %w", en.Seq, err)
		}
		out = append(out, Note{Author: en.Actor, At: en.At, Text: d.Text})
	}
	return out, nil
}

// Record appends the report.export entry of a report to the trail: its
// kind, what it is about, its format and the SHA-256 of its bytes, so
// that the evidence itself is traceable.
func Record(ctx context.Context, log *audit.Log, e *Evidence, format, sha256 string) error {
	// A screening's report is recorded without the name screened, as
	// screenings are: the trail is no copy of the customer file.
	subject, data := "ui/screen", map[string]any{"kind": e.Kind, "format": format, "sha256": sha256}
	if e.Alert != nil {
		subject = fmt.Sprintf("alert/%d", e.Alert.ID)
		data["alert"] = e.Alert.ID
	}
	if err := log.Record(ctx, e.GeneratedBy, chain.ActionReportExport, subject, data); err != nil {
		return fmt.Errorf("the report could not be recorded in the audit trail, so it is not given: %w", err)
	}
	return nil
}
