package screen_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/index"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/refresh"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/source/all"
	"github.com/vetoscreen/veto/store"
	"github.com/vetoscreen/veto/store/sqlite"
	"github.com/vetoscreen/veto/store/storetest"
)

func openStore(t *testing.T) store.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "veto.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// importUN stores the UN parser's fixture (4 entities).
func importUN(t *testing.T, st store.Store) {
	t.Helper()
	pub, _ := all.Publisher("un")
	outs, err := (&refresh.Refresher{Store: st, Config: refresh.DefaultConfig()}).Import(context.Background(), pub, []string{"../source/un/testdata/consolidated.xml"})
	if err != nil || outs[0].Err != nil {
		t.Fatal(err, outs)
	}
}

func demo(context.Context) ([]store.NewVersion, error) {
	e := &entity.Entity{ID: "demo-1", Schema: entity.Person, List: "un-sc", Names: []entity.Name{{Full: "Demo Person", Kind: entity.Primary}}}
	return []store.NewVersion{{Version: entity.ListVersion{List: "un-sc", Publisher: "un"}, Entities: []*entity.Entity{e}}}, nil
}

func newKeeper(st store.Store) *screen.Keeper {
	return &screen.Keeper{Screener: screen.New(nil), Store: st, Config: match.DefaultConfig()}
}

func TestKeeperStartsFromTheStore(t *testing.T) {
	st := openStore(t)
	importUN(t, st)
	k := newKeeper(st)
	k.Demo = demo
	if err := k.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	s := k.Status()
	if s.Data != screen.DataLive || s.Entities != 4 || len(s.Versions) != 1 || k.Screener.Index() == nil {
		t.Errorf("status %+v", s)
	}
	if k.DemoRecords("demo-1") != nil {
		t.Error("demo records while live")
	}
}

func TestKeeperDemoUntilListsAreStored(t *testing.T) {
	st := openStore(t)
	k := newKeeper(st)
	k.Demo = demo
	var loads atomic.Int32
	k.OnLoad = func(screen.Status) { loads.Add(1) }
	if err := k.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	if s := k.Status(); s.Data != screen.DataDemo || s.Entities != 1 || len(s.Versions) != 1 || !s.Versions[0].Active {
		t.Fatalf("status %+v", s)
	}
	if recs := k.DemoRecords("demo-1"); len(recs) != 1 {
		t.Errorf("demo records %v", recs)
	}
	// A reload with nothing stored keeps the demo.
	if err := k.Reload(context.Background(), false); err != nil || k.Status().Data != screen.DataDemo {
		t.Fatalf("reload of an empty store: %v %+v", err, k.Status())
	}
	// Someone imports the lists: the next poll swaps them in.
	importUN(t, st)
	if err := k.Reload(context.Background(), false); err != nil {
		t.Fatal(err)
	}
	if s := k.Status(); s.Data != screen.DataLive || s.Entities != 4 {
		t.Errorf("after import: %+v", s)
	}
	// Unchanged versions: no rebuild.
	n := loads.Load()
	if err := k.Reload(context.Background(), false); err != nil || loads.Load() != n {
		t.Errorf("reload of unchanged versions rebuilt the index (%d loads, %v)", loads.Load()-n, err)
	}
	if k.DemoRecords("demo-1") != nil {
		t.Error("demo records after the switch to live")
	}
}

func TestKeeperEmptyStore(t *testing.T) {
	st := openStore(t)
	if err := newKeeper(st).Start(context.Background()); err == nil {
		t.Error("no lists, no demo, no refresh: want an error")
	}
	// With a refresh, Start succeeds not ready, and Run's first refresh
	// loads the lists.
	k := newKeeper(st)
	k.Refresh = func(context.Context) error { importUN(t, st); return nil }
	if err := k.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	if k.Status().Data != screen.DataNone {
		t.Fatalf("status %+v", k.Status())
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { k.Run(ctx); close(done) }()
	deadline := time.Now().Add(10 * time.Second)
	for k.Status().Data != screen.DataLive && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	<-done
	if s := k.Status(); s.Data != screen.DataLive || s.LastRefresh.IsZero() || s.LastRefreshError != "" {
		t.Errorf("after Run's first refresh: %+v", s)
	}
}

func TestKeeperRefreshLock(t *testing.T) {
	st := openStore(t)
	importUN(t, st)
	k := newKeeper(st)
	calls := 0
	k.Refresh = func(context.Context) error { calls++; return errors.New("publisher down") }
	if err := k.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	release, ok, err := st.TryLock(context.Background(), "refresh")
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	if err := k.RefreshNow(context.Background()); !errors.Is(err, screen.ErrBusy) || calls != 0 {
		t.Errorf("refresh while another holds the lock: %v, %d calls", err, calls)
	}
	release()
	err = k.RefreshNow(context.Background())
	if err == nil || calls != 1 {
		t.Fatalf("refresh: %v, %d calls", err, calls)
	}
	if s := k.Status(); s.LastRefreshError != "publisher down" || s.Data != screen.DataLive || s.Entities != 4 {
		t.Errorf("a failed refresh must be reported and keep the lists: %+v", s)
	}
	// The lock was released: another process can take it.
	if release, ok, err := st.TryLock(context.Background(), "refresh"); err != nil || !ok {
		t.Errorf("lock not released after the refresh: %v %v", ok, err)
	} else {
		release()
	}
}

// TestKeeperKeepsServingWhenANewVersionIsCorrupt: a version whose stored
// data fails its SHA-256 is not swapped in; the index loaded before goes
// on being served, and the error names the entity and the version.
func TestKeeperKeepsServingWhenANewVersionIsCorrupt(t *testing.T) {
	st := openStore(t)
	person := func(id, name string) *entity.Entity {
		return &entity.Entity{ID: id, Schema: entity.Person, List: "un-sc", Names: []entity.Name{{Full: name, Kind: entity.Primary}}}
	}
	add := func(hash string, ents ...*entity.Entity) entity.ListVersion {
		t.Helper()
		res, err := st.AddVersion(context.Background(), store.NewVersion{Version: entity.ListVersion{List: "un-sc", Publisher: "un", Hash: hash}, Entities: ents})
		if err != nil {
			t.Fatal(err)
		}
		return res.Version
	}
	v1 := add("h1", person("un-1", "Sergei Lavrov"))
	k := newKeeper(st)
	if err := k.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	newcomer := person("un-2", "Dmitry Medvedev")
	v2 := add("h2", person("un-1", "Sergei Lavrov"), newcomer)
	storetest.FlipBits(t, st, newcomer, "Medvedev", 0x01, 0x02, 0x04)

	err := k.Reload(context.Background(), false)
	if !errors.Is(err, store.ErrCorrupt) || !strings.Contains(err.Error(), "un-2") || !strings.Contains(err.Error(), fmt.Sprintf("version %d", v2.ID)) {
		t.Fatalf("reload of a corrupt version: %v; want ErrCorrupt naming un-2 and version %d", err, v2.ID)
	}
	s := k.Status()
	if s.Data != screen.DataLive || len(s.Versions) != 1 || s.Versions[0].ID != v1.ID || s.Entities != 1 {
		t.Errorf("status after the failed load = %+v; want version %d still served", s, v1.ID)
	}
	res, err := k.Screener.Screen(context.Background(), match.Query{Subject: entity.Subject{Name: "Sergei Lavrov"}}, screen.Options{})
	if err != nil || len(res.Hits) == 0 {
		t.Errorf("screening after the failed load: %+v, %v; want the previous index to answer", res, err)
	}
}

// Warm is called with every snapshot published, after it is served: what
// it derives is there before the first request asks for it.
func TestKeeperWarmsEachSnapshot(t *testing.T) {
	st := openStore(t)
	k := newKeeper(st)
	k.Demo = demo
	var warmed []*screen.Snapshot
	k.Warm = func(s *screen.Snapshot) {
		if k.Snapshot() != s {
			t.Errorf("warmed a snapshot not yet served")
		}
		s.Scanner(func(ix *index.Index) any { return ix.Len() })
		warmed = append(warmed, s)
	}
	if err := k.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	importUN(t, st)
	if err := k.Reload(context.Background(), false); err != nil {
		t.Fatal(err)
	}
	if len(warmed) != 2 || warmed[0].Data != screen.DataDemo || warmed[1] != k.Snapshot() {
		t.Fatalf("warmed %d snapshots, want the demo one and the live one", len(warmed))
	}
	// A request finds the scanner made: its own builder is not called.
	got := k.Snapshot().Scanner(func(*index.Index) any { t.Error("built again"); return nil })
	if got != 4 {
		t.Errorf("scanner %v, want what Warm built (4 entities)", got)
	}
}
