package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServeJobFlags: the job quota flags reach the server, and a zero
// (which would otherwise fall back to a default) is refused.
func TestServeJobFlags(t *testing.T) {
	db := filepath.Join(t.TempDir(), "veto.db")
	for _, args := range [][]string{{"--job-expiry", "0"}, {"--job-quota-jobs", "0"}, {"--job-quota-bytes", "0"}} {
		_, stderr, code := cli(t, db, append([]string{"serve"}, args...)...)
		if code != exitUsage || !strings.Contains(stderr, args[0]) {
			t.Errorf("serve %v: exit %d, %s", args, code, stderr)
		}
	}
	url, stop, _ := serve(t, db, "--no-auth", "--job-quota-jobs", "1", "--jobs-dir", filepath.Join(t.TempDir(), "jobs"))
	defer stop()
	var b strings.Builder
	b.WriteString("name\n")
	for i := range 100000 {
		fmt.Fprintf(&b, "Customer %d\n", i)
	}
	var statuses []int
	var first string
	for range 2 {
		resp, err := http.Post(url+"/v1/jobs", "text/csv", strings.NewReader(b.String()))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		statuses = append(statuses, resp.StatusCode)
		if first == "" {
			first = resp.Header.Get("Location")
		}
	}
	if statuses[0] != http.StatusAccepted || statuses[1] != http.StatusTooManyRequests {
		t.Errorf("two jobs with --job-quota-jobs 1: %v, want 202 and 429", statuses)
	}
	req, _ := http.NewRequest("DELETE", url+first, nil)
	if resp, err := http.DefaultClient.Do(req); err == nil {
		resp.Body.Close()
	}
	// Wait for the canceled job to stop writing before its folder goes.
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		resp, body := get(t, url+first, "")
		var j struct{ Status string }
		json.Unmarshal(body, &j)
		if resp.StatusCode != 200 || j.Status != "queued" && j.Status != "running" {
			break
		}
	}
}
