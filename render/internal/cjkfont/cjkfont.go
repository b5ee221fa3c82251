// Package cjkfont gives the PDF writer and the PNG charts their Chinese
// font. Both need a single-face glyf TrueType file (gopdf cannot use
// CFF-based OpenType such as Noto CJK, nor .ttc collections).
//
// The binary carries one: AR PL SungtiL GB (文鼎PL简报宋, a 宋 face, the
// closest free one to the 宋体/仿宋 of 公文), gzipped, under the Arphic
// Public License (embedded/ARPHICPL.TXT; embedded/mkfont.sh remakes it).
// It is the default, so that PDF output needs nothing installed and looks
// the same on every machine. A font given explicitly (the --font option,
// else $JIXIAO_FONT) replaces it. Fonts with a wider repertoire found in
// the font directories ($JIXIAO_FONT_DIRS, else the usual ones) serve only
// as fallbacks for characters the main face lacks (Fallbacks).
package cjkfont

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
)

// Embedded is the name Find and Load give the built-in face in place of a
// path.
const Embedded = "内置字体 AR PL SungtiL GB（文鼎PL简报宋）"

// Environment variables read by Find and Fallbacks.
const (
	// EnvFont names the font file used when none is given explicitly.
	EnvFont = "JIXIAO_FONT"
	// EnvDirs replaces the font directories searched for fallbacks: a
	// list separated as PATH is (":" on Unix); set and empty, none.
	EnvDirs = "JIXIAO_FONT_DIRS"
)

//go:embed embedded/gbsn00lp-jixiao.ttf.gz
var embeddedGz []byte

// Candidates are the fallback fonts looked for in the font directories,
// best first: LXGW WenKai covers far more than GB2312 (it is a 楷 face, so
// it is never the main one).
var Candidates = []string{
	"LXGWWenKai-Regular.ttf",
	"LXGWWenKaiMono-Regular.ttf",
}

// Dirs are searched, recursively, for the candidates, with
// $HOME/.fonts and $HOME/.local/share/fonts, unless $JIXIAO_FONT_DIRS is
// set.
var Dirs = []string{
	"/usr/share/fonts", "/usr/local/share/fonts",
	"/Library/Fonts", "/System/Library/Fonts", `C:\Windows\Fonts`,
}

// ErrNotTrueType says that a font file is not one gopdf can embed.
var ErrNotTrueType = errors.New("cjkfont: 需要单一字体、glyf 轮廓的 TrueType 文件（.ttf）")

// Find returns the font to use: explicit if given, else $JIXIAO_FONT if
// set, else Embedded. A given font must exist.
func Find(explicit string) (string, error) {
	if explicit == "" {
		explicit = os.Getenv(EnvFont)
	}
	if explicit == "" {
		return Embedded, nil
	}
	if _, err := os.Stat(explicit); err != nil {
		return "", fmt.Errorf("cjkfont: %w", err)
	}
	return explicit, nil
}

// cache maps a font path (or Embedded) to its bytes, and a search key to
// the fallback paths found.
var cache sync.Map

// Load finds a font as Find does and returns its name and bytes, reading
// each file once per process. A file that is a collection (.ttc) or has
// CFF outlines is refused with ErrNotTrueType.
func Load(explicit string) (string, []byte, error) {
	p, err := Find(explicit)
	if err != nil {
		return "", nil, err
	}
	b, err := read(p)
	if err != nil {
		return "", nil, err
	}
	return p, b, nil
}

func read(p string) ([]byte, error) {
	if b, ok := cache.Load(p); ok {
		return b.([]byte), nil
	}
	var b []byte
	var err error
	if p == Embedded {
		b, err = gunzip(embeddedGz)
	} else {
		b, err = os.ReadFile(p)
	}
	if err != nil {
		return nil, fmt.Errorf("cjkfont: %w", err)
	}
	if err := checkTrueType(b); err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	cache.Store(p, b)
	return b, nil
}

func gunzip(b []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// checkTrueType looks at the sfnt version tag: 0x00010000 or "true" is a
// TrueType font with glyf outlines; "OTTO" is CFF, "ttcf" a collection.
func checkTrueType(b []byte) error {
	if len(b) < 12 {
		return ErrNotTrueType
	}
	switch string(b[:4]) {
	case "\x00\x01\x00\x00", "true":
		return nil
	case "OTTO":
		return fmt.Errorf("%w：这是 CFF 轮廓的 OpenType 字体", ErrNotTrueType)
	case "ttcf":
		return fmt.Errorf("%w：这是字体集（.ttc），请先取出其中一款", ErrNotTrueType)
	}
	return ErrNotTrueType
}

// Fallbacks returns the bytes of the fallback fonts found (Candidates
// under the search directories), best first, leaving out the font named
// main. When main is not Embedded, the embedded face comes last, so that a
// font given by the user that lacks a character still prints it if the
// embedded one has it. Unreadable files are skipped: a fallback only ever
// replaces a "□".
func Fallbacks(main string) [][]byte {
	var out [][]byte
	for _, p := range search() {
		if p == main {
			continue
		}
		if b, err := read(p); err == nil {
			out = append(out, b)
		}
	}
	if main != Embedded {
		if b, err := read(Embedded); err == nil {
			out = append(out, b)
		}
	}
	return out
}

// searchDirs returns $JIXIAO_FONT_DIRS when set, else Dirs and the home
// font folders.
func searchDirs() []string {
	if v, ok := os.LookupEnv(EnvDirs); ok {
		return filepath.SplitList(v)
	}
	dirs := Dirs
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs[:len(dirs):len(dirs)], filepath.Join(home, ".fonts"), filepath.Join(home, ".local/share/fonts"))
	}
	return dirs
}

// search returns the paths of the candidates found, in Candidates order,
// walking the directories once per process and set of directories.
func search() []string {
	dirs := searchDirs()
	key := fmt.Sprintf("\x00search%q", dirs)
	if p, ok := cache.Load(key); ok {
		return p.([]string)
	}
	want := map[string]bool{}
	for _, c := range Candidates {
		want[c] = true
	}
	found := map[string]string{}
	for _, d := range dirs {
		if d == "" {
			continue
		}
		_ = filepath.WalkDir(d, func(p string, e os.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if !e.IsDir() && want[e.Name()] {
				if _, seen := found[e.Name()]; !seen {
					found[e.Name()] = p
				}
			}
			return nil
		})
	}
	var paths []string
	for _, c := range Candidates {
		if p, ok := found[c]; ok {
			paths = append(paths, p)
		}
	}
	cache.Store(key, paths)
	return paths
}
