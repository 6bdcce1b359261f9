package main

import (
	"context"
	"fmt"
	"time"

	"github.com/vetoscreen/veto/app"
	"github.com/vetoscreen/veto/batch"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/screen"
)

// screenedData says what a command line screening ran against, for its
// audit entry: the store's active list versions, or the list files read
// with --from.
type screenedData struct {
	// Data is "live" (the store's active versions, as the API says) or
	// "files" (--from).
	Data     string       `json:"data"`
	Versions []versionRef `json:"versions"`
	// AsOf is the instant an --as-of screening screened the lists as they
	// were at.
	AsOf string `json:"asOf,omitempty"`
}

// versionRef identifies one list version screened against: by its store
// ID and content hash, or for a file read with --from by its list,
// publication date and files.
type versionRef struct {
	List          string   `json:"list"`
	ID            int64    `json:"id,omitempty"`
	Hash          string   `json:"hash,omitempty"`
	Published     string   `json:"published,omitempty"`
	PublishedFrom string   `json:"publishedFrom,omitempty"`
	Files         []string `json:"files,omitempty"`
}

// snapData says what a snapshot holds: the store's versions it was built
// from (live, or as of a past instant), or the files read with --from
// (versions the store never stored, so without an ID).
func snapData(snap *screen.Snapshot) screenedData {
	d := screenedData{Data: string(screen.DataNone), Versions: []versionRef{}}
	if snap == nil {
		return d
	}
	d.Data = string(snap.Data)
	if !snap.AsOf.IsZero() {
		d.AsOf = snap.AsOf.Format(time.RFC3339)
	}
	files := len(snap.Versions) > 0
	for _, v := range snap.Versions {
		ref := versionRef{List: v.List, ID: v.ID, Hash: v.Hash, Published: day(v.Published), PublishedFrom: v.PublishedFrom}
		if v.ID == 0 {
			ref.Files = v.Source
		} else {
			files = false
		}
		d.Versions = append(d.Versions, ref)
	}
	if files {
		d.Data = "files"
	}
	return d
}

// cliScreening is the audit entry of a command line screening: the
// summary the API records (counts, query IDs, matched entities and their
// scores; never the names screened) with the command and what it
// screened against.
type cliScreening struct {
	// Tally counts a file's rows (batch, customers import), as a batch
	// job's entry does: read, not screened, screened without an
	// unreadable field.
	batch.Tally
	Command  string       `json:"command"`
	Versions []versionRef `json:"versions"`
	AsOf     string       `json:"asOf,omitempty"`
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

func newCLIScreening(command string, d screenedData) *cliScreening {
	return &cliScreening{Tally: batch.Tally{Summary: screen.Summary{API: "cli", Data: d.Data}}, Command: command, Versions: d.Versions, AsOf: d.AsOf}
}

// recordScreening appends a command line screening to the audit trail of
// the --db store (the store screened against, or the store the command
// would use when it read --from files), as the API does for its calls:
// README promises that every screening outcome is audited, whatever the
// entry point. It is committed even when ctx was canceled (an
// interrupted batch's screened rows are screenings).
func recordScreening(ctx context.Context, g *globalOptions, a *app.App, action, subject string, sum *cliScreening) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	if err := a.Audit.Record(ctx, cliActor(), action, subject, sum); err != nil {
		return fmt.Errorf("the screening could not be recorded in the audit trail of %s: %w", redactURL(g.DB), err)
	}
	return nil
}

// addAlerts counts customers screened by the monitor: its hits are the
// alerts it raised (a match raised or decided before is not raised, so
// not counted, again), its query IDs the customers' own references.
func (c *cliScreening) addAlerts(customers int, alerts []entity.Alert) {
	c.Customers += customers
	c.Alerts += len(alerts)
	c.AddAlerts(customers, alerts)
}
