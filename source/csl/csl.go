// Package csl reads the US trade.gov Consolidated Screening List. (Stub: being written.)
package csl

import (
	"context"
	"fmt"

	"github.com/vetoscreen/veto/source"
)

// Publisher describes the US trade.gov Consolidated Screening List as a list publisher.
var Publisher = source.Publisher{
	Name:         "csl",
	Jurisdiction: "us",
	Title:        "the US trade.gov Consolidated Screening List",
	Parse:        Parse,
}

// Parse reads list files; see [source.Publisher].
func Parse(ctx context.Context, paths []string) ([]*source.Result, error) {
	return nil, fmt.Errorf("%w: csl parser not written yet", source.ErrFormat)
}
