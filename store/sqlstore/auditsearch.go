package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
)

// SearchAudit implements store.AuditSearch. Only the period has an
// index (at): the rest is found walking the trail back by sequence
// number, which AfterSeq bounds.
func (s *Store) SearchAudit(ctx context.Context, q store.AuditQuery) ([]entity.AuditEntry, error) {
	c := &conds{}
	if q.Actor != "" {
		c.add("actor = ?", q.Actor)
	}
	if q.Action != "" {
		c.add("action = ?", q.Action)
	}
	if q.Subject != "" {
		c.add("subject = ?", q.Subject)
	}
	if !q.From.IsZero() {
		c.add("at >= ?", fmtTime(q.From))
	}
	if !q.To.IsZero() {
		c.add("at < ?", fmtTime(q.To))
	}
	if q.BeforeSeq > 0 {
		c.add("seq < ?", q.BeforeSeq)
	}
	if q.AfterSeq > 0 {
		c.add("seq > ?", q.AfterSeq)
	}
	query := `SELECT seq, at, actor, action, subject, data, prev, hash FROM audit_log` + c.clause() + ` ORDER BY seq DESC`
	if q.Limit > 0 {
		query += ` LIMIT ?`
		c.args = append(c.args, q.Limit)
	}
	return queryAll(ctx, s.db, "audit search", func(row interface{ Scan(...any) error }) (*entity.AuditEntry, error) {
		var e entity.AuditEntry
		var at, data string
		if err := row.Scan(&e.Seq, &at, &e.Actor, &e.Action, &e.Subject, &data, &e.Prev, &e.Hash); err != nil {
			return nil, err
		}
		var err error
		if e.At, err = parseTime(at); err != nil {
			return nil, fmt.Errorf("entry %d: %w", e.Seq, err)
		}
		e.Data = json.RawMessage(data)
		return &e, nil
	}, s.q(query), c.args...)
}
