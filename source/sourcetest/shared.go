package sourcetest

import (
	"os"
	"path/filepath"
	"testing"
)

// SharedData returns the path of a file or folder in the shared data
// folder (../shared/data beside the repository, or $VETO_SHARED_DATA).
// When it is absent the test is skipped with a message, unless
// VETO_REQUIRE_SHARED_DATA is set (CI sets it), in which case it fails.
func SharedData(t testing.TB, rel ...string) string {
	t.Helper()
	root := SharedDataRoot()
	p := filepath.Join(append([]string{root}, rel...)...)
	if _, err := os.Stat(p); err != nil {
		msg := "shared list snapshots not found at " + p + " (set VETO_SHARED_DATA to the shared/data folder)"
		if os.Getenv("VETO_REQUIRE_SHARED_DATA") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return p
}

// SharedDataRoot returns where the shared data folder is expected:
// $VETO_SHARED_DATA, or ../shared/data next to the module root.
func SharedDataRoot() string {
	if d := os.Getenv("VETO_SHARED_DATA"); d != "" {
		return d
	}
	dir, err := os.Getwd()
	if err != nil {
		return "../shared/data"
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "..", "shared", "data")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "../shared/data"
		}
		dir = parent
	}
}
