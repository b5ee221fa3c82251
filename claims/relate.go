package claims

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// measures are the words that say which figure of a subject a claim is
// (基本支出 + 年初预算数). A claim labelled with a measure alone inherits the
// subject of the clause run it is in: "基本支出年初预算数为435.79万元，决算数
// 为388.11万元" gives 基本支出决算数. Longest first.
var measures = []string{
	"年初支出预算数", "调整后预算数", "预算完成率", "预算执行率", "年初预算数", "全年预算数", "全年执行数", "调整预算数",
	"实际支出", "预算数", "决算数", "执行数", "支出数", "完成率", "执行率",
	// an indicator's target and result (…服务比例年初指标值为不低于85%,全年实际完成值100%)
	"实际完成值", "年初指标值", "指标值", "完成值",
}

// wholeSuffixes are stripped from a whole's label before it is looked up by
// the name a share gives (本年收入合计 is the 本年收入 of "占本年收入").
var wholeSuffixes = []string{"合计", "总额", "总计", "总数", "总量", "总"}

// vagueLabels name no quantity of their own: what a figure so labelled
// is of, its clause run says (…的项目有1项,涉及金额为460万元).
var vagueLabels = []string{"", "共计", "合计", "总计", "小计", "累计", "共", "金额", "资金", "涉及资金", "涉及金额", "其中", "控制在", "保持在"}

// namesNothing reports a key that names no quantity of its own: a vague
// label, the target of what the clause is about (…培训2399人,完成市目标
// 任务数2000人的120%), or a standard per unit of it (开展农村文化活动(“送戏进
// 万村”),每村每年补助4400元).
func namesNothing(key string) bool {
	return slices.Contains(vagueLabels, key) || strings.HasPrefix(key, "完成") && (strings.Contains(key, "任务") || strings.Contains(key, "目标")) ||
		strings.HasPrefix(key, "每")
}

// comparative labels describe a change, not a part of the whole.
var comparative = []string{"同比", "同期", "增加", "减少", "增长", "下降", "降低", "上升", "节约", "超支", "较", "比上年", "去年"}

// builder relates the claims of one paragraph at a time; names remembers
// the wholes seen in the current section for shares that name theirs.
type builder struct {
	set       *Set
	names     map[string]int
	recent    []int // the last figures of the section, oldest first
	lastTotal int   // the last figure of the section naming a total; -1 when none
	section   int

	groups []group     // the groups of the sentence being related
	parts  []groupPart // and their parts
	slab   []int       // what ints hands out

	thing     string // the key of the last figure of the last sentence related
	thingPara int    // and its paragraph; -1 before the first

	sectionFrom int // the section's first claim
	wholeRate   int // the section's last rate of the unit as a whole, an index into Relations; -1 when none
	basicRate   int // the 基本支出 rate waiting for its 项目支出 one; -1 when none
}

// sentence is the working state of one sentence: its claims are
// Set.Claims[from:to], its markers those of the paragraph that fall in it.
type sentence struct {
	from, to int
	markers  []marker
}

func (b *builder) paragraph(from, to int, markers []marker) {
	cs := b.set.Claims
	firstRel := len(b.set.Relations)
	mi := 0
	for i := from; i < to; {
		j := i
		for j < to && cs[j].Sent == cs[i].Sent {
			j++
		}
		st := sentence{from: i, to: min(j, i+maxClaimsPerSent)}
		for mi < len(markers) && markers[mi].sent < cs[i].Sent {
			mi++
		}
		m0 := mi
		for mi < len(markers) && markers[mi].sent == cs[i].Sent {
			mi++
		}
		st.markers = markers[m0:mi]
		b.keys(st)
		b.sentence(st)
		i = j
	}
	b.rateParts(firstRel)
}

// keys qualifies bare measures with the subject of their clause run and
// records the wholes by name.
//
// A rate right after a count is the count's (申报1398条,完成率100%). A
// change stated alone (增加31.39%) names nothing: its topic is the figure
// before it in the clause run, or, in a sentence that opens with a
// comparison (1、收入:792.22万元。同比上年度增加189.25万元,增加31.39%),
// the last one of the sentence before it in the paragraph.
func (b *builder) keys(st sentence) {
	cs := b.set.Claims
	subject, thing, clause := "", "", cs[st.from].Clause
	if p := cs[st.from].Para; p == b.thingPara && opensComparison(Canonical(cs[st.from].Label)) {
		thing = b.thing
	}
	for k := st.from; k < st.to; k++ {
		c := &cs[k]
		if c.Clause != clause {
			subject, thing, clause = "", "", c.Clause
		}
		lab := Canonical(c.Label)
		c.Key = lab
		if c.Kind == Percent && strings.HasPrefix(lab, "占") {
			c.comparative = isComparative(lab)
			continue
		}
		if m, ok := measureSuffix(lab); ok {
			switch {
			case m == lab && c.Kind == Percent && k > st.from && cs[k-1].Kind == Count && cs[k-1].Clause == c.Clause && cs[k-1].Key != "" && !cs[k-1].comparative:
				c.Key = cs[k-1].Key + lab
			case m == lab && subject != "":
				c.Key = subject + lab
			case m != lab:
				subject = strings.TrimSuffix(lab, m)
			}
			c.comparative = isComparative(c.Key)
		} else {
			c.comparative = isComparative(lab) // lab is the key
			switch {
			case c.Kind == Amount && lab != "" && !c.comparative:
				subject = lab
			case c.Kind == Percent && thing != "" && slices.Contains(changeWords, lab):
				c.Topic = thing // growth puts the figure it reads the change of
			}
		}
		if (c.Kind == Amount || c.Kind == Count) && c.Key != "" && !c.comparative && !c.Approx {
			thing = c.Key
		}
		c.qty = quantityOf(c.Key)
		if c.Kind != Percent && !c.Approx && c.Key != "" {
			b.names[c.Key] = k
			if w := stripWhole(c.Key); w != c.Key && w != "" {
				b.names[w] = k
			}
		}
	}
	b.thing, b.thingPara = thing, cs[st.from].Para
}

// comparisonOpeners open a sentence that compares the subject of the one
// before with last year.
var comparisonOpeners = []string{"同比", "比上年", "较上年", "与上年", "比去年", "较去年"}

func opensComparison(lab string) bool {
	for _, w := range comparisonOpeners {
		if strings.HasPrefix(lab, w) {
			return true
		}
	}
	return false
}

func measureSuffix(lab string) (string, bool) {
	if !endsWithAny(lab, measureLast) {
		return "", false
	}
	for _, m := range measures {
		if strings.HasSuffix(lab, m) {
			return m, true
		}
	}
	return "", false
}

func stripWhole(key string) string {
	if !endsWithAny(key, wholeLast) {
		return key
	}
	for _, w := range wholeSuffixes {
		if strings.HasSuffix(key, w) && len(key) > len(w) {
			return strings.TrimSuffix(key, w)
		}
	}
	return key
}

func isComparative(lab string) bool {
	if !mayContain(lab, comparativeFirst) {
		return false
	}
	if strings.Contains(lab, "年中增加") || strings.Contains(lab, "年中追加") {
		return false // what was added in the year is a part of it, not a change on last year
	}
	if strings.Contains(lab, "上年") && !strings.Contains(lab, "上年结转") {
		return true
	}
	for _, w := range comparative {
		if strings.Contains(lab, w) {
			return true
		}
	}
	return false
}

// group is a run of parts opened by 其中, 按…分类 or a count said to be a
// total (共15个).
type group struct {
	id      int
	kind    markerKind
	whole   int
	sum     int  // the figure stating the parts' sum (…，合计495.66万元), -1 when none
	parent  int  // the group whose part this group breaks down (基本支出，其中人员经费…), -1 when none
	clause  int  // the clause run the group opened in
	guessed bool // the whole was taken from an earlier sentence
	inner   bool // opened in brackets, it ends with them
	listSep rune // 、 when the parts after the first are listed with it
	levels  bool // the "parts" count levels of a tree (一级…, 二级…): no relation
	n, off  int  // how many parts it has, and where its relation's list starts in the set's ints
}

// groupPart is claim k taken as a part of the sentence's group g. The
// parts of nested groups interleave as a sentence is read, so a sentence
// notes them in one list and lays each group's out in one run at its end.
type groupPart struct{ g, k int }

// sentence builds the share, parts, rate and growth relations of one
// sentence in a single walk over its claims and markers.
//
// A 按…分类 group breaks down the sentence's first amount; a 其中 group
// breaks down the figure just before it; a count said to be a total
// (共15个) opens a group of the counts after it. A 其中 group whose whole is
// itself a part of the open group is nested: it ends with its clause run
// (；), and the parent group takes the parts that follow ("基本支出…，其中人员
// 经费…、公用经费…；项目支出…"). Any other group runs on into the next clause
// run while that run goes on listing parts ("收入合计…，其中：财政拨款…；
// 其他…"), and ends where a clause run begins with a total or a figure of
// another quantity (…；年初预算数…). A figure stating the sum (合计, 共计)
// ends its group and is the whole its parts are compared with. Parts are
// figures of the whole's class and quantity, outside brackets ("（含…5个）"
// qualifies the figure before it).
func (b *builder) sentence(st sentence) {
	cs := b.set.Claims
	groups, parts := b.groups[:0], b.parts[:0]
	cur := -1 // the open group, an index into groups
	sentWhole, lastValue, clause, listed := -1, -1, -1, -1
	markerSeen := false
	mi := 0
	enterClause := func(c int) {
		if c == clause {
			return
		}
		clause = c
		for cur >= 0 && groups[cur].parent >= 0 && groups[cur].clause != c {
			cur = groups[cur].parent
		}
	}
	open := func(g group) {
		g.id, g.sum, g.parent = len(groups)+1, -1, -1
		groups = append(groups, g)
		cur = len(groups) - 1
	}
	for k := st.from; k < st.to; k++ {
		for mi < len(st.markers) && st.markers[mi].offset < cs[k].Offset {
			m := st.markers[mi]
			mi++
			enterClause(m.clause)
			g := group{kind: m.kind, whole: -1, clause: m.clause, inner: m.bracketed}
			parent := -1
			switch m.kind {
			case markerBy:
				g.whole = sentWhole
				if g.whole < 0 && b.lastTotal >= 0 && cs[b.lastTotal].Kind == Amount {
					// "本年支出合计X。按支出性质分，…": the total of the sentence before
					g.whole, g.guessed = b.lastTotal, true
				}
			case markerOf:
				g.whole = lastValue
				if cur >= 0 && hasPart(parts, cur, lastValue) {
					parent = cur
				}
				if lastValue < 0 {
					// "本年收入合计674.85万元。其中：财政拨款收入…": the figure the
					// sentence before ended on; sure in the same paragraph only
					g.whole, g.guessed = b.lastFigure(cs[st.from].Para)
				}
			}
			markerSeen = true
			open(g)
			groups[cur].parent = parent
		}
		c := &cs[k]
		enterClause(c.Clause)
		if c.Kind == Percent {
			var g *group
			if cur >= 0 {
				g = &groups[cur]
			}
			b.percent(k, g, lastValue, st)
			continue
		}
		if cur >= 0 && listed != c.Clause && c.Clause != groups[cur].clause && groups[cur].parent < 0 {
			// the first figure of a later clause run: does it go on listing parts?
			if g := groups[cur]; isTotal(c.Key) || g.whole >= 0 && !sameWhole(&cs[g.whole], c) {
				cur = -1
			}
		}
		listed = c.Clause
		for cur >= 0 && groups[cur].inner && !c.bracketed {
			cur = groups[cur].parent // the bracket has closed
		}
		if cur < 0 && !c.bracketed && statesSum(c) {
			b.statedSum(st, k, parts)
		}
		if cur >= 0 && groups[cur].listSep == '、' && (c.sep == '，' || c.sep == ',') && !isSum(c.Key) {
			// "其中刑事案件142件、民事案件281件、行政案件13件，办结420件": a list
			// written with 、 ends at the comma
			cur = groups[cur].parent
		}
		if cur >= 0 {
			g := &groups[cur]
			switch {
			case isSum(c.Key) && g.n > 0 && (g.whole < 0 || sameClass(cs[g.whole], *c)):
				g.sum = k // the sum stated: the group is complete
				cur = g.parent
			case (isTotal(c.Key) || c.totalled) && g.parent < 0 && k != g.whole:
				cur = -1 // a total (…支出共计87.06万元) is no part: the list has ended
			case k != g.whole && (g.whole < 0 || sameClass(cs[g.whole], *c) && sameWhole(&cs[g.whole], c) && !progressOf(&cs[g.whole], c)) &&
				(g.kind != markerTotal || countsOf(&cs[g.whole], c)) &&
				!c.Approx && !c.comparative && (!c.bracketed || g.inner || g.whole >= 0 && cs[g.whole].bracketed) && !levelOf(g, parts, cur, c, cs):
				parts = append(parts, groupPart{cur, k})
				g.n++
				if g.n == 2 {
					g.listSep = c.sep
				}
				if g.whole >= 0 {
					c.of = g.whole + 1
					if c.qty == qUnknown || c.qty == qOutlay {
						c.qty = cs[g.whole].qty // the 基本支出 of a 年初预算 is a 年初预算
					}
				}
			}
		}
		if !markerSeen && sentWhole < 0 && c.Kind == Amount && !c.Approx {
			sentWhole = k
		}
		b.remember(k)
		if !c.Approx && !c.comparative {
			lastValue = k // "比上年增加10万元" is neither a whole nor a part
		}
		if cur < 0 && c.totalled && c.Kind == Count && !c.Approx && !c.comparative && !c.bracketed {
			open(group{kind: markerTotal, whole: k, clause: c.Clause})
		}
	}
	b.groups, b.parts = groups, parts
	b.pairs(st, parts)
	if len(parts) == 0 {
		return
	}
	// one run of the set's ints for the parts of all the sentence's groups
	all := b.ints(len(parts))
	off := 0
	for i := range groups {
		groups[i].off = off
		off += groups[i].n
	}
	for _, p := range parts {
		g := &groups[p.g]
		all[g.off] = p.k
		g.off++
	}
	off = 0
	for i := range groups {
		g := &groups[i]
		list := all[off : off+g.n : off+g.n]
		off += g.n
		whole, ex := g.whole, exhaustive(cs, list)
		if g.sum >= 0 {
			whole, ex = g.sum, true // the sentence states the sum itself
		}
		if whole < 0 || g.n == 0 || g.levels || cs[whole].Approx {
			continue
		}
		sure := !g.guessed
		if g.kind == markerTotal {
			sure = ex // which counts make up a total the wording does not say
		}
		b.set.Relations = append(b.set.Relations, Relation{
			Kind: RelParts, Whole: whole, Part: -1, Parts: list, Share: -1, Group: groupID(cs[st.from], g.id),
			Exhaustive: ex, Sure: sure, Listed: g.kind == markerOf && g.sum < 0,
			Why: g.kind.why(),
		})
	}
}

// countsOf reports whether count c counts what the total counts: a total
// (实施项目共15个) and the counts after it (年初批复预算8个项目, 年中增加8个项目)
// of one thing, not the other results a sentence lists after a total
// (共办理案件120件，…调解纠纷80件).
func countsOf(total, c *Claim) bool {
	head := total.Noun
	if head == "" {
		rs := []rune(total.Key)
		head = string(rs[max(len(rs)-2, 0):])
	}
	return head != "" && (strings.Contains(c.Key, head) || strings.Contains(c.Noun, head))
}

// progressOf reports whether amount c says how far its whole has got
// (其中项目管理费3万元，目前项目资金已拨付270万元): what is already paid or
// spent of a sum is no part of a list of what the sum is made of.
func progressOf(whole, c *Claim) bool {
	return c.Kind == Amount && strings.Contains(c.Key, "已") && !strings.Contains(whole.Key, "已")
}

// levels are the levels of the indicator tree, which a report counts one
// after another (共编制12个指标，其中一级指标3个，二级指标9个，三级指标12个):
// they are not parts of the count.
var levels = []string{"一级", "二级", "三级"}

// levelOf reports whether c counts a level of a tree of which group g's
// parts already count another.
func levelOf(g *group, parts []groupPart, gi int, c *Claim, cs []Claim) bool {
	lv := levelPrefix(c.Key)
	if lv == "" {
		return false
	}
	for i := len(parts) - 1; i >= 0; i-- {
		if p := parts[i]; p.g == gi {
			if o := levelPrefix(cs[p.k].Key); o != "" && o != lv {
				g.levels = true // the group counts levels, not parts: none of them is one
				return true
			}
		}
	}
	return false
}

func levelPrefix(key string) string {
	for _, l := range levels {
		if strings.HasPrefix(key, l) {
			return l
		}
	}
	return ""
}

// statesSum reports a figure that states the sum of the ones before it:
// 合计批复总投资6222.4万元, 共计239万元.
func statesSum(c *Claim) bool {
	if c.Kind == Percent || c.Approx || c.comparative {
		return false
	}
	return isSum(c.Key) || strings.HasPrefix(c.Key, "合计") || strings.HasPrefix(c.Key, "共计") || strings.HasPrefix(c.Key, "总计")
}

// statedSum relates a sum stated after figures of its sentence that no
// group holds ("一批…3374.3万元…，二批…2069.51万元…，三批…778.59万元…，合计批复
// 总投资6222.4万元") to them. Which of the figures before it it adds up the
// wording does not say: the last ones that make it, else all of them, and
// the reading is never sure.
func (b *builder) statedSum(st sentence, k int, parts []groupPart) {
	cs := b.set.Claims
	var run []int
	for j := st.from; j < k; j++ {
		c := &cs[j]
		if c.Kind == Percent || c.Approx || c.comparative || c.bracketed || !sameClass(*c, cs[k]) || !sameWhole(&cs[k], c) || hasPartClaim(parts, j) {
			continue
		}
		run = append(run, j)
	}
	if len(run) < 2 {
		return
	}
	// the shortest run of the last figures that makes the sum, within a
	// cent a figure: the figures before it are wholes the sentence set out
	// from (年初预算数为495.66万元，基本支出…、项目支出…，合计495.66万元)
	sum, from := decimal.Zero, len(run)
	for i := len(run) - 1; i >= 0; i-- {
		sum = sum.Add(cs[run[i]].amount())
		if i < len(run)-1 && sum.Sub(cs[k].amount()).Abs().LessThanOrEqual(cent.Mul(decimal.NewFromInt(int64(len(run)-i)))) {
			from = i
			break
		}
	}
	if from == len(run) {
		from = 0
	}
	list := b.ints(len(run) - from)
	copy(list, run[from:])
	b.set.Relations = append(b.set.Relations, Relation{
		Kind: RelParts, Whole: k, Part: -1, Parts: list, Share: -1, Group: groupID(cs[st.from], 0),
		Exhaustive: true, Sure: false, Why: cs[k].Key,
	})
}

func hasPartClaim(parts []groupPart, k int) bool {
	for _, p := range parts {
		if p.k == k {
			return true
		}
	}
	return false
}

// pairs relates the complementary figures a sentence states outside any
// group ("受理62件，已审结57件，未审结5件"; "本年支出…，基本支出…，项目支出…") to
// the figure before them: together they make it up. The reading is sure
// when that figure says it is a total or an intake (共, 合计, 受理 …).
func (b *builder) pairs(st sentence, parts []groupPart) {
	cs := b.set.Claims
	usable := func(k int) bool {
		c := &cs[k]
		return c.Kind != Percent && !c.Approx && !c.comparative && !c.bracketed
	}
	for i := st.from; i < st.to; i++ {
		if !usable(i) || hasPartClaim(parts, i) {
			continue
		}
		j := i + 1
		for j < st.to && !usable(j) {
			j++
		}
		if j >= st.to || hasPartClaim(parts, j) || !sameClass(cs[i], cs[j]) || !complementary(cs[i].Key, cs[j].Key) {
			continue
		}
		// the whole: the nearest figure before that says it is a total or an
		// intake, else the nearest; posts (编制) are no sum of people
		w, sure := -1, false
		for k := i - 1; k >= st.from; k-- {
			if !usable(k) || !sameClass(cs[k], cs[i]) || !sameWhole(&cs[k], &cs[i]) || !sameWhole(&cs[k], &cs[j]) {
				continue
			}
			if isTotal(cs[k].Key) || cs[k].totalled || hasAny(cs[k].Key, intakeWords) {
				w, sure = k, true
				break
			}
			if w < 0 {
				w = k
			}
		}
		if w < 0 || strings.Contains(cs[w].Key, "编制") {
			continue
		}
		b.set.Relations = append(b.set.Relations, Relation{
			Kind: RelParts, Whole: w, Part: -1, Parts: b.pair(i, j), Share: -1, Group: groupID(cs[st.from], 0),
			Exhaustive: true, Sure: sure, Why: cs[i].Key + " + " + cs[j].Key,
		})
		i = j
	}
}

// intakeWords name a count that the ones after it divide up (受理 = 已审结 +
// 未审结).
var intakeWords = []string{"受理", "收到", "实有", "登记"}

// sumWords are the labels of a figure that states the sum of the ones
// before it.
var sumWords = []string{"合计", "共计", "总计", "小计", "累计", "合计金额", "共"}

func isSum(key string) bool { return slices.Contains(sumWords, key) }

// hasPart reports whether claim k is a part of group g. Parts are noted in
// the order of their claims, so the search stops at the first earlier one.
func hasPart(parts []groupPart, g, k int) bool {
	for i := len(parts) - 1; i >= 0 && parts[i].k >= k; i-- {
		if parts[i] == (groupPart{g, k}) {
			return true
		}
	}
	return false
}

// pair returns the list x, y from the set's ints.
func (b *builder) pair(x, y int) []int {
	p := b.ints(2)
	p[0], p[1] = x, y
	return p
}

// ints returns n ints from a run shared by the relations of the set, which
// keep them: one allocation for the part lists of many relations.
func (b *builder) ints(n int) []int {
	if cap(b.slab)-len(b.slab) < n {
		b.slab = make([]int, 0, max(n, 64))
	}
	i := len(b.slab)
	b.slab = b.slab[:i+n]
	return b.slab[i : i+n : i+n]
}

// why names the words that opened a group, for Relation.Why.
func (k markerKind) why() string {
	switch k {
	case markerOf:
		return "其中"
	case markerBy:
		return "按…分类"
	case markerTotal:
		return "共"
	}
	return ""
}

// lastFigure returns the last figure before the sentence being related
// that may be a whole (no percentage, approximation or change), and
// whether it stands in another paragraph than para; -1 when none.
func (b *builder) lastFigure(para int) (int, bool) {
	cs := b.set.Claims
	for i := len(b.recent) - 1; i >= 0; i-- {
		c := &cs[b.recent[i]]
		if c.Kind == Percent || c.Kind == Score {
			continue
		}
		if c.Approx || c.comparative {
			return -1, false
		}
		return b.recent[i], c.Para != para
	}
	return -1, false
}

// recentWholes is how many recent figures a share's named whole is looked
// for among by suffix (占实际支出 → 项目实际支出).
const recentWholes = 64

// remember keeps a figure among the recent ones.
func (b *builder) remember(k int) {
	if len(b.recent) == recentWholes {
		copy(b.recent, b.recent[1:])
		b.recent = b.recent[:recentWholes-1]
	}
	b.recent = append(b.recent, k)
	if isTotal(b.set.Claims[k].Key) {
		b.lastTotal = k
	}
}

// totalWords name a total.
var totalWords = []string{"合计", "总额", "总计", "本年收入", "本年支出", "总收入", "总支出"}

// changeWords say a figure changed.
var changeWords = []string{"增加", "减少", "增长", "下降", "降低", "上升"}

var (
	measureLast      = lastRunes(measures)
	wholeLast        = lastRunes(wholeSuffixes)
	comparativeFirst = firstRunes(comparative, []string{"上年"})
	totalFirst       = firstRunes(totalWords)
	changeFirst      = firstRunes(changeWords)
)

// isTotal reports a key that names a total.
func isTotal(key string) bool {
	if !mayContain(key, totalFirst) {
		return false
	}
	for _, w := range totalWords {
		if strings.Contains(key, w) {
			return true
		}
	}
	return false
}

// percent relates one percentage to what it is a share, rate or growth of.
func (b *builder) percent(k int, cur *group, lastValue int, st sentence) {
	lab := b.set.Claims[k].Key
	switch {
	case strings.Contains(lab, "自评表") || strings.Contains(lab, "表中") || strings.Contains(lab, "表列"):
		// "自评表所列预算执行率为61.23%": the table's figure quoted, which the
		// checks of the table and N-TABLE-MISMATCH judge, not a claim of the text
	case strings.HasPrefix(lab, "占"):
		b.share(k, cur, lastValue)
	case strings.Contains(lab, "完成率") || strings.Contains(lab, "执行率") || strings.Contains(lab, "执行进度"):
		b.rate(k, st)
	case hasChangeWord(lab):
		b.growth(k, st)
	}
}

// wholeNamed finds the figure a share names: by its key, by its key
// without 合计/总额, or as the last of the recent figures whose key ends
// with the name.
func (b *builder) wholeNamed(name string) (int, bool) {
	if w, ok := b.names[name]; ok {
		return w, true
	}
	if w, ok := b.names[stripWhole(name)]; ok {
		return w, true
	}
	for i := len(b.recent) - 1; i >= 0; i-- {
		k := b.set.Claims[b.recent[i]].Key
		if strings.HasSuffix(k, name) || strings.HasSuffix(stripWhole(k), name) {
			return b.recent[i], true
		}
	}
	return -1, false
}

func (b *builder) share(k int, cur *group, lastValue int) {
	cs := b.set.Claims
	if lastValue < 0 || cs[lastValue].Approx || cs[k].Approx {
		return
	}
	key := cs[k].Key // percent calls share for keys that start with 占
	name := strings.TrimPrefix(key, "占")
	for _, suf := range []string{"比重", "比例", "比"} {
		name = strings.TrimSuffix(name, suf)
	}
	whole, sure, gid := -1, false, 0
	if cur != nil {
		gid = cur.id
	}
	named := false
	if name != "" {
		whole, sure = b.wholeNamed(name)
		named = whole >= 0
	}
	switch {
	case whole >= 0:
	case cur != nil && cur.whole >= 0:
		// the group's whole; sure only when the share names no other
		whole, sure = cur.whole, name == ""
	case name == "" && b.lastTotal >= 0:
		whole = b.lastTotal // "占比" after a 合计/总额 figure: likely, not sure
	}
	if whole < 0 || whole == lastValue || !sameClass(cs[whole], cs[lastValue]) || !named && !sameWhole(&cs[whole], &cs[lastValue]) {
		return
	}
	b.set.Relations = append(b.set.Relations, Relation{
		Kind: RelShare, Whole: whole, Part: lastValue, Share: k, Group: groupID(cs[k], gid), Sure: sure,
		Why: key[:len("占")+len(name)], // "占" + name, which key starts with

	})
}

// rate finds 预算数 (A) and 决算数 (B) before a 完成率 in its clause run;
// for a rate of the whole (no 基本/项目 subject) A may stand earlier in the
// sentence, and the reading is then not sure.
func (b *builder) rate(k int, st sentence) {
	cs := b.set.Claims
	a, bb, aFar := -1, -1, -1
	for j := st.from; j < min(k, st.to); j++ {
		c := cs[j]
		if c.Kind != Amount || c.Approx || c.comparative {
			continue
		}
		isB := strings.Contains(c.Key, "决算") || strings.Contains(c.Key, "执行数") || strings.Contains(c.Key, "实际支出") || strings.Contains(c.Key, "支出数") || strings.Contains(c.Key, "已支出")
		isA := !isB && strings.Contains(c.Key, "预算")
		switch {
		case c.Clause != cs[k].Clause:
			if isA {
				aFar = j
			}
		case isB:
			bb = j
		case isA:
			a = j
		}
	}
	if bb < 0 || cs[k].Approx {
		return
	}
	sure := true
	if a < 0 {
		if aFar < 0 || strings.Contains(cs[bb].Key, "基本支出") || strings.Contains(cs[bb].Key, "项目支出") {
			return
		}
		a, sure = aFar, false
	}
	b.set.Relations = append(b.set.Relations, Relation{Kind: RelRate, Whole: a, Part: bb, Share: k, Sure: sure, Why: cs[k].Key})
}

// growth needs the base figure: last year's (比上年…) or the start of the
// year's (比年初…), stated, or implied by a stated change. The current
// figure is the first one of the clause run that is neither.
func (b *builder) growth(k int, st sentence) {
	cs := b.set.Claims
	// the label, not the key: the subject a change stated alone takes
	// (基本支出年初预算数…增加10%) says nothing of its base
	lab := Canonical(cs[k].Label)
	base := "上年"
	if strings.Contains(lab, "年初") {
		base = "年初"
	}
	if againstPlan(lab) {
		return // 较预算减少5万元，下降25%: against the plan, not a year's change
	}
	cur, prior, diff := -1, -1, -1
	for j := st.from; j < min(k, st.to); j++ {
		c := cs[j]
		if c.Kind == Percent || c.Approx {
			continue
		}
		if hasChangeWord(c.Key) {
			if againstPlan(c.Key) {
				return
			}
			diff = j
			if strings.Contains(c.Key, "年初") {
				base = "年初"
			}
		}
	}
	isPrior := func(key string) bool {
		if base == "年初" {
			return strings.Contains(key, "年初")
		}
		return (strings.Contains(key, "上年") || strings.Contains(key, "去年") || strings.Contains(key, "上一年")) && !strings.Contains(key, "结转")
	}
	for j := st.from; j < min(k, st.to); j++ {
		c := cs[j]
		if c.Kind == Percent || c.Approx || j == diff || c.Clause != cs[k].Clause && !(diff >= 0 && c.Clause == cs[diff].Clause) {
			continue
		}
		switch {
		case isPrior(c.Key) && !hasChangeWord(c.Key):
			prior = j
		case cur < 0 && !c.comparative:
			cur = j
		}
	}
	if cur < 0 || cs[k].Approx {
		return
	}
	if slices.Contains(changeWords, lab) {
		cs[k].Topic = cs[cur].Key // the figure the change is read of
	}
	switch {
	case prior >= 0 && sameClass(cs[cur], cs[prior]):
		b.set.Relations = append(b.set.Relations, Relation{Kind: RelGrowth, Whole: prior, Part: cur, Share: k, Sure: true, Why: cs[k].Key})
	case diff >= 0 && sameClass(cs[cur], cs[diff]):
		parts := b.ints(1)
		parts[0] = diff
		b.set.Relations = append(b.set.Relations, Relation{Kind: RelGrowth, Whole: -1, Part: cur, Parts: parts, Share: k, Sure: false, Why: cs[k].Key})
	}
}

// againstPlan reports a change measured against a budget or a plan (较预算,
// 比计划), which growth, a change on a base year, does not check.
func againstPlan(key string) bool {
	for _, w := range []string{"较预算", "比预算", "较计划", "比计划", "较目标", "比目标"} {
		if strings.Contains(key, w) {
			return true
		}
	}
	return false
}

func hasChangeWord(s string) bool {
	if !mayContain(s, changeFirst) {
		return false
	}
	for _, w := range changeWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// rateParts adds up the 基本支出 and 项目支出 rates of a section: their
// 预算数 and their 决算数 make up the unit's. Each sum is compared with the
// unit's figure of the same quantity: the sum the parts' sentence states
// (…，合计495.66万元) first, then the figure of the unit's own rate, then the
// last such figure of the section before the parts. A 年初预算 sum is never
// compared with a 全年预算 or a 决算.
func (b *builder) rateParts(firstRel int) {
	cs := b.set.Claims
	for i := firstRel; i < len(b.set.Relations); i++ {
		r := b.set.Relations[i]
		if r.Kind != RelRate {
			continue
		}
		switch key := cs[r.Part].Key; {
		case strings.Contains(key, "基本支出"):
			b.basicRate = i
		case strings.Contains(key, "项目支出"):
			if b.basicRate >= 0 {
				b.addRateParts(b.set.Relations[b.basicRate], r)
			}
			b.basicRate = -1
		default:
			b.wholeRate, b.basicRate = i, -1
		}
	}
}

func (b *builder) addRateParts(basic, project Relation) {
	cs := b.set.Claims
	for _, pick := range []func(Relation) int{
		func(r Relation) int { return r.Whole }, func(r Relation) int { return r.Part },
	} {
		x, y := pick(basic), pick(project)
		q := cs[x].qty
		if cs[y].qty != q || q == qUnknown {
			continue
		}
		whole, sure := b.rateWhole(x, y, q, pick)
		if whole < 0 {
			continue
		}
		b.set.Relations = append(b.set.Relations, Relation{
			Kind: RelParts, Whole: whole, Part: -1, Parts: b.pair(x, y), Share: -1,
			Exhaustive: true, Sure: sure, Why: "基本支出 + 项目支出",
		})
	}
}

// rateWhole finds the unit's figure of quantity q for the parts x and y.
func (b *builder) rateWhole(x, y int, q quantity, pick func(Relation) int) (int, bool) {
	cs := b.set.Claims
	for k := y + 1; k < len(cs) && cs[k].Para == cs[y].Para && cs[k].Sent == cs[y].Sent; k++ {
		if isSum(cs[k].Key) && cs[k].Kind == Amount && !cs[k].Approx {
			return k, true
		}
	}
	rated := -1 // the figure of the unit's own rate
	if b.wholeRate >= 0 {
		if rated = pick(b.set.Relations[b.wholeRate]); rated < x && cs[rated].qty == q {
			return rated, true
		}
	}
	for k := x - 1; k >= b.sectionFrom; k-- {
		c := &cs[k]
		// the key itself names the quantity: a part of a breakdown that took it
		// from its whole (资本性支出 of 本年支出) is not the unit's figure
		if c.Kind == Amount && quantityOf(c.Key) == q && !c.Approx && !c.comparative && !partSubject(c.Key) {
			return k, c.Para == cs[x].Para
		}
	}
	// a rate of the unit's 预算数, not said to be the 年初 or the 全年 one
	if rated >= 0 && rated < x && cs[rated].qty == qBudget && compatible(q, qBudget) {
		return rated, false
	}
	return -1, false
}

// partSubject reports a key about a part of the unit's budget, not the
// whole of it.
func partSubject(key string) bool {
	return strings.Contains(key, "基本支出") || strings.Contains(key, "项目支出") || strings.Contains(key, "人员经费") || strings.Contains(key, "公用经费")
}

// groupID makes a group id unique across the set: the sentence it is in
// and its number there (0 outside any group).
func groupID(in Claim, id int) int { return in.Para<<24 | in.Sent<<10 | id }

// complements are pairs that make up their whole between them.
var complements = [][2]string{
	{"基本支出", "项目支出"}, {"人员经费", "公用经费"}, {"在职", "退休"}, {"在职", "离退休"},
	{"在职人员", "退休人员"}, {"在职人员", "离退休人员"}, {"在编", "编外"},
}

// exhaustive reports whether the wording makes parts add up to their
// whole: a complementary pair (基本支出 and 项目支出), or a list closed by
// 其他….
func exhaustive(cs []Claim, parts []int) bool {
	if len(parts) < 2 {
		return false
	}
	if len(parts) == 2 && complementary(cs[parts[0]].Key, cs[parts[1]].Key) {
		return true
	}
	return strings.HasPrefix(cs[parts[len(parts)-1]].Key, "其他") || strings.HasPrefix(cs[parts[len(parts)-1]].Key, "其它")
}

// complementary reports whether two keys name figures that make up their
// whole between them: a pair of complements, or a thing and what is not it
// (已审结 and 未审结, 达到年度指标值 and 未达到).
func complementary(a, b string) bool {
	for _, p := range complements {
		if (a == p[0] && b == p[1]) || (a == p[1] && b == p[0]) {
			return true
		}
	}
	if strings.HasPrefix(a, "未") {
		a, b = b, a
	}
	not, ok := strings.CutPrefix(b, "未")
	a = strings.TrimPrefix(a, "已")
	return ok && atLeastRunes(not, 2) && strings.HasPrefix(a, not)
}

// sameClass reports whether two claims can be added and compared: amounts
// with amounts, counts with counts of the same unit.
func sameClass(a, b Claim) bool {
	switch {
	case a.Kind == Amount && b.Kind == Amount:
		return true
	case a.Kind == Count && b.Kind == Count:
		return a.Unit == b.Unit
	}
	return false
}

func contains(list []int, x int) bool {
	for _, v := range list {
		if v == x {
			return true
		}
	}
	return false
}
