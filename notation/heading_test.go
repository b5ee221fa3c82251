package notation

import "testing"

func TestParseHeading(t *testing.T) {
	tests := []struct {
		in       string
		ok       bool
		text     string
		style    string
		ordinal  int
		level    int
		wantRest string
	}{
		{"一、基本情况", true, "一、", HeadingChineseDun, 1, 1, "基本情况"},
		{"      五、部门整体支出绩效情况", true, "五、", HeadingChineseDun, 5, 1, "部门整体支出绩效情况"},
		{"  七、下一步改进措施", true, "七、", HeadingChineseDun, 7, 1, "下一步改进措施"},
		{"十、其他需要说明的情况", true, "十、", HeadingChineseDun, 10, 1, "其他需要说明的情况"},
		{"十二、附件", true, "十二、", HeadingChineseDun, 12, 1, "附件"},
		{"二十、x", true, "二十、", HeadingChineseDun, 20, 1, "x"},
		{"九十九、x", true, "九十九、", HeadingChineseDun, 99, 1, "x"},
		{"（二）决算单位构成。", true, "（二）", HeadingChineseParen, 2, 2, "决算单位构成。"},
		{"   （二）决算单位构成", true, "（二）", HeadingChineseParen, 2, 2, "决算单位构成"},
		{"(三)项目", true, "(三)", HeadingChineseParen, 3, 2, "项目"},
		{"（十一）项目", true, "（十一）", HeadingChineseParen, 11, 2, "项目"},
		{"1、部门基本情况", true, "1、", HeadingArabicDun, 1, 3, "部门基本情况"},
		{"１、部门基本情况", true, "１、", HeadingArabicDun, 1, 3, "部门基本情况"},
		{"12、x", true, "12、", HeadingArabicDun, 12, 3, "x"},
		{"3. 人员情况", true, "3.", HeadingArabicDot, 3, 3, "人员情况"},
		{"3．人员情况", true, "3．", HeadingArabicDot, 3, 3, "人员情况"},
		{"（1）贯彻落实", true, "（1）", HeadingArabicParen, 1, 4, "贯彻落实"},
		{"(10)负责", true, "(10)", HeadingArabicParen, 10, 4, "负责"},
		{"（１２）负责", true, "（１２）", HeadingArabicParen, 12, 4, "负责"},
		{"\u3000\u3000（ 2 ）x", true, "（ 2 ）", HeadingArabicParen, 2, 4, "x"},
		// Not headings.
		{"1.5万元用于", false, "", "", 0, 0, ""},
		{"2024年度部门整体支出绩效自评报告", false, "", "", 0, 0, ""},
		{"一是进一步提高预算执行率", false, "", "", 0, 0, ""},
		{"存在的问题及原因分析", false, "", "", 0, 0, ""},
		{"十十、x", false, "", "", 0, 0, ""},
		{"一十、x", false, "", "", 0, 0, ""},
		{"（一", false, "", "", 0, 0, ""},
		{"（a）", false, "", "", 0, 0, ""},
		{"0、x", false, "", "", 0, 0, ""},
		{"1234、x", false, "", "", 0, 0, ""},
		{"一百、x", false, "", "", 0, 0, ""},
		{"", false, "", "", 0, 0, ""},
		{"（", false, "", "", 0, 0, ""},
		{"\xff、", false, "", "", 0, 0, ""},
	}
	for _, tt := range tests {
		h, rest, ok := ParseHeading(tt.in)
		if ok != tt.ok {
			t.Errorf("ParseHeading(%q) ok = %v, want %v", tt.in, ok, tt.ok)
			continue
		}
		if !ok {
			if rest != tt.in {
				t.Errorf("ParseHeading(%q) rest = %q, want the input back", tt.in, rest)
			}
			continue
		}
		want := HeadingNumber{Text: tt.text, Style: tt.style, Ordinal: tt.ordinal, Level: tt.level}
		if h != want || rest != tt.wantRest {
			t.Errorf("ParseHeading(%q) = %+v, %q; want %+v, %q", tt.in, h, rest, want, tt.wantRest)
		}
	}
}

func FuzzParseHeading(f *testing.F) {
	for _, s := range []string{"一、基本情况", "（十一）x", "(1)a", "1.5", "3．人员", "九十九、", "\u3000（"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		h, rest, ok := ParseHeading(s)
		if !ok {
			if rest != s {
				t.Fatalf("rest %q != input %q when not ok", rest, s)
			}
			return
		}
		if h.Ordinal < 1 || h.Ordinal > 999 || h.Level < 1 || h.Text == "" {
			t.Fatalf("bad heading %+v for %q", h, s)
		}
		if len(rest) > len(s) {
			t.Fatalf("rest longer than input")
		}
	})
}
