package web

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// BenchmarkLoginBurst measures what 64 concurrent sign-ins (wrong
// passwords) cost the server: the peak of the Go heap in use and the
// process's peak RSS, from one address and from 64. Run it alone, once,
// so that the RSS is the burst's:
//
//	go test ./web -run '^$' -bench LoginBurst -benchtime 1x
//
// The limits themselves are asserted by TestLoginBurst.
func BenchmarkLoginBurst(b *testing.B) {
	for _, bc := range []struct {
		name string
		from func(i int) string
	}{
		{"OneAddress", func(int) string { return "10.9.0.1" }},
		{"64Addresses", func(i int) string { return fmt.Sprintf("10.9.1.%d", i+1) }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var peak uint64
			for range b.N {
				b.StopTimer()
				ts := newTestServer(b, serverOptions{noCustomers: true, trustProxy: true})
				var as []attempt
				for i := range 64 {
					as = append(as, ts.newAttempt(b, bc.from(i), "ada", "not the password"))
				}
				runtime.GC()
				debug.FreeOSMemory()
				stop := make(chan struct{})
				var wg sync.WaitGroup
				wg.Go(func() {
					var ms runtime.MemStats
					for {
						runtime.ReadMemStats(&ms)
						peak = max(peak, ms.HeapInuse)
						select {
						case <-stop:
							return
						case <-time.After(5 * time.Millisecond):
						}
					}
				})
				b.StartTimer()
				counts := statusCounts(burst(as))
				b.StopTimer()
				close(stop)
				wg.Wait()
				b.Logf("statuses %v; password checks %+v", counts, ts.Users.HashStats())
			}
			b.ReportMetric(float64(peak>>20), "peak-heap-MiB")
			b.ReportMetric(float64(peakRSS()>>20), "peak-RSS-MiB")
		})
	}
}

// peakRSS is VmHWM of /proc/self/status in bytes: the most resident
// memory the process has had (0 where there is no /proc).
func peakRSS() uint64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseUint(f[1], 10, 64)
			return kb << 10
		}
	}
	return 0
}
