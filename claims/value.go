package claims

import (
	"math/big"
	"math/bits"
	"reflect"
	"unsafe"

	"github.com/shopspring/decimal"

	"jixiao"
)

// values makes the decimals of a report's figures. decimal.New allocates
// a big.Int and its one word for each of them, and a report states tens;
// values takes them from runs of big.Ints and words instead, which the
// figures of the sets it serves share. shopspring/decimal never changes a
// value in place, so sharing is safe, as for jixiao.NewDecimal's tables.
type values struct {
	ints  []big.Int
	words []big.Word
}

// valueRun is how many decimals one allocation of a run holds.
const valueRun = 32

// newDecimal is jixiao.NewDecimal(c, exp) for c ≥ 0: the same decimal,
// from its shared tables when it is in them (tableHit), else the value and
// exponent decimal.New gives.
func (vs *values) newDecimal(c int64, exp int32) decimal.Decimal {
	if !layoutOK || c <= 0 || bits.UintSize != 64 || tableHit(c, exp) {
		return jixiao.NewDecimal(c, exp)
	}
	if len(vs.ints) == cap(vs.ints) {
		// a new run rather than a grown one: the full run's ints are in use
		vs.ints, vs.words = make([]big.Int, 0, valueRun), make([]big.Word, 0, valueRun)
	}
	n := len(vs.ints)
	vs.ints, vs.words = vs.ints[:n+1], append(vs.words, big.Word(c))
	z := &vs.ints[n]
	z.SetBits(vs.words[n : n+1 : n+1]) // one non-zero word: normalised
	var d decimal.Decimal
	*(*decimalLayout)(unsafe.Pointer(&d)) = decimalLayout{value: z, exp: exp}
	return d
}

// shift is d.Shift(n): the same coefficient, not a copy of it.
func shift(d decimal.Decimal, n int32) decimal.Decimal {
	if !layoutOK || n == 0 {
		return d.Shift(n)
	}
	l := *(*decimalLayout)(unsafe.Pointer(&d))
	if l.value == nil {
		return d.Shift(n)
	}
	l.exp += n
	return *(*decimal.Decimal)(unsafe.Pointer(&l))
}

// tableHit reports whether jixiao.NewDecimal(c, exp) takes its value from
// the root package's shared tables: whole hundredths up to 20.00 and whole
// numbers up to 1000. TestTableHit holds it to what NewDecimal does.
func tableHit(c int64, exp int32) bool {
	const internMax, wholeMax = 2000, 1000 // as in jixiao's dec.go
	var h int64                            // c × 10^exp in hundredths
	switch {
	case c < 0:
		return false
	case exp == -2:
		h = c
	case exp < -2:
		k := int(-2 - exp)
		if k > 18 || c%pow10(k) != 0 {
			return false
		}
		h = c / pow10(k)
	case exp <= 4:
		m := pow10(int(exp + 2))
		if c > wholeMax*100/m {
			return false
		}
		h = c * m
	default:
		return false
	}
	return h <= internMax || h <= wholeMax*100 && h%100 == 0
}

// decimalLayout mirrors shopspring/decimal.Decimal's fields; values uses it
// only when layoutOK says, by reflection, that it still does.
type decimalLayout struct {
	value *big.Int
	exp   int32
}

var layoutOK = func() bool {
	t := reflect.TypeFor[decimal.Decimal]()
	return t.Size() == unsafe.Sizeof(decimalLayout{}) && t.NumField() == 2 &&
		t.Field(0).Type == reflect.TypeFor[*big.Int]() && t.Field(0).Offset == unsafe.Offsetof(decimalLayout{}.value) &&
		t.Field(1).Type == reflect.TypeFor[int32]() && t.Field(1).Offset == unsafe.Offsetof(decimalLayout{}.exp)
}()
