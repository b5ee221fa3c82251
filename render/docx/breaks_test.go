package docx_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"jixiao"
	"jixiao/notation"
	"jixiao/render/docx"
	"jixiao/render/report"
	"jixiao/rules"
	"jixiao/score"
)

// TestGroupStartsNextPage: when a 一级 group fits on a page but not on the
// rest of the current one, the table breaks before it and writes the
// heading row again, so the group's merged cells are not cut.
func TestGroupStartsNextPage(t *testing.T) {
	rs := rules.MustLoad("with-cost")
	ev := &jixiao.Evaluation{Kind: jixiao.KindProject, Project: "分组换页", Year: 2024,
		Budget: jixiao.Budget{FullYear: notation.ParseFigure("100"), Executed: notation.ParseFigure("100")}}
	for _, l1 := range []string{"产出指标", "效益指标", "满意度指标", "成本指标"} {
		for k := 0; k < 9; k++ {
			ev.Indicators = append(ev.Indicators, jixiao.Indicator{Level1: l1, Level2: l1 + "二级", Name: fmt.Sprintf("%s%d", l1, k),
				Target: notation.ParseValue("≥1次"), Actual: notation.ParseValue("1次"), Weight: notation.ParseFigure("1"), Score: notation.ParseFigure("1")})
		}
	}
	var buf bytes.Buffer
	if err := docx.WriteTable(&buf, report.Table(ev, score.Score(ev, rs), rs)); err != nil {
		t.Fatal(err)
	}
	got := dump(t, buf.Bytes())
	breaks := strings.Count(got, "pagebreak")
	if breaks == 0 {
		t.Fatalf("36 indicator rows in 4 groups: no group moved to the next page\n%s", got)
	}
	if h := strings.Count(got, "<tblHeader>"); h != breaks+1 {
		t.Errorf("%d heading rows for %d breaks: the heading must be written again after each", h, breaks)
	}
	// the break falls just before a group's first row
	lines := strings.Split(got, "\n")
	for i, l := range lines {
		if l == "pagebreak" {
			next := strings.Join(lines[i+1:min(i+6, len(lines))], "\n")
			if !strings.Contains(next, "<vmerge=restart>") {
				t.Errorf("page break not before a group's first row:\n%s", next)
			}
		}
	}
}
