package intake

import (
	"testing"

	"jixiao"
)

func TestMatcherUnit(t *testing.T) {
	units := []*jixiao.Organisation{
		{ID: 1, Code: "101001", Name: "延丰县司法局"},
		{ID: 2, Code: "101002", Name: "延丰县司法局机关"},
		{ID: 3, Code: "101003", Name: "延丰县公证处"},
		{ID: 4, Code: "102001", Name: "延丰县第一中学"},
		{ID: 5, Code: "103001", Name: "东城中心学校"},
		{ID: 6, Code: "104001", Name: "东城中心学校"}, // two units of one name
	}
	m := NewMatcher(units)
	tests := []struct {
		name, doc, file string
		want            int64
	}{
		{"Exact", "延丰县公证处", "x.docx", 3},
		{"FullWidthAndSpaces", "延丰县 司法局（机关）", "x.docx", 2},
		{"LongestContained", "延丰县司法局机关（本级）", "x.docx", 2},
		{"ShortName", "公证处", "x.docx", 3},
		{"FromFileName", "", "收件/延丰县第一中学2024年自评.docx", 4},
		{"FromCode", "", "102001_自评.xlsx", 4},
		{"Ambiguous", "东城中心学校", "x.docx", 0},
		{"Unknown", "雁峰区司法局", "x.docx", 0},
		{"TooShortToTell", "县", "x.docx", 0},
		{"Nothing", "", "自评.docx", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, why := m.Unit(tt.doc, tt.file)
			var got int64
			if u != nil {
				got = u.ID
			}
			if got != tt.want {
				t.Errorf("Unit(%q, %q) = %d (%s), want %d", tt.doc, tt.file, got, why, tt.want)
			}
			if u == nil && why == "" {
				t.Error("no unit and no reason")
			}
		})
	}
}

func TestYear(t *testing.T) {
	tests := []struct {
		stated   int
		file     string
		fallback int
		want     int
	}{
		{2024, "2023年.docx", 2022, 2024},
		{0, "收件/公证处２０２３年自评.docx", 2022, 2023},
		{0, "2023-2024对比.docx", 2022, 2022},
		{0, "自评.docx", 0, 0},
		{0, "20245.docx", 0, 0},
	}
	for _, tt := range tests {
		if got := Year(tt.stated, tt.file, tt.fallback); got != tt.want {
			t.Errorf("Year(%d, %q, %d) = %d, want %d", tt.stated, tt.file, tt.fallback, got, tt.want)
		}
	}
}
