package app

import (
	"context"
	"fmt"
	"time"

	"github.com/vetoscreen/veto/batch"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/textscan"
)

// Screening is the audit entry of a screening made outside the API (the
// command line's screen, batch, text, customers import and monitor run):
// the summary the API records (counts, query IDs, matched entities and
// their scores; never the names screened), with the command and what it
// screened against. README promises that every screening outcome is
// audited, whatever the entry point.
type Screening struct {
	// Tally counts a file's rows (batch, customers import), as a batch
	// job's entry does: read, not screened, screened without an
	// unreadable field.
	batch.Tally
	Command  string       `json:"command"`
	Versions []VersionRef `json:"versions"`
	// AsOf is the instant an as-of screening screened the lists as they
	// were at.
	AsOf string `json:"asOf,omitempty"`
	// Findings counts a text scan's findings by kind; Bytes the text's
	// length.
	Findings map[string]int `json:"findings,omitempty"`
	Bytes    int            `json:"bytes,omitempty"`
	// Alerts raised (customers import, monitor run); Customers screened.
	Alerts    int `json:"alerts,omitempty"`
	Customers int `json:"customers,omitempty"`
	// Interrupted is set when the run stopped before its end: what it
	// screened until then is still recorded.
	Interrupted bool   `json:"interrupted,omitempty"`
	Took        string `json:"took,omitempty"`
}

// VersionRef identifies one list version screened against: by its store
// ID and content hash, or for a file read with --from (FileSnapshot) by
// its list, publication date and files.
type VersionRef struct {
	List          string   `json:"list"`
	ID            int64    `json:"id,omitempty"`
	Hash          string   `json:"hash,omitempty"`
	Published     string   `json:"published,omitempty"`
	PublishedFrom string   `json:"publishedFrom,omitempty"`
	Files         []string `json:"files,omitempty"`
}

// NewScreening starts the entry of a screening by command through api
// against snap: the store's versions it was built from (data "live", or
// as of a past instant), or the files read with --from (data "files":
// versions the store never stored, so without an ID). A nil snap is a
// monitoring run that screened nothing, and so never loaded the lists.
func NewScreening(api, command string, snap *screen.Snapshot) *Screening {
	s := &Screening{Tally: batch.Tally{Summary: screen.Summary{API: api, Data: string(screen.DataLive)}}, Command: command, Versions: []VersionRef{}}
	if snap == nil {
		return s
	}
	s.Data = string(snap.Data)
	if !snap.AsOf.IsZero() {
		s.AsOf = snap.AsOf.Format(time.RFC3339)
	}
	files := len(snap.Versions) > 0
	for _, v := range snap.Versions {
		ref := VersionRef{List: v.List, ID: v.ID, Hash: v.Hash, PublishedFrom: v.PublishedFrom}
		if !v.Published.IsZero() {
			ref.Published = v.Published.UTC().Format(time.DateOnly)
		}
		if v.ID == 0 {
			ref.Files = v.Source
		} else {
			files = false
		}
		s.Versions = append(s.Versions, ref)
	}
	if files {
		s.Data = "files"
	}
	return s
}

// AddAlerts counts customers screened by the monitor: its hits are the
// alerts it raised (a match raised or decided before is not raised, so
// not counted, again), its query IDs the customers' own references.
func (s *Screening) AddAlerts(customers int, alerts []entity.Alert) {
	s.Customers += customers
	s.Alerts += len(alerts)
	s.Summary.AddAlerts(customers, alerts)
}

// AddFindings counts a text scan of size bytes: the text is one query;
// its findings are counted by kind, and those naming a listed entity are
// its hits, with the subject of each in subjects (by finding; nil
// entries when not grouped by subject). The text and the words found in
// it are not kept.
func (s *Screening) AddFindings(size int, findings []textscan.Finding, subjects []*screen.SubjectRef) {
	s.Bytes += size
	if s.Findings == nil {
		s.Findings = map[string]int{}
	}
	res := screen.Result{}
	for i, f := range findings {
		s.Findings[string(f.Kind)]++
		if f.Entity != nil {
			h := screen.Hit{EntityID: f.Entity.ID, Score: f.Score}
			if i < len(subjects) && subjects[i] != nil {
				h.Subject = subjects[i].ID
			}
			res.Hits = append(res.Hits, h)
		}
	}
	s.Add(&res)
}

// RecordScreening appends a screening's entry to the audit trail, by
// actor. It is committed even when ctx was canceled: an interrupted
// batch's screened rows are screenings.
func (a *App) RecordScreening(ctx context.Context, actor, action, subject string, s *Screening) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	if err := a.Audit.Record(ctx, actor, action, subject, s); err != nil {
		return fmt.Errorf("the screening could not be recorded in the audit trail: %w", err)
	}
	return nil
}
