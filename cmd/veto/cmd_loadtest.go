package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	neturl "net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/spf13/cobra"

	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/refresh"
	"github.com/vetoscreen/veto/source/all"
	"github.com/vetoscreen/veto/store/sqlite"
)

// listening finds the URL in veto serve's first line of output.
var listening = regexp.MustCompile(`veto listening on (https?://\S+)`)

type loadtestOptions struct {
	data        dataOptions
	URL         string
	Key         string
	Queries     string
	People      string
	Endpoints   []string
	Duration    time.Duration
	Concurrency int
	Rounds      int
	Hostile     int
	// HostileKinds keeps only these kinds of the hostile mix (empty:
	// all), to attribute the attackers' cost kind by kind.
	HostileKinds []string
	JSON         bool
}

func newLoadtestCommand(g *globalOptions) *cobra.Command {
	var o loadtestOptions
	cmd := &cobra.Command{
		Use:   "loadtest",
		Short: "Measure the HTTP API's throughput and latency under load",
		Long: `Load a veto server over HTTP with single-query requests and report, per
endpoint (POST /v1/screen, POST /match/sanctions):

  capacity  the most requests per second it serves, with --concurrency
            clients sending back to back (the median of --rounds runs);
  at 50% and 100% of capacity, requests sent at a fixed rate (open loop)
            for --duration: the rate achieved and the p50, p99 and largest
            latency, measured from when each request was due, so that a
            stalled server cannot hide its queue.

With --from DIR and no --url, veto imports the lists in DIR into a
temporary store, starts "veto serve" on it as a separate process on
loopback, and loads it. The queries are those of --queries (veto devset
output), or generated from the lists as veto bench does.

With --hostile N, every capacity run is followed by one with N attackers
sending beside it, each on a connection of its own: 1,000-byte names of
initials, of one letter, of short or common words, at threshold 0.1 and
limit 100, alone, in batches of 100 and on /match; a batch of 1,000 of
them whose client hangs up after 100 ms; the slowest real names (one
common word repeated) in batches of 100; a threshold of 1e-9; 300 KB of
one name as free text; wrong passwords on /ui/login, alone and in bursts
of 32 at once, and 30 KB login names; 30 KB HTTP methods. The report puts the capacity and latency
with the attackers beside those without, and the server's resident
memory at the end.`,
		Example: `  veto loadtest --from ../shared/data
  veto loadtest --url http://127.0.0.1:8080 --key $KEY --queries dev.jsonl --endpoints screen
  veto loadtest --from ../shared/data --hostile 4 --endpoints screen`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error { return runLoadtest(cmd.Context(), g, &o) },
	}
	f := cmd.Flags()
	o.data.addFlags(f)
	f.StringVar(&o.URL, "url", "", "the server to load (default: start one on the lists of --from)")
	f.StringVar(&o.Key, "key", os.Getenv("VETO_API_KEY"), "API key for --url (env VETO_API_KEY)")
	f.StringVar(&o.Queries, "queries", "", "a labelled query file (veto devset output)")
	f.StringVar(&o.People, "people", "", "names of unlisted people for generated queries (see veto bench)")
	f.StringSliceVar(&o.Endpoints, "endpoints", []string{"screen", "match"}, "screen, match or both")
	f.DurationVar(&o.Duration, "duration", 10*time.Second, "length of each measured run")
	f.IntVar(&o.Concurrency, "concurrency", 16, "clients sending back to back when measuring capacity")
	f.IntVar(&o.Rounds, "rounds", 3, "capacity runs (the median is used)")
	f.IntVar(&o.Hostile, "hostile", 0, "attackers sending a hostile mix beside each capacity run (0: none)")
	f.StringSliceVar(&o.HostileKinds, "hostile-kinds", nil, "send only these kinds of the hostile mix, by the names of its report (default: all)")
	f.BoolVar(&o.JSON, "json", false, "write JSON")
	return cmd
}

// LoadReport is one endpoint's figures.
type LoadReport struct {
	Endpoint   string    `json:"endpoint"`
	Capacities []float64 `json:"capacities"`
	Capacity   float64   `json:"capacity"`
	// Saturated is the latency of the median capacity run: the clients
	// sending back to back, the server at 100% of what it serves.
	Saturated LoadPoint   `json:"saturated"`
	Runs      []LoadPoint `json:"runs"`
	// With --hostile: the same capacity runs with the attackers sending.
	HostileCapacities []float64  `json:"hostileCapacities,omitempty"`
	HostileCapacity   float64    `json:"hostileCapacity,omitempty"`
	HostileSaturated  *LoadPoint `json:"hostileSaturated,omitempty"`
	// HostileRatio is the median, over the rounds, of a round's capacity
	// with the attackers over its capacity without: each pair measured
	// back to back, which a shared machine's drift from round to round
	// moves less than the ratio of the two medians.
	HostileRatio float64 `json:"hostileRatio,omitempty"`
	// AttackerCPU is the median, over the rounds, of the share of the
	// server's CPU that was not the normal requests' during the run with
	// the attackers, the normal requests costing what they did in the run
	// before it: what the attackers took, a figure that other processes
	// on the machine move far less than throughput.
	AttackerCPU float64 `json:"attackerCPUShare,omitempty"`
	Hostile     string  `json:"hostile,omitempty"`
	// MemoryBytes is the server's resident memory after the runs.
	MemoryBytes int64 `json:"memoryBytes,omitempty"`
}

// LoadPoint is one open-loop run at a fixed rate.
type LoadPoint struct {
	Share    float64       `json:"share"`
	Target   float64       `json:"targetRate"`
	Achieved float64       `json:"achievedRate"`
	Requests int           `json:"requests"`
	Errors   int           `json:"errors"`
	P50      time.Duration `json:"p50"`
	P99      time.Duration `json:"p99"`
	Max      time.Duration `json:"max"`
	// ServerCPU is the server process's CPU per request served, read
	// from its /metrics (process_cpu_seconds_total, in 10 ms ticks)
	// around a capacity run; with attackers, their requests' CPU is in
	// it too.
	ServerCPU time.Duration `json:"serverCPUPerRequest,omitempty"`
}

func runLoadtest(ctx context.Context, g *globalOptions, o *loadtestOptions) error {
	for _, e := range o.Endpoints {
		if e != "screen" && e != "match" {
			return usageError{fmt.Errorf("--endpoints %q: want screen or match", e)}
		}
	}
	if o.URL == "" && o.data.From == "" {
		return usageError{errors.New("give --url of a running server, or --from a folder of lists to serve")}
	}
	if o.URL != "" && o.Queries == "" && o.data.From == "" {
		return usageError{errors.New("with --url, give --queries (or --from, to generate them)")}
	}
	queries, err := queriesFor(ctx, g, &o.data, o.People, o.Queries)
	if err != nil {
		return err
	}
	if len(queries) == 0 {
		return errors.New("no queries")
	}
	url := strings.TrimSuffix(o.URL, "/")
	if url == "" {
		var stop func()
		if url, stop, err = startLoadServer(ctx, g, o.data.From); err != nil {
			return err
		}
		defer stop()
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1024, MaxConnsPerHost: 0, IdleConnTimeout: time.Minute}, Timeout: 30 * time.Second}
	var reports []LoadReport
	for _, e := range o.Endpoints {
		bodies, path := loadBodies(e, queries)
		lt := &loader{client: client, url: url + path, base: url, key: o.Key, bodies: bodies}
		if err := lt.check(ctx); err != nil {
			return err
		}
		if err := lt.prepare(); err != nil {
			return err
		}
		rep := LoadReport{Endpoint: "POST " + path}
		lt.closedLoop(ctx, o.Concurrency, min(2*time.Second, o.Duration)) // warm up
		var sat, hsat []LoadPoint
		var mix *hostileMix
		if o.Hostile > 0 {
			if mix, err = newHostileMix(lt.addr, o.Key, o.HostileKinds); err != nil {
				return usageError{err}
			}
		}
		for range o.Rounds {
			p := lt.closedLoop(ctx, o.Concurrency, o.Duration)
			rep.Capacities = append(rep.Capacities, p.Achieved)
			sat = append(sat, p)
			if mix != nil {
				stop := mix.run(ctx, o.Hostile)
				p := lt.closedLoop(ctx, o.Concurrency, o.Duration)
				stop()
				rep.HostileCapacities = append(rep.HostileCapacities, p.Achieved)
				hsat = append(hsat, p)
			}
		}
		rep.Capacity = median(rep.Capacities)
		for _, p := range sat {
			if p.Achieved == rep.Capacity {
				rep.Saturated = p
			}
		}
		if mix != nil {
			rep.HostileCapacity = median(rep.HostileCapacities)
			rep.HostileRatio = pairedRatio(rep.HostileCapacities, rep.Capacities)
			rep.AttackerCPU = attackerCPU(sat, hsat)
			for _, p := range hsat {
				if p.Achieved == rep.HostileCapacity {
					rep.HostileSaturated = &p
				}
			}
			rep.Hostile = mix.summary()
		}
		for _, share := range []float64{0.5, 1.0} {
			rep.Runs = append(rep.Runs, lt.openLoop(ctx, share, rep.Capacity*share, o.Duration, 4*o.Concurrency))
		}
		if mem, err := serverMetric(ctx, client, url, o.Key, "process_resident_memory_bytes"); err == nil {
			rep.MemoryBytes = int64(mem)
		}
		reports = append(reports, rep)
		if !o.JSON {
			printLoadReport(g.stdout, rep, o)
		}
	}
	if o.JSON {
		return writeJSON(g.stdout, reports)
	}
	return nil
}

// attackerCPU is the median of the share of the server's CPU in the run
// hostile[i] that the normal requests, at their CPU in the run alone[i],
// do not explain; 0 without CPU figures.
func attackerCPU(alone, hostile []LoadPoint) float64 {
	var shares []float64
	for i, h := range hostile {
		// The CPU of a request served, attackers' included, against
		// that of a request alone.
		if h.ServerCPU <= 0 || alone[i].ServerCPU <= 0 {
			continue
		}
		shares = append(shares, 1-float64(alone[i].ServerCPU)/float64(h.ServerCPU))
	}
	return median(shares)
}

// pairedRatio is the median of a[i]/b[i].
func pairedRatio(a, b []float64) float64 {
	ratios := make([]float64, len(b))
	for i := range b {
		ratios[i] = a[i] / b[i]
	}
	return median(ratios)
}

func printLoadReport(w io.Writer, r LoadReport, o *loadtestOptions) {
	caps := make([]string, len(r.Capacities))
	for i, c := range r.Capacities {
		caps[i] = fmt.Sprintf("%.0f", c)
	}
	fmt.Fprintf(w, "%s\n  capacity: %.0f requests/s (median of %s; %d clients back to back)\n", r.Endpoint, r.Capacity, strings.Join(caps, ", "), o.Concurrency)
	s := r.Saturated
	fmt.Fprintf(w, "  at 100%%, %d clients back to back: %6.0f served  p50 %-9v p99 %-9v max %-9v errors %d of %d  server CPU %v a request\n",
		o.Concurrency, s.Achieved, s.P50.Round(time.Microsecond), s.P99.Round(time.Microsecond), s.Max.Round(time.Microsecond), s.Errors, s.Requests, s.ServerCPU.Round(time.Microsecond))
	if h := r.HostileSaturated; h != nil {
		caps := make([]string, len(r.HostileCapacities))
		for i, c := range r.HostileCapacities {
			caps[i] = fmt.Sprintf("%.0f", c)
		}
		fmt.Fprintf(w, "  with %d attackers: %.0f requests/s (median of %s; %+.1f%%, round by round %+.1f%%)  p50 %-9v p99 %-9v max %-9v errors %d of %d\n",
			o.Hostile, r.HostileCapacity, strings.Join(caps, ", "), 100*(r.HostileCapacity/r.Capacity-1), 100*(r.HostileRatio-1),
			h.P50.Round(time.Microsecond), h.P99.Round(time.Microsecond), h.Max.Round(time.Microsecond), h.Errors, h.Requests)
		fmt.Fprintf(w, "  attackers took %.1f%% of the server's CPU (median of the rounds)\n", 100*r.AttackerCPU)
		fmt.Fprintf(w, "  attackers sent: %s\n", r.Hostile)
	}
	if r.MemoryBytes > 0 {
		fmt.Fprintf(w, "  server memory after the runs: %d MB resident\n", r.MemoryBytes>>20)
	}
	for _, p := range r.Runs {
		fmt.Fprintf(w, "  at %3.0f%%, open loop: %6.0f req/s sent, %6.0f served  p50 %-9v p99 %-9v max %-9v errors %d of %d\n",
			p.Share*100, p.Target, p.Achieved, p.P50.Round(time.Microsecond), p.P99.Round(time.Microsecond), p.Max.Round(time.Microsecond), p.Errors, p.Requests)
	}
}

// loadBodies renders each query as a request body of the endpoint.
func loadBodies(endpoint string, queries []match.Query) ([][]byte, string) {
	out := make([][]byte, len(queries))
	for i, q := range queries {
		q.ID = ""
		var v any = q
		if endpoint == "match" {
			props := map[string][]string{"name": append([]string{q.Name}, q.Aliases...)}
			if q.BirthDate != "" {
				props["birthDate"] = []string{q.BirthDate}
			}
			if q.Country != "" {
				props["country"] = []string{q.Country}
			}
			if q.IDNumber != "" {
				props["idNumber"] = []string{q.IDNumber}
			}
			schema := string(q.Schema)
			if schema == "" {
				schema = "Thing"
			}
			v = map[string]any{"queries": map[string]any{"q": map[string]any{"schema": schema, "properties": props}}}
		}
		out[i], _ = json.Marshal(v)
	}
	if endpoint == "match" {
		return out, "/match/sanctions"
	}
	return out, "/v1/screen"
}

type loader struct {
	client *http.Client
	url    string
	base   string // the server's URL, for its /metrics
	key    string
	bodies [][]byte
	// reqs are the requests as written on the wire, so that the load
	// generator spends its CPU on little else than the socket: it shares
	// the machine with the server.
	reqs [][]byte
	addr string
	next atomic.Uint64
}

// prepare renders every request once.
func (l *loader) prepare() error {
	u, err := neturl.Parse(l.url)
	if err != nil {
		return err
	}
	if u.Scheme != "http" {
		return fmt.Errorf("%s: the load generator speaks plain HTTP only", l.url)
	}
	l.addr = u.Host
	auth := ""
	if l.key != "" {
		auth = "Authorization: Bearer " + l.key + "\r\n"
	}
	l.reqs = make([][]byte, len(l.bodies))
	for i, b := range l.bodies {
		l.reqs[i] = append(fmt.Appendf(nil, "POST %s HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\n%sContent-Length: %d\r\n\r\n",
			u.RequestURI(), u.Host, auth, len(b)), b...)
	}
	return nil
}

// conn is one client's keep-alive connection.
type conn struct {
	c net.Conn
	r *bufio.Reader
}

// send writes the next request on the client's connection (dialling it
// if needed) and reads the answer; it reports whether it was a 200.
func (l *loader) send(c *conn) bool {
	if c.c == nil {
		nc, err := net.DialTimeout("tcp", l.addr, 5*time.Second)
		if err != nil {
			return false
		}
		c.c, c.r = nc, bufio.NewReaderSize(nc, 64<<10)
	}
	i := l.next.Add(1) % uint64(len(l.reqs))
	c.c.SetDeadline(time.Now().Add(30 * time.Second))
	if _, err := c.c.Write(l.reqs[i]); err != nil {
		c.close()
		return false
	}
	resp, err := http.ReadResponse(c.r, nil)
	if err != nil {
		c.close()
		return false
	}
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if err != nil || resp.Close {
		c.close()
	}
	return resp.StatusCode == http.StatusOK
}

func (c *conn) close() {
	if c.c != nil {
		c.c.Close()
		c.c = nil
	}
}

// check sends one request and says why it failed, if it does.
func (l *loader) check(ctx context.Context) error {
	req, _ := http.NewRequestWithContext(ctx, "POST", l.url, bytes.NewReader(l.bodies[0]))
	req.Header.Set("Content-Type", "application/json")
	if l.key != "" {
		req.Header.Set("Authorization", "Bearer "+l.key)
	}
	resp, err := l.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 500))
		return fmt.Errorf("POST %s: %s: %s", l.url, resp.Status, body)
	}
	return nil
}

// closedLoop runs n clients sending back to back for d: the rate it
// served and the latencies.
func (l *loader) closedLoop(ctx context.Context, n int, d time.Duration) LoadPoint {
	cpu, cpuErr := serverMetric(ctx, l.client, l.base, l.key, "process_cpu_seconds_total")
	end := time.Now().Add(d)
	start := time.Now()
	var wg sync.WaitGroup
	lats := make([][]time.Duration, n)
	errs := make([]int, n)
	for w := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var c conn
			defer c.close()
			for time.Now().Before(end) && ctx.Err() == nil {
				t := time.Now()
				if l.send(&c) {
					lats[w] = append(lats[w], time.Since(t))
				} else {
					errs[w]++
				}
			}
		}()
	}
	wg.Wait()
	var all []time.Duration
	p := LoadPoint{Share: 1}
	for w := range n {
		all = append(all, lats[w]...)
		p.Errors += errs[w]
	}
	p.Requests = len(all) + p.Errors
	p.Achieved = float64(len(all)) / time.Since(start).Seconds()
	p.Target = p.Achieved
	percentiles(&p, all)
	if after, err := serverMetric(ctx, l.client, l.base, l.key, "process_cpu_seconds_total"); err == nil && cpuErr == nil && len(all) > 0 {
		p.ServerCPU = time.Duration((after - cpu) * float64(time.Second) / float64(len(all)))
	}
	return p
}

// percentiles sets p's latency figures from the successful requests'.
func percentiles(p *LoadPoint, good []time.Duration) {
	if len(good) == 0 {
		return
	}
	slices.Sort(good)
	p.P50 = good[len(good)/2]
	p.P99 = good[min(len(good)-1, len(good)*99/100)]
	p.Max = good[len(good)-1]
}

// openLoop sends requests at a fixed rate for d from a pool of clients
// and measures each latency from when the request was due, so that time
// spent queued behind a slow server counts (no coordinated omission).
func (l *loader) openLoop(ctx context.Context, share, rate float64, d time.Duration, clients int) LoadPoint {
	p := LoadPoint{Share: share, Target: rate}
	if rate <= 0 {
		return p
	}
	interval := time.Duration(float64(time.Second) / rate)
	n := int(d / interval)
	lat := make([]time.Duration, n)
	okv := make([]bool, n)
	type job struct {
		i   int
		due time.Time
	}
	jobs := make(chan job, n)
	var wg sync.WaitGroup
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var c conn
			defer c.close()
			for j := range jobs {
				if wait := time.Until(j.due); wait > 0 {
					time.Sleep(wait)
				}
				if ctx.Err() != nil {
					continue
				}
				okv[j.i] = l.send(&c)
				lat[j.i] = time.Since(j.due)
			}
		}()
	}
	start := time.Now().Add(10 * time.Millisecond)
	// Jobs are queued ahead with their due times; a free client waits
	// until one is due, a busy pool lets them queue.
	for i := range n {
		jobs <- job{i: i, due: start.Add(time.Duration(i) * interval)}
	}
	close(jobs)
	wg.Wait()
	took := time.Since(start)
	var good []time.Duration
	for i, ok := range okv {
		if ok {
			good = append(good, lat[i])
		} else {
			p.Errors++
		}
	}
	p.Requests = n
	p.Achieved = float64(len(good)) / took.Seconds()
	percentiles(&p, good)
	return p
}

// startLoadServer imports the lists in dir into a temporary store and
// starts `veto serve` on it, without keys, as a separate process.
func startLoadServer(ctx context.Context, g *globalOptions, dir string) (string, func(), error) {
	tmp, err := os.MkdirTemp("", "veto-loadtest-")
	if err != nil {
		return "", nil, err
	}
	db := filepath.Join(tmp, "veto.db")
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		os.RemoveAll(tmp)
		return "", nil, err
	}
	_, _, err = (&refresh.Refresher{Store: st, Config: refresh.DefaultConfig(), Logger: g.logger()}).ImportDir(ctx, dir, all.ParseFolders)
	st.Close()
	if err != nil {
		os.RemoveAll(tmp)
		return "", nil, fmt.Errorf("import %s: %w", dir, err)
	}
	exe, err := os.Executable()
	if err != nil {
		os.RemoveAll(tmp)
		return "", nil, err
	}
	cmd := exec.Command(exe, "--db", db, "--log-level", "warn", "serve", "--addr", "127.0.0.1:0", "--no-auth",
		"--refresh-every", "0", "--poll", "0", "--no-demo")
	cmd.Stderr = g.stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		os.RemoveAll(tmp)
		return "", nil, err
	}
	if err := cmd.Start(); err != nil {
		os.RemoveAll(tmp)
		return "", nil, err
	}
	stop := func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
		os.RemoveAll(tmp)
	}
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if m := listening.FindStringSubmatch(sc.Text()); m != nil {
			go io.Copy(io.Discard, out)
			return m[1], stop, nil
		}
	}
	stop()
	return "", nil, errors.New("veto serve did not start")
}
