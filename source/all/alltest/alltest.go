// Package alltest gives tests the entities of every list in the shared
// data folder (see sourcetest.SharedData), parsed once per test binary:
// the tests and benchmarks that screen against the real lists share one
// reading of them.
package alltest

import (
	"context"
	"sync"
	"testing"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source/all"
	"github.com/vetoscreen/veto/source/sourcetest"
)

var parsed struct {
	once sync.Once
	ents []*entity.Entity
	err  error
}

// Entities returns the records of every list under the shared data
// folder; it skips the test when the folder is absent. The entities must
// not be modified.
func Entities(t testing.TB) []*entity.Entity {
	t.Helper()
	dir := sourcetest.SharedData(t)
	parsed.once.Do(func() {
		res, _, err := all.ParseDir(context.Background(), dir)
		if err != nil {
			parsed.err = err
			return
		}
		for _, r := range res {
			parsed.ents = append(parsed.ents, r.Entities...)
		}
	})
	if parsed.err != nil {
		t.Fatalf("reading the shared lists: %v", parsed.err)
	}
	return parsed.ents
}
