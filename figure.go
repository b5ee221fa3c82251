package jixiao

import "github.com/shopspring/decimal"

// Figure is one number as a document states it: the text exactly as written
// and, when the text holds a number, its exact decimal value. A Figure with
// empty Text was not stated at all, which is not the same as a stated zero;
// a Figure with Text but not Valid was stated as something other than a
// number ("-", "/", "未填").
type Figure struct {
	Text    string          // as written, trimmed
	Value   decimal.Decimal // the number in Text; 61.23 for "61.23%"
	Percent bool            // Text ends in a percent sign
	Unit    string          // a unit after the number ("万元", "分"), if any
	Valid   bool            // Text holds a number
}

// FigureOf returns a Figure for a computed value, written with places
// decimals, so that computed and stated figures print alike.
func FigureOf(d decimal.Decimal, places int32) Figure {
	return Figure{Text: d.StringFixed(places), Value: d, Valid: true}
}

// PercentFigureOf returns a percentage Figure ("61.23%") for a fraction.
func PercentFigureOf(fraction decimal.Decimal, places int32) Figure {
	v := fraction.Shift(2).Round(places)
	return Figure{Text: v.StringFixed(places) + "%", Value: v, Percent: true, Valid: true}
}

// Stated reports whether the document gave anything for this figure.
func (f Figure) Stated() bool { return f.Text != "" }

// Fraction returns the value as a fraction: 0.6123 for "61.23%", the value
// itself otherwise.
func (f Figure) Fraction() decimal.Decimal {
	if f.Percent {
		return f.Value.Shift(-2)
	}
	return f.Value
}

// String returns the text as stated, or "" for an unstated figure.
func (f Figure) String() string { return f.Text }
