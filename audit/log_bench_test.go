package audit_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/vetoscreen/veto/audit"
	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/store/sqlite"
)

// BenchmarkCommit measures what committing one screening summary costs,
// on SQLite: from one caller (a transaction each, as at low load), and
// from 2 and 8 callers at once (group commit). It reports the process's CPU per
// entry, which the wall time per entry does not show: a group waits for
// its members.
func BenchmarkCommit(b *testing.B) {
	sum := screen.Summary{API: "native", Data: "live", Versions: []string{"eu-fsf@3", "ofac-sdn@12", "uk-hmt@4", "un-sc@7"},
		Queries: 1, WithHits: 1, Hits: 2, Best: 0.93, Matched: []screen.Matched{{Entity: "ofac-35233", Score: 0.93}, {Entity: "eu-fsf-1234", Score: 0.81}}}
	for _, callers := range []int{1, 2, 8} {
		b.Run(fmt.Sprintf("callers-%d", callers), func(b *testing.B) {
			ctx := context.Background()
			st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "veto.db"))
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			l := audit.NewLog(st, nil, nil)
			defer l.Close()
			cpu := processCPU()
			var wg sync.WaitGroup
			for c := range callers {
				wg.Go(func() {
					for i := c; i < b.N; i += callers {
						if err := l.Commit(ctx, "key:0123456789ab", chain.ActionScreen, "request/0123456789abcdef", sum); err != nil {
							b.Error(err)
							return
						}
					}
				})
			}
			wg.Wait()
			b.ReportMetric(float64(processCPU()-cpu)/float64(b.N)/1e3, "cpu-µs/op")
			if commits, events := l.Stats(); commits > 0 {
				b.ReportMetric(float64(events)/float64(commits), "events/commit")
			}
		})
	}
}

// processCPU is the CPU this process has used, user and system.
func processCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
