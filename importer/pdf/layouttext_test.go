package pdf

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"jixiao"
)

func TestStartsNumbered(t *testing.T) {
	for s, want := range map[string]bool{
		"一、部门基本情况": true, "（一）预算执行": true, "(二)绩效": true, "1、人员情况": true, "12、其他": true,
		"（12）承办": true, "3.主要成效": true, "3.5万元": false, "2024年度": false, "一是加强": false,
		"十一、其他": true, "（": false, "": false, "产出指标": false, "（一": false,
	} {
		if got := startsNumbered(s); got != want {
			t.Errorf("startsNumbered(%q) = %v, want %v", s, got, want)
		}
	}
}

// words lays out lines of text as the pure-Go reader would give them:
// each line's words at x (in characters of size 10, CJK ones 10 wide),
// lines 14 apart; a word "|" marks a gap of four characters.
func words(lines ...string) []word {
	var ws []word
	for i, l := range lines {
		y := 100 + 14*float64(i)
		x := 50.0
		for _, f := range strings.Split(l, "|") {
			if f == "" {
				x += 40
				continue
			}
			w := 10 * float64(gridWidth(f)) / 2
			ws = append(ws, word{x0: x, y0: y, x1: x + w, y1: y + 10, text: f})
			x += w + 40
		}
	}
	return ws
}

// TestLayoutTextParagraphs: the pure-Go layout text ends a paragraph where
// a word processor's PDF shows one ends: a short line, a numbered heading,
// a change of size; and joins lines that run to the edge.
func TestLayoutTextParagraphs(t *testing.T) {
	ws := words(
		"一、部门基本情况",
		"本单位负责全区人民调解工作管理调解委员会",
		"的组织与业务建设调处各类民间纠纷预防纠纷",
		"激化。",
		"（一）机构设置",
		"区司法局内设八个股室分别是办公室社区矫正",
		"工作股和政工室全年支出合计金额为",
		"6748512.35万元。",
	)
	page := layoutText(ws, nil)
	d := &jixiao.Document{Blocks: layoutBlocks([]string{page}, [][]word{ws})}
	var got []string
	for _, b := range d.Blocks {
		got = append(got, b.Text)
	}
	want := []string{
		"一、部门基本情况",
		"本单位负责全区人民调解工作管理调解委员会的组织与业务建设调处各类民间纠纷预防纠纷激化。",
		"（一）机构设置",
		// The line before the figure stops four characters short: the
		// figure, ten narrow characters wide, did not fit. No paragraph
		// ends there.
		"区司法局内设八个股室分别是办公室社区矫正工作股和政工室全年支出合计金额为6748512.35万元。",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("paragraphs (-want +got):\n%s\nlayout text:\n%s", diff, page)
	}
}

// TestJoinPages: a paragraph cut by a page break goes on past the page
// number; one that ends a sentence, or a heading, does not.
func TestJoinPages(t *testing.T) {
	p := func(page int, s string) jixiao.Block {
		return jixiao.Block{Kind: jixiao.BlockParagraph, Text: s, Pos: jixiao.Position{Page: page}}
	}
	got := joinPages([]jixiao.Block{
		p(1, "按支出性质分类，基本"), p(1, "— 1 —"), p(2, "支出388.11万元。"),
		p(2, "三、政府性基金预算支出情况"), p(3, "2024年度无政府性基金预算支出。"),
		p(3, "已经结束的句子。"), p(4, "新的段落"),
	})
	var texts []string
	for _, b := range got {
		texts = append(texts, b.Text)
	}
	want := []string{"按支出性质分类，基本支出388.11万元。", "— 1 —", "三、政府性基金预算支出情况",
		"2024年度无政府性基金预算支出。", "已经结束的句子。", "新的段落"}
	if diff := cmp.Diff(want, texts); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
