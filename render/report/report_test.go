package report_test

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/internal/golden"
	"jixiao/internal/sample"
	"jixiao/notation"
	"jixiao/render/report"
	"jixiao/rules"
	"jixiao/score"
)

func build(t *testing.T, ev *jixiao.Evaluation) (*score.Result, *jixiao.RuleSet) {
	t.Helper()
	rs := rules.MustLoad("national-2020")
	return score.Score(ev, rs), rs
}

var evaluations = []struct {
	name string
	ev   func() *jixiao.Evaluation
}{{"yanfeng", sample.Yanfeng}, {"project", sample.Project}}

func TestTableGolden(t *testing.T) {
	for _, tt := range evaluations {
		t.Run(tt.name, func(t *testing.T) {
			ev := tt.ev()
			res, rs := build(t, ev)
			golden.Check(t, tt.name+".table.golden", report.Table(ev, res, rs).Dump())
		})
	}
}

func TestComposeGolden(t *testing.T) {
	for _, tt := range evaluations {
		t.Run(tt.name, func(t *testing.T) {
			ev := tt.ev()
			res, rs := build(t, ev)
			golden.Check(t, tt.name+".outline.golden", report.Compose(ev, res, rs, report.Options{}).Dump())
		})
	}
}

// cellsByText finds anchors by text.
func cellsByText(g *report.Grid) map[string]report.Cell {
	m := map[string]report.Cell{}
	for _, row := range g.Rows {
		for _, c := range row {
			if !c.Covered {
				if _, ok := m[c.Text]; !ok {
					m[c.Text] = c
				}
			}
		}
	}
	return m
}

func TestTableLabels(t *testing.T) {
	for _, tt := range evaluations {
		ev := tt.ev()
		res, rs := build(t, ev)
		g := report.Table(ev, res, rs)
		m := cellsByText(g)
		for _, l := range []string{"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
			"年度资金总额", "年初预算数", "全年预算数", "全年执行数", "执行率", "总分", "年度总体目标"} {
			if _, ok := m[l]; !ok {
				t.Errorf("%s: label %q missing", tt.name, l)
			}
		}
		for i, row := range g.Rows {
			if len(row) != len(g.Widths) {
				t.Fatalf("%s: row %d has %d slots, want %d", tt.name, i, len(row), len(g.Widths))
			}
		}
	}
}

func TestTableMerges(t *testing.T) {
	ev := sample.Project()
	res, rs := build(t, ev)
	g := report.Table(ev, res, rs)
	var spans []string
	for _, row := range g.Rows {
		for j, c := range row {
			if !c.Covered && (j == 1 || j == 2) && c.RowSpan > 1 {
				spans = append(spans, c.Text+":"+string(rune('0'+c.RowSpan)))
			}
		}
	}
	got := strings.Join(spans, " ")
	for _, want := range []string{"产出指标:4", "数量指标:2"} {
		if !strings.Contains(got, want) {
			t.Errorf("merges %q lack %q", got, want)
		}
	}
}

// TestTableStatedOverComputed: a stated figure prints as stated even when
// the engine computes another; an unstated one prints computed.
func TestTableStatedOverComputed(t *testing.T) {
	ev := sample.Yanfeng()
	ev.Indicators[0].Score = notation.ParseFigure("19") // stated below the computed 20
	ev.StatedTotal = jixiao.Figure{}                    // not stated
	res, rs := build(t, ev)
	g := report.Table(ev, res, rs)
	var score0, total report.Cell
	for _, row := range g.Rows {
		for _, c := range row {
			switch c.ID {
			case "ind.0.score":
				score0 = c
			case "total.score":
				total = c
			}
		}
	}
	// the stated 19, with the rule set's two decimals, not the computed 20
	if score0.Text != "19.00" {
		t.Errorf("stated score printed as %q, want 19.00", score0.Text)
	}
	if total.Text != res.Total.StringFixed(2) {
		t.Errorf("unstated total printed as %q, want computed %s", total.Text, res.Total.StringFixed(2))
	}
	if total.Formula != "" && !strings.HasPrefix(total.Formula, "SUM(") {
		t.Errorf("total formula %q", total.Formula)
	}
}

func TestFormulasOnlyWhereTheyAgree(t *testing.T) {
	ev := sample.Project()
	res, rs := build(t, ev)
	g := report.Table(ev, res, rs)
	found := map[string]string{}
	for _, row := range g.Rows {
		for _, c := range row {
			if c.Formula != "" {
				found[c.ID] = c.Formula
			}
		}
	}
	for _, id := range []string{"budget.rate", "budget.score", "total.score", "total.W"} {
		if found[id] == "" {
			t.Errorf("no formula on %s (have %v)", id, found)
		}
	}
	// a stated rate that disagrees with B/A keeps its text, without formula
	ev.Budget.Rate = notation.ParseFigure("90.00%")
	res, rs = build(t, ev)
	for _, row := range report.Table(ev, res, rs).Rows {
		for _, c := range row {
			if c.ID == "budget.rate" && (c.Formula != "" || c.Text != "90.00%") {
				t.Errorf("disagreeing stated rate: text %q formula %q", c.Text, c.Formula)
			}
		}
	}
	// a stated 分值 other than the rule set's, with the score the rule set
	// gives: a live formula over the 分值 cell would show another score
	ev = sample.Project()
	res, rs = build(t, ev)
	ev.Budget.Weight = notation.ParseFigure(rs.Execution.Weight.Mul(decimal.NewFromInt(2)).String())
	ev.Budget.Score = jixiao.FigureOf(res.Execution.Score, 2)
	res, rs = build(t, ev)
	for _, row := range report.Table(ev, res, rs).Rows {
		for _, c := range row {
			if c.ID == "budget.score" && c.Formula != "" {
				t.Errorf("score formula %q over a 分值 of %s: it would compute %s × rate, not the stated %s", c.Formula, ev.Budget.Weight.Text, ev.Budget.Weight.Text, c.Text)
			}
		}
	}
}

func TestComposeFiguresComputed(t *testing.T) {
	ev := sample.Yanfeng()
	res, rs := build(t, ev)
	d := report.Compose(ev, res, rs, report.Options{}).Dump()
	// 286.74 / 674.85; the sample's own text says 44.67%
	for _, want := range []string{"项目支出286.74万元，占本年支出42.49%", "本年收入合计674.85万元", "财政拨款收入641.20万元，占本年收入95.01%",
		"完成率89.06%", "自评总分96.12分，等级为“优”", "年初部门预算前瞻性有待进一步加强"} {
		if !strings.Contains(d, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Contains(d, "44.67%") {
		t.Error("report copies the sample's wrong share 44.67%")
	}
}

// TestNumberingContinuous: sections without data are dropped and the rest
// numbered without gaps, at both levels.
func TestNumberingContinuous(t *testing.T) {
	for _, tt := range evaluations {
		for _, withReport := range []bool{true, false} {
			ev := tt.ev()
			if !withReport {
				ev.Report = nil
			}
			res, rs := build(t, ev)
			o := report.Compose(ev, res, rs, report.Options{WithFindings: true, Findings: []jixiao.Finding{{Code: "T-X", Severity: jixiao.SevError, Message: "测试"}}})
			n1, n2 := 0, 0
			for _, s := range o.Sections {
				switch s.Level {
				case 1:
					n1++
					n2 = 0
					if want := report.Numeral(n1) + "、"; !strings.HasPrefix(s.Heading, want) {
						t.Errorf("%s report=%v: heading %q, want prefix %q", tt.name, withReport, s.Heading, want)
					}
					if len(s.Blocks) == 0 && !hasSub(o.Sections, s) {
						t.Errorf("%s: empty section %q kept", tt.name, s.Heading)
					}
				case 2:
					n2++
					if want := "（" + report.Numeral(n2) + "）"; !strings.HasPrefix(s.Heading, want) {
						t.Errorf("%s report=%v: heading %q, want prefix %q", tt.name, withReport, s.Heading, want)
					}
				}
			}
			if last := o.Sections[len(o.Sections)-1]; !strings.Contains(last.Heading, "审核发现的问题") {
				t.Errorf("findings section missing, last is %q", last.Heading)
			}
		}
	}
}

func hasSub(ss []report.Section, s report.Section) bool {
	for i := range ss {
		if ss[i].Heading == s.Heading {
			return i+1 < len(ss) && ss[i+1].Level == 2
		}
	}
	return false
}

func TestNumeral(t *testing.T) {
	for n, want := range map[int]string{1: "一", 9: "九", 10: "十", 11: "十一", 20: "二十", 21: "二十一", 99: "九十九"} {
		if got := report.Numeral(n); got != want {
			t.Errorf("Numeral(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestComposeHasEveryRequiredSection: a report composed from the table
// alone (no report data, as from a hand-written YAML file) still has every
// section its rule set's outline requires, numbered continuously.
func TestComposeHasEveryRequiredSection(t *testing.T) {
	for _, mk := range []func() *jixiao.Evaluation{sample.Yanfeng, sample.Project} {
		ev := mk()
		ev.Report = nil
		res, rs := build(t, ev)
		rs = rules.MustLoad("hunan")
		ol, err := rules.LoadOutline(rs.Outline)
		if err != nil {
			t.Fatal(err)
		}
		o := report.Compose(ev, res, rs, report.Options{})
		var headings []string
		for _, s := range o.Sections {
			if s.Level == 1 {
				headings = append(headings, s.Heading)
			}
		}
		for _, sec := range ol.Sections {
			if !sec.Required {
				continue
			}
			found := false
			for _, h := range headings {
				found = found || strings.Contains(h, sec.Title) || ev.Kind == jixiao.KindProject && sec.Title == "部门基本情况" && strings.Contains(h, "项目基本情况") ||
					ev.Kind == jixiao.KindProject && sec.Title == "部门整体支出绩效情况" && strings.Contains(h, "绩效情况")
			}
			if !found {
				t.Errorf("%s: no section %q among %v", ev.Unit, sec.Title, headings)
			}
		}
		for i, h := range headings {
			if !strings.HasPrefix(h, report.Numeral(i+1)+"、") {
				t.Errorf("%s: heading %d is %q: numbering not continuous", ev.Unit, i+1, h)
			}
		}
	}
}
