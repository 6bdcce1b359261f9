// Package monitor keeps a bank's customers screened: each customer when it
// is added or changed, and every customer again after each list version,
// against only what that version added or materially changed, so that a
// list update re-screens a million customers in seconds. A potential match
// raises an alert once per (customer, subject) pair, naming every listing
// of the subject (package resolve groups the lists' listings into
// subjects): what was raised or decided before is not raised again, until
// a new listing joins the subject.
package monitor

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vetoscreen/veto/audit/chain"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/index"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/resolve"
	"github.com/vetoscreen/veto/resolve/decide"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/source/all"
	"github.com/vetoscreen/veto/store"
)

// Events sent to Notify.
const (
	EventAlert = "alert.created"
	// EventAlertUpdated: an open alert took a listing that joined its
	// subject (cause entity.CauseNewListing).
	EventAlertUpdated = "alert.updated"
	EventListVersion  = "list.version"
)

// Monitor screens customers and raises alerts.
type Monitor struct {
	Store store.Store
	// Snapshot returns the snapshot of the real lists screened against
	// (nil while there is none, or the demo dataset is served): each run
	// takes it once, handles only the versions it holds, and records them
	// with every alert it raises.
	Snapshot func() *screen.Snapshot
	// Lists, if set, limits monitoring to these lists or regimes.
	Lists []string
	// Notify, if set, is told of each new alert and each list version
	// processed; it must not block.
	Notify func(event string, payload any)
	Logger *slog.Logger
	// Workers screening (0: one per CPU).
	Workers int
	Now     func() time.Time

	// adopted is the resolution whose subjects every stored alert was
	// last brought to (adopt): each run after another resolution (an
	// analyst's merge or split, new versions) looks at every alert
	// again, the others only at those raised without one.
	adopted atomic.Pointer[decide.Resolved]
}

// ErrBusy is returned when another process is monitoring the same store.
var ErrBusy = errors.New("monitoring is already running (here or on another replica)")

// Report says what a run did.
type Report struct {
	// Versions are the list versions whose changes were re-screened.
	Versions []entity.MonitorRun `json:"versions"`
	// Entities screened against, customers screened, alerts raised.
	Entities  int            `json:"entities"`
	Customers int            `json:"customers"`
	Alerts    []entity.Alert `json:"alerts"`
	Took      time.Duration  `json:"took"`
}

func (m *Monitor) now() time.Time {
	if m.Now != nil {
		return m.Now().UTC()
	}
	return time.Now().UTC()
}

func (m *Monitor) logger() *slog.Logger {
	if m.Logger != nil {
		return m.Logger
	}
	return slog.New(slog.DiscardHandler)
}

// snapshot takes the snapshot a run screens against: nil unless it is of
// the real lists (monitoring never raises alerts on the demo dataset).
func (m *Monitor) snapshot() *screen.Snapshot {
	if m.Snapshot == nil {
		return nil
	}
	return live(m.Snapshot())
}

// live returns snap if it is of the real lists, else nil.
func live(snap *screen.Snapshot) *screen.Snapshot {
	if snap != nil && snap.Data == screen.DataLive {
		return snap
	}
	return nil
}

// Query is the screening query of a customer.
func Query(c *entity.Customer) match.Query {
	return match.Query{ID: c.ID, Subject: c.Subject}
}

// ValidateLenient is Validate, except that an optional field that cannot
// be read (a date of birth written 31.02.1950) is dropped and returned,
// and the customer is stored and screened without it, as batch rows and
// /v1/screen queries are.
func ValidateLenient(c *entity.Customer, order entity.DateOrder) (dropped []*match.FieldError, err error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	q := Query(c)
	if dropped, err = q.ValidateLenient(order); err != nil {
		return nil, fmt.Errorf("%w: customer %s: %v", entity.ErrInvalid, c.ID, err)
	}
	c.Subject = q.Subject
	return dropped, nil
}

// Validate checks a customer for storing and screening, naming the field.
func Validate(c *entity.Customer) error {
	if err := c.Validate(); err != nil {
		return err
	}
	q := Query(c)
	if err := q.Validate(); err != nil {
		return fmt.Errorf("%w: customer %s: %v", entity.ErrInvalid, c.ID, err)
	}
	c.Subject = q.Subject // canonical: 21.03.1950 is stored 1950-03-21
	return nil
}

// Put stores customers and screens those added or changed against the
// whole index, raising alerts (cause "customer"). The customers must be
// valid (see Validate).
func (m *Monitor) Put(ctx context.Context, cs []entity.Customer) (changed []string, alerts []entity.Alert, err error) {
	return m.PutOn(ctx, m.snapshot(), cs)
}

// PutOn is Put against the snapshot snap, which a caller that screens
// and reports against a snapshot it took (an API request, a UI page)
// passes on; nothing is screened unless snap is of the real lists.
func (m *Monitor) PutOn(ctx context.Context, snap *screen.Snapshot, cs []entity.Customer) (changed []string, alerts []entity.Alert, err error) {
	changed, err = m.Store.PutCustomers(ctx, cs, m.now())
	if err != nil {
		return nil, nil, err
	}
	if snap == nil || snap.Data != screen.DataLive || len(changed) == 0 {
		return changed, nil, nil
	}
	byID := make(map[string]*entity.Customer, len(cs))
	for i := range cs {
		byID[cs[i].ID] = &cs[i]
	}
	todo := make([]entity.Customer, 0, len(changed))
	for _, id := range changed {
		todo = append(todo, *byID[id])
	}
	alerts, err = m.screen(ctx, snap, snap.Index, slices.Values(todo), entity.CauseCustomer, changes{})
	return changed, alerts, err
}

// lock takes the store's lock "monitor", so that one run at a time, of
// all the processes sharing the store, re-screens; ErrBusy if another has
// it.
func (m *Monitor) lock(ctx context.Context) (release func(), err error) {
	release, ok, err := m.Store.TryLock(ctx, "monitor")
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, ErrBusy
	}
	return release, nil
}

// Rescreen screens every monitored customer against the whole index
// (cause "rescreen"): for a first monitoring of an existing customer base,
// or after the matching configuration changed.
func (m *Monitor) Rescreen(ctx context.Context) (*Report, error) {
	return m.rescreen(ctx, m.snapshot)
}

// RescreenOn is Rescreen against snap, whatever m.Snapshot returns.
func (m *Monitor) RescreenOn(ctx context.Context, snap *screen.Snapshot) (*Report, error) {
	return m.rescreen(ctx, func() *screen.Snapshot { return live(snap) })
}

// rescreen is Rescreen against the snapshot take returns once the run
// holds the lock.
func (m *Monitor) rescreen(ctx context.Context, take func() *screen.Snapshot) (*Report, error) {
	release, err := m.lock(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	start := time.Now()
	snap := take()
	if snap == nil {
		return nil, screen.ErrNotReady
	}
	rep := &Report{Versions: []entity.MonitorRun{}, Entities: snap.Index.Len()}
	alerts, n, err := m.screenAll(ctx, snap, snap.Index, entity.CauseRescreen, changes{})
	rep.Customers, rep.Alerts, rep.Took = n, alerts, time.Since(start)
	return rep, err
}

// Loop runs a Monitor's Process when a run is due: veto serve asks for
// one after each snapshot of the real lists it loads.
type Loop struct {
	m   *Monitor
	due chan struct{} // holds the run asked for, if any
}

// NewLoop returns the loop of m.
func NewLoop(m *Monitor) *Loop { return &Loop{m: m, due: make(chan struct{}, 1)} }

// Due asks for a run, without waiting. While a run is due already,
// another call adds none.
func (l *Loop) Due() {
	select {
	case l.due <- struct{}{}:
	default: // a run is due already
	}
}

// Run runs Process each time a run is due, one at a time, until ctx
// ends. A run that fails is logged; ErrBusy (another replica is running
// one) is not a failure.
func (l *Loop) Run(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-l.due:
			if _, err := l.m.Process(ctx); err != nil && !errors.Is(err, ErrBusy) && ctx.Err() == nil {
				l.m.logger().Error("monitoring failed", "err", err)
			}
		}
	}
}

// Process re-screens the monitored customers after the list versions the
// index has loaded that were not processed yet, against the entities they
// added or materially changed, and records each version as processed.
// One process at a time does it (the store's lock "monitor").
func (m *Monitor) Process(ctx context.Context) (*Report, error) {
	return m.process(ctx, m.snapshot)
}

// ProcessOn is Process against snap, whatever m.Snapshot returns.
func (m *Monitor) ProcessOn(ctx context.Context, snap *screen.Snapshot) (*Report, error) {
	return m.process(ctx, func() *screen.Snapshot { return live(snap) })
}

// process is Process against the snapshot take returns once the run
// holds the lock.
func (m *Monitor) process(ctx context.Context, take func() *screen.Snapshot) (*Report, error) {
	release, err := m.lock(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	start := time.Now()
	snap := take()
	rep := &Report{Versions: []entity.MonitorRun{}, Alerts: []entity.Alert{}}
	if snap == nil {
		return rep, nil
	}
	pending, err := m.pending(ctx, snap.Versions)
	if err != nil || len(pending) == 0 {
		return rep, err
	}
	// What the pending versions added or materially changed, as the
	// index has it now (an entity added and removed since is gone).
	var ids []string
	perVersion := map[int64]int{}
	ch := changes{relisted: map[string]int64{}, grown: map[string]bool{}}
	subs := snap.Subjects()
	for _, v := range pending {
		d, err := m.Store.Diff(ctx, v.ID)
		if err != nil {
			return nil, fmt.Errorf("diff of version %d: %w", v.ID, err)
		}
		for _, c := range d.Changes {
			if c.Change == entity.Added || c.Change == entity.Changed && c.Material {
				ids = append(ids, c.EntityID)
				perVersion[v.ID]++
			}
			if c.Change == entity.Changed && c.Material {
				ch.relisted[c.EntityID] = v.ID
			}
			if c.Change != entity.Added || subs == nil {
				continue
			}
			if sub, ok := subs.Subject(c.EntityID); ok && len(sub.Members) > 1 && !ch.grown[sub.ID] {
				// A listing joined a subject: the customers alerted on
				// it are screened against all its listings again.
				ch.grown[sub.ID] = true
				ids = append(ids, sub.MemberIDs()...)
			}
		}
	}
	sub := snap.Index.Subset(ids)
	rep.Entities = sub.Len()
	if sub.Len() > 0 {
		alerts, n, err := m.screenAll(ctx, snap, sub, entity.CauseListChange, ch)
		if err != nil {
			return nil, err
		}
		rep.Customers, rep.Alerts = n, alerts
	}
	rep.Took = time.Since(start)
	for _, v := range pending {
		run := entity.MonitorRun{VersionID: v.ID, List: v.List, At: m.now(), Entities: perVersion[v.ID], Customers: rep.Customers, Took: rep.Took}
		for _, a := range rep.Alerts {
			if a.VersionID == v.ID {
				run.Alerts++
			}
		}
		if err := m.Store.AddMonitorRun(ctx, run); err != nil {
			return nil, err
		}
		rep.Versions = append(rep.Versions, run)
		m.notify(EventListVersion, struct {
			Version entity.ListVersion `json:"version"`
			Run     entity.MonitorRun  `json:"monitoring"`
		}{v, run})
	}
	m.logger().Info("monitoring: customers re-screened after list changes", "versions", len(pending), "entities", rep.Entities,
		"customers", rep.Customers, "alerts", len(rep.Alerts), "took", rep.Took.Round(time.Millisecond))
	return rep, nil
}

// pending returns the versions not processed yet that the index has
// loaded: every version of a list up to the loaded one, oldest first.
func (m *Monitor) pending(ctx context.Context, loaded []entity.ListVersion) ([]entity.ListVersion, error) {
	done, err := m.Store.MonitorRuns(ctx)
	if err != nil {
		return nil, err
	}
	versions, err := m.Store.Versions(ctx, store.VersionFilter{})
	if err != nil {
		return nil, err
	}
	upto := map[string]int64{}
	for _, v := range loaded {
		upto[v.List] = v.ID
	}
	var out []entity.ListVersion
	for _, v := range versions {
		if _, ok := done[v.ID]; ok || v.ID > upto[v.List] {
			continue
		}
		if len(m.Lists) > 0 && !slices.Contains(m.Lists, v.List) && !slices.Contains(m.Lists, all.Jurisdiction(v.List)) {
			continue
		}
		out = append(out, v)
	}
	slices.SortFunc(out, func(a, b entity.ListVersion) int { return int(a.ID - b.ID) })
	return out, nil
}

// customerPage is how many customers are read from the store at once.
const customerPage = 5000

// screenAll screens every monitored customer, read page by page, against
// ix: snap's index or a subset of it.
func (m *Monitor) screenAll(ctx context.Context, snap *screen.Snapshot, ix *index.Index, cause string, ch changes) ([]entity.Alert, int, error) {
	n := 0
	var pageErr error
	seq := func(yield func(entity.Customer) bool) {
		after := ""
		for {
			page, err := m.Store.Customers(ctx, after, customerPage)
			if err != nil {
				pageErr = err
				return
			}
			for _, c := range page {
				n++
				if !yield(c) {
					return
				}
			}
			if len(page) < customerPage {
				return
			}
			after = page[len(page)-1].ID
		}
	}
	alerts, err := m.screen(ctx, snap, ix, seq, cause, ch)
	if err == nil {
		err = pageErr
	}
	return alerts, n, err
}

// alertBatch is how many alerts are stored at once.
const alertBatch = 500

// changes are what list versions changed that alerts raised before must
// follow.
type changes struct {
	// relisted: entity ID → the version that changed its listing
	// materially. A subject allow-listed as a false positive alerts again
	// when one of its listings is (the entry is revoked).
	relisted map[string]int64
	// grown: the subjects a listing joined. Their alerts are raised
	// again or updated (CauseNewListing).
	grown map[string]bool
}

// screen screens customers on every core against ix (snap's index or a
// subset of it), groups their hits by snap's subjects and stores the
// alerts they raise, one per subject, each with snap's versions,
// returning those that were new, raised again or updated as ch says.
func (m *Monitor) screen(ctx context.Context, snap *screen.Snapshot, ix *index.Index, customers func(func(entity.Customer) bool), cause string, ch changes) ([]entity.Alert, error) {
	subs := snap.Subjects()
	if subs != nil {
		grown, err := m.adopt(ctx, subs)
		if err != nil {
			return nil, err
		}
		// A subject with listings one of its alerts lacks (an analyst
		// merged subjects): as if they had joined it from the lists.
		if len(grown) > 0 {
			ch.grown = maps.Clone(ch.grown)
			if ch.grown == nil {
				ch.grown = map[string]bool{}
			}
			for _, id := range grown {
				ch.grown[id] = true
			}
		}
	}
	s := screen.New(ix)
	refs := snap.Refs()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	in := make(chan match.Query, 256)
	out := make(chan screen.Result, 256)
	snapshots := sync.Map{} // customer ID → entity.Customer, until its result is read
	go func() {
		defer close(in)
		for c := range customers {
			snapshots.Store(c.ID, c)
			select {
			case in <- Query(&c):
			case <-ctx.Done():
				return
			}
		}
	}()
	workers := m.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	errc := make(chan error, 1)
	go func() {
		defer close(out)
		// By listing: ix may be a subset, which has no subjects; the
		// hits are grouped by snap's below.
		errc <- s.Batch(ctx, in, out, workers, screen.Options{Explain: true, Lists: m.Lists, Limit: 20, By: screen.ByListing})
	}()
	var raised, pending []entity.Alert
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		added, err := m.Store.AddAlerts(ctx, pending)
		if err != nil {
			return err
		}
		var updated []entity.Alert
		if len(ch.relisted) > 0 || len(ch.grown) > 0 {
			again, changed, err := m.follow(ctx, pending, added, ch)
			if err != nil {
				return err
			}
			added, updated = append(added, again...), changed
		}
		pending = pending[:0]
		for _, a := range added {
			m.notify(EventAlert, a)
		}
		for _, a := range updated {
			m.notify(EventAlertUpdated, a)
		}
		raised = append(append(raised, added...), updated...)
		return nil
	}
	now := m.now()
	var failed error
	for res := range out {
		v, _ := snapshots.LoadAndDelete(res.ID)
		c, _ := v.(entity.Customer)
		if res.Error != "" {
			m.logger().Warn("monitoring: customer not screened", "customer", res.ID, "err", res.Error)
			continue
		}
		for _, h := range screen.GroupBySubject(subs, res.Hits, 0) {
			hit, err := json.Marshal(h)
			if err != nil {
				return nil, err
			}
			c.CreatedAt, c.UpdatedAt, c.Removed = time.Time{}, time.Time{}, time.Time{}
			var version int64
			if v, ok := snap.Version(h.List); ok {
				version = v.ID
			}
			a := entity.Alert{CustomerID: c.ID, EntityID: h.EntityID, SubjectID: h.EntityID, List: h.List, VersionID: version, Versions: refs,
				Score: h.Score, Status: entity.AlertOpen, Cause: cause, Customer: c, Hit: hit, CreatedAt: now}
			if sub, ok := subjectOf(subs, h.EntityID); ok {
				a.SubjectID, a.Members = sub.ID, sub.MemberIDs()
			}
			pending = append(pending, a)
		}
		if len(pending) >= alertBatch && failed == nil {
			if failed = flush(); failed != nil {
				cancel()
			}
		}
	}
	if err := <-errc; err != nil && failed == nil {
		failed = err
	}
	if failed == nil {
		failed = flush()
	}
	if failed != nil {
		return raised, failed
	}
	if raised == nil {
		raised = []entity.Alert{}
	}
	return raised, nil
}

// adopt brings the stored alerts to their entities' subjects in subs:
// those raised without a resolution, and, the first time subs is seen,
// those whose subject has another ID since; a customer's undecided
// alerts on one subject are merged (see store.Monitoring.AdoptSubjects).
// It returns the subjects that have listings one of their alerts lacks.
func (m *Monitor) adopt(ctx context.Context, subs *decide.Resolved) ([]string, error) {
	all := m.adopted.Load() != subs
	merged, grown, err := m.Store.AdoptSubjects(ctx, func(entityID string) (string, []string, bool) {
		sub, ok := subjectOf(subs, entityID)
		if !ok {
			return "", nil, false
		}
		return sub.ID, sub.MemberIDs(), true
	}, all, m.now())
	if err != nil {
		return nil, fmt.Errorf("bring the alerts to their subjects: %w", err)
	}
	m.adopted.Store(subs)
	if len(merged) > 0 || len(grown) > 0 {
		m.logger().Info("monitoring: alerts brought to their subjects", "merged", len(merged), "subjectsGrown", len(grown))
	}
	return grown, nil
}

// follow raises again, or updates, the alerts of pending that AddAlerts
// did not store because their pair was alerted before, where ch says the
// subject changed since: one of its listings changed materially and the
// pair is on the allow-list (CauseRelisted), or a listing joined it
// (CauseNewListing). It returns the alerts raised and those updated.
func (m *Monitor) follow(ctx context.Context, pending, added []entity.Alert, ch changes) (raised, updated []entity.Alert, err error) {
	stored := map[[2]string]bool{}
	for _, a := range added {
		stored[[2]string{a.CustomerID, a.SubjectID}] = true
	}
	var grown []entity.Alert
	for _, a := range pending {
		if !stored[[2]string{a.CustomerID, a.SubjectID}] && ch.grown[a.SubjectID] {
			grown = append(grown, a)
		}
	}
	now := m.now()
	if len(grown) > 0 {
		if raised, updated, err = m.Store.Renew(ctx, grown, now); err != nil {
			return nil, nil, err
		}
		for _, a := range append(slices.Clip(raised), updated...) {
			stored[[2]string{a.CustomerID, a.SubjectID}] = true
		}
	}
	var relisted []entity.Alert
	for _, a := range pending {
		if _, ok := ch.relistedBy(a); ok && !stored[[2]string{a.CustomerID, a.SubjectID}] {
			a.Cause = entity.CauseRelisted
			relisted = append(relisted, a)
		}
	}
	if len(relisted) == 0 {
		return raised, updated, nil
	}
	again, err := m.Store.Rearm(ctx, relisted, "a listing of the subject changed materially", now, func(e entity.AllowEntry, a entity.Alert) entity.AuditEntry {
		v, _ := ch.relistedBy(a)
		ae, _ := chain.Entry(now, "veto", chain.ActionAllowRevoke, e.CustomerID+"/"+e.EntityID, map[string]any{
			"reason": e.RevokeReason, "version": v, "list": a.List, "subject": a.SubjectID, "clearedBy": e.AlertID, "alert": a.ID,
		})
		return ae
	})
	return append(raised, again...), updated, err
}

// relistedBy returns the version that changed a listing of a's subject
// materially, if one did.
func (ch changes) relistedBy(a entity.Alert) (int64, bool) {
	if v, ok := ch.relisted[a.EntityID]; ok {
		return v, true
	}
	for _, id := range a.Members {
		if v, ok := ch.relisted[id]; ok {
			return v, true
		}
	}
	return 0, false
}

// subjectOf returns the subject of a listing in subs, which may be nil.
func subjectOf(subs *decide.Resolved, entityID string) (*resolve.Subject, bool) {
	if subs == nil {
		return nil, false
	}
	return subs.Subject(entityID)
}

func (m *Monitor) notify(event string, payload any) {
	if m.Notify != nil {
		m.Notify(event, payload)
	}
}
