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
	checkRelated(t, subjects)
	checkRelated(t, listings)
	subjects, listings = slices.DeleteFunc(subjects, notListed), slices.DeleteFunc(listings, notListed)
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

// notListed reports whether f is an entity that a listing's facts
// became (a Sanction, an Address, a party named in a relation ...) rather
// than a listing or a subject.
func notListed(f entity.FtMEntity) bool {
	_, err := entity.ParseSchema(f.Schema)
	return err != nil || strings.Contains(f.ID, "-party-")
}

// checkRelated checks that an export holds, for each listing or subject,
// a Sanction pointing at it, and that the Sanction, Address,
// Identification and link entities point at entities of the export.
func checkRelated(t *testing.T, fs []entity.FtMEntity) {
	t.Helper()
	ids := map[string]bool{}
	sanctioned := map[string]bool{}
	for _, f := range fs {
		ids[f.ID] = true
		if f.Schema == "Sanction" {
			for _, id := range f.Properties["entity"] {
				sanctioned[id] = true
			}
		}
	}
	for _, f := range fs {
		if !notListed(f) && !sanctioned[f.ID] {
			t.Errorf("%s %s: no Sanction points at it", f.Schema, f.ID)
		}
		for _, prop := range []string{"entity", "holder", "addressEntity", "subject", "object", "owner", "asset"} {
			for _, id := range f.Properties[prop] {
				if !ids[id] {
					t.Errorf("%s %s: %s %q is not in the export", f.Schema, f.ID, prop, id)
				}
			}
		}
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(slices.Compact(a), slices.Compact(b))
}
