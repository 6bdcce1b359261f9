package main

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/spf13/cobra"

	"github.com/vetoscreen/veto/eval"
	"github.com/vetoscreen/veto/index"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/source/ftm"
)

type benchOptions struct {
	data       dataOptions
	People     string
	Brute      int
	Builds     int
	Rounds     int
	JSON       bool
	Queries    string
	CPUProfile string
	// FtM are FollowTheMoney files (veto lists generate) whose entities
	// join the lists: the index grows, the queries stay the same.
	FtM []string
}

func newBenchCommand(g *globalOptions) *cobra.Command {
	var o benchOptions
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Measure screening speed and memory on the real lists, against brute force",
		Long: `Build the index of the lists (timed), then screen a set of queries: the
labelled development set of veto devset, or --queries. It reports, on one
core, queries per second and the p50/p99 latency of a query; on all cores,
the batch throughput; the index build time and the resident memory. The
queries are screened as veto screen does, grouped by subject after the
listings are resolved into subjects (timed; the memory is measured with
the resolution), or with --by listing one hit per listing, unresolved. A
sample of the queries is also scored by brute force against every listed
entity, side by side: any match the brute force finds at the threshold that
the index does not is a lost match, and there must be none.`,
		Example: `  veto bench --from ../shared/data
  veto bench --from ../shared/data --brute 500 --json
  veto lists generate 250000 --seed 1 -o gen.ftm.json
  veto bench --from ../shared/data --ftm gen.ftm.json --by listing`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error { return runBench(cmd.Context(), g, &o) },
	}
	f := cmd.Flags()
	o.data.addFlags(f)
	o.data.addByFlag(f)
	f.StringVar(&o.People, "people", "", "names of unlisted people for the query set (default: names/nmvw_wikidata_name_pairs/name_pairs.txt under --from)")
	f.StringVar(&o.Queries, "queries", "", "a labelled query file (veto devset output) instead of generating one")
	f.IntVar(&o.Brute, "brute", 300, "queries also scored by brute force")
	f.IntVar(&o.Builds, "builds", 3, "index builds timed (the median is reported)")
	f.IntVar(&o.Rounds, "rounds", 3, "passes over the queries for the latency figures (the median pass is reported)")
	f.BoolVar(&o.JSON, "json", false, "write JSON")
	f.StringVar(&o.CPUProfile, "cpuprofile", "", "write a CPU profile of the one-core pass to this file")
	f.StringSliceVar(&o.FtM, "ftm", nil, "FollowTheMoney JSON lines (e.g. from veto lists generate) whose entities join the lists, for sizing: the queries stay those of the lists")
	return cmd
}

// BenchReport is what veto bench measures.
type BenchReport struct {
	Entities  int `json:"entities"`
	Names     int `json:"names"`
	Queries   int `json:"queries"`
	Threshold float64
	// Rounds are the passes over the queries timed on one core.
	Rounds     int             `json:"rounds"`
	BuildTimes []time.Duration `json:"buildTimes"`
	BuildP50   time.Duration   `json:"buildMedian"`
	// By is how hits are grouped; Resolve is how long the resolution into
	// subjects took, and Subjects how many it made (by subject).
	By       screen.Grouping `json:"by"`
	Resolve  time.Duration   `json:"resolve,omitempty"`
	Subjects int             `json:"subjects,omitempty"`
	// One core, one query at a time.
	QPS1 float64       `json:"qpsOneCore"`
	P50  time.Duration `json:"p50"`
	P99  time.Duration `json:"p99"`
	Max  time.Duration `json:"max"`
	// P50Fastest and P99Fastest are over each query's fastest pass: a
	// query slowed in one pass by another process taking the core (a
	// shared machine's scheduler slice is some milliseconds, over a
	// p99 of one) counts its time in the others, so that two runs
	// compare their code more than their neighbours.
	P50Fastest time.Duration `json:"p50Fastest"`
	P99Fastest time.Duration `json:"p99Fastest"`
	// All cores.
	Cores    int     `json:"cores"`
	BatchQPS float64 `json:"batchNamesPerSecond"`
	// Memory after the build, with the index live.
	RSSMB  float64 `json:"rssMB"`
	HeapMB float64 `json:"heapMB"`
	// Brute force, side by side.
	BruteQueries  int           `json:"bruteQueries"`
	BruteP50      time.Duration `json:"bruteP50"`
	IndexP50      time.Duration `json:"indexP50OnSample"`
	BruteMatches  int           `json:"bruteMatches"`
	IndexMatches  int           `json:"indexMatches"`
	LostMatches   int           `json:"lostMatches"`
	ExtraMatches  int           `json:"extraMatches"`
	ScoreMismatch int           `json:"scoreMismatches"`
	Lost          []string      `json:"lost,omitempty"`
}

func runBench(ctx context.Context, g *globalOptions, o *benchOptions) error {
	ents, err := loadEntities(ctx, g, &o.data)
	if err != nil {
		return err
	}
	if len(o.FtM) > 0 {
		res, err := ftm.ParseFiles(ctx, o.FtM, ftm.Options{List: "bench-ftm", Prefix: "ftm"})
		if err != nil {
			return err
		}
		ents = append(ents, res.Entities...)
	}
	by, err := o.data.grouping()
	if err != nil {
		return err
	}
	cfg := match.DefaultConfig()
	rep := BenchReport{Threshold: cfg.Threshold, Cores: runtime.GOMAXPROCS(0), By: by, Rounds: max(o.Rounds, 1)}

	var ix *index.Index
	for i := 0; i < max(o.Builds, 1); i++ {
		ix = nil
		runtime.GC()
		start := time.Now()
		ix = index.Build(ents, cfg)
		rep.BuildTimes = append(rep.BuildTimes, time.Since(start))
	}
	rep.BuildP50 = median(rep.BuildTimes)
	rep.Entities, rep.Names = ix.Stats.Entities, ix.Stats.Names
	snap := screen.NewSnapshot(ix, screen.DataLive, nil)
	if by == screen.BySubject {
		// With the store's decisions, as a snapshot is resolved; its
		// subject IDs are not kept.
		st, err := g.openStore(ctx)
		if err != nil {
			return err
		}
		start := time.Now()
		err = snap.Resolve(ctx, st, ents, false)
		rep.Resolve = time.Since(start)
		st.Close()
		if err != nil {
			return err
		}
		rep.Subjects = len(snap.Subjects().Subjects)
	}
	ents = nil
	runtime.GC()
	debug.FreeOSMemory()
	rep.RSSMB, rep.HeapMB = memoryMB()

	queries, err := benchQueries(ctx, g, o, ix)
	if err != nil {
		return err
	}
	rep.Queries = len(queries)

	// One core: one goroutine, GOMAXPROCS 1, queries one after another.
	if o.CPUProfile != "" {
		f, err := os.Create(o.CPUProfile)
		if err != nil {
			return err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer f.Close()
	}
	screener := snap.Screener()
	opts := screen.Options{Explain: true, Limit: 10, By: by}
	prev := runtime.GOMAXPROCS(1)
	var rounds [][]time.Duration
	for r := 0; r < max(o.Rounds, 1); r++ {
		lat := make([]time.Duration, len(queries))
		for i, q := range queries {
			start := time.Now()
			_, _ = screener.Screen(ctx, q, opts) // an invalid query costs what it costs
			lat[i] = time.Since(start)
		}
		rounds = append(rounds, lat)
	}
	runtime.GOMAXPROCS(prev)
	if o.CPUProfile != "" {
		pprof.StopCPUProfile()
	}
	best := fastest(rounds)
	slices.Sort(best)
	rep.P50Fastest, rep.P99Fastest = best[len(best)/2], best[len(best)*99/100]
	slices.SortFunc(rounds, func(a, b []time.Duration) int { return int(sum(a) - sum(b)) })
	lat := rounds[len(rounds)/2]
	total := sum(lat)
	slices.Sort(lat)
	rep.P50, rep.P99, rep.Max = lat[len(lat)/2], lat[len(lat)*99/100], lat[len(lat)-1]
	rep.QPS1 = float64(len(lat)) / total.Seconds()

	// All cores: workers pulling queries, as veto screen --jsonl does.
	var next atomic.Int64
	start := time.Now()
	var wg sync.WaitGroup
	const batchRounds = 5
	for w := 0; w < rep.Cores; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(queries)*batchRounds {
					return
				}
				_, _ = screener.Screen(ctx, queries[i%len(queries)], screen.Options{Limit: 10, By: by})
			}
		}()
	}
	wg.Wait()
	rep.BatchQPS = float64(len(queries)*batchRounds) / time.Since(start).Seconds()

	benchBrute(ix, cfg, queries, o.Brute, &rep)
	if o.JSON {
		return writeJSON(g.stdout, rep)
	}
	printBench(g, &rep)
	return nil
}

// benchQueries returns the queries: from --queries, or generated.
func benchQueries(ctx context.Context, g *globalOptions, o *benchOptions, _ *index.Index) ([]match.Query, error) {
	return queriesFor(ctx, g, &o.data, o.People, o.Queries)
}

// queriesFor returns benchmark queries: those of a labelled query file
// (veto devset output), or generated from the lists and names of unlisted
// people, in a fixed shuffled order.
func queriesFor(ctx context.Context, g *globalOptions, data *dataOptions, people, queries string) ([]match.Query, error) {
	var cases []eval.Case
	if queries != "" {
		var err error
		if cases, err = readCases(queries, ""); err != nil {
			return nil, err
		}
	} else {
		if people == "" && data.From != "" {
			people = filepath.Join(data.From, "names", "nmvw_wikidata_name_pairs", "name_pairs.txt")
		}
		var names []string
		if f, err := os.Open(people); err == nil {
			names, err = eval.ReadPeople(f)
			f.Close()
			if err != nil {
				return nil, err
			}
		}
		ents, err := loadEntities(ctx, g, data)
		if err != nil {
			return nil, err
		}
		cases = eval.Generate(ents, names, 7, eval.DefaultSizes)
	}
	qs := make([]match.Query, len(cases))
	for i, c := range cases {
		qs[i] = c.Query
	}
	// A fixed shuffle, so that samples mix every kind of query.
	for i := range qs {
		j := (i*7919 + 13) % len(qs)
		qs[i], qs[j] = qs[j], qs[i]
	}
	return qs, nil
}

// benchBrute scores a sample both ways and counts what the index lost.
func benchBrute(ix *index.Index, cfg match.Config, queries []match.Query, n int, rep *BenchReport) {
	n = min(n, len(queries))
	rep.BruteQueries = n
	var bl, il []time.Duration
	for _, q := range queries[:n] {
		p, err := cfg.Prepare(q, ix)
		if err != nil {
			continue
		}
		start := time.Now()
		got := ix.Search(p, index.Options{})
		il = append(il, time.Since(start))
		start = time.Now()
		want := ix.BruteForce(p, index.Options{})
		bl = append(bl, time.Since(start))
		rep.BruteMatches += len(want)
		rep.IndexMatches += len(got)
		scores := map[string]float64{}
		for _, h := range got {
			scores[h.EntityID] = h.Score
		}
		for _, h := range want {
			s, ok := scores[h.EntityID]
			switch {
			case !ok:
				rep.LostMatches++
				rep.Lost = append(rep.Lost, fmt.Sprintf("%q: %s %.3f", q.Name, h.EntityID, h.Score))
			case s != h.Score:
				rep.ScoreMismatch++
			}
			delete(scores, h.EntityID)
		}
		rep.ExtraMatches += len(scores)
	}
	if len(bl) > 0 {
		rep.BruteP50, rep.IndexP50 = median(bl), median(il)
	}
}

func printBench(g *globalOptions, r *BenchReport) {
	w := g.stdout
	fmt.Fprintf(w, "Lists: %d entities, %d names. Queries: %d (threshold %.2f).\n\n", r.Entities, r.Names, r.Queries, r.Threshold)
	tw := table(w)
	fmt.Fprintf(tw, "index build\t%v (median of %d: %v)\n", r.BuildP50.Round(time.Millisecond), len(r.BuildTimes), roundAll(r.BuildTimes))
	if r.By == screen.BySubject {
		fmt.Fprintf(tw, "subjects\t%d, resolved in %v\n", r.Subjects, r.Resolve.Round(time.Millisecond))
	}
	fmt.Fprintf(tw, "memory with the index\t%.0f MB resident, %.0f MB Go heap\n", r.RSSMB, r.HeapMB)
	fmt.Fprintf(tw, "screened by\t%s\n", r.By)
	fmt.Fprintf(tw, "one core\t%.0f queries/s, p50 %v, p99 %v, max %v\n", r.QPS1, r.P50.Round(time.Microsecond), r.P99.Round(time.Microsecond), r.Max.Round(time.Microsecond))
	fmt.Fprintf(tw, "each query's fastest pass\tp50 %v, p99 %v (of %d passes)\n", r.P50Fastest.Round(time.Microsecond), r.P99Fastest.Round(time.Microsecond), r.Rounds)
	fmt.Fprintf(tw, "all %d cores\t%.0f names/s\n", r.Cores, r.BatchQPS)
	fmt.Fprintf(tw, "brute force\t%d queries: p50 %v against the index's %v (%.0fx)\n", r.BruteQueries, r.BruteP50.Round(time.Microsecond), r.IndexP50.Round(time.Microsecond), float64(r.BruteP50)/float64(max(r.IndexP50, 1)))
	fmt.Fprintf(tw, "matches\tbrute force %d, index %d: lost %d, extra %d, different scores %d\n", r.BruteMatches, r.IndexMatches, r.LostMatches, r.ExtraMatches, r.ScoreMismatch)
	tw.Flush()
	for _, l := range r.Lost {
		fmt.Fprintln(w, "  lost:", l)
	}
}

// fastest returns each query's fastest time over rounds, the times of
// the same queries in the same order.
func fastest(rounds [][]time.Duration) []time.Duration {
	if len(rounds) == 0 {
		return nil
	}
	best := slices.Clone(rounds[0])
	for _, r := range rounds[1:] {
		for i, d := range r {
			best[i] = min(best[i], d)
		}
	}
	return best
}

// median returns the middle value (the upper one of an even count), or
// zero for none.
func median[T cmp.Ordered](xs []T) T {
	var zero T
	if len(xs) == 0 {
		return zero
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

func sum(ds []time.Duration) time.Duration {
	var t time.Duration
	for _, d := range ds {
		t += d
	}
	return t
}

func roundAll(ds []time.Duration) []time.Duration {
	out := make([]time.Duration, len(ds))
	for i, d := range ds {
		out[i] = d.Round(time.Millisecond)
	}
	return out
}

// memoryMB returns the process's resident memory (Linux) and Go heap.
func memoryMB() (rss, heap float64) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	heap = float64(ms.HeapAlloc) / (1 << 20)
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
				f := strings.Fields(rest)
				if kb, err := strconv.ParseFloat(f[0], 64); err == nil {
					rss = kb / 1024
				}
			}
		}
	}
	return rss, heap
}
