package ftm

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/vetoscreen/veto/entity"
)

func generate(t *testing.T, g Generator, n int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := g.Generate(&b, n); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGenerateDeterministic(t *testing.T) {
	pool := []string{"Anna Petrova", "Ivan Sokolov", "Иван Петров", "Ольга Соколова", "محمد الرشيد", "王伟", "Maria Lopez"}
	for _, g := range []Generator{{Seed: 1}, {Seed: 1, Names: pool}} {
		a, b := generate(t, g, 500), generate(t, g, 500)
		if !bytes.Equal(a, b) {
			t.Errorf("pool %d: the same seed wrote different output", len(g.Names))
		}
		g.Seed = 2
		if bytes.Equal(a, generate(t, g, 500)) {
			t.Errorf("pool %d: seeds 1 and 2 wrote the same output", len(g.Names))
		}
	}
}

// TestGenerateImports checks that what the generator writes is a list
// the import reads whole: n screened entities, every attached record
// attached, no warning.
func TestGenerateImports(t *testing.T) {
	const n = 2000
	p := filepath.Join(t.TempDir(), "gen.ftm.json")
	if err := os.WriteFile(p, generate(t, Generator{Seed: 7}, n), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := ParseFiles(context.Background(), []string{p}, Options{List: "gen", Prefix: "gen"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Entities) != n || len(res.Warnings) != 0 {
		t.Fatalf("%d entities, want %d; warnings %v", len(res.Entities), n, res.Warnings)
	}
	schemata := map[entity.Schema]int{}
	var programmes, positions, owners int
	for _, e := range res.Entities {
		schemata[e.Schema]++
		if len(e.Programs) > 0 {
			programmes++
		}
		if len(e.Props["position"]) > 0 {
			positions++
		}
		for _, r := range e.Relations {
			if r.Type == "ownedBy" {
				owners++
			}
		}
	}
	for _, s := range []entity.Schema{entity.Person, entity.Company, entity.Organization, entity.Vessel} {
		if schemata[s] == 0 {
			t.Errorf("no %s generated", s)
		}
	}
	if programmes == 0 || positions == 0 || owners == 0 {
		t.Errorf("attached: %d with programmes, %d with positions, %d with owners", programmes, positions, owners)
	}
}
