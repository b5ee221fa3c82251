package publish

import (
	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/score"
)

// SchemaVersion is the version of the open-data schema
// (opendata.schema.json, docs/opendata.md). A field added is a minor
// change; a field removed or changed in meaning is a new major version.
const SchemaVersion = "1.1"

// Record is one published evaluation as open data. It holds what the
// public version of a self-evaluation shows: the table as stated and the
// figures the rules give, never internal fields (provenance, review
// opinions). Decimals are strings, so that no figure passes through a
// binary float; a figure the document does not state is null.
type Record struct {
	SchemaVersion string            `json:"schema_version"`
	ID            string            `json:"id"`
	Kind          string            `json:"kind"`
	Unit          string            `json:"unit"`
	Department    string            `json:"department,omitempty"`
	Year          int               `json:"year"`
	Project       string            `json:"project,omitempty"`
	ProjectCode   string            `json:"project_code,omitempty"`
	Rules         string            `json:"rules"`
	Budget        RecordBudget      `json:"budget"`
	Goal          RecordGoal        `json:"goal"`
	Indicators    []RecordIndicator `json:"indicators"`
	Stated        RecordStated      `json:"stated"`
	Computed      RecordComputed    `json:"computed"`
}

// RecordBudget is 年度资金总额 as stated, in 万元.
type RecordBudget struct {
	Initial  *string `json:"initial"`   // 年初预算数
	FullYear *string `json:"full_year"` // 全年预算数
	Executed *string `json:"executed"`  // 全年执行数
	Weight   *string `json:"weight"`    // 分值
	Rate     *string `json:"rate"`      // 执行率 as a fraction (0.6123 for 61.23%)
	Score    *string `json:"score"`     // 得分
}

// RecordGoal is 年度总体目标.
type RecordGoal struct {
	Expected string `json:"expected"`
	Actual   string `json:"actual"`
}

// RecordIndicator is one 三级 indicator.
type RecordIndicator struct {
	Level1        string  `json:"level1"`
	Level2        string  `json:"level2"`
	Name          string  `json:"name"`
	Target        string  `json:"target"`       // 年度指标值 as written
	Actual        string  `json:"actual"`       // 实际完成值 as written
	MeasureUnit   string  `json:"measure_unit"` // 度量单位 of a bare target or actual; "" when the table has no such column
	Type          string  `json:"type"`         // 定量, 定性 or ""
	Weight        *string `json:"weight"`
	Score         *string `json:"score"`          // as stated
	ComputedScore *string `json:"computed_score"` // as the rules give it
	Deviation     string  `json:"deviation"`
}

// RecordStated is the table's own total and grade.
type RecordStated struct {
	Total *string `json:"total"`
	Grade string  `json:"grade"`
}

// RecordComputed is what the rule set gives.
type RecordComputed struct {
	ExecutionRate  *string `json:"execution_rate"` // fraction, 4 decimals
	ExecutionScore *string `json:"execution_score"`
	Total          string  `json:"total"`
	Grade          string  `json:"grade"`
	Complete       bool    `json:"complete"` // every part was recomputed
}

func figure(f jixiao.Figure) *string {
	if !f.Valid {
		return nil
	}
	s := f.Value.String()
	if f.Percent {
		s = f.Value.Shift(-2).String()
	}
	return &s
}

func dec(d decimal.Decimal, places int32) *string {
	s := d.StringFixed(places)
	return &s
}

// NewRecord builds the open-data record of a scored evaluation.
func NewRecord(id string, ev *jixiao.Evaluation, res *score.Result) Record {
	b := &ev.Budget
	r := Record{
		SchemaVersion: SchemaVersion, ID: id, Kind: string(ev.Kind), Unit: ev.Unit, Department: ev.Department,
		Year: ev.Year, Project: ev.Project, ProjectCode: ev.ProjectCode, Rules: res.Rules,
		Budget: RecordBudget{Initial: figure(b.Initial), FullYear: figure(b.FullYear), Executed: figure(b.Executed),
			Weight: figure(b.Weight), Rate: figure(b.Rate), Score: figure(b.Score)},
		Goal:       RecordGoal{Expected: ev.Goal.Expected, Actual: ev.Goal.Actual},
		Indicators: []RecordIndicator{},
		Stated:     RecordStated{Total: figure(ev.StatedTotal), Grade: ev.StatedGrade},
		Computed:   RecordComputed{Total: res.Total.StringFixed(2), Grade: res.Grade, Complete: res.Complete},
	}
	if e := &res.Execution; e.RateKnown {
		r.Computed.ExecutionRate = dec(e.Rate.Round(4), 4)
	}
	if e := &res.Execution; e.ScoreKnown {
		r.Computed.ExecutionScore = dec(e.Score, 2)
	}
	for i, in := range ev.Indicators {
		ri := RecordIndicator{Level1: in.Level1, Level2: in.Level2, Name: in.Name, Target: in.Target.Raw, Actual: in.Actual.Raw, MeasureUnit: in.Unit,
			Type: string(in.EffectiveType()), Weight: figure(in.Weight), Score: figure(in.Score), Deviation: in.Deviation}
		if i < len(res.Rows) && res.Rows[i].Computed {
			ri.ComputedScore = dec(res.Rows[i].Score, 2)
		}
		r.Indicators = append(r.Indicators, ri)
	}
	return r
}
