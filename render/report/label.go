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
	// the words: a bracketed part is one word, every other character one
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
	// a unit at the end goes on a line of its own
	if last := words[len(words)-1]; len(last) > 1 && len(words) > 1 {
		head := string(r[:len(r)-len(last)])
		return LabelLines(head, per) + "\n" + string(last)
	}
	lines := (len(r) + per - 1) / per
	for ; lines <= len(r); lines++ {
		if out, ok := fill(words, per, (len(r)+lines-1)/lines); ok {
			return out
		}
	}
	return text
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
