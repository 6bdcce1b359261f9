// Package audit is the audit trail's service: Log records events into a
// store's hash-chained trail (single or group-committed), and Anchor
// writes signed checkpoints of its head to the store and to a file. The
// chain itself (entries, actions, hashing, verification, checkpoint
// signatures) is package audit/chain, below store.
package audit

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"sync"
	"time"

	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
)

// Anchor writes checkpoints of a store's chain head to the store and to a
// file.
type Anchor struct {
	Store  store.Audit
	Key    chain.Key
	File   string // the JSON-lines file checkpoints are appended to
	Now    func() time.Time
	Logger *slog.Logger

	mu   sync.Mutex
	last int64 // the seq of the last checkpoint written
}

// Checkpoint writes a checkpoint of the chain head when the chain has
// advanced since the last one this Anchor wrote. It stores it in the
// database first and then appends it to the file, so that a failure
// between the two leaves a checkpoint the file lacks (as a replica's on
// another machine would be), never one the database seems to have lost.
func (a *Anchor) Checkpoint(ctx context.Context) (c entity.AuditCheckpoint, written bool, err error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	seq, head, err := a.Store.AuditHead(ctx)
	if err != nil || seq == 0 || seq == a.last {
		return c, false, err
	}
	now := time.Now
	if a.Now != nil {
		now = a.Now
	}
	c = a.Key.Sign(seq, head, now())
	if err := a.Store.AppendCheckpoint(ctx, c); err != nil {
		return c, false, err
	}
	if err := chain.AppendCheckpointFile(a.File, c); err != nil {
		return c, false, err
	}
	a.last = seq
	return c, true, nil
}

// Checked reads the checkpoints from the store and the file and checks
// them with a's key (see CheckCheckpoints). A missing file is not an
// error: noFile reports it.
func (a *Anchor) Checked(ctx context.Context) (valid []entity.AuditCheckpoint, problems []chain.Problem, noFile bool, err error) {
	db, err := a.Store.AuditCheckpoints(ctx)
	if err != nil {
		return nil, nil, false, err
	}
	file, err := chain.ReadCheckpointFile(a.File)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		noFile = true
	case err != nil:
		return nil, []chain.Problem{{Problem: fmt.Sprintf("the checkpoint file is damaged: %v", err)}}, false, nil
	}
	valid, problems = chain.CheckCheckpoints(a.Key, db, file)
	return valid, problems, noFile, nil
}

// Run writes a checkpoint every period (when the chain advanced) until
// ctx is done.
func (a *Anchor) Run(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if _, _, err := a.Checkpoint(ctx); err != nil && ctx.Err() == nil && a.Logger != nil {
				a.Logger.Error("audit: checkpoint not written", "err", err)
			}
		}
	}
}
