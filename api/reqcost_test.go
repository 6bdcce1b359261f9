//go:build unix

package api

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/vetoscreen/veto/apikey"
	"github.com/vetoscreen/veto/audit"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/refresh"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/source/all"
	"github.com/vetoscreen/veto/source/sourcetest"
	"github.com/vetoscreen/veto/store/sqlite"
)

// BenchmarkRequestCost measures what a request costs the server beyond
// its screening, as issue 12 asks: the server runs in a process of its
// own (this test binary, re-run as TestRequestCostServer), wired as veto
// serve wires it (every list of ../shared/data, API keys, metrics, the
// audit trail's group commit, an access log at info), beside a bare
// handler that returns constant JSON on the same kind of http.Server,
// and the same API without the audit trail. One client (or 8) sends back
// to back over loopback to each in turn, and the server's process CPU is
// read before and after each: so that the load generator's CPU is not
// counted, and all figures come from one run.
//
// It reports, per request: cpu-µs (the server's CPU), bare-cpu-µs,
// match-cpu-µs (the same screenings called in process, one after the
// other: warmer caches than a server's, so a floor), p50-µs and
// bare-p50-µs (latency at the client), and the two ratios issue 12 sets
// targets for: overhead/bare = (cpu - match) / bare-cpu (≤ 2) and
// p50/bare (≤ 2). The machine's noise moves each figure by ±20 %: take
// medians of -count 3 or more.
//
//	go test ./api -run XXX -bench RequestCost -benchtime 8000x -count 3
//
// VETO_BENCH_CPUPROFILE=FILE writes the server's CPU profile.
func BenchmarkRequestCost(b *testing.B) {
	srv := costServer(b)
	screenBody := func(n string) any { return map[string]any{"name": n} }
	for _, c := range []struct {
		name, path string
		body       func(name string) any
		clients    int
		// unaudited uses a second API without the audit trail, to
		// show what committing the summary before answering costs.
		unaudited bool
	}{
		{"screen", "/v1/screen", screenBody, 1, false},
		{"screen-explain", "/v1/screen", func(n string) any { return map[string]any{"name": n, "explain": true} }, 1, false},
		{"screen-unaudited", "/v1/screen", screenBody, 1, true},
		{"screen-8-clients", "/v1/screen", screenBody, 8, false},
		{"screen-8-clients-unaudited", "/v1/screen", screenBody, 8, true},
		{"match", "/match/sanctions", func(n string) any {
			return map[string]any{"queries": map[string]any{"q": map[string]any{"schema": "Thing", "properties": map[string][]string{"name": {n}}}}}
		}, 1, false},
	} {
		b.Run(c.name, func(b *testing.B) {
			var full, bare []*costClient
			for range c.clients {
				addr := srv.full
				if c.unaudited {
					addr = srv.unaudited
				}
				full = append(full, newCostClient(addr, srv.key, c.path, c.body))
				bare = append(bare, newCostClient(srv.bare, srv.key, "/", func(string) any { return map[string]any{} }))
			}
			b.ResetTimer()
			commits, events := srv.ctl(b, "/audit-commits"), srv.ctl(b, "/audit-events")
			cpu, p50 := srv.run(b, full, b.N)
			commits, events = srv.ctl(b, "/audit-commits")-commits, srv.ctl(b, "/audit-events")-events
			bareCPU, bareP50 := srv.run(b, bare, b.N)
			matchCPU := time.Duration(srv.ctl(b, "/match?n="+strconv.Itoa(b.N)))
			b.StopTimer()
			for _, c := range append(full, bare...) {
				c.close()
			}
			us := func(d time.Duration) float64 { return float64(d) / float64(b.N) / 1e3 }
			b.ReportMetric(us(cpu), "cpu-µs")
			b.ReportMetric(us(bareCPU), "bare-cpu-µs")
			b.ReportMetric(us(matchCPU), "match-cpu-µs")
			b.ReportMetric(float64(p50)/1e3, "p50-µs")
			b.ReportMetric(float64(bareP50)/1e3, "bare-p50-µs")
			b.ReportMetric(float64(cpu-matchCPU)/float64(bareCPU), "overhead/bare")
			b.ReportMetric(float64(p50)/float64(bareP50), "p50/bare")
			if commits > 0 {
				b.ReportMetric(float64(events)/float64(commits), "events/commit")
			}
		})
	}
}

// BenchmarkAuditCost measures what committing each screening's summary
// to the audit trail before answering costs at saturation, as issue 11
// asks (target: at most 10 %): 8 and 16 clients (veto loadtest's
// default; and one, the low load) send back to back to the API
// with the audit trail and to the same API without it, in alternating
// rounds of 500 requests, so that the machine's noise falls on both
// alike. It reports the server's CPU per request of each, their ratio,
// and the ratio of the wall time per request (the inverse of the
// throughput ratio), and the mean group of summaries per transaction.
//
//	go test ./api -run XXX -bench AuditCost -benchtime 16000x -count 3
func BenchmarkAuditCost(b *testing.B) {
	// One client is the low load, where every summary is a transaction
	// of its own.
	for _, clients := range []int{1, 8, 16} {
		b.Run(fmt.Sprintf("clients-%d", clients), func(b *testing.B) { auditCost(b, clients) })
	}
}

func auditCost(b *testing.B, clients int) {
	srv := costServer(b)
	body := func(n string) any { return map[string]any{"name": n} }
	var audited, unaudited []*costClient
	for range clients {
		audited = append(audited, newCostClient(srv.full, srv.key, "/v1/screen", body))
		unaudited = append(unaudited, newCostClient(srv.unaudited, srv.key, "/v1/screen", body))
	}
	defer func() {
		for _, c := range append(audited, unaudited...) {
			c.close()
		}
	}()
	const round = 500
	var cpuA, cpuU, wallA, wallU time.Duration
	// VETO_BENCH_PROFILE_DIR=DIR profiles the server's rounds of each
	// kind apart, into DIR/audited-N.prof and DIR/unaudited-N.prof
	// (go tool pprof merges the files given together): a profile of the
	// whole run shows both APIs at once, and what the audit trail costs
	// is their difference.
	dir := os.Getenv("VETO_BENCH_PROFILE_DIR")
	profiled := func(kind string, i int, f func()) {
		if dir != "" {
			srv.ctl(b, "/profile?file="+url.QueryEscape(filepath.Join(dir, fmt.Sprintf("%s-%d-%d.prof", kind, clients, i))))
			defer srv.ctl(b, "/profile")
		}
		f()
	}
	commits, events := srv.ctl(b, "/audit-commits"), srv.ctl(b, "/audit-events")
	for done := 0; done < b.N; done += round {
		n := min(round, b.N-done)
		profiled("audited", done/round, func() {
			t := time.Now()
			cpu, _ := srv.run(b, audited, n)
			cpuA, wallA = cpuA+cpu, wallA+time.Since(t)
		})
		profiled("unaudited", done/round, func() {
			t := time.Now()
			cpu, _ := srv.run(b, unaudited, n)
			cpuU, wallU = cpuU+cpu, wallU+time.Since(t)
		})
	}
	commits, events = srv.ctl(b, "/audit-commits")-commits, srv.ctl(b, "/audit-events")-events
	us := func(d time.Duration) float64 { return float64(d) / float64(b.N) / 1e3 }
	b.ReportMetric(us(cpuA), "cpu-µs")
	b.ReportMetric(us(cpuU), "unaudited-cpu-µs")
	b.ReportMetric(float64(cpuA)/float64(cpuU), "cpu-ratio")
	b.ReportMetric(float64(wallA)/float64(wallU), "time-ratio")
	if commits > 0 {
		b.ReportMetric(float64(events)/float64(commits), "events/commit")
	}
}

// costProc is the server process of BenchmarkRequestCost.
type costProc struct {
	key string // the screen key requests carry
	// The addresses of the API, the API without the audit trail, the
	// bare handler and the control routes.
	full, unaudited, bare, ctlAddr string
	// stdin is held open while the benchmarks run (see startCostServer).
	stdin io.WriteCloser
}

var (
	costOnce sync.Once
	costSrv  *costProc
	costErr  error
)

// costServer starts the server process once for all the benchmarks.
func costServer(b *testing.B) *costProc {
	sourcetest.SharedData(b)
	costOnce.Do(func() { costSrv, costErr = startCostServer() })
	if costErr != nil {
		b.Fatal(costErr)
	}
	return costSrv
}

func startCostServer() (*costProc, error) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestRequestCostServer$")
	cmd.Env = append(os.Environ(), "VETO_COST_SERVER=1")
	// Stderr, the access log, is written as in production, to /dev/null.
	if f := os.Getenv("VETO_COST_STDERR"); f != "" {
		cmd.Stderr, _ = os.Create(f)
	}
	// The process ends with the benchmark binary: it serves until its
	// stdin, this pipe, closes.
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if f := strings.Fields(sc.Text()); len(f) == 6 && f[0] == "cost-server" {
			go io.Copy(io.Discard, out)
			return &costProc{key: f[1], full: f[2], unaudited: f[3], bare: f[4], ctlAddr: f[5], stdin: stdin}, nil
		}
	}
	cmd.Process.Kill()
	cmd.Wait()
	return nil, fmt.Errorf("the cost server did not start: %v", sc.Err())
}

// ctl calls a control route of the server process and returns its
// answer, a number.
func (p *costProc) ctl(b *testing.B, path string) int64 {
	resp, err := http.Get("http://" + p.ctlAddr + path)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	n, err := strconv.ParseInt(strings.TrimSpace(string(body)), 10, 64)
	if err != nil {
		b.Fatalf("%s: %s %s", path, resp.Status, body)
	}
	return n
}

// costClient sends requests as written on the wire over one keep-alive
// connection, so that the client costs little beside the server.
type costClient struct {
	addr string
	// c is dialled at the first request: the server closes a connection
	// that sends none within its header timeout.
	c    net.Conn
	r    *bufio.Reader
	reqs [][]byte
}

func newCostClient(addr, key, path string, body func(string) any) *costClient {
	cl := &costClient{addr: addr}
	for _, n := range benchNames {
		js, _ := json.Marshal(body(n))
		cl.reqs = append(cl.reqs, append(fmt.Appendf(nil, "POST %s HTTP/1.1\r\nHost: %s\r\nAuthorization: Bearer %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n",
			path, addr, key, len(js)), js...))
	}
	return cl
}

func (c *costClient) close() {
	if c.c != nil {
		c.c.Close()
	}
}

// run sends n requests, spread over the clients, each sending back to
// back, and returns the server's CPU for them and the median latency.
func (p *costProc) run(b *testing.B, clients []*costClient, n int) (cpu, p50 time.Duration) {
	lats := make([]time.Duration, n)
	before := p.ctl(b, "/cpu")
	var wg sync.WaitGroup
	errs := make(chan error, len(clients))
	for k, c := range clients {
		wg.Go(func() {
			for i := k; i < n; i += len(clients) {
				t := time.Now()
				if err := c.send(i); err != nil {
					errs <- err
					return
				}
				lats[i] = time.Since(t)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		b.Fatal(err)
	}
	cpu = time.Duration(p.ctl(b, "/cpu") - before)
	slices.Sort(lats)
	return cpu, lats[n/2]
}

// send sends the i-th request and reads its answer, which must be a 200.
func (c *costClient) send(i int) error {
	if c.c == nil {
		nc, err := net.Dial("tcp", c.addr)
		if err != nil {
			return err
		}
		c.c, c.r = nc, bufio.NewReaderSize(nc, 64<<10)
	}
	if _, err := c.c.Write(c.reqs[i%len(c.reqs)]); err != nil {
		return err
	}
	resp, err := http.ReadResponse(c.r, nil)
	if err != nil {
		return err
	}
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if err == nil && resp.StatusCode != http.StatusOK {
		err = fmt.Errorf("%s", resp.Status)
	}
	return err
}

// TestRequestCostServer is BenchmarkRequestCost's server process; it
// runs only when the benchmark starts it.
func TestRequestCostServer(t *testing.T) {
	if os.Getenv("VETO_COST_SERVER") == "" {
		t.Skip("the server process of BenchmarkRequestCost")
	}
	ctx := context.Background()
	dir := sourcetest.SharedData(t)
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "veto.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, _, err := (&refresh.Refresher{Store: st, Config: refresh.DefaultConfig()}).ImportDir(ctx, dir, all.ParseFolders); err != nil {
		t.Fatal(err)
	}
	// Requests are authenticated as in production, with a screen key.
	stored, key, err := apikey.New("bench", entity.RoleScreen, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := apikey.Create(ctx, st, "bench", stored, nil); err != nil {
		t.Fatal(err)
	}
	k := &screen.Keeper{Screener: screen.New(nil), Store: st, Config: match.DefaultConfig()}
	if err := k.Start(ctx); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	auditLog := audit.NewLog(st, log, nil)
	defer auditLog.Close()
	api := New(DefaultConfig(), k, st, NewMetrics(k), log, WithAudit(auditLog))
	full := api.HTTPServer("")
	unaudited := New(DefaultConfig(), k, st, NewMetrics(k), log).HTTPServer("")
	bare := api.HTTPServer("")
	bare.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"status":"ok"}`)
	})
	ctl := http.NewServeMux()
	ctl.HandleFunc("/cpu", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, int64(processCPU())) })
	// /profile?file=F starts a CPU profile into F; /profile stops it.
	var profile *os.File
	ctl.HandleFunc("/profile", func(w http.ResponseWriter, r *http.Request) {
		if profile != nil {
			pprof.StopCPUProfile()
			profile.Close()
			profile = nil
		}
		if f := r.URL.Query().Get("file"); f != "" {
			out, err := os.Create(f)
			if err == nil {
				err = pprof.StartCPUProfile(out)
			}
			if err != nil {
				http.Error(w, err.Error(), 500)
				return
			}
			profile = out
		}
		fmt.Fprintln(w, 0)
	})
	ctl.HandleFunc("/audit-commits", func(w http.ResponseWriter, r *http.Request) {
		commits, _ := auditLog.Stats()
		fmt.Fprintln(w, commits)
	})
	ctl.HandleFunc("/audit-events", func(w http.ResponseWriter, r *http.Request) {
		_, events := auditLog.Stats()
		fmt.Fprintln(w, events)
	})
	ctl.HandleFunc("/match", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.URL.Query().Get("n"))
		snap := k.Snapshot()
		opts, _, err := api.options(snap, screenParams{})
		if err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		opts.Explain = false // the index explains its hits anyway; this is the response's part
		screener := k.Screener.On(snap)
		before := processCPU()
		for i := range n {
			if _, err := screener.Screen(r.Context(), match.Query{Subject: entity.Subject{Name: benchNames[i%len(benchNames)]}}, opts); err != nil {
				http.Error(w, err.Error(), 500)
				return
			}
		}
		fmt.Fprintln(w, int64(processCPU()-before))
	})
	var addrs []string
	for _, s := range []*http.Server{full, unaudited, bare, {Handler: ctl}} {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		go s.Serve(ln)
		addrs = append(addrs, ln.Addr().String())
	}
	if f := os.Getenv("VETO_BENCH_CPUPROFILE"); f != "" {
		out, err := os.Create(f)
		if err != nil {
			t.Fatal(err)
		}
		pprof.StartCPUProfile(out)
		defer pprof.StopCPUProfile()
	}
	fmt.Println("cost-server", key, strings.Join(addrs, " "))
	io.Copy(io.Discard, os.Stdin) // until the benchmark ends
}

// processCPU is the CPU this process has used, user and system.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
