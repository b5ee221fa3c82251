package text

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/simplifiedchinese"

	"jixiao"
)

var update = flag.Bool("update", false, "rewrite golden files")

const sample = "../../testdata/docs/yanfeng-sfj-2024.txt"

func mustRead(t *testing.T, data []byte, name string) *jixiao.Document {
	t.Helper()
	doc, err := Read(bytes.NewReader(data), name)
	if err != nil {
		t.Fatalf("Read(%s): %v", name, err)
	}
	return doc
}

// TestSampleGolden dumps the sample's document model and compares it with
// the golden file, so any change in table, row or heading detection shows.
func TestSampleGolden(t *testing.T) {
	data, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	doc := mustRead(t, data, "yanfeng-sfj-2024.txt")
	got, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "yanfeng-sfj-2024.json")
	if *update {
		if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create)", err)
	}
	if d := cmp.Diff(strings.TrimSpace(string(want)), strings.TrimSpace(string(got))); d != "" {
		t.Errorf("document differs from %s (-want +got):\n%s", golden, d)
	}
}

// TestSampleStructure checks the facts of the sample the extractor relies
// on, independently of the golden file.
func TestSampleStructure(t *testing.T) {
	data, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	doc := mustRead(t, data, "s.txt")
	if doc.Encoding != EncodingUTF8 || doc.Format != "text" || doc.Path != "s.txt" {
		t.Errorf("got encoding %q format %q path %q", doc.Encoding, doc.Format, doc.Path)
	}
	var tables []*jixiao.Table
	headings := map[string]int{}
	for _, b := range doc.Blocks {
		switch b.Kind {
		case jixiao.BlockTable:
			tables = append(tables, b.Table)
		case jixiao.BlockHeading:
			headings[b.Text] = b.Level
		}
	}
	if len(tables) != 1 {
		t.Fatalf("got %d tables, want 1", len(tables))
	}
	rows := tables[0].Rows
	if len(rows) != 19 {
		t.Errorf("got %d rows, want 19", len(rows))
	}
	if got := rows[0].Texts(); !cmp.Equal(got, []string{"雁峰区司法局整体绩效自评表"}) {
		t.Errorf("title row = %q", got)
	}
	head := rows[2]
	if len(head.Cells) != 10 || head.Cells[0].Text != "年度预算申请\n(万元)" || head.Cells[3].Text != "全年预算数\n（万元）" {
		t.Errorf("budget header row = %q", head.Texts())
	}
	if head.Cells[0].Pos != (jixiao.Position{Line: 8, Col: 2}) {
		t.Errorf("budget header cell position = %+v", head.Cells[0].Pos)
	}
	goal := rows[10]
	if len(goal.Cells) != 3 || !strings.HasPrefix(goal.Cells[1].Text, "负责全区人民调解工作") ||
		strings.Count(goal.Cells[1].Text, "\n") != 5 || goal.Cells[2].Text != "高站位、高标准、高质量完成了各项工作" {
		t.Errorf("goal row = %q", goal.Texts())
	}
	if got := rows[14].Texts(); !cmp.Equal(got, []string{"", "", "完成率", "100%", "100%", "", "20", "20", ""}) {
		t.Errorf("indicator row = %q", got)
	}
	want := map[string]int{"附件1": 0, "一、基本情况": 1, "1、部门基本情况": 3, "3、人员情况": 3,
		"      五、部门整体支出绩效情况": -1, "五、部门整体支出绩效情况": 1, "存在的问题及原因分析": 0, "七、下一步改进措施": 1,
		"2024年度部门整体支出绩效自评报告": 0}
	for text, level := range want {
		got, ok := headings[text]
		if level < 0 {
			if ok {
				t.Errorf("untrimmed heading %q", text)
			}
			continue
		}
		if !ok || got != level {
			t.Errorf("heading %q: found %v level %d, want level %d", text, ok, got, level)
		}
	}
	for _, b := range doc.Blocks {
		if b.Kind == jixiao.BlockHeading && strings.HasPrefix(b.Text, "（1）") {
			t.Errorf("numbered sentence taken for a heading: %q", b.Text)
		}
	}
}

func TestEncodings(t *testing.T) {
	const body = "一、基本情况\r\n本年收入合计674.85万元。\r\n\t年初预算数\r\n\t495.66\r\n"
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(body)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		in   string
		enc  string
	}{
		{"UTF8", body, EncodingUTF8},
		{"UTF8BOM", "\xEF\xBB\xBF" + body, EncodingUTF8BOM},
		{"GB18030", gb, EncodingGB18030},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := mustRead(t, []byte(tt.in), tt.name)
			if doc.Encoding != tt.enc {
				t.Errorf("encoding = %q, want %q", doc.Encoding, tt.enc)
			}
			if len(doc.Blocks) != 3 {
				t.Fatalf("got %d blocks, want 3: %+v", len(doc.Blocks), doc.Blocks)
			}
			if doc.Blocks[0].Text != "一、基本情况" || doc.Blocks[0].Kind != jixiao.BlockHeading || doc.Blocks[0].Level != 1 {
				t.Errorf("block 0 = %+v", doc.Blocks[0])
			}
			if doc.Blocks[1].Text != "本年收入合计674.85万元。" || doc.Blocks[1].Kind != jixiao.BlockParagraph {
				t.Errorf("block 1 = %+v", doc.Blocks[1])
			}
			tb := doc.Blocks[2].Table
			if tb == nil || len(tb.Rows) != 1 || !cmp.Equal(tb.Rows[0].Texts(), []string{"年初预算数", "495.66"}) {
				t.Errorf("table = %+v", doc.Blocks[2])
			}
		})
	}
}

func TestCleanRows(t *testing.T) {
	in := "标题\n项目名称\t某项目\t项目编码\t43000024\n\t\t完成率\t100%\n\n第二段。\n"
	doc := mustRead(t, []byte(in), "c.txt")
	if len(doc.Blocks) != 3 {
		t.Fatalf("got %d blocks: %+v", len(doc.Blocks), doc.Blocks)
	}
	rows := doc.Blocks[1].Table.Rows
	if len(rows) != 2 || !cmp.Equal(rows[0].Texts(), []string{"项目名称", "某项目", "项目编码", "43000024"}) ||
		!cmp.Equal(rows[1].Texts(), []string{"", "", "完成率", "100%"}) {
		t.Fatalf("rows = %+v", rows)
	}
	if p := rows[0].Cells[2].Pos; p != (jixiao.Position{Line: 2, Col: 10}) {
		t.Errorf("cell position = %+v, want line 2 col 10", p)
	}
	if doc.Blocks[2].Pos.Line != 5 {
		t.Errorf("paragraph line = %d, want 5", doc.Blocks[2].Pos.Line)
	}
}

func TestRejects(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		opt  Options
		want error
	}{
		{"NUL", []byte("abc\x00def"), Options{}, ErrBinary},
		{"Garbage", []byte{0xff, 0xfe, 0xfd, 0x80, 0x81}, Options{}, ErrBinary},
		{"BadAfterBOM", []byte("\xEF\xBB\xBFab\xff"), Options{}, ErrBinary},
		{"Controls", bytes.Repeat([]byte{1, 2, 3, 'a'}, 100), Options{}, ErrBinary},
		{"TooBig", bytes.Repeat([]byte("a"), 101), Options{MaxBytes: 100}, ErrTooLarge},
		{"TooManyLines", bytes.Repeat([]byte("a\n"), 20), Options{MaxLines: 10}, ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadOptions(bytes.NewReader(tt.in), "x.txt", tt.opt)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), "x.txt") || !strings.Contains(err.Error(), "text: ") {
				t.Errorf("error %q does not name the package and file", err)
			}
		})
	}
}

// TestLargeAdversarial feeds inputs that would be quadratic for a naive
// reader; it only checks that they come back with the right shape.
func TestLargeAdversarial(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	digits := bytes.Repeat([]byte("1234567890"), 1<<20)
	doc := mustRead(t, digits, "digits")
	if len(doc.Blocks) != 1 || len(doc.Blocks[0].Text) != len(digits) {
		t.Errorf("10 MB line: got %d blocks", len(doc.Blocks))
	}
	lines := bytes.Repeat([]byte("（一）标题\n\t单元格\n续行\n\n"), 250000)
	doc = mustRead(t, lines, "lines")
	if len(doc.Blocks) != 500000 {
		t.Errorf("million lines: got %d blocks, want 500000", len(doc.Blocks))
	}
	cells := bytes.Repeat([]byte("\t"+strings.Repeat("续", 10)+"\n续行\n"), 200000)
	doc = mustRead(t, cells, "cells")
	if len(doc.Blocks) != 1 || len(doc.Blocks[0].Table.Rows[0].Cells) != 200000 {
		t.Errorf("long row: got %d blocks", len(doc.Blocks))
	}
	tabs := bytes.Repeat([]byte("a\t"), 1<<20)
	doc = mustRead(t, tabs, "tabs")
	if len(doc.Blocks) != 1 || len(doc.Blocks[0].Table.Rows[0].Cells) != 1<<20+1 {
		t.Errorf("tab row: got %d blocks", len(doc.Blocks))
	}
}

func FuzzRead(f *testing.F) {
	if data, err := os.ReadFile(sample); err == nil {
		f.Add(data)
	}
	for _, s := range []string{"", "\t", "\t\n\n", "a\tb\r\n", "\xEF\xBB\xBF一、x", "\xb6\xfe\xa1\xa2", "（1）\n\t\n续", "\x00"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Read(bytes.NewReader(data), "fuzz")
		if err != nil {
			return
		}
		for _, b := range doc.Blocks {
			if b.Kind == jixiao.BlockTable && (b.Table == nil || len(b.Table.Rows) == 0) {
				t.Fatalf("empty table block at %+v", b.Pos)
			}
			if b.Pos.Line < 1 {
				t.Fatalf("block without a line: %+v", b)
			}
		}
	})
}

// TestMultiLineCells checks the joins of a cell's lines, whether its text
// is taken from the source as is or built.
func TestMultiLineCells(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"Plain", "\t甲\n乙\n丙\n\n", []string{"甲\n乙\n丙"}},
		{"CRLF", "\t甲\r\n乙\r\n丙\r\n\r\n", []string{"甲\n乙\n丙"}},
		{"Spaces", "\t 甲 \n　乙 \n丙 \n", []string{"甲\n乙\n丙"}},
		{"SpacesThenPlain", "\t甲 \n乙\n丙\n", []string{"甲\n乙\n丙"}},
		{"EmptyFirst", "\t\n乙\n丙\n\t丁\n戊\n", []string{"乙\n丙", "丁\n戊"}},
		{"SpaceOnly", "\t \n 乙\n丙\n", []string{"乙\n丙"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := mustRead(t, []byte(tt.in), tt.name)
			if len(doc.Blocks) != 1 || doc.Blocks[0].Table == nil {
				t.Fatalf("got blocks %+v, want one table", doc.Blocks)
			}
			if got := doc.Blocks[0].Table.Rows[0].Texts(); !cmp.Equal(got, tt.want) {
				t.Errorf("cells = %q, want %q", got, tt.want)
			}
		})
	}
}
