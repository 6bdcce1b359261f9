package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
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
	if rep.P50Fastest <= 0 || rep.P99Fastest < rep.P50Fastest || rep.P99Fastest > rep.Max {
		t.Errorf("fastest-pass figures: p50 %v, p99 %v, max %v", rep.P50Fastest, rep.P99Fastest, rep.Max)
	}
}

// A query's fastest pass is its time in the pass where nothing else took
// the core: the p99 over those is not a neighbour's scheduler slice.
func TestFastestPass(t *testing.T) {
	ms := func(ds ...int) []time.Duration {
		out := make([]time.Duration, len(ds))
		for i, d := range ds {
			out[i] = time.Duration(d) * time.Millisecond
		}
		return out
	}
	tests := []struct {
		name   string
		rounds [][]time.Duration
		want   []time.Duration
	}{
		{"none", nil, nil},
		{"one pass is itself", [][]time.Duration{ms(3, 1, 2)}, ms(3, 1, 2)},
		{"each query its own fastest pass", [][]time.Duration{ms(3, 9, 2), ms(4, 1, 8), ms(5, 2, 1)}, ms(3, 1, 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before [][]time.Duration
			for _, r := range tt.rounds {
				before = append(before, slices.Clone(r))
			}
			if got := fastest(tt.rounds); !slices.Equal(got, tt.want) {
				t.Errorf("fastest = %v, want %v", got, tt.want)
			}
			for i := range before {
				if !slices.Equal(before[i], tt.rounds[i]) {
					t.Errorf("pass %d changed: %v, was %v", i, tt.rounds[i], before[i])
				}
			}
		})
	}
}
