package risk

import (
	"slices"
	"strings"
	"unicode"

	"jixiao"
)

// shingleLen is the length, in runes, of the character n-grams compared.
// Five characters are about two Chinese words: short enough that a
// paragraph copied with a changed year or unit name still shares most of
// its grams, long enough that unrelated texts on the same subject share few.
const shingleLen = 5

// Narrative returns the evaluation's own words, the ones copying shows
// in: 年度总体目标 (both halves), every 偏差原因分析, and the report's
// performance, achievements, problems, measures, application and other
// remarks. The unit's profile (职能, 机构) is left out: it is rightly the
// same every year.
func Narrative(ev *jixiao.Evaluation) []string {
	var out []string
	for _, f := range fields(ev) {
		if strings.TrimSpace(f.text) != "" {
			out = append(out, f.text)
		}
	}
	return out
}

// Normalize keeps the letters and digits of s, full-width forms folded to
// ASCII, Latin letters lower-cased and every digit written as 0, so that
// a text copied with other figures or other punctuation and spacing reads
// the same.
func Normalize(s string) string { return normalize(s, true) }

// verbatim is Normalize keeping the digits: two passages the same but for
// spacing and punctuation.
func verbatim(s string) string { return normalize(s, false) }

func normalize(s string, foldDigits bool) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r >= 0xFF01 && r <= 0xFF5E {
			r -= 0xFEE0
		}
		switch {
		case unicode.IsDigit(r) && foldDigits:
			b.WriteByte('0')
		case unicode.IsDigit(r):
			b.WriteRune(r)
		case unicode.IsLetter(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// Shingles returns the sorted, distinct 64-bit FNV-1a hashes (over the
// code points, four bytes each) of each normalised text's character
// n-grams of shingleLen runes; a shorter text is one gram. No gram spans
// two texts.
func Shingles(texts []string) []uint64 {
	var out []uint64
	var rs []rune
	for _, t := range texts {
		rs = append(rs[:0], []rune(Normalize(t))...)
		if len(rs) == 0 {
			continue
		}
		n := max(1, len(rs)-shingleLen+1)
		for i := 0; i < n; i++ {
			h := uint64(14695981039346656037)
			for _, r := range rs[i:min(i+shingleLen, len(rs))] {
				for k := 0; k < 32; k += 8 {
					h ^= uint64(byte(r >> k))
					h *= 1099511628211
				}
			}
			out = append(out, h)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Overlap returns |a ∩ b| and |a ∪ b| of two sorted sets: the Jaccard
// similarity is their quotient, kept as two integers so that comparing it
// with a threshold is exact.
func Overlap(a, b []uint64) (inter, union int) {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			inter++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return inter, len(a) + len(b) - inter
}

// MinHash parameters: bands × rows hash functions. A pair of texts with
// Jaccard similarity s shares at least one band with probability
// 1 − (1 − s^rows)^bands: 0.97 at s = 0.6, above 0.9999 at s = 0.9, 0.18 at
// s = 0.3. Candidate pairs are then compared exactly (Overlap), so a
// similarity reported is never an estimate; only a pair just above the
// threshold can, rarely, go unseen.
const (
	bands    = 25
	bandRows = 4
	hashes   = bands * bandRows
)

// hashParams are fixed odd multipliers and offsets, drawn once from a
// splitmix64 sequence so that every run and machine agrees.
var hashParams = func() (p [hashes][2]uint64) {
	x := uint64(0x6a09e667f3bcc908)
	next := func() uint64 {
		x += 0x9e3779b97f4a7c15
		z := x
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
		z = (z ^ (z >> 27)) * 0x94d049bb133111eb
		return z ^ (z >> 31)
	}
	for i := range p {
		p[i] = [2]uint64{next() | 1, next()}
	}
	return p
}()

// signature is the MinHash of a shingle set.
func signature(set []uint64) (sig [hashes]uint64) {
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	for _, x := range set {
		for i := range sig {
			if h := x*hashParams[i][0] + hashParams[i][1]; h < sig[i] {
				sig[i] = h
			}
		}
	}
	return sig
}

// bandKey hashes one band of a signature.
func bandKey(sig *[hashes]uint64, b int) uint64 {
	k := uint64(b) * 0x9e3779b97f4a7c15
	for _, v := range sig[b*bandRows : (b+1)*bandRows] {
		k = (k ^ v) * 0x100000001b3
	}
	return k
}
