// Package app builds and runs veto: the store, the snapshot screened
// against and the keeper that loads and refreshes it, the monitor and its
// loop, the batch job queue, API keys and the audit trail's log and
// anchor. veto serve and the one-shot commands (screen, batch, text,
// customers import, monitor run, keys) alike open it, so that each
// screens, monitors and audits the same way; cmd/veto keeps the flags and
// the output, api and web keep HTTP.
//
// A one-shot command calls Open, screens against Snapshot (loaded once,
// on first use) and calls Close. veto serve calls Open, then Start (the
// admin key, the audit anchor, webhooks, the monitor, the snapshot served
// and the job queue), runs Run in the background, and calls Close when
// it stops: Close ends every goroutine Start and Run began, lets the
// queued audit entries be committed, checkpoints the trail and closes the
// store.
package app

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/vetoscreen/veto/apikey"
	"github.com/vetoscreen/veto/audit"
	"github.com/vetoscreen/veto/batch/jobs"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/monitor"
	"github.com/vetoscreen/veto/notify"
	"github.com/vetoscreen/veto/refresh"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/source/all"
	"github.com/vetoscreen/veto/store"
	"github.com/vetoscreen/veto/store/postgres"
	"github.com/vetoscreen/veto/store/sqlite"
)

// ErrNoLists is returned by Snapshot when the store holds no list.
var ErrNoLists = errors.New("the store has no lists")

// Config is what every use of veto needs.
type Config struct {
	// DB is the store: a SQLite file's path, or a postgres:// URL.
	DB string
	// Match configures the matcher.
	Match match.Config
	// Logger logs (default: discard).
	Logger *slog.Logger
}

// App is veto, built.
type App struct {
	cfg Config
	log *slog.Logger

	Store store.Store
	// Audit records events in the store's audit trail; Close lets the
	// entries queued for group commit be committed.
	Audit *audit.Log
	// Keeper holds the snapshot screened against: for a one-shot command
	// the store's active versions, loaded by Snapshot; for a server the
	// snapshot served, kept in step with the store by Run.
	Keeper *screen.Keeper
	// Monitor screens the monitored customers against the Keeper's
	// snapshot; after Start, Run re-screens them after each list version
	// the server loads (monitorLoop).
	Monitor     *monitor.Monitor
	monitorLoop *monitor.Loop

	// Set by Start.
	Anchor   *audit.Anchor
	Jobs     jobs.Service
	notifier *notify.Notifier

	checkpointEvery time.Duration

	// run ends at Close, and Run's loops with it; tasks are the loops.
	mu     sync.Mutex
	closed bool
	run    context.Context
	stop   context.CancelFunc
	tasks  sync.WaitGroup
}

// Open opens the store named by cfg.DB and builds the services over it.
// Nothing is loaded yet.
func Open(ctx context.Context, cfg Config) (*App, error) {
	st, err := OpenStore(ctx, cfg.DB)
	if err != nil {
		return nil, err
	}
	log := cmp.Or(cfg.Logger, slog.New(slog.DiscardHandler))
	a := &App{cfg: cfg, log: log, Store: st, Audit: audit.NewLog(st, log, nil)}
	// A one-shot command screens one snapshot, as of now or of an
	// instant: none is cached beside it.
	a.run, a.stop = context.WithCancel(context.Background())
	a.Keeper = &screen.Keeper{Screener: screen.New(nil), Store: st, Config: cfg.Match, AsOfCache: -1, Logger: log}
	a.Monitor = &monitor.Monitor{Store: st, Logger: log, Snapshot: a.loaded}
	return a, nil
}

// OpenStore opens the store db names: PostgreSQL for a postgres:// or
// postgresql:// URL, else a SQLite file.
func OpenStore(ctx context.Context, db string) (store.Store, error) {
	var st store.Store
	var err error
	if IsPostgres(db) {
		st, err = postgres.Open(ctx, db)
	} else {
		st, err = sqlite.Open(ctx, db)
	}
	if err != nil {
		return nil, err
	}
	// The kinds and regimes of imported lists (veto import ftm|csv) are
	// known from here on, to every command.
	infos, err := st.ListInfos(ctx)
	if err != nil {
		st.Close()
		return nil, err
	}
	all.SetListInfos(infos)
	return st, nil
}

// IsPostgres reports whether db names a PostgreSQL database.
func IsPostgres(db string) bool {
	return strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://")
}

// Close stops what Start and Run began (the loops, the job running: it
// resumes at the next start), commits the audit entries queued, writes
// a last checkpoint of the trail when Start made an anchor, stops the
// webhooks and closes the store.
func (a *App) Close() error {
	a.mu.Lock()
	a.closed = true
	a.mu.Unlock()
	a.stop()
	a.tasks.Wait()
	if a.Jobs != nil {
		a.Jobs.Close()
	}
	a.Audit.Close()
	var errs []error
	if a.Anchor != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		if _, _, err := a.Anchor.Checkpoint(ctx); err != nil {
			errs = append(errs, fmt.Errorf("audit: the shutdown checkpoint was not written: %w", err))
		}
		cancel()
	}
	if a.notifier != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		a.notifier.Close(ctx)
		cancel()
	}
	if err := a.Store.Close(); err != nil {
		errs = append(errs, fmt.Errorf("close the store: %w", err))
	}
	return errors.Join(errs...)
}

// Snapshot returns the snapshot to screen against: with a zero asOf the
// one the Keeper holds (for a one-shot command, the store's active
// versions, loaded on the first call), else that of the versions in
// force at asOf (screen.ErrNoVersionsAt when none was). ErrNoLists when
// the store holds no list.
func (a *App) Snapshot(ctx context.Context, asOf time.Time) (*screen.Snapshot, error) {
	if !asOf.IsZero() {
		return a.Keeper.AsOf(ctx, asOf)
	}
	if a.Keeper.Snapshot() == nil {
		if err := a.Keeper.Reload(ctx, true); err != nil {
			return nil, err
		}
	}
	snap := a.Keeper.Snapshot()
	if snap == nil {
		return nil, ErrNoLists
	}
	return snap, nil
}

// loaded is the one-shot Monitor's snapshot: the store's active
// versions, loaded on the first run, nil when there are none.
func (a *App) loaded() *screen.Snapshot {
	snap, err := a.Snapshot(context.Background(), time.Time{})
	if err != nil && !errors.Is(err, ErrNoLists) {
		a.log.Error("load the lists", "err", err)
	}
	return snap
}

// FileSnapshot builds a snapshot of the newest version of each list
// whose files are in dir (and its subfolders), never stored: each version
// is named by its content hash, as the store would store it, and has no
// ID. The snapshot keeps the records, to resolve their subjects with.
func FileSnapshot(ctx context.Context, dir string, cfg match.Config, log *slog.Logger) (*screen.Snapshot, error) {
	log = cmp.Or(log, slog.New(slog.DiscardHandler))
	results, skipped, err := all.ParseDir(ctx, dir)
	if err != nil {
		return nil, err
	}
	for _, s := range skipped {
		log.Debug("not a list", "reason", s)
	}
	var ents []*entity.Entity
	var versions []entity.ListVersion
	for _, r := range results {
		log.Info("list read", "list", r.List, "published", r.Published.Format(time.DateOnly), "entities", len(r.Entities))
		hash, err := refresh.ContentHash(r.Files)
		if err != nil {
			return nil, err
		}
		pub, _, _ := strings.Cut(r.List, "-")
		versions = append(versions, entity.ListVersion{List: r.List, Publisher: pub, Format: r.Format, Published: r.Published,
			PublishedFrom: r.PublishedFrom, Hash: hash, Source: r.Files, EntityCount: len(r.Entities)})
		ents = append(ents, r.Entities...)
	}
	if len(ents) == 0 {
		return nil, fmt.Errorf("no list files found in %s", dir)
	}
	return screen.FromRecords(ents, screen.DataLive, versions, cfg), nil
}

// CreateKey makes an API key and stores it with its audit entry, by
// actor, in one transaction (see apikey.Create). It returns the key
// stored and the full key, to give once.
func (a *App) CreateKey(ctx context.Context, actor, name, role string) (entity.APIKey, string, error) {
	k, full, err := apikey.New(name, role, time.Now())
	if err != nil {
		return entity.APIKey{}, "", err
	}
	if err := apikey.Create(ctx, a.Store, actor, k, nil); err != nil {
		return entity.APIKey{}, "", err
	}
	return k, full, nil
}

// RevokeKey revokes an API key with its audit entry, by actor, in one
// transaction (see apikey.Revoke).
func (a *App) RevokeKey(ctx context.Context, actor, id string) error {
	return apikey.Revoke(ctx, a.Store, actor, id, time.Now())
}
