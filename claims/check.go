package claims

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Options are the tolerances the checks use; zero fields take the defaults.
type Options struct {
	// SumTolerance is the allowed |Σparts − whole| per summand, in 万元 for
	// amounts (尾数误差): 0.01.
	SumTolerance decimal.Decimal
	// PercentTolerance is the allowed |stated − computed| of a share or rate
	// stated with two decimals, in percentage points: 0.01.
	PercentTolerance decimal.Decimal
}

var (
	hundred = decimal.NewFromInt(100)
	cent    = decimal.New(1, -2)
	half    = decimal.New(5, -1)
)

func (o Options) withDefaults() Options {
	if o.SumTolerance.Sign() <= 0 {
		o.SumTolerance = cent
	}
	if o.PercentTolerance.Sign() <= 0 {
		o.PercentTolerance = cent
	}
	return o
}

// Issue codes.
const (
	CodeShare     = "N-SHARE"
	CodeSharesSum = "N-SHARES-SUM"
	CodePartsSum  = "N-PARTS-SUM"
	CodeRate      = "N-RATE"
	CodeGrowth    = "N-GROWTH"
	CodeConflict  = "N-CONFLICT"
)

// Issue is a relation that does not hold.
type Issue struct {
	Code     string
	Sure     bool   // the reading is unambiguous: the text is provably wrong
	Claim    int    // the claim the issue is about (index into Set.Claims)
	Related  []int  // the other claims involved
	Message  string // in Chinese
	Stated   string // as written
	Expected string // computed
	Formula  string // the arithmetic
}

// Check evaluates every relation and returns those that fail, in text
// order of the claim they are about.
func (s *Set) Check(opt Options) []Issue {
	opt = opt.withDefaults()
	var out []Issue
	out, skip := s.checkShareWholes(out, opt)
	for i, r := range s.Relations {
		switch r.Kind {
		case RelShare:
			if !skip[i] {
				out = s.checkShare(out, r, opt)
			}
		case RelRate:
			out = s.checkRate(out, r, opt)
		case RelParts:
			out = s.checkParts(out, r, opt)
		case RelGrowth:
			out = s.checkGrowth(out, r, opt)
		}
	}
	out = s.checkSharesSum(out, opt)
	out = s.checkConflicts(out)
	sortIssues(out, s.Claims)
	return out
}

// amount is the value claims are compared in: 万元 for amounts.
func (c Claim) amount() decimal.Decimal { return c.Wan }

// pctOff reports whether a stated percentage is off the computed one: by
// more than the tolerance when stated with two or more decimals, else by
// more than half a unit of its last place.
func pctOff(stated Claim, computed decimal.Decimal, opt Options) bool {
	if stated.Places >= 2 {
		return stated.Value.Sub(computed.Round(2)).Abs().GreaterThan(opt.PercentTolerance)
	}
	tol := half.Shift(-stated.Places).Add(decimal.New(5, -3))
	return stated.Value.Sub(computed).Abs().GreaterThan(tol)
}

// quotientIsOff is pctOff(stated, num/den×100, opt); den is positive.
func quotientIsOff(num, den decimal.Decimal, stated Claim, opt Options) bool {
	return pctOff(stated, num.Div(den).Mul(hundred), opt)
}

func pct(d decimal.Decimal) string { return d.Round(2).StringFixed(2) + "%" }

func (s *Set) checkShare(out []Issue, r Relation, opt Options) []Issue {
	cs := s.Claims
	w, p, z := cs[r.Whole], cs[r.Part], cs[r.Share]
	if w.amount().Sign() <= 0 {
		return out
	}
	if !quotientIsOff(p.amount(), w.amount(), z, opt) {
		return out
	}
	got := p.amount().Div(w.amount()).Mul(hundred)
	return append(out, Issue{
		Code: CodeShare, Sure: r.Sure, Claim: r.Share, Related: []int{r.Part, r.Whole},
		Message: fmt.Sprintf("%s %s 占%s %s 的比例写为 %s，按金额计算应为 %s", labelOr(p), p.Text, labelOr(w), w.Text, z.Text, pct(got)),
		Stated:  z.Text, Expected: pct(got),
		Formula: fmt.Sprintf("%s / %s = %s", p.Text, w.Text, pct(got)),
	})
}

// checkShareWholes finds wholes that every share of a group contradicts in
// the same way: when each share is wrong but all agree with one other
// whole, the whole is what is wrong, and one issue says so instead of one
// per share. It returns the share relations it accounted for.
func (s *Set) checkShareWholes(out []Issue, opt Options) ([]Issue, map[int]bool) {
	cs := s.Claims
	type key struct{ whole, group int }
	groups := map[key][]int{}
	var order []key
	for i, r := range s.Relations {
		if r.Kind != RelShare {
			continue
		}
		k := key{r.Whole, r.Group}
		if groups[k] == nil {
			order = append(order, k)
		}
		groups[k] = append(groups[k], i)
	}
	skip := map[int]bool{}
	for _, k := range order {
		rels := groups[k]
		w := cs[k.whole]
		if len(rels) < 2 || w.amount().Sign() <= 0 {
			continue
		}
		big, sure := rels[0], true
		for _, i := range rels {
			r := s.Relations[i]
			if !quotientIsOff(cs[r.Part].amount(), w.amount(), cs[r.Share], opt) || cs[r.Share].Value.Sign() <= 0 {
				sure = false
				big = -1
				break
			}
			sure = sure && r.Sure
			if cs[r.Part].amount().GreaterThan(cs[s.Relations[big].Part].amount()) {
				big = i
			}
		}
		if big < 0 {
			continue
		}
		br := s.Relations[big]
		places := max(w.Places, 2)
		implied := cs[br.Part].amount().Div(cs[br.Share].Value).Mul(hundred).Round(places)
		if implied.Sign() <= 0 {
			continue
		}
		for _, i := range rels {
			r := s.Relations[i]
			if quotientIsOff(cs[r.Part].amount(), implied, cs[r.Share], opt) {
				implied = decimal.Zero
				break
			}
		}
		if implied.IsZero() {
			continue
		}
		for _, i := range rels {
			skip[i] = true
		}
		unit := w.Unit
		if w.Kind == Amount {
			unit = "万元"
		}
		out = append(out, Issue{
			Code: CodeShare, Sure: sure, Claim: k.whole, Related: []int{br.Part, br.Share},
			Message: fmt.Sprintf("%s写为 %s，而其各组成部分的占比都是按约 %s%s 计算的：总数与占比不符", labelOr(w), w.Text, implied.StringFixed(places), unit),
			Stated:  w.Text, Expected: "≈" + implied.StringFixed(places) + unit,
			Formula: fmt.Sprintf("%s / %s = %s%s", cs[br.Part].Text, cs[br.Share].Text, implied.StringFixed(places), unit),
		})
	}
	return out, skip
}

func (s *Set) checkRate(out []Issue, r Relation, opt Options) []Issue {
	cs := s.Claims
	a, b, z := cs[r.Whole], cs[r.Part], cs[r.Share]
	if a.amount().Sign() <= 0 {
		return out
	}
	if !quotientIsOff(b.amount(), a.amount(), z, opt) {
		return out
	}
	got := b.amount().Div(a.amount()).Mul(hundred)
	return append(out, Issue{
		Code: CodeRate, Sure: r.Sure, Claim: r.Share, Related: []int{r.Part, r.Whole},
		Message: fmt.Sprintf("%s写为 %s，按%s %s / %s %s 应为 %s", labelOr(z), z.Text, labelOr(b), b.Text, labelOr(a), a.Text, pct(got)),
		Stated:  z.Text, Expected: pct(got),
		Formula: fmt.Sprintf("%s / %s = %s", b.Text, a.Text, pct(got)),
	})
}

func (s *Set) checkParts(out []Issue, r Relation, opt Options) []Issue {
	cs := s.Claims
	w := cs[r.Whole]
	places := w.Places
	for _, k := range r.Parts {
		places = max(places, cs[k].Places)
		if cs[k].amount().Sub(w.amount()).GreaterThan(opt.SumTolerance) {
			return append(out, Issue{
				Code: CodePartsSum, Sure: r.Sure, Claim: k, Related: []int{r.Whole},
				Message: fmt.Sprintf("%s %s 是%s %s 的一部分，却大于它", labelOr(cs[k]), cs[k].Text, labelOr(w), w.Text),
				Stated:  cs[k].Text, Expected: "≤ " + w.Text,
				Formula: fmt.Sprintf("%s > %s", cs[k].Text, w.Text),
			})
		}
	}
	if len(r.Parts) < 2 {
		return out
	}
	unit := w.Unit
	if w.Kind == Amount {
		unit = "万元"
	}
	sum := decimal.Zero
	for _, k := range r.Parts {
		sum = sum.Add(cs[k].amount())
	}
	// counts add up exactly; amounts within the tolerance per part
	tol := opt.SumTolerance.Mul(decimal.NewFromInt(int64(len(r.Parts))))
	if w.Kind == Count {
		tol = decimal.Zero
	}
	diff := sum.Sub(w.amount())
	over, off := diff.GreaterThan(tol), diff.Abs().GreaterThan(tol)
	// a list short of its whole is worth a look only when the text lists it
	// to its end: a copy cut mid-list (…,其中无为市80万元,南陵县23万元,镜湖) is not
	short := r.Listed && !over && off && s.closed(cs[r.Parts[len(r.Parts)-1]])
	if !(over || off && (r.Exhaustive || short)) {
		return out
	}
	sure := r.Sure && (w.Kind == Amount && over || r.Exhaustive)
	terms := make([]string, len(r.Parts))
	sameUnit := true
	for i, k := range r.Parts {
		terms[i] = labelOr(cs[k]) + " " + cs[k].Text
		sameUnit = sameUnit && cs[k].Unit == w.Unit
	}
	if w.Kind == Amount && sameUnit {
		// the sum in the unit the text uses (1740000元, not 174万元)
		sum, unit = decimal.Zero, w.Unit
		for _, k := range r.Parts {
			sum = sum.Add(cs[k].Value)
		}
	}
	total := sum.StringFixed(places)
	formula := fmt.Sprintf("%s = %s%s", strings.Join(terms, " + "), total, unit)
	msg := fmt.Sprintf("%s各项之和 %s%s 与%s %s 不符", labelOr(w), total, unit, labelOr(w), w.Text)
	switch {
	case over && !r.Exhaustive && r.Why != "其中":
		msg = fmt.Sprintf("%s各项之和 %s%s 超过总数 %s", labelOr(w), total, unit, w.Text)
	case over && !r.Exhaustive:
		msg = fmt.Sprintf("%s“其中”各项之和 %s%s 超过总数 %s", labelOr(w), total, unit, w.Text)
	case short && !r.Exhaustive:
		msg = fmt.Sprintf("%s“其中”各项之和 %s%s 少于总数 %s：若各项已列全，两者应相等", labelOr(w), total, unit, w.Text)
	}
	return append(out, Issue{
		Code: CodePartsSum, Sure: sure, Claim: r.Parts[len(r.Parts)-1], Related: append([]int{r.Whole}, r.Parts...),
		Message: msg, Stated: total + unit, Expected: w.Text, Formula: formula,
	})
}

func (s *Set) checkGrowth(out []Issue, r Relation, opt Options) []Issue {
	cs := s.Claims
	cur, z := cs[r.Part], cs[r.Share]
	var prior decimal.Decimal
	var priorText string
	if r.Whole >= 0 {
		prior, priorText = cs[r.Whole].amount(), cs[r.Whole].Text
	} else {
		d := cs[r.Parts[0]]
		if strings.Contains(d.Key, "减少") || strings.Contains(d.Key, "下降") || strings.Contains(d.Key, "降低") {
			prior = cur.amount().Add(d.amount())
		} else {
			prior = cur.amount().Sub(d.amount())
		}
		priorText = prior.String() + "（由 " + cur.Text + " 与 " + d.Text + " 推得）"
	}
	if prior.Sign() <= 0 {
		return out
	}
	got := cur.amount().Sub(prior).Div(prior).Mul(hundred)
	if strings.Contains(z.Key, "下降") || strings.Contains(z.Key, "减少") || strings.Contains(z.Key, "降低") {
		got = got.Neg()
	}
	if !pctOff(z, got, opt) {
		return out
	}
	return append(out, Issue{
		Code: CodeGrowth, Sure: r.Sure, Claim: r.Share, Related: []int{r.Part},
		Message: fmt.Sprintf("%s写为 %s，按 %s 与基数 %s 计算应为 %s", labelOr(z), z.Text, cur.Text, priorText, pct(got)),
		Stated:  z.Text, Expected: pct(got),
		Formula: fmt.Sprintf("(%s − %s) / %s = %s", cur.Text, priorText, priorText, pct(got)),
	})
}

// checkSharesSum adds up the shares of one whole within one group: when the
// parts make up the whole, their shares must make 100% (within 0.01 per
// share); shares over 100% are wrong whatever the parts.
func (s *Set) checkSharesSum(out []Issue, opt Options) []Issue {
	cs := s.Claims
	type key struct{ whole, group int }
	type acc struct {
		shares, parts []int
		sum, amount   decimal.Decimal // of the shares, and of their parts
		sure          bool
	}
	groups := map[key]*acc{}
	var order []key
	for _, r := range s.Relations {
		if r.Kind != RelShare {
			continue
		}
		k := key{r.Whole, r.Group}
		a := groups[k]
		if a == nil {
			a = &acc{sure: true}
			groups[k] = a
			order = append(order, k)
		}
		a.shares = append(a.shares, r.Share)
		a.parts = append(a.parts, r.Part)
		a.sum = a.sum.Add(cs[r.Share].Value)
		a.amount = a.amount.Add(cs[r.Part].amount())
		a.sure = a.sure && r.Sure
	}
	declared := map[key]bool{}
	for _, r := range s.Relations {
		if r.Kind == RelParts && r.Exhaustive {
			declared[key{r.Whole, r.Group}] = true
		}
	}
	for _, k := range order {
		a := groups[k]
		n := int64(len(a.shares))
		if n < 2 {
			continue
		}
		w := cs[k.whole]
		// the parts are complete when declared so or when they add up to
		// the whole; shares over 100% are wrong either way
		tol := opt.PercentTolerance.Mul(decimal.NewFromInt(n))
		complete := declared[k] || a.amount.Sub(w.amount()).Abs().LessThanOrEqual(opt.SumTolerance.Mul(decimal.NewFromInt(n)))
		diff := a.sum.Sub(hundred)
		if !(complete && diff.Abs().GreaterThan(tol) || diff.GreaterThan(tol)) {
			continue
		}
		terms := make([]string, len(a.shares))
		for i, j := range a.shares {
			terms[i] = labelOr(cs[a.parts[i]]) + " " + cs[j].Text
		}
		places := int32(0)
		for _, j := range a.shares {
			places = max(places, cs[j].Places)
		}
		sum := a.sum.StringFixed(places) + "%"
		out = append(out, Issue{
			Code: CodeSharesSum, Sure: a.sure && complete, Claim: a.shares[len(a.shares)-1], Related: append(append([]int{k.whole}, a.shares...), a.parts...),
			Message: fmt.Sprintf("%s各组成部分所占比例之和为 %s，应为 100%%", labelOr(w), sum),
			Stated:  sum, Expected: "100%",
			Formula: strings.Join(terms, " + ") + " = " + sum,
		})
	}
	return out
}

// financeWords mark labels of budget quantities, which a report states
// once: two different values for one is a contradiction.
var financeWords = []string{"收入", "支出", "预算", "决算", "拨款", "经费", "资金"}

// isGeneric reports the labels too vague to identify a quantity, and those
// that name a figure of whatever indicator the sentence is about (第二,…年初
// 指标值为不低于105人,全年实际完成值116人).
func isGeneric(key string) bool {
	switch key {
	case "其他", "合计", "金额", "资金", "其中", "总计":
		return true
	}
	return strings.HasSuffix(key, "完成值") || strings.HasSuffix(key, "指标值") || strings.HasSuffix(key, "目标值")
}

// namesQuantity reports whether a claim states a quantity that a report
// states once.
func namesQuantity(c *Claim) bool {
	return (c.Kind == Amount || c.Kind == Count) && !c.Approx && atLeastRunes(c.Key, 4) && !isGeneric(c.Key) && !c.comparative
}

// checkConflicts finds one quantity stated twice with different values:
// each later value that differs from the first is reported once, at the
// first claim that states it.
//
// The claims are sorted by quantity, then position, rather than looked up
// in a map: a report has a few tens, and hashing their keys cost more than
// sorting them.
func (s *Set) checkConflicts(out []Issue) []Issue {
	cs := s.Claims
	var qbuf [128]int
	qs := qbuf[:0] // the claims that state a quantity
	for i := range cs {
		if namesQuantity(&cs[i]) {
			qs = append(qs, i)
		}
	}
	slices.SortFunc(qs, func(a, b int) int {
		if c := sameQuantity(&cs[a], &cs[b]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	var hbuf [16][2]int
	hits := hbuf[:0] // claim i contradicts the first statement j
	for lo := 0; lo < len(qs); {
		j, hi := qs[lo], lo+1
		for hi < len(qs) && sameQuantity(&cs[j], &cs[qs[hi]]) == 0 {
			hi++
		}
		from := len(hits)
		for _, i := range qs[lo+1 : hi] {
			if !cs[j].amount().Equal(cs[i].amount()) || (cs[i].Kind != Amount && cs[j].Unit != cs[i].Unit) {
				hits = append(hits, [2]int{i, j})
			}
		}
		if run := hits[from:]; len(run) > 1 {
			// one issue per value, at the first claim that states it
			slices.SortFunc(run, func(a, b [2]int) int {
				if c := cs[a[0]].amount().Cmp(cs[b[0]].amount()); c != 0 {
					return c
				}
				return cmp.Compare(a[0], b[0])
			})
			run = slices.CompactFunc(run, func(a, b [2]int) bool { return cs[a[0]].amount().Equal(cs[b[0]].amount()) })
			hits = hits[:from+len(run)]
		}
		lo = hi
	}
	if len(hits) == 0 {
		return out
	}
	slices.SortFunc(hits, func(a, b [2]int) int { return cmp.Compare(a[0], b[0]) })
	items := s.items()
	for _, h := range hits {
		i, j := h[0], h[1]
		if a, b := s.itemOf(cs[i], items), s.itemOf(cs[j], items); a != b && a != "" && b != "" {
			continue // "1.…项目…303万元" and "2.…项目…107.13万元": two items, two things
		}
		if a, b := cs[i].of-1, cs[j].of-1; a >= 0 && b >= 0 && a != b && !cs[a].amount().Equal(cs[b].amount()) {
			// "申请预算资金2026400元,其中村级组织运转400000元…" and "完成预算资金
			// 1329120.67元,其中村级组织运转439120.67元…": parts of two wholes
			continue
		}
		if cs[i].Para == cs[j].Para && cs[i].Sent == cs[j].Sent {
			// "“优”的项目有1项,涉及金额为460万元;“良”的项目有6项,涉及金额为…":
			// one sentence naming a label twice lists two things side by side
			continue
		}
		c := cs[i]
		sure := c.Kind == Amount && s.Paras[cs[j].Para].Section == s.Paras[c.Para].Section && hasAny(c.Key, financeWords) &&
			context(s.Sentence(cs[j])) == context(s.Sentence(c))
		out = append(out, Issue{
			Code: CodeConflict, Sure: sure, Claim: i, Related: []int{j},
			Message: fmt.Sprintf("报告前后两处“%s”不一致：先写 %s，后写 %s", c.Label, cs[j].Text, c.Text),
			Stated:  c.Text, Expected: cs[j].Text,
			Formula: fmt.Sprintf("%s ≠ %s", c.Text, cs[j].Text),
		})
	}
	return out
}

// items gives each paragraph the enumerated item it starts in: the last
// item numbered in the paragraphs before it in the same section; "" before
// the first. Items numbered in Arabic figures (1. 2、 (1)) list things
// (projects, tasks) that each have their own amounts; headings numbered
// 一、 or （一） divide one account into sections, where one label still
// names one quantity.
func (s *Set) items() []string {
	out := make([]string, len(s.Paras))
	cur, section := "", -1
	for i, p := range s.Paras {
		if p.Section != section {
			cur, section = "", p.Section
		}
		out[i] = cur
		if n := lastItem(p.Text, len(p.Text)); n != "" {
			cur = n
		}
	}
	return out
}

// itemOf is the item claim c is in: the last one numbered before it in its
// paragraph (a PDF runs "…(一)项目概况1.2021年第一批…" into one), else the
// one its paragraph starts in.
func (s *Set) itemOf(c Claim, items []string) string {
	if at := c.at - 1; at >= 0 && at <= len(s.Paras[c.Para].Text) {
		if n := lastItem(s.Paras[c.Para].Text, at); n != "" {
			return n
		}
	}
	return items[c.Para]
}

// lastItem returns the last item number in text[:upto]: one or two digits
// after a rune that is no digit, point or Latin letter, followed by 、 . ．
// (not a decimal point: 1.5万元; but 1.2021年 is item 1), or in brackets.
func lastItem(text string, upto int) string {
	digit := func(c byte) bool { return c >= '0' && c <= '9' }
	last := ""
	for i := 0; i < upto; i++ {
		if !digit(text[i]) || i > 0 && (digit(text[i-1]) || text[i-1] == '.' || isLatin(rune(text[i-1]))) {
			continue
		}
		if i+2 < len(text) && digit(text[i+1]) && digit(text[i+2]) {
			continue // items are numbered with one or two digits
		}
		from := i
		if r, n := utf8.DecodeLastRuneInString(text[:i]); r == '（' || r == '(' {
			from = i - n
		}
		if n := itemNumber(text[from:]); n != "" {
			last = n
		}
	}
	return last
}

// itemNumber returns the enumeration text starts with: digits followed by
// 、 . ． or inside brackets; "" when none.
func itemNumber(text string) string {
	t := strings.TrimLeft(text, " \t\u3000")
	i, open := 0, false
	if r, n := utf8.DecodeRuneInString(t); r == '（' || r == '(' {
		i, open = n, true
	}
	from := i
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i == from || i >= len(t) {
		return ""
	}
	r, n := utf8.DecodeRuneInString(t[i:])
	switch {
	case open && (r == '）' || r == ')'):
	case !open && (r == '、' || r == '．' || r == '.' && !(i+1 < len(t) && t[i+1] >= '0' && t[i+1] <= '9' && !yearAt(t[i+1:]))):
		// 1.5万元 is a figure, 1.2021年… the first item
	default:
		return ""
	}
	return t[:i+n]
}

// yearAt reports four digits and 年 at the start of s, maybe spaced apart
// (2021 年) as a PDF's text has it.
func yearAt(s string) bool {
	for k := range 4 {
		if k >= len(s) || s[k] < '0' || s[k] > '9' {
			return false
		}
	}
	return strings.HasPrefix(strings.TrimLeft(s[4:], " "), "年")
}

// sameQuantity orders claims by the quantity they state: kind, key, then
// the budget figure (the 基本支出 of the 年初预算 is not that of the 决算) and,
// for allocations, the document.
func sameQuantity(a, b *Claim) int {
	if c := cmp.Compare(a.Kind, b.Kind); c != 0 {
		return c
	}
	if c := strings.Compare(a.Key, b.Key); c != 0 {
		return c
	}
	if c := cmp.Compare(a.qty, b.qty); c != 0 {
		return c
	}
	if a.qty == qAllocated {
		return strings.Compare(a.doc, b.doc)
	}
	return 0
}

// contextWords tell a budget figure from an actual one, this year's from
// last year's: one label in sentences that differ in them may name two
// quantities ("年初预算中，基本支出…" and "决算中，基本支出…").
var contextWords = []string{"年初", "预算", "决算", "执行", "上年", "调整", "结转"}

func context(sentence string) string {
	var b strings.Builder
	for _, w := range contextWords {
		if strings.Contains(sentence, w) {
			b.WriteString(w)
		}
	}
	return b.String()
}

func hasAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func labelOr(c Claim) string {
	if c.Key != "" {
		return c.Key
	}
	if c.Label != "" {
		return c.Label
	}
	return "该数"
}

func sortIssues(is []Issue, cs []Claim) {
	sort.SliceStable(is, func(i, j int) bool {
		a, b := cs[is[i].Claim], cs[is[j].Claim]
		return a.Para < b.Para || (a.Para == b.Para && a.Offset < b.Offset)
	})
}

// maxSentenceRunes bounds how far Sentence looks either side of a claim.
const maxSentenceRunes = 400

// Sentence returns the sentence a claim is in, as written, cut to at most
// maxSentenceRunes either side of the claim.
func (s *Set) Sentence(c Claim) string {
	text := s.Paras[c.Para].Text
	// Walk the text itself, rune by rune from the claim to the sentence's
	// ends. The scanner noted where the claim starts when the text is valid
	// UTF-8; else runes and bytes do not correspond and a []rune is cut.
	at := c.at - 1
	if at < 0 || at > len(text) || at < len(text) && !utf8.RuneStart(text[at]) {
		if !utf8.ValidString(text) {
			return s.sentenceRunes(c)
		}
		at = 0
		for k := 0; k < c.Offset && at < len(text); k++ {
			_, size := utf8.DecodeRuneInString(text[at:])
			at += size
		}
	}
	// In valid UTF-8 a rune's first byte gives its length, and the bytes
	// before a rune start are its predecessor's: step by bytes, not by
	// decoding each rune.
	from, to := at, at
	for n := 0; from > 0 && n < maxSentenceRunes; n++ {
		j := from - 1
		for j > 0 && !utf8.RuneStart(text[j]) {
			j--
		}
		if sentenceEnd(text[j:from]) {
			break
		}
		from = j
	}
	for n := 0; to < len(text) && n < maxSentenceRunes; n++ {
		next := to + runeLen(text, to)
		if sentenceEnd(text[to:next]) {
			break
		}
		to = next
	}
	if to < len(text) {
		to += runeLen(text, to)
	}
	return strings.TrimSpace(text[from:to])
}

// closed reports whether the sentence of c ends, as a copy cut short
// does not.
func (s *Set) closed(c Claim) bool {
	sent := s.Sentence(c)
	r, _ := utf8.DecodeLastRuneInString(sent)
	return isSentenceEnd(r) || r == '；' || r == ';'
}

// runeLen is the length of the rune starting at s[i] in valid UTF-8, as its
// first byte tells it, cut at the end of s.
func runeLen(s string, i int) int {
	n := 4
	switch c := s[i]; {
	case c < 0x80:
		n = 1
	case c < 0xE0:
		n = 2
	case c < 0xF0:
		n = 3
	}
	return min(n, len(s)-i)
}

// sentenceEnd reports whether the encoded rune r ends a sentence
// (isSentenceEnd).
func sentenceEnd(r string) bool {
	switch r {
	case "。", "！", "？", "!", "?", "\n":
		return true
	}
	return false
}

// sentenceRunes is Sentence for text that is not valid UTF-8, where runes
// and bytes do not correspond.
func (s *Set) sentenceRunes(c Claim) string {
	rs := []rune(s.Paras[c.Para].Text)
	from, to := c.Offset, c.Offset
	for from > 0 && c.Offset-from < maxSentenceRunes && !isSentenceEnd(rs[from-1]) {
		from--
	}
	for to < len(rs) && to-c.Offset < maxSentenceRunes && !isSentenceEnd(rs[to]) {
		to++
	}
	if to < len(rs) {
		to++
	}
	return strings.TrimSpace(string(rs[from:to]))
}
