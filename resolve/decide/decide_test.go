package decide_test

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/index"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/resolve"
	"github.com/vetoscreen/veto/resolve/decide"
	"github.com/vetoscreen/veto/store"
	"github.com/vetoscreen/veto/store/sqlite"
)

var t0 = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

func openStore(t *testing.T, path string) store.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func listing(id, list, name, dob string, rels ...string) *entity.Entity {
	e := &entity.Entity{ID: id, List: list, Schema: entity.Person, Names: []entity.Name{{Full: name, Kind: entity.Primary}}}
	if dob != "" {
		r, err := entity.ParseDateRange(dob)
		if err != nil {
			panic(err)
		}
		e.BirthDates = []entity.DateRange{r}
	}
	for _, target := range rels {
		e.Relations = append(e.Relations, entity.Relation{Type: "sameAs", Target: target})
	}
	return e
}

func resolveWith(t *testing.T, st store.Subjects, ents []*entity.Entity) *decide.Resolved {
	t.Helper()
	res, err := decide.Resolve(context.Background(), st, index.Build(ents, match.DefaultConfig()), ents, resolve.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := res.Keep(context.Background(), st, t0); err != nil {
		t.Fatal(err)
	}
	return res
}

func subjectOf(t *testing.T, res *decide.Resolved, id string) *resolve.Subject {
	t.Helper()
	s, ok := res.Subject(id)
	if !ok {
		t.Fatalf("no subject of %s", id)
	}
	return s
}

var (
	lavrovUS = listing("ofac-1", "ofac-sdn", "LAVROV, Sergei Viktorovich", "1950-03-21")
	lavrovUK = listing("uk-1", "uk-ofsi", "Sergei Viktorovich LAVROV", "1950-03-21")
	lavrovEU = listing("eu-1", "eu-fsf", "Sergey Viktorovich LAVROV", "1950-03-21")
	badriUN  = listing("un-1", "un-sc", "ABU BAKR AL-BAGHDADI", "")
	badriUK  = listing("uk-2", "uk-ofsi", "Ibrahim Awwad Ibrahim Ali al-Badri", "", "un-1")
	abuDua   = listing("au-9", "au-dfat", "Abu Du'a", "")
)

// A subject keeps its ID across list versions and restarts: the IDs are
// read from the store, even when the member the ID was derived from has
// been delisted.
func TestStableIDsStored(t *testing.T) {
	path := filepath.Join(t.TempDir(), "veto.db")
	first := resolveWith(t, openStore(t, path), []*entity.Entity{lavrovUS, lavrovUK})
	id := subjectOf(t, first, "ofac-1").ID

	// A restart, and the EU lists him.
	st := openStore(t, path)
	withEU := resolveWith(t, st, []*entity.Entity{lavrovUS, lavrovUK, lavrovEU})
	if got := subjectOf(t, withEU, "eu-1").ID; got != id {
		t.Errorf("after the EU listing: %s, want %s", got, id)
	}
	// The US delists him: a resolution that knew nothing before would
	// derive another ID from the members left.
	later := []*entity.Entity{lavrovUK, lavrovEU}
	fresh, err := resolve.Resolve(context.Background(), index.Build(later, match.DefaultConfig()), later, resolve.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if fresh.IDs()["uk-1"] == id {
		t.Fatalf("a fresh resolution gives %s too: the test shows nothing", id)
	}
	delisted := resolveWith(t, openStore(t, path), later)
	if got := subjectOf(t, delisted, "uk-1").ID; got != id {
		t.Errorf("after the US delisting: %s, want %s", got, id)
	}
	stored, err := st.SubjectIDs(context.Background())
	if err != nil || len(stored) != 2 || stored["eu-1"] != id || stored["ofac-1"] != "" {
		t.Errorf("stored IDs %v, %v: want the last resolution's", stored, err)
	}
}

func TestDecide(t *testing.T) {
	ctx := context.Background()
	st := openStore(t, filepath.Join(t.TempDir(), "veto.db"))
	ents := []*entity.Entity{lavrovUS, lavrovUK, badriUN, badriUK, abuDua}
	res := resolveWith(t, st, ents)
	lavrov := subjectOf(t, res, "ofac-1").ID
	if len(subjectOf(t, res, "ofac-1").Members) != 2 || len(subjectOf(t, res, "un-1").Members) != 2 {
		t.Fatalf("fixture: %+v", res.Subjects)
	}
	req := func(kind string, ids ...string) decide.Request {
		return decide.Request{Kind: kind, IDs: ids, Note: " checked ", Actor: "cli:ann", At: t0}
	}
	steps := []struct {
		name string
		req  decide.Request
		// err is the error wanted, named in its text by mention.
		err     error
		mention string
		// check the resolution after the decision.
		check func(res *decide.Resolved) bool
	}{
		{name: "an unknown ID", req: req(entity.DecisionMerge, lavrov, "nobody-1"), err: decide.ErrUnknown, mention: "nobody-1"},
		{name: "alone on a subject of two", req: req(entity.DecisionAlone, lavrov), err: entity.ErrInvalid, mention: lavrov},
		{name: "a merge of a subject with its own listing", req: req(entity.DecisionMerge, lavrov, "ofac-1"), err: entity.ErrInvalid, mention: "nothing to merge"},
		{name: "not-same of a subject and its listing", req: req(entity.DecisionNotSame, lavrov, "uk-1"), err: entity.ErrInvalid, mention: "both sides"},
		{name: "an unknown kind", req: req("join", "ofac-1", "au-9"), err: entity.ErrInvalid, mention: "join"},
		{name: "not-same of three", req: req(entity.DecisionNotSame, "ofac-1", "au-9", "un-1"), err: entity.ErrInvalid, mention: "two"},
		{name: "a merge of a subject and a listing", req: req(entity.DecisionMerge, lavrov, "au-9"), check: func(res *decide.Resolved) bool {
			s := subjectOf(t, res, "au-9")
			// The merge joins the listing to the subject; the subject's own
			// listings stay joined by their evidence, which it shows.
			return s.ID == lavrov && len(s.Members) == 3 && len(s.Links) == 2 && s.Links[0].Evidence == resolve.Analyst &&
				strings.HasPrefix(s.Links[0].Detail, "decision 1 by cli:ann (checked)") && s.Links[1].Evidence == resolve.NameAndBirth
		}},
		{name: "not-same against the merge", req: req(entity.DecisionNotSame, "uk-1", "au-9"), err: store.ErrConflict, mention: "decision 1"},
		{name: "alone of a merged listing", req: req(entity.DecisionAlone, "au-9"), err: store.ErrConflict, mention: "decision 1"},
		{name: "not-same of two listings of one subject", req: req(entity.DecisionNotSame, "un-1", "uk-2"), check: func(res *decide.Resolved) bool {
			return subjectOf(t, res, "un-1") != subjectOf(t, res, "uk-2")
		}},
		{name: "a merge against the not-same", req: req(entity.DecisionMerge, "uk-2", "un-1"), err: store.ErrConflict, mention: "decision 2"},
		{name: "alone", req: req(entity.DecisionAlone, "un-1"), check: func(res *decide.Resolved) bool {
			return len(subjectOf(t, res, "un-1").Members) == 1
		}},
	}
	stored := 0
	for _, step := range steps {
		d, err := decide.Decide(ctx, st, res, step.req)
		if step.err != nil {
			if !errors.Is(err, step.err) || !strings.Contains(err.Error(), step.mention) {
				t.Errorf("%s: err = %v, want %v naming %q", step.name, err, step.err, step.mention)
			}
		} else {
			if err != nil {
				t.Fatalf("%s: %v", step.name, err)
			}
			stored++
			if d.ID != int64(stored) || d.Note != "checked" || d.Actor != "cli:ann" {
				t.Errorf("%s: stored %+v", step.name, d)
			}
			res = resolveWith(t, st, ents)
			if !step.check(res) {
				t.Errorf("%s: not applied: %+v", step.name, res.Subjects)
			}
		}
		all, err := st.SubjectDecisions(ctx, false)
		trail, err2 := st.AuditEntries(ctx, store.AuditFilter{})
		if err != nil || err2 != nil || len(all) != stored || len(trail) != stored {
			t.Fatalf("after %s: %d decisions, %d entries (%v, %v); want %d of each", step.name, len(all), len(trail), err, err2, stored)
		}
	}
	// The subject named stands for its listings then.
	if got := res.Decisions; len(got) != 3 || !reflect.DeepEqual(got[0].Sides, [][]string{{"ofac-1", "uk-1"}, {"au-9"}}) {
		t.Errorf("decisions in force %+v", got)
	}
	if e, _ := st.AuditEntries(ctx, store.AuditFilter{}); e[0].Action != chain.ActionSubjectDecide || e[0].Subject != "subject-decision/1" || e[0].Actor != "cli:ann" {
		t.Errorf("the merge's entry %+v", e[0])
	}

	// The merge outlives a list update: the US delists Lavrov, and the
	// UK listing and au-9 stay one subject by the decision.
	later := []*entity.Entity{lavrovUK, badriUN, badriUK, abuDua}
	if s := subjectOf(t, resolveWith(t, st, later), "uk-1"); !slices.Equal(s.MemberIDs(), []string{"au-9", "uk-1"}) || s.ID != lavrov {
		t.Errorf("after the delisting: %s %v, want %s of au-9 and uk-1", s.ID, s.MemberIDs(), lavrov)
	}

	// Revoking the merge: a decision of its own, audited; the merge
	// stays stored, revoked, and stops applying.
	rev, err := decide.Revoke(ctx, st, 1, "two people", "cli:bob", t0.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	res = resolveWith(t, st, ents)
	if subjectOf(t, res, "au-9") == subjectOf(t, res, "ofac-1") || len(res.Decisions) != 2 {
		t.Errorf("after revoking the merge: %v, %d decisions in force", subjectOf(t, res, "au-9").MemberIDs(), len(res.Decisions))
	}
	for _, tc := range []struct {
		id   int64
		want error
	}{{1, store.ErrConflict}, {rev.ID, store.ErrConflict}, {99, store.ErrNotFound}} {
		if _, err := decide.Revoke(ctx, st, tc.id, "", "cli:bob", t0); !errors.Is(err, tc.want) {
			t.Errorf("revoke %d: %v, want %v", tc.id, err, tc.want)
		}
	}
	trail, _ := st.AuditEntries(ctx, store.AuditFilter{})
	if last := trail[len(trail)-1]; len(trail) != 4 || last.Action != chain.ActionSubjectRevoke || last.Subject != "subject-decision/1" || last.Actor != "cli:bob" {
		t.Errorf("trail %+v", trail)
	}
}
