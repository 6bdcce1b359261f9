// Package source reads the official sanctions lists. Each publisher has a
// package of its own below this one (source/ofac, source/un, ...) that owns
// its download URLs, its wire formats and the mapping to [entity.Entity];
// this package holds what they share: the [Publisher] description that the
// rest of veto uses to fetch and parse a list, the [Result] of a parse,
// [ParseError] for input that cannot be read, warnings for input that is
// read but not mapped, and file helpers that see through gzip and zip.
//
// A parser never drops what it does not understand: an unknown element,
// column or value is kept in the entity's raw record and counted in a
// warning. A record that cannot be read at all fails the whole parse with a
// ParseError naming the file, line and field, because a silently skipped
// record is a missed sanctions hit.
package source

import (
	"context"
	"time"

	"github.com/vetoscreen/veto/entity"
)

// Publisher is one publishing authority: the lists it publishes, where to
// download them, and how to read them.
type Publisher struct {
	// Name is the ID prefix of the publisher's entities, e.g. "ofac".
	Name string
	// Jurisdiction is the sanctions regime the publisher's lists belong
	// to, as named in screening profiles: "us", "un", "eu", "uk", "ca", "au".
	Jurisdiction string
	// Title is the publisher's name for people, e.g. "US Treasury OFAC".
	Title string
	// Lists are the lists the publisher publishes.
	Lists []List
	// Parse reads the files at paths, recognises which of the publisher's
	// lists and formats they hold, and returns one Result per list found.
	// Files it does not recognise are an error wrapping ErrFormat. Parse
	// reads every record or fails; it never returns a partial list.
	Parse func(ctx context.Context, paths []string) ([]*Result, error)
}

// List is one list a publisher publishes.
type List struct {
	// Name is the list's veto name, e.g. "ofac-sdn", "un-sc".
	Name string
	// Title is the publisher's name for the list.
	Title string
	// Downloads are the files `veto update` fetches for the list; the File
	// names are ones Parse recognises.
	Downloads []Download
	// Legacy marks a list its publisher has retired: it can still be
	// imported, but `veto update` fetches it only when asked by name.
	Legacy bool
}

// Download is one file of a list at its official URL.
type Download struct {
	URL string
	// File is the local file name to save it under.
	File string
}

// Result is one version of one list as read from files.
type Result struct {
	// List is the list's veto name.
	List string
	// Format names the wire format, e.g. "ofac-csv", "ofac-enhanced-xml".
	Format string
	// Files are the paths read, in the order read.
	Files []string
	// Published is the publication date read from the content; zero when
	// the format carries none.
	Published time.Time
	// PublishedFrom says where Published came from: "file" when read from
	// a date field of the content, "newest-listing-date" when derived
	// from the newest listing date in it.
	PublishedFrom string
	// Entities are the list's entities in file order, each with List set.
	Entities []*entity.Entity
	// Warnings count what was read but not mapped.
	Warnings []entity.Warning
}
