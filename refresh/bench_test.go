package refresh_test

import (
	"context"
	"path/filepath"
	"runtime/metrics"
	"testing"
	"time"

	"github.com/vetoscreen/veto/refresh"
	"github.com/vetoscreen/veto/source/all"
	"github.com/vetoscreen/veto/source/sourcetest"
	"github.com/vetoscreen/veto/store/sqlite"
)

// BenchmarkImportAll parses and stores every snapshot in the shared data
// folder into a fresh store, as `veto import all` does. It reports the
// peak Go heap; `/usr/bin/time -v veto import all DIR` gives the process's
// peak resident memory.
func BenchmarkImportAll(b *testing.B) {
	dir := sourcetest.SharedData(b)
	var peak uint64
	for i := 0; i < b.N; i++ {
		db, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "veto.db"))
		if err != nil {
			b.Fatal(err)
		}
		stop := watchHeap(&peak)
		r := &refresh.Refresher{Store: db, Config: refresh.DefaultConfig()}
		out, _, err := r.ImportDir(context.Background(), dir, all.ParseFolders)
		stop()
		db.Close()
		if err != nil {
			b.Fatal(err)
		}
		for _, o := range out {
			if o.Err != nil {
				b.Fatalf("%s: %v", o.List, o.Err)
			}
		}
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}

// watchHeap samples the live heap until stopped, keeping the peak.
func watchHeap(peak *uint64) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	tick := time.NewTicker(5 * time.Millisecond)
	go func() {
		defer close(finished)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > *peak {
				*peak = v
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	return func() { close(done); <-finished }
}
