package present

import (
	"fmt"
	"io"
	"strings"

	"jixiao"
	"jixiao/pipeline"
)

var blockNames = map[string]string{
	"header": "表头", "budget": "预算", "goal": "年度总体目标", "indicators": "绩效指标", "total": "总分", "report": "自评报告",
}

// CheckText writes one document's findings for a person.
func CheckText(w io.Writer, d *pipeline.Result) error {
	var b strings.Builder
	if d.Err != nil {
		fmt.Fprintf(&b, "%s：无法读取：%v\n", d.Name, d.Err)
		_, err := io.WriteString(w, b.String())
		return err
	}
	fmt.Fprintf(&b, "%s\n", title(d))
	if d.Score != nil {
		ro := d.Rules.Rounding
		fmt.Fprintf(&b, "  规则集 %s；总分：表列 %s，计算 %s，等级 %s", d.Score.Rules, orUnstated(d.Eval.StatedTotal), d.Score.Total.StringFixed(ro.ScorePlaces), d.Score.Grade)
		if e := d.Score.Execution; e.RateKnown {
			fmt.Fprintf(&b, "；执行率 %s%%", ro.Percent(e.Rate).StringFixed(ro.PercentPlaces))
		}
		b.WriteString("\n")
	}
	e, wn, in := d.TableCounts()
	fmt.Fprintf(&b, "  错误 %d，警告 %d，提示 %d\n", e, wn, in)
	for _, n := range d.Notes {
		fmt.Fprintf(&b, "  导入说明：%s\n", n)
	}
	for _, f := range d.Findings {
		b.WriteString("\n")
		// "path:line:col: CODE" first, as compilers and linters write it,
		// so that an editor or a terminal links the line to the file.
		fmt.Fprintf(&b, "%s: %s %s %s %s\n", Position(d.Name, sourceOf(d, f)), f.Code, icon(f.Severity), f.Severity.Label(), f.Message)
		if w := where(f.Location); w != "" {
			fmt.Fprintf(&b, "     位置：%s\n", w)
		}
		var se []string
		if f.Stated != "" {
			se = append(se, "表列："+f.Stated)
		}
		if f.Expected != "" {
			se = append(se, "应为："+f.Expected)
		}
		if len(se) > 0 {
			fmt.Fprintf(&b, "     %s\n", strings.Join(se, "    "))
		}
		if f.Evidence != "" {
			fmt.Fprintf(&b, "     依据：%s\n", f.Evidence)
		}
	}
	b.WriteString("\n")
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	// a page of several tables: each is reported as a document of its own
	for _, t := range d.Tables {
		if err := CheckText(w, t); err != nil {
			return err
		}
	}
	return nil
}

func icon(s jixiao.Severity) string {
	switch s {
	case jixiao.SevError:
		return "✗"
	case jixiao.SevWarning:
		return "!"
	}
	return "·"
}

func where(l jixiao.Location) string {
	parts := []string{}
	if n, ok := blockNames[l.Block]; ok {
		parts = append(parts, n)
	} else if l.Block != "" {
		parts = append(parts, l.Block)
	}
	if l.Row > 0 && l.Block == "indicators" {
		parts = append(parts, fmt.Sprintf("第 %d 行", l.Row))
	}
	for _, s := range []string{l.Item, l.Column} {
		if s != "" && (len(parts) == 0 || parts[len(parts)-1] != s) {
			parts = append(parts, s)
		}
	}
	s := strings.Join(parts, " › ")
	if src := l.Source.Describe(); src != "" && l.Source.Line == 0 {
		s += "，源文件" + src
	}
	return s
}

// Position writes where a finding is the way compilers do: "path:line:col"
// for text and evaluation files, "path:line" without a column, and the path
// alone for formats without lines (the details follow in Chinese).
func Position(path string, p jixiao.Position) string {
	switch {
	case p.Line > 0 && p.Col > 0:
		return fmt.Sprintf("%s:%d:%d", path, p.Line, p.Col)
	case p.Line > 0:
		return fmt.Sprintf("%s:%d", path, p.Line)
	}
	return path
}
