package jixiao

import "github.com/shopspring/decimal"

// num is a stated plain number as notation.ParseFigure reads it; the root's
// tests cannot import notation, which imports the root.
func num(s string) Figure {
	return Figure{Text: s, Value: decimal.RequireFromString(s), Valid: true}
}
