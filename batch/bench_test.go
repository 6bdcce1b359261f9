package batch

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/vetoscreen/veto/eval"
	"github.com/vetoscreen/veto/index"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/source/all/alltest"
)

// cpuTime is the process's CPU time so far, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkBatch screens $VETO_BENCH_ROWS (default 100,000) generated
// customers against every real list in the shared data folder, on every
// core, and reports rows per second:
//
//	go test ./batch -run XXX -bench Batch -benchtime 1x
//	VETO_BENCH_ROWS=1000000 go test ./batch -run XXX -bench Batch -benchtime 1x -count 5
func BenchmarkBatch(b *testing.B) {
	rows := 100_000
	if v := os.Getenv("VETO_BENCH_ROWS"); v != "" {
		var err error
		if rows, err = strconv.Atoi(v); err != nil {
			b.Fatalf("VETO_BENCH_ROWS=%q: %v", v, err)
		}
	}
	ents := alltest.Entities(b)
	s := screen.New(index.Build(ents, match.DefaultConfig()))
	tmp := b.TempDir()
	in := filepath.Join(tmp, "customers.csv")
	f, err := os.Create(in)
	if err != nil {
		b.Fatal(err)
	}
	w := csv.NewWriter(f)
	w.Write([]string{"id", "type", "name", "birth_date", "country", "id_number"})
	for c := range eval.GenerateCustomers(ents, rows, 1) {
		w.Write([]string{c.ID, string(c.Schema), c.Name, c.BirthDate, c.Country, c.IDNumber})
	}
	w.Flush()
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	info, _ := os.Stat(in)
	b.SetBytes(info.Size())
	b.ResetTimer()
	var st Stats
	cpu0 := cpuTime()
	for b.Loop() {
		st, err = Run(context.Background(), s, Files{Input: in, Output: filepath.Join(tmp, "out.csv")}, Options{Screen: screen.Options{Limit: 5}, Restart: true})
		if err != nil {
			b.Fatal(err)
		}
	}
	rows64 := float64(st.Rows) * float64(b.N)
	b.ReportMetric(rows64/b.Elapsed().Seconds(), "rows/s")
	// On a shared machine wall time says little: CPU time per row (all
	// goroutines, the garbage collector's included) does.
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/rows64, "cpu-µs/row")
	b.ReportMetric(float64(st.Hits), "hits")
}
