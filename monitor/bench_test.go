package monitor_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/eval"
	"github.com/vetoscreen/veto/monitor"
	"github.com/vetoscreen/veto/source/sourcetest"
	"github.com/vetoscreen/veto/store/sqlite"
)

// BenchmarkProcessAfterUpdate measures what a list update costs the
// monitoring: $VETO_BENCH_CUSTOMERS customers (default 100,000; the issue's
// figure is 1,000,000) stored with the UN list of 2025-04-19, then the
// update to 2026-02-27 re-screened. It reports the seconds of the
// re-screening (Process) per run and the customers screened per second.
// The snapshot updated to is resolved into subjects, as veto serve's is:
// the alerts are grouped by subject.
func BenchmarkProcessAfterUpdate(b *testing.B) {
	old := sourcetest.SharedData(b, "un", "2025-04-19", "consolidated.xml")
	cur := sourcetest.SharedData(b, "un", "2026-02-27", "consolidated.xml")
	people := sourcetest.SharedData(b, "names", "nmvw_wikidata_name_pairs", "name_pairs.txt")
	n := 100_000
	if v, err := strconv.Atoi(os.Getenv("VETO_BENCH_CUSTOMERS")); err == nil && v > 0 {
		n = v
	}
	f, err := os.Open(people)
	if err != nil {
		b.Fatal(err)
	}
	names, err := eval.ReadPeople(f)
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	// Customers: people's names recombined (given name of one, surname
	// of another), as a customer file has many people no list names.
	r := rand.New(rand.NewPCG(1, 2))
	customers := make([]entity.Customer, n)
	for i := range customers {
		a := strings.Fields(names[r.IntN(len(names))])
		z := strings.Fields(names[r.IntN(len(names))])
		customers[i] = entity.Customer{
			ID:      fmt.Sprintf("CUST-%07d", i),
			Subject: entity.Subject{Schema: entity.Person, Name: a[0] + " " + z[len(z)-1], BirthDate: strconv.Itoa(1940 + r.IntN(60))},
		}
	}
	ctx := context.Background()
	b.StopTimer()
	for range b.N {
		st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "veto.db"))
		if err != nil {
			b.Fatal(err)
		}
		importFile(b, st, "un", old)
		var sv served
		sv.load(b, st)
		m := &monitor.Monitor{Store: st, Snapshot: sv.snapshot}
		if _, err := m.Process(ctx); err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		for i := 0; i < n; i += 10_000 {
			if _, err := st.PutCustomers(ctx, customers[i:min(i+10_000, n)], time.Now()); err != nil {
				b.Fatal(err)
			}
		}
		b.Logf("stored %d customers in %v", n, time.Since(start).Round(time.Millisecond))
		importFile(b, st, "un", cur)
		sv.loadResolved(b, st) // as veto serve's, whose alerts are by subject
		b.StartTimer()
		rep, err := m.Process(ctx)
		b.StopTimer()
		if err != nil || rep.Customers != n {
			b.Fatalf("process: %+v, %v", rep, err)
		}
		b.ReportMetric(rep.Took.Seconds(), "s/update")
		b.ReportMetric(float64(n)/rep.Took.Seconds(), "customers/s")
		b.Logf("re-screened %d customers against %d entities in %v: %d alerts", rep.Customers, rep.Entities, rep.Took.Round(time.Millisecond), len(rep.Alerts))
		st.Close()
	}
}
