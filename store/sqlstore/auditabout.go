package sqlstore

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/vetoscreen/veto/entity"
)

// AuditEntriesAbout implements store.AuditAbout.
func (s *Store) AuditEntriesAbout(ctx context.Context, subjects []string, since time.Time, limit int) ([]entity.AuditEntry, error) {
	if len(subjects) == 0 {
		return nil, nil
	}
	args := []any{fmtTime(since)}
	for _, sub := range subjects {
		args = append(args, sub)
	}
	query := `SELECT seq, at, actor, action, subject, data, prev, hash FROM audit_log WHERE at >= ? AND subject IN (?` +
		strings.Repeat(", ?", len(subjects)-1) + `) ORDER BY seq`
	if limit > 0 {
		query += ` LIMIT ?`
		args = append(args, limit)
	}
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, fmt.Errorf("audit about %s: %w", strings.Join(subjects, ", "), err)
	}
	return scanAudit(rows)
}
