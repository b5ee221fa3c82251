package docx

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"

	"jixiao/importer/internal/limit"
)

// wordRun is a run as Word writes it, with its font properties, which make
// up most of a real document.xml.
func wordRun(text string) string {
	return `<w:r w:rsidRPr="00A1B2C3"><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312" w:cs="Times New Roman" w:hint="eastAsia"/><w:color w:val="000000"/><w:kern w:val="0"/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr><w:t>` + text + `</w:t></w:r>`
}

func wordCell(width int, props, text string) string {
	return `<w:tc><w:tcPr><w:tcW w:w="` + fmt.Sprint(width) + `" w:type="dxa"/>` + props + `<w:tcBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tcBorders><w:vAlign w:val="center"/></w:tcPr>` +
		`<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3"><w:pPr><w:widowControl/><w:spacing w:line="280" w:lineRule="exact"/><w:jc w:val="center"/><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/><w:sz w:val="20"/></w:rPr></w:pPr>` +
		wordRun(text) + `</w:p></w:tc>`
}

// evalDocx builds a realistic 项目支出绩效自评表: a header block, a budget
// block and ~30 indicator rows with merged 一级/二级指标 cells, followed by a
// few pages of narrative.
func evalDocx(tb testing.TB) []byte {
	var b strings.Builder
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="1"/><w:jc w:val="center"/></w:pPr>` + wordRun("项目支出绩效自评表") + `</w:p>`)
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>`)
	for range 8 {
		b.WriteString(`<w:gridCol w:w="1125"/>`)
	}
	b.WriteString(`</w:tblGrid>`)
	row := func(cells ...string) {
		b.WriteString(`<w:tr w:rsidR="00A1B2C3"><w:trPr><w:trHeight w:val="454"/><w:jc w:val="center"/></w:trPr>`)
		for _, c := range cells {
			b.WriteString(c)
		}
		b.WriteString(`</w:tr>`)
	}
	span := func(n int) string { return fmt.Sprintf(`<w:gridSpan w:val="%d"/>`, n) }
	row(wordCell(2250, span(2), "项目名称"), wordCell(6750, span(6), "农村人居环境整治专项资金"))
	row(wordCell(2250, span(2), "主管部门"), wordCell(2250, span(2), "县农业农村局"), wordCell(2250, span(2), "实施单位"), wordCell(2250, span(2), "县农业农村局"))
	row(wordCell(2250, span(2)+`<w:vMerge w:val="restart"/>`, "项目资金（万元）"), wordCell(1125, "", "年初预算数"), wordCell(1125, "", "全年预算数"), wordCell(1125, "", "全年执行数"), wordCell(1125, "", "分值"), wordCell(1125, "", "执行率"), wordCell(1125, "", "得分"))
	for _, l := range []string{"年度资金总额", "其中：本年财政拨款", "上年结转资金", "其他资金"} {
		row(wordCell(2250, span(2)+`<w:vMerge/>`, ""), wordCell(1125, "", l), wordCell(1125, "", "1,234.56"), wordCell(1125, "", "1,200.00"), wordCell(1125, "", "10"), wordCell(1125, "", "97.20%"), wordCell(1125, "", "9.72"))
	}
	row(wordCell(1125, "", "一级指标"), wordCell(1125, "", "二级指标"), wordCell(2250, span(2), "三级指标"), wordCell(1125, "", "年度指标值"), wordCell(1125, "", "实际完成值"), wordCell(1125, "", "分值"), wordCell(1125, "", "得分"))
	first := []string{"产出指标", "效益指标", "满意度指标"}
	for i := range 30 {
		l1 := `<w:vMerge/>`
		if i%10 == 0 {
			l1 = `<w:vMerge w:val="restart"/>`
		}
		l2 := `<w:vMerge/>`
		if i%5 == 0 {
			l2 = `<w:vMerge w:val="restart"/>`
		}
		row(wordCell(1125, l1, first[i/10]), wordCell(1125, l2, "数量指标"), wordCell(2250, span(2), fmt.Sprintf("改造农村户厕数量第%d项", i+1)),
			wordCell(1125, "", "≥1200户"), wordCell(1125, "", "1250户"), wordCell(1125, "", "5"), wordCell(1125, "", "5"))
	}
	b.WriteString(`</w:tbl>`)
	for i := range 40 {
		b.WriteString(`<w:p><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/><w:rPr><w:rFonts w:ascii="仿宋_GB2312"/></w:rPr></w:pPr>` +
			wordRun(fmt.Sprintf("（%d）项目资金全年预算数1,234.56万元，全年执行数1,200.00万元，预算执行率97.20%%，较上年有所提高。", i+1)) +
			wordRun("主要原因是加强了资金管理。") + `</w:p>`)
	}
	var st strings.Builder
	st.WriteString(`<?xml version="1.0" encoding="UTF-8"?><w:styles ` + wNS + `><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi"/></w:rPr></w:rPrDefault></w:docDefaults><w:latentStyles w:defLockedState="0" w:count="376">`)
	for i := range 376 {
		fmt.Fprintf(&st, `<w:lsdException w:name="style %d" w:uiPriority="%d" w:unhideWhenUsed="1"/>`, i, i)
	}
	st.WriteString(`</w:latentStyles>`)
	for i := range 40 {
		fmt.Fprintf(&st, `<w:style w:type="paragraph" w:styleId="s%d"><w:name w:val="style %d"/><w:basedOn w:val="a"/><w:pPr><w:spacing w:before="100"/></w:pPr><w:rPr><w:sz w:val="24"/></w:rPr></w:style>`, i, i)
	}
	st.WriteString(`<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style></w:styles>`)
	return buildDocx(tb, map[string]string{
		"word/document.xml":  document(b.String()),
		"word/styles.xml":    st.String(),
		"word/numbering.xml": testNumbering,
	})
}

func TestEvalDocx(t *testing.T) {
	data := evalDocx(t)
	d, err := ReadAt(bytes.NewReader(data), int64(len(data)), limit.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	tbl := d.Blocks[1].Table
	if got := len(tbl.Rows); got != 38 {
		t.Fatalf("rows: got %d, want 38", got)
	}
	if c := tbl.Rows[2].Cells[0]; c.RowSpan != 5 || c.ColSpan != 2 {
		t.Errorf("项目资金 cell: got %dx%d, want 2x5", c.ColSpan, c.RowSpan)
	}
	if c := tbl.Rows[8].Cells[0]; c.Text != "产出指标" || c.RowSpan != 10 {
		t.Errorf("一级指标 cell: got %q span %d, want 产出指标 10", c.Text, c.RowSpan)
	}
	if got := len(tbl.Rows[9].Cells); got != 5 {
		t.Errorf("row under merges: got %d cells, want 5", got)
	}
}

func BenchmarkDocx(b *testing.B) {
	data := evalDocx(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadAt(bytes.NewReader(data), int64(len(data)), limit.Limits{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDocxParallel measures throughput with every CPU reading
// documents, as the bulk check does.
func BenchmarkDocxParallel(b *testing.B) {
	data := evalDocx(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := ReadAt(bytes.NewReader(data), int64(len(data)), limit.Limits{}); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

var floorParts = []string{"_rels/.rels", "word/styles.xml", "word/numbering.xml", "word/document.xml"}

// BenchmarkDocxFloor is the floor BenchmarkDocx is measured against: open
// the zip, decompress the same parts and tokenise them, building nothing.
func BenchmarkDocxFloor(b *testing.B) {
	data := evalDocx(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		z, err := limit.OpenZip(bytes.NewReader(data), int64(len(data)), limit.Limits{})
		if err != nil {
			b.Fatal(err)
		}
		for _, part := range floorParts {
			buf, err := readPart(z, part)
			if err != nil {
				b.Fatal(err)
			}
			x := newScanner(buf.Bytes(), 256)
			for {
				if _, err := x.next(); err == io.EOF {
					break
				} else if err != nil {
					b.Fatal(err)
				}
			}
			release(buf)
		}
	}
}

// BenchmarkDocxFloorEncodingXML is the same floor with encoding/xml's
// RawToken, for comparison with the tokenizer this package uses instead.
func BenchmarkDocxFloorEncodingXML(b *testing.B) {
	data := evalDocx(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		z, err := limit.OpenZip(bytes.NewReader(data), int64(len(data)), limit.Limits{})
		if err != nil {
			b.Fatal(err)
		}
		for _, part := range floorParts {
			rc, err := z.Open(part)
			if err != nil {
				b.Fatal(err)
			}
			d := xml.NewDecoder(rc)
			for {
				if _, err := d.RawToken(); err == io.EOF {
					break
				} else if err != nil {
					b.Fatal(err)
				}
			}
			rc.Close()
		}
	}
}
