package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
	"github.com/vetoscreen/veto/store/sqlite"
)

// Two stores on one file (veto serve and a CLI command, say) append to
// one chain: each chains after the head it last wrote without reading
// it, so this checks that an append by the other in between is noticed
// and chained after, one entry or a group at a time, also when both
// append at once.
func TestAuditAppendsFromTwoProcessesMakeOneChain(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "veto.db")
	open := func() *sqlite.DB {
		db, err := sqlite.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	a, b := open(), open()
	n := 0
	entries := func(k int) []entity.AuditEntry {
		var es []entity.AuditEntry
		for range k {
			n++
			e, err := chain.Entry(time.Now(), "ann", chain.ActionScreen, fmt.Sprint("request/", n), map[string]int{"n": n})
			if err != nil {
				t.Fatal(err)
			}
			es = append(es, e)
		}
		return es
	}
	for _, step := range []struct {
		db *sqlite.DB
		k  int
	}{{a, 1}, {a, 2}, {b, 1}, {a, 1}, {b, 20}, {a, 23}, {a, 1}, {b, 5}, {b, 1}, {a, 70}} {
		if _, err := step.db.AppendAudit(ctx, entries(step.k)...); err != nil {
			t.Fatalf("append %d: %v", step.k, err)
		}
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	for i := range 8 {
		db := []*sqlite.DB{a, b}[i%2]
		mu.Lock()
		es := entries(1 + i%3)
		mu.Unlock()
		wg.Go(func() {
			for range 10 {
				if _, err := db.AppendAudit(ctx, es...); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	all, err := a.AuditEntries(ctx, store.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	want := 125 + 10*(1+2+3+1+2+3+1+2)
	if len(all) != want {
		t.Errorf("%d entries, want %d", len(all), want)
	}
	v := chain.NewVerifier()
	for i, e := range all {
		if e.Seq != int64(i+1) {
			t.Fatalf("entry %d has seq %d", i+1, e.Seq)
		}
		v.Add(e)
	}
	if !v.OK() {
		t.Errorf("the chain does not verify: %v", v.Problems())
	}
}
