package batch

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/screen"
)

// demoSnapshot is the demo index as the snapshot of two named versions.
func demoSnapshot(t testing.TB, ids ...int64) *screen.Snapshot {
	t.Helper()
	ix, err := demoIndex()
	if err != nil {
		t.Fatal(err)
	}
	var vs []entity.ListVersion
	for i, id := range ids {
		vs = append(vs, entity.ListVersion{ID: id, List: []string{"ofac-sdn", "un-sc"}[i], Hash: "h"})
	}
	return screen.NewSnapshot(ix, screen.DataLive, vs)
}

// TestOutputNamesVersions: every output row, CSV or JSON lines, names the
// versions screened against, and a checkpoint written against other
// versions (or by a veto whose rows did not name them) is not resumed.
func TestOutputNamesVersions(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "in.csv", "id,name\nC1,Vladimir Putin\nC2,Harriet Plumstead\nC3,\n")
	snap := demoSnapshot(t, 12, 7)
	const want = "ofac-sdn@12,un-sc@7"

	out := filepath.Join(dir, "out.csv")
	if _, err := Run(context.Background(), snap.Screener(), Files{Input: in, Output: out}, Options{}); err != nil {
		t.Fatal(err)
	}
	recs := readCSV(t, out)
	if h := recs[0]; h[len(h)-1] != "versions" || len(recs) != 4 {
		t.Fatalf("CSV output %q", recs)
	}
	for _, r := range recs[1:] {
		if len(r) != len(CSVHeader) || r[len(r)-1] != want {
			t.Errorf("row %q: want %d fields ending with %q", r, len(CSVHeader), want)
		}
	}

	jl := filepath.Join(dir, "out.jsonl")
	if _, err := Run(context.Background(), snap.Screener(), Files{Input: in, Output: jl}, Options{}); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(jl)
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	for _, l := range lines {
		var rl ResultLine
		if err := json.Unmarshal([]byte(l), &rl); err != nil || rl.Versions != want {
			t.Errorf("line %s: versions %q, %v; want %q", l, rl.Versions, err, want)
		}
	}
	if len(lines) != 3 {
		t.Errorf("%d JSON lines, want 3", len(lines))
	}

	// Interrupted against versions 12 and 7, the run does not resume
	// against 13 and 7.
	big := bigInput(t, dir, 1000)
	files := Files{Input: big, Output: filepath.Join(dir, "big.csv")}
	ctx, cancel := context.WithCancel(context.Background())
	if _, err := Run(ctx, snap.Screener(), files, Options{Progress: func(Stats) { cancel() }}); !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted run: %v", err)
	}
	if _, err := Run(context.Background(), demoSnapshot(t, 13, 7).Screener(), files, Options{}); !errors.Is(err, ErrCheckpoint) {
		t.Errorf("resumed against other versions: %v", err)
	}
	// A checkpoint of version 1 (rows without versions) is not resumed.
	cp := files.Output + ".checkpoint"
	b, err := os.ReadFile(cp)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cp, []byte(strings.Replace(string(b), `"version":2`, `"version":1`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Run(context.Background(), snap.Screener(), files, Options{}); !errors.Is(err, ErrCheckpoint) || !strings.Contains(err.Error(), "--resume=false") {
		t.Errorf("resumed a version 1 checkpoint: %v", err)
	}
	if st, err := Run(context.Background(), snap.Screener(), files, Options{Restart: true}); err != nil || st.Rows != 1000 {
		t.Errorf("restart: %+v, %v", st, err)
	}
}
