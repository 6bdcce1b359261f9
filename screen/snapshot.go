package screen

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/index"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/store"
)

// Snapshot is what one screening is done against: the index, the list
// versions it was built from, the match configuration (the index's), what
// kind of data it is and, built on first use, its text scanner. It is
// immutable once published: a request,
// batch job, text scan, monitoring run or UI page takes one snapshot and
// uses only it, so that the versions a result names are the versions it
// was screened against, even when the keeper publishes another snapshot
// meanwhile.
type Snapshot struct {
	// Index is searched; its Config is the snapshot's match configuration.
	Index *index.Index
	// Data says whether these are the stored lists or the demo dataset.
	Data Data
	// Versions are the list versions indexed, one per list, by list name.
	Versions []entity.ListVersion
	// AsOf is the instant the versions were in force at, for a snapshot
	// of past versions (see History); zero for the versions served now.
	AsOf time.Time
	// Absent are the lists the store holds versions of of which none was
	// in force at AsOf: they were not screened.
	Absent []string
	// LoadedAt is when the snapshot was built.
	LoadedAt time.Time
	// Entities and Names count the index.
	Entities, Names int

	refs []entity.VersionRef
	// compact is the compact form of each reference, and joined that of
	// all, comma-separated.
	compact []string
	joined  string
	// records are the records indexed when the store does not hold
	// them: the demo dataset's, or files read directly.
	records []*entity.Entity
	// derived is shared by the copies of a snapshot (see History.At): it
	// holds what is built from the index on first use.
	derived *derived
}

// derived holds values built lazily from a snapshot's index.
type derived struct {
	once    sync.Once
	scanner any
	// subjects is the resolution of the snapshot's listings; a decision
	// taken replaces it (see Resolve).
	subjects atomic.Pointer[subjects]
}

// NewSnapshot returns the snapshot of ix, built from versions (sorted by
// list here).
func NewSnapshot(ix *index.Index, data Data, versions []entity.ListVersion) *Snapshot {
	vs := slices.Clone(versions)
	slices.SortFunc(vs, byList)
	if vs == nil {
		vs = []entity.ListVersion{}
	}
	s := &Snapshot{Index: ix, Data: data, Versions: vs, LoadedAt: time.Now().UTC(), derived: &derived{}}
	if ix != nil {
		s.Entities, s.Names = ix.Stats.Entities, ix.Stats.Names
	}
	refs := make([]entity.VersionRef, len(vs))
	for i, v := range vs {
		refs[i] = v.Ref()
	}
	s.refs = refs
	s.compact = make([]string, len(refs))
	for i, r := range refs {
		s.compact[i] = r.String()
	}
	s.joined = strings.Join(s.compact, ",")
	return s
}

// FromRecords returns the snapshot of records the store does not hold
// (the demo dataset, list files read directly), indexed with cfg, which
// keeps them: Records and DemoRecords return them.
func FromRecords(ents []*entity.Entity, data Data, versions []entity.ListVersion, cfg match.Config) *Snapshot {
	s := NewSnapshot(index.Build(ents, cfg), data, versions)
	s.records = ents
	return s
}

// byList orders versions by list, then ID.
func byList(a, b entity.ListVersion) int {
	return cmp.Or(strings.Compare(a.List, b.List), cmp.Compare(a.ID, b.ID))
}

// Config returns the match configuration the index was built with.
func (s *Snapshot) Config() match.Config { return s.Index.Config() }

// Refs returns the references of the snapshot's versions, by list; the
// caller must not change them.
func (s *Snapshot) Refs() []entity.VersionRef { return s.refs }

// RefString is the compact form of Refs: "eu-fsf@3,ofac-sdn@12,un-sc@7".
func (s *Snapshot) RefString() string { return s.joined }

// Lists returns the names of the lists indexed, sorted.
func (s *Snapshot) Lists() []string {
	out := make([]string, 0, len(s.Versions))
	for _, v := range s.Versions {
		if len(out) == 0 || out[len(out)-1] != v.List {
			out = append(out, v.List)
		}
	}
	return out
}

// Version returns the snapshot's version of a list.
func (s *Snapshot) Version(list string) (entity.ListVersion, bool) {
	for _, v := range s.Versions {
		if v.List == list {
			return v, true
		}
	}
	return entity.ListVersion{}, false
}

// Screener returns a screener, not paced, that screens against the
// snapshot.
func (s *Snapshot) Screener() *Screener {
	return &Screener{current: new(atomic.Pointer[Snapshot]), bound: true, fixed: s}
}

// DemoRecords returns the records of an entity when the snapshot is of
// records the store does not hold, as the demo dataset (see FromRecords).
func (s *Snapshot) DemoRecords(id string) []*entity.Entity {
	var out []*entity.Entity
	for _, e := range s.records {
		if e.ID == id {
			out = append(out, e)
		}
	}
	return out
}

// Scanner returns the text scanner of the snapshot's index, which build
// makes on the first call (later calls wait for it, then share it): a
// scanner costs a few hundred milliseconds on the real lists, and lives
// and dies with its snapshot. Package screen cannot name the scanner's
// type (package textscan depends on it), hence any.
func (s *Snapshot) Scanner(build func(*index.Index) any) any {
	s.derived.once.Do(func() { s.derived.scanner = build(s.Index) })
	return s.derived.scanner
}

// Load builds the snapshot of stored versions, reading each version's
// entities by its ID: what is indexed is exactly the versions named, even
// when another process activates new ones meanwhile.
func Load(ctx context.Context, st store.Lists, versions []entity.ListVersion, cfg match.Config) (*Snapshot, error) {
	snap, _, err := load(ctx, st, versions, cfg)
	return snap, err
}

// load is Load, returning the records indexed too.
func load(ctx context.Context, st store.Lists, versions []entity.ListVersion, cfg match.Config) (*Snapshot, []*entity.Entity, error) {
	vs := slices.Clone(versions)
	slices.SortFunc(vs, byList)
	ents, err := readVersions(ctx, st, vs)
	if err != nil {
		return nil, nil, err
	}
	return NewSnapshot(index.Build(ents, cfg), DataLive, vs), ents, nil
}

func readVersions(ctx context.Context, st store.Lists, vs []entity.ListVersion) ([]*entity.Entity, error) {
	var ents []*entity.Entity
	for _, v := range vs {
		es, err := st.Entities(ctx, v.ID)
		if err != nil {
			return nil, fmt.Errorf("load version %d of %s: %w", v.ID, v.List, err)
		}
		ents = append(ents, es...)
	}
	return ents, nil
}

// Records returns the records the snapshot's index was built from: its
// versions' entities, read from st, or those it keeps (see FromRecords).
// The index keeps only what screening reads.
func (s *Snapshot) Records(ctx context.Context, st store.Lists) ([]*entity.Entity, error) {
	if s.records != nil {
		return s.records, nil
	}
	return readVersions(ctx, st, s.Versions)
}

// loadResolved builds the snapshot of stored versions (see Load) and
// resolves its subjects with the store's decisions, storing the subject
// IDs with keep (see Snapshot.Resolve). A resolution that fails is
// logged, and the snapshot serves without it.
func loadResolved(ctx context.Context, st store.Store, versions []entity.ListVersion, cfg match.Config, keep bool, log *slog.Logger) (*Snapshot, error) {
	snap, ents, err := load(ctx, st, versions, cfg)
	if err != nil {
		return nil, err
	}
	snap.resolve(ctx, st, ents, keep, log)
	return snap, nil
}

// resolve resolves the snapshot's subjects, logging how it went.
func (s *Snapshot) resolve(ctx context.Context, st store.Subjects, ents []*entity.Entity, keep bool, log *slog.Logger) {
	if err := s.Resolve(ctx, st, ents, keep); err != nil {
		log.Error("SUBJECTS NOT RESOLVED: screening reports each listing as a subject of its own", "versions", s.RefString(), "err", err)
		return
	}
	sum := s.Subjects().Stats()
	log.Info("subjects resolved", "versions", s.RefString(), "listings", sum.Listings, "subjects", sum.Subjects, "took", s.ResolvedIn().Round(time.Millisecond))
}

// LoadActive builds the snapshot of the store's active versions; nil
// when the store holds none.
func LoadActive(ctx context.Context, st store.Lists, cfg match.Config) (*Snapshot, error) {
	active, err := st.Versions(ctx, store.VersionFilter{ActiveOnly: true})
	if err != nil {
		return nil, err
	}
	if len(active) == 0 {
		return nil, nil
	}
	return Load(ctx, st, active, cfg)
}

// InForceFrom returns the instant from which a version counts as its
// list's version in as-of screening. It is the publication date when the
// publisher gave one: read from the file ("file"), the publisher's
// server's Last-Modified ("last-modified"), or the newest listing date in
// the list ("newest-listing-date": a designation is in force from the
// day it is made). A version whose publication date is unknown — the
// time of a local file ("file-mtime"), which says when the file was
// copied rather than published, or none — counts from when veto read it
// (FetchedAt): veto does not claim a list was in force before it can
// show the list existed.
func InForceFrom(v entity.ListVersion) time.Time {
	switch v.PublishedFrom {
	case "file", "last-modified", "newest-listing-date":
		if !v.Published.IsZero() {
			return v.Published
		}
	}
	return v.FetchedAt
}

// VersionsAt returns, of the stored versions given, each list's version
// in force at t, by list — of the versions in force by then (InForceFrom
// at or before t), the one stored last — and the lists of which no
// version was in force yet at t.
//
// Stored last, not published last: the store keeps a list's versions in
// the order it made them active, which places a version of unknown
// publication date among the dated ones (veto import all stores those
// first), and a deliberate rollback (--force) counts as the operator
// meant it. Ordering by InForceFrom instead would make a file of unknown
// date imported today outrank every dated version stored after it.
func VersionsAt(all []entity.ListVersion, t time.Time) (in []entity.ListVersion, absent []string) {
	best := map[string]entity.ListVersion{}
	lists := map[string]bool{}
	for _, v := range all {
		lists[v.List] = true
		if InForceFrom(v).After(t) {
			continue
		}
		if b, ok := best[v.List]; !ok || v.ID > b.ID {
			best[v.List] = v
		}
	}
	for l := range lists {
		if v, ok := best[l]; ok {
			in = append(in, v)
		} else {
			absent = append(absent, l)
		}
	}
	slices.SortFunc(in, byList)
	slices.Sort(absent)
	return in, absent
}

// ErrNoVersionsAt is returned (wrapped, with the oldest version's date)
// for an as-of instant before any stored version was in force.
var ErrNoVersionsAt = errors.New("no list version stored was in force at that instant")

// ParseAsOf reads an as-of instant: an RFC 3339 date-time
// ("2025-06-01T12:00:00Z"), or a date ("2025-06-01"), which means the end
// of that day in UTC — the lists as they stood that day, with what was
// published during it.
func ParseAsOf(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t.UTC(), nil
	}
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not an RFC 3339 date (2025-06-01) or date-time (2025-06-01T12:00:00Z)", s)
	}
	return d.Add(24*time.Hour - time.Nanosecond), nil
}

// DefaultHistorySize is how many snapshots of past version sets a
// History keeps unless told otherwise.
const DefaultHistorySize = 2

// History builds the snapshots of past version sets on demand, for as-of
// screening, and keeps the most recently used few: an index of every list
// takes 2–3 s and some 400 MB to build, so at most Size are cached and one
// is built at a time (requests for other instants wait for it), which
// bounds the memory as-of screening takes to Size+1 indexes beside the
// one served.
type History struct {
	store  store.Lists
	config match.Config
	size   int
	// Subjects, if set, resolves the subjects of each snapshot built with
	// its decisions (without storing the IDs, which are the served
	// lists'); Logger logs how that went.
	Subjects store.Subjects
	Logger   *slog.Logger

	mu      sync.Mutex
	entries []*Snapshot // most recently used first
	build   chan struct{}
}

// NewHistory returns a History of the store's versions, indexed with cfg,
// keeping size snapshots (0: DefaultHistorySize; negative: none).
func NewHistory(st store.Lists, cfg match.Config, size int) *History {
	if size == 0 {
		size = DefaultHistorySize
	}
	return &History{store: st, config: cfg, size: max(size, 0), build: make(chan struct{}, 1)}
}

// At returns the snapshot of the versions in force at t, with AsOf and
// Absent set. When they are the versions of current (the snapshot
// served), it is current's index that is used: nothing is built.
func (h *History) At(ctx context.Context, t time.Time, current *Snapshot) (*Snapshot, error) {
	all, err := h.store.Versions(ctx, store.VersionFilter{})
	if err != nil {
		return nil, fmt.Errorf("as of %s: %w", t.Format(time.RFC3339), err)
	}
	in, absent := VersionsAt(all, t)
	if len(in) == 0 {
		if len(all) == 0 {
			return nil, fmt.Errorf("%w: the store holds no list versions", ErrNoVersionsAt)
		}
		oldest := slices.MinFunc(all, func(a, b entity.ListVersion) int { return InForceFrom(a).Compare(InForceFrom(b)) })
		return nil, fmt.Errorf("%w: %s, the first, is in force from %s", ErrNoVersionsAt, entity.VersionRef{ID: oldest.ID, List: oldest.List},
			InForceFrom(oldest).UTC().Format(time.RFC3339))
	}
	key := versionKey(in)
	asOf := func(s *Snapshot) *Snapshot {
		c := *s // shares the index and what is derived from it
		c.AsOf, c.Absent = t, absent
		return &c
	}
	if current != nil && current.Data == DataLive && versionKey(current.Versions) == key {
		return asOf(current), nil
	}
	if s := h.cached(key); s != nil {
		return asOf(s), nil
	}
	select {
	case h.build <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-h.build }()
	if s := h.cached(key); s != nil { // built while this one waited
		return asOf(s), nil
	}
	s, ents, err := load(ctx, h.store, in, h.config)
	if err != nil {
		return nil, fmt.Errorf("as of %s: %w", t.Format(time.RFC3339), err)
	}
	if h.Subjects != nil {
		s.resolve(ctx, h.Subjects, ents, false, cmp.Or(h.Logger, slog.New(slog.DiscardHandler)))
	}
	h.put(s)
	return asOf(s), nil
}

// cached returns the cached snapshot of a version set, marking it used.
func (h *History) cached(key string) *Snapshot {
	h.mu.Lock()
	defer h.mu.Unlock()
	for i, s := range h.entries {
		if versionKey(s.Versions) == key {
			copy(h.entries[1:i+1], h.entries[:i])
			h.entries[0] = s
			return s
		}
	}
	return nil
}

func (h *History) put(s *Snapshot) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.size == 0 {
		return
	}
	h.entries = append([]*Snapshot{s}, h.entries...)
	if len(h.entries) > h.size {
		clear(h.entries[h.size:])
		h.entries = h.entries[:h.size]
	}
}

// Cached returns the version sets cached, most recently used first, in
// compact form.
func (h *History) Cached() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := make([]string, len(h.entries))
	for i, s := range h.entries {
		out[i] = s.RefString()
	}
	return out
}

// versionKey identifies a set of versions: their IDs, sorted.
func versionKey(vs []entity.ListVersion) string {
	ids := make([]int64, len(vs))
	for i, v := range vs {
		ids[i] = v.ID
	}
	slices.Sort(ids)
	var b strings.Builder
	for _, id := range ids {
		b.WriteString(strconv.FormatInt(id, 10))
		b.WriteByte(' ')
	}
	return b.String()
}
