package all

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// WalkFiles calls fn for every file in dir and its subfolders, in lexical
// order, following symbolic links: a data folder is often assembled from
// links to snapshots kept elsewhere (shared/data/un -> /archive/un), and
// filepath.WalkDir would hand such a link to the parsers as a file. The
// paths given are under dir (the link's path, not its target); a folder
// reached twice through links (a link to an ancestor) is read once.
func WalkFiles(dir string, fn func(path string, info fs.FileInfo) error) error {
	seen := map[string]bool{}
	var walk func(dir string) error
	walk = func(dir string) error {
		real, err := filepath.EvalSymlinks(dir)
		if err != nil {
			return err
		}
		if seen[real] {
			return nil
		}
		seen[real] = true
		entries, err := os.ReadDir(dir)
		if err != nil {
			return err
		}
		slices.SortFunc(entries, func(a, b fs.DirEntry) int {
			switch {
			case a.Name() < b.Name():
				return -1
			case a.Name() > b.Name():
				return 1
			}
			return 0
		})
		for _, e := range entries {
			p := filepath.Join(dir, e.Name())
			info, err := os.Stat(p) // follows links
			if err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
			if info.IsDir() {
				if err := walk(p); err != nil {
					return err
				}
				continue
			}
			if !info.Mode().IsRegular() {
				continue // sockets, devices, pipes: not list files
			}
			if err := fn(p, info); err != nil {
				return err
			}
		}
		return nil
	}
	return walk(dir)
}
