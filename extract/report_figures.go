package extract

import (
	"fmt"
	"regexp"
	"strings"

	"jixiao"
	"jixiao/claims"
	"jixiao/notation"
)

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }

var (
	staffAsOf       = regexp.MustCompile(`(20\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)`)
	staffActive     = regexp.MustCompile(`在职(?:人员|职工)?(?:为|共|有)?(\d+\s*人)`)
	staffAuthorized = regexp.MustCompile(`编制(?:人数|数)?(?:为|共|有)?(\d+\s*人)`)
	staffRetired    = regexp.MustCompile(`(?:离退休|退休)(?:人员)?(?:为|共|有)?(\d+\s*人)`)
)

// staffLine reports a line that counts staff.
// Each expression needs its literal words and a count in 人: most lines of
// 基本情况 have none of them and are not run through the expressions, which
// try every position of a long line.
func staffLine(s string) bool {
	if !strings.Contains(s, "人") {
		return false
	}
	return strings.Contains(s, "在职") && staffActive.MatchString(s) ||
		strings.Contains(s, "编制") && staffAuthorized.MatchString(s) ||
		strings.Contains(s, "退休") && staffRetired.MatchString(s)
}

// readStaff reads 人员情况 from the lines that state it.
func (rx *reportExtractor) readStaff() {
	st := &rx.rep.Profile.Staff
	text := strings.Join(rx.staff, "\n")
	if text == "" {
		return
	}
	if m := staffAsOf.FindStringSubmatch(text); m != nil {
		st.AsOf = strings.Join(strings.Fields(m[1]), "")
	}
	found := false
	for _, f := range []struct {
		re  *regexp.Regexp
		dst *jixiao.Figure
	}{{staffActive, &st.Active}, {staffAuthorized, &st.Authorized}, {staffRetired, &st.Retired}} {
		if m := f.re.FindStringSubmatch(text); m != nil {
			*f.dst = notation.ParseFigure(m[1])
			found = true
		}
	}
	if !found {
		st.Text = text
	}
}

// amountRe is one named amount in 万元 at the start of a clause.
var amountRe = regexp.MustCompile(`^(.*?)(?:为|共计|共|合计|达)?(\d+(?:\.\d+)?\s*万元)`)

// clauses cuts text at Chinese and ASCII clause marks.
func clauses(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		switch r {
		case '，', ',', '；', ';', '。', '、', '\n':
			return true
		}
		return false
	})
}

// namedAmounts reads "名称X万元" clauses, skipping shares ("占本年支出…")
// and clauses without a name.
func namedAmounts(s string) []jixiao.Amount {
	var out []jixiao.Amount
	for _, c := range clauses(s) {
		c = strings.TrimSpace(c)
		if strings.HasPrefix(c, "占") {
			continue
		}
		m := amountRe.FindStringSubmatch(c)
		if m == nil {
			continue
		}
		name := cleanAmountName(m[1])
		if name == "" {
			continue
		}
		out = append(out, jixiao.Amount{Name: name, Amount: notation.ParseFigure(m[2])})
	}
	return out
}

var yearPrefix = regexp.MustCompile(`^20\d\d\s*年度?`)

// cleanAmountName trims what precedes an amount's name in a clause.
func cleanAmountName(s string) string {
	s = strings.TrimSpace(s)
	for {
		t := yearPrefix.ReplaceAllString(s, "")
		for _, p := range []string{"其中", "：", ":", "本年", "全年", "按资金来源分类", "按支出性质分类", "按支出性质分", "按经济分类"} {
			t = strings.TrimPrefix(t, p)
		}
		t = strings.TrimSpace(t)
		if t == s {
			break
		}
		s = t
	}
	if !hasHan(s) {
		return ""
	}
	return s
}

// budget reads a line of 一般公共预算支出情况: income, spending by source,
// nature and economic class, and the main projects.
func (rx *reportExtractor) budget(l rline) {
	r := rx.rep
	t, _ := stripNumber(l.text)
	switch {
	case strings.Contains(t, "收入合计") || strings.Contains(t, "本年收入") && len(r.Income) == 0:
		if _, after, ok := strings.Cut(t, "其中"); ok {
			r.Income = append(r.Income, namedAmounts(after)...)
		}
	case strings.Contains(t, "本年支出") || strings.Contains(t, "支出合计"):
		rx.spending(t, l.pos)
	case strings.HasPrefix(t, "主要项目支出"):
		_, after, _ := strings.Cut(t, "。")
		n := rx.nature("项目支出")
		n.Parts = append(n.Parts, namedAmounts(after)...)
	}
}

// spendMarkers start the three classifications of 本年支出.
var spendMarkers = []struct {
	word string
	kind int // 0 source, 1 nature, 2 economic
}{
	{"按资金来源", 0}, {"按支出经济分类", 2}, {"按经济分类", 2}, {"按支出性质", 1},
}

// spending reads "本年支出X万元，按资金来源分类，…；按支出性质分类，…；按支出经济分类，…".
func (rx *reportExtractor) spending(t string, pos jixiao.Position) {
	type cut struct{ at, kind int }
	var cuts []cut
	for _, m := range spendMarkers {
		if i := strings.Index(t, m.word); i >= 0 {
			dup := false
			for _, c := range cuts {
				if c.at == i || c.kind == m.kind {
					dup = true
				}
			}
			if !dup {
				cuts = append(cuts, cut{i, m.kind})
			}
		}
	}
	for _, c := range cuts {
		end := len(t)
		for _, d := range cuts {
			if d.at > c.at && d.at < end {
				end = d.at
			}
		}
		seg := t[c.at:end]
		switch c.kind {
		case 0:
			rx.rep.Spending.BySource = append(rx.rep.Spending.BySource, namedAmounts(seg)...)
		case 1:
			var cur *jixiao.Nature
			for _, a := range namedAmounts(seg) {
				if a.Name == "基本支出" || a.Name == "项目支出" {
					cur = rx.nature(a.Name)
					cur.Final = a.Amount
					continue
				}
				if cur != nil {
					cur.Parts = append(cur.Parts, a)
				}
			}
		case 2:
			for _, a := range namedAmounts(seg) {
				name := economicName(a.Name)
				if name != a.Name {
					rx.note("spending.by_economic", pos, "经济分类名称“%s”按“%s”读取", a.Name, name)
				}
				a.Name = name
				rx.rep.Spending.ByEconomic = append(rx.rep.Spending.ByEconomic, a)
			}
		}
	}
}

// economicClasses are the 经济分类 names, matched by prefix: reports write
// them short or misspelt ("工资福利支", "资本性性支").
var economicClasses = []struct{ prefix, name string }{
	{"工资福利", "工资福利支出"},
	{"商品和服务", "商品和服务支出"},
	{"对个人和家庭", "对个人和家庭的补助"},
	{"资本性", "资本性支出"},
}

func economicName(s string) string {
	for _, c := range economicClasses {
		if strings.HasPrefix(s, c.prefix) {
			return c.name
		}
	}
	return s
}

// nature returns the 按支出性质 line of that name, adding it if new.
func (rx *reportExtractor) nature(name string) *jixiao.Nature {
	sp := &rx.rep.Spending
	for i := range sp.ByNature {
		if sp.ByNature[i].Name == name {
			return &sp.ByNature[i]
		}
	}
	sp.ByNature = append(sp.ByNature, jixiao.Nature{Name: name})
	return &sp.ByNature[len(sp.ByNature)-1]
}

var otherAmount = regexp.MustCompile(`支出(?:为|共)?(\d+(?:\.\d+)?\s*万元)`)

// otherBudgets reads 政府性基金, 国有资本经营 and 社会保险基金: "无…支出" is a
// stated zero, whose text is the 无 the report wrote.
func (rx *reportExtractor) otherBudgets() {
	for sec, dst := range map[rsec]*jixiao.OtherBudget{
		rsGovFund: &rx.rep.GovernmentFund, rsStateCapital: &rx.rep.StateCapital, rsSocial: &rx.rep.SocialInsurance,
	} {
		text := strings.Join(rx.fund[sec], "\n")
		if text == "" {
			continue
		}
		first, rest, _ := strings.Cut(text, "。")
		switch {
		case strings.Contains(first, "无") && !otherAmount.MatchString(first):
			dst.Amount = jixiao.Figure{Text: "无", Valid: true}
			dst.Text = strings.TrimSpace(rest)
		case otherAmount.MatchString(first):
			loc := otherAmount.FindStringSubmatchIndex(first)
			dst.Amount = notation.ParseFigure(first[loc[2]:loc[3]])
			after := strings.TrimLeft(first[loc[1]:], "，,；; ")
			if after != "" {
				after += "。"
			}
			dst.Text = strings.TrimSpace(after + rest)
		default:
			dst.Text = text
		}
	}
}

// natureRate is "基本支出年初预算数为A万元，决算数为B万元，完成率C%，变化的主要原因：…".
var natureRate = regexp.MustCompile(`(基本支出|项目支出)年初(?:预算数|预算)(?:为|是)?(\d+(?:\.\d+)?\s*万元)[，,]\s*(?:决算数|决算|执行数)(?:为|是)?(\d+(?:\.\d+)?\s*万元)(?:[，,]\s*完成率\s*\d+(?:\.\d+)?\s*[%％])?(?:[，,]\s*变化的?主要原因(?:是|为)?[：:]?([^；;。]*))?`)

// achievementMark is an item marker: 一是, 二是, … after the start of the
// text or a punctuation mark.
var achievementMark = regexp.MustCompile(`(?:^|[，,。；;：:\n])\s*([一二三四五六七八九十]{1,2}是)`)

// performance reads 部门整体支出绩效情况: the 基本支出/项目支出 budget lines,
// the achievements (一是…二是…) and the rest as the unit's own account.
func (rx *reportExtractor) performance() {
	text := strings.Join(rx.perf, "\n")
	if text == "" {
		return
	}
	for _, m := range natureRate.FindAllStringSubmatch(text, -1) {
		n := rx.nature(m[1])
		n.Initial = notation.ParseFigure(m[2])
		if !n.Final.Stated() {
			n.Final = notation.ParseFigure(m[3])
		} else if f := notation.ParseFigure(m[3]); !f.Value.Equal(n.Final.Value) {
			rx.note("spending.by_nature", rx.perfPos, "%s决算数前后不一致：%s 与 %s，取支出情况中的 %s", m[1], n.Final.Text, f.Text, n.Final.Text)
		}
		n.Reason = strings.TrimSpace(m[4])
	}
	segs := splitItems(text)
	if len(segs) < 2 {
		rx.rep.Performance = text
		return
	}
	rx.rep.Performance = strings.TrimRight(strings.TrimSpace(segs[0]), "，,：:")
	for _, s := range segs[1:] {
		title, body, _ := strings.Cut(s, "。")
		a := jixiao.Achievement{Title: strings.TrimSpace(title), Text: strings.TrimSpace(body)}
		a.Figures = metrics(s)
		rx.rep.Achievements = append(rx.rep.Achievements, a)
	}
}

// splitItems cuts text at 一是/二是/… markers: the text before the first
// marker, then one piece per item without its marker. A text whose first
// marker is not 一是 is not a list.
func splitItems(text string) []string {
	locs := achievementMark.FindAllStringSubmatchIndex(text, -1)
	if len(locs) == 0 || text[locs[0][2]:locs[0][3]] != "一是" {
		return []string{text}
	}
	out := []string{text[:locs[0][2]]}
	for i, l := range locs {
		end := len(text)
		if i+1 < len(locs) {
			end = locs[i+1][2] // the next marker word; its punctuation ends this item
		}
		out = append(out, joinLines(strings.TrimRight(strings.TrimSpace(text[l[3]:end]), "，,；;")))
	}
	return out
}

// metrics are the counts and amounts an achievement cites, as the claims
// scanner reads them; approximate figures (近500余万元) are left out.
func metrics(s string) []jixiao.Metric {
	var out []jixiao.Metric
	for _, c := range claims.ExtractText(s).Claims {
		if c.Approx || c.Kind != claims.Count && c.Kind != claims.Amount {
			continue
		}
		out = append(out, jixiao.Metric{Name: c.Label, Value: notation.ParseFigure(c.Text)})
	}
	return out
}

// items reads a list of measures: 一是…二是… or numbered lines, else one
// item per line.
func items(text string) []string {
	if text == "" {
		return nil
	}
	if segs := splitItems(text); len(segs) > 1 {
		var out []string
		if pre := strings.TrimSpace(segs[0]); pre != "" {
			out = append(out, pre)
		}
		return append(out, segs[1:]...)
	}
	var out []string
	for s := range strings.SplitSeq(text, "\n") {
		t, _ := stripNumber(s)
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// problems reads 存在的问题: one problem per item (一是…, numbered lines,
// else lines); the cause is what follows "原因：", else the sentences
// after the first.
func problems(lines []string) []jixiao.Problem {
	var out []jixiao.Problem
	for _, t := range items(strings.Join(lines, "\n")) {
		if head, cause, ok := cutCause(t); ok {
			out = append(out, jixiao.Problem{Text: head, Cause: cause})
			continue
		}
		head, rest, ok := strings.Cut(t, "。")
		p := jixiao.Problem{Text: t}
		if ok && strings.TrimSpace(rest) != "" {
			p = jixiao.Problem{Text: strings.TrimSpace(head) + "。", Cause: strings.TrimSpace(rest)}
		}
		out = append(out, p)
	}
	return out
}

// cutCause splits "问题。原因：…" at its cause.
func cutCause(s string) (head, cause string, ok bool) {
	for _, sep := range []string{"原因分析：", "原因分析:", "原因：", "原因:"} {
		if h, c, found := strings.Cut(s, sep); found && strings.TrimSpace(h) != "" {
			return strings.TrimSpace(h), strings.TrimSpace(c), true
		}
	}
	return "", "", false
}
