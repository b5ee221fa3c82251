package html_test

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"jixiao"
	"jixiao/internal/sample"
	rhtml "jixiao/render/html"
	"jixiao/render/report"
	"jixiao/rules"
	"jixiao/score"
)

func write(t *testing.T, ev *jixiao.Evaluation) string {
	t.Helper()
	rs := rules.MustLoad("national-2020")
	o := report.Compose(ev, score.Score(ev, rs), rs, report.Options{})
	var buf bytes.Buffer
	if err := rhtml.WriteReport(&buf, o); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestSelfContained parses the page and checks that it loads nothing from
// outside, holds the tables with their merges and the charts as SVG.
func TestSelfContained(t *testing.T) {
	for _, ev := range []*jixiao.Evaluation{sample.Yanfeng(), sample.Project()} {
		page := write(t, ev)
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		counts := map[string]int{}
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				counts[n.Data]++
				for _, a := range n.Attr {
					if a.Key == "src" || (a.Key == "href" && n.Data == "link") {
						t.Errorf("external asset: <%s %s=%q>", n.Data, a.Key, a.Val)
					}
					if a.Key == "rowspan" || a.Key == "colspan" {
						counts[a.Key]++
					}
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		if counts["script"] > 0 {
			t.Error("page has a script")
		}
		for _, el := range []string{"style", "h1", "h2", "h3", "table", "svg", "rowspan", "colspan"} {
			if counts[el] == 0 {
				t.Errorf("%s: no <%s>", ev.Kind, el)
			}
		}
		if counts["svg"] != 2 {
			t.Errorf("%d charts, want 2", counts["svg"])
		}
	}
}

func TestEscapes(t *testing.T) {
	ev := sample.Project()
	ev.Goal.Actual = `<script>alert(1)</script> & "x"`
	if page := write(t, ev); strings.Contains(page, "<script>") {
		t.Error("text not escaped")
	}
}
