// Package ca reads Canada's Consolidated Special Economic Measures Act list. (Stub: being written.)
package ca

import (
	"context"
	"fmt"

	"github.com/vetoscreen/veto/source"
)

// Publisher describes Canada's Consolidated Special Economic Measures Act list as a list publisher.
var Publisher = source.Publisher{
	Name:         "ca",
	Jurisdiction: "ca",
	Title:        "Canada's Consolidated Special Economic Measures Act list",
	Parse:        Parse,
}

// Parse reads list files; see [source.Publisher].
func Parse(ctx context.Context, paths []string) ([]*source.Result, error) {
	return nil, fmt.Errorf("%w: ca parser not written yet", source.ErrFormat)
}
