package html

import (
	"errors"
	"jixiao/internal/golden"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/simplifiedchinese"

	"jixiao"
	"jixiao/importer/internal/dump"
	"jixiao/importer/internal/limit"
)

const page = `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>不要</title><style>td{color:red}</style><script>var x = "不要";</script></head>
<body><nav>首页 | 导航</nav>
<h1>部门整体支出绩效自评报告</h1>
<h2>一、基本情况</h2>
<p>预算执行率为<b>98.5%</b>，
   较上年提高。<br>第二行&nbsp;文字</p>
<div>散落的文字<div>内层 div</div></div>
<ul><li>要点一</li><li>要点二</li></ul>
<table border="1"><caption>表1 自评表</caption>
<tr><th colspan="2">项目名称</th><th>金额</th></tr>
<tr><td rowspan="2">年度<br>目标</td><td>a</td><td>1</td></tr>
<tr><td>b<table><tr><td>内1</td><td>内2</td></tr></table></td><td>2</td></tr>
<tr><td colspan="x">坏的跨度</td><td colspan="5000">大跨度</td></tr>
</table>
<p>表后段落。鎔</p>
</body></html>`

func gbk(t testing.TB, s string) []byte {
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestReadGolden(t *testing.T) {
	d, err := ReadBytes(gbk(t, page), limit.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "gbk.golden", dump.Document(d))
	if d.Encoding != "gb18030" {
		t.Errorf("encoding: got %q, want gb18030", d.Encoding)
	}
	if b := d.Blocks[1]; b.Kind != jixiao.BlockHeading || b.Level != 2 || b.Text != "一、基本情况" {
		t.Errorf("h2: got %+v", b)
	}
	if got := d.Blocks[2].Text; got != "预算执行率为98.5%， 较上年提高。\n第二行 文字" {
		t.Errorf("paragraph: got %q", got)
	}
	var tbl *jixiao.Table
	for _, b := range d.Blocks {
		if b.Kind == jixiao.BlockTable {
			tbl = b.Table
		}
		if strings.Contains(b.Text, "不要") || strings.Contains(b.Text, "导航") {
			t.Errorf("noise kept: %q", b.Text)
		}
	}
	if c := tbl.Rows[0].Cells[0]; c.ColSpan != 2 || c.Text != "项目名称" {
		t.Errorf("colspan: got %+v", c)
	}
	if c := tbl.Rows[1].Cells[0]; c.RowSpan != 2 || c.Text != "年度\n目标" {
		t.Errorf("rowspan: got %+v", c)
	}
	if n := tbl.Rows[2].Cells[0].Tables; len(n) != 1 || !cmp.Equal(n[0].Rows[0].Texts(), []string{"内1", "内2"}) {
		t.Errorf("nested: got %+v", n)
	}
	if c := tbl.Rows[3].Cells; c[0].ColSpan != 1 || c[1].ColSpan != 1000 {
		t.Errorf("bad spans: got %d, %d, want 1, 1000", c[0].ColSpan, c[1].ColSpan)
	}
}

func TestEncoding(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"UTF8", []byte("<p>预算</p>"), "utf-8"},
		{"BOM", []byte("\xEF\xBB\xBF<p>预算</p>"), "utf-8-bom"},
		{"MetaCharset", append([]byte(`<meta charset="GBK">`), gbk(t, "<p>预算</p>")...), "gb18030"},
		{"Undeclared", gbk(t, "<p>预算</p>"), "gb18030"},
		{"MetaUTF8", []byte(`<meta charset="utf-8"><p>预算</p>`), "utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ReadBytes(tt.data, limit.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if d.Encoding != tt.want || len(d.Blocks) != 1 || d.Blocks[0].Text != "预算" {
				t.Errorf("got %s %+v, want %s 预算", d.Encoding, d.Blocks, tt.want)
			}
		})
	}
}

func TestDepth(t *testing.T) {
	_, err := ReadBytes([]byte(strings.Repeat("<div>", 300)+"x"), limit.Limits{})
	var le *limit.LimitError
	if !errors.As(err, &le) || le.Limit != limit.XMLDepth {
		t.Fatalf("got %v, want a depth LimitError", err)
	}
	// Deeper than the parser itself accepts.
	_, err = ReadBytes([]byte(strings.Repeat("<div>", 1000)+"x"), limit.Limits{MaxXMLDepth: 5000})
	if err == nil || !strings.HasPrefix(err.Error(), "html: ") {
		t.Fatalf("got %v, want an html: error", err)
	}
}

func FuzzHTML(f *testing.F) {
	f.Add([]byte(page))
	f.Add(gbk(f, page))
	f.Add([]byte("<table><tr><td rowspan=3>x<table><td>y"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := ReadBytes(data, limit.Limits{MaxXMLDepth: 64})
		if err == nil && d == nil {
			t.Fatal("nil document without error")
		}
	})
}
