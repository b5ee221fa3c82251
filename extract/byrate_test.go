package extract

import (
	"strings"
	"testing"
)

// TestBudgetRowByRate: a budget row copied with a cell fewer than its
// header is placed by its percentage under 执行率. The total row that lost
// its empty 年度预算申请 moves right as a whole; a breakdown row, its label
// first and its percentage last, left out the 分值 (and 得分) no breakdown
// has, and its amounts stay under the amounts.
func TestBudgetRowByRate(t *testing.T) {
	head := "| 项目名称 | 某项目 |\n| 项目资金(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
	tests := []struct {
		name                          string
		head                          string // "" for head
		rows                          string
		initial, fullYear, rate       string // the total row's
		sInitial, sFull, sExec, sRate string // its first breakdown row's
	}{
		{"breakdown without its 分值", "",
			"| 年度资金总额 | 7.29 | 7.29 | 7.29 | 10.00 | 100% | 10.00 |\n| 其中:当年财政拨款 | 7.29 | 7.29 | 7.29 | 100% |\n",
			"7.29", "7.29", "100%", "7.29", "7.29", "7.29", "100%"},
		{"breakdown in full", "",
			"| 年度资金总额 | 7.29 | 7.29 | 7.29 | 10.00 | 100% | 10.00 |\n| 其中:当年财政拨款 | 7.29 | 7.29 | 7.29 | | 100% | |\n",
			"7.29", "7.29", "100%", "7.29", "7.29", "7.29", "100%"},
		{"total row that lost its empty 年度预算申请",
			"| 项目名称 | 某项目 |\n| 项目资金(万元) | 年度预算申请 | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n",
			"| 年度资金总额 | 4753.66 | 4753.66 | 3824.26 | 10 | 100% | 10 |\n| 其中:当年财政拨款 | | 4753.66 | 4753.66 | 3824.26 | | 80.45% | |\n",
			"4753.66", "4753.66", "100%", "4753.66", "4753.66", "3824.26", "80.45%"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := head
			if tt.head != "" {
				h = tt.head
			}
			tables := ExtractAllTables(mustReadString(t, h+tt.rows+indicatorText))
			if len(tables) == 0 {
				t.Fatal("no table read")
			}
			b := tables[0].Eval.Budget
			if b.Initial.Text != tt.initial || b.FullYear.Text != tt.fullYear || b.Rate.Text != tt.rate {
				t.Errorf("total row = %q %q %q; want %q %q %q", b.Initial.Text, b.FullYear.Text, b.Rate.Text, tt.initial, tt.fullYear, tt.rate)
			}
			if len(b.Splits) == 0 || len(b.Splits[0].Rows) == 0 {
				t.Fatalf("no breakdown read: %+v", b)
			}
			r := b.Splits[0].Rows[0]
			if r.Initial.Text != tt.sInitial || r.FullYear.Text != tt.sFull || r.Executed.Text != tt.sExec || r.Rate.Text != tt.sRate {
				t.Errorf("breakdown = %q %q %q %q; want %q %q %q %q", r.Initial.Text, r.FullYear.Text, r.Executed.Text, r.Rate.Text,
					tt.sInitial, tt.sFull, tt.sExec, tt.sRate)
			}
		})
	}
}

const indicatorText = "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n| 产出指标 | 数量指标 | 改造工程数 | ≥12处 | 12处 | 90 | 90 |\n"

// TestBreakdownLinesCell: a .docx cell holding two breakdowns one per
// line, the first left empty ("纳入专户管理的非税收入拨款:\n其他资金:2880万元"),
// gives a row for each: the empty one is read as stated empty, not lost
// inside the other's cell.
func TestBreakdownLinesCell(t *testing.T) {
	doc := docOf(tableBlock(tbl(
		[]string{"预算单位名称", "某县林业局"},
		[]string{"年度预算申请(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"},
		[]string{"年度资金总额", "4753.66", "4753.66", "3824.26", "10", "100%", "10"},
		[]string{"按收入性质分:", "按支出性质分:"},
		[]string{"其中: 一般公共预算:1873.66", "其中:基本支出:1768.16"},
		[]string{"纳入专户管理的非税收入拨款:\n其他资金:2880", ""},
		[]string{"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"},
		[]string{"产出指标", "数量指标", "造林面积", "1.2万亩", "1.2万亩", "90", "90"},
	)))
	tables := ExtractAllTables(doc)
	var names []string
	for _, sp := range tables[0].Eval.Budget.Splits {
		for _, r := range sp.Rows {
			names = append(names, sp.Name+"/"+r.Name+"="+r.FullYear.Text)
		}
	}
	got := strings.Join(names, " ")
	for _, want := range []string{"按收入性质分/纳入专户管理的非税收入拨款=", "按收入性质分/其他资金=2880"} {
		if !strings.Contains(" "+got+" ", " "+want+" ") {
			t.Errorf("breakdowns %q: no %q", got, want)
		}
	}
}
