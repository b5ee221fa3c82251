// Package cjkfont finds a Chinese TrueType font for the PDF writer and the
// PNG charts. Both need a single-face glyf TrueType file (gopdf cannot use
// CFF-based OpenType such as Noto CJK, nor .ttc collections).
package cjkfont

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

// Candidates are the fonts tried, best first: LXGW WenKai (broad coverage,
// OFL) and AR PL SungtiL GB (宋体, the closest free face to the official 宋).
var Candidates = []string{
	"LXGWWenKai-Regular.ttf",
	"gbsn00lp.ttf",
	"gkai00mp.ttf",
	"LXGWWenKaiMono-Regular.ttf",
}

// Dirs are searched, recursively, for the candidates.
var Dirs = []string{
	"/usr/share/fonts", "/usr/local/share/fonts", "/usr/share/fonts/truetype",
	"/Library/Fonts", "/System/Library/Fonts", `C:\Windows\Fonts`,
}

// ErrNotFound says that no usable font was found.
var ErrNotFound = errors.New("cjkfont: no Chinese TrueType font found (install fonts-lxgw-wenkai or fonts-arphic-gbsn00lp, or give a .ttf path)")

// Find returns explicit if it is given and readable, else the first
// candidate found under Dirs or $HOME/.fonts and $HOME/.local/share/fonts.
func Find(explicit string) (string, error) {
	if explicit != "" {
		if _, err := os.Stat(explicit); err != nil {
			return "", fmt.Errorf("cjkfont: %w", err)
		}
		return explicit, nil
	}
	if p, ok := cache.Load(searchKey); ok {
		return p.(string), nil
	}
	dirs := Dirs
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs[:len(dirs):len(dirs)], filepath.Join(home, ".fonts"), filepath.Join(home, ".local/share/fonts"))
	}
	found := map[string]string{}
	for _, d := range dirs {
		_ = filepath.WalkDir(d, func(p string, e os.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if !e.IsDir() {
				if _, seen := found[e.Name()]; !seen {
					found[e.Name()] = p
				}
			}
			return nil
		})
	}
	for _, c := range Candidates {
		if p, ok := found[c]; ok {
			cache.Store(searchKey, p)
			return p, nil
		}
	}
	return "", ErrNotFound
}

// cache maps a font path to its bytes, and searchKey to the path Find chose.
var cache sync.Map

const searchKey = "\x00search"

// Load finds a font as Find does and returns its path and bytes, reading
// each file once per process.
func Load(explicit string) (string, []byte, error) {
	p, err := Find(explicit)
	if err != nil {
		return "", nil, err
	}
	if b, ok := cache.Load(p); ok {
		return p, b.([]byte), nil
	}
	b, err := os.ReadFile(p)
	if err != nil {
		return "", nil, fmt.Errorf("cjkfont: %w", err)
	}
	cache.Store(p, b)
	return p, b, nil
}
