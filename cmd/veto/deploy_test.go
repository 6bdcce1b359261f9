package main

import (
	"os"
	"regexp"
	"slices"
	"testing"
)

// The Dockerfile and the systemd files configure veto through VETO_*
// variables: each must be one veto reads, so that a renamed setting
// cannot leave them silently ignored.
func TestDeployFilesUseKnownSettings(t *testing.T) {
	known := []string{"VETO_DB", "VETO_LOG_LEVEL", "VETO_AUDIT_KEY"} // read directly, not through a flag
	for _, v := range serveEnv {
		known = append(known, v)
	}
	re := regexp.MustCompile(`VETO_[A-Z_]+`)
	for _, f := range []string{"../../Dockerfile", "../../deploy/systemd/veto.service", "../../deploy/systemd/veto.env"} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		found := re.FindAllString(string(data), -1)
		if len(found) == 0 {
			t.Errorf("%s sets no VETO_ variable", f)
		}
		for _, v := range found {
			if !slices.Contains(known, v) {
				t.Errorf("%s: %s is not a setting veto reads", f, v)
			}
		}
	}
}
