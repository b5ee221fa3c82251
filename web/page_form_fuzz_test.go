package web

import (
	"net/url"
	"testing"

	"jixiao"
)

// FuzzEvaluationFromForm feeds the editor's form parser what a browser
// (or anyone) may post: it never panics, and a row it keeps came from the
// form.
func FuzzEvaluationFromForm(f *testing.F) {
	f.Add("i.0.name=完成率&i.0.order=1&b.executed=674.85&year=2024")
	f.Add("i.99999999999999999999.name=x&i.-1.name=y&i..name=z&i.3.order=NaN&i.2.order=-Inf")
	f.Add("year=二〇二四&i.0.type=数量")
	f.Add("s.0.0.fullyear=1e999999&total=%ff%fe&i.1.remove=1&i.1.name=a")
	f.Add("s.rows=1&s.0.rows=1&s.0.3.name=x&s.1.name=新&s.1.0.initial=2&r.text.rows=1&r.text.0=a&r.text.0.ref=%7B%22b%22:-1%7D")
	f.Add("s.rows=1&s.0.name=&s.0.rows=1")
	base := &jixiao.Evaluation{Kind: jixiao.KindDepartment, Budget: jixiao.Budget{Splits: []jixiao.BudgetSplit{
		{Name: "按支出性质分", Rows: []jixiao.BudgetRow{{Name: "基本支出"}, {Name: "项目支出"}}}}}}
	f.Fuzz(func(t *testing.T, raw string) {
		form, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		ev, err := evaluationFromForm(base, form)
		if err != nil {
			if jixiao.ErrorCode(err) != jixiao.EInvalid {
				t.Fatalf("error %v is not the user's", err)
			}
			return
		}
		if len(ev.Indicators) > len(indicatorIndexes(form)) {
			t.Fatalf("%d rows from a form with %d", len(ev.Indicators), len(indicatorIndexes(form)))
		}
		// the breakdowns change shape only with the list's marker, and
		// then to no more rows than the form holds
		if _, whole := form["s.rows"]; !whole && len(ev.Budget.Splits) != 1 {
			t.Fatalf("a form without the breakdowns' marker changed them: %+v", ev.Budget.Splits)
		}
		if rows, whole := formRows(form, "s.0"); len(ev.Budget.Splits) > 0 && (whole && len(ev.Budget.Splits[0].Rows) > len(rows) ||
			!whole && len(ev.Budget.Splits[0].Rows) != 2) {
			t.Fatalf("breakdown rows %+v from a form with rows %v", ev.Budget.Splits[0].Rows, rows)
		}
	})
}

// FuzzIndicatorIndex reads comment paths: never a panic, and a path it
// accepts names that row.
func FuzzIndicatorIndex(f *testing.F) {
	for _, s := range []string{"indicators[3]", "indicators[3].得分", "indicators[]", "indicators[99999999999]", "budget.执行率"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, path string) {
		i, ok := indicatorIndex(path)
		if ok && (i < 0 || indicatorPath(i) != path[:len(indicatorPath(i))]) {
			t.Fatalf("%q read as row %d", path, i)
		}
	})
}
