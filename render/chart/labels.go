package chart

// Box is a label placed on the chart, in unscaled units: its text, the
// anchor point of its baseline (x centred) and its extent.
type Box struct {
	Text       string
	X, Y       float64 // centre of the baseline
	W, H       float64
	Category   bool // a category label under the axis, else a bar's value
	categoryOf int
}

func (b Box) rect() (x0, y0, x1, y1 float64) {
	return b.X - b.W/2, b.Y - b.H, b.X + b.W/2, b.Y + 2
}

func (b Box) overlaps(o Box) bool {
	ax0, ay0, ax1, ay1 := b.rect()
	bx0, by0, bx1, by1 := o.rect()
	return ax0 < bx1 && bx0 < ax1 && ay0 < by1 && by0 < ay1
}

// Labels places the value labels above their bars and the category labels
// under the axis, given a function that measures a string's width at the
// label size: a category name wider than its group is wrapped onto a
// second line (and cut with "…" past that), and a value label that would
// overlap one already placed is raised above it, so that no two labels
// overlap and none leaves the picture.
func (c *Chart) Labels(measure func(string) float64) []Box {
	l := c.layout()
	var out []Box
	const lineH = 13
	for _, br := range c.bars(l) {
		b := Box{Text: label(br.value), X: br.x + br.w/2, Y: br.y - 4, W: measure(label(br.value)), H: 10}
		for tries := 0; tries < 8 && collides(b, out); tries++ {
			b.Y -= lineH
		}
		if b.Y-b.H < l.top-24 {
			b.Y = l.top - 24 + b.H
		}
		out = append(out, b)
	}
	group := (l.right - l.left) / float64(max(len(c.Categories), 1))
	for i, cat := range c.Categories {
		x := l.left + group*(float64(i)+0.5)
		for k, line := range wrap(cat, group-4, 2, measure) {
			out = append(out, Box{Text: line, X: x, Y: l.bottom + 17 + float64(k)*14, W: measure(line), H: 11, Category: true, categoryOf: i})
		}
	}
	return out
}

func collides(b Box, placed []Box) bool {
	for _, p := range placed {
		if b.overlaps(p) {
			return true
		}
	}
	return false
}

// wrap breaks s into at most n lines no wider than width, the last cut
// with "…" when s does not fit.
func wrap(s string, width float64, n int, measure func(string) float64) []string {
	r := []rune(s)
	var lines []string
	for len(r) > 0 && len(lines) < n {
		k := len(r)
		for k > 1 && measure(string(r[:k])) > width {
			k--
		}
		if len(lines) == n-1 && k < len(r) {
			for k > 1 && measure(string(r[:k-1])+"…") > width {
				k--
			}
			lines = append(lines, string(r[:k-1])+"…")
			return lines
		}
		lines = append(lines, string(r[:k]))
		r = r[k:]
	}
	return lines
}
