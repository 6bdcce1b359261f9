package sqlstore

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
)

var _ store.Monitoring = (*Store)(nil)

// customerBatch is how many customers one INSERT carries.
const customerBatch = 200

// customerData is what is stored of a customer: the screening fields.
func customerData(c entity.Customer) ([]byte, string, error) {
	c.Removed, c.CreatedAt, c.UpdatedAt = time.Time{}, time.Time{}, time.Time{}
	data, err := json.Marshal(c)
	if err != nil {
		return nil, "", err
	}
	sum := sha256.Sum256(data)
	return data, hex.EncodeToString(sum[:]), nil
}

// PutCustomers implements store.Monitoring.
func (s *Store) PutCustomers(ctx context.Context, cs []entity.Customer, at time.Time) ([]string, error) {
	seen := make(map[string]bool, len(cs))
	for i := range cs {
		if err := cs[i].Validate(); err != nil {
			return nil, fmt.Errorf("customer %d: %w", i+1, err)
		}
		if seen[cs[i].ID] {
			return nil, fmt.Errorf("%w: customer %s given twice", entity.ErrInvalid, cs[i].ID)
		}
		seen[cs[i].ID] = true
	}
	now := fmtTime(at)
	var changed []string
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for start := 0; start < len(cs); start += customerBatch {
			part := cs[start:min(start+customerBatch, len(cs))]
			var b strings.Builder
			b.WriteString(`INSERT INTO customers (id, data, hash, removed, created_at, updated_at) VALUES `)
			args := make([]any, 0, len(part)*5)
			for i, c := range part {
				data, hash, err := customerData(c)
				if err != nil {
					return err
				}
				if i > 0 {
					b.WriteString(", ")
				}
				b.WriteString("(?, ?, ?, '', ?, ?)")
				args = append(args, c.ID, string(data), hash, now, now)
			}
			// An existing customer is updated only when its data changed
			// or it was removed; RETURNING gives the rows written.
			b.WriteString(` ON CONFLICT (id) DO UPDATE SET data = excluded.data, hash = excluded.hash, removed = '', updated_at = excluded.updated_at
				WHERE customers.hash <> excluded.hash OR customers.removed <> '' RETURNING id`)
			rows, err := tx.QueryContext(ctx, s.q(b.String()), args...)
			if err != nil {
				return fmt.Errorf("put customers: %w", err)
			}
			for rows.Next() {
				var id string
				if err := rows.Scan(&id); err != nil {
					rows.Close()
					return err
				}
				changed = append(changed, id)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return fmt.Errorf("put customers: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return changed, nil
}

func scanCustomer(row interface{ Scan(...any) error }) (*entity.Customer, error) {
	var id, data, removed, created, updated string
	if err := row.Scan(&id, &data, &removed, &created, &updated); err != nil {
		return nil, err
	}
	var c entity.Customer
	if err := json.Unmarshal([]byte(data), &c); err != nil {
		return nil, fmt.Errorf("customer %s: %w", id, err)
	}
	var err error
	if c.Removed, err = parseTime(removed); err != nil {
		return nil, err
	}
	if c.CreatedAt, err = parseTime(created); err != nil {
		return nil, err
	}
	if c.UpdatedAt, err = parseTime(updated); err != nil {
		return nil, err
	}
	return &c, nil
}

const customerColumns = `id, data, removed, created_at, updated_at`

// Customer implements store.Monitoring.
func (s *Store) Customer(ctx context.Context, id string) (*entity.Customer, error) {
	c, err := scanCustomer(s.db.QueryRowContext(ctx, s.q(`SELECT `+customerColumns+` FROM customers WHERE id = ?`), id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("customer %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("customer %s: %w", id, err)
	}
	return c, nil
}

// Customers implements store.Monitoring.
func (s *Store) Customers(ctx context.Context, after string, limit int) ([]entity.Customer, error) {
	query := `SELECT ` + customerColumns + ` FROM customers WHERE removed = '' AND id > ? ORDER BY id`
	args := []any{after}
	if limit > 0 {
		query += ` LIMIT ?`
		args = append(args, limit)
	}
	return queryAll(ctx, s.db, "customers", scanCustomer, s.q(query), args...)
}

// CountCustomers implements store.Monitoring.
func (s *Store) CountCustomers(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM customers WHERE removed = ''`).Scan(&n)
	return n, err
}

// RemoveCustomer implements store.Monitoring.
func (s *Store) RemoveCustomer(ctx context.Context, id string, at time.Time) error {
	res, err := s.db.ExecContext(ctx, s.q(`UPDATE customers SET removed = ?, updated_at = ? WHERE id = ? AND removed = ''`), fmtTime(at), fmtTime(at), id)
	if err != nil {
		return fmt.Errorf("remove customer %s: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		if _, err := s.Customer(ctx, id); err != nil {
			return err
		}
	}
	return nil
}

// AddAlerts implements store.Monitoring.
func (s *Store) AddAlerts(ctx context.Context, as []entity.Alert) ([]entity.Alert, error) {
	var out []entity.Alert
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		out = out[:0]
		for _, a := range as {
			ok, err := s.insertAlert(ctx, tx, &a, true)
			if err != nil {
				return err
			}
			if ok {
				out = append(out, a)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// insertAlert stores a within tx, setting its ID, status, subject and
// update time; with onlyNew, only when its (customer, subject) pair has
// no alert yet (ok false: it had one).
func (s *Store) insertAlert(ctx context.Context, tx *sql.Tx, a *entity.Alert, onlyNew bool) (ok bool, err error) {
	cust, err := json.Marshal(a.Customer)
	if err != nil {
		return false, err
	}
	hit := a.Hit
	if len(hit) == 0 {
		hit = json.RawMessage("{}")
	}
	versions, err := encodeRefs(a.Versions)
	if err != nil {
		return false, err
	}
	if a.Members == nil {
		a.Members = []string{} // a subject of one listing, not resolved yet
	}
	members, err := encodeMembers(a.Members)
	if err != nil {
		return false, err
	}
	if a.Status == "" {
		a.Status = entity.AlertOpen
	}
	if a.SubjectID == "" {
		a.SubjectID = a.EntityID
	}
	query := `INSERT INTO alerts
		(customer_id, entity_id, list, version_id, score, status, cause, customer, hit, created_at, updated_at, versions, subject_id, members)
		SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?`
	args := []any{a.CustomerID, a.EntityID, a.List, a.VersionID, a.Score, a.Status, a.Cause, string(cust), string(hit),
		fmtTime(a.CreatedAt), fmtTime(a.CreatedAt), versions, a.SubjectID, members}
	if onlyNew {
		query += ` WHERE NOT EXISTS (SELECT 1 FROM alerts WHERE customer_id = ? AND subject_id = ?)`
		args = append(args, a.CustomerID, a.SubjectID)
	}
	err = tx.QueryRowContext(ctx, s.q(query+` RETURNING id`), args...).Scan(&a.ID)
	if onlyNew && errors.Is(err, sql.ErrNoRows) {
		return false, nil // raised before
	}
	if err != nil {
		return false, fmt.Errorf("add alert %s/%s: %w", a.CustomerID, a.SubjectID, err)
	}
	a.UpdatedAt = a.CreatedAt
	return true, nil
}

// encodeMembers encodes the member listings of an alert's subject.
func encodeMembers(ids []string) (string, error) {
	if ids == nil {
		ids = []string{}
	}
	b, err := json.Marshal(ids)
	if err != nil {
		return "", fmt.Errorf("encode members: %w", err)
	}
	return string(b), nil
}

// AdoptSubjects implements store.Monitoring.
func (s *Store) AdoptSubjects(ctx context.Context, subjectOf func(string) (string, []string, bool), all bool, at time.Time) ([]entity.Alert, []string, error) {
	// Most runs find none: the write transaction is taken only when
	// some alert is to be adopted.
	where := `members = '[]'`
	if all {
		where = `status <> '` + entity.AlertMerged + `'`
	}
	candidates, err := queryAll(ctx, s.db, "alerts", scanAlert, `SELECT `+alertColumns+` FROM alerts WHERE `+where+` ORDER BY id`)
	if err != nil {
		return nil, nil, err
	}
	// An alert is adopted when it has no subject yet (raised without a
	// resolution), and moved when its subject now has another ID (an
	// analyst's merge or split): it keeps its members, so that the
	// listings its subject gained are new to it (store.Monitoring.Renew).
	// A subject grew when it has listings one of its alerts lacks.
	type change struct {
		a       entity.Alert
		subject string
		members []string // nil: kept
	}
	var changes []change
	var grown []string
	for _, a := range candidates {
		id, members, ok := subjectOf(a.EntityID)
		if !ok {
			continue
		}
		switch {
		case len(a.Members) == 0:
			changes = append(changes, change{a, id, members})
		case id != a.SubjectID:
			changes = append(changes, change{a, id, nil})
		}
		if len(a.Members) > 0 && len(newMembers(a.Members, members)) > 0 && !slices.Contains(grown, id) {
			grown = append(grown, id)
		}
	}
	if len(changes) == 0 {
		return nil, grown, nil
	}
	var merged []entity.Alert
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		merged = merged[:0]
		type pair struct{ customer, subject string }
		var pairs []pair
		seen := map[pair]bool{}
		var entries []entity.AuditEntry
		for _, c := range changes {
			// Another process may have changed it since it was read.
			var res sql.Result
			var err error
			if c.members != nil {
				enc, eerr := encodeMembers(c.members)
				if eerr != nil {
					return eerr
				}
				res, err = tx.ExecContext(ctx, s.q(`UPDATE alerts SET subject_id = ?, members = ? WHERE id = ? AND members = '[]'`), c.subject, enc, c.a.ID)
			} else {
				res, err = tx.ExecContext(ctx, s.q(`UPDATE alerts SET subject_id = ?, updated_at = ? WHERE id = ? AND subject_id = ?`), c.subject, fmtTime(at), c.a.ID, c.a.SubjectID)
			}
			if err != nil {
				return fmt.Errorf("alert %d: subject %s: %w", c.a.ID, c.subject, err)
			}
			if n, _ := res.RowsAffected(); n == 0 {
				continue
			}
			if c.members == nil {
				ae, err := chain.Entry(at, "veto", chain.ActionAlertResubject, strconv.FormatInt(c.a.ID, 10),
					map[string]any{"customer": c.a.CustomerID, "from": c.a.SubjectID, "to": c.subject, "entity": c.a.EntityID})
				if err != nil {
					return err
				}
				entries = append(entries, ae)
			}
			if p := (pair{c.a.CustomerID, c.subject}); !seen[p] {
				seen[p] = true
				pairs = append(pairs, p)
			}
		}
		for _, p := range pairs {
			undecided, err := queryAll(ctx, tx, "alerts", scanAlert, s.q(`SELECT `+alertColumns+` FROM alerts
				WHERE customer_id = ? AND subject_id = ? AND status IN (?, ?, ?) ORDER BY score DESC, id`),
				p.customer, p.subject, entity.AlertOpen, entity.AlertEscalated, entity.AlertPending)
			if err != nil {
				return err
			}
			if len(undecided) < 2 {
				continue
			}
			// The one kept is the furthest along the review (a decision
			// awaiting approval, then an escalation), else the best
			// scoring; only open alerts are merged into it: an
			// escalation or a decision awaiting approval is an analyst's
			// work, left for the desk to finish.
			slices.SortStableFunc(undecided, func(a, b entity.Alert) int { return reviewRank(a.Status) - reviewRank(b.Status) })
			into := undecided[0]
			for _, a := range undecided[1:] {
				if a.Status != entity.AlertOpen {
					continue
				}
				reason := fmt.Sprintf("merged into alert %d: both name subject %s", into.ID, p.subject)
				res, err := tx.ExecContext(ctx, s.q(`UPDATE alerts SET status = ?, merged_into = ?, updated_at = ? WHERE id = ? AND status = ?`),
					entity.AlertMerged, into.ID, fmtTime(at), a.ID, entity.AlertOpen)
				if err != nil {
					return fmt.Errorf("alert %d: merge: %w", a.ID, err)
				}
				if n, _ := res.RowsAffected(); n == 0 {
					continue // decided meanwhile
				}
				if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO alert_actions (alert_id, kind, decision, reason, user_name, at) VALUES (?, ?, ?, ?, ?, ?)`),
					a.ID, entity.ActionMerge, "", reason, "veto", fmtTime(at)); err != nil {
					return fmt.Errorf("alert %d: merge action: %w", a.ID, err)
				}
				ae, err := chain.Entry(at, "veto", chain.ActionAlertMerge, strconv.FormatInt(a.ID, 10),
					map[string]any{"into": into.ID, "customer": a.CustomerID, "subject": p.subject, "entity": a.EntityID, "score": a.Score})
				if err != nil {
					return err
				}
				entries = append(entries, ae)
				a.Status, a.MergedInto, a.UpdatedAt = entity.AlertMerged, into.ID, at
				merged = append(merged, a)
			}
		}
		if len(entries) > 0 {
			_, err = s.appendAudit(ctx, tx, entries)
		}
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return merged, grown, nil
}

// reviewRank orders undecided alerts by how far their review has gone.
func reviewRank(status string) int {
	switch status {
	case entity.AlertPending:
		return 0
	case entity.AlertEscalated:
		return 1
	}
	return 2
}

// Renew implements store.Monitoring.
func (s *Store) Renew(ctx context.Context, as []entity.Alert, at time.Time) (raised, updated []entity.Alert, err error) {
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		raised, updated = raised[:0], updated[:0]
		var entries []entity.AuditEntry
		for _, a := range as {
			last, err := scanAlert(tx.QueryRowContext(ctx, s.q(`SELECT `+alertColumns+` FROM alerts
				WHERE customer_id = ? AND subject_id = ? AND status <> ? ORDER BY id DESC LIMIT 1`), a.CustomerID, a.SubjectID, entity.AlertMerged))
			if errors.Is(err, sql.ErrNoRows) {
				continue
			}
			if err != nil {
				return fmt.Errorf("alert of %s/%s: %w", a.CustomerID, a.SubjectID, err)
			}
			added := newMembers(last.Members, a.Members)
			if len(added) == 0 {
				continue
			}
			a.Cause = entity.CauseNewListing
			var revoked int64 // allow-list entries
			if entity.AlertDecided(last.Status) {
				res, err := tx.ExecContext(ctx, s.q(`UPDATE allow_list SET revoked_at = ?, revoke_reason = ? WHERE revoked_at = '' AND `+pairAllowed),
					fmtTime(at), "a new listing joined the subject: "+strings.Join(added, ", "), a.CustomerID, a.CustomerID, a.SubjectID)
				if err != nil {
					return fmt.Errorf("allow-list %s/%s: %w", a.CustomerID, a.SubjectID, err)
				}
				revoked, _ = res.RowsAffected()
				a.Status = ""
				if _, err := s.insertAlert(ctx, tx, &a, false); err != nil {
					return err
				}
			} else {
				hit := a.Hit
				if len(hit) == 0 {
					hit = json.RawMessage("{}")
				}
				members, err := encodeMembers(a.Members)
				if err != nil {
					return err
				}
				versions, err := encodeRefs(a.Versions)
				if err != nil {
					return err
				}
				if _, err := tx.ExecContext(ctx, s.q(`UPDATE alerts SET entity_id = ?, list = ?, version_id = ?, score = ?, cause = ?, hit = ?, members = ?, versions = ?, updated_at = ? WHERE id = ?`),
					a.EntityID, a.List, a.VersionID, a.Score, a.Cause, string(hit), members, versions, fmtTime(at), last.ID); err != nil {
					return fmt.Errorf("alert %d: new listing: %w", last.ID, err)
				}
				a.ID, a.Status, a.Assignee, a.CreatedAt, a.UpdatedAt = last.ID, last.Status, last.Assignee, last.CreatedAt, at
			}
			ae, err := chain.Entry(at, "veto", chain.ActionAlertRenew, strconv.FormatInt(a.ID, 10),
				map[string]any{"customer": a.CustomerID, "subject": a.SubjectID, "listings": added, "previous": last.ID, "previousStatus": last.Status, "allowListRevoked": revoked})
			if err != nil {
				return err
			}
			entries = append(entries, ae)
			if a.ID == last.ID {
				updated = append(updated, a)
			} else {
				raised = append(raised, a)
			}
		}
		if len(entries) > 0 {
			_, err := s.appendAudit(ctx, tx, entries)
			return err
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return raised, updated, nil
}

// newMembers returns the members of now not in before.
func newMembers(before, now []string) []string {
	var out []string
	for _, id := range now {
		if !slices.Contains(before, id) {
			out = append(out, id)
		}
	}
	return out
}

// pairAllowed selects the allow-list entries of a (customer, subject)
// pair: those of its alerts' decisions (arguments: customer, customer,
// subject).
const pairAllowed = `customer_id = ? AND alert_id IN (SELECT id FROM alerts WHERE customer_id = ? AND subject_id = ?)`

const alertColumns = `id, customer_id, entity_id, list, version_id, score, status, cause, customer, hit, created_at, updated_at, assignee, versions, subject_id, members, merged_into`

// encodeRefs encodes the versions an alert was screened against.
func encodeRefs(refs []entity.VersionRef) (string, error) {
	if refs == nil {
		refs = []entity.VersionRef{}
	}
	b, err := json.Marshal(refs)
	if err != nil {
		return "", fmt.Errorf("encode versions: %w", err)
	}
	return string(b), nil
}

func scanAlert(row interface{ Scan(...any) error }) (*entity.Alert, error) {
	var a entity.Alert
	var cust, hit, created, updated, versions, members string
	if err := row.Scan(&a.ID, &a.CustomerID, &a.EntityID, &a.List, &a.VersionID, &a.Score, &a.Status, &a.Cause, &cust, &hit, &created, &updated, &a.Assignee, &versions,
		&a.SubjectID, &members, &a.MergedInto); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(members), &a.Members); err != nil {
		return nil, fmt.Errorf("alert %d members: %w", a.ID, err)
	}
	if err := json.Unmarshal([]byte(cust), &a.Customer); err != nil {
		return nil, fmt.Errorf("alert %d: %w", a.ID, err)
	}
	if err := json.Unmarshal([]byte(versions), &a.Versions); err != nil {
		return nil, fmt.Errorf("alert %d versions: %w", a.ID, err)
	}
	a.Hit = json.RawMessage(hit)
	var err error
	if a.CreatedAt, err = parseTime(created); err != nil {
		return nil, err
	}
	if a.UpdatedAt, err = parseTime(updated); err != nil {
		return nil, err
	}
	return &a, nil
}

// Alert implements store.Monitoring.
func (s *Store) Alert(ctx context.Context, id int64) (*entity.Alert, error) {
	a, err := scanAlert(s.db.QueryRowContext(ctx, s.q(`SELECT `+alertColumns+` FROM alerts WHERE id = ?`), id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("alert %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("alert %d: %w", id, err)
	}
	return a, nil
}

// Alerts implements store.Monitoring.
func (s *Store) Alerts(ctx context.Context, f store.AlertFilter) ([]entity.Alert, error) {
	c := alertWhere(f)
	query := `SELECT ` + alertColumns + ` FROM alerts` + c.clause()
	order, err := alertOrder(f)
	if err != nil {
		return nil, err
	}
	query += order
	if f.Limit > 0 {
		query += ` LIMIT ? OFFSET ?`
		c.args = append(c.args, f.Limit, max(f.Offset, 0))
	}
	return queryAll(ctx, s.db, "alerts", scanAlert, s.q(query), c.args...)
}

// MonitorRuns implements store.Monitoring.
func (s *Store) MonitorRuns(ctx context.Context) (map[int64]entity.MonitorRun, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT version_id, list, at, entities, customers, alerts, took_ns FROM monitor_runs`)
	if err != nil {
		return nil, fmt.Errorf("monitor runs: %w", err)
	}
	defer rows.Close()
	out := map[int64]entity.MonitorRun{}
	for rows.Next() {
		var r entity.MonitorRun
		var at string
		var took int64
		if err := rows.Scan(&r.VersionID, &r.List, &at, &r.Entities, &r.Customers, &r.Alerts, &took); err != nil {
			return nil, err
		}
		if r.At, err = parseTime(at); err != nil {
			return nil, err
		}
		r.Took = time.Duration(took)
		out[r.VersionID] = r
	}
	return out, rows.Err()
}

// AddMonitorRun implements store.Monitoring.
func (s *Store) AddMonitorRun(ctx context.Context, r entity.MonitorRun) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM monitor_runs WHERE version_id = ?`), r.VersionID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("monitor run of version %d: %w", r.VersionID, store.ErrConflict)
		}
		_, err := tx.ExecContext(ctx, s.q(`INSERT INTO monitor_runs (version_id, list, at, entities, customers, alerts, took_ns) VALUES (?, ?, ?, ?, ?, ?, ?)`),
			r.VersionID, r.List, fmtTime(r.At), r.Entities, r.Customers, r.Alerts, int64(r.Took))
		return err
	})
}
