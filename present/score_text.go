package present

import (
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/pipeline"
	"jixiao/score"
)

// ScoreText writes a score table with its trace.
func ScoreText(w io.Writer, d *pipeline.Result) error {
	var b strings.Builder
	ev, res, rs := d.Eval, d.Score, d.Rules
	ro := rs.Rounding
	fmt.Fprintf(&b, "%s\n", title(d))
	fmt.Fprintf(&b, "规则集：%s（%s）\n\n", rs.Name, rs.Title)

	e := &res.Execution
	b.WriteString("一、预算执行率\n")
	t := &Table{Header: []string{"项目", "数值", "说明"}}
	t.Rows = append(t.Rows,
		[]string{e.Denominator + "（A）", orUnstated(e.A), ""},
		[]string{"全年执行数（B）", orUnstated(e.B), ""},
	)
	rate := "—"
	if e.RateKnown {
		rate = ro.Percent(e.Rate).StringFixed(ro.PercentPlaces) + "%"
		if e.RateFrom == "stated" {
			rate += "（表列）"
		}
	}
	t.Rows = append(t.Rows, []string{"执行率", rate, "表列 " + orUnstated(e.StatedRate)})
	sc := "—"
	if e.ScoreKnown {
		sc = e.Score.StringFixed(ro.ScorePlaces)
	}
	t.Rows = append(t.Rows, []string{fmt.Sprintf("得分（分值 %s）", e.Weight), sc, "表列 " + orUnstated(e.StatedScore) + mark(e.StatedScore, e.Score, e.ScoreKnown)})
	t.Right = map[int]bool{1: true}
	indent(&b, t)
	trace(&b, e.Trace)

	b.WriteString("\n二、绩效指标\n")
	t = &Table{Header: []string{"#", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "表列得分", "计算得分", "方法"},
		Right: map[int]bool{0: true, 6: true, 7: true, 8: true}}
	for _, r := range res.Rows {
		in := &ev.Indicators[r.Index]
		calc := r.Score.StringFixed(ro.ScorePlaces)
		if !r.Computed {
			calc = "—"
		}
		t.Rows = append(t.Rows, []string{
			fmt.Sprint(r.Index + 1), dash(in.Level1), dash(in.Level2), in.Name, dash(in.Target.Text()), dash(in.Actual.Text()),
			dash(in.Weight.Text), dash(in.Score.Text) + mark(in.Score, r.Score, r.Computed), calc, r.Method.String(),
		})
	}
	indent(&b, t)
	b.WriteString("\n  计分依据：\n")
	for i := range res.Rows {
		r := &res.Rows[i]
		tr := r.Trace
		fmt.Fprintf(&b, "  %d. %s：%s\n", r.Index+1, ev.Indicators[r.Index].Name, join(tr.Formula, tr.Note))
		if tr.Rule != "" {
			fmt.Fprintf(&b, "     规则：%s\n", tr.Rule)
		}
	}
	b.WriteString("\n三、小计\n")
	t = &Table{Header: []string{"一级指标", "二级指标", "分值", "表列得分", "计算得分"}, Right: map[int]bool{2: true, 3: true, 4: true}}
	t.Rows = append(t.Rows, []string{"预算执行率", "", e.Weight.String(), orUnstated(e.StatedScore), sc})
	for _, g := range res.Groups {
		t.Rows = append(t.Rows, []string{g.Level1, dash(g.Level2), g.Weight.String(), g.Stated.StringFixed(ro.ScorePlaces), ro.Score(g.Score).StringFixed(ro.ScorePlaces)})
	}
	t.Rows = append(t.Rows, []string{"合计", "", res.WeightSum.String(), orUnstated(res.StatedTotal), res.Total.StringFixed(ro.ScorePlaces)})
	indent(&b, t)

	fmt.Fprintf(&b, "\n总分：表列 %s，计算 %s%s；等级：%s", orUnstated(res.StatedTotal), res.Total.StringFixed(ro.ScorePlaces), mark(res.StatedTotal, res.Total, true), res.Grade)
	if res.StatedGrade != "" {
		fmt.Fprintf(&b, "（表列 %s）", res.StatedGrade)
	}
	b.WriteString("\n")
	if !res.Complete {
		b.WriteString("注意：部分得分未能由表中原始数据重算（见上方说明），总分含沿用的表列数值。\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func title(d *pipeline.Result) string {
	ev := d.Eval
	parts := []string{}
	for _, s := range []string{ev.Unit, yearText(ev.Year), string(ev.Kind) + "支出绩效自评", ev.Project} {
		if s != "" && s != "支出绩效自评" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " ") + "  （" + d.Name + "）"
}

func yearText(y int) string {
	if y == 0 {
		return ""
	}
	return fmt.Sprintf("%d 年度", y)
}

func indent(b *strings.Builder, t *Table) {
	var s strings.Builder
	_ = t.Write(&s)
	for _, line := range strings.SplitAfter(s.String(), "\n") {
		if line != "" {
			b.WriteString("  " + line)
		}
	}
}

func trace(b *strings.Builder, t score.Trace) {
	if t.Formula != "" {
		fmt.Fprintf(b, "  计算：%s\n", t.Formula)
	}
	if t.Note != "" {
		fmt.Fprintf(b, "  说明：%s\n", t.Note)
	}
	if t.Rule != "" {
		fmt.Fprintf(b, "  规则：%s\n", t.Rule)
	}
}

func join(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "；" + b
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func orUnstated(f jixiao.Figure) string {
	if !f.Stated() {
		return "未填"
	}
	return f.Text
}

// mark flags a stated figure that differs from the computed one.
func mark(stated jixiao.Figure, computed decimal.Decimal, known bool) string {
	if !known || !stated.Valid {
		return ""
	}
	if stated.Value.Equal(computed) {
		return " ✓"
	}
	return " ✗"
}
