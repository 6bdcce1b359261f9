package screen

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/source/all"
	"github.com/vetoscreen/veto/store"
)

// Data says where the screened lists come from.
type Data string

// Data sources.
const (
	// DataNone: nothing is loaded; screening is not ready.
	DataNone Data = "none"
	// DataLive: the active list versions of the store.
	DataLive Data = "live"
	// DataDemo: the small demo dataset built into the binary, used when
	// the store is empty and no list could be downloaded.
	DataDemo Data = "demo"
)

// Keeper keeps a Screener's snapshot in step with the store: it loads the
// active list versions at start (falling back to the demo dataset when
// there are none and none can be downloaded), refreshes the lists on a
// schedule with the store's lock so that one replica of several does it,
// and polls the store so that every replica publishes new versions,
// whoever stored them. It also builds the snapshots of past versions for
// as-of screening (AsOf).
type Keeper struct {
	Screener *Screener
	Store    store.Store
	Config   match.Config
	// Refresh downloads and stores new list versions; nil disables it.
	Refresh func(ctx context.Context) error
	// Demo returns the demo dataset, one version per list; nil disables
	// the fallback. It is never written to the store.
	Demo func(ctx context.Context) ([]store.NewVersion, error)
	// RefreshEvery is the refresh schedule (0: never); PollEvery how
	// often the store is checked for versions stored by others.
	RefreshEvery, PollEvery time.Duration
	// AsOfCache is how many snapshots of past version sets are kept for
	// as-of screening (0: DefaultHistorySize; negative: none). Each holds
	// a full index.
	AsOfCache int
	Logger    *slog.Logger
	// OnLoad, if set, is called after each snapshot is published.
	OnLoad func(Status)
	// NoSubjects builds snapshots without resolving their listings into
	// subjects: every listing is a subject of its own (a command that
	// screens by listing saves the seconds).
	NoSubjects bool
	// Warm, if set, is called after each snapshot is published, on the
	// goroutine that loaded it: what a snapshot derives on first use
	// (the text scanner) is then made before a request has to wait for
	// it.
	Warm func(*Snapshot)

	mu        sync.Mutex // serialises loads and refreshes
	refreshed atomic.Pointer[refreshStatus]
	history   struct {
		once sync.Once
		h    *History
	}
}

// refreshStatus is how the last refresh went: it is not part of the
// snapshot, since it says nothing of what was screened.
type refreshStatus struct {
	at  time.Time
	err string
}

// Status describes what the screener serves.
type Status struct {
	Data     Data                 `json:"data"`
	Versions []entity.ListVersion `json:"versions"`
	LoadedAt time.Time            `json:"loadedAt"`
	// Entities and Names count the index.
	Entities int `json:"entities"`
	Names    int `json:"names"`
	// Subjects counts the subjects the listings are resolved into;
	// SubjectsError says why they are not (each listing is then a
	// subject of its own).
	Subjects      int    `json:"subjects,omitempty"`
	SubjectsError string `json:"subjectsError,omitempty"`
	// LastRefresh and LastRefreshError tell how the last refresh went.
	LastRefresh      time.Time `json:"lastRefresh,omitzero"`
	LastRefreshError string    `json:"lastRefreshError,omitempty"`
}

// Status returns the status of the snapshot served and of the last
// refresh. A request must not read what it screened against from it: it
// takes the Snapshot once instead.
func (k *Keeper) Status() Status {
	return k.StatusOf(k.Screener.Snapshot())
}

// StatusOf returns the status with snap as the snapshot served.
func (k *Keeper) StatusOf(snap *Snapshot) Status {
	st := Status{Data: DataNone, Versions: []entity.ListVersion{}}
	if snap != nil {
		st = Status{Data: snap.Data, Versions: snap.Versions, LoadedAt: snap.LoadedAt, Entities: snap.Entities, Names: snap.Names}
		if res := snap.Subjects(); res != nil {
			st.Subjects = len(res.Subjects)
		}
		if err := snap.SubjectsErr(); err != nil {
			st.SubjectsError = err.Error()
		}
	}
	st.LastRefresh, st.LastRefreshError = k.LastRefresh()
	return st
}

// Snapshot returns the snapshot served, or nil before one is loaded.
func (k *Keeper) Snapshot() *Snapshot { return k.Screener.Snapshot() }

// LastRefresh returns when the last refresh ended and its error, if any.
func (k *Keeper) LastRefresh() (time.Time, string) {
	if r := k.refreshed.Load(); r != nil {
		return r.at, r.err
	}
	return time.Time{}, ""
}

// AsOf returns the snapshot of the list versions in force at t (see
// VersionsAt), built from the store, or the one served when it has the
// same versions. At most AsOfCache past snapshots are kept.
func (k *Keeper) AsOf(ctx context.Context, t time.Time) (*Snapshot, error) {
	k.history.once.Do(func() {
		k.history.h = NewHistory(k.Store, k.Config, k.AsOfCache)
		if !k.NoSubjects {
			k.history.h.Subjects, k.history.h.Logger = k.Store, k.logger()
		}
	})
	return k.history.h.At(ctx, t, k.Snapshot())
}

func (k *Keeper) logger() *slog.Logger {
	if k.Logger != nil {
		return k.Logger
	}
	return slog.New(slog.DiscardHandler)
}

// Start loads the snapshot of the store's active versions. When the
// store holds none it serves the demo dataset, saying so loudly, until
// Run has downloaded the lists (or someone imports them): a first start
// without internet still answers. Start fails only when the store cannot
// be read, or it is empty and there is no demo dataset.
func (k *Keeper) Start(ctx context.Context) error {
	if err := k.Reload(ctx, true); err != nil {
		return err
	}
	if k.Status().Data == DataLive {
		return nil
	}
	if k.Demo == nil {
		if k.Refresh != nil {
			return nil // not ready until Run's first refresh
		}
		return errors.New("the store holds no lists; import some with `veto import` or `veto update`")
	}
	demo, err := k.Demo(ctx)
	if err != nil {
		return fmt.Errorf("load the demo dataset: %w", err)
	}
	var ents []*entity.Entity
	var versions []entity.ListVersion
	for i := range demo {
		demo[i].Version.Active = true
		demo[i].Version.EntityCount = len(demo[i].Entities)
		ents = append(ents, demo[i].Entities...)
		versions = append(versions, demo[i].Version)
	}
	snap := FromRecords(ents, DataDemo, versions, k.Config)
	if !k.NoSubjects {
		snap.resolve(ctx, k.Store, ents, false, k.logger())
	}
	k.publish(snap)
	k.logger().Warn("SERVING THE DEMO DATASET: the store holds no lists. Results are NOT a real screening. " +
		"veto is downloading the lists and switches to them as soon as they are stored; or run `veto update` or `veto import`.")
	return nil
}

// Run refreshes the lists at once when the real lists are not served yet,
// then on schedule, and polls the store for versions stored by others,
// until ctx ends.
func (k *Keeper) Run(ctx context.Context) {
	var refresh <-chan time.Time
	if k.RefreshEvery > 0 && k.Refresh != nil {
		t := time.NewTicker(k.RefreshEvery)
		defer t.Stop()
		refresh = t.C
	}
	var poll <-chan time.Time
	if k.PollEvery > 0 {
		t := time.NewTicker(k.PollEvery)
		defer t.Stop()
		poll = t.C
	}
	if k.Refresh != nil && k.Status().Data != DataLive {
		k.logger().Info("the store holds no lists: downloading them")
		if err := k.RefreshNow(ctx); err != nil && ctx.Err() == nil {
			k.logger().Warn("could not download the lists", "err", err)
		}
	}
	for {
		select {
		case <-ctx.Done():
			return
		case <-refresh:
			if err := k.RefreshNow(ctx); err != nil && ctx.Err() == nil {
				k.logger().Error("scheduled refresh failed", "err", err)
			}
		case <-poll:
			if err := k.Reload(ctx, false); err != nil && ctx.Err() == nil {
				k.logger().Error("reload from the store failed", "err", err)
			}
		}
	}
}

// ErrBusy is returned by RefreshNow when another process holds the
// refresh lock.
var ErrBusy = errors.New("a refresh of the lists is already running (here or on another replica)")

// ErrNoRefresh is returned by RefreshNow when refreshing is disabled.
var ErrNoRefresh = errors.New("refreshing is disabled on this server")

// RefreshNow refreshes the lists now, if no other process sharing the
// store is doing it, and reloads the index if versions changed.
func (k *Keeper) RefreshNow(ctx context.Context) error {
	if k.Refresh == nil {
		return ErrNoRefresh
	}
	release, ok, err := k.Store.TryLock(ctx, "refresh")
	if err != nil {
		return fmt.Errorf("refresh lock: %w", err)
	}
	if !ok {
		return ErrBusy
	}
	defer release()
	err = k.Refresh(ctx)
	r := &refreshStatus{at: time.Now().UTC()}
	if err != nil {
		r.err = err.Error()
	}
	k.refreshed.Store(r)
	if rerr := k.Reload(ctx, false); rerr != nil && err == nil {
		err = rerr
	}
	return err
}

// Reload builds and publishes the snapshot of the store's active
// versions if they differ from those served (or always, with force).
func (k *Keeper) Reload(ctx context.Context, force bool) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	active, err := k.Store.Versions(ctx, store.VersionFilter{ActiveOnly: true})
	if err != nil {
		return err
	}
	if len(active) == 0 {
		return nil // keep whatever is served (demo, or nothing)
	}
	if cur := k.Snapshot(); !force && cur != nil && cur.Data == DataLive && versionKey(cur.Versions) == versionKey(active) {
		return k.resolveIfDecided(ctx, cur)
	}
	start := time.Now()
	// New versions may be of lists imported since, with their kinds and
	// regimes (veto import ftm|csv).
	infos, err := k.Store.ListInfos(ctx)
	if err != nil {
		return err
	}
	all.SetListInfos(infos)
	snap, ents, err := load(ctx, k.Store, active, k.Config)
	if err != nil {
		return err
	}
	// The subjects are resolved before the snapshot is published, so
	// that every request sees them grouped as its index has them.
	if !k.NoSubjects {
		snap.resolve(ctx, k.Store, ents, true, k.logger())
	}
	k.publish(snap)
	k.logger().Info("index loaded", "versions", snap.RefString(), "entities", snap.Entities, "took", time.Since(start).Round(time.Millisecond))
	return nil
}

// resolveIfDecided resolves snap's subjects again when a decision was
// taken since (here, by another replica or on the command line). The
// caller holds k.mu.
func (k *Keeper) resolveIfDecided(ctx context.Context, snap *Snapshot) error {
	if k.NoSubjects {
		return nil
	}
	decided, err := snap.decisionsSince(ctx, k.Store)
	if err != nil || !decided {
		return err
	}
	return k.reresolve(ctx, snap)
}

// Reresolve resolves the subjects of the snapshot served again, with the
// decisions stored now, and swaps its resolution for the new one: the
// index is unchanged, so no snapshot is built or published. A decision
// taken calls it, so that screening and the subject pages apply the
// decision at once; other replicas see it at their next poll.
func (k *Keeper) Reresolve(ctx context.Context) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	snap := k.Snapshot()
	if snap == nil || k.NoSubjects {
		return nil
	}
	return k.reresolve(ctx, snap)
}

func (k *Keeper) reresolve(ctx context.Context, snap *Snapshot) error {
	ents, err := snap.Records(ctx, k.Store)
	if err != nil {
		return fmt.Errorf("resolve the subjects again: %w", err)
	}
	if err := snap.Resolve(ctx, k.Store, ents, snap.Data == DataLive); err != nil {
		return err
	}
	k.logger().Info("subjects resolved again after a decision", "versions", snap.RefString(), "took", snap.ResolvedIn().Round(time.Millisecond))
	return nil
}

// DemoRecords returns the demo dataset's records of an entity while the
// demo dataset is served (the store does not hold them).
func (k *Keeper) DemoRecords(id string) []*entity.Entity {
	if snap := k.Snapshot(); snap != nil {
		return snap.DemoRecords(id)
	}
	return nil
}

func (k *Keeper) publish(snap *Snapshot) {
	k.Screener.Publish(snap)
	if k.OnLoad != nil {
		k.OnLoad(k.StatusOf(snap))
	}
	if k.Warm != nil {
		start := time.Now()
		k.Warm(snap)
		k.logger().Debug("snapshot warmed", "versions", snap.RefString(), "took", time.Since(start).Round(time.Millisecond))
	}
}
