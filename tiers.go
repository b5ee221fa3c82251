package jixiao

import (
	"math/bits"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// TierOf places a qualitative actual value in one of the rule set's tiers
// by its keywords. The worst tier with a keyword in the value wins, so that
// 未完成 is not read as 完成. It returns the tier's index in rs.Qualitative,
// or -1 when no keyword occurs.
func (rs *RuleSet) TierOf(actual string) int {
	s := Fold(TrimSpace(actual))
	if s == "" {
		return -1
	}
	if x := rs.tiers; x != nil && x.base == unsafe.SliceData(rs.Qualitative) && x.n == len(rs.Qualitative) {
		return x.find(s)
	}
	return tierScan(rs.Qualitative, s)
}

// tierScan is TierOf without an index: every keyword of every tier, worst
// tier first.
func tierScan(tiers []QualTier, s string) int {
	for i := len(tiers) - 1; i >= 0; i-- {
		for _, k := range tiers[i].Keywords {
			if strings.Contains(s, k) {
				return i
			}
		}
	}
	return -1
}

// tierIndex finds the keywords of all tiers in one pass over the value: a
// table from the low byte of each keyword's first rune to the keywords
// that start so. A value of a few runes is then looked at once instead of
// once per keyword (30-odd Contains, most of them on a common lead byte).
type tierIndex struct {
	base  *QualTier // the tiers indexed, to tell when they were replaced
	n     int
	lead  [256]uint64 // bit k: keyword k's first rune has this low byte
	words []string
	tier  []int8
	worst int
}

// newTierIndex indexes the tiers' keywords, or returns nil when they do
// not fit it (more than 64 keywords, or an empty one): TierOf then scans.
func newTierIndex(tiers []QualTier) *tierIndex {
	x := &tierIndex{base: unsafe.SliceData(tiers), n: len(tiers), worst: len(tiers) - 1}
	if len(tiers) > 127 {
		return nil
	}
	for ti, t := range tiers {
		for _, k := range t.Keywords {
			if k == "" || len(x.words) == 64 {
				return nil
			}
			r, _ := utf8.DecodeRuneInString(k)
			x.lead[byte(r)] |= 1 << len(x.words)
			x.words = append(x.words, k)
			x.tier = append(x.tier, int8(ti))
		}
	}
	return x
}

func (x *tierIndex) find(s string) int {
	best := -1
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		for m := x.lead[byte(r)]; m != 0; m &= m - 1 {
			k := bits.TrailingZeros64(m)
			if t := int(x.tier[k]); t > best && strings.HasPrefix(s[i:], x.words[k]) {
				if best = t; best == x.worst {
					return best
				}
			}
		}
		i += size
	}
	return best
}
