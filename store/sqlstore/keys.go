package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
)

var _ store.Keys = (*Store)(nil)

// CreateKey implements store.Keys.
func (s *Store) CreateKey(ctx context.Context, k entity.APIKey, audit entity.AuditEntry) error {
	if err := k.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM api_keys WHERE id = ?`), k.ID).Scan(&n); err != nil {
			return fmt.Errorf("create key: %w", err)
		}
		if n > 0 {
			return fmt.Errorf("create key %s: %w", k.ID, store.ErrConflict)
		}
		_, err := tx.ExecContext(ctx, s.q(`INSERT INTO api_keys (id, name, role, hash, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?)`),
			k.ID, k.Name, k.Role, k.Hash, fmtTime(k.CreatedAt), fmtTime(k.RevokedAt))
		if err != nil {
			return fmt.Errorf("create key %s: %w", k.ID, err)
		}
		if audit.Action == "" {
			return nil
		}
		if _, err := s.appendAudit(ctx, tx, []entity.AuditEntry{audit}); err != nil {
			return fmt.Errorf("create key %s: %w", k.ID, err)
		}
		return nil
	})
}

func scanKey(row interface{ Scan(...any) error }) (*entity.APIKey, error) {
	var k entity.APIKey
	var created, revoked string
	if err := row.Scan(&k.ID, &k.Name, &k.Role, &k.Hash, &created, &revoked); err != nil {
		return nil, err
	}
	var err error
	if k.CreatedAt, err = parseTime(created); err != nil {
		return nil, err
	}
	if k.RevokedAt, err = parseTime(revoked); err != nil {
		return nil, err
	}
	return &k, nil
}

// Key implements store.Keys.
func (s *Store) Key(ctx context.Context, id string) (*entity.APIKey, error) {
	k, err := scanKey(s.db.QueryRowContext(ctx, s.q(`SELECT id, name, role, hash, created_at, revoked_at FROM api_keys WHERE id = ?`), id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("key %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("key %s: %w", id, err)
	}
	return k, nil
}

// ListKeys implements store.Keys.
func (s *Store) ListKeys(ctx context.Context) ([]entity.APIKey, error) {
	return queryAll(ctx, s.db, "list keys", scanKey, s.q(`SELECT id, name, role, hash, created_at, revoked_at FROM api_keys ORDER BY created_at, id`))
}

// RevokeKey implements store.Keys.
func (s *Store) RevokeKey(ctx context.Context, id string, at time.Time, audit entity.AuditEntry) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM api_keys WHERE id = ?`), id).Scan(&n); err != nil {
			return fmt.Errorf("revoke key %s: %w", id, err)
		}
		if n == 0 {
			return fmt.Errorf("key %s: %w", id, store.ErrNotFound)
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at = ''`), fmtTime(at), id); err != nil {
			return fmt.Errorf("revoke key %s: %w", id, err)
		}
		if audit.Action == "" {
			return nil
		}
		if _, err := s.appendAudit(ctx, tx, []entity.AuditEntry{audit}); err != nil {
			return fmt.Errorf("revoke key %s: %w", id, err)
		}
		return nil
	})
}
