package pdf

import (
	"fmt"
	"strings"

	"github.com/signintech/gopdf"
	"golang.org/x/image/font/sfnt"
)

// fonts picks, for each character, the font that prints it: the main one,
// else the first fallback that has it (added to the PDF on first use, so
// an unused fallback costs nothing), else Replacement in the main font.
type fonts struct {
	gp       *gopdf.GoPdf
	main     string // the main font's family, as the PDF names it
	fallback []fallback
	chosen   map[rune]glyph
	buf      sfnt.Buffer
}

type fallback struct {
	data   []byte
	parsed *sfnt.Font // nil until needed; a font that fails to parse is skipped
	failed bool
	added  bool
}

// glyph is the font family that prints a character, and the character it
// prints (Replacement when none has it).
type glyph struct {
	family string
	r      rune
}

// run is text printed in one family.
type run struct {
	family, text string
}

func newFonts(gp *gopdf.GoPdf, opt Options) (*fonts, error) {
	f := &fonts{gp: gp, main: fontName(opt.Font, 0), chosen: map[rune]glyph{}}
	if err := gp.AddTTFFontData(f.main, opt.Font); err != nil {
		return nil, fmt.Errorf("pdf: load font: %w", err)
	}
	for _, b := range opt.Fallback {
		f.fallback = append(f.fallback, fallback{data: b})
	}
	return f, nil
}

// glyph returns the family that prints r. Control and format characters
// (a zero-width space, a tab) have no glyph anywhere and print as nothing.
func (f *fonts) glyph(r rune) glyph {
	if g, ok := f.chosen[r]; ok {
		return g
	}
	g := f.choose(r)
	f.chosen[r] = g
	return g
}

func (f *fonts) choose(r rune) glyph {
	if f.has(f.main, r) {
		return glyph{f.main, r}
	}
	if invisible(r) {
		return glyph{f.main, -1}
	}
	for i := range f.fallback {
		fb := &f.fallback[i]
		if !fb.covers(&f.buf, r) {
			continue
		}
		name := fontName(fb.data, i+1)
		if !fb.added {
			if err := f.gp.AddTTFFontData(name, fb.data); err != nil {
				fb.failed = true
				continue
			}
			fb.added = true
		}
		return glyph{name, r}
	}
	if f.has(f.main, Replacement) {
		return glyph{f.main, Replacement}
	}
	return glyph{f.main, '?'}
}

// fontName is the name the PDF gives the n-th font (0 the main one): its
// PostScript name with a subset tag, "JXAAAA+BousungEG-Light-GB", as PDF
// names subset fonts, so that a reader's font list shows what is embedded.
func fontName(data []byte, n int) string {
	ps := "CJK"
	if f, err := sfnt.Parse(data); err == nil {
		var buf sfnt.Buffer
		if s, err := f.Name(&buf, sfnt.NameIDPostScript); err == nil {
			if s = strings.Map(psChar, s); s != "" {
				ps = s
			}
		}
	}
	return fmt.Sprintf("JXAA%c%c+%s", 'A'+rune(n/26%26), 'A'+rune(n%26), ps)
}

// psChar keeps the characters a PDF name may hold unescaped.
func psChar(r rune) rune {
	if r <= ' ' || r > '~' || strings.ContainsRune("()<>[]{}/%#+", r) {
		return -1
	}
	return r
}

// has says whether the family added to the PDF has a glyph for r.
func (f *fonts) has(fam string, r rune) bool {
	if err := f.gp.SetFont(fam, "", 10); err != nil {
		return false
	}
	ok, err := f.gp.IsCurrFontContainGlyph(r)
	return err == nil && ok
}

func (fb *fallback) covers(buf *sfnt.Buffer, r rune) bool {
	if fb.failed {
		return false
	}
	if fb.parsed == nil {
		p, err := sfnt.Parse(fb.data)
		if err != nil {
			fb.failed = true
			return false
		}
		fb.parsed = p
	}
	gi, err := fb.parsed.GlyphIndex(buf, r)
	return err == nil && gi != 0
}

// invisible reports characters that print as nothing: controls, zero-width
// and format characters, variation selectors.
func invisible(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x200b && r <= 0x200f, r >= 0x2028 && r <= 0x202e,
		r >= 0x2060 && r <= 0x206f, r == 0xfeff, r >= 0xfe00 && r <= 0xfe0f, r >= 0xe0100 && r <= 0xe01ef:
		return true
	}
	return false
}

// runs splits s into runs of one family, with each character replaced by
// what prints it.
func (f *fonts) runs(s string) []run {
	var out []run
	var b strings.Builder
	cur := ""
	flush := func() {
		if b.Len() > 0 {
			out = append(out, run{cur, b.String()})
			b.Reset()
		}
	}
	for _, r := range s {
		g := f.glyph(r)
		if g.r < 0 {
			continue
		}
		if g.family != cur {
			flush()
			cur = g.family
		}
		b.WriteRune(g.r)
	}
	flush()
	return out
}
