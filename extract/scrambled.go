package extract

import (
	"slices"
	"unicode/utf8"
)

// OCR of a vertical header cell (one character a line) reads its
// characters out of order, some twice: 全年完成值 comes as "年成值全完值",
// 产出指标 as "出标产指". scrambledLabel reads such a cell as the label
// whose characters it holds, each at least once and nothing else, when
// exactly one label of at least four characters does.

// minScrambledRunes is the shortest label read from scrambled text: with
// fewer characters, other words share the set.
const minScrambledRunes = 4

// runeSet is the sorted distinct characters of s.
func runeSet(s string, buf []rune) []rune {
	buf = buf[:0]
	for _, r := range s {
		buf = append(buf, r)
	}
	slices.Sort(buf)
	return slices.Compact(buf)
}

// setKey writes a rune set as UTF-8 into buf.
func setKey(set []rune, buf []byte) []byte {
	for _, r := range set {
		buf = utf8.AppendRune(buf, r)
	}
	return buf
}

// scrambleIndex maps a rune set (as a string) to the label keys of a
// label map whose labels have that set; "" when two keys share it.
func scrambleIndex(labels map[string]string) map[string]string {
	m := map[string]string{}
	for l, key := range labels {
		if utf8.RuneCountInString(l) < minScrambledRunes {
			continue
		}
		var kb [64]byte
		set := string(setKey(runeSet(l, nil), kb[:0]))
		if k, ok := m[set]; ok && k != key {
			key = ""
		}
		m[set] = key
	}
	return m
}

var (
	indicatorScrambles = scrambleIndex(indicatorLabels)
	level1Scrambles    = scrambleIndex(map[string]string{"产出指标": "产出指标", "效益指标": "效益指标", "满意度指标": "满意度指标", "成本指标": "成本指标"})
	natureScrambles    = scrambleIndex(map[string]string{"定量指标": "定量指标", "定性指标": "定性指标"})
)

// scrambledLabel is the indicator column whose label's characters norm
// holds in another order.
func scrambledLabel(norm string) (string, bool) { return scrambledIn(norm, indicatorScrambles) }

// scrambledIn is the word of the index whose characters norm holds.
func scrambledIn(norm string, idx map[string]string) (string, bool) {
	if n := utf8.RuneCountInString(norm); n < minScrambledRunes || n > 12 {
		return "", false
	}
	var buf [16]rune
	var kb [64]byte
	key, ok := idx[string(setKey(runeSet(norm, buf[:0]), kb[:0]))] // (no allocation: a map index by converted bytes)
	return key, ok && key != ""
}
