package sqlstore

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/vetoscreen/veto/audit/chain"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
)

var _ store.Lists = (*Store)(nil)

// blob is an entity encoded for storage.
type blob struct {
	e    *entity.Entity
	data []byte
	hash string
}

func encodeEntities(ents []*entity.Entity) ([]blob, error) {
	out := make([]blob, len(ents))
	seen := make(map[string]bool, len(ents))
	for i, e := range ents {
		if e == nil || e.ID == "" {
			return nil, fmt.Errorf("entity %d has no ID", i)
		}
		if seen[e.ID] {
			return nil, fmt.Errorf("duplicate entity ID %s", e.ID)
		}
		seen[e.ID] = true
		data, err := json.Marshal(e)
		if err != nil {
			return nil, fmt.Errorf("encode entity %s: %w", e.ID, err)
		}
		sum := sha256.Sum256(data)
		out[i] = blob{e: e, data: data, hash: hex.EncodeToString(sum[:])}
	}
	return out, nil
}

// AddVersion implements store.Lists.
func (s *Store) AddVersion(ctx context.Context, nv store.NewVersion) (*store.AddResult, error) {
	v := nv.Version
	if v.List == "" || v.Hash == "" {
		return nil, fmt.Errorf("add version: list and hash are required")
	}
	blobs, err := encodeEntities(nv.Entities)
	if err != nil {
		return nil, fmt.Errorf("add version of %s: %w", v.List, err)
	}
	var res *store.AddResult
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		active, err := s.activeVersion(ctx, tx, v.List)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return err
		}
		if active != nil && active.Hash == v.Hash {
			res = &store.AddResult{Version: *active, Unchanged: true}
			return nil
		}
		// Content the list already had in an older version is not news:
		// rerunning an import of an archive must not add versions, nor
		// make an old snapshot active again. Force is a deliberate
		// rollback, Repeat a download back at an earlier content; both
		// are stored as a new version.
		if !nv.Force && !nv.Repeat {
			same, err := s.versionWithHash(ctx, tx, v.List, v.Hash)
			if err != nil {
				return err
			}
			if same != nil {
				res = &store.AddResult{Version: *same, Unchanged: true}
				return nil
			}
		}
		// Only dates read from the files can say one version is older:
		// a file's modification time says nothing of its content.
		if active != nil && !nv.Force && v.PublishedFrom == "file" && active.PublishedFrom == "file" && v.Published.Before(active.Published) {
			return fmt.Errorf("%w: version published %s is older than the active version %d of %s, published %s (force to make it active anyway)",
				store.ErrConflict, v.Published.Format("2006-01-02"), active.ID, v.List, active.Published.Format("2006-01-02"))
		}
		var prevID int64
		var prev map[string]string // entity ID -> hash
		if active != nil {
			prevID = active.ID
			if prev, err = s.entityHashes(ctx, tx, active.ID); err != nil {
				return err
			}
		}
		v.EntityCount = len(blobs)
		v.Active = true
		if v.ID, err = s.insertVersion(ctx, tx, &v); err != nil {
			return err
		}
		if err := s.insertEntities(ctx, tx, v.ID, blobs); err != nil {
			return err
		}
		diff, err := s.diffFrom(ctx, tx, v.List, prevID, v.ID, prev, blobs)
		if err != nil {
			return err
		}
		if err := s.insertDiff(ctx, tx, diff); err != nil {
			return err
		}
		if active != nil {
			if _, err := tx.ExecContext(ctx, s.q(`UPDATE list_versions SET active = ? WHERE id = ?`), false, active.ID); err != nil {
				return fmt.Errorf("deactivate version %d: %w", active.ID, err)
			}
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE list_versions SET active = ? WHERE id = ?`), true, v.ID); err != nil {
			return fmt.Errorf("activate version %d: %w", v.ID, err)
		}
		// The list update goes into the audit trail with the version,
		// whoever stored it (a refresh, veto import, a replica).
		at := v.FetchedAt
		if at.IsZero() {
			at = time.Now()
		}
		e, err := chain.Entry(at, "veto", chain.ActionListVersion, v.List, map[string]any{
			"version": v.ID, "hash": v.Hash, "published": v.Published, "source": v.Source,
			"entities": v.EntityCount, "previous": prevID, "added": diff.Added, "removed": diff.Removed, "changed": diff.Changed,
		})
		if err != nil {
			return err
		}
		if _, err := s.appendAudit(ctx, tx, []entity.AuditEntry{e}); err != nil {
			return err
		}
		res = &store.AddResult{Version: v, Diff: diff}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("add version of %s: %w", v.List, err)
	}
	return res, nil
}

func (s *Store) insertVersion(ctx context.Context, tx *sql.Tx, v *entity.ListVersion) (int64, error) {
	src, err := json.Marshal(v.Source)
	if err != nil {
		return 0, err
	}
	warnings := v.Warnings
	if warnings == nil {
		warnings = []entity.Warning{}
	}
	w, err := json.Marshal(warnings)
	if err != nil {
		return 0, err
	}
	var id int64
	err = tx.QueryRowContext(ctx, s.q(`INSERT INTO list_versions
		(list, publisher, format, published, published_from, hash, source, fetched_at, entity_count, warnings, active)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		v.List, v.Publisher, v.Format, fmtTime(v.Published), v.PublishedFrom, v.Hash, string(src),
		fmtTime(v.FetchedAt), v.EntityCount, string(w), false).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("insert version: %w", err)
	}
	return id, nil
}

func (s *Store) insertEntities(ctx context.Context, tx *sql.Tx, versionID int64, blobs []blob) error {
	// Many rows per statement: a statement's round trip through the
	// driver, not the row, is what costs.
	const batch = 200
	for start := 0; start < len(blobs); start += batch {
		part := blobs[start:min(start+batch, len(blobs))]
		var qb, qr strings.Builder
		qb.WriteString(`INSERT INTO entity_blobs (hash, data) VALUES `)
		qr.WriteString(`INSERT INTO version_entities (version_id, entity_id, hash) VALUES `)
		bargs := make([]any, 0, 2*len(part))
		rargs := make([]any, 0, 3*len(part))
		for i, b := range part {
			if i > 0 {
				qb.WriteString(", ")
				qr.WriteString(", ")
			}
			qb.WriteString("(?, ?)")
			qr.WriteString("(?, ?, ?)")
			bargs = append(bargs, b.hash, b.data)
			rargs = append(rargs, versionID, b.e.ID, b.hash)
		}
		qb.WriteString(` ON CONFLICT (hash) DO NOTHING`)
		if _, err := tx.ExecContext(ctx, s.q(qb.String()), bargs...); err != nil {
			return fmt.Errorf("store entities %s...: %w", part[0].e.ID, err)
		}
		if _, err := tx.ExecContext(ctx, s.q(qr.String()), rargs...); err != nil {
			return fmt.Errorf("store entities %s...: %w", part[0].e.ID, err)
		}
	}
	return nil
}

// diffFrom computes the diff from the previous version (entity hashes prev)
// to the new entities. Only entities whose content hash changed are decoded
// and compared property by property.
func (s *Store) diffFrom(ctx context.Context, tx *sql.Tx, list string, from, to int64, prev map[string]string, blobs []blob) (*entity.Diff, error) {
	var cur []*entity.Entity
	want := make(map[string]bool) // old blobs to decode
	now := make(map[string]bool, len(blobs))
	for _, b := range blobs {
		now[b.e.ID] = true
		h, ok := prev[b.e.ID]
		if ok && h == b.hash {
			continue
		}
		cur = append(cur, b.e)
		if ok {
			want[h] = true
		}
	}
	for id, h := range prev {
		if !now[id] {
			want[h] = true
		}
	}
	var old []*entity.Entity
	if len(want) > 0 {
		rows, err := tx.QueryContext(ctx, s.q(`SELECT ve.entity_id, b.hash, b.data FROM version_entities ve JOIN entity_blobs b ON b.hash = ve.hash WHERE ve.version_id = ?`), from)
		if err != nil {
			return nil, fmt.Errorf("load version %d: %w", from, err)
		}
		defer rows.Close()
		for rows.Next() {
			var id, h string
			var data []byte
			if err := rows.Scan(&id, &h, &data); err != nil {
				return nil, err
			}
			if !want[h] {
				continue
			}
			e, err := decodeEntity(id, from, h, data)
			if err != nil {
				return nil, err
			}
			old = append(old, e)
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return entity.ComputeDiff(list, from, to, old, cur), nil
}

func (s *Store) insertDiff(ctx context.Context, tx *sql.Tx, d *entity.Diff) error {
	if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO list_diffs (version_id, prev_version_id, added, removed, changed) VALUES (?, ?, ?, ?, ?)`),
		d.To, d.From, d.Added, d.Removed, d.Changed); err != nil {
		return fmt.Errorf("store diff: %w", err)
	}
	put, err := tx.PrepareContext(ctx, s.q(`INSERT INTO diff_changes (version_id, entity_id, change, caption, material, properties) VALUES (?, ?, ?, ?, ?, ?)`))
	if err != nil {
		return err
	}
	defer put.Close()
	for _, c := range d.Changes {
		props := c.Properties
		if props == nil {
			props = []entity.PropertyChange{}
		}
		p, err := json.Marshal(props)
		if err != nil {
			return err
		}
		if _, err := put.ExecContext(ctx, d.To, c.EntityID, c.Change, c.Caption, c.Material, string(p)); err != nil {
			return fmt.Errorf("store diff of %s: %w", c.EntityID, err)
		}
	}
	return nil
}

// decodeEntity decodes the stored blob of entity id in version, after
// checking it against the SHA-256 it is stored under: a flipped bit on
// disk must not be served as a listed person's data.
func decodeEntity(id string, version int64, hash string, data []byte) (*entity.Entity, error) {
	if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != hash {
		return nil, fmt.Errorf("%w: entity %s of version %d: its stored data does not match the SHA-256 %s it was stored under (the database was changed behind veto, or the disk is failing); restore the database from a backup, or import the list again",
			store.ErrCorrupt, id, version, hash)
	}
	e := new(entity.Entity)
	if err := json.Unmarshal(data, e); err != nil {
		return nil, fmt.Errorf("decode entity %s of version %d: %w", id, version, err)
	}
	return e, nil
}

func (s *Store) entityHashes(ctx context.Context, q querier, versionID int64) (map[string]string, error) {
	rows, err := q.QueryContext(ctx, s.q(`SELECT entity_id, hash FROM version_entities WHERE version_id = ?`), versionID)
	if err != nil {
		return nil, fmt.Errorf("load version %d: %w", versionID, err)
	}
	defer rows.Close()
	out := make(map[string]string)
	for rows.Next() {
		var id, h string
		if err := rows.Scan(&id, &h); err != nil {
			return nil, err
		}
		out[id] = h
	}
	return out, rows.Err()
}

const versionColumns = `id, list, publisher, format, published, published_from, hash, source, fetched_at, entity_count, warnings, active`

func scanVersion(row interface{ Scan(...any) error }) (*entity.ListVersion, error) {
	var v entity.ListVersion
	var published, fetched, src, warnings string
	if err := row.Scan(&v.ID, &v.List, &v.Publisher, &v.Format, &published, &v.PublishedFrom, &v.Hash, &src, &fetched, &v.EntityCount, &warnings, &v.Active); err != nil {
		return nil, err
	}
	var err error
	if v.Published, err = parseTime(published); err != nil {
		return nil, err
	}
	if v.FetchedAt, err = parseTime(fetched); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(src), &v.Source); err != nil {
		return nil, fmt.Errorf("version %d source: %w", v.ID, err)
	}
	if err := json.Unmarshal([]byte(warnings), &v.Warnings); err != nil {
		return nil, fmt.Errorf("version %d warnings: %w", v.ID, err)
	}
	if len(v.Warnings) == 0 {
		v.Warnings = nil
	}
	return &v, nil
}

func (s *Store) activeVersion(ctx context.Context, q querier, list string) (*entity.ListVersion, error) {
	v, err := scanVersion(q.QueryRowContext(ctx, s.q(`SELECT `+versionColumns+` FROM list_versions WHERE list = ? AND active`), list))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("active version of %s: %w", list, store.ErrNotFound)
	}
	return v, err
}

// versionWithHash returns the newest stored version of list whose content
// hash is hash, or nil.
func (s *Store) versionWithHash(ctx context.Context, q querier, list, hash string) (*entity.ListVersion, error) {
	v, err := scanVersion(q.QueryRowContext(ctx, s.q(`SELECT `+versionColumns+` FROM list_versions WHERE list = ? AND hash = ? ORDER BY id DESC LIMIT 1`), list, hash))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("versions of %s with hash %s: %w", list, hash, err)
	}
	return v, nil
}

// Versions implements store.Lists.
func (s *Store) Versions(ctx context.Context, f store.VersionFilter) ([]entity.ListVersion, error) {
	var where []string
	var args []any
	if f.List != "" {
		where, args = append(where, "list = ?"), append(args, f.List)
	}
	if f.Publisher != "" {
		where, args = append(where, "publisher = ?"), append(args, f.Publisher)
	}
	if f.ActiveOnly {
		where = append(where, "active")
	}
	query := `SELECT ` + versionColumns + ` FROM list_versions`
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, " AND ")
	}
	query += ` ORDER BY id DESC`
	if f.Limit > 0 {
		query += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	return queryAll(ctx, s.db, "list versions", scanVersion, s.q(query), args...)
}

// Version implements store.Lists.
func (s *Store) Version(ctx context.Context, id int64) (*entity.ListVersion, error) {
	v, err := scanVersion(s.db.QueryRowContext(ctx, s.q(`SELECT `+versionColumns+` FROM list_versions WHERE id = ?`), id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("version %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("version %d: %w", id, err)
	}
	return v, nil
}

// Entities implements store.Lists.
func (s *Store) Entities(ctx context.Context, versionID int64) ([]*entity.Entity, error) {
	if _, err := s.Version(ctx, versionID); err != nil {
		return nil, err
	}
	return s.queryEntities(ctx, `SELECT ve.version_id, ve.entity_id, b.hash, b.data FROM version_entities ve JOIN entity_blobs b ON b.hash = ve.hash
		WHERE ve.version_id = ? ORDER BY ve.entity_id`, versionID)
}

// ActiveEntities implements store.Lists.
func (s *Store) ActiveEntities(ctx context.Context) ([]*entity.Entity, error) {
	return s.queryEntities(ctx, `SELECT ve.version_id, ve.entity_id, b.hash, b.data FROM list_versions v
		JOIN version_entities ve ON ve.version_id = v.id
		JOIN entity_blobs b ON b.hash = ve.hash
		WHERE v.active ORDER BY v.list, ve.entity_id`)
}

// Entity implements store.Lists.
func (s *Store) Entity(ctx context.Context, id string) ([]*entity.Entity, error) {
	out, err := s.queryEntities(ctx, `SELECT ve.version_id, ve.entity_id, b.hash, b.data FROM list_versions v
		JOIN version_entities ve ON ve.version_id = v.id
		JOIN entity_blobs b ON b.hash = ve.hash
		WHERE v.active AND ve.entity_id = ? ORDER BY v.list`, id)
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("entity %s: %w", id, store.ErrNotFound)
	}
	return out, nil
}

// queryEntities runs a query whose rows are (version_id, entity_id, hash,
// data) and decodes each, checked against its hash.
func (s *Store) queryEntities(ctx context.Context, query string, args ...any) ([]*entity.Entity, error) {
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, fmt.Errorf("load entities: %w", err)
	}
	defer rows.Close()
	var out []*entity.Entity
	for rows.Next() {
		var version int64
		var id, hash string
		var data []byte
		if err := rows.Scan(&version, &id, &hash, &data); err != nil {
			return nil, fmt.Errorf("load entities: %w", err)
		}
		e, err := decodeEntity(id, version, hash, data)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// EntityHistory implements store.Lists.
func (s *Store) EntityHistory(ctx context.Context, id string) ([]store.EntityVersion, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`
		SELECT v.id, v.list, v.published, v.active, COALESCE(c.change, ''), COALESCE(c.properties, '[]')
		FROM list_versions v
		LEFT JOIN diff_changes c ON c.version_id = v.id AND c.entity_id = ?
		WHERE EXISTS (SELECT 1 FROM version_entities ve WHERE ve.version_id = v.id AND ve.entity_id = ?)
		   OR c.change IS NOT NULL
		ORDER BY v.id`), id, id)
	if err != nil {
		return nil, fmt.Errorf("history of %s: %w", id, err)
	}
	defer rows.Close()
	var out []store.EntityVersion
	for rows.Next() {
		var ev store.EntityVersion
		var published, props string
		if err := rows.Scan(&ev.VersionID, &ev.List, &published, &ev.Active, &ev.Change, &props); err != nil {
			return nil, fmt.Errorf("history of %s: %w", id, err)
		}
		if ev.Published, err = parseTime(published); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(props), &ev.Properties); err != nil {
			return nil, fmt.Errorf("history of %s: %w", id, err)
		}
		if len(ev.Properties) == 0 {
			ev.Properties = nil
		}
		out = append(out, ev)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("history of %s: %w", id, store.ErrNotFound)
	}
	return out, nil
}

// Diff implements store.Lists.
func (s *Store) Diff(ctx context.Context, versionID int64) (*entity.Diff, error) {
	v, err := s.Version(ctx, versionID)
	if err != nil {
		return nil, err
	}
	d := &entity.Diff{List: v.List, To: versionID}
	err = s.db.QueryRowContext(ctx, s.q(`SELECT prev_version_id, added, removed, changed FROM list_diffs WHERE version_id = ?`), versionID).
		Scan(&d.From, &d.Added, &d.Removed, &d.Changed)
	if err != nil {
		return nil, fmt.Errorf("diff of version %d: %w", versionID, err)
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT entity_id, change, caption, material, properties FROM diff_changes WHERE version_id = ? ORDER BY entity_id`), versionID)
	if err != nil {
		return nil, fmt.Errorf("diff of version %d: %w", versionID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var c entity.EntityChange
		var props string
		if err := rows.Scan(&c.EntityID, &c.Change, &c.Caption, &c.Material, &props); err != nil {
			return nil, fmt.Errorf("diff of version %d: %w", versionID, err)
		}
		if err := json.Unmarshal([]byte(props), &c.Properties); err != nil {
			return nil, fmt.Errorf("diff of version %d: %w", versionID, err)
		}
		if len(c.Properties) == 0 {
			c.Properties = nil
		}
		d.Changes = append(d.Changes, c)
	}
	return d, rows.Err()
}
