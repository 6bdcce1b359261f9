package api

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/refresh"
	"github.com/vetoscreen/veto/source/all"
	"github.com/vetoscreen/veto/store/postgres"
	"github.com/vetoscreen/veto/store/postgres/pgtest"
)

// TestTwoServersOnePostgres runs two veto servers on one PostgreSQL
// database, as replicas behind a load balancer: while one refreshes the
// lists the other's refresh is refused (the advisory lock), and the other
// picks up the new version by polling and swaps its index without a
// restart.
func TestTwoServersOnePostgres(t *testing.T) {
	dsn := pgtest.NewDatabase(t).DSN
	open := func() *postgres.DB {
		db, err := postgres.Open(context.Background(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	dbA, dbB := open(), open()

	// A's refresh stores a new un-sc version in which AMIRA became
	// AMIRAH, and holds on until told to finish, so that B tries to
	// refresh meanwhile.
	data, err := os.ReadFile(fixtures["un"])
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(strings.Replace(string(data), "AMIRA", "AMIRAH", 1), `dateGenerated="2026-03-01`, `dateGenerated="2026-03-09`, 1)
	path := filepath.Join(t.TempDir(), "un_consolidated.xml")
	if err := os.WriteFile(path, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	started, finish := make(chan struct{}), make(chan struct{})
	refreshA := func(ctx context.Context) error {
		close(started)
		<-finish
		un, _ := all.Publisher("un")
		outs, err := (&refresh.Refresher{Store: dbA, Config: refresh.DefaultConfig()}).Import(ctx, un, []string{path})
		if err != nil {
			return err
		}
		return outs[0].Err
	}
	var bRefreshed atomic.Bool
	refreshB := func(context.Context) error { bRefreshed.Store(true); return nil }

	a := startServer(t, serverOptions{store: dbA, refresh: refreshA})
	b := startServer(t, serverOptions{store: dbB, empty: true, refresh: refreshB})
	for _, s := range []*testServer{a, b} {
		if st := s.Keeper.Status(); st.Entities != 10 {
			t.Fatalf("replica starts with %d entities, want 10", st.Entities)
		}
	}
	b.Keeper.PollEvery = 50 * time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go b.Keeper.Run(ctx)

	amirah := map[string]any{"name": "Amirah Hadzic", "threshold": 0.99}
	found := func(s *testServer) bool {
		var res screenResponse
		s.do("POST", "/v1/screen", entity.RoleScreen, amirah).json(t, &res)
		return slices.Contains(hitIDs(res.Hits), "un-QDi.902")
	}
	if found(a) || found(b) {
		t.Fatal("the new name is found before the refresh")
	}

	done := make(chan response, 1)
	go func() { done <- a.do("POST", "/v1/admin/refresh", entity.RoleAdmin, nil) }()
	<-started
	if r := b.do("POST", "/v1/admin/refresh", entity.RoleAdmin, nil); r.Status != 409 || bRefreshed.Load() {
		t.Errorf("B's refresh while A refreshes: %d %s (refresh ran: %v)", r.Status, r.Body, bRefreshed.Load())
	}
	close(finish)
	if r := <-done; r.Status != 200 {
		t.Fatalf("A's refresh: %d %s", r.Status, r.Body)
	}
	if !found(a) {
		t.Error("A does not screen the new version after its refresh")
	}
	deadline := time.Now().Add(10 * time.Second)
	for !found(b) {
		if time.Now().After(deadline) {
			t.Fatal("B did not pick up the new version within 10s")
		}
		time.Sleep(50 * time.Millisecond)
	}
	var lists struct{ Versions []entity.ListVersion }
	b.do("GET", "/v1/lists?list=un-sc", entity.RoleScreen, nil).json(t, &lists)
	if len(lists.Versions) != 1 || b.Keeper.Status().Versions == nil {
		t.Errorf("B's lists: %+v", lists.Versions)
	}
}
