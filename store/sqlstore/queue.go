package sqlstore

import (
	"context"
	"fmt"
	"strings"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
)

// conds are the conditions of a WHERE clause and their arguments.
type conds struct {
	where []string
	args  []any
}

func (c *conds) add(cond string, v any) {
	c.where = append(c.where, cond)
	c.args = append(c.args, v)
}

// clause is " WHERE" and the conditions joined by AND, or "" for none.
func (c *conds) clause() string {
	if len(c.where) == 0 {
		return ""
	}
	return ` WHERE ` + strings.Join(c.where, " AND ")
}

// alertWhere is the conditions of f.
func alertWhere(f store.AlertFilter) *conds {
	c := &conds{}
	if f.Status != "" {
		c.add("status = ?", f.Status)
	}
	if f.CustomerID != "" {
		c.add("customer_id = ?", f.CustomerID)
	}
	if f.EntityID != "" {
		c.add("entity_id = ?", f.EntityID)
	}
	if f.SubjectID != "" {
		c.add("subject_id = ?", f.SubjectID)
	}
	if f.List != "" {
		c.add("list = ?", f.List)
	}
	switch f.Kind {
	case "":
	case entity.KindSanction: // the official lists have no list_info
		c.add("list NOT IN (SELECT list FROM list_info WHERE kind <> ?)", entity.KindSanction)
	default:
		c.add("list IN (SELECT list FROM list_info WHERE kind = ?)", f.Kind)
	}
	if f.MinScore > 0 {
		c.add("score >= ?", f.MinScore)
	}
	if f.MaxScore > 0 {
		c.add("score <= ?", f.MaxScore)
	}
	switch f.Assignee {
	case "":
	case "-":
		c.add("assignee = ?", "")
	default:
		c.add("assignee = ?", f.Assignee)
	}
	if !f.CreatedAfter.IsZero() {
		c.add("created_at >= ?", fmtTime(f.CreatedAfter))
	}
	if !f.CreatedBefore.IsZero() {
		c.add("created_at < ?", fmtTime(f.CreatedBefore))
	}
	if f.BeforeID > 0 {
		c.add("id < ?", f.BeforeID)
	}
	return c
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

// CountAlerts implements store.Queue: a query a status, each a range of
// an index that starts with the status, stopped at max.
func (s *Store) CountAlerts(ctx context.Context, f store.AlertFilter, statuses []string, max int) (map[string]int, error) {
	out := map[string]int{}
	f.BeforeID = 0
	for _, st := range statuses {
		f.Status = st
		c := alertWhere(f)
		query := `SELECT COUNT(*) FROM alerts` + c.clause()
		if max > 0 {
			query = `SELECT COUNT(*) FROM (SELECT 1 FROM alerts` + c.clause() + ` LIMIT ?) AS capped`
			c.args = append(c.args, max)
		}
		var n int
		if err := s.db.QueryRowContext(ctx, s.q(query), c.args...).Scan(&n); err != nil {
			return nil, fmt.Errorf("count %s alerts: %w", st, err)
		}
		out[st] = n
	}
	return out, nil
}
