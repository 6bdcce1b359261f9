// Package refresh brings list versions into the store: from the publishers'
// official URLs (Update) or from local files (Import). It is the safety net
// between a download and the lists veto screens against: every file is
// downloaded to a temporary folder, parsed in full, checked, and only then
// stored as a new version in one transaction, so a truncated, malformed or
// suspiciously shrunken list never replaces a good one.
package refresh

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
	"github.com/vetoscreen/veto/store"
)

// ErrRefused is wrapped by the errors of a version the safety checks
// refused: one that drops too many entities.
var ErrRefused = errors.New("refused by safety check")

// Config controls refreshes. The zero value is not valid: start from
// DefaultConfig.
type Config struct {
	// MaxDrop is the largest fraction of the active version's entities a
	// new version may lose before it is refused (default 0.10).
	MaxDrop float64
	// Force stores a version that the shrink check or the age check would
	// refuse.
	Force bool
	// Attempts is how many times a download is tried (default 4).
	Attempts int
	// Backoff is the wait before the second attempt; it doubles after
	// each failure (default 2s).
	Backoff time.Duration
	// Timeout bounds one download attempt (default 5 minutes).
	Timeout time.Duration
	// Mirror, when set, replaces each download's URL with Mirror + "/" +
	// its file name, for banks that fetch lists through an internal mirror.
	Mirror string
	// UserAgent is sent with downloads.
	UserAgent string
}

// DefaultConfig returns the documented defaults.
func DefaultConfig() Config {
	return Config{MaxDrop: 0.10, Attempts: 4, Backoff: 2 * time.Second, Timeout: 5 * time.Minute, UserAgent: "veto (+https://github.com/vetoscreen/veto)"}
}

// Validate reports a config that cannot work.
func (c Config) Validate() error {
	switch {
	case c.MaxDrop < 0 || c.MaxDrop > 1:
		return fmt.Errorf("max drop %v: want a fraction between 0 and 1", c.MaxDrop)
	case c.Attempts < 1:
		return fmt.Errorf("attempts %d: want at least 1", c.Attempts)
	case c.Backoff < 0 || c.Timeout <= 0:
		return fmt.Errorf("backoff and timeout must be positive")
	}
	return nil
}

// Refresher stores new list versions.
type Refresher struct {
	Store  store.Lists
	Config Config
	// Client makes the downloads; nil means http.DefaultClient.
	Client *http.Client
	Logger *slog.Logger
	// Now returns the current time; nil means time.Now.
	Now func() time.Time
}

// Outcome is what happened to one list.
type Outcome struct {
	List string
	// Version is the stored version, or when Unchanged the stored version
	// with the same content.
	Version entity.ListVersion
	// Unchanged reports that the content equals that of a stored
	// version, Version (the active one, or an older one): nothing was
	// stored and the active version stays.
	Unchanged bool
	// Diff is the change from the previously active version.
	Diff *entity.Diff
	// Err is why the list was not stored; nil on success.
	Err error
}

func (r *Refresher) now() time.Time {
	if r.Now != nil {
		return r.Now()
	}
	return time.Now()
}

func (r *Refresher) logger() *slog.Logger {
	if r.Logger != nil {
		return r.Logger
	}
	return slog.New(slog.DiscardHandler)
}

// Import parses local files of one publisher and stores a new version of
// each list found. Parse failures fail the whole import (the error names
// the file and line); a list refused by the checks is reported in its
// Outcome while the others are stored.
func (r *Refresher) Import(ctx context.Context, pub *source.Publisher, paths []string) ([]Outcome, error) {
	if err := r.Config.Validate(); err != nil {
		return nil, err
	}
	files, err := expand(paths)
	if err != nil {
		return nil, err
	}
	results, err := pub.Parse(ctx, files)
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", pub.Name, err)
	}
	var out []Outcome
	for _, res := range results {
		out = append(out, r.store(ctx, pub, res, res.Files, nil))
	}
	return out, nil
}

// ImportDir stores every list version found in dir and its subfolders
// (see all.ParseFolders for how folders are recognised). Folders that hold
// no list are returned in skipped.
//
// The versions of each list are stored oldest first by the publish date
// read from their content, whatever the folders are called: a first
// import of an archive never makes an older snapshot active after a newer
// one. Versions whose format carries no date (OFAC's CSV) keep the
// folders' name order and go before the dated versions of their list; a
// file's modification time never orders anything. Content the store
// already holds, as any version, is reported unchanged, so importing the
// same folder again adds nothing.
//
// Two passes keep memory to one folder's lists rather than the archive's:
// the first parses every folder for its lists' dates and content hashes,
// the second parses again, in the order decided, only what is new.
func (r *Refresher) ImportDir(ctx context.Context, dir string, parseFolders func(context.Context, string, func(*source.Publisher, []*source.Result) error) ([]error, error)) (out []Outcome, skipped []error, err error) {
	if err := r.Config.Validate(); err != nil {
		return nil, nil, err
	}
	var units []importUnit
	skipped, err = parseFolders(ctx, dir, func(pub *source.Publisher, results []*source.Result) error {
		for _, res := range results {
			u := importUnit{pub: pub, list: res.List, files: res.Files, published: res.Published,
				from: res.PublishedFrom, seq: len(units)}
			hash, _, err := contentHash(res.Files)
			if err != nil {
				return err
			}
			if u.same, err = r.storedWithHash(ctx, res.List, hash); err != nil {
				return err
			}
			units = append(units, u)
		}
		return nil
	})
	if err != nil {
		return nil, skipped, err
	}
	slices.SortStableFunc(units, compareUnits)

	// Parse the next unit while the last one is stored: parsing and
	// storing each take about half the time, and there are two cores.
	type parsed struct {
		u   importUnit
		res *source.Result
		err error
	}
	queue := make(chan parsed, 1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for p := range queue {
			switch {
			case p.err != nil:
				out = append(out, Outcome{List: p.u.list, Err: p.err})
			case p.res == nil:
				out = append(out, Outcome{List: p.u.list, Version: *p.u.same, Unchanged: true})
			default:
				out = append(out, r.store(ctx, p.u.pub, p.res, p.res.Files, nil))
			}
		}
	}()
	for _, u := range units {
		p := parsed{u: u}
		if u.same == nil {
			p.res, p.err = parseUnit(ctx, u)
		}
		select {
		case queue <- p:
			continue
		case <-ctx.Done():
			err = ctx.Err()
		}
		break
	}
	close(queue)
	<-done // out is complete only now
	return out, skipped, err
}

// importUnit is one version of one list found by ImportDir.
type importUnit struct {
	pub       *source.Publisher
	list      string
	files     []string
	published time.Time
	from      string // Result.PublishedFrom; "" when the format has no date
	seq       int    // position in the folders' name order
	// same is the stored version with the same content, if any.
	same *entity.ListVersion
}

// compareUnits orders ImportDir's units: by list, then the dateless in
// folder order, then the dated by date (folder order for equal dates).
func compareUnits(a, b importUnit) int {
	if c := strings.Compare(a.list, b.list); c != 0 {
		return c
	}
	ad, bd := a.from != "" && !a.published.IsZero(), b.from != "" && !b.published.IsZero()
	switch {
	case ad != bd:
		if ad {
			return 1
		}
		return -1
	case ad:
		if c := a.published.Compare(b.published); c != 0 {
			return c
		}
	}
	return a.seq - b.seq
}

// parseUnit parses a unit's files again and returns its list's result.
func parseUnit(ctx context.Context, u importUnit) (*source.Result, error) {
	results, err := u.pub.Parse(ctx, u.files)
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", u.pub.Name, err)
	}
	for _, res := range results {
		if res.List == u.list {
			return res, nil
		}
	}
	return nil, fmt.Errorf("import %s: %v no longer hold list %s", u.pub.Name, u.files, u.list)
}

// storedWithHash returns the stored version of list whose content hash is
// hash, or nil; the active version if it is one of them.
func (r *Refresher) storedWithHash(ctx context.Context, list, hash string) (*entity.ListVersion, error) {
	vs, err := r.Store.Versions(ctx, store.VersionFilter{List: list})
	if err != nil {
		return nil, err
	}
	var found *entity.ListVersion
	for i := range vs {
		if vs[i].Hash == hash && (found == nil || vs[i].Active) {
			found = &vs[i]
		}
	}
	return found, nil
}

// expand replaces folders by the regular files in them (not recursing),
// in name order, skipping hidden files.
func expand(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("import: %w", err)
		}
		if !fi.IsDir() {
			out = append(out, p)
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			return nil, fmt.Errorf("import: %w", err)
		}
		for _, e := range entries {
			if e.Type().IsRegular() && e.Name()[0] != '.' {
				out = append(out, filepath.Join(p, e.Name()))
			}
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("import: no files in %v", paths)
	}
	return out, nil
}

// store checks one parsed list and adds it as a version. sources are the
// URLs or paths to record; modified, set (if empty) for downloads only,
// gives the files' Last-Modified times by path for lists whose files
// carry no date.
func (r *Refresher) store(ctx context.Context, pub *source.Publisher, res *source.Result, sources []string, modified map[string]time.Time) Outcome {
	o := Outcome{List: res.List}
	log := r.logger().With("list", res.List)
	hash, mtime, err := contentHash(res.Files)
	if err != nil {
		o.Err = err
		return o
	}
	v := entity.ListVersion{
		List: res.List, Publisher: pub.Name, Format: res.Format,
		Published: res.Published, PublishedFrom: res.PublishedFrom,
		Hash: hash, Source: sources, FetchedAt: r.now().UTC(), Warnings: res.Warnings,
	}
	if v.Published.IsZero() {
		// The format carries no date (OFAC's CSV files): the server's
		// Last-Modified, or the file's own time, is the best we have.
		v.Published, v.PublishedFrom = mtime, entity.PublishedFromFileTime
		for _, f := range res.Files {
			if t, ok := modified[f]; ok {
				v.Published, v.PublishedFrom = t, "last-modified"
			}
		}
	}
	// Imported content stored before, as any version, is not news (Force
	// stores it again as a deliberate rollback). This comes before the
	// shrink check: an old snapshot imported again is no shrink. A
	// download is the publisher's current list, which may return to an
	// earlier content (a designation added and lifted): it is news unless
	// it is the active version's.
	download := modified != nil
	same, err := r.storedWithHash(ctx, res.List, hash)
	if err != nil {
		o.Err = err
		return o
	}
	if same != nil && (same.Active || !r.Config.Force && !download) {
		o.Version, o.Unchanged = *same, true
		log.Info("list unchanged", "version", same.ID)
		return o
	}
	if err := r.checkShrink(ctx, res); err != nil {
		log.Warn("list refused", "err", err)
		o.Err = err
		return o
	}
	added, err := r.Store.AddVersion(ctx, store.NewVersion{Version: v, Entities: res.Entities, Force: r.Config.Force, Repeat: download})
	if err != nil {
		o.Err = err
		return o
	}
	o.Version, o.Unchanged, o.Diff = added.Version, added.Unchanged, added.Diff
	if o.Unchanged {
		log.Info("list unchanged", "version", o.Version.ID)
	} else {
		log.Info("list version stored", "version", o.Version.ID, "entities", o.Version.EntityCount,
			"added", o.Diff.Added, "removed", o.Diff.Removed, "changed", o.Diff.Changed, "warnings", len(v.Warnings))
	}
	return o
}

// checkShrink refuses a version that loses more than MaxDrop of the active
// version's entities: a publisher's list does not halve overnight, a
// broken export or a half-written file does.
func (r *Refresher) checkShrink(ctx context.Context, res *source.Result) error {
	active, err := r.Store.Versions(ctx, store.VersionFilter{List: res.List, ActiveOnly: true})
	if err != nil || len(active) == 0 {
		return err
	}
	prev, n := active[0].EntityCount, len(res.Entities)
	if r.Config.Force || prev == 0 || float64(prev-n) <= r.Config.MaxDrop*float64(prev) {
		return nil
	}
	return fmt.Errorf("%w: %s has %d entities, %.0f%% fewer than the %d of active version %d (limit %.0f%%); the active version stays; use --force if the drop is real",
		ErrRefused, res.List, n, 100*float64(prev-n)/float64(prev), prev, active[0].ID, 100*r.Config.MaxDrop)
}

// ContentHash returns the hash a version of the files' content is stored
// under (ListVersion.Hash): lists read straight from files (veto screen
// --from) are named by it.
func ContentHash(files []string) (string, error) {
	h, _, err := contentHash(files)
	return h, err
}

// contentHash returns the SHA-256 over the SHA-256 of each file's
// decompressed content, sorted: the same list has the same hash whether it
// was downloaded as a zip or as plain XML, in a new zip with new
// timestamps, or under another file name. It also returns the newest
// modification time among the files.
func contentHash(files []string) (string, time.Time, error) {
	sums := make([]string, 0, len(files))
	var newest time.Time
	for _, f := range files {
		data, err := source.ReadFile(f)
		if errors.Is(err, source.ErrFormat) {
			// A zip of several files (an XLSX workbook) is hashed as is.
			data, err = os.ReadFile(f)
		}
		if err != nil {
			return "", time.Time{}, err
		}
		sum := sha256.Sum256(data)
		sums = append(sums, hex.EncodeToString(sum[:]))
		if fi, err := os.Stat(f); err == nil && fi.ModTime().After(newest) {
			newest = fi.ModTime().UTC()
		}
	}
	slices.Sort(sums)
	h := sha256.New()
	for _, s := range sums {
		h.Write([]byte(s))
	}
	return hex.EncodeToString(h.Sum(nil)), newest, nil
}
