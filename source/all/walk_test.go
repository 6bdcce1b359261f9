package all_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/vetoscreen/veto/source/all"
)

// linkedDataDir lays out a data folder as people assemble one: un/ is a
// link to a snapshot folder kept elsewhere, and loop/ links back to the
// data folder itself.
func linkedDataDir(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	real := filepath.Join(root, "archive", "un-2026")
	if err := os.MkdirAll(real, 0o755); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join("..", "un", "testdata", "consolidated.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(real, "consolidated.xml"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(root, "data")
	if err := os.Mkdir(data, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(real, filepath.Join(data, "un")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(data, filepath.Join(data, "loop")); err != nil {
		t.Fatal(err)
	}
	return data
}

func TestWalkFilesFollowsLinkedFolders(t *testing.T) {
	data := linkedDataDir(t)
	var got []string
	err := all.WalkFiles(data, func(p string, info fs.FileInfo) error {
		rel, _ := filepath.Rel(data, p)
		got = append(got, rel)
		if info.IsDir() || info.Size() == 0 {
			t.Errorf("%s: given as a file of %d bytes, dir %v", rel, info.Size(), info.IsDir())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// The link back to the data folder is not walked again.
	if want := []string{filepath.Join("un", "consolidated.xml")}; !slices.Equal(got, want) {
		t.Errorf("files = %q, want %q", got, want)
	}
}

func TestParseDirReadsLinkedFolders(t *testing.T) {
	rs, skipped, err := all.ParseDir(context.Background(), linkedDataDir(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 1 || rs[0].List != "un-sc" || len(rs[0].Entities) == 0 || len(skipped) != 0 {
		t.Errorf("ParseDir = %d results (%v), skipped %v", len(rs), rs, skipped)
	}
}
