package main

import (
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vetoscreen/veto/screen"
)

// veto screen reads a date of birth as typed; one it cannot read is left
// out with a warning naming the flag, and the name is screened anyway.
func TestScreenDateOfBirth(t *testing.T) {
	db := unStore(t)
	for _, tt := range []struct {
		args []string
		warn string // in standard error; "" for none
	}{
		{[]string{"--dob", "15.09.1985"}, ""},
		{[]string{"--dob", "15/09/1985"}, ""},
		{[]string{"--dob", "09/15/1985", "--date-order", "mdy"}, ""},
		{[]string{"--dob", "September 15, 1985"}, ""},
		{[]string{"--dob", "09/15/1985"}, `screened without --dob: date "09/15/1985": month 15 out of range, reading the date day first (dmy)`},
		{[]string{"--dob", "31.02.1985", "--country", "Atlantis"}, "screened without --country"},
	} {
		out, errOut, code := cli(t, db, append([]string{"screen", listedName, "--json"}, tt.args...)...)
		if code != 0 {
			t.Errorf("%v: exit %d %s", tt.args, code, errOut)
			continue
		}
		res := decode[screen.Result](t, out)
		if len(res.Hits) == 0 || res.Hits[0].EntityID != listedID {
			t.Errorf("%v: hits %+v, want %s", tt.args, res.Hits, listedID)
		}
		if (tt.warn == "") != (errOut == "") || !strings.Contains(errOut, tt.warn) {
			t.Errorf("%v: stderr %q, want %q", tt.args, errOut, tt.warn)
		}
	}
	// With the date read, it counts: a wrong year costs score.
	right := decode[screen.Result](t, mustCLI(t, db, "screen", listedName, "--json", "--dob", "15.09.1985"))
	wrong := decode[screen.Result](t, mustCLI(t, db, "screen", listedName, "--json", "--dob", "15.09.1931"))
	if right.Hits[0].Score <= wrong.Hits[0].Score {
		t.Errorf("score with the right date %.3f, with a wrong one %.3f", right.Hits[0].Score, wrong.Hits[0].Score)
	}
}

// veto batch reads numeric dates in --date-order.
func TestBatchDateOrder(t *testing.T) {
	db := unStore(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "c.csv")
	os.WriteFile(in, []byte("id,name,dob\nC-1,"+listedName+",09/15/1985\n"), 0o644)
	mustCLI(t, db, "batch", in, "--date-order", "mdy")
	if _, err := os.Stat(filepath.Join(dir, "c.results.errors.csv")); err == nil {
		b, _ := os.ReadFile(filepath.Join(dir, "c.results.errors.csv"))
		if strings.Count(string(b), "\n") > 1 {
			t.Errorf("month first: errors file\n%s", b)
		}
	}
	mustCLI(t, db, "batch", in, "--resume=false")
	errs := mustReadCSV(t, filepath.Join(dir, "c.results.errors.csv"))
	if len(errs) != 2 || !strings.Contains(errs[1][1], "screened without birthDate") {
		t.Errorf("day first: errors file %q", errs)
	}
	if _, errOut, code := cli(t, db, "batch", in, "--date-order", "dym"); code != exitUsage || !strings.Contains(errOut, "--date-order") || !strings.Contains(errOut, "dmy, mdy or ymd") {
		t.Errorf("--date-order dym: exit %d %s", code, errOut)
	}
}

// A list file without a date, imported from disk, is dated by its file
// time: veto lists says its publish date is unknown, not that it was
// published then.
func TestListsFileTime(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "veto.db")
	src := filepath.Join("..", "..", "source", "ofac", "testdata", "sdn_csv")
	dst := filepath.Join(dir, "sdn_csv")
	os.Mkdir(dst, 0o755)
	old := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	entries, _ := os.ReadDir(src)
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join(src, e.Name()))
		p := filepath.Join(dst, e.Name())
		os.WriteFile(p, b, 0o644)
		os.Chtimes(p, old, old)
	}
	mustCLI(t, db, "import", "ofac", dst)
	if out := mustCLI(t, db, "lists"); !strings.Contains(out, "publish date unknown (file time 2024-05-01)") {
		t.Errorf("veto lists:\n%s", out)
	}
}

// veto diff shows a long value that changed at its end where it changed.
func TestDiffLongValueChangedAtItsEnd(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "veto.db")
	b, err := os.ReadFile(filepath.Join("..", "..", "source", "un", "testdata", "consolidated.xml"))
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("Listed pursuant to paragraph 2 of resolution 1617 (2005) for participating in the financing of activities. ", 3)
	write := func(name, date, comment string) string {
		s := strings.Replace(string(b), `dateGenerated="2026-03-01T00:00:05.123Z"`, `dateGenerated="`+date+`T00:00:05.123Z"`, 1)
		s = strings.Replace(s, "<COMMENTS1>Associated with QDi.901 and QDe.915.</COMMENTS1>", "<COMMENTS1>"+comment+"</COMMENTS1>", 1)
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(s), 0o644)
		return p
	}
	mustCLI(t, db, "import", "un", write("v1.xml", "2026-03-01", long+"Review concluded on 1 Jan. 2020."))
	mustCLI(t, db, "import", "un", write("v2.xml", "2026-03-02", long+"Review concluded on 5 May 2026."))
	out := mustCLI(t, db, "diff", "un")
	if !strings.Contains(out, "~ notes: … financing of activities. Review concluded on [-1 Jan. 2020.-] {+5 May 2026.+}") {
		t.Errorf("veto diff:\n%s", out)
	}
}

// veto update offline fails at once, saying how to import files.
func TestUpdateOfflineSaysHowToImport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "veto.db")
	out, errOut, code := cli(t, db, "update", "un", "--mirror", "http://lists.veto-test.invalid", "--backoff", "1h")
	if code != exitError || !strings.Contains(out, "FAILED") || !strings.Contains(errOut, "could not be reached") || !strings.Contains(errOut, "veto import un consolidated.xml") || !strings.Contains(errOut, "veto import all DIR") {
		t.Errorf("update offline: exit %d\n%s%s", code, out, errOut)
	}
}

// veto serve binds its address first: on a busy port it fails naming
// the address before it opens the store or loads an index.
func TestServeBusyPort(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	dir := t.TempDir()
	db := filepath.Join(dir, "veto.db")
	addr := ln.Addr().String()
	_, errOut, code := cli(t, db, "serve", "--addr", addr, "--refresh-every", "0")
	if code != exitError || !strings.Contains(errOut, "listen on "+addr) || !strings.Contains(errOut, "in use") {
		t.Errorf("serve on a busy port: exit %d, %s", code, errOut)
	}
	if _, err := os.Stat(db); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the store was opened before the address was bound: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "admin.key")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("an admin key was made before the address was bound: %v", err)
	}
}

// veto serve --refresh-every 0 downloads nothing: not on its first start
// with an empty store (it serves the demo dataset), not when an admin
// asks.
func TestServeRefreshEveryZeroNeverDownloads(t *testing.T) {
	var requests atomic.Int32
	mirror := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		http.NotFound(w, r)
	}))
	defer mirror.Close()
	dir := t.TempDir()
	db := filepath.Join(dir, "veto.db")
	// serve's own --refresh-every 0 --mirror come first; these override.
	url, stop, log := serve(t, db, "--refresh-every", "0", "--mirror", mirror.URL)
	admin, _ := os.ReadFile(filepath.Join(dir, "admin.key"))
	req, _ := http.NewRequest("POST", url+"/v1/admin/refresh", nil)
	req.Header.Set("Authorization", "Bearer "+strings.TrimSpace(string(admin)))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusConflict || !strings.Contains(string(body), "disabled") {
		t.Errorf("admin refresh: %d %s", resp.StatusCode, body)
	}
	if code := stop(); code != 0 {
		t.Errorf("exit %d", code)
	}
	if n := requests.Load(); n != 0 {
		t.Errorf("%d requests to the mirror, want none", n)
	}
	if !strings.Contains(log.String(), "downloading is off") || !strings.Contains(log.String(), "SERVING THE DEMO DATASET") {
		t.Errorf("log:\n%s", log.String())
	}
}

// A flag with a fixed set of values refuses any other, naming the flag
// and the values it takes, instead of running on as if it were not given.
func TestEnumFlags(t *testing.T) {
	db := unStore(t)
	dir := t.TempDir()
	csv := filepath.Join(dir, "c.csv")
	os.WriteFile(csv, []byte("id,name\n1,"+listedName+"\n"), 0o644)
	text := filepath.Join(dir, "t.txt")
	os.WriteFile(text, []byte("hello"), 0o644)
	for _, tt := range []struct {
		args []string
		want []string // in the error
	}{
		{[]string{"screen", "x", "--lists", "un,uk-ofsy"}, []string{"--lists", "uk-ofsy", "un-sc", "eu"}},
		{[]string{"screen", "x", "--date-order", "dym"}, []string{"--date-order", "dmy, mdy or ymd"}},
		{[]string{"screen", "x", "--schema", "Persn"}, []string{"schema", "Person"}},
		{[]string{"batch", csv, "--lists", "bogus"}, []string{"--lists", "bogus"}},
		{[]string{"batch", csv, "--format", "xls"}, []string{"--format", "csv or jsonl"}},
		{[]string{"batch", csv, "--output-format", "xls"}, []string{"--output-format", "csv or jsonl"}},
		{[]string{"batch", csv, "--date-order", "x"}, []string{"--date-order"}},
		{[]string{"text", text, "--lists", "bogus"}, []string{"--lists", "bogus"}},
		{[]string{"text", text, "--kinds", "names"}, []string{"names", "place"}},
		{[]string{"monitor", "run", "--lists", "bogus"}, []string{"--lists", "bogus"}},
		{[]string{"customers", "import", csv, "--date-order", "x"}, []string{"--date-order"}},
		{[]string{"customers", "import", csv, "--format", "xls"}, []string{"--format"}},
		{[]string{"lists", "--list", "un-scc"}, []string{"--list", "un-scc", "un-sc"}},
		{[]string{"alerts", "--list", "un-scc"}, []string{"--list", "un-scc"}},
		{[]string{"alerts", "--status", "opne"}, []string{"--status", "open"}},
		{[]string{"eval", "x.jsonl", "--split", "train"}, []string{"--split", "dev, test"}},
		{[]string{"export", "--format", "csv"}, []string{"--format", "ftm"}},
		{[]string{"audit", "export", "--format", "xml"}, []string{"--format", "jsonl or csv"}},
		{[]string{"keys", "create", "k", "--role", "boss"}, []string{"--role", "analyst"}},
		{[]string{"--log-level", "degub", "lists"}, []string{"--log-level", "debug, info, warn or error"}},
		{[]string{"serve", "--log-format", "xml"}, []string{"--log-format", "text or json"}},
		{[]string{"serve", "--regimes", "fr"}, []string{"--regimes", "un"}},
	} {
		out, errOut, code := cli(t, db, tt.args...)
		if code != exitUsage {
			t.Errorf("veto %s: exit %d, want %d\n%s%s", strings.Join(tt.args, " "), code, exitUsage, out, errOut)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(errOut, w) {
				t.Errorf("veto %s: %q does not say %q", strings.Join(tt.args, " "), errOut, w)
			}
		}
	}
}
