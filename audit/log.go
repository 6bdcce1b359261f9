package audit

import (
	"context"
	"fmt"
	"log/slog"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
)

// Log appends events to the audit trail in a store. Record appends at
// once; Commit appends an event in one transaction with the events of
// the other callers waiting at the same time (group commit), so that
// screening thousands of names a second commits tens of times a second,
// not thousands, and still returns only once its event is committed: a
// response sent is a response on the trail. Close stops the writer.
type Log struct {
	store  store.Audit
	now    func() time.Time
	logger *slog.Logger

	once, closeOnce sync.Once
	mu              sync.RWMutex // held to send on queue; Close takes it to close queue
	closed          bool
	queue           chan pending
	done            chan struct{}
	// commits and committed count the writer's transactions and the
	// events in them: their ratio is the mean group size.
	commits, committed atomic.Int64
}

// pending is an event waiting for its batch's commit.
type pending struct {
	e    entity.AuditEntry
	done chan error // receives the commit's outcome
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

// Record appends one event now, in a transaction of its own.
func (l *Log) Record(ctx context.Context, actor, action, subject string, data any) error {
	e, err := chain.Entry(l.Now(), actor, action, subject, data)
	if err != nil {
		return err
	}
	_, err = l.store.AppendAudit(ctx, e)
	return err
}

// maxBatch is the most events committed in one transaction; queueSize
// the most waiting for the writer, past which Commit waits to queue.
const (
	maxBatch  = 1000
	queueSize = 4096
)

// Commit appends an event with the others waiting at the same time, in
// one transaction, and returns when it is committed, or the error that
// kept it from being (the caller must then not report success), or
// ctx's error if ctx ends first (the event may still be committed).
// After Close, Commit appends on its own, as Record.
func (l *Log) Commit(ctx context.Context, actor, action, subject string, data any) error {
	e, err := chain.Entry(l.Now(), actor, action, subject, data)
	if err != nil {
		return err
	}
	l.once.Do(l.start)
	p := pending{e: e, done: make(chan error, 1)}
	l.mu.RLock()
	if l.closed {
		l.mu.RUnlock()
		_, err := l.store.AppendAudit(ctx, e)
		return err
	}
	select {
	case l.queue <- p:
		l.mu.RUnlock()
	case <-ctx.Done():
		l.mu.RUnlock()
		return ctx.Err()
	}
	select {
	case err := <-p.done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Stats returns how many transactions the group-commit writer has run
// and how many events they committed: their ratio is the mean group size.
func (l *Log) Stats() (commits, events int64) { return l.commits.Load(), l.committed.Load() }

// Waiting returns how many events are queued for the writer and not yet
// taken into a batch.
func (l *Log) Waiting() int {
	l.once.Do(l.start)
	return len(l.queue)
}

func (l *Log) start() {
	l.queue = make(chan pending, queueSize)
	l.done = make(chan struct{})
	go l.run()
}

// run commits queued events in batches of what has arrived meanwhile:
// while one batch commits, the next gathers.
func (l *Log) run() {
	defer close(l.done)
	var last int               // the size of the last batch
	var lastTook time.Duration // how long its commit took
	for p := range l.queue {
		batch := []pending{p}
		// Let the handlers that are ready to run go first: under load
		// some finish their screening and join this batch; when nothing
		// else is runnable this returns at once.
		runtime.Gosched()
		batch = drain(l.queue, batch)
		// Under load (the last batch was a group), wait for the others
		// of the last group, as long as a commit takes, at most
		// maxLinger: a row costs far less in a large transaction than in
		// a small one, and the requests waiting would wait for the next
		// commit anyway. Not longer once they are all here: a timer
		// under a millisecond sleeps a whole one when the process is
		// otherwise idle (the runtime's poller counts in milliseconds),
		// so that waiting for a member who is not coming made two
		// clients' requests wait a millisecond each, and cost more CPU
		// than a transaction each. A group grows without waiting: what
		// arrives while a commit runs joins the next.
		if last > 1 && len(batch) < last {
			linger := min(lastTook, maxLinger)
			t := time.NewTimer(linger)
		wait:
			for len(batch) < last {
				select {
				case p, ok := <-l.queue:
					if !ok {
						break wait
					}
					batch = append(batch, p)
				case <-t.C:
					break wait
				}
			}
			t.Stop()
		}
		es := make([]entity.AuditEntry, len(batch))
		for i, p := range batch {
			es[i] = p.e
		}
		// Not the callers' contexts: one caller giving up must not
		// fail the others' commit.
		start := time.Now()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		_, err := l.store.AppendAudit(ctx, es...)
		cancel()
		last, lastTook = len(batch), time.Since(start)
		l.commits.Add(1)
		if err == nil {
			l.committed.Add(int64(len(es)))
		}
		if err != nil {
			l.logger.Error("audit: events not recorded", "events", len(batch), "err", err)
			err = fmt.Errorf("audit: %w", err)
		}
		for _, p := range batch {
			p.done <- err
		}
	}
}

// maxLinger bounds how long a batch waits for more events under load.
const maxLinger = 2 * time.Millisecond

// drain adds to batch the events queued, without waiting, up to maxBatch.
func drain(queue chan pending, batch []pending) []pending {
	for len(batch) < maxBatch {
		select {
		case p, ok := <-queue:
			if !ok {
				return batch
			}
			batch = append(batch, p)
		default:
			return batch
		}
	}
	return batch
}

// Close lets the events queued be committed and stops the writer.
// Commit may still be called after Close.
func (l *Log) Close() {
	l.closeOnce.Do(func() {
		l.once.Do(func() {}) // no writer was started: nothing to flush
		l.mu.Lock()
		l.closed = true
		if l.queue != nil {
			close(l.queue)
		}
		l.mu.Unlock()
		if l.done != nil {
			<-l.done
			l.logger.Info("audit: writer stopped", "commits", l.commits.Load(), "events", l.committed.Load())
		}
	})
}
