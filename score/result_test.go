package score

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/notation"
	"jixiao/rules"
)

// A Result is a plain value: it survives a JSON round trip, compares with
// go-cmp, and describes the evaluation as it was scored, not as it is
// after an edit.
func TestResultIsAPlainValue(t *testing.T) {
	rs := rules.MustLoad("national-2020")
	a, b, c := row("≥10次", "8次", "5", "4"), row("≤30万元", "45万元", "10", "5"), row("年度完成", "基本完成", "10", "7")
	b.Level2, c.Level1, c.Level2 = "成本指标", "效益指标", "社会效益指标"
	ev := &jixiao.Evaluation{
		Budget:      jixiao.Budget{FullYear: notation.ParseFigure("674.85"), Executed: notation.ParseFigure("413.21"), Score: notation.ParseFigure("6.12")},
		Indicators:  []jixiao.Indicator{a, b, c},
		StatedTotal: notation.ParseFigure("22.12"),
	}
	res := Score(ev, rs)

	blob, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	var back Result
	if err := json.Unmarshal(blob, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(*res, back); diff != "" {
		t.Errorf("JSON round trip changed the result (-scored +decoded):\n%s", diff)
	}

	kept := *Score(ev, rs)
	ev.Indicators[0].Weight.Value = decimal.NewFromInt(50)
	ev.Indicators[0].Actual = notation.ParseValue("2次")
	ev.Indicators[2].Actual = notation.ParseValue("未完成")
	if diff := cmp.Diff(*res, kept); diff != "" {
		t.Errorf("scoring twice gave different results:\n%s", diff)
	}
	if got := res.Rows[0].Trace.Formula; got != "5 × 8次 / ≥10次 = 4.0000" {
		t.Errorf("trace after editing the evaluation = %q, want the arithmetic as scored", got)
	}
	if res.Rows[2].Tier != "部分达成并具有一定效果" {
		t.Errorf("tier after editing the evaluation = %q", res.Rows[2].Tier)
	}
	if diff := cmp.Diff(*res, *Score(ev, rs)); diff == "" {
		t.Error("re-scoring the edited evaluation gave the same result")
	}
}
