package score

import (
	"github.com/shopspring/decimal"

	"jixiao"
)

// Result is a scored evaluation: every computed figure beside what the
// document states, and why. It is a plain value, made whole when the
// evaluation is scored: it holds no pointer into the evaluation, so it can
// be stored, compared and sent as JSON, and its traces describe the data as
// it was scored even if the evaluation is edited afterwards.
type Result struct {
	Rules       string          // rule set name
	Execution   Execution       //
	Rows        []Row           // one per indicator, in table order
	Groups      []Group         // subtotals per 一级, then per 一级/二级, in order of first appearance
	WeightSum   decimal.Decimal // execution weight + Σ row weights
	Total       decimal.Decimal // computed total, rounded
	Grade       string          // grade of Total
	StatedTotal jixiao.Figure
	StatedGrade string
	Complete    bool // every part was recomputed from the document's inputs
}

// Trace explains one computed figure.
type Trace struct {
	Formula string // the arithmetic, with the figures filled in
	Rule    string // the rule that applied, naming the rule set setting
	Note    string // anything the reader should know (a fallback, a gap)
}

// Execution is the budget execution item.
type Execution struct {
	Weight      decimal.Decimal
	Denominator string        // which budget figure divides
	A, B        jixiao.Figure // the figures used
	Rate        decimal.Decimal
	RateKnown   bool
	RateFrom    string // "computed" (B/A) or "stated" (the table's 执行率)
	Score       decimal.Decimal
	ScoreKnown  bool
	StatedRate  jixiao.Figure
	StatedScore jixiao.Figure
	Trace       Trace
}

// Method names how a row was scored.
type Method uint8

// Scoring methods.
const (
	MethodStated      Method = iota // kept the stated score
	MethodPositive                  // 正向
	MethodEqualZero                 // 等于零
	MethodReverse                   // 反向
	MethodQualitative               // 定性
)

var methodNames = [...]string{MethodStated: "未重算", MethodPositive: "正向", MethodEqualZero: "等于零", MethodReverse: "反向", MethodQualitative: "定性"}

// String returns the method's name as the score table shows it.
func (m Method) String() string {
	if int(m) < len(methodNames) {
		return methodNames[m]
	}
	return "未知"
}

// Row is one indicator's score.
type Row struct {
	Index     int             // 0-based position in Evaluation.Indicators
	Weight    decimal.Decimal // the row's 分值 (0 when the row has none)
	Score     decimal.Decimal // computed (or the stated one, for MethodStated), rounded
	Met       *bool           // whether the actual meets the target, when it can be told
	Method    Method
	Computed  bool            // Score was computed, not copied
	Over      bool            // over-achieved: a ≥ OverAchieve × t
	OverRatio decimal.Decimal // a / t of an over-achieved row, 0 otherwise
	Tier      string          // the qualitative tier reached, when known
	TierLow   decimal.Decimal // the reached tier's range in points: weight × its bounds
	TierHigh  decimal.Decimal
	Trace     Trace
}

// Group is a subtotal of rows sharing a 一级 (Level2 == "") or a 一级/二级.
type Group struct {
	Level1, Level2 string
	Weight         decimal.Decimal
	Score          decimal.Decimal // computed
	Stated         decimal.Decimal // Σ stated scores
	Rows           int
}
