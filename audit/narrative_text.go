package audit

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"jixiao"
	"jixiao/notation"
	"jixiao/rules"
)

// checkReport runs the checks that read the report — its figures, its
// structure, its wording — and the quality checks, reading the document's
// text once for all of them.
func checkReport(in *Input, out *findings) {
	if in.Eval == nil {
		return
	}
	ol := outlineOf(in.Rules)
	rt := readReport(in.Doc, ol)
	checkNarrative(in, rt, out)
	checkStructure(in, rt, ol, out)
	checkQuality(in, rt, out)
	rt.release()
}

// reportText is the narrative of an imported document: its text blocks in
// order, each with the first-level section it falls in.
type reportText struct {
	paras    []reportPara
	sections []reportSection
}

type reportPara struct {
	block   int // index in Document.Blocks
	text    string
	pos     jixiao.Position
	section int                    // index in sections; -1 before the first section
	head    notation.HeadingNumber // the numbering text starts with, when headed
	headed  bool
	words   uint8 // the kinds of paraWords it holds, once holds has scanned it
}

type reportSection struct {
	title    string // the heading as written
	block    int
	para     int // index in paras
	pos      jixiao.Position
	numbered bool
	outline  int // the outline section it matches; -1 when none
}

// readReport collects the text blocks of doc and finds its first-level
// sections: headings numbered 一、二、…, and after the first of them the
// unnumbered headings that name a section of the outline.
func readReport(doc *jixiao.Document, ol *rules.Outline) *reportText {
	rt := reportPool.Get().(*reportText)
	if doc == nil {
		return rt
	}
	rt.paras = slices.Grow(rt.paras[:0], len(doc.Blocks))
	cur := -1
	for bi, b := range doc.Blocks {
		if b.Kind == jixiao.BlockTable {
			continue
		}
		text := strings.TrimSpace(b.Text)
		if text == "" {
			continue
		}
		p := reportPara{block: bi, text: text, pos: b.Pos}
		// every check that reads numbering takes it from here
		var rest string
		p.head, rest, p.headed = notation.ParseHeading(text)
		if isSectionHeading(b, p, rest, len(rt.sections) > 0) {
			numbered := p.headed && p.head.Style == notation.HeadingChineseDun
			o := matchOutline(ol, text)
			if numbered || o >= 0 {
				cur = len(rt.sections)
				rt.sections = append(rt.sections, reportSection{title: text, block: bi, para: len(rt.paras), pos: b.Pos, numbered: numbered, outline: o})
			}
		}
		p.section = cur
		rt.paras = append(rt.paras, p)
	}
	return rt
}

// reportPool keeps the paragraph and section lists of reports already
// checked: findings copy what they quote, so nothing keeps a reportText
// once checkReport is done with it.
var reportPool = sync.Pool{New: func() any { return new(reportText) }}

// release clears rt of the document's text and returns it to the pool,
// unless a huge report made it too large to keep.
func (rt *reportText) release() {
	if cap(rt.paras) > 1<<12 {
		return
	}
	clear(rt.paras[:cap(rt.paras)])
	clear(rt.sections[:cap(rt.sections)])
	rt.paras, rt.sections = rt.paras[:0], rt.sections[:0]
	reportPool.Put(rt)
}

// maxHeadingRunes bounds what may be a section heading.
const maxHeadingRunes = 40

// isSectionHeading reports whether a block may be a first-level section
// heading: numbered 一、 and short, or (once numbered sections have begun)
// an unnumbered heading that is not the report's title.
func isSectionHeading(b jixiao.Block, p reportPara, rest string, started bool) bool {
	text := p.text
	if !runesAtMost(text, maxHeadingRunes) {
		return false
	}
	if p.headed {
		return p.head.Style == notation.HeadingChineseDun && !strings.Contains(rest, "。") && !strings.Contains(rest, "；")
	}
	if !started || strings.Contains(text, "。") || strings.Contains(text, "；") || strings.Contains(text, "，") || strings.Contains(text, "自评报告") || strings.Contains(text, "自评表") {
		return false
	}
	return b.Kind == jixiao.BlockHeading || runesAtMost(text, 20)
}

// runesAtMost reports whether s holds at most n runes, counting no further
// than n+1: a rune takes one to four bytes, so the length often decides.
func runesAtMost(s string, n int) bool {
	switch {
	case len(s) <= n:
		return true
	case len(s) > 4*n:
		return false
	}
	for range s {
		if n--; n < 0 {
			return false
		}
	}
	return true
}

// matchOutline returns the outline section whose longest keyword occurs in
// text, or -1.
func matchOutline(ol *rules.Outline, text string) int {
	if ol == nil {
		return -1
	}
	best, bestLen := -1, 0
	for i, s := range ol.Sections {
		for _, k := range s.Keywords {
			if len(k) > bestLen && strings.Contains(text, k) {
				best, bestLen = i, len(k)
			}
		}
	}
	return best
}

// sectionTitle is the heading of the section a paragraph is in, for a
// finding's Location.Item.
func (rt *reportText) sectionTitle(p reportPara) string {
	if p.section < 0 {
		return ""
	}
	return rt.sections[p.section].title
}

// outlineOf loads the rule set's outline; nil when it names none or an
// unknown one (the structural checks then only look at numbering).
func outlineOf(rs *jixiao.RuleSet) *rules.Outline {
	if rs == nil || rs.Outline == "" {
		return nil
	}
	if ol, ok := outlineCache.Load(rs.Outline); ok {
		return ol.(*rules.Outline)
	}
	ol, err := rules.LoadOutline(rs.Outline)
	if err != nil {
		return nil
	}
	outlineCache.Store(rs.Outline, ol)
	return ol
}

// outlineCache keeps parsed outlines: they are embedded and never change.
var outlineCache sync.Map

// reportLoc locates a finding in the report.
func reportLoc(rt *reportText, p reportPara) jixiao.Location {
	return jixiao.Location{Block: "report", Item: rt.sectionTitle(p), Source: p.pos}
}

// excerpt trims s to about n runes around the first occurrence of focus.
func excerpt(s, focus string, n int) string {
	if len(s) <= n {
		return s // no more runes than bytes
	}
	if !utf8.ValidString(s) {
		return excerptRunes(s, focus, n)
	}
	// In valid UTF-8 every rune has exactly one byte that is not a
	// continuation byte (10xxxxxx): runes are counted and found by bytes.
	total := runeCount(s)
	if total <= n {
		return s
	}
	at := 0
	if i := strings.Index(s, focus); i >= 0 && focus != "" {
		at = runeCount(s[:i])
	}
	from := max(0, at-n/2)
	to := min(total, from+n)
	from = max(0, to-n)
	// to and from are rune counts; cut s at the bytes where they fall
	bFrom := runeOffset(s, 0, from)
	bTo := runeOffset(s, bFrom, to-from)
	out := s[bFrom:bTo]
	switch {
	case from > 0 && to < total:
		return "…" + out + "…"
	case from > 0:
		return "…" + out
	case to < total:
		return out + "…"
	}
	return out
}

// runeCount counts the runes of valid UTF-8 s.
func runeCount(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i]&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

// runeOffset returns the byte offset n runes after byte offset at in valid
// UTF-8 s: the n+1th rune start from there, or the end.
func runeOffset(s string, at, n int) int {
	for ; at < len(s); at++ {
		if s[at]&0xC0 != 0x80 {
			if n == 0 {
				return at
			}
			n--
		}
	}
	return len(s)
}

// excerptRunes is excerpt for text that is not valid UTF-8, whose invalid
// bytes become U+FFFD as they do in a []rune.
func excerptRunes(s, focus string, n int) string {
	rs := []rune(s)
	at := 0
	if i := strings.Index(s, focus); i >= 0 && focus != "" {
		at = utf8.RuneCountInString(s[:i])
	}
	from := max(0, at-n/2)
	to := min(len(rs), from+n)
	from = max(0, to-n)
	out := string(rs[from:to])
	if from > 0 {
		out = "…" + out
	}
	if to < len(rs) {
		out += "…"
	}
	return out
}

// wordSet finds any of a few words in a text in one pass over its runes,
// where strings.Contains per word would rescan the text for each: CJK
// text shares its first UTF-8 bytes, which defeats the byte search. A
// bitset of the words' first runes keeps the pass to a load and a test
// per rune. A set made by unionWordSets tells which of its parts' words
// a text holds, so that one pass serves several checks.
type wordSet struct {
	first [1 << 16 / 64]uint64 // first runes in the Basic Multilingual Plane
	words map[rune][]setWord
}

type setWord struct {
	text  string
	kinds uint8 // the parts of a union holding the word; 1 otherwise
}

func newWordSet(words ...string) *wordSet {
	ws := &wordSet{words: map[rune][]setWord{}}
	for _, w := range words {
		ws.add(w, 1)
	}
	return ws
}

// unionWordSets returns the words of every set, a word of sets[i] being of
// kind 1<<i.
func unionWordSets(sets ...*wordSet) *wordSet {
	u := &wordSet{words: map[rune][]setWord{}}
	for i, ws := range sets {
		for _, list := range ws.words {
			for _, w := range list {
				u.add(w.text, 1<<i)
			}
		}
	}
	return u
}

func (ws *wordSet) add(w string, kinds uint8) {
	r, _ := utf8.DecodeRuneInString(w)
	list := ws.words[r]
	for i := range list {
		if list[i].text == w {
			list[i].kinds |= kinds
			return
		}
	}
	ws.words[r] = append(list, setWord{w, kinds})
	if r < 1<<16 {
		ws.first[r/64] |= 1 << (r % 64)
	}
}

// in reports whether s contains one of the words.
func (ws *wordSet) in(s string) bool { return ws.find(s, 1) != 0 }

// find returns the kinds of the words s contains, scanning no further once
// it has found all of want. Three-byte sequences, which all of CJK is, are
// decoded inline: that is most of the cost of a pass, and range would call
// the runtime's decoder for each of them.
func (ws *wordSet) find(s string, want uint8) uint8 {
	var found uint8
	for i := 0; i < len(s); {
		c := s[i]
		var r rune
		size := 3
		switch {
		case c < utf8.RuneSelf:
			r, size = rune(c), 1
		case (c >= 0xE1 && c <= 0xEC || c == 0xEE || c == 0xEF) && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			// a valid sequence: these leading bytes allow any continuation bytes
			r = rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
		default:
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if r >= 1<<16 || ws.first[r/64]&(1<<(r%64)) != 0 {
			for _, w := range ws.words[r] {
				if w.kinds&^found != 0 && strings.HasPrefix(s[i:], w.text) {
					if found |= w.kinds; found&want == want {
						return found
					}
				}
			}
		}
		i += size
	}
	return found
}

// The kinds of words paraWords finds in a paragraph.
const (
	wordsExecution uint8    = 1 << iota // executionWords
	wordsSurvey                         // surveyWords
	wordsScanned   = 1 << 7             // reportPara.words is known
)

// paraWords are the words that checks look for paragraph by paragraph:
// one pass over a paragraph finds them all.
var paraWords = unionWordSets(executionWords, surveyWords)

// holds reports whether paragraph i holds a word of the kind. The first
// check to ask scans the paragraph for every kind.
func (rt *reportText) holds(i int, kind uint8) bool {
	p := &rt.paras[i]
	if p.words&wordsScanned == 0 {
		p.words = paraWords.find(p.text, wordsExecution|wordsSurvey) | wordsScanned
	}
	return p.words&kind != 0
}
