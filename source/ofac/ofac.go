// Package ofac reads the US Treasury OFAC lists. (Stub: being written.)
package ofac

import (
	"context"
	"fmt"

	"github.com/vetoscreen/veto/source"
)

// Publisher describes the US Treasury OFAC lists as a list publisher.
var Publisher = source.Publisher{
	Name:         "ofac",
	Jurisdiction: "us",
	Title:        "the US Treasury OFAC lists",
	Parse:        Parse,
}

// Parse reads list files; see [source.Publisher].
func Parse(ctx context.Context, paths []string) ([]*source.Result, error) {
	return nil, fmt.Errorf("%w: ofac parser not written yet", source.ErrFormat)
}
