package sqlstore

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
)

// alertExists returns ErrNotFound unless the alert exists.
func (s *Store) alertExists(ctx context.Context, tx *sql.Tx, id int64) error {
	var n int
	if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM alerts WHERE id = ?`), id).Scan(&n); err != nil {
		return fmt.Errorf("alert %d: %w", id, err)
	}
	if n == 0 {
		return fmt.Errorf("alert %d: %w", id, store.ErrNotFound)
	}
	return nil
}

// addToAlert stores a row of an alert's case file with insert, then the
// audit entry audit makes of it (unless it has no action), in one
// transaction.
func (s *Store) addToAlert(ctx context.Context, alertID int64, insert func(tx *sql.Tx) error, audit func() entity.AuditEntry) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.alertExists(ctx, tx, alertID); err != nil {
			return err
		}
		if err := insert(tx); err != nil {
			return fmt.Errorf("alert %d: %w", alertID, err)
		}
		if e := audit(); e.Action != "" {
			_, err := s.appendAudit(ctx, tx, []entity.AuditEntry{e})
			return err
		}
		return nil
	})
}

// AddNote implements store.Notes.
func (s *Store) AddNote(ctx context.Context, n entity.AlertNote, audit func(entity.AlertNote) entity.AuditEntry) (entity.AlertNote, error) {
	if strings.TrimSpace(n.Text) == "" || n.Author == "" {
		return n, fmt.Errorf("%w: a note needs an author and text", entity.ErrInvalid)
	}
	err := s.addToAlert(ctx, n.AlertID, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, s.q(`INSERT INTO alert_notes (alert_id, author, at, text) VALUES (?, ?, ?, ?) RETURNING id`),
			n.AlertID, n.Author, fmtTime(n.At), n.Text).Scan(&n.ID)
	}, func() entity.AuditEntry { return callAudit(audit, n) })
	return n, err
}

// AlertNotes implements store.Notes.
func (s *Store) AlertNotes(ctx context.Context, alertID int64) ([]entity.AlertNote, error) {
	return queryAll(ctx, s.db, "notes", func(row interface{ Scan(...any) error }) (*entity.AlertNote, error) {
		var n entity.AlertNote
		var at string
		if err := row.Scan(&n.ID, &n.AlertID, &n.Author, &at, &n.Text); err != nil {
			return nil, err
		}
		var err error
		n.At, err = parseTime(at)
		return &n, err
	}, s.q(`SELECT id, alert_id, author, at, text FROM alert_notes WHERE alert_id = ? ORDER BY id`), alertID)
}

// AddAttachment implements store.Notes.
func (s *Store) AddAttachment(ctx context.Context, a entity.Attachment, audit func(entity.Attachment) entity.AuditEntry) (entity.Attachment, error) {
	if a.Name == "" || a.Author == "" {
		return a, fmt.Errorf("%w: an attachment needs a file name and an author", entity.ErrInvalid)
	}
	sum := sha256.Sum256(a.Data)
	a.SHA256, a.Size = hex.EncodeToString(sum[:]), int64(len(a.Data))
	err := s.addToAlert(ctx, a.AlertID, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, s.q(`INSERT INTO alert_attachments (alert_id, author, at, name, content_type, size, sha256, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
			a.AlertID, a.Author, fmtTime(a.At), a.Name, a.ContentType, a.Size, a.SHA256, a.Data).Scan(&a.ID)
	}, func() entity.AuditEntry { return callAudit(audit, a) })
	return a, err
}

// callAudit returns audit(v), or no entry when audit is nil.
func callAudit[T any](audit func(T) entity.AuditEntry, v T) entity.AuditEntry {
	if audit == nil {
		return entity.AuditEntry{}
	}
	return audit(v)
}

const attachmentColumns = `id, alert_id, author, at, name, content_type, size, sha256`

func scanAttachment(row interface{ Scan(...any) error }, data *[]byte) (*entity.Attachment, error) {
	var a entity.Attachment
	var at string
	dest := []any{&a.ID, &a.AlertID, &a.Author, &at, &a.Name, &a.ContentType, &a.Size, &a.SHA256}
	if data != nil {
		dest = append(dest, data)
	}
	if err := row.Scan(dest...); err != nil {
		return nil, err
	}
	var err error
	a.At, err = parseTime(at)
	return &a, err
}

// Attachments implements store.Notes.
func (s *Store) Attachments(ctx context.Context, alertID int64) ([]entity.Attachment, error) {
	return queryAll(ctx, s.db, "attachments", func(row interface{ Scan(...any) error }) (*entity.Attachment, error) {
		return scanAttachment(row, nil)
	}, s.q(`SELECT `+attachmentColumns+` FROM alert_attachments WHERE alert_id = ? ORDER BY id`), alertID)
}

// Attachment implements store.Notes.
func (s *Store) Attachment(ctx context.Context, id int64) (*entity.Attachment, error) {
	var data []byte
	a, err := scanAttachment(s.db.QueryRowContext(ctx, s.q(`SELECT `+attachmentColumns+`, data FROM alert_attachments WHERE id = ?`), id), &data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("attachment %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("attachment %d: %w", id, err)
	}
	if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != a.SHA256 {
		return nil, fmt.Errorf("attachment %d: %w: its data no longer has SHA-256 %s", id, store.ErrCorrupt, a.SHA256)
	}
	a.Data = data
	return a, nil
}
