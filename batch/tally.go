package batch

import "github.com/vetoscreen/veto/screen"

// Tally sums up a run's rows for its audit entry, as veto batch, a batch
// job (/v1/jobs) and veto customers import record it: the rows read, the
// Errors among them (not screened) and the Warnings (screened without an
// unreadable optional field); the results of the rows screened go into
// the Summary (counts, row IDs, entities and scores; never the names).
type Tally struct {
	screen.Summary
	Rows     int64 `json:"rows,omitempty"`
	Errors   int64 `json:"errors,omitempty"`
	Warnings int64 `json:"warnings,omitempty"`
}

// Count tallies one row and its result; it is an Options.Result.
func (t *Tally) Count(row *Row, res *screen.Result) {
	t.Rows++
	switch {
	case row.Err != nil:
		t.Errors++
		return
	case row.Warning != nil:
		t.Warnings++
	}
	t.Add(res)
}

// Merge adds the tally of other rows, screened against the same
// versions (a batch job's chunks, each screened on its own), as if they
// had been counted here after these.
func (t *Tally) Merge(o *Tally) {
	t.Rows += o.Rows
	t.Errors += o.Errors
	t.Warnings += o.Warnings
	t.Queries += o.Queries
	t.WithHits += o.WithHits
	t.Hits += o.Hits
	t.Best = max(t.Best, o.Best)
	t.Matched = append(t.Matched, o.Matched[:min(len(o.Matched), screen.MaxSummaryHits-len(t.Matched))]...)
}
