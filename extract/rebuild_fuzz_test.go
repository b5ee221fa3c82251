package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"jixiao"
	"jixiao/importer/text"
	"jixiao/internal/cjk"
)

// seedCorpus adds the corpus sources and the shapes the splitter knows.
func seedCorpus(f *testing.F) {
	for _, s := range []string{
		"总额 |\n238.93 |\n|\n", "| a | b |\n", " |  | 产出指标 | 数量指标 |", "年度资金总额: 0 0 0 10 0 0 其中:本年财政拨款 90",
		"项目名称\t委托\n\t\n", "年度预\n\n算申请\n\n(万元)\n", "績效指標 | 年度指標值", "第 3 页", "一级指标    二级指标    三级指标",
	} {
		f.Add(s)
	}
	paths, _ := filepath.Glob("../testdata/real/*/source.txt")
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil && len(b) < 64<<10 {
			f.Add(string(b))
		}
	}
}

// FuzzSplitCells: splitting a line never panics, and no cell it gives
// holds a separator or surrounding spaces.
func FuzzSplitCells(f *testing.F) {
	seedCorpus(f)
	f.Fuzz(func(t *testing.T, line string) {
		if !utf8.ValidString(line) || strings.ContainsAny(line, "\n\r") {
			return
		}
		for _, framed := range []bool{false, true} {
			for _, p := range splitCellsIn(line, framed) {
				if strings.ContainsAny(p.text, "|\t") {
					t.Fatalf("cell %q of %q holds a separator", p.text, line)
				}
				if p.text != strings.TrimSpace(p.text) {
					t.Fatalf("cell %q of %q is not trimmed", p.text, line)
				}
				if p.col < 1 {
					t.Fatalf("cell %q of %q at column %d", p.text, line, p.col)
				}
			}
		}
	})
}

// FuzzRebuild: any text is read into tables without a panic; every
// rebuilt row has cells; the tables' figures are figures the text holds;
// and ExtractAll always returns a table, whose Missing paths are known.
func FuzzRebuild(f *testing.F) {
	seedCorpus(f)
	f.Fuzz(func(t *testing.T, src string) {
		doc, err := text.Read(strings.NewReader(src), "fuzz.txt")
		if err != nil {
			return
		}
		for _, tb := range rebuildTables(tokenize(doc)) {
			for _, r := range tb.table.Rows {
				if len(r.Cells) == 0 {
					t.Fatal("empty row")
				}
			}
		}
		all := ExtractAll(doc)
		if len(all) == 0 {
			t.Fatal("no table returned")
		}
		plain := strings.Join(strings.Fields(cjk.Fold(src)), "")
		for _, tb := range all {
			b := tb.Eval.Budget
			for _, fig := range []jixiao.Figure{b.Initial, b.FullYear, b.Executed, b.Weight, b.Rate, b.Score, tb.Eval.StatedTotal} {
				if fig.Text != "" && !strings.Contains(plain, strings.Join(strings.Fields(cjk.Fold(fig.Text)), "")) {
					t.Fatalf("figure %q is not in the text", fig.Text)
				}
			}
			for _, m := range tb.Eval.Missing {
				if m.Path == "" || m.Reason == "" {
					t.Fatalf("missing entry without path or reason: %+v", m)
				}
			}
		}
	})
}

// FuzzJoinFragments: joining label fragments keeps every character of
// the cells, in order.
func FuzzJoinFragments(f *testing.F) {
	seedCorpus(f)
	f.Fuzz(func(t *testing.T, src string) {
		if !utf8.ValidString(src) {
			return
		}
		var ts []token
		for i, l := range strings.Split(src, "\n") {
			ts = append(ts, token{text: strings.TrimSpace(l), line: i + 1, lineCells: 1})
		}
		var before, after strings.Builder
		for _, tk := range ts {
			before.WriteString(tk.text)
		}
		for _, tk := range joinFragments(ts) {
			after.WriteString(tk.text)
		}
		if before.String() != after.String() {
			t.Fatalf("joining changed the text: %q → %q", before.String(), after.String())
		}
	})
}
