package audit

import (
	"fmt"
	"strings"

	"jixiao"
	"jixiao/notation"
	"jixiao/rules"
)

// checkStructure checks the report's outline — numbering continuous at each
// level, every required section present and in order, no section heading
// left unnumbered among numbered ones — and the table fields a complete
// self-evaluation must fill.
func checkStructure(in *Input, rt *reportText, ol *rules.Outline, out *findings) {
	checkFields(in, out)
	if in.Doc == nil {
		return
	}
	checkNumbering(in.Doc, rt, out)
	// the outlines describe the 部门整体 report; a project report has its own
	if ol != nil && in.Eval != nil && in.Eval.Kind == jixiao.KindDepartment {
		checkSections(rt, ol, out)
	}
}

// numLevel is one level of the numbering stack: a style and the last
// ordinal seen in it under the current parent.
type numLevel struct {
	style string
	last  int
	text  string
}

// checkNumbering walks every numbered heading or paragraph. Styles nest in
// the order they first appear under a parent (一、 then 1、 then （1）…); an
// item of a style already on the stack closes the deeper levels, so lists
// restart under each parent. Within a level the ordinal must go up by one;
// starting again at 1 is a new list and accepted.
func checkNumbering(doc *jixiao.Document, rt *reportText, out *findings) {
	var stack []numLevel
	unnumbered := map[int]string{} // para index → unnumbered section heading
	for _, s := range rt.sections {
		if !s.numbered {
			unnumbered[s.para] = s.title
		}
	}
	pendingUnnumbered := ""
	for pi, p := range rt.paras {
		if strings.HasPrefix(p.text, "附件") || (doc.Blocks[p.block].Kind == jixiao.BlockHeading && (strings.Contains(p.text, "自评报告") || strings.Contains(p.text, "自评表"))) {
			stack, pendingUnnumbered = stack[:0], ""
			continue
		}
		if t, ok := unnumbered[pi]; ok {
			pendingUnnumbered = t
			continue
		}
		h := p.head
		if !p.headed {
			continue
		}
		at := func() jixiao.Location {
			l := reportLoc(rt, p)
			l.Item = excerpt(p.text, "", 30)
			return l
		}
		idx := -1
		for i := range stack {
			if stack[i].style == h.Style {
				idx = i
				break
			}
		}
		if idx < 0 {
			if h.Ordinal != 1 {
				out.add(jixiao.Finding{
					Code: "S-NUMBER-START", Severity: jixiao.SevWarning,
					Message: fmt.Sprintf("编号“%s”是该级的第一个编号，却不从 1 开始", h.Text),
					Stated:  h.Text, Expected: ordinalText(h, 1), Evidence: excerpt(p.text, "", evidenceRunes), Location: at(),
				})
			}
			stack = append(stack, numLevel{style: h.Style, last: h.Ordinal, text: h.Text})
			continue
		}
		stack = stack[:idx+1]
		lv := &stack[idx]
		switch {
		case h.Ordinal == lv.last+1 || h.Ordinal == 1:
		case h.Ordinal > lv.last+1:
			var missing []string
			for k := lv.last + 1; k < h.Ordinal && len(missing) < 5; k++ {
				missing = append(missing, ordinalText(h, k))
			}
			msg := fmt.Sprintf("编号从“%s”跳到“%s”，缺少“%s”", lv.text, h.Text, strings.Join(missing, "”“"))
			if h.Style == notation.HeadingChineseDun && pendingUnnumbered != "" {
				msg += fmt.Sprintf("（其间的“%s”未编号）", pendingUnnumbered)
			}
			out.add(jixiao.Finding{
				Code: "S-NUMBER-GAP", Severity: jixiao.SevError, Message: msg,
				Stated: h.Text, Expected: ordinalText(h, lv.last+1), Evidence: excerpt(p.text, "", evidenceRunes), Location: at(),
			})
		default:
			out.add(jixiao.Finding{
				Code: "S-NUMBER-REPEAT", Severity: jixiao.SevError,
				Message: fmt.Sprintf("编号“%s”出现在“%s”之后，重复或倒退", h.Text, lv.text),
				Stated:  h.Text, Expected: ordinalText(h, lv.last+1), Evidence: excerpt(p.text, "", evidenceRunes), Location: at(),
			})
		}
		if h.Ordinal <= lv.last && h.Ordinal != 1 {
			lv.last++ // read a repeat as a slip for the expected number, so the next one is not a gap
		} else {
			lv.last = h.Ordinal
		}
		lv.text = h.Text
		if h.Style == notation.HeadingChineseDun {
			pendingUnnumbered = ""
		}
	}
}

// ordinalText writes ordinal n in the style of h: 六、 （二） 3、 3. （3）.
func ordinalText(h notation.HeadingNumber, n int) string {
	num := fmt.Sprint(n)
	if h.Style == notation.HeadingChineseDun || h.Style == notation.HeadingChineseParen {
		num = chineseNumeral(n)
	}
	switch h.Style {
	case notation.HeadingChineseDun, notation.HeadingArabicDun:
		return num + "、"
	case notation.HeadingArabicDot:
		return num + "."
	}
	if strings.HasPrefix(strings.TrimSpace(h.Text), "(") {
		return "(" + num + ")"
	}
	return "（" + num + "）"
}

// chineseNumeral writes 1…99 as 一…九十九.
func chineseNumeral(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n <= 0 || n > 99:
		return fmt.Sprint(n)
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n%10]
	}
	return digits[n/10] + "十" + digits[n%10]
}

// checkSections compares the report's first-level sections with the
// outline. The outline is recalled practice, not a published template, so
// a missing or misplaced section is a warning.
func checkSections(rt *reportText, ol *rules.Outline, out *findings) {
	numbered := 0
	for _, s := range rt.sections {
		if s.numbered {
			numbered++
		}
	}
	if numbered == 0 {
		return // no report, or one without sections: nothing to compare
	}
	found := make([]bool, len(ol.Sections))
	lastOutline, lastTitle, lastNum := -1, "", 0
	for _, s := range rt.sections {
		at := jixiao.Location{Block: "report", Item: s.title, Source: s.pos}
		if p := rt.paras[s.para]; p.headed && s.numbered {
			lastNum = p.head.Ordinal // s.title is p.text
		}
		if !s.numbered && s.outline >= 0 {
			out.add(jixiao.Finding{
				Code: "S-SECTION-UNNUMBERED", Severity: jixiao.SevWarning,
				Message: fmt.Sprintf("章节“%s”没有编号，而其他一级标题都有编号", s.title),
				Stated:  s.title, Expected: chineseNumeral(lastNum+1) + "、" + s.title, Location: at,
			})
		}
		if s.outline < 0 {
			continue
		}
		found[s.outline] = true
		if s.outline < lastOutline {
			out.add(jixiao.Finding{
				Code: "S-SECTION-ORDER", Severity: jixiao.SevWarning,
				Message: fmt.Sprintf("章节“%s”应在“%s”之前（提纲 %s）", s.title, lastTitle, ol.Name),
				Stated:  s.title, Expected: "按提纲顺序：" + outlineTitles(ol), Location: at,
			})
		}
		if s.outline > lastOutline {
			lastOutline, lastTitle = s.outline, s.title
		}
	}
	for i, sec := range ol.Sections {
		if found[i] || !sec.Required {
			continue
		}
		out.add(jixiao.Finding{
			Code: "S-SECTION-MISSING", Severity: jixiao.SevWarning,
			Message:  fmt.Sprintf("报告缺少“%s”部分（提纲 %s）", sec.Title, ol.Name),
			Expected: sec.Title, Evidence: "报告的一级标题：" + sectionTitles(rt),
			Location: jixiao.Location{Block: "report", Item: sec.Title},
		})
	}
}

func outlineTitles(ol *rules.Outline) string {
	ts := make([]string, len(ol.Sections))
	for i, s := range ol.Sections {
		ts[i] = s.Title
	}
	return strings.Join(ts, "、")
}

func sectionTitles(rt *reportText) string {
	ts := make([]string, len(rt.sections))
	for i, s := range rt.sections {
		ts[i] = s.title
	}
	return excerpt(strings.Join(ts, "；"), "", 200)
}

// checkFields reports table fields a complete table fills. 全年执行数 is
// reported here only when no 执行率 is stated either: with a rate,
// T-EXEC-NO-EXECUTED already says it; 全年预算数 only when neither rate nor
// score is stated (else T-EXEC-NO-BUDGET).
func checkFields(in *Input, out *findings) {
	ev, b := in.Eval, &in.Eval.Budget
	missing := func(sev jixiao.Severity, block, item, column, path, why string) {
		out.add(jixiao.Finding{
			Code: "S-FIELD-MISSING", Severity: sev,
			Message:  fmt.Sprintf("未填%s：%s", column, why),
			Expected: column, Location: in.loc(block, 0, item, column, path),
		})
	}
	if ev.Kind == jixiao.KindDepartment && !b.Request.Stated() {
		missing(jixiao.SevWarning, "budget", "年度资金总额", "年度预算申请", "budget.年度预算申请", "部门整体自评表应填年度预算申请数")
	}
	if !b.FullYear.Stated() && !b.Rate.Stated() && !b.Score.Stated() {
		missing(jixiao.SevError, "budget", "年度资金总额", "全年预算数", "budget.全年预算数", "预算执行率无从计算")
	} else if b.FullYear.Stated() && !b.Executed.Stated() && !b.Rate.Stated() {
		missing(jixiao.SevError, "budget", "年度资金总额", "全年执行数", "budget.全年执行数", "预算执行率无从计算")
	}
	// A hand-written file may leave the goal block out altogether; an
	// imported table has it, so there both blanks count.
	noExpected, noActual := strings.TrimSpace(ev.Goal.Expected) == "", strings.TrimSpace(ev.Goal.Actual) == ""
	if noExpected && noActual && in.Doc == nil {
		return
	}
	if noExpected {
		missing(jixiao.SevWarning, "goal", "年度总体目标", "预期目标", "goal.expected", "年度总体目标不应为空")
	}
	if noActual {
		missing(jixiao.SevWarning, "goal", "年度总体目标", "实际完成情况", "goal.actual", "应写明年度总体目标的实际完成情况")
	}
}
