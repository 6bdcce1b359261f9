package screen_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/refresh"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/source/all"
	"github.com/vetoscreen/veto/source/sourcetest"
	"github.com/vetoscreen/veto/store"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestInForceFrom(t *testing.T) {
	published, fetched := date(2025, 4, 19), date(2025, 6, 2)
	for _, tc := range []struct {
		from string
		want time.Time
	}{
		{"file", published},
		{"last-modified", published},
		{"newest-listing-date", published},
		// A file's time says when it was copied, not published: the
		// version counts from when veto read it.
		{"file-mtime", fetched},
		{"", fetched},
	} {
		v := entity.ListVersion{List: "un-sc", Published: published, PublishedFrom: tc.from, FetchedAt: fetched}
		if got := screen.InForceFrom(v); !got.Equal(tc.want) {
			t.Errorf("published from %q: in force from %v, want %v", tc.from, got, tc.want)
		}
	}
	// A publisher's date that is missing falls back to the fetch time.
	if got := screen.InForceFrom(entity.ListVersion{PublishedFrom: "file", FetchedAt: fetched}); !got.Equal(fetched) {
		t.Errorf("no publication date: %v, want the fetch time", got)
	}
}

func TestVersionsAt(t *testing.T) {
	v := func(id int64, list string, published time.Time, from string, fetched time.Time) entity.ListVersion {
		return entity.ListVersion{ID: id, List: list, Published: published, PublishedFrom: from, FetchedAt: fetched}
	}
	stored := []entity.ListVersion{
		v(1, "un-sc", date(2025, 4, 19), "file", date(2025, 4, 20)),
		v(2, "ofac-sdn", date(2024, 1, 1), "file-mtime", date(2025, 7, 1)), // imported 2025-07-01
		v(3, "un-sc", date(2026, 2, 27), "file", date(2026, 2, 28)),
		v(4, "eu-fsf", date(2026, 1, 5), "file", date(2026, 1, 6)),
		v(5, "un-sc", date(2026, 2, 27), "file", date(2026, 3, 2)), // the same date, stored later
		// A file of unknown date imported 2026-06-01, then dated
		// versions stored after it (as veto import all does): the dated
		// ones supersede it once published.
		v(6, "ofac-cons", date(2026, 6, 1), "file-mtime", date(2026, 6, 1)),
		v(7, "ofac-cons", date(2025, 1, 10), "file", date(2026, 6, 1)),
		v(8, "ofac-cons", date(2026, 1, 8), "file", date(2026, 6, 1)),
	}
	ids := func(vs []entity.ListVersion) []int64 {
		var out []int64
		for _, v := range vs {
			out = append(out, v.ID)
		}
		return out
	}
	for _, tc := range []struct {
		at     time.Time
		want   []int64
		absent []string
	}{
		{date(2025, 1, 1), nil, []string{"eu-fsf", "ofac-cons", "ofac-sdn", "un-sc"}},
		{date(2025, 4, 18), []int64{7}, []string{"eu-fsf", "ofac-sdn", "un-sc"}},
		{date(2025, 4, 19), []int64{7, 1}, []string{"eu-fsf", "ofac-sdn"}},
		{date(2025, 5, 1), []int64{7, 1}, []string{"eu-fsf", "ofac-sdn"}},
		// The OFAC file of 2024 counts from its import, not its file time.
		{date(2025, 6, 30), []int64{7, 1}, []string{"eu-fsf", "ofac-sdn"}},
		{date(2025, 7, 1), []int64{7, 2, 1}, []string{"eu-fsf"}},
		{date(2026, 2, 26), []int64{4, 8, 2, 1}, nil},
		{date(2026, 3, 1), []int64{4, 8, 2, 5}, nil},
		{date(2026, 12, 31), []int64{4, 8, 2, 5}, nil},
	} {
		in, absent := screen.VersionsAt(stored, tc.at)
		if !slices.Equal(ids(in), tc.want) || !slices.Equal(absent, tc.absent) {
			t.Errorf("at %s: versions %v, absent %v; want %v, %v", tc.at.Format("2006-01-02"), ids(in), absent, tc.want, tc.absent)
		}
	}
}

func TestParseAsOf(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want time.Time
		err  bool
	}{
		// A date is the end of that day, UTC: what was published during
		// the day counts.
		{"2025-06-01", time.Date(2025, 6, 1, 23, 59, 59, 999999999, time.UTC), false},
		{"2025-06-01T12:00:00Z", time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC), false},
		{"2025-06-01T12:00:00+02:00", time.Date(2025, 6, 1, 10, 0, 0, 0, time.UTC), false},
		{"2025-13-01", time.Time{}, true},
		{"01/06/2025", time.Time{}, true},
		{"2025-06-01 12:00", time.Time{}, true},
		{"", time.Time{}, true},
	} {
		got, err := screen.ParseAsOf(tc.in)
		if (err != nil) != tc.err || !got.Equal(tc.want) {
			t.Errorf("ParseAsOf(%q) = %v, %v; want %v (error %v)", tc.in, got, err, tc.want, tc.err)
		}
		if err != nil && !strings.Contains(err.Error(), "RFC 3339") {
			t.Errorf("ParseAsOf(%q): %v does not say what is wanted", tc.in, err)
		}
	}
}

func TestVersionRefString(t *testing.T) {
	for _, tc := range []struct {
		ref  entity.VersionRef
		want string
	}{
		{entity.VersionRef{ID: 7, List: "un-sc", Hash: "66b392a4090868d2ff"}, "un-sc@7"},
		{entity.VersionRef{List: "un-sc", Hash: "66b392a4090868d2ff"}, "un-sc@sha256:66b392a40908"},
		{entity.VersionRef{List: "un-sc"}, "un-sc@0"},
	} {
		if got := tc.ref.String(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.ref, got, tc.want)
		}
	}
	if got := entity.FormatRefs([]entity.VersionRef{{ID: 3, List: "eu-fsf"}, {ID: 12, List: "ofac-sdn"}}); got != "eu-fsf@3,ofac-sdn@12" {
		t.Errorf("FormatRefs = %q", got)
	}
}

// person is a listed person of the un-sc list.
func person(id, name string) *entity.Entity {
	return &entity.Entity{ID: id, Schema: entity.Person, List: "un-sc", Names: []entity.Name{{Full: name, Kind: entity.Primary}}}
}

// addUN stores a version of un-sc published on the day given, holding
// ents, and returns it.
func addUN(t testing.TB, st store.Store, published time.Time, hash string, ents ...*entity.Entity) entity.ListVersion {
	t.Helper()
	res, err := st.AddVersion(context.Background(), store.NewVersion{Version: entity.ListVersion{List: "un-sc", Publisher: "un", Hash: hash,
		Published: published, PublishedFrom: "file", FetchedAt: published.Add(time.Hour)}, Entities: ents, Repeat: true})
	if err != nil {
		t.Fatal(err)
	}
	return res.Version
}

func hitIDs(res screen.Result) []string {
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.EntityID)
	}
	return out
}

// TestHistory builds snapshots of past versions, reuses the served one
// when it has the same versions, and keeps no more than its size.
func TestHistory(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	v1 := addUN(t, st, date(2025, 1, 10), "h1", person("un-1", "Ivan Petrovich Sidorov"))
	v2 := addUN(t, st, date(2025, 2, 10), "h2", person("un-1", "Ivan Petrovich Sidorov"), person("un-2", "Olga Nikolaevna Smirnova"))
	v3 := addUN(t, st, date(2025, 3, 10), "h3", person("un-2", "Olga Nikolaevna Smirnova"))
	current, err := screen.LoadActive(ctx, st, match.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	h := screen.NewHistory(st, match.DefaultConfig(), 2)
	screenAt := func(day time.Time, name string) (*screen.Snapshot, []string) {
		t.Helper()
		snap, err := h.At(ctx, day, current)
		if err != nil {
			t.Fatal(err)
		}
		res, err := snap.Screener().Screen(ctx, match.Query{Subject: entity.Subject{Name: name}}, screen.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return snap, hitIDs(res)
	}
	for _, tc := range []struct {
		day     time.Time
		version int64
		name    string
		hits    []string
	}{
		{date(2025, 1, 20), v1.ID, "Ivan Sidorov", []string{"un-1"}},
		{date(2025, 1, 20), v1.ID, "Olga Smirnova", nil},
		{date(2025, 2, 20), v2.ID, "Olga Smirnova", []string{"un-2"}},
		{date(2025, 3, 20), v3.ID, "Ivan Sidorov", nil},
	} {
		snap, hits := screenAt(tc.day, tc.name)
		if len(snap.Versions) != 1 || snap.Versions[0].ID != tc.version || !snap.AsOf.Equal(tc.day) || !slices.Equal(hits, tc.hits) {
			t.Errorf("%s as of %s: versions %s, as of %v, hits %v; want version %d, hits %v", tc.name, tc.day.Format("2006-01-02"),
				snap.RefString(), snap.AsOf, hits, tc.version, tc.hits)
		}
	}
	// The served versions are not built again: the snapshot shares the
	// served index (and is not the served snapshot, which has no AsOf).
	snap, _ := screenAt(date(2025, 3, 20), "Olga Smirnova")
	if snap.Index != current.Index || snap == current || !current.AsOf.IsZero() {
		t.Error("as of the served versions: the index was built again, or the served snapshot changed")
	}
	// Two past sets were built; the bound keeps both, most recent first.
	if got := h.Cached(); !slices.Equal(got, []string{"un-sc@" + fmt.Sprint(v2.ID), "un-sc@" + fmt.Sprint(v1.ID)}) {
		t.Errorf("cached %v", got)
	}
	first, _ := screenAt(date(2025, 1, 20), "Ivan Sidorov")
	again, _ := screenAt(date(2025, 1, 25), "Ivan Sidorov")
	if first.Index != again.Index {
		t.Error("a cached version set was built again")
	}
	// Past its size, a history drops the least recently used set.
	h3 := screen.NewHistory(st, match.DefaultConfig(), 1)
	for _, day := range []time.Time{date(2025, 1, 20), date(2025, 2, 20)} {
		if _, err := h3.At(ctx, day, nil); err != nil {
			t.Fatal(err)
		}
	}
	if got := h3.Cached(); !slices.Equal(got, []string{"un-sc@" + fmt.Sprint(v2.ID)}) {
		t.Errorf("a history of size 1 keeps %v", got)
	}
	if _, err := h.At(ctx, date(2024, 12, 31), current); !errors.Is(err, screen.ErrNoVersionsAt) || !strings.Contains(err.Error(), "2025-01-10") {
		t.Errorf("before every version: %v, want ErrNoVersionsAt naming the first version's date", err)
	}
}

// TestAsOfOnTheUNSnapshots is the case on the real UN lists: the
// 2025-04-19 and 2026-02-27 lists are stored; DIMITRI HERARD (un-HTi.008,
// designated 2025-10-17 under the Haiti regime) is in the second only. As
// of 2026-03-01 he is hit, as of 2025-05-01 not, and each result names
// the version screened against.
func TestAsOfOnTheUNSnapshots(t *testing.T) {
	old := sourcetest.SharedData(t, "un", "2025-04-19", "consolidated.xml")
	cur := sourcetest.SharedData(t, "un", "2026-02-27", "consolidated.xml")
	ctx := context.Background()
	st := openStore(t)
	pub, _ := all.Publisher("un")
	var versions []entity.ListVersion
	for _, f := range []string{old, cur} {
		outs, err := (&refresh.Refresher{Store: st, Config: refresh.DefaultConfig()}).Import(ctx, pub, []string{f})
		if err != nil || outs[0].Err != nil {
			t.Fatal(err, outs)
		}
		versions = append(versions, outs[0].Version)
	}
	k := newKeeper(st)
	if err := k.Start(ctx); err != nil {
		t.Fatal(err)
	}
	q := match.Query{Subject: entity.Subject{Name: "Dimitri Herard", Schema: entity.Person}}
	for _, tc := range []struct {
		day     string
		version entity.ListVersion
		hit     bool
	}{
		{"2026-03-01", versions[1], true},
		{"2025-05-01", versions[0], false},
	} {
		at, err := screen.ParseAsOf(tc.day)
		if err != nil {
			t.Fatal(err)
		}
		snap, err := k.AsOf(ctx, at)
		if err != nil {
			t.Fatal(err)
		}
		res, err := k.Screener.On(snap).Screen(ctx, q, screen.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if hit := slices.Contains(hitIDs(res), "un-HTi.008"); hit != tc.hit {
			t.Errorf("as of %s: hits %v; want un-HTi.008 hit: %v", tc.day, hitIDs(res), tc.hit)
		}
		refs := snap.Refs()
		if len(refs) != 1 || refs[0].ID != tc.version.ID || refs[0].Hash != tc.version.Hash || !refs[0].Published.Equal(tc.version.Published) || len(snap.Absent) != 0 {
			t.Errorf("as of %s: screened against %+v (absent %v); want version %d of %s", tc.day, refs, snap.Absent, tc.version.ID, tc.version.Published)
		}
	}
	if _, err := k.AsOf(ctx, date(2025, 4, 1)); !errors.Is(err, screen.ErrNoVersionsAt) {
		t.Errorf("as of 2025-04-01, before both: %v, want ErrNoVersionsAt", err)
	}
}

// TestSnapshotsUnderSwaps screens on many goroutines while the store gets
// new versions and the keeper publishes them: version set A lists
// un-x (Ivan Petrovich Sidorov), set B un-y under the same name. Every
// result must hit the entity of the versions its snapshot names — never
// A's versions with B's entity. Run it with -race.
func TestSnapshotsUnderSwaps(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	const name = "Ivan Petrovich Sidorov"
	var want sync.Map // version ID → the entity it lists
	add := func(i int) int64 {
		id := []string{"un-x", "un-y"}[i%2]
		v := addUN(t, st, date(2025, 1, 1).AddDate(0, 0, i), fmt.Sprintf("h%d", i), person(id, name))
		want.Store(v.ID, id)
		return v.ID
	}
	add(0)
	k := newKeeper(st)
	if err := k.Start(ctx); err != nil {
		t.Fatal(err)
	}
	var seen atomic.Int64 // the version last screened against
	var screened atomic.Int64
	stop := make(chan struct{})
	errs := make(chan error, 16)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				// As a request of a few queries does: the snapshot is
				// taken once, the queries screened one after another.
				snap := k.Snapshot()
				v := snap.Versions[0].ID
				w, _ := want.Load(v)
				screener := k.Screener.On(snap)
				for range 4 {
					res, err := screener.Screen(ctx, match.Query{Subject: entity.Subject{Name: name}}, screen.Options{})
					if err != nil {
						errs <- err
						return
					}
					if got := hitIDs(res); !slices.Equal(got, []string{w.(string)}) {
						errs <- fmt.Errorf("screened against %s: hits %v, want [%s]", snap.RefString(), got, w)
						return
					}
				}
				seen.Store(v)
				screened.Add(1)
			}
		})
	}
	const swaps = 30
	for i := 1; i <= swaps; i++ {
		id := add(i)
		if err := k.Reload(ctx, false); err != nil {
			t.Fatal(err)
		}
		// Each version is screened against before the next: the swaps
		// happen under load.
		for seen.Load() != id && len(errs) == 0 {
			time.Sleep(time.Millisecond)
		}
	}
	close(stop)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	t.Logf("%d screenings across %d swaps", screened.Load(), swaps)
}

// TestScreenerOn: a screener bound to a snapshot screens against it
// whatever is published later; bound to none, it is not ready.
func TestScreenerOn(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	addUN(t, st, date(2025, 1, 10), "h1", person("un-1", "Ivan Petrovich Sidorov"))
	first, err := screen.LoadActive(ctx, st, match.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	addUN(t, st, date(2025, 2, 10), "h2", person("un-2", "Ivan Petrovich Sidorov"))
	second, err := screen.LoadActive(ctx, st, match.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	s := screen.New(nil)
	s.Publish(first)
	bound := s.On(first)
	s.Publish(second)
	q := match.Query{Subject: entity.Subject{Name: "Ivan Sidorov"}}
	for _, tc := range []struct {
		name string
		s    *screen.Screener
		want string
	}{{"bound", bound, "un-1"}, {"current", s, "un-2"}, {"snapshot's own", first.Screener(), "un-1"}} {
		res, err := tc.s.Screen(ctx, q, screen.Options{})
		if err != nil || !slices.Equal(hitIDs(res), []string{tc.want}) {
			t.Errorf("%s: %v, %v; want [%s]", tc.name, hitIDs(res), err, tc.want)
		}
	}
	if _, err := s.On(nil).Screen(ctx, q, screen.Options{}); !errors.Is(err, screen.ErrNotReady) {
		t.Errorf("bound to no snapshot: %v, want ErrNotReady", err)
	}
}
