package storetest

import (
	"errors"
	"fmt"
	"maps"
	"reflect"
	"testing"

	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
)

// testSubjectDecisions checks that decisions are stored with their audit
// entries or not at all, that a revocation is a decision of its own
// which marks the one it revokes, and that nothing is deleted.
func testSubjectDecisions(t *testing.T, newStore func(t *testing.T) store.Store) {
	s := newStore(t)
	audited := func(d entity.SubjectDecision) entity.AuditEntry {
		action := chain.ActionSubjectDecide
		if d.Kind == entity.DecisionRevoke {
			action = chain.ActionSubjectRevoke
		}
		return entry(t, d.At, d.Actor, action, fmt.Sprint("subject-decision/", d.ID), d)
	}
	trail := func() []entity.AuditEntry { t.Helper(); return auditTrail(t, s) }
	merge := entity.SubjectDecision{Kind: entity.DecisionMerge, Sides: [][]string{{"ofac-1", "uk-1"}, {"eu-1"}}, Note: "one passport", Actor: "cli:ann", At: day(2026, 3, 1)}
	got, err := s.AddSubjectDecision(ctx(), merge, audited)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID == 0 || !reflect.DeepEqual(got.Sides, merge.Sides) {
		t.Fatalf("stored %+v", got)
	}
	es := trail()
	if len(es) != 1 || es[0].Action != chain.ActionSubjectDecide || es[0].Subject != fmt.Sprint("subject-decision/", got.ID) || es[0].Actor != "cli:ann" {
		t.Fatalf("trail after a merge: %+v", es)
	}
	alone, err := s.AddSubjectDecision(ctx(), entity.SubjectDecision{Kind: entity.DecisionAlone, Sides: [][]string{{"au-7"}}, Actor: "cli:bob", At: day(2026, 3, 2)}, audited)
	if err != nil {
		t.Fatal(err)
	}
	if alone.ID <= got.ID {
		t.Errorf("IDs %d then %d: want them increasing", got.ID, alone.ID)
	}

	// Refused: invalid shapes, and a decision whose entry cannot be
	// appended; none leaves a decision or an entry.
	bad := func(d entity.SubjectDecision) entity.AuditEntry {
		e := audited(d)
		e.Data = []byte("{not json")
		return e
	}
	for _, tc := range []struct {
		name  string
		d     entity.SubjectDecision
		audit func(entity.SubjectDecision) entity.AuditEntry
		want  error
	}{
		{"merge of one side", entity.SubjectDecision{Kind: entity.DecisionMerge, Sides: [][]string{{"a", "b"}}, Actor: "x"}, audited, entity.ErrInvalid},
		{"not-same of three sides", entity.SubjectDecision{Kind: entity.DecisionNotSame, Sides: [][]string{{"a"}, {"b"}, {"c"}}, Actor: "x"}, audited, entity.ErrInvalid},
		{"a listing on both sides", entity.SubjectDecision{Kind: entity.DecisionNotSame, Sides: [][]string{{"a"}, {"a"}}, Actor: "x"}, audited, entity.ErrInvalid},
		{"alone of two", entity.SubjectDecision{Kind: entity.DecisionAlone, Sides: [][]string{{"a", "b"}}, Actor: "x"}, audited, entity.ErrInvalid},
		{"no actor", entity.SubjectDecision{Kind: entity.DecisionAlone, Sides: [][]string{{"a"}}}, audited, entity.ErrInvalid},
		{"unknown kind", entity.SubjectDecision{Kind: "join", Sides: [][]string{{"a"}, {"b"}}, Actor: "x"}, audited, entity.ErrInvalid},
		{"revoke of nothing", entity.SubjectDecision{Kind: entity.DecisionRevoke, Actor: "x"}, audited, entity.ErrInvalid},
		{"revoke of an unknown decision", entity.SubjectDecision{Kind: entity.DecisionRevoke, Revokes: 999, Actor: "x"}, audited, store.ErrNotFound},
		{"entry not appended", entity.SubjectDecision{Kind: entity.DecisionNotSame, Sides: [][]string{{"a"}, {"b"}}, Actor: "x"}, bad, nil},
		{"revocation whose entry is not appended", entity.SubjectDecision{Kind: entity.DecisionRevoke, Revokes: got.ID, Actor: "x"}, bad, nil},
	} {
		_, err := s.AddSubjectDecision(ctx(), tc.d, tc.audit)
		if err == nil || tc.want != nil && !errors.Is(err, tc.want) {
			t.Errorf("%s: err = %v, want %v", tc.name, err, tc.want)
		}
	}
	if n := len(trail()); n != 2 {
		t.Errorf("after the refused decisions: %d entries, want 2", n)
	}
	if all, err := s.SubjectDecisions(ctx(), false); err != nil || len(all) != 2 || !all[0].Active() {
		t.Errorf("after the refused decisions: %+v, %v; want the merge in force and the alone", all, err)
	}

	// A revocation: stored, audited, and the merge marked, not deleted.
	rev, err := s.AddSubjectDecision(ctx(), entity.SubjectDecision{Kind: entity.DecisionRevoke, Revokes: got.ID, Note: "two people", Actor: "cli:bob", At: day(2026, 4, 1)}, audited)
	if err != nil {
		t.Fatal(err)
	}
	active, err := s.SubjectDecisions(ctx(), true)
	if err != nil || len(active) != 1 || active[0].ID != alone.ID {
		t.Errorf("in force after the revocation: %+v, %v; want the alone only", active, err)
	}
	all, err := s.SubjectDecisions(ctx(), false)
	if err != nil || len(all) != 3 {
		t.Fatalf("every decision: %+v, %v", all, err)
	}
	if m := all[0]; m.ID != got.ID || m.RevokedBy != rev.ID || !m.RevokedAt.Equal(day(2026, 4, 1)) || m.Active() || m.Note != "one passport" {
		t.Errorf("the revoked merge: %+v", m)
	}
	if r := all[2]; r.Kind != entity.DecisionRevoke || r.Revokes != got.ID || r.Sides != nil || r.Active() {
		t.Errorf("the revocation: %+v", r)
	}
	if es := trail(); len(es) != 3 || es[2].Action != chain.ActionSubjectRevoke || es[2].Actor != "cli:bob" {
		t.Errorf("trail after the revocation: %+v", es)
	}
	// Revoking again, or revoking a revocation, is a conflict.
	for _, id := range []int64{got.ID, rev.ID} {
		_, err := s.AddSubjectDecision(ctx(), entity.SubjectDecision{Kind: entity.DecisionRevoke, Revokes: id, Actor: "x", At: day(2026, 4, 2)}, audited)
		if !errors.Is(err, store.ErrConflict) {
			t.Errorf("revoking %d again: %v, want ErrConflict", id, err)
		}
	}
	if n := len(trail()); n != 3 {
		t.Errorf("after the refused revocations: %d entries, want 3", n)
	}
	if all, _ := s.SubjectDecisions(ctx(), false); len(all) != 3 {
		t.Errorf("after the refused revocations: %d decisions, want 3", len(all))
	}
}

func testSubjectIDs(t *testing.T, newStore func(t *testing.T) store.Store) {
	s := newStore(t)
	if ids, err := s.SubjectIDs(ctx()); err != nil || len(ids) != 0 {
		t.Fatalf("empty store: %v, %v", ids, err)
	}
	// More than one batch of rows.
	first := map[string]string{}
	for i := range 700 {
		first[fmt.Sprint("ofac-", i)] = fmt.Sprint("vs-", i/2)
	}
	// Then one listing goes, one comes, one changes subject; then all go.
	next := maps.Clone(first)
	delete(next, "ofac-0")
	next["eu-1"] = "vs-0"
	next["ofac-3"] = "vs-9"
	steps := []struct {
		ids     map[string]string
		changed int
	}{{first, 700}, {first, 0}, {next, 3}, {map[string]string{}, len(next)}}
	for i, st := range steps {
		n, err := s.PutSubjectIDs(ctx(), st.ids, day(2026, 5, i+1))
		if err != nil || n != st.changed {
			t.Fatalf("step %d: changed %d, %v; want %d", i, n, err, st.changed)
		}
		got, err := s.SubjectIDs(ctx())
		if err != nil || !maps.Equal(got, st.ids) {
			t.Fatalf("step %d: stored %d entries, %v; want %d", i, len(got), err, len(st.ids))
		}
	}
	if _, err := s.PutSubjectIDs(ctx(), map[string]string{"ofac-1": ""}, day(2026, 6, 1)); !errors.Is(err, entity.ErrInvalid) {
		t.Errorf("an empty subject ID: %v, want ErrInvalid", err)
	}
}
