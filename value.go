package jixiao

import "github.com/shopspring/decimal"

// ValueType says whether an indicator value is a number (定量) or a graded
// phrase (定性).
type ValueType string

// Indicator value types.
const (
	Quantitative ValueType = "定量"
	Qualitative  ValueType = "定性"
)

// Op is the direction of a quantitative target.
type Op string

// Directions. OpNone is a bare number ("100%"): rule sets decide how it
// scores (as ≥ by default).
const (
	OpNone Op = ""
	OpGE   Op = "≥"
	OpGT   Op = ">"
	OpEQ   Op = "="
	OpLE   Op = "≤"
	OpLT   Op = "<"
)

// Reverse reports whether a smaller actual is better (≤, <).
func (o Op) Reverse() bool { return o == OpLE || o == OpLT }

// Value is an indicator's 年度指标值 or 实际完成值: the text as written and
// what it means.
type Value struct {
	Raw     string          // as written
	Type    ValueType       // 定量 or 定性; "" when Raw is empty
	Op      Op              // direction, for 定量
	Number  decimal.Decimal // for 定量: 95 for "≥95%"
	Percent bool            // the number is a percentage
	Unit    string          // "万元", "次", … ("" for percentages)
	InUnit  bool            `json:",omitempty"` // a bare number read in the indicator's 度量单位 column: Raw does not carry Unit or %
}

// Text is the value as written, with the 度量单位 it was read in after a
// bare number ("100" in a % column shows as "100%"), so that a figure is
// never shown without its unit.
func (v Value) Text() string {
	switch {
	case !v.InUnit:
		return v.Raw
	case v.Percent:
		return v.Raw + "%"
	}
	return v.Raw + v.Unit
}

// Stated reports whether anything was written.
func (v Value) Stated() bool { return v.Raw != "" }

// Quantity returns the number on the scale the scoring formulas use: a
// percentage as its fraction, anything else as written.
func (v Value) Quantity() decimal.Decimal {
	if v.Percent {
		return v.Number.Shift(-2)
	}
	return v.Number
}
