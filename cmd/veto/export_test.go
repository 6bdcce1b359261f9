package main

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/entity"
)

// veto export writes one merged FtM entity per subject of several
// listings, with their IDs as referents, and every listing alone with
// --by listing; no listing is lost either way.
func TestExportBySubject(t *testing.T) {
	db := filepath.Join(t.TempDir(), "veto.db")
	read := func(args ...string) []entity.FtMEntity {
		t.Helper()
		var out []entity.FtMEntity
		for _, line := range strings.Split(strings.TrimSpace(mustCLI(t, db, append([]string{"export", "--from", "../../demo/data"}, args...)...)), "\n") {
			var f entity.FtMEntity
			if err := json.Unmarshal([]byte(line), &f); err != nil {
				t.Fatalf("%s: %v", line, err)
			}
			out = append(out, f)
		}
		return out
	}
	subjects, listings := read(), read("--by", "listing")
	var lavrov *entity.FtMEntity
	var covered []string
	for i, f := range subjects {
		if slices.Contains(f.Referents, "ofac-990001") {
			lavrov = &subjects[i]
		}
		if len(f.Referents) == 0 {
			covered = append(covered, f.ID)
		}
		covered = append(covered, f.Referents...)
	}
	if lavrov == nil {
		t.Fatalf("no exported subject has ofac-990001 among its referents")
	}
	if want := []string{"ca-russia-1-part-1-9902", "eu-990001", "ofac-990001", "uk-RUS9901"}; !sameSet(lavrov.Referents, want) || !strings.HasPrefix(lavrov.ID, "vs-") || len(lavrov.Datasets) < 4 {
		t.Errorf("Lavrov's subject: id %s, referents %v, datasets %v; want a subject ID, referents %v and their four lists", lavrov.ID, lavrov.Referents, lavrov.Datasets, want)
	}
	var ids []string
	for _, f := range listings {
		if len(f.Referents) != 0 {
			t.Errorf("--by listing: %s has referents %v", f.ID, f.Referents)
		}
		ids = append(ids, f.ID)
	}
	if len(subjects) >= len(listings) || !sameSet(covered, ids) {
		t.Errorf("%d subjects covering %v; want fewer than the %d listings, covering each: %v", len(subjects), covered, len(listings), ids)
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(slices.Compact(a), slices.Compact(b))
}
