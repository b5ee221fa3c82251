// Package claims finds the numeric statements in the narrative of a
// self-evaluation report — amounts (元, 万元, 亿元), percentages, counts
// (件, 人, 个 …) and scores (分) — with the noun phrase each one measures,
// and the relations the wording sets up between them:
//
//   - share: "X万元，占本年支出Z%" — Z = X / whole, the whole being the
//     amount the share names (本年支出), else the whole of the group;
//   - parts: "W，其中：A…B…C" and "按…分类，A…B…" — parts never exceed the
//     whole, and add up to it when the wording makes them exhaustive (基本支出
//   - 项目支出, or a list closed by 其他…);
//   - rate: "年初预算数为A…决算数为B…完成率C%" — C = B / A;
//   - growth: "比上年增长X%" when both years' figures are given.
//
// Check evaluates every relation with exact decimals and reports the ones
// that do not hold. The package is pure and linear in the text: each
// paragraph is scanned once, labels are read from a bounded window before
// each number, and relations are built in one pass per sentence with a cap
// on the claims a sentence may hold.
package claims

import (
	"slices"
	"strings"
	"sync"

	"github.com/shopspring/decimal"
)

// Kind says what a claim measures.
type Kind uint8

// Claim kinds.
const (
	Amount  Kind = iota + 1 // money: 元, 万元, 亿元
	Percent                 // a percentage
	Count                   // a count: 件, 人, 个, …
	Score                   // points: 分
	Measure                 // a physical measure or a rate per unit: 公里, 平方米, 元/人
)

// String names the kind.
func (k Kind) String() string {
	switch k {
	case Amount:
		return "amount"
	case Percent:
		return "percent"
	case Count:
		return "count"
	case Score:
		return "score"
	case Measure:
		return "measure"
	}
	return "unknown"
}

// Claim is one number stated in the text, with what it measures.
type Claim struct {
	Kind   Kind
	Text   string          // number and unit as written: "641.2万元", "95.01%"
	Value  decimal.Decimal // the number as written: 641.2
	Places int32           // decimals written: 1 for 641.2
	Unit   string          // "万元", "%", "件", "分"
	Wan    decimal.Decimal // amounts: the value in 万元; otherwise Value
	Label  string          // the noun phrase before the number, cleaned: "财政拨款收入"
	Key    string          // Label qualified by the clause's subject, canonical: "基本支出决算数"
	Noun   string          // counts and measures: the noun right after the unit, what is counted (8个项目 → 项目); a figure with no label: the words after it
	Topic  string          // a label naming nothing of its own (共计, 涉及金额, 完成…任务数): the words that open the clause run, what the figure is of
	Approx bool            // 近/约/余/多/左右: not an exact figure
	Para   int             // index of the paragraph in the input
	Offset int             // rune offset of the number in the paragraph
	Sent   int             // index of the sentence (。) in the paragraph
	Clause int             // index of the clause run (；) in the sentence

	at          int      // byte offset of the number in the paragraph, plus one; 0 when not known
	comparative bool     // Key describes a change (isComparative), noted once it is known
	qty         quantity // the budget figure Key names (quantityOf), noted with Key
	doc         string   // the document (《…》) last named in the sentence before the claim
	bracketed   bool     // the claim stands in brackets: "（含…5个）" qualifies the figure before them
	totalled    bool     // its label says it is a total (实施项目共15个)
	of          int      // the whole it is a part of in a group (其中…), plus one; 0 when none
	sep         rune     // the punctuation right before the label (、 ， ；), 0 when none or far
}

// Paragraph is one paragraph of narrative, with the section it belongs to
// (any number the caller uses to tell sections apart).
type Paragraph struct {
	Text    string
	Section int
}

// RelKind names a relation.
type RelKind string

// Relations between claims.
const (
	RelShare  RelKind = "share"  // Share is Part / Whole
	RelParts  RelKind = "parts"  // Parts are parts of Whole
	RelRate   RelKind = "rate"   // Share (完成率) is Part (决算) / Whole (预算)
	RelGrowth RelKind = "growth" // Share (增长率) is (Part − Whole) / Whole, Whole being last year's
)

// Relation ties claims together; indexes are into Set.Claims, -1 when absent.
type Relation struct {
	Kind       RelKind
	Whole      int
	Part       int   // share, rate, growth: the numerator
	Parts      []int // parts
	Share      int   // share, rate, growth: the percentage claim
	Group      int   // share, parts: the group (classification) within the sentence
	Exhaustive bool  // parts: the wording says they make up the whole
	Listed     bool  // parts: listed after 其中, so that a sum short of the whole is worth a look
	Sure       bool  // the reading is unambiguous; a failed check is an error
	Why        string
}

// Set is what Extract finds.
type Set struct {
	Paras     []Paragraph
	Claims    []Claim
	Relations []Relation
	Truncated bool // more than maxClaims figures: the rest of the text was not read
}

// Limits bound the work on adversarial text.
const (
	maxLabelRunes    = 24      // runes read back from a number for its label
	maxDigits        = 20      // a longer digit run is not a figure
	maxClaimsPerSent = 256     // claims beyond this in one sentence take part in no relation
	maxClaims        = 1 << 16 // a report holds hundreds; past this the text is not a report
)

// Extract finds the claims in paragraphs and the relations between them.
// Each paragraph is related as soon as it is read: relations look back,
// never ahead.
func Extract(paras []Paragraph) *Set {
	s := &Set{Paras: paras}
	w := scratchPool.Get().(*scratch)
	defer w.release()
	sc := &w.scanner
	// A figure, its label and the words around it take a hundred bytes or
	// more of Chinese text: enough room for most reports' claims at once.
	size, longest := 0, 0
	for _, p := range paras {
		size += len(p.Text)
		longest = max(longest, len(p.Text))
	}
	sc.claims = make([]Claim, 0, min(size/128+8, maxClaims))
	sc.grow(min(longest, 1<<16)) // a longer one is grown for when it has a figure
	b := builder{set: s, names: w.names, recent: w.recent[:0], section: -1, lastTotal: -1, groups: w.groups, parts: w.parts, wholeRate: -1, basicRate: -1, thingPara: -1}
	// relations are gathered in a buffer kept from earlier reports and
	// copied once into a slice of their number
	s.Relations = w.rels[:0]
	for i, p := range paras {
		if len(sc.claims) >= maxClaims {
			s.Truncated = true
			break
		}
		start := len(sc.claims)
		sc.paragraph(p.Text, i)
		s.Claims = sc.claims
		if p.Section != b.section {
			b.section = p.Section
			clear(b.names)
			b.recent, b.lastTotal = b.recent[:0], -1
			b.sectionFrom, b.wholeRate, b.basicRate = start, -1, -1
		}
		b.paragraph(start, len(s.Claims), sc.markers)
	}
	w.recent, w.groups, w.parts, w.rels = b.recent, b.groups, b.parts, s.Relations
	s.Relations = nil
	if len(w.rels) > 0 {
		s.Relations = slices.Clone(w.rels)
	}
	return s
}

// scratch is what an Extract works with and its Set does not keep: the
// scanner's buffers and the builder's tables. Reports are checked by the
// thousand, so they are reused rather than left to the collector.
type scratch struct {
	scanner
	names  map[string]int
	recent []int
	groups []group
	parts  []groupPart
	rels   []Relation
}

var scratchPool = sync.Pool{New: func() any { return &scratch{names: map[string]int{}} }}

// release empties w of the text it read and returns it to the pool,
// unless a huge paragraph made its buffers too large to keep.
func (w *scratch) release() {
	if cap(w.orig) > 1<<16 || cap(w.rels) > 1<<12 || cap(w.parts) > 1<<12 || cap(w.groups) > 1<<12 {
		return
	}
	clear(w.names)
	clear(w.rels) // they point to the set's part lists and words
	w.rels = w.rels[:0]
	w.claims, w.text, w.markers, w.recent = nil, "", w.markers[:0], w.recent[:0]
	scratchPool.Put(w)
}

// ExtractText is Extract over one text, one paragraph per line.
func ExtractText(text string) *Set {
	var ps []Paragraph
	for line := range strings.SplitSeq(text, "\n") {
		ps = append(ps, Paragraph{Text: line})
	}
	return Extract(ps)
}
