// Package bulk checks many files at once: it walks folders, runs the
// pipeline on parallel workers, and hands the results back in input order
// so that output is deterministic and memory stays bounded however many
// files there are.
package bulk

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Extensions are the file types a folder walk picks up. A file named
// explicitly is always tried, whatever its extension.
var Extensions = map[string]bool{
	".yaml": true, ".yml": true, ".txt": true, ".text": true, ".docx": true, ".xlsx": true,
	".pdf": true, ".html": true, ".htm": true,
}

// Collect expands paths into files: a file stays as given; a folder is
// walked (sorted, hidden entries and Office lock files "~$…" skipped) for
// files with a known extension. Paths that cannot be read are returned as
// errors, and the rest go on.
func Collect(paths []string) (files []string, errs []error) {
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", p, err))
			continue
		}
		if !st.IsDir() {
			files = append(files, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", path, err))
				return nil
			}
			name := d.Name()
			if path != p && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$")) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.IsDir() && Extensions[strings.ToLower(filepath.Ext(name))] {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", p, err))
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	return files, errs
}
