// Package eval measures veto's matching: it generates a labelled
// development set from the real lists (variants of listed names that must
// be found, names of unlisted people and companies that must not), and
// computes recall, precision, false-positive rate and F1 per threshold.
//
// The set is generated, never stored: the list files stay in the shared
// data folder, and the generator is deterministic for a seed, so the same
// lists give the same set on every machine. Each case is in the "dev"
// split (to tune on) or the "test" split (to report and gate CI on),
// chosen by a hash of the listed entity or of the negative name, so that
// tuning never sees the reported figures.
package eval

import "github.com/vetoscreen/veto/match"

// Case is one labelled query.
type Case struct {
	Query match.Query `json:"query"`
	// Expect lists the entity IDs a correct answer may hit: the listed
	// party under each of its IDs (one person on the OFAC, UN and UK lists
	// has three). Empty for a name that should give no hit.
	Expect []string `json:"expect"`
	// Kind says how the case was made: "exact", "reorder", "cyrillic",
	// "typo1", ..., "unlisted-person", "shared-surname", ...
	Kind string `json:"kind"`
	// Split is "dev" or "test".
	Split string `json:"split"`
	// Source is the listed name a variant was made from.
	Source string `json:"source,omitempty"`
}

// Positive reports whether the case expects a hit.
func (c *Case) Positive() bool { return len(c.Expect) > 0 }
