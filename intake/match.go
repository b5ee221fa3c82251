package intake

import (
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"jixiao"
	"jixiao/internal/cjk"
)

// Matcher finds the unit a submission is from among the units under the
// intake's organisation: by the name the table gives (单位名称), compared
// with spaces, punctuation and full-width forms folded away; failing that,
// by a unit's name or code in the file's name. A name that fits two units
// equally is no match: a person must choose.
type Matcher struct {
	units  []*jixiao.Organisation
	norms  []string
	byName map[string][]int
}

// NewMatcher returns a matcher over units.
func NewMatcher(units []*jixiao.Organisation) *Matcher {
	m := &Matcher{units: units, norms: make([]string, len(units)), byName: map[string][]int{}}
	for i, u := range units {
		m.norms[i] = normName(u.Name)
		m.byName[m.norms[i]] = append(m.byName[m.norms[i]], i)
	}
	return m
}

// normName folds a name for comparison: full-width forms to ASCII, lower
// case, no spaces or punctuation (（本级） and (本级) compare equal).
func normName(s string) string {
	s = cjk.Fold(s)
	var b strings.Builder
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Unit returns the unit that docName (the table's 单位名称) or, failing
// that, the file's name names; why says what went wrong when there is none.
func (m *Matcher) Unit(docName, fileName string) (unit *jixiao.Organisation, why string) {
	n := normName(docName)
	if n != "" {
		if u, ok := m.unique(m.byName[n]); ok {
			return u, ""
		}
		if u, ok := m.unique(m.containedIn(n)); ok {
			return u, ""
		}
		if u, ok := m.unique(m.containing(n)); ok {
			return u, ""
		}
	}
	base := strings.TrimSuffix(path.Base(fileName), path.Ext(fileName))
	if u, ok := m.unique(m.containedIn(normName(base))); ok {
		return u, ""
	}
	if u, ok := m.byCode(base); ok {
		return u, ""
	}
	if docName == "" {
		return nil, "表中没有单位名称，文件名也不含单位名称或编码"
	}
	return nil, fmt.Sprintf("单位“%s”与单位名录中的单位对不上（或对上不止一个）", docName)
}

// unique returns the one unit the indices name.
func (m *Matcher) unique(idx []int) (*jixiao.Organisation, bool) {
	if len(idx) != 1 {
		return nil, false
	}
	return m.units[idx[0]], true
}

// containedIn returns the units whose name is in n, the longest only: a
// table of 司法局机关 names 司法局机关, not 司法局 too.
func (m *Matcher) containedIn(n string) []int {
	var out []int
	best := 0
	for i, un := range m.norms {
		if un == "" || len(un) < best || !strings.Contains(n, un) {
			continue
		}
		if len(un) > best {
			out, best = out[:0], len(un)
		}
		out = append(out, i)
	}
	return out
}

// containing returns the units whose name holds n, for a table that gives
// the name without its county (公证处 for 延丰县公证处).
func (m *Matcher) containing(n string) []int {
	var out []int
	for i, un := range m.norms {
		if strings.Contains(un, n) {
			out = append(out, i)
		}
	}
	return out
}

// byCode finds the one unit whose code stands alone in the file name
// (101001_公证处.docx).
func (m *Matcher) byCode(base string) (*jixiao.Organisation, bool) {
	var found *jixiao.Organisation
	for _, tok := range strings.FieldsFunc(base, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) || r > unicode.MaxASCII }) {
		for _, u := range m.units {
			if u.Code != "" && u.Code == tok {
				if found != nil && found != u {
					return nil, false
				}
				found = u
			}
		}
	}
	return found, found != nil
}

var yearInName = regexp.MustCompile(`20[0-9]{2}`)

// Year returns the year of a table: the one it states, else the one year
// its file name holds, else fallback (the intake's); 0 when none.
func Year(stated int, fileName string, fallback int) int {
	if stated >= 2000 && stated <= 2100 {
		return stated
	}
	name := cjk.Fold(fileName)
	year := 0
	for _, loc := range yearInName.FindAllStringIndex(name, -1) {
		if loc[0] > 0 && isDigit(name[loc[0]-1]) || loc[1] < len(name) && isDigit(name[loc[1]]) {
			continue // part of a longer number
		}
		y, _ := strconv.Atoi(name[loc[0]:loc[1]])
		if year != 0 && y != year {
			year = 0
			break
		}
		year = y
	}
	if year != 0 {
		return year
	}
	return fallback
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
