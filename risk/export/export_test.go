package export

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"jixiao/risk"
)

func ranking() []risk.Assessment {
	return []risk.Assessment{
		{Rank: 1, ID: "a.yaml", Unit: "甲局", Year: 2024, Score: decimal.RequireFromString("55"), Reasons: []risk.Reason{
			{Code: "R-INFLATED", Message: "自评可能虚高", Evidence: "执行率 61.23%", Points: decimal.NewFromInt(30)},
			{Code: "R-COPY-PEER", Message: "文字雷同", Evidence: "相似度 92.00%", Points: decimal.NewFromInt(25), Related: "b.yaml"}}},
		{Rank: 2, ID: "b.yaml", Unit: "乙局", Year: 2024, Score: decimal.RequireFromString("9.5")},
		{Rank: 3, ID: "c.yaml", Unit: "丙局", Year: 2023, Score: decimal.Zero},
	}
}

func TestCSV(t *testing.T) {
	r := ranking()
	picks := []risk.Pick{{Assessment: r[0]}, {Assessment: r[2], Random: true}}
	var b bytes.Buffer
	if err := Write(&b, "csv", r, picks); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "\uFEFF") {
		t.Error("no byte-order mark")
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(b.String(), "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || rows[1][5] != "风险最高" || rows[2][5] != "随机抽取" || rows[1][6] != "R-INFLATED R-COPY-PEER" {
		t.Errorf("rows = %q", rows)
	}
}

func TestXLSX(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, "xlsx", ranking(), nil); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 2 || got[0] != "风险排序" {
		t.Errorf("sheets = %q, want 风险排序 and 风险原因 (no sample given)", got)
	}
	reasons, _ := f.GetRows("风险原因")
	if len(reasons) != 3 || reasons[2][7] != "b.yaml" || reasons[1][5] != "执行率 61.23%" {
		t.Errorf("reasons = %q", reasons)
	}
	score, _ := f.GetCellValue("风险排序", "E3")
	if score != "9.5" {
		t.Errorf("score cell = %q, want 9.5", score)
	}
	if err := Write(&b, "pdf", nil, nil); err == nil {
		t.Error("an unknown format was accepted")
	}
}
