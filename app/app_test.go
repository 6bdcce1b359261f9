package app_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/vetoscreen/veto/app"
	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/batch"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/refresh"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/source/un"
	"github.com/vetoscreen/veto/store"
)

// The UN fixture's listed person screened in these tests.
const (
	listedName = "Amira Hadzic"
	listedID   = "un-QDi.902"
)

var unFixture = filepath.Join("..", "source", "un", "testdata", "consolidated.xml")

// unStore returns the path of a SQLite store holding the UN fixture.
func unStore(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "veto.db")
	st, err := app.OpenStore(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	outs, err := (&refresh.Refresher{Store: st, Config: refresh.DefaultConfig()}).Import(ctx, &un.Publisher, []string{unFixture})
	if err != nil || len(outs) != 1 || outs[0].Err != nil {
		t.Fatalf("import: %v %+v", err, outs)
	}
	return db
}

// open opens veto on the store db; the test closes it.
func open(t *testing.T, db string) *app.App {
	t.Helper()
	a, err := app.Open(context.Background(), app.Config{DB: db, Match: match.DefaultConfig()})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// goroutinesBack waits until no more goroutines run than before: what an
// app started, it stops by Close. Goroutines take a moment to return
// after they are told to, so this waits for up to ten seconds.
func goroutinesBack(t *testing.T, before int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("%d goroutines after Close, %d before:\n%s", runtime.NumGoroutine(), before, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func screenListed(t *testing.T, snap *screen.Snapshot) screen.Result {
	t.Helper()
	res, err := snap.Screener().Screen(context.Background(), match.Query{Subject: entity.Subject{Name: listedName}}, screen.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || res.Hits[0].EntityID != listedID {
		t.Fatalf("%s: hits %+v, want %s first", listedName, res.Hits, listedID)
	}
	return res
}

// TestServeStartsAndCloses starts veto as veto serve does, without the
// command line: it bootstraps an admin key with its audit entry, serves
// the store's lists, screens through them, and Close stops every
// goroutine it started, checkpointing the trail.
func TestServeStartsAndCloses(t *testing.T) {
	db := unStore(t)
	before := runtime.NumGoroutine()
	ctx := context.Background()
	a := open(t, db)
	err := a.Start(ctx, app.Serving{Poll: time.Millisecond, NoDemo: true, CheckpointEvery: time.Millisecond})
	if err != nil {
		a.Close()
		t.Fatal(err)
	}
	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	go a.Run(runCtx)

	snap := a.Keeper.Snapshot()
	if snap == nil || snap.Data != screen.DataLive || len(snap.Versions) != 1 || snap.Versions[0].List != "un-sc" {
		t.Fatalf("served %+v, want the store's un-sc version", snap)
	}
	screenListed(t, snap)
	if a.Jobs == nil {
		t.Error("no job queue")
	}
	if got, err := a.Snapshot(ctx, time.Time{}); err != nil || got != snap {
		t.Errorf("Snapshot = %p, %v; want the one served, %p", got, err, snap)
	}

	// The admin key: written beside the store, only its owner may read
	// it, and stored with its audit entry.
	keyFile := filepath.Join(filepath.Dir(db), "admin.key")
	info, err := os.Stat(keyFile)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("admin key file: %v, %v", info, err)
	}
	keys, err := a.Store.ListKeys(ctx)
	if err != nil || len(keys) != 1 || keys[0].Role != entity.RoleAdmin {
		t.Fatalf("keys %+v, %v; want one admin key", keys, err)
	}
	es, err := a.Store.AuditEntries(ctx, store.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	created := 0
	for _, e := range es {
		if e.Action == chain.ActionKeyCreate && e.Subject == keys[0].ID && e.Actor == "veto" {
			created++
		}
	}
	if created != 1 {
		t.Errorf("%d key.create entries of the admin key, want 1: %+v", created, es)
	}

	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	goroutinesBack(t, before)
	cps, err := chain.ReadCheckpointFile(filepath.Join(filepath.Dir(db), "audit-checkpoints.jsonl"))
	if err != nil || len(cps) == 0 {
		t.Errorf("checkpoints after Close: %d, %v; want the trail's head", len(cps), err)
	}
}

// TestOneShot is a command line's use: the store's lists loaded once on
// first use, as of now or of an instant, and monitoring against them.
func TestOneShot(t *testing.T) {
	db := unStore(t)
	before := runtime.NumGoroutine()
	ctx := context.Background()
	a := open(t, db)
	if a.Keeper.Snapshot() != nil {
		t.Error("Open loaded the lists")
	}
	snap, err := a.Snapshot(ctx, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	screenListed(t, snap)
	if again, _ := a.Snapshot(ctx, time.Time{}); again != snap {
		t.Error("the lists were loaded twice")
	}
	if _, err := a.Snapshot(ctx, time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)); !errors.Is(err, screen.ErrNoVersionsAt) {
		t.Errorf("as of 1990: %v, want ErrNoVersionsAt", err)
	}
	asOf, err := a.Snapshot(ctx, time.Now())
	if err != nil || len(asOf.Versions) != 1 || asOf.Versions[0].ID != snap.Versions[0].ID {
		t.Errorf("as of now: %+v, %v", asOf, err)
	}
	_, alerts, err := a.Monitor.Put(ctx, []entity.Customer{{ID: "C1", Subject: entity.Subject{Schema: entity.Person, Name: listedName}}})
	if err != nil || len(alerts) != 1 || alerts[0].EntityID != listedID {
		t.Errorf("monitoring %s: %+v, %v", listedName, alerts, err)
	}
	k, full, err := a.CreateKey(ctx, "cli:test", "svc", entity.RoleScreen)
	if err != nil || !strings.Contains(full, k.ID) {
		t.Errorf("CreateKey: %+v, %v", k, err)
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	goroutinesBack(t, before)
}

// TestEmptyStore: a command line's screening against a store with no
// lists says so.
func TestEmptyStore(t *testing.T) {
	ctx := context.Background()
	a, err := app.Open(ctx, app.Config{DB: filepath.Join(t.TempDir(), "veto.db"), Match: match.DefaultConfig()})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if _, err := a.Snapshot(ctx, time.Time{}); !errors.Is(err, app.ErrNoLists) {
		t.Errorf("Snapshot of an empty store: %v, want ErrNoLists", err)
	}
}

// fixtureDir returns a folder holding the UN fixture alone.
func fixtureDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	b, err := os.ReadFile(unFixture)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "consolidated.xml"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestFileSnapshot(t *testing.T) {
	snap, err := app.FileSnapshot(context.Background(), fixtureDir(t), match.DefaultConfig(), nil)
	if err != nil {
		t.Fatal(err)
	}
	want, err := refresh.ContentHash([]string{unFixture})
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.Versions) != 1 || snap.Versions[0].ID != 0 || snap.Versions[0].Hash != want {
		t.Errorf("versions %+v, want un-sc by its content hash %s", snap.Versions, want)
	}
	screenListed(t, snap)
	if _, err := app.FileSnapshot(context.Background(), t.TempDir(), match.DefaultConfig(), nil); err == nil {
		t.Error("an empty folder gave a snapshot")
	}
}

// TestNewScreening: an audit entry names what was screened against, by
// store ID and hash, or by files for lists read from a folder.
func TestNewScreening(t *testing.T) {
	ctx := context.Background()
	a := open(t, unStore(t))
	defer a.Close()
	stored, err := a.Snapshot(ctx, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	files, err := app.FileSnapshot(ctx, fixtureDir(t), match.DefaultConfig(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name  string
		snap  *screen.Snapshot
		data  string
		check func(app.VersionRef) bool
	}{
		{"nothing loaded", nil, "live", nil},
		{"the store's", stored, "live", func(v app.VersionRef) bool {
			return v.ID == stored.Versions[0].ID && v.Hash == stored.Versions[0].Hash && v.Files == nil && v.Published != ""
		}},
		{"files", files, "files", func(v app.VersionRef) bool { return v.ID == 0 && v.Hash != "" && len(v.Files) == 1 }},
	} {
		s := app.NewScreening("cli", "screen", tt.snap)
		if s.API != "cli" || s.Command != "screen" || s.Data != tt.data || s.Versions == nil {
			t.Errorf("%s: %+v", tt.name, s)
		}
		if tt.check == nil && len(s.Versions) > 0 || tt.check != nil && (len(s.Versions) != 1 || !tt.check(s.Versions[0])) {
			t.Errorf("%s: versions %+v", tt.name, s.Versions)
		}
	}
}

func TestImportCustomers(t *testing.T) {
	ctx := context.Background()
	a := open(t, unStore(t))
	defer a.Close()
	dir := t.TempDir()
	in := filepath.Join(dir, "customers.csv")
	csv := "id,name,dob\nC1," + listedName + ",\n,Nobody Without An ID,\nC2,Harriet Plumstead,31.02.1950\n"
	if err := os.WriteFile(in, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	errorsFile := filepath.Join(dir, "errors.csv")
	rep, err := a.ImportCustomers(ctx, in, errorsFile, batch.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Rows != 3 || rep.Imported != 2 || rep.Changed != 2 || rep.Errors != 1 || rep.Warnings != 1 || rep.File != errorsFile ||
		len(rep.Alerted) != 1 || rep.Alerted[0].CustomerID != "C1" || rep.Alerted[0].EntityID != listedID {
		t.Errorf("import: %+v", rep)
	}
	if b, err := os.ReadFile(errorsFile); err != nil || !strings.Contains(string(b), "no customer id") {
		t.Errorf("errors file: %s, %v", b, err)
	}
	// Imported again, nothing changes and nothing is raised twice.
	rep, err = a.ImportCustomers(ctx, in, errorsFile, batch.ReadOptions{})
	if err != nil || rep.Changed != 0 || len(rep.Alerted) != 0 {
		t.Errorf("second import: %+v, %v", rep, err)
	}
}
