package audit

import (
	"fmt"
	"testing"

	"jixiao"
	"jixiao/notation"
	"jixiao/rules"
	"jixiao/score"
)

// eval30 is a project evaluation with 30 indicators, a mix of positive,
// reverse, equal-zero and qualitative rows, partly missed and scored
// accordingly, with one row scored wrong.
func eval30() *jixiao.Evaluation {
	ev := cleanEval()
	ev.Indicators = nil
	kinds := []struct{ l1, l2, target, actual, score string }{
		{"产出指标", "数量指标", "≥10所", "9所", "2.70"},
		{"产出指标", "质量指标", "≥95%", "96%", "3"},
		{"产出指标", "时效指标", "按时完成", "按时完成", "3"},
		{"产出指标", "成本指标", "≤30万元", "33万元", "2.70"},
		{"效益指标", "社会效益指标", "≥90%", "92%", "3"},
		{"效益指标", "可持续影响指标", "=0起", "0起", "3"},
	}
	for i := 0; i < 30; i++ {
		k := kinds[i%len(kinds)]
		in := ind(k.l1, k.l2, fmt.Sprintf("指标%d", i+1), k.target, k.actual, "3", k.score)
		if k.score != "3" {
			in.Deviation = "受项目进度影响未完全达标，下一步加快进度"
		}
		ev.Indicators = append(ev.Indicators, in)
	}
	ev.Indicators[6].Score = notation.ParseFigure("3") // a missed target (9 of ≥10所) scored full
	return ev
}

// BenchmarkScoreAndTableCheck30 is the core issue's target: score + table
// checks of one evaluation with 30 indicators (≥100,000/s on one core).
func BenchmarkScoreAndTableCheck30(b *testing.B) {
	rs := rules.MustLoad("national-2020")
	ev := eval30()
	b.ReportAllocs()
	for b.Loop() {
		res := score.Score(ev, rs)
		_ = Check(Input{Eval: ev, Rules: rs, Result: res})
	}
}

// BenchmarkTableCheck30 is BenchmarkScoreAndTableCheck30 without the
// scoring: the audit's own share.
func BenchmarkTableCheck30(b *testing.B) {
	rs := rules.MustLoad("national-2020")
	ev := eval30()
	res := score.Score(ev, rs)
	b.ReportAllocs()
	for b.Loop() {
		_ = Check(Input{Eval: ev, Rules: rs, Result: res})
	}
}
