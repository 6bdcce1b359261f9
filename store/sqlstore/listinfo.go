package sqlstore

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
)

var _ store.ListInfos = (*Store)(nil)

// PutListInfo implements store.ListInfos.
func (s *Store) PutListInfo(ctx context.Context, li entity.ListInfo) error {
	if li.List == "" || li.Kind == "" || li.Jurisdiction == "" {
		return fmt.Errorf("%w: list info %+v lacks a list, kind or jurisdiction", entity.ErrInvalid, li)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM list_info WHERE list = ?`), li.List); err != nil {
			return fmt.Errorf("list info %s: %w", li.List, err)
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO list_info (list, kind, jurisdiction, title, publisher, updated_at) VALUES (?, ?, ?, ?, ?, ?)`),
			li.List, li.Kind, li.Jurisdiction, li.Title, li.Publisher, fmtTime(li.UpdatedAt)); err != nil {
			return fmt.Errorf("list info %s: %w", li.List, err)
		}
		return nil
	})
}

// ListInfos implements store.ListInfos.
func (s *Store) ListInfos(ctx context.Context) ([]entity.ListInfo, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT list, kind, jurisdiction, title, publisher, updated_at FROM list_info ORDER BY list`)
	if err != nil {
		return nil, fmt.Errorf("list infos: %w", err)
	}
	defer rows.Close()
	var out []entity.ListInfo
	for rows.Next() {
		var li entity.ListInfo
		var at string
		if err := rows.Scan(&li.List, &li.Kind, &li.Jurisdiction, &li.Title, &li.Publisher, &at); err != nil {
			return nil, fmt.Errorf("list infos: %w", err)
		}
		if li.UpdatedAt, err = parseTime(at); err != nil {
			return nil, fmt.Errorf("list infos: %w", err)
		}
		out = append(out, li)
	}
	return out, rows.Err()
}
