// Package eu reads the EU Consolidated Financial Sanctions List. (Stub: being written.)
package eu

import (
	"context"
	"fmt"

	"github.com/vetoscreen/veto/source"
)

// Publisher describes the EU Consolidated Financial Sanctions List as a list publisher.
var Publisher = source.Publisher{
	Name:         "eu",
	Jurisdiction: "eu",
	Title:        "the EU Consolidated Financial Sanctions List",
	Parse:        Parse,
}

// Parse reads list files; see [source.Publisher].
func Parse(ctx context.Context, paths []string) ([]*source.Result, error) {
	return nil, fmt.Errorf("%w: eu parser not written yet", source.ErrFormat)
}
