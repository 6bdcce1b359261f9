package audit

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
)

// Actions recorded in the audit trail.
const (
	ActionScreen         = "screen"     // a screening call's outcome summary
	ActionLogin          = "user.login" // a successful sign-in
	ActionLoginFailed    = "user.login_failed"
	ActionLogout         = "user.logout"
	ActionUserCreate     = "user.create"
	ActionUserUpdate     = "user.update" // role, password or display name
	ActionUserDisable    = "user.disable"
	ActionUserEnable     = "user.enable"
	ActionKeyCreate      = "key.create"
	ActionKeyRevoke      = "key.revoke"
	ActionAlertDecide    = "alert.decide"
	ActionAlertApprove   = "alert.approve"
	ActionAlertReject    = "alert.reject"
	ActionAlertAssign    = "alert.assign"
	ActionAllowAdd       = "allowlist.add"
	ActionAllowRevoke    = "allowlist.revoke"
	ActionListVersion    = "list.version" // a new list version stored
	ActionMonitorRun     = "monitor.run"
	ActionAuditExport    = "audit.export"
	ActionCustomerRemove = "customer.remove"
)

// Entry makes an entry to append: data becomes compact JSON.
func Entry(at time.Time, actor, action, subject string, data any) (entity.AuditEntry, error) {
	raw, err := Compact(data)
	if err != nil {
		return entity.AuditEntry{}, err
	}
	return entity.AuditEntry{At: at.UTC(), Actor: actor, Action: action, Subject: subject, Data: raw}, nil
}

// Log appends events to the audit trail in a store. Record appends at
// once; Async queues an event and appends it with others in one
// transaction shortly after, so that screening thousands of names a
// second does not wait for a database commit each. Close flushes.
type Log struct {
	store  store.Audit
	now    func() time.Time
	logger *slog.Logger

	once, closeOnce sync.Once
	queue           chan entity.AuditEntry
	done            chan struct{}
}

// NewLog returns a Log appending to st. now may be nil (time.Now).
func NewLog(st store.Audit, logger *slog.Logger, now func() time.Time) *Log {
	if now == nil {
		now = time.Now
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &Log{store: st, now: now, logger: logger}
}

// Now returns the time entries are stamped with.
func (l *Log) Now() time.Time { return l.now().UTC() }

// Record appends one event now.
func (l *Log) Record(ctx context.Context, actor, action, subject string, data any) error {
	e, err := Entry(l.Now(), actor, action, subject, data)
	if err != nil {
		return err
	}
	_, err = l.store.AppendAudit(ctx, e)
	return err
}

// asyncQueue bounds the events waiting: past it Async blocks, so the
// trail slows screening down rather than losing its records.
const asyncQueue = 8192

// Async queues an event to be appended with others. It never drops an
// event: when the queue is full it waits.
func (l *Log) Async(actor, action, subject string, data any) {
	e, err := Entry(l.Now(), actor, action, subject, data)
	if err != nil {
		l.logger.Error("audit: cannot record event", "action", action, "err", err)
		return
	}
	l.once.Do(l.start)
	l.queue <- e
}

func (l *Log) start() {
	l.queue = make(chan entity.AuditEntry, asyncQueue)
	l.done = make(chan struct{})
	go l.run()
}

// run appends queued events in batches of what has arrived meanwhile.
func (l *Log) run() {
	defer close(l.done)
	for e := range l.queue {
		batch := []entity.AuditEntry{e}
	fill:
		for len(batch) < 1000 {
			select {
			case e, ok := <-l.queue:
				if !ok {
					break fill
				}
				batch = append(batch, e)
			default:
				break fill
			}
		}
		l.appendBatch(batch)
	}
}

func (l *Log) appendBatch(batch []entity.AuditEntry) {
	for attempt := 0; ; attempt++ {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		_, err := l.store.AppendAudit(ctx, batch...)
		cancel()
		if err == nil {
			return
		}
		if attempt == 4 {
			l.logger.Error("audit: events not recorded", "events", len(batch), "err", err)
			return
		}
		l.logger.Warn("audit: append failed; retrying", "events", len(batch), "err", err)
		time.Sleep(time.Duration(attempt+1) * 200 * time.Millisecond)
	}
}

// Close appends the events still queued and stops. Async must not be
// called after Close; Record may.
func (l *Log) Close() {
	l.closeOnce.Do(func() {
		l.once.Do(func() {}) // no queue was started: nothing to flush
		if l.queue != nil {
			close(l.queue)
			<-l.done
		}
	})
}
