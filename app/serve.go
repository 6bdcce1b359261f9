package app

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/vetoscreen/veto/apikey"
	"github.com/vetoscreen/veto/audit"
	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/batch/jobs"
	"github.com/vetoscreen/veto/demo"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/monitor"
	"github.com/vetoscreen/veto/notify"
	"github.com/vetoscreen/veto/refresh"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/source/all"
	"github.com/vetoscreen/veto/store"
	"github.com/vetoscreen/veto/textscan"
)

// Serving is what a server runs with beyond Config.
type Serving struct {
	// RefreshEvery is how often the lists are downloaded; 0 never, not
	// even on a first start with no lists (an air-gapped install, whose
	// lists come from veto import; the poll picks them up).
	RefreshEvery time.Duration
	// Poll is how often the store is checked for versions stored by
	// others.
	Poll time.Duration
	// Refresh configures the downloads.
	Refresh refresh.Config
	// NoDemo never serves the demo dataset: the server is not ready
	// until lists are stored.
	NoDemo bool
	// Regimes are screened by monitoring and batch jobs (empty: all).
	Regimes []string
	// NoAuth serves without API keys; otherwise a store with none gets an
	// admin key, written to AdminKeyFile (default: admin.key beside the
	// SQLite file; veto-admin.key in the working folder with PostgreSQL).
	NoAuth       bool
	AdminKeyFile string
	// Audit locates the key that signs the trail's checkpoints and the
	// file they are appended to; CheckpointEvery is how often the head
	// is checkpointed when it advanced (0: only at Close).
	Audit           AuditFiles
	CheckpointEvery time.Duration
	// Jobs configures the batch job queue; its zero fields take
	// jobs.DefaultConfig's values, its Dir jobs beside the SQLite file
	// (veto-jobs in the temporary folder with PostgreSQL), its Lists
	// Regimes.
	Jobs jobs.Config
	// Webhooks are told of each new alert and list version; their metrics
	// are registered with Registry.
	Webhooks []notify.Webhook
	Registry prometheus.Registerer
}

// Start makes the server's parts and loads what it serves: the admin key
// of a store with none, the audit anchor (creating its key on a first
// start), the webhooks, the monitor, the snapshot served (the store's
// active versions, else the demo dataset) and the job queue (which
// resumes a job a shutdown interrupted). Run runs them. A webhook that
// cannot be used is entity.ErrInvalid.
func (a *App) Start(ctx context.Context, s Serving) error {
	log := a.log
	if !s.NoAuth {
		if err := a.ensureAdminKey(ctx, s.AdminKeyFile); err != nil {
			return err
		}
	}
	anchor, created, err := NewAnchor(a.cfg.DB, s.Audit, a.Store, log)
	if err != nil {
		return err
	}
	if created {
		keyFile, _ := s.Audit.Paths(a.cfg.DB)
		log.Warn("created the audit key that signs the audit trail's checkpoints; keep a copy away from the database", "file", keyFile)
	}
	a.Anchor, a.checkpointEvery = anchor, s.CheckpointEvery
	if a.notifier, err = notify.New(s.Webhooks, notify.DefaultConfig(), s.Registry, log); err != nil {
		return fmt.Errorf("%w: %v", entity.ErrInvalid, err)
	}

	k := a.Keeper
	k.RefreshEvery, k.PollEvery, k.AsOfCache = s.RefreshEvery, s.Poll, 0
	// Costly searches (low thresholds, names built to be costly) share a
	// tenth of the cores beyond their allowance, so they cannot starve
	// everyone else's.
	k.Screener.SetPacer(screen.DefaultPacer())
	if s.RefreshEvery > 0 {
		r := &refresh.Refresher{Store: a.Store, Config: s.Refresh, Logger: log}
		k.Refresh = func(ctx context.Context) error { return r.UpdateAll(ctx, all.Publishers()) }
	} else {
		log.Info("downloading is off (--refresh-every 0): the lists come from veto import or veto update, picked up every --poll")
	}
	if !s.NoDemo {
		k.Demo = demoVersions
	}
	// Monitoring re-screens the customers after each list version the
	// server loads (never against the demo dataset).
	a.Monitor.Lists, a.Monitor.Notify, a.Monitor.Snapshot = s.Regimes, a.notifier.Notify, k.Snapshot
	a.monitorLoop = monitor.NewLoop(a.Monitor)
	k.OnLoad = func(st screen.Status) {
		if st.Data == screen.DataLive {
			a.monitorLoop.Due()
		}
	}
	// The text scanner is made with each snapshot, not by the first
	// /v1/text request after it (seconds on a busy machine).
	k.Warm = func(snap *screen.Snapshot) { snap.Scanner(textscan.Build) }
	if err := k.Start(ctx); err != nil {
		return err
	}

	jc, def := s.Jobs, jobs.DefaultConfig(a.besideDB("jobs", filepath.Join(os.TempDir(), "veto-jobs")))
	jc.Dir, jc.QuotaBytes, jc.QuotaJobs, jc.Expiry = cmp.Or(jc.Dir, def.Dir), cmp.Or(jc.QuotaBytes, def.QuotaBytes), cmp.Or(jc.QuotaJobs, def.QuotaJobs), cmp.Or(jc.Expiry, def.Expiry)
	if jc.Lists == nil {
		jc.Lists = s.Regimes
	}
	deps := jobs.Deps{Snapshot: k.Snapshot, AsOf: k.AsOf, Audit: a.Audit, Logger: log}
	if IsPostgres(a.cfg.DB) {
		// The replicas on the database share its jobs, chunk by chunk.
		a.Jobs, err = jobs.OpenShared(jc, a.Store, deps)
	} else {
		a.Jobs, err = jobs.Open(jc, deps)
	}
	if err != nil {
		a.Jobs = nil
		log.Error("jobs are off", "dir", jc.Dir, "err", err)
	}
	return nil
}

// Run runs the server's loops until ctx ends or Close is called: the
// keeper's refreshes and polls, the monitor's runs, and the audit
// anchor's checkpoints. Close waits for them to stop. Without Start it
// runs nothing.
func (a *App) Run(ctx context.Context) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	defer context.AfterFunc(a.run, cancel)()
	a.mu.Lock()
	if a.closed || a.monitorLoop == nil {
		a.mu.Unlock()
		return
	}
	a.tasks.Go(func() { a.Keeper.Run(ctx) })
	a.tasks.Go(func() { a.monitorLoop.Run(ctx) })
	if a.checkpointEvery > 0 && a.Anchor != nil {
		a.tasks.Go(func() { a.Anchor.Run(ctx, a.checkpointEvery) })
	}
	a.mu.Unlock()
	<-ctx.Done()
}

// besideDB is the path of name beside the SQLite file, or else for
// PostgreSQL.
func (a *App) besideDB(name, orPostgres string) string {
	if IsPostgres(a.cfg.DB) {
		return orPostgres
	}
	return filepath.Join(filepath.Dir(a.cfg.DB), name)
}

// ensureAdminKey creates an admin key when the store has none, so that a
// fresh install can be administered, and writes it to a file only its
// owner can read. The key itself is never logged nor recorded.
func (a *App) ensureAdminKey(ctx context.Context, path string) error {
	release, ok, err := a.Store.TryLock(ctx, "bootstrap")
	if err != nil {
		return err
	}
	if !ok {
		return nil // another replica is doing it
	}
	defer release()
	keys, err := a.Store.ListKeys(ctx)
	if err != nil {
		return err
	}
	if len(keys) > 0 {
		return nil
	}
	if path == "" {
		path = a.besideDB("admin.key", "veto-admin.key")
	}
	// The file is written first, so that a key is never stored that no
	// one has; the key is then stored with its audit entry, or the file
	// removed.
	k, full, err := apikey.New("initial-admin", entity.RoleAdmin, time.Now())
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, []byte(full+"\n"), 0o600); err != nil {
		return fmt.Errorf("write the first admin key: %w", err)
	}
	if err := apikey.Create(ctx, a.Store, "veto", k, map[string]string{"file": path}); err != nil {
		os.Remove(path)
		return err
	}
	a.log.Warn("no API keys existed: created an admin key; store it in your secrets manager and delete the file",
		"key_id", k.ID, "file", path)
	return nil
}

// AuditFiles locate the audit key and the checkpoint file; empty fields
// take their defaults (Paths).
type AuditFiles struct {
	KeyFile, CheckpointFile string
}

// Paths returns the key file and the checkpoint file of the store db: as
// given, or else beside the SQLite file (audit.key,
// audit-checkpoints.jsonl), or in the working folder with PostgreSQL
// (veto-audit.key, veto-audit-checkpoints.jsonl).
func (f AuditFiles) Paths(db string) (keyFile, checkpointFile string) {
	keyFile, checkpointFile = f.KeyFile, f.CheckpointFile
	dir, prefix := filepath.Dir(db), ""
	if IsPostgres(db) {
		dir, prefix = ".", "veto-"
	}
	if keyFile == "" {
		keyFile = filepath.Join(dir, prefix+"audit.key")
	}
	if checkpointFile == "" {
		checkpointFile = filepath.Join(dir, prefix+"audit-checkpoints.jsonl")
	}
	return keyFile, checkpointFile
}

// NewAnchor returns the Anchor that writes checkpoints of the chain of
// st, the store db names, signed with the key VETO_AUDIT_KEY or else the
// key file, which it creates if there is none (created reports it).
func NewAnchor(db string, f AuditFiles, st store.Audit, log *slog.Logger) (_ *audit.Anchor, created bool, err error) {
	keyFile, cpFile := f.Paths(db)
	k, created, err := chain.LoadKey(keyFile, os.Getenv("VETO_AUDIT_KEY"), true)
	if err != nil {
		return nil, false, err
	}
	return &audit.Anchor{Store: st, Key: k, File: cpFile, Logger: log}, created, nil
}

// demoVersions is the demo dataset as list versions, never stored.
func demoVersions(ctx context.Context) ([]store.NewVersion, error) {
	results, err := demo.Results(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]store.NewVersion, 0, len(results))
	for _, r := range results {
		pub, _, _ := strings.Cut(r.List, "-")
		out = append(out, store.NewVersion{Version: entity.ListVersion{
			List: r.List, Publisher: pub, Format: r.Format, Published: r.Published, PublishedFrom: r.PublishedFrom,
			Source: []string{"demo dataset built into veto"}, FetchedAt: time.Now().UTC(), Warnings: r.Warnings,
		}, Entities: r.Entities})
	}
	return out, nil
}
