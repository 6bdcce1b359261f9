package resolve

import (
	"cmp"
	"slices"

	"github.com/vetoscreen/veto/entity"
)

// Evidence is the kind of fact that links two listings.
type Evidence string

// Kinds of evidence, strongest first.
const (
	// Analyst is an analyst's merge decision.
	Analyst Evidence = "analyst"
	// CrossReference is a publisher's own "sameAs" reference to another
	// listing (a UN reference number, an OFSI group ID).
	CrossReference Evidence = "cross-reference"
	// Identifier is a shared identifying number: passport, national ID,
	// IMO, MMSI, BIC, crypto address, registration number.
	Identifier Evidence = "identifier"
	// NameAndBirth is a person's names with the same full date of birth.
	NameAndBirth Evidence = "name+birth-date"
	// NameAndAddress is an organisation's names with a shared country and
	// address.
	NameAndAddress Evidence = "name+country+address"
	// SoleName is names that find one listing only on another list, and
	// are the only ones that listing's names find on theirs, with no date
	// of birth or country against it.
	SoleName Evidence = "sole-name"
)

// Evidences lists the kinds, strongest first.
var Evidences = []Evidence{Analyst, CrossReference, Identifier, NameAndBirth, NameAndAddress, SoleName}

// strength orders evidence: lower is stronger.
func (e Evidence) strength() int {
	if i := slices.Index(Evidences, e); i >= 0 {
		return i
	}
	return len(Evidences)
}

// Link is one piece of evidence between two listings.
type Link struct {
	A        string   `json:"a"`
	B        string   `json:"b"`
	Evidence Evidence `json:"evidence"`
	// Score is the name score for name evidence, 1 otherwise.
	Score float64 `json:"score"`
	// Detail says what was shared: "un-QDi.430", "imoNumber 9187629",
	// "1950-03-21".
	Detail string `json:"detail,omitempty"`
}

// Member is one listing of a subject.
type Member struct {
	EntityID string        `json:"entityId"`
	Schema   entity.Schema `json:"schema"`
	Caption  string        `json:"caption"`
	// List is the list the listing was read from; Lists are the lists
	// that carry it (the consolidated screening list carries OFAC's).
	List  string   `json:"list"`
	Lists []string `json:"lists"`
}

// Subject is one sanctioned person, organisation, vessel or aircraft.
type Subject struct {
	// ID is stable across list versions (see Resolve).
	ID      string        `json:"id"`
	Schema  entity.Schema `json:"schema"`
	Caption string        `json:"caption"`
	// Members are its listings, the anchor (the listing the ID was first
	// derived from, see anchorLess) first.
	Members []Member `json:"members"`
	// Links are the evidence that joined the members: a spanning tree,
	// strongest evidence first.
	Links []Link `json:"links,omitempty"`
}

// Lists returns every list that names the subject, sorted.
func (s *Subject) Lists() []string {
	var ls []string
	for _, m := range s.Members {
		ls = append(ls, m.Lists...)
	}
	slices.Sort(ls)
	return slices.Compact(ls)
}

// MemberIDs returns the member entity IDs.
func (s *Subject) MemberIDs() []string {
	ids := make([]string, len(s.Members))
	for i, m := range s.Members {
		ids[i] = m.EntityID
	}
	return ids
}

// Resolution is every listing of a set of lists grouped into subjects.
type Resolution struct {
	Subjects []*Subject
	// Possible are pairs of listings in different subjects whose names and
	// facts agree without enough evidence to join them: the queue of
	// "possible same subject" for an analyst, highest score first.
	Possible []Link
	// Vetoed counts links refused because they would have joined listings
	// that contradict each other (or an analyst's decision), by evidence.
	Vetoed map[Evidence]int
	bySub  map[string]*Subject
	byMem  map[string]*Subject
}

// Subject returns a subject by its ID or by any member's entity ID.
func (r *Resolution) Subject(id string) (*Subject, bool) {
	if s, ok := r.bySub[id]; ok {
		return s, true
	}
	s, ok := r.byMem[id]
	return s, ok
}

// IDs returns the map of member entity ID to subject ID: what the next
// resolution needs to keep subject IDs stable.
func (r *Resolution) IDs() map[string]string {
	m := make(map[string]string, len(r.byMem))
	for id, s := range r.byMem {
		m[id] = s.ID
	}
	return m
}

func (r *Resolution) index() {
	r.bySub = make(map[string]*Subject, len(r.Subjects))
	r.byMem = map[string]*Subject{}
	for _, s := range r.Subjects {
		r.bySub[s.ID] = s
		for _, m := range s.Members {
			r.byMem[m.EntityID] = s
		}
	}
	slices.SortFunc(r.Subjects, func(a, b *Subject) int {
		return cmp.Or(len(b.Members)-len(a.Members), cmp.Compare(a.ID, b.ID))
	})
}
