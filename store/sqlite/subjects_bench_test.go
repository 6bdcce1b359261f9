package sqlite_test

import (
	"context"
	"fmt"
	"maps"
	"path/filepath"
	"testing"
	"time"

	"github.com/vetoscreen/veto/store/sqlite"
)

// BenchmarkPutSubjectIDs stores the subject IDs of a resolution of the
// size of every list in ../shared/data (about 33,000 listings): the first
// time, and again with one subject ID in a thousand changed, as after a
// list update.
func BenchmarkPutSubjectIDs(b *testing.B) {
	ctx := context.Background()
	ids := make(map[string]string, 33000)
	for i := range 33000 {
		ids[fmt.Sprint("ofac-", i)] = fmt.Sprint("vs-", i/3)
	}
	update := func(n int) map[string]string {
		m := maps.Clone(ids)
		for i := 0; i < len(ids); i += 1000 {
			m[fmt.Sprint("ofac-", i)] = fmt.Sprint("vs-new-", n, "-", i)
		}
		return m
	}
	b.Run("first", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			db, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "veto.db"))
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			if _, err := db.PutSubjectIDs(ctx, ids, time.Now()); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			db.Close()
			b.StartTimer()
		}
	})
	b.Run("update", func(b *testing.B) {
		db, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "veto.db"))
		if err != nil {
			b.Fatal(err)
		}
		defer db.Close()
		if _, err := db.PutSubjectIDs(ctx, ids, time.Now()); err != nil {
			b.Fatal(err)
		}
		n := 0
		for b.Loop() {
			b.StopTimer()
			next := update(n)
			n++
			b.StartTimer()
			if _, err := db.PutSubjectIDs(ctx, next, time.Now()); err != nil {
				b.Fatal(err)
			}
		}
	})
}
