package main

import (
	"os"
	"path/filepath"
	"testing"
)

// `veto bench --from DIR` reads a data folder whose list folders are
// links to snapshots kept elsewhere, as it reads a plain one.
func TestBenchFromLinkedFolder(t *testing.T) {
	root := t.TempDir()
	real := filepath.Join(root, "archive", "un")
	if err := os.MkdirAll(real, 0o755); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join("..", "..", "source", "un", "testdata", "consolidated.xml"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(real, "consolidated.xml"), b, 0o644)
	data := filepath.Join(root, "data")
	os.Mkdir(data, 0o755)
	if err := os.Symlink(real, filepath.Join(data, "un")); err != nil {
		t.Fatal(err)
	}
	rep := decode[BenchReport](t, mustCLI(t, filepath.Join(root, "veto.db"), "bench", "--from", data, "--builds", "1", "--rounds", "1", "--brute", "5", "--json"))
	if rep.Entities == 0 || rep.Queries == 0 || rep.LostMatches != 0 {
		t.Errorf("bench on the linked folder: %d entities, %d queries, %d lost", rep.Entities, rep.Queries, rep.LostMatches)
	}
}
