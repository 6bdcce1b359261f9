package entity

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// List kinds: what a list's hits mean. A hit on a PEP list is not a
// sanctions hit; screening profiles include or exclude kinds, and alerts
// can be routed and filtered by them.
const (
	// KindSanction is the kind of the official sanctions lists.
	KindSanction = "sanction"
	// KindPEP marks politically exposed persons and their relatives and
	// close associates.
	KindPEP = "pep"
	// KindInternal marks a bank's own block or exit lists.
	KindInternal = "internal"
	// KindDebarment marks debarment and exclusion lists (World Bank,
	// procurement exclusions).
	KindDebarment = "debarment"
	// KindCrime marks wanted and criminal lists.
	KindCrime = "crime"
	// KindOther is any other watchlist.
	KindOther = "other"
)

// Kinds lists every list kind, in a stable order.
var Kinds = []string{KindSanction, KindPEP, KindInternal, KindDebarment, KindCrime, KindOther}

// ParseKind checks a list kind given by a user: one of Kinds, any case.
func ParseKind(s string) (string, error) {
	k := strings.ToLower(strings.TrimSpace(s))
	if !slices.Contains(Kinds, k) {
		return "", fmt.Errorf("unknown list kind %q (want one of %s)", s, strings.Join(Kinds, ", "))
	}
	return k, nil
}

// ListInfo is what the user said of a list imported with `veto import
// ftm` or `veto import csv`: its kind, the regime (jurisdiction) it
// belongs to, its title and its publisher. The official lists have none
// stored: their publisher says it (package source/all).
type ListInfo struct {
	List         string    `json:"list"`
	Kind         string    `json:"kind"`
	Jurisdiction string    `json:"jurisdiction"`
	Title        string    `json:"title,omitempty"`
	Publisher    string    `json:"publisher,omitempty"`
	UpdatedAt    time.Time `json:"updatedAt"`
}
