package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
)

var _ store.Subjects = (*Store)(nil)

// AddSubjectDecision implements store.Subjects.
func (s *Store) AddSubjectDecision(ctx context.Context, d entity.SubjectDecision, audit func(entity.SubjectDecision) entity.AuditEntry) (entity.SubjectDecision, error) {
	if err := d.Validate(); err != nil {
		return entity.SubjectDecision{}, err
	}
	sides := d.Sides
	if sides == nil {
		sides = [][]string{}
	}
	js, err := json.Marshal(sides)
	if err != nil {
		return entity.SubjectDecision{}, err
	}
	d.RevokedBy, d.RevokedAt = 0, time.Time{}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, s.q(`INSERT INTO subject_decisions (kind, sides, revokes, note, actor, at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`),
			d.Kind, string(js), d.Revokes, d.Note, d.Actor, fmtTime(d.At)).Scan(&d.ID)
		if err != nil {
			return fmt.Errorf("subject decision: %w", err)
		}
		if d.Kind == entity.DecisionRevoke {
			if err := s.revokeDecision(ctx, tx, d); err != nil {
				return err
			}
		}
		if audit == nil {
			return nil
		}
		e := audit(d)
		if e.Action == "" {
			return nil
		}
		if _, err := s.appendAudit(ctx, tx, []entity.AuditEntry{e}); err != nil {
			return fmt.Errorf("subject decision %d: %w", d.ID, err)
		}
		return nil
	})
	if err != nil {
		return entity.SubjectDecision{}, err
	}
	return d, nil
}

// revokeDecision marks the decision r revokes revoked by r. The update
// itself checks that it is still in force, so that of two analysts
// revoking one decision at once, one is refused.
func (s *Store) revokeDecision(ctx context.Context, tx *sql.Tx, r entity.SubjectDecision) error {
	res, err := tx.ExecContext(ctx, s.q(`UPDATE subject_decisions SET revoked_by = ?, revoked_at = ? WHERE id = ? AND revoked_by = 0 AND kind <> ?`),
		r.ID, fmtTime(r.At), r.Revokes, entity.DecisionRevoke)
	if err != nil {
		return fmt.Errorf("revoke subject decision %d: %w", r.Revokes, err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 1 {
		return err
	}
	var kind string
	var by int64
	err = tx.QueryRowContext(ctx, s.q(`SELECT kind, revoked_by FROM subject_decisions WHERE id = ?`), r.Revokes).Scan(&kind, &by)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("subject decision %d: %w", r.Revokes, store.ErrNotFound)
	case err != nil:
		return fmt.Errorf("revoke subject decision %d: %w", r.Revokes, err)
	case kind == entity.DecisionRevoke:
		return fmt.Errorf("subject decision %d is a revocation, which cannot be revoked: %w", r.Revokes, store.ErrConflict)
	}
	return fmt.Errorf("subject decision %d was revoked by decision %d: %w", r.Revokes, by, store.ErrConflict)
}

func scanDecision(row interface{ Scan(...any) error }) (*entity.SubjectDecision, error) {
	var d entity.SubjectDecision
	var sides, at, revoked string
	if err := row.Scan(&d.ID, &d.Kind, &sides, &d.Revokes, &d.Note, &d.Actor, &at, &d.RevokedBy, &revoked); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(sides), &d.Sides); err != nil {
		return nil, fmt.Errorf("subject decision %d: sides: %w", d.ID, err)
	}
	if len(d.Sides) == 0 {
		d.Sides = nil
	}
	var err error
	if d.At, err = parseTime(at); err != nil {
		return nil, err
	}
	if d.RevokedAt, err = parseTime(revoked); err != nil {
		return nil, err
	}
	return &d, nil
}

// SubjectDecisions implements store.Subjects.
func (s *Store) SubjectDecisions(ctx context.Context, active bool) ([]entity.SubjectDecision, error) {
	query := `SELECT id, kind, sides, revokes, note, actor, at, revoked_by, revoked_at FROM subject_decisions`
	var args []any
	if active {
		query += ` WHERE revoked_by = 0 AND kind <> ?`
		args = append(args, entity.DecisionRevoke)
	}
	return queryAll(ctx, s.db, "subject decisions", scanDecision, s.q(query+` ORDER BY id`), args...)
}

// SubjectIDs implements store.Subjects.
func (s *Store) SubjectIDs(ctx context.Context) (map[string]string, error) {
	return subjectIDs(ctx, s.db)
}

func subjectIDs(ctx context.Context, q querier) (map[string]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT entity_id, subject_id FROM subject_ids`)
	if err != nil {
		return nil, fmt.Errorf("subject IDs: %w", err)
	}
	defer rows.Close()
	ids := map[string]string{}
	for rows.Next() {
		var e, sub string
		if err := rows.Scan(&e, &sub); err != nil {
			return nil, fmt.Errorf("subject IDs: %w", err)
		}
		ids[e] = sub
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("subject IDs: %w", err)
	}
	return ids, nil
}

// PutSubjectIDs implements store.Subjects. A resolution changes few
// subject IDs: only those are written.
func (s *Store) PutSubjectIDs(ctx context.Context, ids map[string]string, at time.Time) (int, error) {
	changed := 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		old, err := subjectIDs(ctx, tx)
		if err != nil {
			return err
		}
		var gone, put []string
		for e := range old {
			if _, ok := ids[e]; !ok {
				gone = append(gone, e)
			}
		}
		for e, sub := range ids {
			if e == "" || sub == "" {
				return fmt.Errorf("%w: subject IDs: an empty entity or subject ID (%q: %q)", entity.ErrInvalid, e, sub)
			}
			if old[e] != sub {
				put = append(put, e)
			}
		}
		slices.Sort(gone)
		slices.Sort(put)
		changed = len(gone) + len(put)
		const batch = 300
		for start := 0; start < len(gone); start += batch {
			part := gone[start:min(start+batch, len(gone))]
			args := make([]any, len(part))
			for i, e := range part {
				args[i] = e
			}
			q := `DELETE FROM subject_ids WHERE entity_id IN (?` + strings.Repeat(", ?", len(part)-1) + `)`
			if _, err := tx.ExecContext(ctx, s.q(q), args...); err != nil {
				return fmt.Errorf("subject IDs: %w", err)
			}
		}
		for start := 0; start < len(put); start += batch {
			part := put[start:min(start+batch, len(put))]
			args := make([]any, 0, 3*len(part))
			for _, e := range part {
				args = append(args, e, ids[e], fmtTime(at))
			}
			q := `INSERT INTO subject_ids (entity_id, subject_id, at) VALUES (?, ?, ?)` + strings.Repeat(", (?, ?, ?)", len(part)-1) +
				` ON CONFLICT (entity_id) DO UPDATE SET subject_id = excluded.subject_id, at = excluded.at`
			if _, err := tx.ExecContext(ctx, s.q(q), args...); err != nil {
				return fmt.Errorf("subject IDs: %w", err)
			}
		}
		return nil
	})
	return changed, err
}
