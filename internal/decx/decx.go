// Package decx makes shopspring decimals whose coefficients live in arrays
// the caller owns, so that many small decimals cost one allocation rather
// than two each, and garbage collections visit a few large objects rather
// than many small ones. shopspring/decimal never changes a value in place,
// so a coefficient may be shared by any number of decimals.
//
// decimal.Decimal's fields are unexported; this package writes them through
// a mirror of its layout, and only when OK says, by reflection, that the
// mirror still matches. Callers fall back to decimal's own constructors
// when it does not.
package decx

import (
	"math/big"
	"reflect"
	"unsafe"

	"github.com/shopspring/decimal"
)

// layout mirrors shopspring/decimal.Decimal's fields.
type layout struct {
	value *big.Int
	exp   int32
}

// OK reports whether decimal.Decimal still has the layout this package
// writes.
var OK = func() bool {
	t := reflect.TypeFor[decimal.Decimal]()
	return t.Size() == unsafe.Sizeof(layout{}) && t.NumField() == 2 &&
		t.Field(0).Type == reflect.TypeFor[*big.Int]() && t.Field(0).Offset == unsafe.Offsetof(layout{}.value) &&
		t.Field(1).Type == reflect.TypeFor[int32]() && t.Field(1).Offset == unsafe.Offsetof(layout{}.exp)
}()

// Of returns z × 10^exp with z as its coefficient, not a copy of it: z must
// never change afterwards. Only when OK.
func Of(z *big.Int, exp int32) decimal.Decimal {
	var d decimal.Decimal
	*(*layout)(unsafe.Pointer(&d)) = layout{value: z, exp: exp}
	return d
}

// Shift is d.Shift(n) sharing d's coefficient instead of copying it.
func Shift(d decimal.Decimal, n int32) decimal.Decimal {
	if !OK || n == 0 {
		return d.Shift(n)
	}
	l := *(*layout)(unsafe.Pointer(&d))
	if l.value == nil {
		return d.Shift(n)
	}
	l.exp += n
	return *(*decimal.Decimal)(unsafe.Pointer(&l))
}

// Run hands out big.Ints of one word from arrays of n, allocated a run at
// a time: the coefficients of many small decimals.
type Run struct {
	ints  []big.Int
	words []big.Word
}

// runLen is how many coefficients one allocation of a run holds.
const runLen = 32

// Word returns a new big.Int holding w, for Of.
func (r *Run) Word(w big.Word) *big.Int {
	if len(r.ints) == cap(r.ints) {
		// a new run rather than a grown one: the full run's ints are in use
		r.ints, r.words = make([]big.Int, 0, runLen), make([]big.Word, 0, runLen)
	}
	n := len(r.ints)
	r.ints, r.words = r.ints[:n+1], append(r.words, w)
	z := &r.ints[n]
	z.SetBits(r.words[n : n+1 : n+1]) // normalised by SetBits: 0 has no words
	return z
}
