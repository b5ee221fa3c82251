package pdf

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// The pure-Go reader. github.com/ledongthuc/pdf parses the file, its
// objects, streams and encryption, the content-stream syntax
// (pdf.Interpret) and the fonts' simple encodings; its own Page.Content
// places every character of a string at the string's start for the
// two-byte fonts that Chinese text uses (it takes the advance of a byte,
// not of a character code), so the text operators are run here, with each
// code's advance from the font's Widths or W array and its text from the
// font's ToUnicode map (cmap.go). The result is the words with their
// boxes, as pdftotext -bbox-layout gives them, and the page's ruling
// lines; the layout text is built from them (layouttext.go), and the
// table rebuild is the same for both readers.

// glyph is one character placed on the page, in PDF user space (origin
// bottom left): its baseline start, advance and font size.
type glyph struct {
	x, y, w, size float64
	ascent        float64 // above the baseline, in sizes
	descent       float64 // below it, negative
	text          string
}

// matrix is a PDF transformation matrix [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n (m applied first).
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// pdfFont is what the text operators need of a font: how its strings split
// into codes, each code's text and advance (in 1/1000 of the size).
type pdfFont struct {
	twoByte bool
	// ascent and descent, in sizes, from the font descriptor: the height
	// of the words' boxes, as pdftotext makes them.
	ascent, descent float64
	enc             pdf.TextEncoding
	cmap            *toUnicode // the ToUnicode map, when the font has one: it decides
	wscale          float64    // glyph space to text space: 1/1000, or a Type 3 font's FontMatrix
	widths          map[int]float64
	dw              float64
	decoded         map[string]string
}

func loadFont(v pdf.Value) *pdfFont {
	f := &pdfFont{dw: 0, wscale: 0.001, widths: map[int]float64{}, decoded: map[string]string{}}
	pf := pdf.Font{V: v}
	f.enc = pf.Encoder()
	f.cmap = readToUnicode(v)
	if v.Key("Subtype").Name() == "Type3" {
		if m := v.Key("FontMatrix"); m.Len() == 6 && m.Index(0).Float64() > 0 {
			f.wscale = m.Index(0).Float64()
		}
	}
	desc := v.Key("FontDescriptor")
	if v.Key("Subtype").Name() == "Type0" {
		desc = v.Key("DescendantFonts").Index(0).Key("FontDescriptor")
	}
	f.ascent, f.descent = metrics(desc)
	if v.Key("Subtype").Name() == "Type0" {
		f.twoByte = true
		f.dw = 1000
		d := v.Key("DescendantFonts").Index(0)
		if dw := d.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
			f.dw = dw.Float64()
		}
		readW(d.Key("W"), f.widths)
		return f
	}
	first := int(v.Key("FirstChar").Int64())
	ws := v.Key("Widths")
	for i := 0; i < ws.Len() && i < 65536; i++ {
		f.widths[first+i] = ws.Index(i).Float64()
	}
	f.dw = v.Key("FontDescriptor").Key("MissingWidth").Float64()
	if ws.Len() == 0 && f.dw == 0 {
		f.dw = 500 // a standard 14 font: no widths are given
	}
	return f
}

// metrics returns a font's ascent and descent in sizes, with pdftotext's
// defaults (0.95, -0.35) where the descriptor gives none or zero (as
// LibreOffice writes) and where it gives implausible ones.
func metrics(desc pdf.Value) (ascent, descent float64) {
	a := desc.Key("Ascent").Float64() / 1000
	d := desc.Key("Descent").Float64() / 1000
	if a <= 0 || a > 1.5 || d > 0 || d < -0.6 {
		return 0.95, -0.35
	}
	return a, d
}

// readW reads a CID font's W array: c [w1 w2 …] or cfirst clast w.
func readW(w pdf.Value, into map[int]float64) {
	n := w.Len()
	for i := 0; i < n && len(into) < 1<<16; {
		c := int(w.Index(i).Int64())
		if i+1 >= n {
			return
		}
		if next := w.Index(i + 1); next.Kind() == pdf.Array {
			for k := 0; k < next.Len() && len(into) < 1<<16; k++ {
				into[c+k] = next.Index(k).Float64()
			}
			i += 2
			continue
		}
		if i+2 >= n {
			return
		}
		last, width := int(w.Index(i+1).Int64()), w.Index(i+2).Float64()
		for k := c; k <= last && k-c < 1<<16 && len(into) < 1<<16; k++ {
			into[k] = width
		}
		i += 3
	}
}

func (f *pdfFont) width(code int) float64 {
	if w, ok := f.widths[code]; ok {
		return w
	}
	return f.dw
}

func (f *pdfFont) decode(raw string) string {
	if s, ok := f.decoded[raw]; ok {
		return s
	}
	var s string
	if t, ok := f.cmap.text(raw); ok {
		s = t
	} else {
		s = f.enc.Decode(raw)
	}
	if len(f.decoded) < 1<<16 {
		f.decoded[raw] = s
	}
	return s
}

// textState is the graphics and text state the text operators use.
type textState struct {
	ctm                  matrix
	tm, tlm              matrix
	tc, tw, th, tl, rise float64
	size                 float64
	font                 *pdfFont
}

// pageGlyphs runs the page's content stream and returns its glyphs, at
// most max of them (a page over that is not a table page: the rest are
// dropped, and the layout text is built from what was kept), and its
// horizontal and vertical lines; typed reports that the page selects a
// font at all (a scan does not).
func pageGlyphs(p pdf.Page, max int) (gs []glyph, hs []rule, vs []vrule, typed bool) {
	in := &interp{max: max, fonts: map[string]*pdfFont{}}
	in.run(p.V.Key("Contents"), resources(p.V), identity, 0)
	return in.out, in.rules, in.vrules, len(in.fonts) > 0
}

// resources returns a page's Resources, inherited from its parents.
func resources(v pdf.Value) pdf.Value {
	for depth := 0; !v.IsNull() && depth < 64; depth++ {
		if r := v.Key("Resources"); !r.IsNull() {
			return r
		}
		v = v.Key("Parent")
	}
	return pdf.Value{}
}

type interp struct {
	max    int
	out    []glyph
	fonts  map[string]*pdfFont
	rules  []rule
	vrules []vrule
	// the current path's point and subpath start, in user space
	px, py, sx, sy float64
}

// rule is a horizontal line drawn on the page (a table's border), in user
// space: from x0 to x1 at height y.
type rule struct{ x0, x1, y float64 }

// vrule is a vertical line drawn on the page, in user space: at x from
// y0 to y1.
type vrule struct{ x, y0, y1 float64 }

// maxRules bounds the lines kept for one page: a table draws a few
// hundred; the checks against them run per pair of words.
const maxRules = 2000

// line records the segment from (x0, y0) to (x1, y1), in the coordinates
// of ctm, when it is horizontal on the page.
func (in *interp) line(ctm matrix, x0, y0, x1, y1 float64) {
	ax, ay := ctm.apply(x0, y0)
	bx, by := ctm.apply(x1, y1)
	if math.Abs(ay-by) < 0.5 && math.Abs(ax-bx) > 2 && len(in.rules) < maxRules {
		in.rules = append(in.rules, rule{math.Min(ax, bx), math.Max(ax, bx), (ay + by) / 2})
	}
	if math.Abs(ax-bx) < 0.5 && math.Abs(ay-by) > 2 && len(in.vrules) < maxRules {
		in.vrules = append(in.vrules, vrule{(ax + bx) / 2, math.Min(ay, by), math.Max(ay, by)})
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]
}

// maxFormDepth bounds nested form XObjects (a form that draws itself).
const maxFormDepth = 4

func (in *interp) run(strm, res pdf.Value, ctm matrix, depth int) {
	if strm.IsNull() || depth > maxFormDepth {
		return
	}
	g := textState{ctm: ctm, tm: identity, tlm: identity, th: 1}
	var stack []textState
	pdf.Interpret(strm, func(stk *pdf.Stack, op string) {
		n := stk.Len()
		args := make([]pdf.Value, n)
		for i := n - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		num := func(i int) float64 {
			if i < len(args) {
				return args[i].Float64()
			}
			return 0
		}
		mat := func() matrix {
			var m matrix
			for i := range m {
				m[i] = num(i)
			}
			return m
		}
		switch op {
		case "q":
			if len(stack) < 256 {
				stack = append(stack, g)
			}
		case "Q":
			if k := len(stack) - 1; k >= 0 {
				g, stack = stack[k], stack[:k]
			}
		case "cm":
			g.ctm = mat().mul(g.ctm)
		case "m":
			in.px, in.py = num(0), num(1)
			in.sx, in.sy = in.px, in.py
		case "l":
			in.line(g.ctm, in.px, in.py, num(0), num(1))
			in.px, in.py = num(0), num(1)
		case "h":
			in.line(g.ctm, in.px, in.py, in.sx, in.sy)
			in.px, in.py = in.sx, in.sy
		case "re":
			// A rectangle is a cell's border, or a thin filled bar drawn
			// as a border: its top and bottom edges are both rules.
			x, y, w, h := num(0), num(1), num(2), num(3)
			in.line(g.ctm, x, y, x+w, y)
			in.line(g.ctm, x, y+h, x+w, y+h)
			in.line(g.ctm, x, y, x, y+h)
			in.line(g.ctm, x+w, y, x+w, y+h)
			in.px, in.py, in.sx, in.sy = x, y, x, y
		case "BT":
			g.tm, g.tlm = identity, identity
		case "Tc":
			g.tc = num(0)
		case "Tw":
			g.tw = num(0)
		case "Tz":
			g.th = num(0) / 100
		case "TL":
			g.tl = num(0)
		case "Ts":
			g.rise = num(0)
		case "Tf":
			if len(args) == 2 {
				g.font = in.font(res, args[0].Name())
				g.size = num(1)
			}
		case "Td", "TD":
			if op == "TD" {
				g.tl = -num(1)
			}
			g.tlm = matrix{1, 0, 0, 1, num(0), num(1)}.mul(g.tlm)
			g.tm = g.tlm
		case "Tm":
			g.tm = mat()
			g.tlm = g.tm
		case "T*":
			g.nextLine()
		case "Tj":
			if len(args) == 1 {
				in.show(&g, args[0].RawString())
			}
		case "'":
			if len(args) == 1 {
				g.nextLine()
				in.show(&g, args[0].RawString())
			}
		case "\"":
			if len(args) == 3 {
				g.tw, g.tc = num(0), num(1)
				g.nextLine()
				in.show(&g, args[2].RawString())
			}
		case "TJ":
			if len(args) != 1 {
				return
			}
			a := args[0]
			for i := 0; i < a.Len(); i++ {
				x := a.Index(i)
				if x.Kind() == pdf.String {
					in.show(&g, x.RawString())
				} else {
					g.advance(-x.Float64() / 1000 * g.size * g.th)
				}
			}
		case "Do":
			if len(args) == 1 {
				xo := res.Key("XObject").Key(args[0].Name())
				if xo.Key("Subtype").Name() == "Form" {
					m := identity
					if fm := xo.Key("Matrix"); fm.Len() == 6 {
						for i := range m {
							m[i] = fm.Index(i).Float64()
						}
					}
					sub := xo.Key("Resources")
					if sub.IsNull() {
						sub = res
					}
					in.run(xo, sub, m.mul(g.ctm), depth+1)
				}
			}
		}
	})
}

func (g *textState) nextLine() {
	g.tlm = matrix{1, 0, 0, 1, 0, -g.tl}.mul(g.tlm)
	g.tm = g.tlm
}

func (g *textState) advance(tx float64) {
	g.tm = matrix{1, 0, 0, 1, tx, 0}.mul(g.tm)
}

func (in *interp) font(res pdf.Value, name string) *pdfFont {
	key := name
	if f, ok := in.fonts[key]; ok {
		return f
	}
	f := loadFont(res.Key("Font").Key(name))
	in.fonts[key] = f
	return f
}

// show places the characters of a string: each code at the current text
// position, advanced by its width, the character spacing and, for a
// single-byte space, the word spacing.
func (in *interp) show(g *textState, raw string) {
	f := g.font
	if f == nil {
		return
	}
	def := 1
	if f.twoByte {
		def = 2
	}
	var codes []string
	if f.cmap != nil {
		codes = f.cmap.split(raw, def)
	} else {
		for i := 0; i+def <= len(raw); i += def {
			codes = append(codes, raw[i:i+def])
		}
	}
	for _, c := range codes {
		code := 0
		for k := 0; k < len(c); k++ {
			code = code<<8 | int(c[k])
		}
		step := len(c)
		w0 := f.width(code) * f.wscale
		trm := matrix{g.size * g.th, 0, 0, g.size, 0, g.rise}.mul(g.tm).mul(g.ctm)
		size := math.Hypot(trm[2], trm[3])
		text := f.decode(c)
		if len(in.out) < in.max && text != "" && size > 0 {
			in.out = append(in.out, glyph{x: trm[4], y: trm[5], w: w0 * math.Hypot(trm[0], trm[1]), size: size,
				ascent: f.ascent, descent: f.descent, text: text})
		}
		tx := w0*g.size + g.tc
		if step == 1 && code == ' ' {
			tx += g.tw
		}
		g.advance(tx * g.th)
	}
}

// pageWords joins a page's glyphs into words with boxes in points from the
// page's top left, as pdftotext -bbox-layout gives them: a word ends at a
// space, at a gap wider than a fifth of the size, or where the next glyph
// is not on the same baseline, or at a vertical border (a table's column
// line: text of two cells never makes one word). Boxes span the font's
// ascent and descent.
func pageWords(gs []glyph, vs []vrule, top float64) []word {
	var out []word
	var cur *word
	var lastX, lastY, lastSize float64
	var spaces []glyph
	end := func() {
		if cur != nil && strings.TrimSpace(cur.text) != "" {
			out = append(out, *cur)
		}
		cur = nil
	}
	for _, g := range gs {
		t := cleanText(g.text)
		if t == "" {
			continue
		}
		if strings.TrimSpace(t) == "" {
			if cur != nil {
				cur.space = true
			}
			end()
			spaces = append(spaces, g)
			continue
		}
		y0, y1 := top-g.y-g.ascent*g.size, top-g.y-g.descent*g.size
		if cur != nil {
			gap := g.x - lastX
			sameLine := math.Abs(g.y-lastY) < 0.3*math.Min(g.size, lastSize)
			if !sameLine || gap > 0.2*math.Max(g.size, lastSize) || gap < -0.5*g.size || crosses(vs, lastX-0.5, g.x+0.5, g.y+0.3*g.size) {
				end()
			}
		}
		if cur == nil {
			cur = &word{x0: g.x, y0: y0, x1: g.x + g.w, y1: y1, glyphs: true}
		}
		cur.text += t
		cur.x1 = math.Max(cur.x1, g.x+g.w)
		cur.y0, cur.y1 = math.Min(cur.y0, y0), math.Max(cur.y1, y1)
		lastX, lastY, lastSize = g.x+g.w, g.y, g.size
	}
	end()
	markSpaces(out, spaces, top)
	return out
}

// markSpaces marks the words a space is drawn right after. A producer
// that draws a line's glyphs out of order (LibreOffice, a font fallback
// per script: 一 and its space, then 級) leaves the space after the wrong
// word in the stream; its position says whose it is.
func markSpaces(ws []word, spaces []glyph, top float64) {
	if len(spaces) == 0 {
		return
	}
	type key struct{ x, y int }
	at := map[key][]int{}
	for i, w := range ws {
		k := key{int(math.Round(w.x1)), int(math.Round(w.y1))}
		at[k] = append(at[k], i)
	}
	for _, g := range spaces {
		x, y := g.x, top-g.y-g.descent*g.size
		for dx := -1; dx <= 1; dx++ {
			for dy := -1; dy <= 1; dy++ {
				for _, i := range at[key{int(math.Round(x)) + dx, int(math.Round(y)) + dy}] {
					if math.Abs(ws[i].x1-x) < 0.15*g.size+0.5 && math.Abs(ws[i].y1-y) < 0.3*g.size {
						ws[i].space = true
					}
				}
			}
		}
	}
}

// crosses says whether a vertical line crosses height y between x0 and
// x1.
func crosses(vs []vrule, x0, x1, y float64) bool {
	for _, v := range vs {
		if v.x > x0 && v.x < x1 && v.y0 <= y && v.y1 >= y {
			return true
		}
	}
	return false
}

// cleanText drops what a decoded code may carry that is not text: invalid
// UTF-8, NULs and other controls (a code with no ToUnicode entry).
func cleanText(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "")
	}
	return strings.Map(func(r rune) rune {
		if r == utf8.RuneError || (unicode.IsControl(r) && r != '\t') {
			return -1
		}
		if r == '\t' || r == '\u00a0' || r == '\u3000' {
			return ' '
		}
		return r
	}, s)
}
