// Package au reads Australia's DFAT Consolidated List. (Stub: being written.)
package au

import (
	"context"
	"fmt"

	"github.com/vetoscreen/veto/source"
)

// Publisher describes Australia's DFAT Consolidated List as a list publisher.
var Publisher = source.Publisher{
	Name:         "au",
	Jurisdiction: "au",
	Title:        "Australia's DFAT Consolidated List",
	Parse:        Parse,
}

// Parse reads list files; see [source.Publisher].
func Parse(ctx context.Context, paths []string) ([]*source.Result, error) {
	return nil, fmt.Errorf("%w: au parser not written yet", source.ErrFormat)
}
