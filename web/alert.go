package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/errkind"
	"github.com/vetoscreen/veto/screen"
)

type alertView struct {
	*layout
	Alert     *entity.Alert
	Hit       screen.Hit
	Breakdown *breakdown
	// Entity is the listed record as of the alert's list version; nil
	// (with EntityNote saying why) when the store has it no more.
	Entity     *entity.Entity
	EntityNote string
	// Fields set the customer beside the listing, field by field, and
	// Tally counts their verdicts.
	Fields  []fieldRow
	Tally   tally
	Version *entity.ListVersion
	History []entity.AlertAction
	// Decision and Decider are the decision waiting for approval.
	Decision, Decider string
	// What the user may do, and why not when a form is absent.
	CanDecide, CanEscalate, CanApprove, CanAssign bool
	DecideNote, ApproveNote                       string
	Users                                         []entity.User
	// Reason is the reason typed into a form that failed, kept.
	Reason string
	Allow  []entity.AllowEntry
}

// tally counts the verdicts of a comparison.
type tally struct{ Agrees, Differs, Unknown int }

func count(rows []fieldRow) tally {
	var t tally
	for _, r := range rows {
		switch r.Verdict {
		case agrees:
			t.Agrees++
		case differs:
			t.Differs++
		default:
			t.Unknown++
		}
	}
	return t
}

func alertID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, notFound("no alert %q", r.PathValue("id"))
	}
	return id, nil
}

func (s *server) alert(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := alertID(r)
	if err != nil {
		return err
	}
	v, err := s.alertView(r, rq, id)
	if err != nil {
		return err
	}
	v.Notice = notices[r.URL.Query().Get("done")]
	s.render(w, r, http.StatusOK, "alert", v)
	return nil
}

// alertView gathers the alert page: the alert, the listed record, its
// list version, the history, and what the user may do with it.
func (s *server) alertView(r *http.Request, rq *request, id int64) (*alertView, error) {
	ctx := r.Context()
	a, err := s.Store.Alert(ctx, id)
	if errkind.Of(err) == errkind.NotFound {
		return nil, notFound("no alert %d", id)
	}
	if err != nil {
		return nil, err
	}
	v := &alertView{layout: s.layout(r, rq, fmt.Sprintf("Alert %d", a.ID), "alerts"), Alert: a}
	if err := json.Unmarshal(a.Hit, &v.Hit); err != nil {
		return nil, fmt.Errorf("alert %d: hit: %w", a.ID, err)
	}
	v.Breakdown = explain(v.Hit.Explanation, a.Score)
	if v.Version, err = s.Store.Version(ctx, a.VersionID); err != nil && errkind.Of(err) != errkind.NotFound {
		return nil, err
	}
	if v.Entity, v.EntityNote, err = s.listedRecord(ctx, s.snapshot(rq), a); err != nil {
		return nil, err
	}
	facts, err := s.subjectFacts(ctx, s.snapshot(rq), a, v.Entity)
	if err != nil {
		return nil, err
	}
	v.Fields = compareFields(a.Customer.Subject, facts, v.Hit.Explanation)
	v.Tally = count(v.Fields)
	if v.History, err = s.Review.History(ctx, a.ID); err != nil {
		return nil, err
	}
	for _, h := range v.History {
		if h.Kind == entity.ActionDecide {
			v.Decision, v.Decider = h.Decision, h.User
		}
	}
	if v.Allow, err = s.Store.AllowList(ctx, a.CustomerID, a.EntityID, false); err != nil {
		return nil, err
	}
	s.permissions(v, rq.User)
	if v.CanAssign {
		all, err := s.Users.List(ctx)
		if err != nil {
			return nil, err
		}
		for _, u := range all {
			if u.Disabled.IsZero() {
				v.Users = append(v.Users, u)
			}
		}
	}
	return v, nil
}

// permissions says which forms the alert page shows, as package review
// decides (which checks again): the forms a user may not use are
// replaced by a sentence saying why.
func (s *server) permissions(v *alertView, u *entity.User) {
	approver := entity.UserRank(u.Role) >= entity.UserRank(entity.UserApprover)
	switch v.Alert.Status {
	case entity.AlertOpen:
		v.CanDecide, v.CanEscalate, v.CanAssign = true, true, true
	case entity.AlertEscalated:
		v.CanAssign = true
		v.CanDecide = approver
		if !approver {
			v.DecideNote = "This alert is escalated: an approver decides it."
		}
	case entity.AlertPending:
		v.DecideNote = fmt.Sprintf("Decided %s by %s; waiting for approval.", label(v.Decision), v.Decider)
		switch {
		case v.Decider == u.Name:
			v.ApproveNote = "You decided this alert, so another approver must approve or reject it (four eyes)."
		case !approver:
			v.ApproveNote = "Waiting for a user with the approver role to approve or reject the decision."
		default:
			v.CanApprove = true
		}
	default:
		v.DecideNote = fmt.Sprintf("Closed as %s.", label(v.Alert.Status))
	}
}

// listedRecord returns the listed entity's record as of the alert's list
// version: from the active version when the alert's is active (or from
// the demo dataset), else from the alert's version.
func (s *server) listedRecord(ctx context.Context, snap *screen.Snapshot, a *entity.Alert) (*entity.Entity, string, error) {
	active := false
	if snap != nil {
		for _, e := range snap.DemoRecords(a.EntityID) {
			if e.List == a.List {
				return e, "", nil
			}
		}
		if v, ok := snap.Version(a.List); ok && v.ID == a.VersionID && snap.Data == screen.DataLive {
			active = true
		}
	}
	if active {
		recs, err := s.Store.Entity(ctx, a.EntityID)
		if err != nil && errkind.Of(err) != errkind.NotFound {
			return nil, "", err
		}
		for _, e := range recs {
			if e.List == a.List {
				return e, "", nil
			}
		}
	}
	ents, err := s.Store.Entities(ctx, a.VersionID)
	if errkind.Of(err) == errkind.NotFound {
		return nil, fmt.Sprintf("List version %d is no longer in the store.", a.VersionID), nil
	}
	if err != nil {
		return nil, "", err
	}
	for _, e := range ents {
		if e.ID == a.EntityID {
			return e, fmt.Sprintf("The record as of list version %d, on which the alert was raised; the list has a newer version since.", a.VersionID), nil
		}
	}
	return nil, fmt.Sprintf("Entity %s is not in list version %d.", a.EntityID, a.VersionID), nil
}

// subjectFacts returns what the subject's listings say of it, for the
// comparison with the customer: the alert's listing (rec, which may be
// nil) with the dates, gender, countries, addresses and identifiers of
// the subject's other listings as served now added. One decision covers
// every listing, so a date of birth any of them gives counts.
func (s *server) subjectFacts(ctx context.Context, snap *screen.Snapshot, a *entity.Alert, rec *entity.Entity) (*entity.Entity, error) {
	facts := &entity.Entity{}
	if rec != nil {
		facts.Schema, facts.Gender = rec.Schema, rec.Gender
	}
	add := func(e *entity.Entity) {
		for _, d := range e.BirthDates {
			facts.AddBirthDate(d)
		}
		if facts.Gender == "" {
			facts.Gender = e.Gender
		}
		entity.AddCountry(&facts.Nationalities, e.Nationalities...)
		entity.AddCountry(&facts.Citizenships, e.Citizenships...)
		entity.AddCountry(&facts.Countries, e.Countries...)
		for _, ad := range e.Addresses {
			if !slices.Contains(facts.Addresses, ad) {
				facts.Addresses = append(facts.Addresses, ad)
			}
		}
		for _, id := range e.Identifiers {
			facts.AddIdentifier(id)
		}
	}
	if rec != nil {
		add(rec)
	}
	for _, id := range a.Members {
		if id == a.EntityID {
			continue
		}
		recs, err := s.servedRecords(ctx, snap, id)
		if err != nil {
			return nil, err
		}
		for _, e := range recs {
			add(e)
		}
	}
	return facts, nil
}

// act runs one review action from the alert page's forms: on success it
// redirects back (POST, redirect, GET); on an error the user can fix, it
// shows the page again with the message and the reason typed.
func (s *server) act(w http.ResponseWriter, r *http.Request, rq *request, done string, do func(id int64, reason string) error) error {
	id, err := alertID(r)
	if err != nil {
		return err
	}
	reason := r.PostForm.Get("reason")
	if err := do(id, reason); err != nil {
		status, msg := describe(err)
		if status == http.StatusInternalServerError || status == http.StatusNotFound {
			return err
		}
		v, verr := s.alertView(r, rq, id)
		if verr != nil {
			return verr
		}
		v.Error, v.Reason = msg, reason
		s.render(w, r, status, "alert", v)
		return nil
	}
	to := fmt.Sprintf("/ui/alerts/%d?done=%s", id, done)
	if back := r.PostForm.Get("return"); back != "" {
		u, _ := url.Parse(safeNext(back)) // safeNext returns a valid URL
		q := u.Query()
		q.Set("done", done)
		u.RawQuery = q.Encode()
		to = u.String()
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
	return nil
}

func (s *server) decide(w http.ResponseWriter, r *http.Request, rq *request) error {
	decision := r.PostForm.Get("decision")
	done := "decided"
	if decision == entity.DecisionEscalate {
		done = "escalated"
	}
	if decision == "" {
		return s.act(w, r, rq, done, func(int64, string) error {
			return fmt.Errorf("%w: choose a decision: true match, false positive or escalate", entity.ErrInvalid)
		})
	}
	return s.act(w, r, rq, done, func(id int64, reason string) error {
		_, err := s.Review.Decide(r.Context(), rq.User, id, decision, reason)
		return err
	})
}

func (s *server) approve(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.act(w, r, rq, "approved", func(id int64, reason string) error {
		_, err := s.Review.Approve(r.Context(), rq.User, id, reason)
		return err
	})
}

func (s *server) reject(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.act(w, r, rq, "rejected", func(id int64, reason string) error {
		_, err := s.Review.Reject(r.Context(), rq.User, id, reason)
		return err
	})
}

// assign gives the alert to the user chosen, or to the user asking when
// the form says "me" (the queue's "assign to me" button).
func (s *server) assign(w http.ResponseWriter, r *http.Request, rq *request) error {
	to := r.PostForm.Get("assignee")
	if to == "me" {
		to = rq.User.Name
	}
	return s.act(w, r, rq, "assigned", func(id int64, _ string) error {
		_, err := s.Review.Assign(r.Context(), rq.User, id, to)
		return err
	})
}

// readable returns a raw record's text, with JSON (a spreadsheet row as
// veto keeps it) indented one field a line; indenting changes no value.
// XML and CSV are shown as the publisher wrote them.
func readable(r entity.Raw) string {
	if r.Format == "json" {
		var b bytes.Buffer
		if json.Indent(&b, []byte(r.Text), "", "  ") == nil {
			return b.String()
		}
	}
	return r.Text
}
