package report

import "strings"

// LabelLines breaks a header label into lines of at most per characters,
// balanced (an 11-character label in a 8-character column becomes 6 + 5,
// not 8 + 3), never inside a bracketed unit such as "（万元）" when the unit
// fits on a line, so that "部门预算资金（万元）" reads 部门预算 / 资金 / （万元）
// rather than a word processor's 部门预算 / 资金（万 / 元）. Text that fits,
// or already has line breaks, is returned as it is.
func LabelLines(text string, per int) string {
	r := []rune(text)
	if per < 1 || len(r) <= per || strings.Contains(text, "\n") {
		return text
	}
	words, chars := labelWords(r, per), labelChars(r, per)
	// a unit at the end goes on a line of its own
	if last := chars[len(chars)-1]; len(last) > 1 && len(chars) > 1 {
		head := string(r[:len(r)-len(last)])
		return LabelLines(head, per) + "\n" + string(last)
	}
	for _, ws := range [][][]rune{words, chars} {
		for lines := (len(r) + per - 1) / per; lines <= len(r); lines++ {
			// the balanced length first, longer ones when words do not
			// divide into it
			for target := (len(r) + lines - 1) / lines; target <= per; target++ {
				if out, ok := fill(ws, per, target); ok && strings.Count(out, "\n") < lines {
					return out
				}
			}
		}
	}
	return text
}

// labelWords cuts a label into the words a line may end after: a
// bracketed part that fits a line, a connective (及, 和, 与, 或, 、), and
// the two-character words that the labels of a 自评表 are made of
// (偏差/原因/分析/及/改进/措施, 年度/指标/值), taken pairwise along each
// run of other characters, so that 偏差原因分析及改进措施 in four
// characters a line reads 偏差原因 / 分析及 / 改进措施, not 分析及改 / 进措施.
func labelWords(r []rune, per int) [][]rune {
	var words [][]rune
	run := 0 // characters in the current run of pairs
	for _, w := range labelChars(r, per) {
		if len(w) > 1 || strings.ContainsRune("及和与或、", w[0]) {
			words, run = append(words, w), 0
			continue
		}
		if run%2 == 1 {
			words[len(words)-1] = append(words[len(words)-1], w...)
		} else {
			words = append(words, w)
		}
		run++
	}
	return words
}

// labelChars cuts a label into its characters, a bracketed part that fits
// a line kept whole.
func labelChars(r []rune, per int) [][]rune {
	var words [][]rune
	for i := 0; i < len(r); {
		if r[i] == '（' || r[i] == '(' {
			j := i
			for j < len(r) && r[j] != '）' && r[j] != ')' {
				j++
			}
			if j < len(r) && j-i+1 <= per {
				words = append(words, r[i:j+1])
				i = j + 1
				continue
			}
		}
		words = append(words, r[i:i+1])
		i++
	}
	return words
}

// fill lays words on lines of at most target characters (and never more
// than per), starting a new line when the next word would pass target.
func fill(words [][]rune, per, target int) (string, bool) {
	var b strings.Builder
	n := 0
	for _, w := range words {
		if len(w) > per {
			return "", false
		}
		if n > 0 && n+len(w) > target {
			b.WriteByte('\n')
			n = 0
		}
		b.WriteString(string(w))
		n += len(w)
	}
	for _, l := range strings.Split(b.String(), "\n") {
		if len([]rune(l)) > per {
			return "", false
		}
	}
	return b.String(), true
}
