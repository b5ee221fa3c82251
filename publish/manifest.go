package publish

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"jixiao"
)

// Manifest lists the files of a publication.
type Manifest struct {
	Title         string         `json:"title"`
	SchemaVersion string         `json:"schema_version"` // of the open-data records
	Generator     string         `json:"generator"`      // jixiao and its version
	Files         []ManifestFile `json:"files"`          // sorted by path; manifest.json and SHA256SUMS are not listed
}

// ManifestFile is one file of the publication.
type ManifestFile struct {
	Path   string `json:"path"` // relative, with '/'
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"` // hex
}

func newManifest(title string, files map[string][]byte) *Manifest {
	m := &Manifest{Title: title, SchemaVersion: SchemaVersion, Generator: "jixiao " + jixiao.Version}
	for name, data := range files {
		sum := sha256.Sum256(data)
		m.Files = append(m.Files, ManifestFile{Path: name, Size: int64(len(data)), SHA256: hex.EncodeToString(sum[:])})
	}
	slices.SortFunc(m.Files, func(a, b ManifestFile) int { return strings.Compare(a.Path, b.Path) })
	return m
}

// sums is the manifest as sha256sum writes it, for `sha256sum -c SHA256SUMS`.
func (m *Manifest) sums() []byte {
	var b strings.Builder
	for _, f := range m.Files {
		fmt.Fprintf(&b, "%s  %s\n", f.SHA256, f.Path)
	}
	return []byte(b.String())
}
