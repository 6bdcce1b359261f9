// Package decide puts the analysts in control of how listings group into
// subjects. It records their decisions (merge, not the same, stand alone,
// and the revocation of any of them) in the store, each with its audit
// entry in one transaction, and resolves the lists with the decisions in
// force and the subject IDs the last resolution stored: a decision
// outlives list updates, and a subject keeps its ID across list versions
// and restarts.
//
// An analyst names listings by entity ID or subjects by subject ID; a
// subject ID stands for the listings the subject has when the decision
// is taken, and those are stored, not the subject ID, which a later
// resolution may give to another grouping.
package decide

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/index"
	"github.com/vetoscreen/veto/resolve"
	"github.com/vetoscreen/veto/store"
)

// ErrUnknown means an ID named in a decision is neither a subject nor a
// listing of the lists resolved.
var ErrUnknown = errors.New("no such subject or listing in the lists resolved")

// invalid is a request of the wrong shape: it is entity.ErrInvalid, and
// says only what is wrong.
type invalid string

func (e invalid) Error() string        { return string(e) }
func (e invalid) Is(target error) bool { return target == entity.ErrInvalid }

func invalidf(format string, a ...any) error { return invalid(fmt.Sprintf(format, a...)) }

// Resolved is a resolution with the decisions it applied.
type Resolved struct {
	*resolve.Resolution
	// Decisions are the decisions in force, oldest first.
	Decisions []entity.SubjectDecision
}

// Resolve groups the listings of ix (built from ents) into subjects with
// the decisions in force in st and the subject IDs st holds from the last
// resolution. opts.Decisions and opts.Previous are replaced by the
// store's.
func Resolve(ctx context.Context, st store.Subjects, ix *index.Index, ents []*entity.Entity, opts resolve.Options) (*Resolved, error) {
	ds, err := st.SubjectDecisions(ctx, true)
	if err != nil {
		return nil, err
	}
	if opts.Previous, err = st.SubjectIDs(ctx); err != nil {
		return nil, err
	}
	opts.Decisions = Decisions(ds)
	res, err := resolve.Resolve(ctx, ix, ents, opts)
	if err != nil {
		return nil, err
	}
	return &Resolved{Resolution: res, Decisions: ds}, nil
}

// Keep stores the resolution's subject IDs as of at, for the next
// resolution to keep. Keep the resolution of the lists served (the
// store's active versions), not of files read beside them, whose IDs
// would replace the served lists'.
func (r *Resolved) Keep(ctx context.Context, st store.Subjects, at time.Time) error {
	if _, err := st.PutSubjectIDs(ctx, r.IDs(), at); err != nil {
		return fmt.Errorf("store the subject IDs: %w", err)
	}
	return nil
}

// Decisions turns stored decisions in force into resolve's pairs: a
// merge joins every listing of a side with every listing of every other
// side (so that it holds while one listing of each is listed; the
// listings of one side stay joined by their own evidence, which shows),
// not-same keeps every listing of one side from every one of the other,
// alone splits its listing.
func Decisions(ds []entity.SubjectDecision) []resolve.Decision {
	var out []resolve.Decision
	for _, d := range ds {
		if !d.Active() {
			continue
		}
		switch d.Kind {
		case entity.DecisionMerge:
			for i, side := range d.Sides {
				for _, other := range d.Sides[i+1:] {
					for _, a := range side {
						for _, b := range other {
							out = append(out, resolve.Decision{Kind: resolve.Merge, A: a, B: b, Detail: Ref(d)})
						}
					}
				}
			}
		case entity.DecisionNotSame:
			for _, a := range d.Sides[0] {
				for _, b := range d.Sides[1] {
					out = append(out, resolve.Decision{Kind: resolve.NotSame, A: a, B: b})
				}
			}
		case entity.DecisionAlone:
			out = append(out, resolve.Decision{Kind: resolve.Alone, A: d.Sides[0][0]})
		}
	}
	return out
}

// Ref names a decision as links and pages show it: "decision 7 by
// cli:ann (one passport)".
func Ref(d entity.SubjectDecision) string {
	s := fmt.Sprintf("decision %d by %s", d.ID, d.Actor)
	if d.Note != "" {
		s += " (" + d.Note + ")"
	}
	return s
}

// Concerning returns the decisions that name any of the listings ids.
func Concerning(ds []entity.SubjectDecision, ids []string) []entity.SubjectDecision {
	var out []entity.SubjectDecision
	for _, d := range ds {
		if slices.ContainsFunc(d.Listings(), func(id string) bool { return slices.Contains(ids, id) }) {
			out = append(out, d)
		}
	}
	return out
}

// Request is a decision an analyst asks for.
type Request struct {
	// Kind is entity.DecisionMerge, DecisionNotSame or DecisionAlone.
	Kind string
	// IDs name subjects or listings: two or more for a merge, two for
	// not-same, one listing for alone.
	IDs   []string
	Note  string
	Actor string
	At    time.Time
}

// Decide records the decision r asks for, on the subjects and listings of
// res, with its audit entry, in one transaction. An ID res does not know
// is ErrUnknown, a request of the wrong shape entity.ErrInvalid, and a
// decision that contradicts one in force store.ErrConflict (revoke that
// one first); then nothing is stored.
func Decide(ctx context.Context, st store.Subjects, res *Resolved, r Request) (entity.SubjectDecision, error) {
	d := entity.SubjectDecision{Kind: r.Kind, Note: strings.TrimSpace(r.Note), Actor: r.Actor, At: r.At}
	want := map[string]string{entity.DecisionMerge: "two or more", entity.DecisionNotSame: "two", entity.DecisionAlone: "one"}
	n, ok := want[r.Kind]
	switch {
	case !ok:
		return d, invalidf("decision %q: want merge, not-same or alone", r.Kind)
	case r.Kind == entity.DecisionMerge && len(r.IDs) < 2, r.Kind == entity.DecisionNotSame && len(r.IDs) != 2, r.Kind == entity.DecisionAlone && len(r.IDs) != 1:
		return d, invalidf("%s takes %s IDs, not %d", r.Kind, n, len(r.IDs))
	}
	named := map[string]string{} // listing → the ID that named it
	for _, id := range r.IDs {
		side, err := listings(res, r.Kind, id)
		if err != nil {
			return d, err
		}
		var kept []string
		for _, e := range side {
			if by, ok := named[e]; ok {
				if r.Kind == entity.DecisionNotSame {
					return d, invalidf("%s is on both sides (named by %s and by %s)", e, by, id)
				}
				continue // a merge naming a subject and one of its listings
			}
			named[e] = id
			kept = append(kept, e)
		}
		if len(kept) > 0 {
			d.Sides = append(d.Sides, kept)
		}
	}
	if r.Kind == entity.DecisionMerge && len(d.Sides) < 2 {
		return d, invalidf("%s name the same listings: nothing to merge", strings.Join(r.IDs, " and "))
	}
	if err := d.Validate(); err != nil {
		return d, err
	}
	if err := conflict(res.Decisions, d); err != nil {
		return d, err
	}
	return st.AddSubjectDecision(ctx, d, func(d entity.SubjectDecision) entity.AuditEntry {
		e, _ := chain.Entry(d.At, d.Actor, chain.ActionSubjectDecide, subjectOf(d.ID), map[string]any{
			"kind": d.Kind, "sides": d.Sides, "named": r.IDs, "note": d.Note,
		})
		return e
	})
}

// Revoke revokes decision id, with its audit entry, in one transaction:
// the revocation is a decision of its own and the revoked one stays
// stored. store.ErrNotFound if there is no such decision, ErrConflict if
// it is revoked already or is a revocation.
func Revoke(ctx context.Context, st store.Subjects, id int64, note, actor string, at time.Time) (entity.SubjectDecision, error) {
	d := entity.SubjectDecision{Kind: entity.DecisionRevoke, Revokes: id, Note: strings.TrimSpace(note), Actor: actor, At: at}
	return st.AddSubjectDecision(ctx, d, func(d entity.SubjectDecision) entity.AuditEntry {
		e, _ := chain.Entry(d.At, d.Actor, chain.ActionSubjectRevoke, subjectOf(d.Revokes), map[string]any{
			"revocation": d.ID, "note": d.Note,
		})
		return e
	})
}

func subjectOf(id int64) string { return fmt.Sprint("subject-decision/", id) }

// listings returns the listings id names in res: a subject's members, or
// one listing. Alone splits one listing: a subject of several is refused.
func listings(res *Resolved, kind, id string) ([]string, error) {
	s, ok := res.Subject(id)
	if !ok {
		return nil, fmt.Errorf("%q: %w", id, ErrUnknown)
	}
	if s.ID != id {
		return []string{id}, nil
	}
	if kind == entity.DecisionAlone && len(s.Members) > 1 {
		return nil, invalidf("alone splits one listing from its subject: name a listing of %s (%s), not the subject", id, strings.Join(s.MemberIDs(), ", "))
	}
	return s.MemberIDs(), nil
}

// conflict says whether d contradicts a decision in force. An analyst's
// merge beats every other kind of decision in resolution, so a merge
// joining listings a not-same keeps apart, a not-same of listings merges
// join, and an alone of a listing a merge joins would each leave one of
// the two silently without effect: the analyst revokes one first.
func conflict(ds []entity.SubjectDecision, d entity.SubjectDecision) error {
	parent := map[string]string{}
	find := func(x string) string {
		for parent[x] != "" && parent[x] != x {
			x = parent[x]
		}
		return x
	}
	join := func(ids []string) {
		r := find(ids[0])
		for _, id := range ids[1:] {
			if f := find(id); f != r {
				parent[f] = r
			}
		}
	}
	var merges []entity.SubjectDecision
	for _, m := range ds {
		if m.Kind == entity.DecisionMerge && m.Active() {
			merges = append(merges, m)
			join(m.Listings())
		}
	}
	// mergedBy lists the merges that join x's group.
	mergedBy := func(x string) string {
		var refs []string
		for _, m := range merges {
			if find(m.Listings()[0]) == find(x) {
				refs = append(refs, fmt.Sprint(m.ID))
			}
		}
		return strings.Join(refs, ", ")
	}
	switch d.Kind {
	case entity.DecisionMerge:
		join(d.Listings())
		for _, n := range ds {
			if n.Kind != entity.DecisionNotSame || !n.Active() {
				continue
			}
			for _, x := range n.Sides[0] {
				for _, y := range n.Sides[1] {
					if find(x) == find(y) {
						return fmt.Errorf("%w: the merge would join %s and %s, which decision %d keeps apart: revoke it first", store.ErrConflict, x, y, n.ID)
					}
				}
			}
		}
	case entity.DecisionNotSame:
		for _, x := range d.Sides[0] {
			for _, y := range d.Sides[1] {
				if find(x) == find(y) {
					return fmt.Errorf("%w: %s and %s are joined by decision %s: revoke it first", store.ErrConflict, x, y, mergedBy(x))
				}
			}
		}
	case entity.DecisionAlone:
		e := d.Sides[0][0]
		for _, o := range ds {
			if o.Active() && slices.Contains(o.Listings(), e) && (o.Kind == entity.DecisionMerge || o.Kind == entity.DecisionAlone) {
				return fmt.Errorf("%w: decision %d (%s) names %s already: revoke it first", store.ErrConflict, o.ID, o.Kind, e)
			}
		}
	}
	return nil
}

// Side is one listing of a possible-same pair, with its subject.
type Side struct {
	EntityID string   `json:"entityId"`
	Caption  string   `json:"caption"`
	Lists    []string `json:"lists"`
	Subject  string   `json:"subject"`
	// Members counts the subject's listings.
	Members int `json:"members"`
}

// Pair is an entry of the possible-same queue: two subjects an analyst
// may merge or keep apart, by the best-scoring pair of their listings.
type Pair struct {
	Score    float64          `json:"score"`
	Evidence resolve.Evidence `json:"evidence"`
	Detail   string           `json:"detail,omitempty"`
	A        Side             `json:"a"`
	B        Side             `json:"b"`
	// Listings counts the possible-same pairs of listings between the
	// two subjects: one decision on the subjects decides them all.
	Listings int `json:"listings"`
}

// Queue returns the possible-same queue by subject pair, highest score
// first: an analyst decides subjects, not each pair of their listings.
func Queue(res *Resolved) []Pair {
	var out []Pair
	at := map[[2]string]int{}
	for _, l := range res.Possible {
		p := Pair{Score: l.Score, Evidence: l.Evidence, Detail: l.Detail, A: side(res, l.A), B: side(res, l.B), Listings: 1}
		k := [2]string{min(p.A.Subject, p.B.Subject), max(p.A.Subject, p.B.Subject)}
		if i, ok := at[k]; ok {
			out[i].Listings++ // res.Possible is highest score first
			continue
		}
		at[k] = len(out)
		out = append(out, p)
	}
	return out
}

func side(res *Resolved, id string) Side {
	sd := Side{EntityID: id}
	if s, ok := res.Subject(id); ok {
		sd.Subject, sd.Members = s.ID, len(s.Members)
		for _, m := range s.Members {
			if m.EntityID == id {
				sd.Caption, sd.Lists = m.Caption, m.Lists
			}
		}
	}
	return sd
}
