// Package uk reads the UK Sanctions List (FCDO) and OFSI Consolidated List. (Stub: being written.)
package uk

import (
	"context"
	"fmt"

	"github.com/vetoscreen/veto/source"
)

// Publisher describes the UK Sanctions List (FCDO) and OFSI Consolidated List as a list publisher.
var Publisher = source.Publisher{
	Name:         "uk",
	Jurisdiction: "uk",
	Title:        "the UK Sanctions List (FCDO) and OFSI Consolidated List",
	Parse:        Parse,
}

// Parse reads list files; see [source.Publisher].
func Parse(ctx context.Context, paths []string) ([]*source.Result, error) {
	return nil, fmt.Errorf("%w: uk parser not written yet", source.ErrFormat)
}
