package claims

import (
	"math/big"
	"math/bits"

	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/internal/decx"
)

// values makes the decimals of a report's figures. decimal.New allocates
// a big.Int and its one word for each of them, and a report states tens;
// values takes them from runs of big.Ints instead (decx.Run), which the
// figures of the sets it serves share.
type values struct {
	run decx.Run
}

// newDecimal is jixiao.NewDecimal(c, exp) for c ≥ 0: the same decimal,
// from its shared table when it is in it, else the value and exponent
// decimal.New gives.
func (vs *values) newDecimal(c int64, exp int32) decimal.Decimal {
	if d, ok := jixiao.SharedDecimal(c, exp); ok {
		return d
	}
	if !decx.OK || c <= 0 || bits.UintSize != 64 {
		return decimal.New(c, exp)
	}
	return decx.Of(vs.run.Word(big.Word(c)), exp)
}

// shift is d.Shift(n): the same coefficient, not a copy of it.
func shift(d decimal.Decimal, n int32) decimal.Decimal { return decx.Shift(d, n) }
