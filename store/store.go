// Package store defines how veto persists list versions, their entities
// and diffs (and, later, customers, alerts, decisions and the audit trail).
//
// The interfaces here are implemented by store/sqlite, the embedded default,
// and store/postgres, for several replicas on one database. Both pass the
// conformance suite in store/storetest, which tests exactly what the method
// comments below promise.
package store

import (
	"context"
	"errors"
	"time"

	"github.com/vetoscreen/veto/entity"
)

// Errors returned (wrapped) by stores.
var (
	// ErrNotFound means the thing asked for does not exist.
	ErrNotFound = errors.New("not found")
	// ErrConflict means the write contradicts what is stored, e.g. a
	// version older than the active one without Force.
	ErrConflict = errors.New("conflict")
	// ErrSchema means the database schema is newer than this binary.
	ErrSchema = errors.New("database schema mismatch")
	// ErrCorrupt means stored data no longer matches the SHA-256 it was
	// stored under: the disk or someone changed it behind the store.
	ErrCorrupt = errors.New("stored data is corrupt")
	// ErrNotStore means the database given is not a veto store: an empty
	// file, a file of another kind, or another program's database.
	ErrNotStore = errors.New("not a veto store")
)

// Store is all of veto's persistence.
type Store interface {
	Lists
	Keys
	Locker
	Monitoring
	Review
	Audit
	Subjects
	AuditAbout
	ListInfos
	Queue
	Notes
	AuditSearch
	BatchJobs
	// Close releases the store's resources.
	Close() error
}

// ListInfos stores what the user said of the lists imported with `veto
// import ftm|csv` (entity.ListInfo): their kind, regime, title and
// publisher.
type ListInfos interface {
	// PutListInfo stores the info of a list, replacing any stored;
	// entity.ErrInvalid when it lacks a list, kind or jurisdiction.
	PutListInfo(ctx context.Context, li entity.ListInfo) error
	// ListInfos returns the info of every list that has one, by list.
	ListInfos(ctx context.Context) ([]entity.ListInfo, error)
}

// Monitoring stores the monitored customers, the alerts raised on them,
// and which list versions they have been re-screened for.
type Monitoring interface {
	// PutCustomers adds customers, or replaces those with the same ID,
	// in one transaction, and returns the IDs of the customers added or
	// changed (a customer stored again unchanged is not); a removed
	// customer put again is monitored again. Invalid customers are an
	// error (entity.ErrInvalid) and nothing is stored.
	PutCustomers(ctx context.Context, cs []entity.Customer, at time.Time) (changed []string, err error)
	// Customer returns a customer by ID, removed or not, or ErrNotFound.
	Customer(ctx context.Context, id string) (*entity.Customer, error)
	// Customers returns monitored customers in ID order, after the ID
	// given (paging), at most limit (0: no limit).
	Customers(ctx context.Context, after string, limit int) ([]entity.Customer, error)
	// CountCustomers counts the monitored customers.
	CountCustomers(ctx context.Context) (int, error)
	// RemoveCustomer stops monitoring a customer; ErrNotFound if there is
	// none. Its alerts stay.
	RemoveCustomer(ctx context.Context, id string, at time.Time) error

	// AddAlerts stores the alerts whose (customer, subject) pair has none
	// yet, and returns those stored, with their IDs, in order: a match
	// raised or decided before is not raised again. An alert without a
	// subject ID takes its entity ID as one.
	AddAlerts(ctx context.Context, as []entity.Alert) ([]entity.Alert, error)
	// AdoptSubjects brings alerts to the subjects subjectOf returns for
	// their entities (ok false: left as they are): an alert raised
	// without a resolution (no members) takes its subject and members;
	// with all, also an alert whose subject now has another ID (an
	// analyst merged or split subjects) takes the new ID and keeps its
	// members, so that the listings its subject gained count as new to
	// it (Renew), audited. Then, of a customer's undecided alerts that
	// name one subject, it keeps the one furthest along the review
	// (pending approval, escalated, open) and best scoring, and marks
	// the open others merged into it, each merge recorded in the alert's
	// history and audited, all in one transaction. Nothing is deleted.
	// It returns the alerts merged and, with all, the subjects grown:
	// those with listings that one of their alerts lacks.
	AdoptSubjects(ctx context.Context, subjectOf func(entityID string) (subjectID string, members []string, ok bool), all bool, at time.Time) (merged []entity.Alert, grown []string, err error)
	// Renew raises again or updates, with cause entity.CauseNewListing,
	// the alert of each (customer, subject) pair of as whose members
	// as names a listing the latest alert of the pair lacks: a decided
	// alert is followed by a new one (as given), the allow-list entries
	// of the pair revoked; an undecided one takes the new members, hit,
	// score and cause. Pairs without an alert are ignored (AddAlerts
	// raises them). Each is audited, in one transaction; it returns the
	// alerts raised (new IDs) and those updated.
	Renew(ctx context.Context, as []entity.Alert, at time.Time) (raised, updated []entity.Alert, err error)
	// Alert returns an alert by ID, or ErrNotFound.
	Alert(ctx context.Context, id int64) (*entity.Alert, error)
	// Alerts returns alerts matching f, newest first.
	Alerts(ctx context.Context, f AlertFilter) ([]entity.Alert, error)

	// MonitorRuns returns the recorded re-screenings, by version ID.
	MonitorRuns(ctx context.Context) (map[int64]entity.MonitorRun, error)
	// AddMonitorRun records that a version's changes were re-screened;
	// ErrConflict if it was already recorded.
	AddMonitorRun(ctx context.Context, r entity.MonitorRun) error
}

// Subjects stores the analysts' decisions on which listings name one
// sanctioned subject (package resolve groups listings into subjects), and
// the subject IDs of the last resolution, which the next one keeps.
type Subjects interface {
	// AddSubjectDecision stores a valid decision (else entity.ErrInvalid),
	// setting its ID, and appends the audit entry audit returns for it
	// (unless audit is nil or the entry has no action), in one
	// transaction. A revocation (entity.DecisionRevoke) also marks the
	// decision it revokes revoked by it: ErrNotFound if there is no such
	// decision, ErrConflict if it is revoked already or is a revocation.
	// On any error nothing is stored. Decisions are never deleted.
	AddSubjectDecision(ctx context.Context, d entity.SubjectDecision, audit func(entity.SubjectDecision) entity.AuditEntry) (entity.SubjectDecision, error)
	// SubjectDecisions returns decisions oldest first: with active, those
	// in force (entity.SubjectDecision.Active); else every one, the
	// revoked and the revocations too.
	SubjectDecisions(ctx context.Context, active bool) ([]entity.SubjectDecision, error)
	// SubjectIDs returns the stored map of member entity ID to subject ID
	// (empty when none is stored).
	SubjectIDs(ctx context.Context) (map[string]string, error)
	// PutSubjectIDs replaces the stored map with ids, in one transaction,
	// and returns how many entries it added, changed or removed.
	PutSubjectIDs(ctx context.Context, ids map[string]string, at time.Time) (changed int, err error)
}

// AlertFilter selects alerts. Zero fields do not filter.
type AlertFilter struct {
	Status     string
	CustomerID string
	EntityID   string
	SubjectID  string
	List       string
	// Kind: only alerts on lists of this kind (entity.Kinds), the kind
	// of an alert being that of its list (entity.ListInfo; "sanction"
	// for the official lists).
	Kind     string
	MinScore float64
	// Assignee: only alerts assigned to this user; "-" for unassigned.
	Assignee string
	// CreatedAfter, CreatedBefore: only alerts raised in this period.
	CreatedAfter, CreatedBefore time.Time
	// BeforeID pages: only alerts with a smaller ID.
	BeforeID int64
	Limit    int
	// MaxScore: only alerts scoring at most this (0 does not filter).
	MaxScore float64
	// Sort orders by one of the AlertSorts ("" is by ID: as raised), then
	// by ID; Desc reverses both. With a Limit, Offset skips that many
	// first (paging by page number).
	Sort   string
	Desc   bool
	Offset int
}

// AlertSorts are the orders of AlertFilter.Sort: by score, list, customer
// ID, or ID (the order alerts are raised in, so by age).
var AlertSorts = []string{"score", "list", "customer", "id"}

// Queue is what the alert queue needs beyond Monitoring.Alerts: counts.
type Queue interface {
	// CountAlerts counts, for each of statuses, the alerts in it that
	// match f but its Status and paging (BeforeID, Offset, Limit): at
	// most max of each (0: all), so that a count's cost is bounded by
	// max rather than by the alerts stored.
	CountAlerts(ctx context.Context, f AlertFilter, statuses []string, max int) (map[string]int, error)
}

// Notes stores the case notes and attachments of alerts.
type Notes interface {
	// AddNote stores a note (its ID set) and the audit entry audit
	// returns for it, in one transaction; ErrNotFound if there is no
	// such alert, entity.ErrInvalid for an empty note.
	AddNote(ctx context.Context, n entity.AlertNote, audit func(entity.AlertNote) entity.AuditEntry) (entity.AlertNote, error)
	// AlertNotes returns an alert's notes, oldest first.
	AlertNotes(ctx context.Context, alertID int64) ([]entity.AlertNote, error)
	// AddAttachment stores a file, its size and SHA-256 computed from
	// Data, and the audit entry audit returns for it, in one
	// transaction; ErrNotFound if there is no such alert.
	AddAttachment(ctx context.Context, a entity.Attachment, audit func(entity.Attachment) entity.AuditEntry) (entity.Attachment, error)
	// Attachments returns an alert's attachments without their data,
	// oldest first.
	Attachments(ctx context.Context, alertID int64) ([]entity.Attachment, error)
	// Attachment returns an attachment with its data, ErrNotFound, or
	// ErrCorrupt when the data no longer has its SHA-256.
	Attachment(ctx context.Context, id int64) (*entity.Attachment, error)
}

// AuditSearch finds audit entries for people reading the trail.
type AuditSearch interface {
	// SearchAudit returns the entries matching q, newest first.
	SearchAudit(ctx context.Context, q AuditQuery) ([]entity.AuditEntry, error)
}

// AuditQuery selects audit entries. Zero fields do not filter.
type AuditQuery struct {
	Actor, Action, Subject string
	// From, To: only entries with At in [From, To).
	From, To time.Time
	// BeforeSeq pages: only entries with a smaller Seq; AfterSeq bounds
	// the search: only entries with a greater Seq.
	BeforeSeq, AfterSeq int64
	Limit               int
}

// Review stores the people who review alerts, their sessions, their
// actions on alerts, and the allow-list of proven false positives.
type Review interface {
	// CreateUser stores a new user; ErrConflict if the name is taken.
	CreateUser(ctx context.Context, u entity.User) error
	// UpdateUser replaces a user's role, display name, password hash and
	// disabled time; ErrNotFound if there is none.
	UpdateUser(ctx context.Context, u entity.User) error
	// User returns a user by name, or ErrNotFound.
	User(ctx context.Context, name string) (*entity.User, error)
	// Users returns every user, by name.
	Users(ctx context.Context) ([]entity.User, error)

	// CreateSession stores a session.
	CreateSession(ctx context.Context, s entity.Session) error
	// Session returns the session with this token hash, expired or not,
	// or ErrNotFound.
	Session(ctx context.Context, tokenHash string) (*entity.Session, error)
	// DeleteSessions deletes the session with this token hash, or with
	// tokenHash "" every session of user.
	DeleteSessions(ctx context.Context, tokenHash, user string) error

	// ActOnAlert records an action on an alert and, in the same
	// transaction, moves the alert from status from to status to, sets
	// its assignee (AlertChange.Assignee, when not nil), puts a pair on
	// the allow-list (when Allow is not nil) and appends the audit entry.
	// ErrConflict if the alert's status is no longer from: someone acted
	// on it first. ErrNotFound if there is no such alert.
	ActOnAlert(ctx context.Context, c AlertChange) (*entity.Alert, error)
	// AlertActions returns an alert's history, oldest first.
	AlertActions(ctx context.Context, alertID int64) ([]entity.AlertAction, error)
	// AllowList returns allow-list entries, newest first; with active
	// only those not revoked; customer and entity filter when not "".
	AllowList(ctx context.Context, customerID, entityID string, active bool) ([]entity.AllowEntry, error)
	// Rearm stores each alert whose (customer, subject) pair is on the
	// allow-list (not revoked: an entry of a decided alert of the pair's),
	// revoking the pair's entries with the reason given
	// and appending the audit entry audit returns, in one transaction;
	// alerts of pairs not allow-listed are ignored. It returns the alerts
	// stored, with their IDs.
	Rearm(ctx context.Context, as []entity.Alert, reason string, at time.Time, audit func(entity.AllowEntry, entity.Alert) entity.AuditEntry) ([]entity.Alert, error)
}

// AlertChange is one action on an alert: see Review.ActOnAlert.
type AlertChange struct {
	Action   entity.AlertAction
	From, To string
	Assignee *string
	Allow    *entity.AllowEntry
	Audit    entity.AuditEntry
}

// Audit is the append-only audit trail. Entries are chained: each
// carries the hash of the one before (package audit computes it), and
// the database refuses to update or delete them.
type Audit interface {
	// AppendAudit appends entries in order, setting their Seq, Prev and
	// Hash, and returns them so.
	AppendAudit(ctx context.Context, es ...entity.AuditEntry) ([]entity.AuditEntry, error)
	// AuditEntries returns entries in sequence order with Seq > f.AfterSeq
	// and At in [f.From, f.To) (zero times do not filter), at most f.Limit
	// (0: no limit).
	AuditEntries(ctx context.Context, f AuditFilter) ([]entity.AuditEntry, error)
	// AuditHead returns the last entry's Seq and Hash (0 and "" when the
	// trail is empty).
	AuditHead(ctx context.Context) (seq int64, hash string, err error)
	// AppendCheckpoint stores a checkpoint of the chain's head; like
	// entries, checkpoints cannot be updated or deleted.
	AppendCheckpoint(ctx context.Context, c entity.AuditCheckpoint) error
	// AuditCheckpoints returns every checkpoint in the order stored.
	AuditCheckpoints(ctx context.Context) ([]entity.AuditCheckpoint, error)
}

// AuditAbout finds the audit entries about one thing, for the evidence
// report of an alert (package report).
type AuditAbout interface {
	// AuditEntriesAbout returns the entries whose subject is one of
	// subjects, at or after since, in sequence order, at most limit
	// (0: no limit). since bounds the work: the trail is indexed by time,
	// not by subject.
	AuditEntriesAbout(ctx context.Context, subjects []string, since time.Time, limit int) ([]entity.AuditEntry, error)
}

// AuditFilter selects audit entries.
type AuditFilter struct {
	AfterSeq int64
	From, To time.Time
	Limit    int
}

// Keys stores API keys.
type Keys interface {
	// CreateKey stores a new key and appends its audit entry (unless the
	// entry has no action), in one transaction: a key never exists
	// without the entry that says who made it, nor the entry without the
	// key. ErrConflict if its ID exists; then nothing is stored.
	CreateKey(ctx context.Context, k entity.APIKey, audit entity.AuditEntry) error
	// Key returns the key with the given ID, revoked or not, or
	// ErrNotFound.
	Key(ctx context.Context, id string) (*entity.APIKey, error)
	// ListKeys returns every key, oldest first.
	ListKeys(ctx context.Context) ([]entity.APIKey, error)
	// RevokeKey marks a key revoked at the given time and appends its
	// audit entry (unless the entry has no action), in one transaction;
	// ErrNotFound if there is no such key, and then nothing is appended.
	// Revoking a revoked key changes nothing but the trail, which records
	// the attempt.
	RevokeKey(ctx context.Context, id string, at time.Time, audit entity.AuditEntry) error
}

// Locker lets one of several processes sharing a store do a job at a
// time: with several veto servers on one PostgreSQL, one refreshes the
// lists while the others wait for the new versions.
type Locker interface {
	// TryLock takes the named lock if it is free and returns a function
	// that releases it; acquired is false (and release nil) when another
	// holder has it. A lock is held until released, or until its holder
	// dies (its connection closes).
	TryLock(ctx context.Context, name string) (release func(), acquired bool, err error)
}

// NewVersion is a list version to add, with its entities.
type NewVersion struct {
	// Version holds the metadata; ID, EntityCount and Active are set by
	// the store.
	Version entity.ListVersion
	// Entities are the version's entities; IDs must be unique.
	Entities []*entity.Entity
	// Force makes the version active even when it was published before
	// the active version, or has the content of an older version (a
	// deliberate rollback).
	Force bool
	// Repeat stores the version, and makes it active, even when an older
	// version has the same content: a download is the publisher's current
	// list, which may return to an earlier content (a designation added,
	// then lifted). Without it such content is Unchanged, as an archive
	// imported again must be.
	Repeat bool
}

// AddResult is what AddVersion did.
type AddResult struct {
	// Version is the stored version (with its ID), or when Unchanged the
	// stored version with the same content.
	Version entity.ListVersion
	// Unchanged reports that the content hash equals that of a stored
	// version (Version; the active one, or an older one), so nothing was
	// stored.
	Unchanged bool
	// Diff is the difference from the previously active version (From is
	// 0 for a list's first version); nil when Unchanged.
	Diff *entity.Diff
}

// VersionFilter selects list versions. Zero fields do not filter.
type VersionFilter struct {
	List      string
	Publisher string
	// ActiveOnly selects the active version of each list.
	ActiveOnly bool
	// Limit caps the number returned; 0 means no limit.
	Limit int
}

// EntityVersion is one appearance of an entity in one list version, for
// its history.
type EntityVersion struct {
	VersionID int64     `json:"versionId"`
	List      string    `json:"list"`
	Published time.Time `json:"published"`
	Active    bool      `json:"active"`
	// Change is how the entity changed in this version relative to the
	// previous version of the list: entity.Added, entity.Changed,
	// entity.Removed (the entity is absent from this version), or "" when
	// it is unchanged.
	Change     string                  `json:"change,omitempty"`
	Properties []entity.PropertyChange `json:"properties,omitempty"`
}

// Lists stores list versions, their entities and the diffs between them.
type Lists interface {
	// AddVersion stores a version of a list with its entities, computes
	// the diff from the list's active version, stores it, and makes the
	// new version active, in one transaction: on any error nothing is
	// stored and the active version stays active.
	//
	// If the content hash equals the active version's hash, or (without
	// Force or Repeat) that of any stored version of the list, nothing is stored,
	// the active version stays, and the result says Unchanged with the
	// version of that content. If the new version was
	// published before the active one (both dates read from the files,
	// PublishedFrom "file"), AddVersion returns ErrConflict unless Force
	// is set. Entities with duplicate IDs are an error.
	AddVersion(ctx context.Context, v NewVersion) (*AddResult, error)

	// Versions returns the versions matching f, newest first (by ID).
	Versions(ctx context.Context, f VersionFilter) ([]entity.ListVersion, error)

	// Version returns one version by ID, or ErrNotFound.
	Version(ctx context.Context, id int64) (*entity.ListVersion, error)

	// Entities returns a version's entities ordered by ID, or ErrNotFound
	// when there is no such version.
	Entities(ctx context.Context, versionID int64) ([]*entity.Entity, error)

	// ActiveEntities returns the entities of every list's active version,
	// ordered by list name, then ID. The same ID may come from several
	// lists (an OFAC designation on both ofac-sdn and us-csl).
	ActiveEntities(ctx context.Context) ([]*entity.Entity, error)

	// Entity returns the records of the entity with this ID in the active
	// versions (one per list that has it), or ErrNotFound.
	Entity(ctx context.Context, id string) ([]*entity.Entity, error)

	// EntityHistory returns every version, of every list, in which the
	// entity appeared, was changed or was removed, oldest first; or
	// ErrNotFound if no version ever held it.
	EntityHistory(ctx context.Context, id string) ([]EntityVersion, error)

	// Diff returns the stored diff from a version's predecessor to it, or
	// ErrNotFound when the version does not exist.
	Diff(ctx context.Context, versionID int64) (*entity.Diff, error)
}
