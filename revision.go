package jixiao

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"time"
)

// Revision is one saved state of an evaluation: who saved it, when, what
// changed from the revision before, the content as saved, and the score
// and findings the engines gave it then. Revisions are never changed.
type Revision struct {
	ID           int64
	EvaluationID int64
	Number       int // 1 for the first save, then 2, 3 …
	Version      int // the evaluation's version after the save
	UserID       int64
	UserName     string
	Note         string
	Changes      []Change // against the revision before; empty for the first
	Content      *Evaluation
	Provenance   map[string]Position
	Score        ScoreRecord
	Findings     []Finding
	CreatedAt    time.Time
}

// Change is one field that differs between two states of an evaluation.
// Path names the field the way provenance and comments do
// ("budget.全年执行数", "indicators[2].得分").
type Change struct {
	Path string
	Old  string // "" when the field was added
	New  string // "" when the field was removed
}

// String writes the change as a reviewer reads it.
func (c Change) String() string {
	return fmt.Sprintf("%s：%q → %q", c.Path, c.Old, c.New)
}

// RevisionFilter selects revisions of one evaluation.
type RevisionFilter struct {
	EvaluationID int64
	WithContent  bool // load each revision's content and findings too

	Offset int
	Limit  int
}

// RevisionService reads an evaluation's history. Anyone who may view the
// evaluation may read its revisions.
type RevisionService interface {
	// FindRevision returns revision number n of an evaluation, with content.
	FindRevision(ctx context.Context, evaluationID int64, n int) (*Revision, error)
	// FindRevisions returns the revisions newest first, and how many there are.
	FindRevisions(ctx context.Context, filter RevisionFilter) ([]*Revision, int, error)
}

// DiffEvaluations lists the fields that differ between a and b, in table
// order: header, budget, splits, goal, indicators, total, then the report.
// A nil evaluation counts as empty.
func DiffEvaluations(a, b *Evaluation) []Change {
	if a == nil {
		a = &Evaluation{}
	}
	if b == nil {
		b = &Evaluation{}
	}
	d := &differ{}
	d.str("类型", string(a.Kind), string(b.Kind))
	d.str("单位", a.Unit, b.Unit)
	d.str("主管部门", a.Department, b.Department)
	d.str("年度", yearText(a.Year), yearText(b.Year))
	d.str("项目名称", a.Project, b.Project)
	d.str("项目编码", a.ProjectCode, b.ProjectCode)
	d.str("规则集", a.Rules, b.Rules)
	d.budget(&a.Budget, &b.Budget)
	d.str("goal.expected", a.Goal.Expected, b.Goal.Expected)
	d.str("goal.actual", a.Goal.Actual, b.Goal.Actual)
	for i := 0; i < max(len(a.Indicators), len(b.Indicators)); i++ {
		var x, y Indicator
		if i < len(a.Indicators) {
			x = a.Indicators[i]
		}
		if i < len(b.Indicators) {
			y = b.Indicators[i]
		}
		d.indicator(fmt.Sprintf("indicators[%d]", i), &x, &y)
	}
	d.str("总分", a.StatedTotal.Text, b.StatedTotal.Text)
	d.str("等级", a.StatedGrade, b.StatedGrade)
	d.walk("report", reflect.ValueOf(withoutText(a.Report)), reflect.ValueOf(withoutText(b.Report)))
	d.reportText(a.Report, b.Report)
	return d.out
}

// withoutText is r without its edited paragraphs, which reportText
// compares by the block they replace rather than by their place in the list.
func withoutText(r *Report) *Report {
	if r == nil || r.Text == nil {
		return r
	}
	c := *r
	c.Text = nil
	return &c
}

// reportText lists the report's paragraphs edited differently in a and b,
// as "report.text[第 N 块]", in block order; a paragraph not edited on one
// side reads as the source's text.
func (d *differ) reportText(a, b *Report) {
	const source = "（源文件原文）"
	texts := func(r *Report) map[int]string {
		m := map[int]string{}
		if r != nil {
			for _, t := range r.Text {
				m[t.Block] = t.Text
			}
		}
		return m
	}
	x, y := texts(a), texts(b)
	var blocks []int
	for k := range x {
		blocks = append(blocks, k)
	}
	for k := range y {
		if _, ok := x[k]; !ok {
			blocks = append(blocks, k)
		}
	}
	slices.Sort(blocks)
	for _, k := range blocks {
		old, ok := x[k]
		if !ok {
			old = source
		}
		nu, ok := y[k]
		if !ok {
			nu = source
		}
		d.str(fmt.Sprintf("report.text[第 %d 块]", k+1), old, nu)
	}
}

type differ struct{ out []Change }

func (d *differ) str(path, a, b string) {
	if a != b {
		d.out = append(d.out, Change{Path: path, Old: a, New: b})
	}
}

func yearText(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

func (d *differ) budget(a, b *Budget) {
	d.str("budget.年度预算申请", a.Request.Text, b.Request.Text)
	d.str("budget.年初预算数", a.Initial.Text, b.Initial.Text)
	d.str("budget.全年预算数", a.FullYear.Text, b.FullYear.Text)
	d.str("budget.全年执行数", a.Executed.Text, b.Executed.Text)
	d.str("budget.分值", a.Weight.Text, b.Weight.Text)
	d.str("budget.执行率", a.Rate.Text, b.Rate.Text)
	d.str("budget.得分", a.Score.Text, b.Score.Text)
	for si := 0; si < max(len(a.Splits), len(b.Splits)); si++ {
		var x, y BudgetSplit
		if si < len(a.Splits) {
			x = a.Splits[si]
		}
		if si < len(b.Splits) {
			y = b.Splits[si]
		}
		p := fmt.Sprintf("budget.splits[%d]", si)
		d.str(p+".name", x.Name, y.Name)
		for ri := 0; ri < max(len(x.Rows), len(y.Rows)); ri++ {
			var r, s BudgetRow
			if ri < len(x.Rows) {
				r = x.Rows[ri]
			}
			if ri < len(y.Rows) {
				s = y.Rows[ri]
			}
			rp := fmt.Sprintf("%s.rows[%d]", p, ri)
			d.str(rp+".name", r.Name, s.Name)
			d.str(rp+".年初预算数", r.Initial.Text, s.Initial.Text)
			d.str(rp+".全年预算数", r.FullYear.Text, s.FullYear.Text)
			d.str(rp+".全年执行数", r.Executed.Text, s.Executed.Text)
			d.str(rp+".执行率", r.Rate.Text, s.Rate.Text)
		}
	}
}

func (d *differ) indicator(p string, a, b *Indicator) {
	d.str(p+".一级指标", a.Level1, b.Level1)
	d.str(p+".二级指标", a.Level2, b.Level2)
	d.str(p+".三级指标", a.Name, b.Name)
	d.str(p+".年度指标值", a.Target.Raw, b.Target.Raw)
	d.str(p+".实际完成值", a.Actual.Raw, b.Actual.Raw)
	d.str(p+".度量单位", a.Unit, b.Unit)
	d.str(p+".评分标准", a.Standard, b.Standard)
	d.str(p+".指标值类型", string(a.Type), string(b.Type))
	d.str(p+".分值", a.Weight.Text, b.Weight.Text)
	d.str(p+".得分", a.Score.Text, b.Score.Text)
	d.str(p+".偏差原因", a.Deviation, b.Deviation)
}

var (
	figureType = reflect.TypeOf(Figure{})
	valueType  = reflect.TypeOf(Value{})
)

// walk compares the report's exported fields generically: the report has
// many small parts and no column labels of its own. Figures and values
// compare by their stated text, the thing a user edits.
func (d *differ) walk(path string, a, b reflect.Value) {
	if a.Kind() == reflect.Pointer || b.Kind() == reflect.Pointer {
		if a.IsNil() && b.IsNil() {
			return
		}
		t := a.Type()
		if a.IsNil() {
			a = reflect.New(t.Elem())
		}
		if b.IsNil() {
			b = reflect.New(t.Elem())
		}
		a, b = a.Elem(), b.Elem()
	}
	switch {
	case a.Type() == figureType:
		d.str(path, a.Interface().(Figure).Text, b.Interface().(Figure).Text)
	case a.Type() == valueType:
		d.str(path, a.Interface().(Value).Raw, b.Interface().(Value).Raw)
	case a.Kind() == reflect.Struct:
		t := a.Type()
		for i := 0; i < t.NumField(); i++ {
			if f := t.Field(i); f.IsExported() {
				d.walk(path+"."+lowerFirst(f.Name), a.Field(i), b.Field(i))
			}
		}
	case a.Kind() == reflect.Slice:
		zero := reflect.Zero(a.Type().Elem())
		for i := 0; i < max(a.Len(), b.Len()); i++ {
			x, y := zero, zero
			if i < a.Len() {
				x = a.Index(i)
			}
			if i < b.Len() {
				y = b.Index(i)
			}
			d.walk(fmt.Sprintf("%s[%d]", path, i), x, y)
		}
	default:
		d.str(path, fmt.Sprint(a.Interface()), fmt.Sprint(b.Interface()))
	}
}

func lowerFirst(s string) string {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return s
	}
	return string(s[0]+'a'-'A') + s[1:]
}
