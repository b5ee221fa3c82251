package report

import (
	"math"
	"strings"
)

// LineCount estimates how many lines text takes in a column width (mm)
// at charMM millimetres a CJK character (3.7 for 10.5 pt), for formats
// whose pages the word processor or spreadsheet lays out: Latin letters
// and digits are taken as 0.6 of a character, a line holds whole CJK
// characters, and a text of three lines or more is taken as a tenth
// longer, for the characters that line-breaking rules (no line starts
// with 。，；) push on to the next line.
func LineCount(text string, width, charMM float64) int {
	n := 0
	for _, para := range strings.Split(text, "\n") {
		units, cjk := 0.0, false
		for _, r := range para {
			if r < 0x2e80 {
				units += 0.6
			} else {
				units, cjk = units+1, true
			}
		}
		per := width / charMM
		if cjk {
			per = math.Floor(per)
		}
		per = math.Max(per, 1)
		lines := math.Ceil(units/per - 1e-9)
		if lines >= 3 {
			lines = math.Ceil(units * 1.1 / per)
		}
		n += max(1, int(lines))
	}
	return n
}
