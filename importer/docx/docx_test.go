package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"jixiao/internal/golden"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"jixiao"
	"jixiao/importer/internal/dump"
	"jixiao/importer/internal/limit"
)

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`

// buildDocx zips the given parts, deflated, adding the package
// relationships.
func buildDocx(tb testing.TB, parts map[string]string) []byte {
	return zipDocx(tb, parts, zip.Deflate)
}

// zipDocx is buildDocx with a choice of method: the fuzz test stores parts
// uncompressed, since a deflate writer per part costs more than the read.
func zipDocx(tb testing.TB, parts map[string]string, method uint16) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	if _, ok := parts["_rels/.rels"]; !ok {
		parts["_rels/.rels"] = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
	}
	if _, ok := parts["[Content_Types].xml"]; !ok {
		parts["[Content_Types].xml"] = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/numbering.xml"} {
		body, ok := parts[name]
		if !ok {
			continue
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method})
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func document(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + wNS + `><w:body>` + body + `<w:sectPr/></w:body></w:document>`
}

const testStyles = `<?xml version="1.0" encoding="UTF-8"?><w:styles ` + wNS + `>
<w:latentStyles><w:lsdException w:name="heading 1"/></w:latentStyles>
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="标题 2"/><w:basedOn w:val="a"/></w:style>
<w:style w:type="paragraph" w:styleId="MyHead"><w:name w:val="我的标题"/><w:basedOn w:val="1"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
<w:style w:type="character" w:styleId="c1"><w:name w:val="heading 1 Char"/></w:style>
</w:styles>`

const testNumbering = `<?xml version="1.0" encoding="UTF-8"?><w:numbering ` + wNS + `>
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="ideographTraditional"/><w:lvlText w:val="%1."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>`

func p(style, text string) string {
	ppr := ""
	if style != "" {
		ppr = `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
	}
	return `<w:p>` + ppr + `<w:r><w:t>` + text + `</w:t></w:r></w:p>`
}

func numbered(numID, ilvl, text string) string {
	return `<w:p><w:pPr><w:numPr><w:ilvl w:val="` + ilvl + `"/><w:numId w:val="` + numID + `"/></w:numPr></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
}

func tc(props, content string) string {
	if props != "" {
		props = `<w:tcPr>` + props + `</w:tcPr>`
	}
	return `<w:tc>` + props + content + `</w:tc>`
}

var testBody = `<w:p><w:pPr><w:pStyle w:val="1"/><w:pPrChange><w:pPr><w:pStyle w:val="2"/></w:pPr></w:pPrChange></w:pPr><w:r><w:t>部门整体支出绩效自评报告</w:t></w:r></w:p>` +
	`<w:p><w:pPr><w:pStyle w:val="2"/></w:pPr><w:r><w:t>基本情况</w:t></w:r></w:p>` +
	`<w:p><w:pPr><w:pStyle w:val="MyHead"/></w:pPr><w:r><w:t>样式编号</w:t></w:r></w:p>` +
	`<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:r><w:t>直接大纲级别</w:t></w:r></w:p>` +
	numbered("1", "0", "部门概况") + numbered("1", "1", "主要职能") + numbered("1", "1", "机构设置") +
	numbered("1", "2", "内设机构") + numbered("1", "0", "绩效目标") + numbered("1", "1", "总体目标") +
	numbered("3", "0", "要点") +
	`<w:p><w:r><w:t xml:space="preserve">预算</w:t></w:r><w:hyperlink r:id="x" xmlns:r="r"><w:r><w:t>执行率</w:t></w:r></w:hyperlink>` +
	`<w:sdt><w:sdtContent><w:r><w:t>为</w:t></w:r></w:sdtContent></w:sdt><w:ins><w:r><w:t>98.5%</w:t></w:r></w:ins>` +
	`<w:del><w:r><w:delText>97%</w:delText></w:r></w:del><w:smartTag><w:r><w:t>。</w:t></w:r></w:smartTag>` +
	`<w:r><w:tab/><w:t>甲</w:t><w:br/><w:t>乙</w:t></w:r></w:p>` +
	`<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>` +
	`<w:p/>` +
	`<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>` +
	`<w:tr>` + tc(`<w:gridSpan w:val="2"/>`, p("", "项目名称")) + tc("", p("", "金额")) + `</w:tr>` +
	`<w:tr>` + tc(`<w:vMerge w:val="restart"/>`, p("", "年度")+p("", "目标")) + tc("", p("", "a")) + tc("", p("", "1")) + `</w:tr>` +
	`<w:tr>` + tc(`<w:vMerge/>`, `<w:p/>`) + tc("", p("", "b")+
	`<w:tbl><w:tr>`+tc("", p("", "内1"))+tc("", p("", "内2"))+`</w:tr></w:tbl>`) + tc("", p("", "2")) + `</w:tr>` +
	`<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>` + tc("", numbered("2", "0", "第一项")) + tc("", numbered("2", "0", "第二项")) + `</w:tr>` +
	`</w:tbl>` +
	p("", "表后段落")

func TestReadGolden(t *testing.T) {
	data := buildDocx(t, map[string]string{
		"word/document.xml":  document(testBody),
		"word/styles.xml":    testStyles,
		"word/numbering.xml": testNumbering,
	})
	d, err := ReadAt(bytes.NewReader(data), int64(len(data)), limit.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "basic.golden", dump.Document(d))

	// The points the golden file is about, stated so that an -update
	// cannot silently accept a regression.
	find := func(text string) jixiao.Block {
		for _, b := range d.Blocks {
			if b.Text == text {
				return b
			}
		}
		t.Fatalf("no block %q in\n%s", text, dump.Document(d))
		return jixiao.Block{}
	}
	if b := find("部门整体支出绩效自评报告"); b.Kind != jixiao.BlockHeading || b.Level != 1 || b.Style != "heading 1" {
		t.Errorf("heading 1: got %+v", b)
	}
	if b := find("基本情况"); b.Level != 2 || b.Style != "标题 2" {
		t.Errorf("标题 2: got %+v", b)
	}
	find("一、部门概况")
	find("（二）机构设置")
	find("1.内设机构")
	find("二、绩效目标")
	find("（一）总体目标")
	find("甲.样式编号") // numId 2 continues in the table below
	find("要点")
	find("预算执行率为98.5%。\t甲\n乙")
	find("文本框")
	var tbl *jixiao.Table
	for _, b := range d.Blocks {
		if b.Kind == jixiao.BlockTable {
			tbl = b.Table
		}
	}
	if tbl == nil || len(tbl.Rows) != 4 {
		t.Fatalf("table: got %+v", tbl)
	}
	if c := tbl.Rows[0].Cells[0]; c.ColSpan != 2 || c.Text != "项目名称" {
		t.Errorf("gridSpan cell: got %+v", c)
	}
	if c := tbl.Rows[1].Cells[0]; c.RowSpan != 2 || c.Text != "年度\n目标" {
		t.Errorf("vMerge cell: got %+v", c)
	}
	if got := tbl.Rows[2].Texts(); !cmp.Equal(got, []string{"b", "2"}) {
		t.Errorf("row after vMerge: got %q", got)
	}
	if n := tbl.Rows[2].Cells[0].Tables; len(n) != 1 || !cmp.Equal(n[0].Rows[0].Texts(), []string{"内1", "内2"}) {
		t.Errorf("nested table: got %+v", n)
	}
	if got := tbl.Rows[3].Texts(); !cmp.Equal(got, []string{"乙.第一项", "丙.第二项"}) {
		t.Errorf("numbered cells: got %q", got)
	}
}

func TestReadErrors(t *testing.T) {
	deep := strings.Repeat("<w:sdt>", 300) + strings.Repeat("</w:sdt>", 300)
	zeros := strings.Repeat("\x00", 3<<20)
	tests := []struct {
		name  string
		data  []byte
		lim   limit.Limits
		limit string // the LimitError expected, or "" for another error
	}{
		{"NotZip", []byte("hello"), limit.Limits{}, ""},
		{"NoDocument", buildDocx(t, map[string]string{"word/styles.xml": testStyles}), limit.Limits{}, ""},
		{"BadXML", buildDocx(t, map[string]string{"word/document.xml": document("<w:p>")}), limit.Limits{}, ""},
		{"Depth", buildDocx(t, map[string]string{"word/document.xml": document(deep)}), limit.Limits{}, limit.XMLDepth},
		{"Ratio", buildDocx(t, map[string]string{"word/document.xml": zeros}), limit.Limits{}, limit.Ratio},
		{"Unzipped", buildDocx(t, map[string]string{"word/document.xml": document(strings.Repeat(p("", "x"), 2000))}), limit.Limits{MaxUnzippedBytes: 10000}, limit.UnzippedBytes},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ReadAt(bytes.NewReader(tt.data), int64(len(tt.data)), tt.lim)
			if err == nil {
				t.Fatalf("got %d blocks, want an error", len(d.Blocks))
			}
			if !strings.HasPrefix(err.Error(), "docx: ") || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q: want one line prefixed docx:", err)
			}
			var le *limit.LimitError
			if errors.As(err, &le) != (tt.limit != "") || (le != nil && le.Limit != tt.limit) {
				t.Errorf("error %q: want limit %q", err, tt.limit)
			}
		})
	}
}

// TestDefaultNamespace reads a document whose WordprocessingML elements
// carry no prefix.
func TestDefaultNamespace(t *testing.T) {
	doc := `<document xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><body>` +
		`<p><r><rPr><b/></rPr><t>无前缀</t></r></p><tbl><tr><tc><p><r><t>格</t></r></p></tc></tr></tbl></body></document>`
	data := buildDocx(t, map[string]string{"word/document.xml": doc})
	d, err := ReadAt(bytes.NewReader(data), int64(len(data)), limit.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if got := d.PlainText(); got != "无前缀\n格\n" {
		t.Errorf("got %q", got)
	}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		n      int
		format string
		want   string
	}{
		{1, "chineseCounting", "一"}, {10, "chineseCounting", "十"}, {11, "chineseCounting", "十一"},
		{20, "chineseCounting", "二十"}, {21, "chineseCountingThousand", "二十一"}, {101, "chineseCounting", "一百零一"},
		{110, "chineseCounting", "一百一十"}, {1005, "chineseCounting", "一千零五"}, {3, "ideographTraditional", "丙"},
		{11, "ideographTraditional", "11"}, {4, "upperRoman", "IV"}, {28, "lowerLetter", "bb"}, {2, "decimalEnclosedCircle", "②"},
		{7, "decimalZero", "07"}, {12, "decimalFullWidth", "１２"}, {3, "chineseLegalSimplified", "叁"}, {5, "whatever", "5"},
	}
	for _, tt := range tests {
		if got := formatNumber(tt.n, tt.format); got != tt.want {
			t.Errorf("formatNumber(%d, %s) = %q, want %q", tt.n, tt.format, got, tt.want)
		}
	}
}

func FuzzDocx(f *testing.F) {
	f.Add(buildDocx(f, map[string]string{"word/document.xml": document(testBody), "word/styles.xml": testStyles, "word/numbering.xml": testNumbering}))
	f.Add([]byte(document(testBody)))
	f.Add([]byte(testNumbering))
	f.Add([]byte(testStyles))
	f.Fuzz(func(t *testing.T, data []byte) {
		lim := limit.Limits{MaxUnzippedBytes: 1 << 20}
		if d, err := ReadAt(bytes.NewReader(data), int64(len(data)), lim); err == nil && d == nil {
			t.Fatal("nil document without error")
		}
		for _, parts := range []map[string]string{
			{"word/document.xml": string(data)},
			{"word/document.xml": document(testBody), "word/styles.xml": string(data), "word/numbering.xml": string(data)},
		} {
			z := zipDocx(t, parts, zip.Store)
			_, _ = ReadAt(bytes.NewReader(z), int64(len(z)), lim)
		}
	})
}
