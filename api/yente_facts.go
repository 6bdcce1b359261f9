package api

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/source/all"
	"github.com/vetoscreen/veto/store"
)

// What yente's entities carry that veto's listings do not say in so many
// words: FtM topics, "target", and when the entity was first seen, last
// seen and last changed. Each is derived here, the same way on every
// yente route, so that a filter and the entity it filters agree.

// Topic rules: a listing's topics follow from its list and its
// programmes (README's table, docs/design.md "yente topics"). Every
// listing of a sanctions list is a "sanction"; the US Consolidated
// Screening List bundles export-control and debarment lists, told apart
// by the programme its parser gives rows without one (the bundled list's
// name). Programmes of terrorism, narcotics and cyber regimes add
// crime.terror, crime and crime.cyber.
var (
	exportControlPrograms = []string{"Entity List", "Denied Persons List", "Unverified List", "Military End User"}
	debarmentPrograms     = []string{"ITAR Debarred"}
	programTopics         = []struct {
		topic string
		marks []string // lower-case words or codes of programme names
	}{
		{"crime.terror", []string{"sdgt", "fto", "sdt", "terr", "al-qaida", "al-qaeda", "isil", "da'esh", "taliban", "counter-terrorism",
			"terrorist", "1373", "al-shabaab", "taqa", "hamas"}},
		{"crime", []string{"sdntk", "sdnt", "illicit-drugs", "tco", "narcotics"}},
		{"crime.cyber", []string{"cyber"}},
	}
)

// designationTopics are the topics of a designation: an entity with one
// is a target; one with none (sanction.linked: a party linked to a
// designation, not designated itself) is not.
var designationTopics = []string{"sanction", "sanction.counter", "debarment", "export.control", "crime", "crime.terror", "crime.cyber", "wanted"}

// topicsOf returns the FtM topics of an entity on lists, sorted: own,
// the topics an imported FtM entity carries, and those its official
// lists and programmes imply. An imported list implies none: a PEP list
// is no "sanction".
func topicsOf(lists, programs, own []string) []string {
	var out []string
	add := func(t string) {
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	for _, t := range own {
		add(t)
	}
	for _, l := range lists {
		if !all.IsOfficial(l) && all.Kind(l) != entity.KindSanction {
			continue
		}
		if l != "us-csl" {
			add("sanction")
			continue
		}
		kind := "sanction"
		for _, p := range programs {
			switch {
			case hasPrefixAny(p, exportControlPrograms):
				kind = "export.control"
			case hasPrefixAny(p, debarmentPrograms):
				kind = "debarment"
			}
		}
		add(kind)
	}
	for _, p := range programs {
		for _, t := range programTopicsOf(p) {
			add(t)
		}
	}
	slices.Sort(out)
	return out
}

// programTopicsMemo holds programmes' topics: programmes come from the
// lists (a few hundred names), and a search derives topics for every
// entity.
var programTopicsMemo sync.Map

// programTopicsOf returns the topics a programme adds to sanction.
func programTopicsOf(program string) []string {
	if ts, ok := programTopicsMemo.Load(program); ok {
		return ts.([]string)
	}
	var ts []string
	for _, pt := range programTopics {
		if programMarked(strings.ToLower(program), pt.marks) {
			ts = append(ts, pt.topic)
		}
	}
	programTopicsMemo.Store(program, ts)
	return ts
}

func hasPrefixAny(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// programMarked reports whether a lower-case programme name has a word
// that is one of marks, or one of them followed by a digit or a hyphen
// ("cyber2", "illicit-drugs-eo14059"): "terr" is EU's code, and no
// prefix of "territory".
func programMarked(p string, marks []string) bool {
	words := strings.FieldsFunc(p, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\''
	})
	for _, w := range words {
		for _, m := range marks {
			if rest, ok := strings.CutPrefix(w, m); ok && (rest == "" || rest[0] == '-' || rest[0] >= '0' && rest[0] <= '9') {
				return true
			}
		}
	}
	return false
}

// isTarget reports whether topics make an entity a target.
func isTarget(topics []string) bool {
	for _, t := range topics {
		if slices.Contains(designationTopics, t) {
			return true
		}
	}
	return false
}

// yenteTime is yente's timestamp: UTC, to the second, no zone.
const yenteTime = "2006-01-02T15:04:05"

func yenteTimestamp(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.UTC().Format(yenteTime)
	return &s
}

// seen is when an entity was first listed and last changed, by the
// version history of its lists.
type seen struct{ first, changed time.Time }

// history is the seen times of every entity of a snapshot, built from
// the stored diffs (yente's first_seen, last_change and changed_since
// need them for every candidate, not one entity). Each list's diffs are
// read once: a new version of a list adds its own diff only.
type history struct {
	mu    sync.Mutex
	key   string
	byID  map[string]seen
	lists map[string]*listHistory
}

// listHistory is the seen times of a list's entities by the diffs of its
// versions up to upTo.
type listHistory struct {
	upTo int64
	byID map[string]seen
}

// seenOf returns the seen times of snap's entities by ID. A snapshot
// the store does not hold (the demo dataset) has none: its entities
// count as seen from their versions.
func (s *Server) seenOf(ctx context.Context, snap *screen.Snapshot) (map[string]seen, error) {
	h := &s.history
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.key == snap.RefString() && h.byID != nil {
		return h.byID, nil
	}
	byID := map[string]seen{}
	if snap.Data == screen.DataLive {
		if h.lists == nil {
			h.lists = map[string]*listHistory{}
		}
		// The request may go; the history is kept for the next.
		ctx := context.WithoutCancel(ctx)
		for _, active := range snap.Versions {
			lh := h.lists[active.List]
			if lh == nil || lh.upTo > active.ID { // new, or rolled back
				lh = &listHistory{byID: map[string]seen{}}
				h.lists[active.List] = lh
			}
			if err := s.readDiffs(ctx, lh, active); err != nil {
				return nil, err
			}
			for id, sn := range lh.byID {
				all := byID[id]
				if all.first.IsZero() || !sn.first.IsZero() && sn.first.Before(all.first) {
					all.first = sn.first
				}
				all.changed = later(all.changed, sn.changed)
				byID[id] = all
			}
		}
	}
	h.key, h.byID = snap.RefString(), byID
	return byID, nil
}

// readDiffs adds to lh the diffs of the versions of active's list after
// lh.upTo, up to active.
func (s *Server) readDiffs(ctx context.Context, lh *listHistory, active entity.ListVersion) error {
	if lh.upTo == active.ID {
		return nil
	}
	vs, err := s.store.Versions(ctx, store.VersionFilter{List: active.List})
	if err != nil {
		return fmt.Errorf("history of %s: %w", active.List, err)
	}
	slices.SortFunc(vs, func(a, b entity.ListVersion) int { return cmp.Compare(a.ID, b.ID) })
	for _, v := range vs {
		if v.ID <= lh.upTo || v.ID > active.ID {
			continue
		}
		d, err := s.store.Diff(ctx, v.ID)
		if err != nil {
			return fmt.Errorf("history of %s: diff of version %d: %w", active.List, v.ID, err)
		}
		at := screen.InForceFrom(v)
		for _, c := range d.Changes {
			sn := lh.byID[c.EntityID]
			switch c.Change {
			case entity.Added:
				if sn.first.IsZero() || at.Before(sn.first) {
					sn.first = at
				}
				fallthrough
			case entity.Changed:
				sn.changed = later(sn.changed, at)
			}
			lh.byID[c.EntityID] = sn
		}
		lh.upTo = v.ID
	}
	lh.upTo = active.ID
	return nil
}

// timestamps sets an entity's first_seen, last_seen and last_change (see
// seenTimes).
func timestamps(out *yenteEntity, snap *screen.Snapshot, hist map[string]seen, ids, lists []string) {
	first, last, changed := seenTimes(snap, hist, ids, lists)
	out.FirstSeen, out.LastSeen, out.LastChange = yenteTimestamp(first), yenteTimestamp(last), yenteTimestamp(changed)
}

// seenTimes returns when the listings ids on lists were first listed,
// last read and last changed: the earliest first listing and the latest
// change by the history, and when veto last read the lists. A listing
// the history does not hold (the demo dataset's) counts from its
// list's version.
func seenTimes(snap *screen.Snapshot, hist map[string]seen, ids, lists []string) (first, last, changed time.Time) {
	known := false
	for _, id := range ids {
		if sn, ok := hist[id]; ok {
			known = true
			if first.IsZero() || !sn.first.IsZero() && sn.first.Before(first) {
				first = sn.first
			}
			changed = later(changed, sn.changed)
		}
	}
	for _, l := range lists {
		v, ok := snap.Version(l)
		if !ok {
			continue
		}
		last = later(last, v.FetchedAt)
		if !known {
			if from := screen.InForceFrom(v); first.IsZero() || from.Before(first) {
				first = from
			}
			changed = later(changed, screen.InForceFrom(v))
		}
	}
	return first, last, changed
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
