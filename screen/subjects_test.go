package screen_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/index"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/resolve"
	"github.com/vetoscreen/veto/resolve/decide"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/store"
	"github.com/vetoscreen/veto/store/sqlite"
)

func listedPerson(id, list, name string, sameAs ...string) *entity.Entity {
	e := &entity.Entity{ID: id, List: list, Schema: entity.Person, Names: []entity.Name{{Full: name, Kind: entity.Primary}}}
	for _, t := range sameAs {
		e.Relations = append(e.Relations, entity.Relation{Type: "sameAs", Target: t})
	}
	return e
}

// lavrovLists are five lists: Sergei Lavrov on each, the UK's, EU's,
// Canada's and Australia's listings referring to OFAC's; Arkady
// Rotenberg on OFAC's and the UK's (referring to it); Boris Rotenberg on
// OFAC's only; and a woman named nearly as Lavrov.
func lavrovLists() map[string][]*entity.Entity {
	lavrova := listedPerson("ofac-4", "ofac-sdn", "Sergei LAVROVA")
	lavrova.Gender = "female" // not Lavrov, whose names she nearly has
	return map[string][]*entity.Entity{
		"ofac-sdn": {listedPerson("ofac-1", "ofac-sdn", "Sergei Viktorovich LAVROV"), listedPerson("ofac-2", "ofac-sdn", "Arkady ROTENBERG"), listedPerson("ofac-3", "ofac-sdn", "Boris ROTENBERG"), lavrova},
		"uk-ofsi":  {listedPerson("uk-1", "uk-ofsi", "LAVROV, Sergey", "ofac-1"), listedPerson("uk-2", "uk-ofsi", "ROTENBERG, Arkadiy", "ofac-2")},
		"eu-fsf":   {listedPerson("eu-1", "eu-fsf", "Sergey Viktorovich LAVROV", "ofac-1")},
		"ca-sema":  {listedPerson("ca-1", "ca-sema", "Sergei LAVROV", "ofac-1")},
		"au-dfat":  {listedPerson("au-1", "au-dfat", "Sergei LAVROV", "ofac-1")},
	}
}

// resolved resolves ents as a snapshot does, without a store.
func resolved(t *testing.T, ents []*entity.Entity) *decide.Resolved {
	t.Helper()
	res, err := resolve.Resolve(context.Background(), index.Build(ents, match.DefaultConfig()), ents, resolve.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return &decide.Resolved{Resolution: res}
}

func hit(id, list string, score float64) screen.Hit {
	return screen.Hit{EntityID: id, List: list, Lists: []string{list}, Score: score, Name: "name of " + id, Regimes: []string{strings.Split(list, "-")[0]}}
}

func TestGroupBySubject(t *testing.T) {
	var ents []*entity.Entity
	for _, es := range lavrovLists() {
		ents = append(ents, es...)
	}
	res := resolved(t, ents)
	lavrov, _ := res.Subject("ofac-1")
	if len(lavrov.Members) != 5 {
		t.Fatalf("the fixture's Lavrov is %d listings, want 5: %+v", len(lavrov.Members), lavrov.Members)
	}
	arkady, _ := res.Subject("ofac-2")
	boris, _ := res.Subject("ofac-3")
	type want struct {
		entity, subject string
		score           float64
		members         int
		matched         []string // entity IDs
		lists           []string
	}
	tests := []struct {
		name  string
		res   *decide.Resolved
		hits  []screen.Hit
		limit int
		want  []want
	}{
		{"no resolution: listings as they are", nil,
			[]screen.Hit{hit("uk-1", "uk-ofsi", 0.99), hit("ofac-1", "ofac-sdn", 0.95)}, 10,
			[]want{{"uk-1", "", 0.99, 0, nil, []string{"uk-ofsi"}}, {"ofac-1", "", 0.95, 0, nil, []string{"ofac-sdn"}}}},
		{"a subject's listings are one hit, the best's, with every list of the subject", res,
			[]screen.Hit{hit("uk-1", "uk-ofsi", 0.99), hit("ofac-1", "ofac-sdn", 0.95), hit("eu-1", "eu-fsf", 0.9)}, 10,
			[]want{{"uk-1", lavrov.ID, 0.99, 5, []string{"uk-1", "ofac-1", "eu-1"}, []string{"au-dfat", "ca-sema", "eu-fsf", "ofac-sdn", "uk-ofsi"}}}},
		{"a subject of one listing keeps its hit", res,
			[]screen.Hit{hit("ofac-3", "ofac-sdn", 0.97)}, 10,
			[]want{{"ofac-3", boris.ID, 0.97, 1, nil, []string{"ofac-sdn"}}}},
		{"a listing the resolution does not know keeps its hit", res,
			[]screen.Hit{hit("xx-9", "xx-list", 0.97), hit("ofac-3", "ofac-sdn", 0.96)}, 10,
			[]want{{"xx-9", "", 0.97, 0, nil, []string{"xx-list"}}, {"ofac-3", boris.ID, 0.96, 1, nil, []string{"ofac-sdn"}}}},
		{"subjects in the order of their best listings", res,
			[]screen.Hit{hit("ofac-2", "ofac-sdn", 0.98), hit("ofac-3", "ofac-sdn", 0.97), hit("uk-2", "uk-ofsi", 0.96), hit("au-1", "au-dfat", 0.9)}, 10,
			[]want{
				{"ofac-2", arkady.ID, 0.98, 2, []string{"ofac-2", "uk-2"}, []string{"ofac-sdn", "uk-ofsi"}},
				{"ofac-3", boris.ID, 0.97, 1, nil, []string{"ofac-sdn"}},
				{"au-1", lavrov.ID, 0.9, 5, []string{"au-1"}, []string{"au-dfat", "ca-sema", "eu-fsf", "ofac-sdn", "uk-ofsi"}},
			}},
		{"the limit counts subjects; a kept subject's later listings still show", res,
			[]screen.Hit{hit("ofac-2", "ofac-sdn", 0.98), hit("ofac-3", "ofac-sdn", 0.97), hit("xx-9", "xx-list", 0.965), hit("uk-2", "uk-ofsi", 0.96)}, 1,
			[]want{{"ofac-2", arkady.ID, 0.98, 2, []string{"ofac-2", "uk-2"}, []string{"ofac-sdn", "uk-ofsi"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := screen.GroupBySubject(tt.res, slices.Clone(tt.hits), tt.limit)
			if len(got) != len(tt.want) {
				t.Fatalf("%d hits, want %d: %+v", len(got), len(tt.want), got)
			}
			for i, w := range tt.want {
				h := got[i]
				var matched []string
				for _, m := range h.Matched {
					matched = append(matched, m.EntityID)
				}
				if h.EntityID != w.entity || h.Subject != w.subject || h.Score != w.score || h.Members != w.members ||
					!slices.Equal(matched, w.matched) || !slices.Equal(h.Lists, w.lists) {
					t.Errorf("hit %d = %s %s %.2f members %d matched %v lists %v, want %+v", i, h.EntityID, h.Subject, h.Score, h.Members, matched, h.Lists, w)
				}
				if h.Name != "name of "+h.EntityID {
					t.Errorf("hit %d: name %q is not its best listing's", i, h.Name)
				}
				for j, m := range h.Matched {
					if j > 0 && m.Score > h.Matched[j-1].Score || m.Name != "name of "+m.EntityID || len(m.Regimes) != 1 {
						t.Errorf("hit %d matched %d: %+v", i, j, m)
					}
				}
			}
		})
	}
}

// storeLists stores lists, one version each.
func storeLists(t *testing.T, st store.Store, lists map[string][]*entity.Entity) {
	t.Helper()
	n := 0
	for list, ents := range lists {
		n++
		pub, _, _ := strings.Cut(list, "-")
		v := store.NewVersion{Version: entity.ListVersion{List: list, Publisher: pub, Format: "test", Hash: fmt.Sprintf("%064x", n),
			Published: time.Now().UTC(), PublishedFrom: "file", Source: []string{"test"}, FetchedAt: time.Now().UTC()}, Entities: ents}
		if _, err := st.AddVersion(context.Background(), v); err != nil {
			t.Fatal(err)
		}
	}
}

// lavrovKeeper returns a store holding lavrovLists and a keeper serving
// them.
func lavrovKeeper(t *testing.T) (store.Store, *screen.Keeper) {
	t.Helper()
	st := openStore(t)
	storeLists(t, st, lavrovLists())
	k := newKeeper(st)
	if err := k.Reload(context.Background(), true); err != nil {
		t.Fatal(err)
	}
	return st, k
}

func TestScreenBySubject(t *testing.T) {
	ctx := context.Background()
	st, k := lavrovKeeper(t)
	snap := k.Snapshot()
	subject := snap.SubjectOf("ofac-1")
	if snap.Subjects() == nil || subject == "" || snap.SubjectOf("uk-1") != subject || snap.SubjectOf("ofac-3") == subject {
		t.Fatalf("the snapshot's subjects: %v; Lavrov's %q, uk-1's %q", snap.SubjectsErr(), subject, snap.SubjectOf("uk-1"))
	}
	// The subject IDs are stored for the next resolution to keep.
	ids, err := st.SubjectIDs(ctx)
	if err != nil || ids["eu-1"] != subject {
		t.Fatalf("stored subject IDs: %v %v", ids, err)
	}
	lavrov := match.Query{Subject: entity.Subject{Name: "Sergei Lavrov"}}
	s := k.Screener
	res, err := s.Screen(ctx, lavrov, screen.Options{Threshold: 0.7})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 2 || res.Hits[1].EntityID != "ofac-4" {
		t.Fatalf("hits %s, want Lavrov's subject then Lavrova", subjectsOf(res.Hits))
	}
	h := res.Hits[0]
	var lists []string
	for _, m := range h.Matched {
		lists = append(lists, m.List)
	}
	slices.Sort(lists)
	if h.Subject != subject || h.Members != 5 || !slices.Equal(lists, []string{"au-dfat", "ca-sema", "eu-fsf", "ofac-sdn", "uk-ofsi"}) ||
		!slices.Equal(h.Regimes, []string{"au", "ca", "eu", "us", "uk"}) {
		t.Errorf("Lavrov's hit: subject %s members %d matched on %v regimes %v", h.Subject, h.Members, lists, h.Regimes)
	}

	byListing, err := s.Screen(ctx, lavrov, screen.Options{Threshold: 0.7, By: screen.ByListing})
	if err != nil {
		t.Fatal(err)
	}
	if len(byListing.Hits) != 6 {
		t.Fatalf("%d hits by listing, want 6: %+v", len(byListing.Hits), byListing.Hits)
	}
	for _, h := range byListing.Hits {
		if h.Subject != "" || h.Matched != nil || len(h.Lists) != 1 {
			t.Errorf("a hit by listing is grouped: %+v", h)
		}
	}

	// Two subjects come back for a limit of two although the first four
	// listings found are all Lavrov's: the search is widened.
	wide, err := s.Screen(ctx, lavrov, screen.Options{Threshold: 0.5, Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	all, err := s.Screen(ctx, lavrov, screen.Options{Threshold: 0.5, Limit: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Hits) < 2 || len(wide.Hits) != 2 || wide.Hits[0].Subject != all.Hits[0].Subject || wide.Hits[1].Subject != all.Hits[1].Subject {
		t.Errorf("limit 2: %s; all: %s", subjectsOf(wide.Hits), subjectsOf(all.Hits))
	}
}

func subjectsOf(hs []screen.Hit) string {
	var b strings.Builder
	for _, h := range hs {
		fmt.Fprintf(&b, "%s(%s %.3f ×%d) ", h.Subject, h.EntityID, h.Score, len(h.Matched))
	}
	return b.String()
}

// A resolution that fails leaves screening as it was: one hit per
// listing, and the status says why; the next poll tries again.
func TestSubjectsFailNotScreening(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "veto.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	storeLists(t, st, lavrovLists())
	if _, err := st.DB().Exec(`ALTER TABLE subject_ids RENAME TO subject_ids_away`); err != nil {
		t.Fatal(err)
	}
	k := newKeeper(st)
	if err := k.Reload(ctx, true); err != nil {
		t.Fatalf("the snapshot is not served: %v", err)
	}
	snap := k.Snapshot()
	if snap.Subjects() != nil || snap.SubjectsErr() == nil || k.Status().SubjectsError == "" {
		t.Fatalf("subjects %v, error %v, status %+v", snap.Subjects(), snap.SubjectsErr(), k.Status())
	}
	res, err := k.Screener.Screen(ctx, match.Query{Subject: entity.Subject{Name: "Sergei Lavrov"}}, screen.Options{Threshold: 0.93})
	if err != nil || len(res.Hits) != 5 {
		t.Fatalf("%d hits, %v; want Lavrov's five listings", len(res.Hits), err)
	}
	if _, err := st.DB().Exec(`ALTER TABLE subject_ids_away RENAME TO subject_ids`); err != nil {
		t.Fatal(err)
	}
	if err := k.Reload(ctx, false); err != nil || k.Snapshot() != snap || snap.Subjects() == nil || k.Status().SubjectsError != "" {
		t.Fatalf("the poll after: %v; subjects %v, status %+v", err, snap.Subjects() != nil, k.Status())
	}
}

// A new snapshot comes with its own resolution: a listing added to a
// subject by a new list version is grouped with it as soon as the index
// that finds it is served, and a snapshot taken before keeps its own.
func TestSnapshotSwapKeepsSubjects(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	lists := lavrovLists()
	nz := map[string][]*entity.Entity{"nz-russia": {listedPerson("nz-1", "nz-russia", "Sergey LAVROV", "ofac-1")}}
	delete(lists, "au-dfat")
	storeLists(t, st, lists)
	k := newKeeper(st)
	if err := k.Reload(ctx, true); err != nil {
		t.Fatal(err)
	}
	before := k.Snapshot()
	subject := before.SubjectOf("ofac-1")
	storeLists(t, st, nz)
	if err := k.Reload(ctx, false); err != nil {
		t.Fatal(err)
	}
	after := k.Snapshot()
	if after == before || after.SubjectOf("nz-1") != subject || before.SubjectOf("nz-1") != "" {
		t.Fatalf("nz-1 in %q after, %q before; Lavrov is %s", after.SubjectOf("nz-1"), before.SubjectOf("nz-1"), subject)
	}
	for _, tc := range []struct {
		snap  *screen.Snapshot
		lists int
	}{{before, 4}, {after, 5}} {
		res, err := k.Screener.On(tc.snap).Screen(ctx, match.Query{Subject: entity.Subject{Name: "Sergei Lavrov"}}, screen.Options{Threshold: 0.9})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) != 1 || res.Hits[0].Subject != subject || len(res.Hits[0].Matched) != tc.lists || res.Hits[0].Members != tc.lists {
			t.Errorf("versions %s: %s", tc.snap.RefString(), subjectsOf(res.Hits))
		}
	}
}

// A decision applies to the snapshot served without a new one: at once
// when its taker re-resolves (the UI), else at the next poll (another
// replica, the command line).
func TestDecisionAppliesToTheSnapshot(t *testing.T) {
	ctx := context.Background()
	st, k := lavrovKeeper(t)
	snap := k.Snapshot()
	lavrov := match.Query{Subject: entity.Subject{Name: "Sergei Lavrov"}}
	hitsOfLavrov := func() int {
		t.Helper()
		res, err := k.Screener.Screen(ctx, lavrov, screen.Options{Threshold: 0.93})
		if err != nil {
			t.Fatal(err)
		}
		return len(res.Hits)
	}
	decideNow := func(kind string, ids ...string) {
		t.Helper()
		if _, err := decide.Decide(ctx, st, k.Snapshot().Subjects(), decide.Request{Kind: kind, IDs: ids, Note: "test", Actor: "test", At: time.Now()}); err != nil {
			t.Fatal(err)
		}
	}
	decideNow(entity.DecisionAlone, "au-1")
	if err := k.Reresolve(ctx); err != nil {
		t.Fatal(err)
	}
	if k.Snapshot() != snap || snap.SubjectOf("au-1") == snap.SubjectOf("ofac-1") || hitsOfLavrov() != 2 {
		t.Errorf("after splitting au-1: au-1 in %s, Lavrov in %s, %d hits", snap.SubjectOf("au-1"), snap.SubjectOf("ofac-1"), hitsOfLavrov())
	}
	decideNow(entity.DecisionAlone, "ca-1")
	if err := k.Reload(ctx, false); err != nil { // a poll
		t.Fatal(err)
	}
	if k.Snapshot() != snap || snap.SubjectOf("ca-1") == snap.SubjectOf("ofac-1") || hitsOfLavrov() != 3 {
		t.Errorf("after splitting ca-1 and a poll: %d hits", hitsOfLavrov())
	}
}
