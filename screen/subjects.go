package screen

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/resolve"
	"github.com/vetoscreen/veto/resolve/decide"
	"github.com/vetoscreen/veto/source/all"
	"github.com/vetoscreen/veto/store"
)

// Grouping says how a screening reports the listings a query matched.
type Grouping string

// Groupings.
const (
	// BySubject, the default, reports one hit per sanctioned subject: the
	// listings of one person on five lists are one hit naming the five.
	BySubject Grouping = "subject"
	// ByListing reports one hit per listed entity, as each list has it.
	ByListing Grouping = "listing"
)

// ParseGrouping reads a grouping by name; empty means BySubject.
func ParseGrouping(s string) (Grouping, error) {
	switch Grouping(s) {
	case "", BySubject:
		return BySubject, nil
	case ByListing:
		return ByListing, nil
	}
	return "", fmt.Errorf("%q: want %q or %q", s, BySubject, ByListing)
}

// Listing is one listing of a subject that a query matched.
type Listing struct {
	EntityID string `json:"entity_id"`
	// List is the listing's main list; Lists all lists that carry it,
	// Regimes their regimes.
	List    string   `json:"list"`
	Lists   []string `json:"lists,omitempty"`
	Regimes []string `json:"regimes,omitempty"`
	// Kind is the kind of List (see Hit.Kind).
	Kind string `json:"kind"`
	// Name is the listing's name that matched.
	Name  string  `json:"name"`
	Score float64 `json:"score"`
}

// subjects is a snapshot's resolution, or why there is none.
type subjects struct {
	res *decide.Resolved
	err error
	// rows counts every decision stored (revoked ones and revocations
	// too: the count only grows) when the resolution was made: a larger
	// count in the store means one was taken since.
	rows int
	// largest is the most members a subject has.
	largest int
	// groups is what grouping needs of each listing's subject, by
	// member entity ID, made once per resolution: screening by subject
	// then looks each hit up once and neither sorts nor merges lists.
	groups map[string]*group
	took   time.Duration
}

// group is a subject as grouping hits sees it.
type group struct {
	id      string
	members int
	// lists are every list of the members, sorted (Subject.Lists), made
	// once for a subject of several listings: shared by every hit
	// grouped under it, clipped, so that no one appends into another's.
	lists []string
	// sub gives lists on demand when they were not made (nil lists).
	sub *resolve.Subject
}

// listsOf returns every list of the subject's members, sorted.
func (g *group) listsOf() []string {
	if g.lists == nil && g.sub != nil {
		return g.sub.Lists()
	}
	return g.lists
}

// groupsOf makes the grouping table of a resolution.
func groupsOf(res *decide.Resolved) map[string]*group {
	m := make(map[string]*group, len(res.Subjects))
	for _, sub := range res.Subjects {
		g := &group{id: sub.ID, members: len(sub.Members)}
		if len(sub.Members) > 1 {
			g.lists = slices.Clip(sub.Lists())
		}
		for _, mem := range sub.Members {
			m[mem.EntityID] = g
		}
	}
	return m
}

// Subjects returns the snapshot's resolution of its listings into
// subjects, with the analysts' decisions in force when it was made; nil
// when it has none (it failed, or the snapshot was built without one):
// every listing is then a subject of its own. The caller takes it once
// per request: a decision replaces it (see Resolve).
func (s *Snapshot) Subjects() *decide.Resolved {
	if r := s.derived.subjects.Load(); r != nil {
		return r.res
	}
	return nil
}

// SubjectsErr says why the snapshot has no resolution: resolution
// failed. Nil when it has one, or was built without one.
func (s *Snapshot) SubjectsErr() error {
	if r := s.derived.subjects.Load(); r != nil {
		return r.err
	}
	return nil
}

// SubjectOf returns the ID of the subject a listing is a member of; ""
// when the snapshot has no resolution or no such listing.
func (s *Snapshot) SubjectOf(entityID string) string {
	if res := s.Subjects(); res != nil {
		if sub, ok := res.Subject(entityID); ok {
			return sub.ID
		}
	}
	return ""
}

// Resolve resolves the snapshot's listings (ents, the records its index
// was built from) into subjects with the decisions in force in st and
// the subject IDs st holds, and makes it the snapshot's resolution,
// shared by its copies. With keep, the new subject IDs are stored for the
// next resolution (keep those of the lists served only, not of past
// versions). On failure the snapshot keeps serving without one
// (Subjects nil, SubjectsErr set): screening never stops for it.
func (s *Snapshot) Resolve(ctx context.Context, st store.Subjects, ents []*entity.Entity, keep bool) error {
	start := time.Now()
	r := &subjects{}
	err := func() error {
		all, err := st.SubjectDecisions(ctx, false)
		if err != nil {
			return fmt.Errorf("read the decisions on subjects: %w", err)
		}
		r.rows = len(all)
		res, err := decide.Resolve(ctx, st, s.Index, ents, resolve.Options{})
		if err != nil {
			return fmt.Errorf("resolve the subjects: %w", err)
		}
		if keep {
			if err := res.Keep(ctx, st, start); err != nil {
				return err
			}
		}
		r.res, r.groups = res, groupsOf(res)
		for _, sub := range res.Subjects {
			r.largest = max(r.largest, len(sub.Members))
		}
		return nil
	}()
	r.err, r.took = err, time.Since(start)
	if err != nil && s.Subjects() != nil {
		// A failed re-resolution keeps the resolution it would replace.
		return err
	}
	s.derived.subjects.Store(r)
	return err
}

// ResolvedIn says how long the snapshot's resolution took.
func (s *Snapshot) ResolvedIn() time.Duration {
	if r := s.derived.subjects.Load(); r != nil {
		return r.took
	}
	return 0
}

// decisionsSince reports whether the snapshot's resolution is to be made
// again: st holds decisions taken since it was made, or it failed (it
// is tried again at each poll).
func (s *Snapshot) decisionsSince(ctx context.Context, st store.Subjects) (bool, error) {
	r := s.derived.subjects.Load()
	switch {
	case r == nil:
		return false, nil // built without one
	case r.res == nil:
		return true, nil
	}
	all, err := st.SubjectDecisions(ctx, false)
	if err != nil {
		return false, err
	}
	return len(all) != r.rows, nil
}

// SubjectRef is the subject of one listing found: what a finding in a
// text, which names the best listing only, says of the others.
type SubjectRef struct {
	ID      string `json:"id"`
	Members int    `json:"members"`
	// Listings are its members' entity IDs; Lists every list that names
	// it, Regimes their regimes.
	Listings []string `json:"listings"`
	Lists    []string `json:"lists"`
	Regimes  []string `json:"regimes"`
}

// SubjectRefOf returns the subject of a listing in res; nil when res is
// nil or does not know it.
func SubjectRefOf(res *decide.Resolved, entityID string) *SubjectRef {
	if res == nil {
		return nil
	}
	sub, ok := res.Subject(entityID)
	if !ok {
		return nil
	}
	lists := sub.Lists()
	return &SubjectRef{ID: sub.ID, Members: len(sub.Members), Listings: sub.MemberIDs(), Lists: lists, Regimes: all.ListRegimes(lists)}
}

// searchLimit returns how many listings to search for so that limit
// subjects come back, and the most it may take: limit subjects whose
// members are all ranked first fill limit × largest listings. The first
// search asks for twice the limit, which the hits of a query seldom
// exceed, since few subjects are listed more than twice among them.
func (r *subjects) searchLimit(limit int) (first, most int) {
	if r == nil || r.res == nil || limit <= 0 || r.largest <= 1 {
		return limit, limit
	}
	return min(2*limit, limit*r.largest), limit * r.largest
}

// GroupBySubject turns hits (best first, listings of res) into one hit
// per subject, in the order of each subject's best listing: its score,
// entity ID, name and explanation are that listing's; Lists and Regimes
// are those of every member of the subject, matched or not; Matched lists
// the members that matched, best first, when the subject has several.
// Listings res does not know keep their hit unchanged. At most limit
// hits are returned (limit ≤ 0: all).
func GroupBySubject(res *decide.Resolved, hits []Hit, limit int) []Hit {
	if res == nil {
		return hits
	}
	return groupHits(hits, limit, func(entityID string) (group, bool) {
		sub, ok := res.Subject(entityID)
		if !ok {
			return group{}, false
		}
		return group{id: sub.ID, members: len(sub.Members), sub: sub}, true
	})
}

// group is GroupBySubject with the snapshot's grouping table.
func (r *subjects) group(hits []Hit, limit int) []Hit {
	return groupHits(hits, limit, func(entityID string) (group, bool) {
		if g, ok := r.groups[entityID]; ok {
			return *g, true
		}
		return group{}, false
	})
}

// keptAlone is how many subjects grouping looks through, one by one, for
// the one a hit belongs to, before it makes a map of them: a screening
// keeps ten.
const keptAlone = 32

// groupHits is GroupBySubject, given the subject of each listing.
func groupHits(hits []Hit, limit int, of func(entityID string) (group, bool)) []Hit {
	out := make([]Hit, 0, min(len(hits), max(limit, 0)))
	var at map[string]int // subject ID → its hit in out, past keptAlone
	kept := func(id string) int {
		if at != nil {
			if i, ok := at[id]; ok {
				return i
			}
			return -1
		}
		for i := range out {
			if out[i].Subject == id {
				return i
			}
		}
		return -1
	}
	for _, h := range hits {
		sub, ok := of(h.EntityID)
		if ok {
			if i := kept(sub.id); i >= 0 {
				out[i].Matched = append(out[i].Matched, listingOf(h))
				continue
			}
		}
		if limit > 0 && len(out) == limit {
			continue // later hits may still be members of subjects kept
		}
		if !ok {
			out = append(out, h)
			continue
		}
		h.Subject, h.Members = sub.id, sub.members
		if sub.members > 1 {
			// Room for the members the hits may hold: one allocation.
			h.Matched = append(make([]Listing, 0, min(sub.members, len(hits))), listingOf(h))
			h.Lists = sub.listsOf()
			h.Regimes = all.ListRegimes(h.Lists)
			h.Kinds = all.ListKinds(h.Lists)
		}
		if at == nil && len(out) == keptAlone {
			at = make(map[string]int, 2*keptAlone)
			for i := range out {
				if out[i].Subject != "" {
					at[out[i].Subject] = i
				}
			}
		}
		if at != nil {
			at[sub.id] = len(out)
		}
		out = append(out, h)
	}
	return out
}

// listingOf is the listing a hit (not grouped) names.
func listingOf(h Hit) Listing {
	return Listing{EntityID: h.EntityID, List: h.List, Lists: h.Lists, Regimes: h.Regimes, Kind: h.Kind, Name: h.Name, Score: h.Score}
}
