package intake

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"jixiao"
	"jixiao/importer"
	"jixiao/pipeline"
)

// Process imports one item: reads the file through pipeline.Read, every
// table of it (the store scores and audits each under its task's rule
// set), and finds the unit and year each is
// to be stored under (the ones a person assigned, else matched). It never
// fails: what goes wrong is the outcome, in Chinese.
func Process(ctx context.Context, w *jixiao.IntakeWork, m *Matcher) *jixiao.IntakeOutcome {
	it := w.Item
	res := pipeline.Read(ctx, pipeline.Source{Name: it.Name, Data: bytes.NewReader(w.Content), Size: int64(len(w.Content))},
		pipeline.Options{Limits: importer.DefaultLimits()})
	if res.Err != nil {
		return &jixiao.IntakeOutcome{State: jixiao.ItemFailed, Error: strings.TrimPrefix(res.Err.Error(), it.Name+": ")}
	}
	tables := append([]*pipeline.Result{res}, res.Tables...)
	first := res.Eval
	if first == nil || first.Kind == "" && len(first.Indicators) == 0 && !first.Budget.FullYear.Stated() && !first.StatedTotal.Stated() {
		return &jixiao.IntakeOutcome{State: jixiao.ItemFailed, Error: "文件中没有找到自评表（年度资金总额、绩效指标、总分等栏目）"}
	}
	out := &jixiao.IntakeOutcome{State: jixiao.ItemImported, UnitName: first.Unit, Doc: res.Doc}
	unitID := it.UnitID
	if unitID == 0 {
		u, why := m.Unit(first.Unit, it.Name)
		if u == nil {
			out.State, out.Error = jixiao.ItemUnmatched, why
		} else {
			unitID = u.ID
		}
	}
	fallback := w.Intake.Year
	if it.Year != 0 {
		fallback = it.Year
	}
	for _, t := range tables {
		if t.Err != nil || t.Eval == nil {
			continue
		}
		year := Year(t.Eval.Year, it.Name, fallback)
		if it.Year != 0 && t.Eval.Year == 0 {
			year = it.Year
		}
		if year == 0 && out.State == jixiao.ItemImported {
			out.State, out.Error = jixiao.ItemUnmatched, "表中没有年度，文件名中也没有"
		}
		if out.Year == 0 {
			out.Year = year
		}
		out.Tables = append(out.Tables, jixiao.IntakeTable{Eval: t.Eval, UnitID: unitID, Year: year})
	}
	if out.State != jixiao.ItemImported {
		out.Tables = nil
	} else if n := len(tables) - len(out.Tables); n > 0 {
		out.Error = fmt.Sprintf("另有 %d 张表无法读取，未导入", n)
	}
	return out
}
