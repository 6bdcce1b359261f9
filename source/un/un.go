// Package un reads the UN Security Council Consolidated List. (Stub: being written.)
package un

import (
	"context"
	"fmt"

	"github.com/vetoscreen/veto/source"
)

// Publisher describes the UN Security Council Consolidated List as a list publisher.
var Publisher = source.Publisher{
	Name:         "un",
	Jurisdiction: "un",
	Title:        "the UN Security Council Consolidated List",
	Parse:        Parse,
}

// Parse reads list files; see [source.Publisher].
func Parse(ctx context.Context, paths []string) ([]*source.Result, error) {
	return nil, fmt.Errorf("%w: un parser not written yet", source.ErrFormat)
}
