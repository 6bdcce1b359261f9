package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// veto serve --alert-sla: /metrics reports the SLA and the undecided
// alerts by status (none yet), a fixed set of series; a negative SLA is a
// usage error.
func TestServeAlertSLA(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "veto.db")
	if _, stderr, code := cli(t, db, "serve", "--alert-sla", "-1h"); code != 2 || !strings.Contains(stderr, "--alert-sla") {
		t.Errorf("negative SLA: exit %d: %s", code, stderr)
	}
	url, _, _ := serve(t, db, "--alert-sla", "36h")
	key, err := os.ReadFile(filepath.Join(dir, "admin.key"))
	if err != nil {
		t.Fatal(err)
	}
	resp, body := get(t, url+"/metrics", strings.TrimSpace(string(key)))
	if resp.StatusCode != 200 {
		t.Fatalf("metrics: %d %s", resp.StatusCode, body)
	}
	for _, want := range []string{
		"veto_alert_sla_seconds 129600",
		`veto_alerts_undecided{status="open"} 0`,
		`veto_alerts_undecided{status="pending_approval"} 0`,
		`veto_alerts_over_sla{status="escalated"} 0`,
		`veto_alert_oldest_age_seconds{status="open"} 0`,
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}
