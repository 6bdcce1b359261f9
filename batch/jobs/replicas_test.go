package jobs_test

import (
	"bufio"
	"bytes"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, to read the chunks table

	"github.com/vetoscreen/veto/store/postgres/pgtest"
)

func TestMain(m *testing.M) {
	pgtest.Main(m) // stops the private PostgreSQL server, if one was started
}

// replica is a veto serve process.
type replica struct {
	cmd *exec.Cmd
	url string
	log *os.File
}

// startReplica starts veto serve on a random port of the database dsn,
// serving the demo dataset (the store has no lists), with a short lease
// and small chunks, and waits until it is ready.
func startReplica(t *testing.T, bin, dsn, name string) *replica {
	t.Helper()
	dir := t.TempDir()
	logf, err := os.Create(filepath.Join(dir, name+".log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "serve", "--db", dsn, "--addr", "127.0.0.1:0", "--no-auth", "--refresh-every", "0", "--ui=false",
		"--jobs-dir", filepath.Join(dir, "jobs"), "--job-lease", "2s", "--job-chunk-rows", "100", "--log-level", "debug",
		"--audit-key-file", filepath.Join(dir, "audit.key"), "--checkpoint-file", filepath.Join(dir, "checkpoints.jsonl"))
	cmd.Stderr = logf
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	r := &replica{cmd: cmd, log: logf}
	t.Cleanup(func() {
		r.cmd.Process.Kill()
		r.cmd.Wait()
		if t.Failed() {
			b, _ := os.ReadFile(logf.Name())
			t.Logf("%s's log (last 3000 bytes):\n%s", name, b[max(0, len(b)-3000):])
		}
	})
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if u, ok := strings.CutPrefix(sc.Text(), "veto listening on "); ok {
			r.url = u
			break
		}
	}
	go io.Copy(io.Discard, out)
	if r.url == "" {
		b, _ := os.ReadFile(logf.Name())
		t.Fatalf("%s did not start:\n%s", name, b)
	}
	waitFor(t, 60*time.Second, name+" ready", func() bool {
		resp, err := http.Get(r.url + "/readyz")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == 200
	})
	return r
}

func waitFor(t *testing.T, limit time.Duration, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %v", what, limit)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

type jobView struct {
	ID     string `json:"id"`
	Status string `json:"status"`
	Rows   int64  `json:"rows"`
	Error  string `json:"error"`
}

func (r *replica) submit(t *testing.T, input []byte) string {
	t.Helper()
	resp, err := http.Post(r.url+"/v1/jobs?format=csv&output=csv", "text/csv", bytes.NewReader(input))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var j jobView
	if err := json.NewDecoder(resp.Body).Decode(&j); err != nil || resp.StatusCode != 202 {
		t.Fatalf("upload: %d %v", resp.StatusCode, err)
	}
	return j.ID
}

func (r *replica) job(t *testing.T, id string) jobView {
	t.Helper()
	resp, err := http.Get(r.url + "/v1/jobs/" + id)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var j jobView
	if err := json.NewDecoder(resp.Body).Decode(&j); err != nil {
		t.Fatal(err)
	}
	return j
}

func (r *replica) download(t *testing.T, id, what string) []byte {
	t.Helper()
	resp, err := http.Get(r.url + "/v1/jobs/" + id + "/" + what)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("%s of %s: %d %v %s", what, id, resp.StatusCode, err, b)
	}
	return b
}

// waitDone polls a job until it is done.
func (r *replica) waitDone(t *testing.T, id string) {
	t.Helper()
	waitFor(t, 120*time.Second, "job "+id+" done", func() bool {
		j := r.job(t, id)
		if j.Status == "failed" || j.Status == "canceled" {
			t.Fatalf("job %s: %s %s", id, j.Status, j.Error)
		}
		return j.Status == "done"
	})
}

// customers is a CSV of n customers: names of the demo dataset's
// listings, spelt a little differently, among made-up names that match
// nothing, and a few rows that cannot be read.
func customers(n int) []byte {
	listed := []string{"Sergei Lavrov", "Vladimir Putin", "Bashar al-Assad", "Ali Khamenei", "Mohammad Hassan Akhund",
		"Korea Mining Development Trading Corporation", "Aleksandr Lukashenko", "Usama bin Ladin", "Tanchon Commercial Bank"}
	first := []string{"Harriet", "Oswin", "Marguerite", "Tobiah", "Ileana", "Corwin", "Sunniva", "Anselm"}
	last := []string{"Plumstead", "Wexcombe", "Trudgeon", "Fairweather", "Quillfeather", "Ashdown", "Pennywhistle"}
	rng := rand.New(rand.NewPCG(16, 6))
	var b bytes.Buffer
	b.WriteString("customer_id,name,dob,country\n")
	for i := range n {
		switch {
		case i%997 == 5:
			fmt.Fprintf(&b, "C%d,\"unclosed quote,,\n", i)
		case i%50 == 0:
			fmt.Fprintf(&b, "C%d,%s,,\n", i, listed[rng.IntN(len(listed))])
		default:
			fmt.Fprintf(&b, "C%d,%s %s,19%02d-0%d-1%d,GB\n", i, first[rng.IntN(len(first))], last[rng.IntN(len(last))], rng.IntN(100), 1+rng.IntN(9), rng.IntN(10))
		}
	}
	return b.Bytes()
}

// asURL writes a PostgreSQL connection string as a URL, the form veto
// serve --db recognises (the tests' private server has a key=value one).
func asURL(t *testing.T, dsn string) string {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := url.Values{"host": {cfg.Host}, "port": {strconv.Itoa(int(cfg.Port))}, "sslmode": {"disable"}}
	u := url.URL{Scheme: "postgres", User: url.UserPassword(cfg.User, cfg.Password), Path: "/" + cfg.Database, RawQuery: q.Encode()}
	return u.String()
}

// TestReplicasShareABatchJob runs three veto serve processes on one
// PostgreSQL database. A job run by one replica alone is the reference;
// the same job taken by all three, one of them killed with SIGKILL while
// it holds a chunk, gives byte-identical results and errors files, and
// the killed replica's chunk was claimed again once its lease ran out.
func TestReplicasShareABatchJob(t *testing.T) {
	if testing.Short() {
		t.Skip("builds veto and runs three servers")
	}
	dsn := asURL(t, pgtest.NewDatabase(t).DSN)
	bin := filepath.Join(t.TempDir(), "veto")
	build := exec.Command("go", "build", "-o", bin, "github.com/vetoscreen/veto/cmd/veto")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	input := customers(20000)
	a := startReplica(t, bin, dsn, "a")
	ref := a.submit(t, input)
	a.waitDone(t, ref)
	want, wantErrs := a.download(t, ref, "results"), a.download(t, ref, "errors")
	if n := bytes.Count(want, []byte("\n")); n < 20001 {
		t.Fatalf("the reference has %d lines", n)
	}

	b, c := startReplica(t, bin, dsn, "b"), startReplica(t, bin, dsn, "c")
	// a and b are frozen while c takes the job alone, so that c is sure
	// to hold a chunk (on the demo dataset a job takes a second): c is
	// stopped now and then until it is caught, midway, holding one it has
	// not finished, and killed.
	signal := func(sig syscall.Signal, rs ...*replica) {
		t.Helper()
		for _, r := range rs {
			if err := r.cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
		}
	}
	signal(syscall.SIGSTOP, a, b)
	id := c.submit(t, input)
	victim := ":" + strconv.Itoa(c.cmd.Process.Pid) + ":"
	var held int
	waitFor(t, 60*time.Second, "c holding a chunk", func() bool {
		signal(syscall.SIGSTOP, c)
		// A completion c sent just before it stopped lands meanwhile.
		time.Sleep(20 * time.Millisecond)
		err := db.QueryRow(`SELECT seq FROM batch_chunks WHERE job_id = $1 AND claimed_by LIKE '%' || $2 || '%' AND done_at = ''
			AND (SELECT COUNT(*) FROM batch_chunks WHERE job_id = $1 AND done_at <> '') >= 5 LIMIT 1`, id, victim).Scan(&held)
		if err == nil {
			return true
		}
		if err != sql.ErrNoRows {
			t.Fatal(err)
		}
		signal(syscall.SIGCONT, c)
		return false
	})
	signal(syscall.SIGKILL, c)
	c.cmd.Wait()
	signal(syscall.SIGCONT, a, b)
	if j := b.job(t, id); j.Status != "running" {
		t.Fatalf("job after the kill: %+v, want running", j)
	}
	t.Logf("killed c holding chunk %d", held)

	b.waitDone(t, id)
	if got := b.download(t, id, "results"); !bytes.Equal(got, want) {
		t.Errorf("results of three replicas, one killed, differ from one replica's (%d bytes, want %d)", len(got), len(want))
	}
	if got := a.download(t, id, "errors"); !bytes.Equal(got, wantErrs) {
		t.Errorf("errors of three replicas differ from one replica's:\n%s\nwant:\n%s", got, wantErrs)
	}

	var claims int
	var doneBy string
	if err := db.QueryRow(`SELECT claims, done_by FROM batch_chunks WHERE job_id = $1 AND seq = $2`, id, held).Scan(&claims, &doneBy); err != nil {
		t.Fatal(err)
	}
	if claims < 2 || doneBy == "" || strings.Contains(doneBy, victim) {
		t.Errorf("the killed replica's chunk %d: %d claims, done by %q; want reclaimed and done by another", held, claims, doneBy)
	}
	rows, err := db.Query(`SELECT done_by, COUNT(*) FROM batch_chunks WHERE job_id = $1 GROUP BY done_by`, id)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	by := map[string]int{}
	for rows.Next() {
		var w string
		var n int
		if err := rows.Scan(&w, &n); err != nil {
			t.Fatal(err)
		}
		by[w] = n
	}
	if by[""] != 0 || len(by) < 2 {
		t.Errorf("chunks by worker: %v; want all done, by c and others", by)
	}
	t.Logf("chunks done by worker: %v", by)
}
