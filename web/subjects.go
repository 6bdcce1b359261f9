package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/resolve"
	"github.com/vetoscreen/veto/resolve/decide"
	"github.com/vetoscreen/veto/screen"
)

// resolution returns the resolution of snap's listings into subjects,
// made with the snapshot (see screen.Keeper): the pages show the
// subjects screening groups hits by.
func (s *server) resolution(snap *screen.Snapshot) (*decide.Resolved, error) {
	if snap == nil {
		return nil, screen.ErrNotReady
	}
	if res := snap.Subjects(); res != nil {
		return res, nil
	}
	if err := snap.SubjectsErr(); err != nil {
		return nil, fmt.Errorf("the subjects of the lists served could not be resolved: %w", err)
	}
	return nil, errors.New("the lists served were loaded without resolving their subjects")
}

// queuePerPage is how many possible-same pairs the subjects page lists.
const queuePerPage = 100

type subjectsView struct {
	*layout
	Queue []decide.Pair
	Total int
	// Listings and Subjects count the resolution.
	Listings, Subjects int
}

// subjectsPage is the possible-same queue, and a form to find a subject.
func (s *server) subjectsPage(w http.ResponseWriter, r *http.Request, rq *request) error {
	if id := r.URL.Query().Get("id"); id != "" {
		http.Redirect(w, r, "/ui/subjects/"+url.PathEscape(id), http.StatusSeeOther)
		return nil
	}
	res, err := s.resolution(s.snapshot(rq))
	if err != nil {
		return err
	}
	q := decide.Queue(res)
	st := res.Stats()
	v := &subjectsView{layout: s.layout(r, rq, "Subjects", "subjects"), Queue: q[:min(queuePerPage, len(q))], Total: len(q), Listings: st.Listings, Subjects: st.Subjects}
	s.render(w, r, http.StatusOK, "subjects", v)
	return nil
}

type subjectView struct {
	*layout
	Subject *resolve.Subject
	Members []memberView
	// Decisions are those in force on its listings.
	Decisions []entity.SubjectDecision
	// Possible are the possible-same pairs it is in, the other subject
	// second.
	Possible []decide.Pair
	// Note is the note typed into a form that failed, kept.
	Note string
	// Back is a listing of the subject, which finds it after a decision
	// changes its ID.
	Back string
}

// memberView is a listing of a subject with what placed it there.
type memberView struct {
	resolve.Member
	// Joined are the links that joined it to other members.
	Joined []resolve.Link
	// Decisions are the decisions in force that name it.
	Decisions []int64
}

// subject shows a subject (by its ID or any member's entity ID): its
// listings with the evidence that joined each, the decisions on them, and
// the possible-same subjects, with the forms to decide.
func (s *server) subject(w http.ResponseWriter, r *http.Request, rq *request) error {
	v, err := s.subjectView(r, rq, r.PathValue("id"))
	if err != nil {
		return err
	}
	v.Notice = subjectNotices[r.URL.Query().Get("done")]
	s.render(w, r, http.StatusOK, "subject", v)
	return nil
}

var subjectNotices = map[string]string{
	"decided": "Your decision is recorded and applied.",
	"revoked": "The decision is revoked.",
}

func (s *server) subjectView(r *http.Request, rq *request, id string) (*subjectView, error) {
	res, err := s.resolution(s.snapshot(rq))
	if err != nil {
		return nil, err
	}
	sub, ok := res.Subject(id)
	if !ok {
		return nil, notFound("no subject or listing %q in the lists served", id)
	}
	v := &subjectView{layout: s.layout(r, rq, "Subject "+sub.ID, "subjects"), Subject: sub, Back: sub.Members[0].EntityID}
	v.Decisions = decide.Concerning(res.Decisions, sub.MemberIDs())
	for _, m := range sub.Members {
		mv := memberView{Member: m}
		for _, l := range sub.Links {
			if l.A == m.EntityID || l.B == m.EntityID {
				mv.Joined = append(mv.Joined, l)
			}
		}
		for _, d := range decide.Concerning(v.Decisions, []string{m.EntityID}) {
			mv.Decisions = append(mv.Decisions, d.ID)
		}
		v.Members = append(v.Members, mv)
	}
	for _, p := range decide.Queue(res) {
		if p.B.Subject == sub.ID {
			p.A, p.B = p.B, p.A
		}
		if p.A.Subject == sub.ID {
			v.Possible = append(v.Possible, p)
		}
	}
	return v, nil
}

// decideSubject records an analyst's decision on the subject of the
// page: a merge with, or not-same as, another subject; or a listing of
// it split off. It redirects to the subject of a listing the decision
// leaves on the page's side, whose ID may have changed.
func (s *server) decideSubject(w http.ResponseWriter, r *http.Request, rq *request) error {
	id := r.PathValue("id")
	res, err := s.resolution(s.snapshot(rq))
	if err != nil {
		return err
	}
	sub, ok := res.Subject(id)
	if !ok {
		return notFound("no subject or listing %q in the lists served", id)
	}
	kind, other, note := r.PostForm.Get("kind"), r.PostForm.Get("other"), r.PostForm.Get("note")
	ids := []string{sub.ID, other}
	back := sub.Members[0].EntityID
	if kind == entity.DecisionAlone {
		ids = []string{other}
		for _, m := range sub.Members {
			if m.EntityID != other {
				back = m.EntityID
				break
			}
		}
	}
	req := decide.Request{Kind: kind, IDs: ids, Note: note, Actor: rq.User.Name, At: s.cfg.Now()}
	if note == "" {
		err = fmt.Errorf("%w: say why in the note: it is kept with the decision and in the audit trail", entity.ErrInvalid)
	} else {
		_, err = decide.Decide(r.Context(), s.Store, res, req)
	}
	if err != nil {
		return s.subjectFailed(w, r, rq, id, note, err)
	}
	if err := s.applyDecisions(r.Context()); err != nil {
		return err
	}
	http.Redirect(w, r, "/ui/subjects/"+url.PathEscape(back)+"?done=decided", http.StatusSeeOther)
	return nil
}

// revokeSubjectDecision revokes a decision, and returns to the subject
// page it was revoked from.
func (s *server) revokeSubjectDecision(w http.ResponseWriter, r *http.Request, rq *request) error {
	back := r.PostForm.Get("subject")
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return notFound("no decision %q", r.PathValue("id"))
	}
	note := r.PostForm.Get("note")
	if _, err := decide.Revoke(r.Context(), s.Store, id, note, rq.User.Name, s.cfg.Now()); err != nil {
		return s.subjectFailed(w, r, rq, back, note, err)
	}
	if err := s.applyDecisions(r.Context()); err != nil {
		return err
	}
	http.Redirect(w, r, "/ui/subjects/"+url.PathEscape(back)+"?done=revoked", http.StatusSeeOther)
	return nil
}

// applyDecisions resolves the subjects of the snapshot served again, so
// that the page redirected to and screening apply a decision just stored.
func (s *server) applyDecisions(ctx context.Context) error {
	if err := s.Keeper.Reresolve(ctx); err != nil {
		return fmt.Errorf("the decision is stored, but not yet applied: %w", err)
	}
	return nil
}

// subjectFailed shows the subject page again with what went wrong, or
// the error page when the page itself cannot be shown.
func (s *server) subjectFailed(w http.ResponseWriter, r *http.Request, rq *request, id, note string, err error) error {
	status, msg := describe(err)
	if errors.Is(err, decide.ErrUnknown) {
		status, msg = http.StatusBadRequest, err.Error()
	}
	if status == http.StatusInternalServerError {
		return err
	}
	v, verr := s.subjectView(r, rq, id)
	if verr != nil {
		return verr
	}
	v.Error, v.Note = msg, note
	s.render(w, r, status, "subject", v)
	return nil
}
