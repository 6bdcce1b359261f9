package entity

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// ListVersion is one version of one published list, as stored.
type ListVersion struct {
	// ID is the store's identifier of the version, increasing with time.
	ID int64 `json:"id"`
	// List is the list's name, e.g. "ofac-sdn", "un-sc".
	List string `json:"list"`
	// Publisher is the publisher prefix, e.g. "ofac".
	Publisher string `json:"publisher"`
	// Format names the file format it was read from, e.g. "ofac-csv".
	Format string `json:"format"`
	// Published is the publication date read from the file; when the file
	// carries none, PublishedFrom says where it came from instead.
	Published time.Time `json:"published"`
	// PublishedFrom is "file" when Published was read from the content,
	// otherwise what it was taken from ("last-modified", "file-mtime",
	// "newest-listing-date").
	PublishedFrom string `json:"publishedFrom"`
	// Hash is the hex SHA-256 of the content, over all files in order.
	Hash string `json:"hash"`
	// Source is where the content came from: URLs or local paths.
	Source []string `json:"source"`
	// FetchedAt is when veto read the content.
	FetchedAt time.Time `json:"fetchedAt"`
	// EntityCount is the number of entities in the version.
	EntityCount int `json:"entityCount"`
	// Warnings are what the parser read but could not map.
	Warnings []Warning `json:"warnings,omitempty"`
	// Active reports whether this is the list's version in use.
	Active bool `json:"active"`
}

// PublishedFromFileTime is the PublishedFrom of a version whose file
// carries no date, imported from disk: Published is then the file's
// modification time, which says when it was copied, not published.
const PublishedFromFileTime = "file-mtime"

// PublishDateKnown reports whether Published says when the list was
// published (read from the file, the server's Last-Modified, or the
// newest listing in it); it does not for a file time, nor when zero.
func (v ListVersion) PublishDateKnown() bool {
	return !v.Published.IsZero() && v.PublishedFrom != PublishedFromFileTime
}

// PublishedText says when the version was published, as shown to people:
// "2026-02-27", "2026-02-27 (newest-listing-date)", or, for a file time,
// "publish date unknown (file time 2024-05-01)" — a 2024 file copied
// today must not look published today.
func (v ListVersion) PublishedText() string {
	switch {
	case v.PublishedFrom == PublishedFromFileTime && !v.Published.IsZero():
		return "publish date unknown (file time " + v.Published.UTC().Format(time.DateOnly) + ")"
	case v.Published.IsZero():
		return "publish date unknown"
	case v.PublishedFrom != "file" && v.PublishedFrom != "":
		return v.Published.UTC().Format(time.DateOnly) + " (" + v.PublishedFrom + ")"
	}
	return v.Published.UTC().Format(time.DateOnly)
}

// Warning records something in a list file that the parser kept in the raw
// record but did not map to a property. Count says how often it occurred;
// File, Line and Field locate the first occurrence.
type Warning struct {
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Field   string `json:"field,omitempty"`
	Message string `json:"message"`
	Count   int    `json:"count"`
}

// Change kinds of a diff.
const (
	Added   = "added"
	Removed = "removed"
	Changed = "changed"
)

// EntityChange is one entity's change between two versions of a list.
type EntityChange struct {
	EntityID string `json:"entityId"`
	// Change is Added, Removed or Changed.
	Change string `json:"change"`
	// Caption is the entity's primary name (the new one unless removed).
	Caption string `json:"caption"`
	// Properties lists what changed, for Changed.
	Properties []PropertyChange `json:"properties,omitempty"`
	// Material reports whether the change affects identification; see
	// [Material]. Added and removed entities are always material.
	Material bool `json:"material"`
}

// Diff is the difference between two consecutive versions of a list.
type Diff struct {
	List string `json:"list"`
	// From is the earlier version's ID; 0 for the first version of a list.
	From    int64          `json:"from"`
	To      int64          `json:"to"`
	Added   int            `json:"added"`
	Removed int            `json:"removed"`
	Changed int            `json:"changed"`
	Changes []EntityChange `json:"changes"`
}

// ComputeDiff returns the changes from old to new entities, keyed by ID.
// Changes are ordered by entity ID.
func ComputeDiff(list string, from, to int64, old, new []*Entity) *Diff {
	d := &Diff{List: list, From: from, To: to, Changes: []EntityChange{}}
	before := make(map[string]*Entity, len(old))
	for _, e := range old {
		before[e.ID] = e
	}
	after := make(map[string]*Entity, len(new))
	for _, e := range new {
		after[e.ID] = e
		o, ok := before[e.ID]
		if !ok {
			d.Changes = append(d.Changes, EntityChange{EntityID: e.ID, Change: Added, Caption: e.Caption(), Material: true})
			d.Added++
			continue
		}
		if props := CompareProperties(o, e); len(props) > 0 {
			d.Changes = append(d.Changes, EntityChange{EntityID: e.ID, Change: Changed, Caption: e.Caption(), Properties: props, Material: Material(props)})
			d.Changed++
		}
	}
	for _, e := range old {
		if _, ok := after[e.ID]; !ok {
			d.Changes = append(d.Changes, EntityChange{EntityID: e.ID, Change: Removed, Caption: e.Caption(), Material: true})
			d.Removed++
		}
	}
	sortChanges(d.Changes)
	return d
}

func sortChanges(cs []EntityChange) {
	slices.SortFunc(cs, func(a, b EntityChange) int { return strings.Compare(a.EntityID, b.EntityID) })
}

// VersionRef names a list version a result was screened against: enough
// to find it in the store (ID) and to prove which content it was (Hash),
// with its publication date as the file gave it.
type VersionRef struct {
	// ID is the store's ID of the version; 0 for lists read from files
	// (--from) or the demo dataset, which the store does not hold.
	ID   int64  `json:"id"`
	List string `json:"list"`
	// Published is the version's publication date; PublishedFrom says
	// where it came from, as in ListVersion.
	Published     time.Time `json:"published"`
	PublishedFrom string    `json:"publishedFrom,omitempty"`
	Hash          string    `json:"hash"`
}

// Ref returns the reference of the version.
func (v ListVersion) Ref() VersionRef {
	return VersionRef{ID: v.ID, List: v.List, Published: v.Published, PublishedFrom: v.PublishedFrom, Hash: v.Hash}
}

// String is the compact form of a reference, "un-sc@7": the list and the
// store's version ID, or for a version the store does not hold, the
// first 12 hex digits of its content hash ("un-sc@sha256:66b392a40908").
func (r VersionRef) String() string {
	if r.ID != 0 || r.Hash == "" {
		return r.List + "@" + strconv.FormatInt(r.ID, 10)
	}
	return r.List + "@sha256:" + r.Hash[:min(12, len(r.Hash))]
}

// FormatRefs joins the compact forms of refs with commas:
// "eu-fsf@3,ofac-sdn@12,un-sc@7".
func FormatRefs(refs []VersionRef) string {
	var b strings.Builder
	for i, r := range refs {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(r.String())
	}
	return b.String()
}
