package web

import (
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// The editor's lists (a breakdown's rows, the report's amounts, its
// paragraphs…): each row's fields are named "<prefix>.<row>.<field>" and
// every list sends a "<prefix>.rows" marker, so that the form alone says
// which rows there are; a list the form does not hold stays as stored, and
// one whose rows were all removed is told from it by the marker.

// formRows returns the row numbers the form holds under prefix, in order,
// and whether it holds the list as a whole (its marker).
func formRows(form url.Values, prefix string) ([]int, bool) {
	_, present := form[prefix+".rows"]
	seen := map[int]bool{}
	for k := range form {
		rest, ok := strings.CutPrefix(k, prefix+".")
		if !ok {
			continue
		}
		n, _, _ := strings.Cut(rest, ".")
		if i, err := strconv.Atoi(n); err == nil && i >= 0 && i < 10000 && strconv.Itoa(i) == n {
			seen[i] = true
		}
	}
	out := make([]int, 0, len(seen))
	for i := range seen {
		out = append(out, i)
	}
	sort.Ints(out)
	return out, present
}

// rowList is one list of the form over the slice it edits.
type rowList struct {
	Prefix string // "rd.income", "s.1"
	Title  string // what the list holds, for its caption and buttons
	Noun   string // what a row is called (行, 段, 项)

	rows   func() int
	fields func(i int) []reportAccessor
	sub    func(i int) []rowList
	resize func(keep []int)
	insert func(at int)
	remove func(at int)
	swap   func(to, from int) // row from to to's place, and to's row to from's
	blank  func(i int) bool
}

// listOf makes the rowList of *p: fields gives row i's fields under the
// row's prefix ("rd.income.3."), blank tells a row left empty (dropped on
// save), sub the lists inside a row (nil for none).
func listOf[T any](prefix, title, noun string, p *[]T, fields func(pre string, x *T) []reportAccessor,
	blank func(x *T) bool, sub func(pre string, x *T) []rowList) rowList {
	return rowList{Prefix: prefix, Title: title, Noun: noun,
		rows:   func() int { return len(*p) },
		fields: func(i int) []reportAccessor { return fields(fmt.Sprintf("%s.%d.", prefix, i), &(*p)[i]) },
		sub: func(i int) []rowList {
			if sub == nil {
				return nil
			}
			return sub(fmt.Sprintf("%s.%d", prefix, i), &(*p)[i])
		},
		resize: func(keep []int) {
			out := []T{}
			if len(keep) > 0 {
				out = make([]T, keep[len(keep)-1]+1)
			}
			for _, n := range keep {
				if n < len(*p) {
					out[n] = (*p)[n]
				}
			}
			*p = out
		},
		insert: func(at int) { var x T; *p = slices.Insert(*p, min(max(at, 0), len(*p)), x) },
		remove: func(at int) {
			if at >= 0 && at < len(*p) {
				*p = slices.Delete(*p, at, at+1)
			}
		},
		swap:  func(to, from int) { (*p)[to], (*p)[from] = (*p)[from], (*p)[to] },
		blank: func(i int) bool { return blank(&(*p)[i]) },
	}
}

// readList writes the form's rows of l over its slice: when the form holds
// the list as a whole, the rows it holds, each with its fields and inner
// lists, blank rows dropped; otherwise the fields it holds of the rows
// there are, the rows staying as they are (a client posting a few fields).
// keepBlank keeps blank rows, for a row button that names a row by its
// place among them.
func readList(l rowList, form url.Values, keepBlank bool) {
	keep, whole := formRows(form, l.Prefix)
	if whole {
		l.resize(keep)
	}
	for i := 0; i < l.rows(); i++ {
		readFields(l.fields(i), form)
		for _, s := range l.sub(i) {
			readList(s, form, keepBlank)
		}
	}
	for i := l.rows() - 1; i >= 0 && whole && !keepBlank; i-- {
		if l.blank(i) {
			l.remove(i)
		}
	}
}

// readFields writes the form's value of each field it holds.
func readFields(acc []reportAccessor, form url.Values) {
	for _, a := range acc {
		if v, ok := form[a.name]; ok && len(v) > 0 {
			val := strings.ReplaceAll(v[0], "\r\n", "\n")
			if a.kind != "area" {
				val = strings.TrimSpace(val)
			}
			if val != a.get() {
				a.set(val)
			}
		}
	}
}

// listOp is a row button of the editor's form: "add:<prefix>:<at>" puts a
// blank row at at, "del:<prefix>:<at>" removes row at, "up:<prefix>:<at>"
// and "down:<prefix>:<at>" move row at one place; "addh:r.text:<at>" adds
// a heading to the report's text.
type listOp struct {
	verb   string // add, addh, del, up, down
	prefix string
	at     int
}

var listVerbs = []string{"add", "addh", "del", "up", "down"}

func parseListOp(s string) (listOp, bool) {
	verb, rest, ok := strings.Cut(s, ":")
	prefix, at, ok2 := strings.Cut(rest, ":")
	n, err := strconv.Atoi(at)
	if !ok || !ok2 || err != nil || n < 0 || !slices.Contains(listVerbs, verb) {
		return listOp{}, false
	}
	return listOp{verb: verb, prefix: prefix, at: n}, true
}

// findList finds the list with prefix among lists and the lists inside
// their rows.
func findList(lists []rowList, prefix string) (rowList, bool) {
	for _, l := range lists {
		if l.Prefix == prefix {
			return l, true
		}
		for i := 0; i < l.rows(); i++ {
			if s, ok := findList(l.sub(i), prefix); ok {
				return s, true
			}
		}
	}
	return rowList{}, false
}
