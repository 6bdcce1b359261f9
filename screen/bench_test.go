package screen_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/vetoscreen/veto/eval"
	"github.com/vetoscreen/veto/index"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/source/all/alltest"
	"github.com/vetoscreen/veto/source/sourcetest"
	"github.com/vetoscreen/veto/store/sqlite"
)

var realBench struct {
	once    sync.Once
	snap    *screen.Snapshot
	queries []match.Query
	err     error
}

// realSnapshot is a snapshot of every list of the shared data, resolved
// into subjects as veto bench resolves it, and veto bench's generated
// queries; made once per test binary.
func realSnapshot(b *testing.B) (*screen.Snapshot, []match.Query) {
	b.Helper()
	ents := alltest.Entities(b)
	people := filepath.Join(sourcetest.SharedData(b), "names", "nmvw_wikidata_name_pairs", "name_pairs.txt")
	realBench.once.Do(func() {
		ctx := context.Background()
		snap := screen.NewSnapshot(index.Build(ents, match.DefaultConfig()), screen.DataLive, nil)
		dir, err := os.MkdirTemp("", "veto-bench")
		if err != nil {
			realBench.err = err
			return
		}
		defer os.RemoveAll(dir)
		st, err := sqlite.Open(ctx, filepath.Join(dir, "veto.db"))
		if err != nil {
			realBench.err = err
			return
		}
		defer st.Close()
		if realBench.err = snap.Resolve(ctx, st, ents, false); realBench.err != nil {
			return
		}
		var names []string
		if f, err := os.Open(people); err == nil {
			names, realBench.err = eval.ReadPeople(f)
			f.Close()
		}
		for _, c := range eval.Generate(ents, names, 7, eval.DefaultSizes) {
			realBench.queries = append(realBench.queries, c.Query)
		}
		realBench.snap = snap
	})
	if realBench.err != nil {
		b.Fatal(realBench.err)
	}
	return realBench.snap, realBench.queries
}

// BenchmarkScreenBy screens veto bench's queries against the real lists,
// one after another on one core as veto bench does, by listing and by
// subject, on one snapshot (resolved either way): what grouping by
// subject costs a query, without the process-wide noise of two veto
// bench runs. An op is one query; p50 and p99 are per query.
//
//	VETO_SHARED_DATA=... go test ./screen -run '^$' -bench ScreenBy -count 5
func BenchmarkScreenBy(b *testing.B) {
	if testing.Short() {
		b.Skip("builds and resolves the real lists")
	}
	snap, queries := realSnapshot(b)
	s := snap.Screener()
	ctx := context.Background()
	for _, by := range []screen.Grouping{screen.ByListing, screen.BySubject} {
		b.Run(string(by), func(b *testing.B) {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
			opts := screen.Options{Explain: true, Limit: 10, By: by}
			lat := make([]time.Duration, 0, len(queries))
			i := 0
			for b.Loop() {
				start := time.Now()
				_, _ = s.Screen(ctx, queries[i%len(queries)], opts)
				lat = append(lat, time.Since(start))
				i++
			}
			slices.Sort(lat)
			b.ReportMetric(float64(lat[len(lat)/2].Nanoseconds()), "p50-ns")
			b.ReportMetric(float64(lat[len(lat)*99/100].Nanoseconds()), "p99-ns")
		})
	}
}
