package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
)

// CreateUser implements store.Review.
func (s *Store) CreateUser(ctx context.Context, u entity.User) error {
	if err := u.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM users WHERE name = ?`), u.Name).Scan(&n); err != nil {
			return fmt.Errorf("user %s: %w", u.Name, err)
		}
		if n > 0 {
			return fmt.Errorf("user %s: %w: the name is taken", u.Name, store.ErrConflict)
		}
		_, err := tx.ExecContext(ctx, s.q(`INSERT INTO users (name, display_name, role, password_hash, disabled_at, created_at) VALUES (?, ?, ?, ?, ?, ?)`),
			u.Name, u.DisplayName, u.Role, u.PasswordHash, fmtTime(u.Disabled), fmtTime(u.CreatedAt))
		if err != nil {
			return fmt.Errorf("user %s: %w", u.Name, err)
		}
		return nil
	})
}

// UpdateUser implements store.Review.
func (s *Store) UpdateUser(ctx context.Context, u entity.User) error {
	if err := u.Validate(); err != nil {
		return err
	}
	res, err := s.db.ExecContext(ctx, s.q(`UPDATE users SET display_name = ?, role = ?, password_hash = ?, disabled_at = ? WHERE name = ?`),
		u.DisplayName, u.Role, u.PasswordHash, fmtTime(u.Disabled), u.Name)
	if err != nil {
		return fmt.Errorf("user %s: %w", u.Name, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("user %s: %w", u.Name, store.ErrNotFound)
	}
	return nil
}

const userColumns = `name, display_name, role, password_hash, disabled_at, created_at`

func scanUser(row interface{ Scan(...any) error }) (*entity.User, error) {
	var u entity.User
	var disabled, created string
	if err := row.Scan(&u.Name, &u.DisplayName, &u.Role, &u.PasswordHash, &disabled, &created); err != nil {
		return nil, err
	}
	var err error
	if u.Disabled, err = parseTime(disabled); err != nil {
		return nil, err
	}
	if u.CreatedAt, err = parseTime(created); err != nil {
		return nil, err
	}
	return &u, nil
}

// User implements store.Review.
func (s *Store) User(ctx context.Context, name string) (*entity.User, error) {
	u, err := scanUser(s.db.QueryRowContext(ctx, s.q(`SELECT `+userColumns+` FROM users WHERE name = ?`), name))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("user %s: %w", name, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("user %s: %w", name, err)
	}
	return u, nil
}

// Users implements store.Review.
func (s *Store) Users(ctx context.Context) ([]entity.User, error) {
	return queryAll(ctx, s.db, "users", scanUser, `SELECT `+userColumns+` FROM users ORDER BY name`)
}

// CreateSession implements store.Review.
func (s *Store) CreateSession(ctx context.Context, sess entity.Session) error {
	if sess.TokenHash == "" || sess.User == "" || sess.CSRF == "" {
		return fmt.Errorf("%w: session needs a token hash, a user and a CSRF token", entity.ErrInvalid)
	}
	_, err := s.db.ExecContext(ctx, s.q(`INSERT INTO sessions (token_hash, user_name, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`),
		sess.TokenHash, sess.User, sess.CSRF, fmtTime(sess.CreatedAt), fmtTime(sess.ExpiresAt))
	if err != nil {
		return fmt.Errorf("session of %s: %w", sess.User, err)
	}
	// Expired sessions are of no use to anyone: sweep them now and then.
	_, err = s.db.ExecContext(ctx, s.q(`DELETE FROM sessions WHERE expires_at < ?`), fmtTime(sess.CreatedAt))
	return err
}

// Session implements store.Review.
func (s *Store) Session(ctx context.Context, tokenHash string) (*entity.Session, error) {
	var sess entity.Session
	var created, expires string
	err := s.db.QueryRowContext(ctx, s.q(`SELECT token_hash, user_name, csrf, created_at, expires_at FROM sessions WHERE token_hash = ?`), tokenHash).
		Scan(&sess.TokenHash, &sess.User, &sess.CSRF, &created, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("session: %w", store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("session: %w", err)
	}
	if sess.CreatedAt, err = parseTime(created); err != nil {
		return nil, err
	}
	if sess.ExpiresAt, err = parseTime(expires); err != nil {
		return nil, err
	}
	return &sess, nil
}

// DeleteSessions implements store.Review.
func (s *Store) DeleteSessions(ctx context.Context, tokenHash, user string) error {
	var err error
	if tokenHash != "" {
		_, err = s.db.ExecContext(ctx, s.q(`DELETE FROM sessions WHERE token_hash = ?`), tokenHash)
	} else {
		_, err = s.db.ExecContext(ctx, s.q(`DELETE FROM sessions WHERE user_name = ?`), user)
	}
	if err != nil {
		return fmt.Errorf("delete sessions: %w", err)
	}
	return nil
}

// ActOnAlert implements store.Review.
func (s *Store) ActOnAlert(ctx context.Context, c store.AlertChange) (*entity.Alert, error) {
	a := c.Action
	var out *entity.Alert
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		set, args := "status = ?, updated_at = ?", []any{c.To, fmtTime(a.At)}
		if c.Assignee != nil {
			set += ", assignee = ?"
			args = append(args, *c.Assignee)
		}
		args = append(args, a.AlertID, c.From)
		res, err := tx.ExecContext(ctx, s.q(`UPDATE alerts SET `+set+` WHERE id = ? AND status = ?`), args...)
		if err != nil {
			return fmt.Errorf("alert %d: %w", a.AlertID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			var status string
			err := tx.QueryRowContext(ctx, s.q(`SELECT status FROM alerts WHERE id = ?`), a.AlertID).Scan(&status)
			if errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("alert %d: %w", a.AlertID, store.ErrNotFound)
			}
			if err != nil {
				return fmt.Errorf("alert %d: %w", a.AlertID, err)
			}
			return fmt.Errorf("alert %d is %s, not %s: %w", a.AlertID, status, c.From, store.ErrConflict)
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO alert_actions (alert_id, kind, decision, reason, user_name, at) VALUES (?, ?, ?, ?, ?, ?)`),
			a.AlertID, a.Kind, a.Decision, a.Reason, a.User, fmtTime(a.At)); err != nil {
			return fmt.Errorf("alert %d: action: %w", a.AlertID, err)
		}
		entries := []entity.AuditEntry{c.Audit}
		if e := c.Allow; e != nil {
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO allow_list (customer_id, entity_id, alert_id, decided_by, approved_by, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)`),
				e.CustomerID, e.EntityID, a.AlertID, e.DecidedBy, e.ApprovedBy, e.Reason, fmtTime(e.At)); err != nil {
				return fmt.Errorf("alert %d: allow-list: %w", a.AlertID, err)
			}
			ae, err := chain.Entry(e.At, a.User, chain.ActionAllowAdd, e.CustomerID+"/"+e.EntityID,
				map[string]any{"alert": a.AlertID, "decidedBy": e.DecidedBy, "approvedBy": e.ApprovedBy, "reason": e.Reason})
			if err != nil {
				return err
			}
			entries = append(entries, ae)
		}
		if c.Audit.Action != "" {
			if _, err := s.appendAudit(ctx, tx, entries); err != nil {
				return err
			}
		}
		out, err = scanAlert(tx.QueryRowContext(ctx, s.q(`SELECT `+alertColumns+` FROM alerts WHERE id = ?`), a.AlertID))
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// AlertActions implements store.Review.
func (s *Store) AlertActions(ctx context.Context, alertID int64) ([]entity.AlertAction, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT id, alert_id, kind, decision, reason, user_name, at FROM alert_actions WHERE alert_id = ? ORDER BY id`), alertID)
	if err != nil {
		return nil, fmt.Errorf("alert %d: actions: %w", alertID, err)
	}
	defer rows.Close()
	var out []entity.AlertAction
	for rows.Next() {
		var a entity.AlertAction
		var at string
		if err := rows.Scan(&a.ID, &a.AlertID, &a.Kind, &a.Decision, &a.Reason, &a.User, &at); err != nil {
			return nil, err
		}
		if a.At, err = parseTime(at); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// AllowList implements store.Review.
func (s *Store) AllowList(ctx context.Context, customerID, entityID string, active bool) ([]entity.AllowEntry, error) {
	return s.allowList(ctx, s.db, customerID, entityID, active)
}

func (s *Store) allowList(ctx context.Context, q querier, customerID, entityID string, active bool) ([]entity.AllowEntry, error) {
	var where []string
	var args []any
	if customerID != "" {
		where, args = append(where, "customer_id = ?"), append(args, customerID)
	}
	if entityID != "" {
		where, args = append(where, "entity_id = ?"), append(args, entityID)
	}
	if active {
		where = append(where, "revoked_at = ''")
	}
	return s.allowListWhere(ctx, q, where, args...)
}

// allowListWhere returns the allow-list entries meeting every condition
// of where, newest first.
func (s *Store) allowListWhere(ctx context.Context, q querier, where []string, args ...any) ([]entity.AllowEntry, error) {
	query := `SELECT customer_id, entity_id, alert_id, decided_by, approved_by, reason, at, revoked_at, revoke_reason FROM allow_list`
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, " AND ")
	}
	rows, err := q.QueryContext(ctx, s.q(query+` ORDER BY id DESC`), args...)
	if err != nil {
		return nil, fmt.Errorf("allow-list: %w", err)
	}
	defer rows.Close()
	var out []entity.AllowEntry
	for rows.Next() {
		var e entity.AllowEntry
		var at, revoked string
		if err := rows.Scan(&e.CustomerID, &e.EntityID, &e.AlertID, &e.DecidedBy, &e.ApprovedBy, &e.Reason, &at, &revoked, &e.RevokeReason); err != nil {
			return nil, err
		}
		if e.At, err = parseTime(at); err != nil {
			return nil, err
		}
		if e.Revoked, err = parseTime(revoked); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Rearm implements store.Review.
func (s *Store) Rearm(ctx context.Context, as []entity.Alert, reason string, at time.Time, auditEntry func(entity.AllowEntry, entity.Alert) entity.AuditEntry) ([]entity.Alert, error) {
	var out []entity.Alert
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		out = out[:0]
		var entries []entity.AuditEntry
		for _, a := range as {
			if a.SubjectID == "" {
				a.SubjectID = a.EntityID
			}
			allowed, err := s.allowListWhere(ctx, tx, []string{"revoked_at = ''", pairAllowed}, a.CustomerID, a.CustomerID, a.SubjectID)
			if err != nil {
				return err
			}
			if len(allowed) == 0 {
				continue
			}
			if _, err := tx.ExecContext(ctx, s.q(`UPDATE allow_list SET revoked_at = ?, revoke_reason = ? WHERE revoked_at = '' AND `+pairAllowed),
				fmtTime(at), reason, a.CustomerID, a.CustomerID, a.SubjectID); err != nil {
				return fmt.Errorf("allow-list %s/%s: %w", a.CustomerID, a.SubjectID, err)
			}
			if _, err := s.insertAlert(ctx, tx, &a, false); err != nil {
				return fmt.Errorf("re-alert: %w", err)
			}
			out = append(out, a)
			if auditEntry != nil {
				e := allowed[0]
				e.Revoked, e.RevokeReason = at, reason
				entries = append(entries, auditEntry(e, a))
			}
		}
		if len(entries) > 0 {
			if _, err := s.appendAudit(ctx, tx, entries); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// AppendAudit implements store.Audit.
func (s *Store) AppendAudit(ctx context.Context, es ...entity.AuditEntry) ([]entity.AuditEntry, error) {
	var out []entity.AuditEntry
	known, ok := s.head.load()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		if ok && s.d.Name != Postgres.Name {
			out, err = s.appendAuditAfter(ctx, tx, es, &known)
		} else {
			out, err = s.appendAuditAfter(ctx, tx, es, nil)
		}
		return err
	})
	if err != nil {
		s.head.forget()
		return nil, err
	}
	if len(out) > 0 {
		last := out[len(out)-1]
		s.head.store(auditHead{last.Seq, last.Hash})
	}
	return out, nil
}

// auditHead is the sequence number and hash of the trail's last entry.
type auditHead struct {
	seq  int64
	hash string
}

// knownHead is the head of the trail as this store's last AppendAudit
// left it. On SQLite, AppendAudit chains after it without reading the
// head again (a query that cost a fifth of a screening summary's
// transaction); an append by anyone else since (another process, or
// the other appends of this store, which do not update it) is caught by
// the primary key on seq, and the append retried after the head read.
// PostgreSQL's replicas append to one trail, so there it is always read.
type knownHead struct {
	mu   sync.Mutex
	head auditHead
	ok   bool
}

func (k *knownHead) load() (auditHead, bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.head, k.ok
}

func (k *knownHead) store(h auditHead) {
	k.mu.Lock()
	k.head, k.ok = h, true
	k.mu.Unlock()
}

func (k *knownHead) forget() {
	k.mu.Lock()
	k.ok = false
	k.mu.Unlock()
}

// auditLockKey is the PostgreSQL advisory lock that serialises appends to
// the audit trail across replicas: each append reads the last entry's
// hash, so two at once would fork the chain. (SQLite's write
// transactions are serial already: veto opens them IMMEDIATE.)
const auditLockKey = 0x7665746f61756469 // "vetoaudi"

// appendAudit chains and inserts entries within tx.
func (s *Store) appendAudit(ctx context.Context, tx *sql.Tx, es []entity.AuditEntry) ([]entity.AuditEntry, error) {
	return s.appendAuditAfter(ctx, tx, es, nil)
}

// appendAuditAfter chains entries after known, the trail's head if the
// caller knows it (nil: read it), and inserts them within tx. When known
// is stale, the first insert fails on seq's primary key, which SQLite
// rolls back alone: the head is then read and the entries chained and
// inserted again.
func (s *Store) appendAuditAfter(ctx context.Context, tx *sql.Tx, es []entity.AuditEntry, known *auditHead) ([]entity.AuditEntry, error) {
	if len(es) == 0 {
		return nil, nil
	}
	if s.d.Name == Postgres.Name {
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(auditLockKey)); err != nil {
			return nil, fmt.Errorf("audit: lock: %w", err)
		}
	}
	out := make([]entity.AuditEntry, len(es))
	for i, e := range es {
		if e.Action == "" {
			return nil, fmt.Errorf("%w: audit entry without an action", entity.ErrInvalid)
		}
		if len(e.Data) == 0 {
			e.Data = json.RawMessage("null")
		}
		data, err := chain.Canonical(e.Data)
		if err != nil {
			return nil, fmt.Errorf("audit entry %s %s: %w", e.Action, e.Subject, err)
		}
		e.Data = data
		// Stored times keep nanoseconds: the hash covers them.
		out[i] = e
	}
	if known != nil {
		chain.Chain(known.seq, known.hash, out)
		inserted, err := s.insertAudit(ctx, tx, out)
		if err == nil {
			return out, nil
		}
		if inserted > 0 {
			return nil, err
		}
	}
	head, err := s.prepared(ctx, tx, `SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`)
	if err != nil {
		return nil, fmt.Errorf("audit: head: %w", err)
	}
	var seq int64
	prev := chain.Genesis
	err = head.QueryRowContext(ctx).Scan(&seq, &prev)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("audit: head: %w", err)
	}
	chain.Chain(seq, prev, out)
	if _, err := s.insertAudit(ctx, tx, out); err != nil {
		return nil, err
	}
	return out, nil
}

// insertAudit inserts chained entries, and says how many were inserted
// before an error.
//
// Rows go in many to a statement, of a few fixed sizes prepared once
// each: screening summaries come in groups, and each statement run costs
// a round through database/sql and the driver, more than its row costs
// SQLite.
func (s *Store) insertAudit(ctx context.Context, tx *sql.Tx, es []entity.AuditEntry) (int, error) {
	done := 0
	for done < len(es) {
		n := auditInsertRows(len(es) - done)
		insert, err := s.prepared(ctx, tx, auditInsert(n))
		if err != nil {
			return done, fmt.Errorf("audit: append: %w", err)
		}
		args := make([]any, 0, 8*n)
		for _, e := range es[done : done+n] {
			args = append(args, e.Seq, fmtTime(e.At), e.Actor, e.Action, e.Subject, string(e.Data), e.Prev, e.Hash)
		}
		if _, err := insert.ExecContext(ctx, args...); err != nil {
			return done, fmt.Errorf("audit: append %d-%d: %w", es[done].Seq, es[done+n-1].Seq, err)
		}
		done += n
	}
	return done, nil
}

// auditInsertSizes are the rows per INSERT statement appendAudit uses,
// largest first: a group of 23 takes 16 + 4 + 1 + 1 + 1.
var auditInsertSizes = []int{64, 16, 4, 1}

// auditInsertRows is the rows of the next statement for n rows to insert.
func auditInsertRows(n int) int {
	for _, k := range auditInsertSizes {
		if n >= k {
			return k
		}
	}
	return n
}

// auditInserts are the INSERT statements of auditInsertSizes' rows, made
// once: the statement is the key of the prepared statement looked up at
// every commit, and the one of 64 rows is 1.7 KB to build.
var auditInserts = func() map[int]string {
	m := map[int]string{}
	for _, n := range auditInsertSizes {
		m[n] = "INSERT INTO audit_log (seq, at, actor, action, subject, data, prev, hash) VALUES " +
			strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?, ?, ?, ?, ?), ", n), ", ")
	}
	return m
}()

// auditInsert is the INSERT statement of n audit rows, n one of
// auditInsertSizes.
func auditInsert(n int) string { return auditInserts[n] }

// AuditEntries implements store.Audit.
func (s *Store) AuditEntries(ctx context.Context, f store.AuditFilter) ([]entity.AuditEntry, error) {
	where, args := []string{"seq > ?"}, []any{f.AfterSeq}
	if !f.From.IsZero() {
		where, args = append(where, "at >= ?"), append(args, fmtTime(f.From))
	}
	if !f.To.IsZero() {
		where, args = append(where, "at < ?"), append(args, fmtTime(f.To))
	}
	query := `SELECT seq, at, actor, action, subject, data, prev, hash FROM audit_log WHERE ` + strings.Join(where, " AND ") + ` ORDER BY seq`
	if f.Limit > 0 {
		query += ` LIMIT ?`
		args = append(args, f.Limit)
	}
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, fmt.Errorf("audit: %w", err)
	}
	return scanAudit(rows)
}

// scanAudit reads the rows of a query of audit_log's columns seq, at,
// actor, action, subject, data, prev, hash, and closes them.
func scanAudit(rows *sql.Rows) ([]entity.AuditEntry, error) {
	defer rows.Close()
	var out []entity.AuditEntry
	for rows.Next() {
		var e entity.AuditEntry
		var at, data string
		if err := rows.Scan(&e.Seq, &at, &e.Actor, &e.Action, &e.Subject, &data, &e.Prev, &e.Hash); err != nil {
			return nil, fmt.Errorf("audit: %w", err)
		}
		var err error
		if e.At, err = parseTime(at); err != nil {
			// An altered time must not stop the verification that
			// would report it: keep the zero time, which breaks the
			// hash.
			e.At = time.Time{}
		}
		e.Data = json.RawMessage(data)
		out = append(out, e)
	}
	return out, rows.Err()
}

// AuditHead implements store.Audit.
func (s *Store) AuditHead(ctx context.Context) (int64, string, error) {
	var seq int64
	var hash string
	err := s.db.QueryRowContext(ctx, `SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`).Scan(&seq, &hash)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, "", nil
	}
	if err != nil {
		return 0, "", fmt.Errorf("audit: head: %w", err)
	}
	return seq, hash, nil
}

// AppendCheckpoint implements store.Audit.
func (s *Store) AppendCheckpoint(ctx context.Context, c entity.AuditCheckpoint) error {
	if _, err := s.db.ExecContext(ctx, s.q(`INSERT INTO audit_checkpoints (seq, head, at, key, mac) VALUES (?, ?, ?, ?, ?)`),
		c.Seq, c.Head, fmtTime(c.At), c.Key, c.MAC); err != nil {
		return fmt.Errorf("audit: checkpoint %d: %w", c.Seq, err)
	}
	return nil
}

// AuditCheckpoints implements store.Audit.
func (s *Store) AuditCheckpoints(ctx context.Context) ([]entity.AuditCheckpoint, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT seq, head, at, key, mac FROM audit_checkpoints ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("audit: checkpoints: %w", err)
	}
	defer rows.Close()
	var out []entity.AuditCheckpoint
	for rows.Next() {
		var c entity.AuditCheckpoint
		var at string
		if err := rows.Scan(&c.Seq, &c.Head, &at, &c.Key, &c.MAC); err != nil {
			return nil, fmt.Errorf("audit: checkpoints: %w", err)
		}
		// An altered time is reported by the MAC check, not here.
		c.At, _ = parseTime(at)
		out = append(out, c)
	}
	return out, rows.Err()
}
