package index_test

import (
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/eval"
	"github.com/vetoscreen/veto/index"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/source/all/alltest"
	"github.com/vetoscreen/veto/source/sourcetest"
)

var real struct {
	once sync.Once
	ix   *index.Index
}

// realIndex returns the index of every list under the shared data
// folder, and their records, built once per test binary; it skips when
// the folder is absent.
func realIndex(t testing.TB) (*index.Index, []*entity.Entity) {
	t.Helper()
	ents := alltest.Entities(t)
	real.once.Do(func() { real.ix = index.Build(ents, match.DefaultConfig()) })
	return real.ix, ents
}

// commonWordQueries are the slowest real queries: names made of the
// commonest listed words, which thousands of listed names hold.
var commonWordQueries = []string{
	"محمد المحمد",
	"محمد محمد",
	"Abraham ben Abraham",
	"Muhammad Ali",
	"Abdul Rahman al-Muhammad",
	"Mohammed bin Ali al-Ali",
}

// BenchmarkCommonWords screens each of commonWordQueries against the real
// lists, as veto bench does (explained, at most 10 hits).
func BenchmarkCommonWords(b *testing.B) {
	ix, _ := realIndex(b)
	cfg := ix.Config()
	for _, name := range commonWordQueries {
		b.Run(name, func(b *testing.B) {
			q := match.Query{Subject: entity.Subject{Name: name}}
			defer reportCPU(b)()
			for b.Loop() {
				p, err := cfg.Prepare(q, ix)
				if err != nil {
					b.Fatal(err)
				}
				ix.Search(p, index.Options{Explain: true, Limit: 10})
			}
		})
	}
}

// BenchmarkQueries screens the queries veto bench generates (positives,
// variants and unlisted people), one after another, as veto bench's
// one-core pass does; a benchmark operation is one query.
func BenchmarkQueries(b *testing.B) {
	ix, ents := realIndex(b)
	var people []string
	if f, err := os.Open(filepath.Join(sourcetest.SharedDataRoot(), "names", "nmvw_wikidata_name_pairs", "name_pairs.txt")); err == nil {
		people, err = eval.ReadPeople(f)
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
	}
	cases := eval.Generate(ents, people, 7, eval.DefaultSizes)
	cfg := ix.Config()
	search := func(q match.Query) {
		if p, err := cfg.Prepare(q, ix); err == nil {
			ix.Search(p, index.Options{Explain: true, Limit: 10})
		}
	}
	// A first pass fills the expansion cache, as a server's first
	// minutes do.
	for _, c := range cases {
		search(c.Query)
	}
	defer reportCPU(b)()
	i := 0
	for b.Loop() {
		search(cases[i%len(cases)].Query)
		i++
	}
}

// reportCPU adds the process's CPU time per operation (user and system,
// garbage collection included) to a benchmark's figures: on a shared
// machine, wall time per operation says more about the neighbours.
// Call it before the loop, and the function it returns after.
func reportCPU(b *testing.B) func() {
	start := cpuTime(b)
	return func() {
		b.ReportMetric(float64(cpuTime(b)-start)/float64(b.N), "cpu-ns/op")
	}
}

func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
