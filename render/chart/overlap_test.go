package chart

import (
	"strconv"
	"strings"
	"testing"

	"github.com/go-analyze/charts"
	"github.com/golang/freetype/truetype"
	"golang.org/x/image/font"
)

// placed is one <text> the library laid out: its string and its box.
type placed struct {
	s              string
	x0, y0, x1, y1 float64
}

// layoutOf lays c out at scale s, as the SVG (s = 1) and the PNG (s =
// Scale) are, and returns every text with its box measured in tf.
func layoutOf(t *testing.T, c *Chart, tf *truetype.Font, s int) []placed {
	t.Helper()
	dr, err := c.render(charts.ChartOutputSVG, tf, s)
	if err != nil {
		t.Fatal(err)
	}
	svg, err := dr.p.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	texts, _ := parseSVG(t, presentational(svg))
	out := make([]placed, len(texts))
	for i, x := range texts {
		face := truetype.NewFace(tf, &truetype.Options{Size: x.size, DPI: 72})
		m := face.Metrics()
		w := float64(font.MeasureString(face, x.s)) / 64
		out[i] = placed{x.s, x.x, x.y - float64(m.Ascent)/64, x.x + w, x.y + float64(m.Descent)/64}
	}
	return out
}

// TestLabelsNeverOverlap (issue 14): with long category names (the 部门整体
// budget block's) and bars of close values side by side, no two of the
// texts the library lays out overlap or touch, on screen or on paper, measured in
// the font the layout was made with; none leaves the picture; every
// category and value keeps its label.
func TestLabelsNeverOverlap(t *testing.T) {
	tf, err := truetype.Parse(loadFont(t))
	if err != nil {
		t.Fatal(err)
	}
	budget := &Chart{Title: "预算与执行情况", Unit: "万元",
		Categories: []string{"年度资金总额", "一般公共预算", "政府性基金拨款", "纳入专户管理的非税收入拨款", "其他资金", "基本支出", "项目支出"},
		Series: []Series{
			{Name: "年初预算数", Values: []float64{495.66, 470.12, 0, 0, 25.54, 435.79, 59.87}},
			{Name: "全年预算数", Values: []float64{674.85, 641.20, 0, 0, 33.65, 417.88, 256.96}},
			{Name: "执行数（决算数）", Values: []float64{660.01, 630.5, 0, 0, 29.51, 416.2, 243.81}},
		}}
	scores := &Chart{Title: "各指标分值与得分", Unit: "分", Series: []Series{{Name: "分值"}, {Name: "得分"}}}
	for i := range 18 {
		scores.Categories = append(scores.Categories, "按时完成项目建设任务并通过竣工验收的比例第"+strconv.Itoa(i)+"项")
		scores.Series[0].Values = append(scores.Series[0].Values, 5)
		scores.Series[1].Values = append(scores.Series[1].Values, 4.5+float64(i%2)/2)
	}
	for _, c := range []*Chart{budget, scores} {
		for _, s := range []int{1, Scale} {
			boxes := layoutOf(t, c, tf, s)
			w, h := float64(Width*s), float64(c.Height()*s)
			for i, a := range boxes {
				if a.x0 < 0 || a.y0 < 0 || a.x1 > w || a.y1 > h {
					t.Errorf("%s ×%d: label %q at %+v leaves the %.0f×%.0f picture", c.Title, s, a.s, a, w, h)
				}
				for _, b := range boxes[i+1:] {
					// texts closer than a quarter em read as one ("700800")
					g := 3 * float64(s)
					if a.x0 < b.x1+g && b.x0 < a.x1+g && a.y0 < b.y1 && b.y0 < a.y1 {
						t.Errorf("%s ×%d: labels %q %+v and %q %+v overlap", c.Title, s, a.s, a, b.s, b)
					}
				}
			}
			texts := map[string]bool{}
			for _, b := range boxes {
				texts[b.s] = true
			}
			for _, cat := range c.Categories {
				found := texts[cat]
				for x := range texts {
					if k := strings.TrimSuffix(x, "…"); k != x && strings.HasPrefix(cat, k) && len([]rune(k)) >= 6 {
						found = true // cut, keeping six characters or more
					}
				}
				if !found {
					t.Errorf("%s ×%d: category %q has no label", c.Title, s, cat)
				}
			}
			for _, ser := range c.Series {
				for _, v := range ser.Values {
					if !texts[label(v)] {
						t.Errorf("%s ×%d: value %v has no label", c.Title, s, v)
					}
				}
			}
		}
	}
}
