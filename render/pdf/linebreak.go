package pdf

import "unicode"

// Chinese line-breaking rules (避头尾, after GB/T 15834 practice): these
// never start a line…
var noStart = runeSet("、，。；：！？）」』”’》〉】〕…—,.;:!?)]}%")

// …and these never end one.
var noEnd = runeSet("（「『“‘《〈【〔([{")

func runeSet(s string) map[rune]bool {
	m := map[rune]bool{}
	for _, r := range s {
		m[r] = true
	}
	return m
}

// word reports whether r belongs to a run that must not be split: Latin
// letters, digits and the punctuation inside numbers (674.85, 61.23%).
func word(r rune) bool {
	return r < 0x2e80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '%' || r == '-' || r == '/')
}

// Break splits text into lines no wider than width, measuring each rune
// with adv. It breaks between any two CJK characters, never inside a run
// of Latin letters or digits (unless the run alone is wider than a line),
// and applies 避头尾: a line never starts with closing punctuation nor ends
// with opening punctuation; the offending character moves to the next
// line with its neighbour.
func Break(text string, width float64, adv func(rune) float64) []string {
	rs := []rune(text)
	var lines []string
	start := 0
	for start < len(rs) {
		w, i := 0.0, start
		for i < len(rs) {
			a := adv(rs[i])
			if w+a > width && i > start {
				break
			}
			w += a
			i++
		}
		if i >= len(rs) {
			lines = append(lines, string(rs[start:]))
			break
		}
		brk := adjust(rs, start, i)
		lines = append(lines, string(rs[start:brk]))
		start = brk
	}
	return lines
}

// adjust moves a break at i (rs[i] starts the next line) back so that it
// does not split a word or break a 避头尾 rule. It never returns start.
func adjust(rs []rune, start, i int) int {
	b := i
	for k := 0; k < 4 && b > start+1; k++ {
		switch {
		case noStart[rs[b]]:
			b--
		case noEnd[rs[b-1]]:
			b--
		case word(rs[b]) && word(rs[b-1]):
			j := b
			for j > start && word(rs[j-1]) {
				j--
			}
			if j == start {
				return i // a run longer than the line: split it
			}
			b = j
		default:
			return b
		}
	}
	if b <= start {
		return i
	}
	if noStart[rs[b]] || noEnd[rs[b-1]] {
		return i // could not satisfy the rules within a few characters
	}
	return b
}
