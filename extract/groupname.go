package extract

import (
	"strings"
	"unicode/utf8"

	"jixiao"
)

// groupName is a 一级 or 二级 cell's text as one name: the spaces and line
// breaks inside it are where the cell wrapped or how a copy spaced its
// characters ("数量\n指标", "经济效益 指标"), which depends on the format
// and the column's width, not on the name. A break between two Latin
// letters or digits stays one space.
func groupName(s string) string {
	s = strings.TrimSpace(s)
	if !strings.ContainsAny(s, " \t\n\r\u3000\u00a0") {
		return s
	}
	var b strings.Builder
	fields := strings.Fields(strings.ReplaceAll(s, "\u3000", " "))
	for i, f := range fields {
		if i > 0 {
			last, _ := utf8.DecodeLastRuneInString(fields[i-1])
			first, _ := utf8.DecodeRuneInString(f)
			if last < utf8.RuneSelf && first < utf8.RuneSelf {
				b.WriteByte(' ')
			}
		}
		b.WriteString(f)
	}
	return b.String()
}

// cutGroupName reports a name that is the start of a 一级 or 二级 name and
// not the whole ("生态" of 生态效益指标, "可持续影响" of 可持续影响指标, "效益" of
// 效益指标): the last cell of a copy cut inside a merged group cell, not an
// indicator.
func cutGroupName(name string) bool {
	n := normLabel(name)
	if utf8.RuneCountInString(n) < 2 || level2Names[n] || level1Names[n] {
		return false
	}
	for _, names := range [...]map[string]bool{level1Names, level2Names} {
		for g := range names {
			if strings.HasPrefix(g, n) {
				return true
			}
		}
	}
	return false
}

// ellipsisOnly reports a cell row whose only text is an ellipsis ("……"):
// a row standing for rows a copy left out, which holds no figure.
func ellipsisOnly(cells []jixiao.Cell) bool {
	seen := false
	for _, c := range cells {
		t := strings.TrimSpace(c.Text)
		switch {
		case t == "" || emptyMark(t):
		case strings.Trim(t, "….。·") == "":
			seen = true
		default:
			return false
		}
	}
	return seen
}
