package entity

import (
	"fmt"
	"time"
	"unicode/utf8"
)

// Kinds of SubjectDecision.
const (
	// DecisionMerge joins every listing of every side into one subject.
	DecisionMerge = "merge"
	// DecisionNotSame keeps the listings of its two sides in different
	// subjects, whatever the evidence.
	DecisionNotSame = "not-same"
	// DecisionAlone splits its one listing from its subject: it joins no
	// other listing except by a merge.
	DecisionAlone = "alone"
	// DecisionRevoke revokes an earlier decision (Revokes): a decision is
	// never deleted, so that the trail of who grouped what stays whole.
	DecisionRevoke = "revoke"
)

// Bounds on a decision, so that one command cannot make the resolution
// apply thousands of pairs.
const (
	MaxDecisionListings = 100
	MaxDecisionNote     = 2000
)

// SubjectDecision is an analyst's decision on which listings name one
// sanctioned subject (see package resolve). It is applied at every
// resolution, so it outlives list updates; a subject ID the analyst names
// stands for the listings that subject had then, stored here.
type SubjectDecision struct {
	ID   int64  `json:"id"`
	Kind string `json:"kind"`
	// Sides are the listings (entity IDs) it concerns, one side per
	// listing or subject the analyst named: a merge joins every side,
	// not-same keeps its two sides apart, alone has one side of one
	// listing. A revocation has none.
	Sides [][]string `json:"sides,omitempty"`
	// Revokes is, for a revocation, the ID of the decision it revokes.
	Revokes int64     `json:"revokes,omitempty"`
	Note    string    `json:"note,omitempty"`
	Actor   string    `json:"actor"`
	At      time.Time `json:"at"`
	// RevokedBy and RevokedAt are set when a later decision revokes it.
	RevokedBy int64     `json:"revokedBy,omitempty"`
	RevokedAt time.Time `json:"revokedAt,omitzero"`
}

// Active reports whether the decision applies: neither revoked nor a
// revocation.
func (d *SubjectDecision) Active() bool { return d.Kind != DecisionRevoke && d.RevokedBy == 0 }

// Listings returns the entity IDs of every side, in order.
func (d *SubjectDecision) Listings() []string {
	var ids []string
	for _, s := range d.Sides {
		ids = append(ids, s...)
	}
	return ids
}

// Validate checks a decision's shape: its kind, its sides (no listing
// twice, none empty, at most MaxDecisionListings) and its note.
func (d *SubjectDecision) Validate() error {
	if d.Actor == "" {
		return fmt.Errorf("%w: subject decision: no actor", ErrInvalid)
	}
	if !utf8.ValidString(d.Note) || len(d.Note) > MaxDecisionNote {
		return fmt.Errorf("%w: subject decision: the note must be UTF-8 text of at most %d bytes", ErrInvalid, MaxDecisionNote)
	}
	switch d.Kind {
	case DecisionMerge, DecisionNotSame, DecisionAlone:
		if d.Revokes != 0 {
			return fmt.Errorf("%w: subject decision: a %s revokes nothing", ErrInvalid, d.Kind)
		}
	case DecisionRevoke:
		if d.Revokes <= 0 || len(d.Sides) > 0 {
			return fmt.Errorf("%w: subject decision: a revocation names the decision it revokes, and no listing", ErrInvalid)
		}
	default:
		return fmt.Errorf("%w: subject decision: kind %q, want merge, not-same, alone or revoke", ErrInvalid, d.Kind)
	}
	switch {
	case d.Kind == DecisionMerge && len(d.Sides) < 2:
		return fmt.Errorf("%w: subject decision: a merge needs at least two sides, has %d", ErrInvalid, len(d.Sides))
	case d.Kind == DecisionNotSame && len(d.Sides) != 2:
		return fmt.Errorf("%w: subject decision: not-same needs two sides, has %d", ErrInvalid, len(d.Sides))
	case d.Kind == DecisionAlone && (len(d.Sides) != 1 || len(d.Sides[0]) != 1):
		return fmt.Errorf("%w: subject decision: alone splits one listing", ErrInvalid)
	}
	seen := map[string]bool{}
	for _, s := range d.Sides {
		if len(s) == 0 {
			return fmt.Errorf("%w: subject decision: an empty side", ErrInvalid)
		}
		for _, id := range s {
			if id == "" || seen[id] {
				return fmt.Errorf("%w: subject decision: listing %q is empty or named twice", ErrInvalid, id)
			}
			seen[id] = true
		}
	}
	if len(seen) > MaxDecisionListings {
		return fmt.Errorf("%w: subject decision: %d listings, at most %d", ErrInvalid, len(seen), MaxDecisionListings)
	}
	return nil
}
