package extract

import (
	"strings"
	"unicode/utf8"
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
