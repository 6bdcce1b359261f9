package sqlstore

import (
	"context"
	"fmt"
	"strings"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
)

// alertWhere is the WHERE conditions of f, with its Status when
// withStatus (CountAlerts counts every status).
func alertWhere(f store.AlertFilter, withStatus bool) ([]string, []any) {
	var where []string
	var args []any
	add := func(cond string, v any) {
		where = append(where, cond)
		args = append(args, v)
	}
	if f.Status != "" && withStatus {
		add("status = ?", f.Status)
	}
	if f.CustomerID != "" {
		add("customer_id = ?", f.CustomerID)
	}
	if f.EntityID != "" {
		add("entity_id = ?", f.EntityID)
	}
	if f.SubjectID != "" {
		add("subject_id = ?", f.SubjectID)
	}
	if f.List != "" {
		add("list = ?", f.List)
	}
	if f.MinScore > 0 {
		add("score >= ?", f.MinScore)
	}
	if f.MaxScore > 0 {
		add("score <= ?", f.MaxScore)
	}
	switch f.Assignee {
	case "":
	case "-":
		add("assignee = ?", "")
	default:
		add("assignee = ?", f.Assignee)
	}
	if !f.CreatedAfter.IsZero() {
		add("created_at >= ?", fmtTime(f.CreatedAfter))
	}
	if !f.CreatedBefore.IsZero() {
		add("created_at < ?", fmtTime(f.CreatedBefore))
	}
	if f.BeforeID > 0 && withStatus {
		add("id < ?", f.BeforeID)
	}
	return where, args
}

// alertColumnOf is the column of each of store.AlertSorts: with the
// status first, each has an index (migration 0009).
var alertColumnOf = map[string]string{"score": "score", "list": "list", "customer": "customer_id", "id": "id"}

// alertOrder is the ORDER BY clause of f: its sort, then the ID, both
// descending with Desc; newest first without a sort.
func alertOrder(f store.AlertFilter) (string, error) {
	if f.Sort == "" {
		return ` ORDER BY id DESC`, nil
	}
	col, ok := alertColumnOf[f.Sort]
	if !ok {
		return "", fmt.Errorf("%w: alert sort %q, want one of %s", entity.ErrInvalid, f.Sort, strings.Join(store.AlertSorts, ", "))
	}
	dir := " ASC"
	if f.Desc {
		dir = " DESC"
	}
	if col == "id" {
		return ` ORDER BY id` + dir, nil
	}
	return ` ORDER BY ` + col + dir + `, id` + dir, nil
}

// CountAlerts implements store.Queue.
func (s *Store) CountAlerts(ctx context.Context, f store.AlertFilter) (map[string]int, error) {
	where, args := alertWhere(f, false)
	query := `SELECT status, COUNT(*) FROM alerts`
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, " AND ")
	}
	rows, err := s.db.QueryContext(ctx, s.q(query+` GROUP BY status`), args...)
	if err != nil {
		return nil, fmt.Errorf("count alerts: %w", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var status string
		var n int
		if err := rows.Scan(&status, &n); err != nil {
			return nil, fmt.Errorf("count alerts: %w", err)
		}
		out[status] = n
	}
	return out, rows.Err()
}
