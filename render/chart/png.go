package chart

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// Font is a parsed TrueType font for PNG labels.
type Font struct{ f *opentype.Font }

var parsed sync.Map // *byte of the data → *Font

// ParseFont parses TrueType data; the result for the same slice is cached
// because a CJK font takes long to parse.
func ParseFont(data []byte) (*Font, error) {
	if len(data) == 0 {
		return nil, fmt.Errorf("chart: empty font data")
	}
	if f, ok := parsed.Load(&data[0]); ok {
		return f.(*Font), nil
	}
	f, err := opentype.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("chart: parse font: %w", err)
	}
	ft := &Font{f: f}
	parsed.Store(&data[0], ft)
	return ft, nil
}

// PNG writes the chart as a PNG at Scale times Width × Height, with labels
// in f.
func (c *Chart) PNG(w io.Writer, f *Font) error {
	img, err := c.Image(f)
	if err != nil {
		return err
	}
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	var out image.Image = img
	if p := paletted(img); p != nil {
		out = p
	}
	if err := enc.Encode(w, out); err != nil {
		return fmt.Errorf("chart: %w", err)
	}
	return nil
}

// Image draws the chart.
func (c *Chart) Image(f *Font) (*image.RGBA, error) {
	const s = Scale
	img := image.NewRGBA(image.Rect(0, 0, Width*s, Height*s))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	face := func(size float64) (font.Face, error) {
		return opentype.NewFace(f.f, &opentype.FaceOptions{Size: size * s, DPI: 72, Hinting: font.HintingNone})
	}
	title, err := face(17)
	if err != nil {
		return nil, fmt.Errorf("chart: %w", err)
	}
	small, _ := face(12)
	tiny, _ := face(11)
	defer title.Close()
	defer small.Close()
	defer tiny.Close()
	grey := color.RGBA{0x55, 0x55, 0x55, 0xff}
	l := c.layout()
	text(img, title, c.Title, Width/2, 26, 0, color.Black)
	if c.Unit != "" {
		text(img, small, "单位："+c.Unit, l.left-56, l.top-10, -1, grey)
	}
	for _, v := range l.ticks {
		y := l.y(v)
		rect(img, l.left, y, l.right-l.left, 1.0/s, color.RGBA{0xdd, 0xdd, 0xdd, 0xff})
		text(img, small, label(v), l.left-6, y+4, 1, grey)
	}
	rect(img, l.left, l.bottom, l.right-l.left, 1, color.RGBA{0x33, 0x33, 0x33, 0xff})
	for _, br := range c.bars(l) {
		p := palette[br.series%len(palette)]
		rect(img, br.x, br.y, br.w, br.h, color.RGBA{p[0], p[1], p[2], 0xff})
	}
	measure := func(f font.Face) func(string) float64 {
		return func(s string) float64 { return float64(font.MeasureString(f, s)) / 64 / Scale }
	}
	for _, b := range c.Labels(measure(small)) {
		f := tiny
		if b.Category {
			f = small
		}
		text(img, f, b.Text, b.X, b.Y, 0, color.Black)
	}
	x := l.left
	for si, ser := range c.Series {
		p := palette[si%len(palette)]
		rect(img, x, Height-24, 12, 12, color.RGBA{p[0], p[1], p[2], 0xff})
		text(img, small, ser.Name, x+16, Height-14, -1, color.Black)
		x += 16 + 14*float64(len([]rune(ser.Name))) + 24
	}
	return img, nil
}

// rect fills a rectangle given in unscaled units.
func rect(img *image.RGBA, x, y, w, h float64, c color.Color) {
	r := image.Rect(int(x*Scale), int(y*Scale), int((x+w)*Scale+0.5), int((y+h)*Scale+0.5))
	draw.Draw(img, r, image.NewUniform(c), image.Point{}, draw.Src)
}

// text draws s with its baseline at y; anchor -1 starts at x, 0 centres on
// x, 1 ends at x.
func text(img *image.RGBA, face font.Face, s string, x, y float64, anchor int, c color.Color) {
	d := font.Drawer{Dst: img, Src: image.NewUniform(c), Face: face}
	adv := d.MeasureString(s)
	px := fixed.Int26_6(x * Scale * 64)
	switch anchor {
	case 0:
		px -= adv / 2
	case 1:
		px -= adv
	}
	d.Dot = fixed.Point26_6{X: px, Y: fixed.Int26_6(y * Scale * 64)}
	d.DrawString(s)
}

// paletted converts a chart to 8-bit indexed colour, with each channel cut
// to 4 bits (enough for anti-aliased text). An indexed PNG is encoded with
// no per-row filtering and a quarter of the bytes, several times faster
// than RGBA; nil when the picture has more than 256 colours.
func paletted(img *image.RGBA) *image.Paletted {
	b := img.Bounds()
	p := image.NewPaletted(b, nil)
	index := map[uint32]uint8{}
	var last uint32 = 1 << 31
	var lastIdx uint8
	pix := img.Pix
	for i, j := 0, 0; i+3 < len(pix); i, j = i+4, j+1 {
		key := uint32(pix[i]>>4)<<8 | uint32(pix[i+1]>>4)<<4 | uint32(pix[i+2]>>4)
		if key != last {
			idx, ok := index[key]
			if !ok {
				if len(p.Palette) == 256 {
					return nil
				}
				idx = uint8(len(p.Palette))
				index[key] = idx
				r, g, bl := uint8(key>>8)*17, uint8(key>>4&0xf)*17, uint8(key&0xf)*17
				p.Palette = append(p.Palette, color.RGBA{r, g, bl, 0xff})
			}
			last, lastIdx = key, idx
		}
		p.Pix[j] = lastIdx
	}
	return p
}
