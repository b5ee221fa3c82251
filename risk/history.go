package risk

import (
	"cmp"
	"fmt"
	"slices"
	"unicode/utf8"

	"jixiao"
)

// History is one unit's evaluations year over year.
type History struct {
	Unit       string             `json:"unit"`
	Years      []int              `json:"years"` // ascending
	IDs        []string           `json:"ids"`   // the entry of each year
	Indicators []IndicatorHistory `json:"indicators"`
	Reused     []Reuse            `json:"reused"`  // text carried over verbatim from the year before
	Lowered    []Lowering         `json:"lowered"` // targets below the year before's actuals
}

// IndicatorHistory is one indicator (by normalised name) across the years.
type IndicatorHistory struct {
	Level1 string `json:"level1"`
	Name   string `json:"name"`
	Cells  []Cell `json:"cells"` // one per History.Years
}

// Cell is an indicator in one year, its figures as written.
type Cell struct {
	Present  bool   `json:"present"`
	Target   string `json:"target"`
	Actual   string `json:"actual"`
	Weight   string `json:"weight"`   // 分值 as stated
	Score    string `json:"score"`    // 得分 as stated
	Computed string `json:"computed"` // 得分 the rules give, when scored
}

// Reuse is a passage of a year's narrative that repeats a passage of the
// year before word for word and figure for figure (spacing and
// punctuation aside).
type Reuse struct {
	Year      int    `json:"year"`
	From      int    `json:"from"`       // the year before
	Field     string `json:"field"`      // where it is this year
	FromField string `json:"from_field"` // where it was the year before
	Text      string `json:"text"`
}

// minReuseRunes is the shortest normalised passage worth reporting as
// reused: "无", "已完成" repeat by nature.
const minReuseRunes = 12

// UnitHistory returns the evaluations of the unit named by key (UnitKey)
// across the years, one per year (the first by ID when a year has
// several). It fails when no entry belongs to the unit.
func UnitHistory(entries []Entry, key string) (History, error) {
	var idx []int
	for i := range entries {
		if entries[i].Eval != nil && UnitKey(entries[i].Eval) == key {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		return History{}, fmt.Errorf("risk: 没有单位“%s”的自评", key)
	}
	slices.SortFunc(idx, func(a, b int) int {
		if c := cmp.Compare(entries[a].Eval.Year, entries[b].Eval.Year); c != 0 {
			return c
		}
		return cmp.Compare(entries[a].ID, entries[b].ID)
	})
	idx = slices.CompactFunc(idx, func(a, b int) bool { return entries[a].Eval.Year == entries[b].Eval.Year })
	h := History{Unit: key}
	rows := map[string]int{}
	for y, i := range idx {
		e := &entries[i]
		h.Years = append(h.Years, e.Eval.Year)
		h.IDs = append(h.IDs, e.ID)
		for r, in := range e.Eval.Indicators {
			k := verbatim(in.Name)
			n, ok := rows[k]
			if !ok {
				n = len(h.Indicators)
				rows[k] = n
				h.Indicators = append(h.Indicators, IndicatorHistory{Level1: in.Level1, Name: in.Name, Cells: make([]Cell, len(idx))})
			}
			c := &h.Indicators[n].Cells[y]
			if c.Present {
				continue
			}
			*c = Cell{Present: true, Target: in.Target.Text(), Actual: in.Actual.Text(), Weight: in.Weight.Text, Score: in.Score.Text}
			if e.Result != nil && r < len(e.Result.Rows) {
				c.Computed = e.Result.Rows[r].Score.StringFixed(2)
			}
		}
		if y > 0 {
			p := entries[idx[y-1]].Eval
			h.Lowered = append(h.Lowered, Lowerings(e.Eval, p)...)
			h.Reused = append(h.Reused, reused(e.Eval, p)...)
		}
	}
	return h, nil
}

// reused lists cur's narrative passages that repeat one of prev's.
func reused(cur, prev *jixiao.Evaluation) []Reuse {
	was := map[string]string{}
	for _, f := range fields(prev) {
		if k := verbatim(f.text); utf8.RuneCountInString(k) >= minReuseRunes {
			if _, dup := was[k]; !dup {
				was[k] = f.label
			}
		}
	}
	var out []Reuse
	for _, f := range fields(cur) {
		if from, ok := was[verbatim(f.text)]; ok {
			out = append(out, Reuse{Year: cur.Year, From: prev.Year, Field: f.label, FromField: from, Text: f.text})
		}
	}
	return out
}

type field struct{ label, text string }

// fields are the narrative passages with their place, as Narrative lists them.
func fields(ev *jixiao.Evaluation) []field {
	out := []field{{"年度总体目标·预期目标", ev.Goal.Expected}, {"年度总体目标·实际完成情况", ev.Goal.Actual}}
	for _, in := range ev.Indicators {
		out = append(out, field{"偏差原因分析·" + in.Name, in.Deviation})
	}
	if r := ev.Report; r != nil {
		out = append(out, field{"报告·绩效情况", r.Performance}, field{"报告·结果应用和公开", r.Application}, field{"报告·其他说明", r.Other})
		for i, a := range r.Achievements {
			out = append(out, field{fmt.Sprintf("报告·主要成效 %d", i+1), a.Text})
		}
		for i, p := range r.Problems {
			out = append(out, field{fmt.Sprintf("报告·存在问题 %d", i+1), p.Text}, field{fmt.Sprintf("报告·原因分析 %d", i+1), p.Cause})
		}
		for i, m := range r.Measures {
			out = append(out, field{fmt.Sprintf("报告·改进措施 %d", i+1), m})
		}
	}
	return out
}
