package gen

import (
	"encoding/json"
	"io"

	"jixiao/score"
)

// Truth is what a generated file should read back as: its key figures as
// written, what the rules give, and the errors put in on purpose. It is
// written beside each file as NAME.truth.json.
type Truth struct {
	Name        string `json:"name"`
	Seed        int64  `json:"seed"`
	Index       int    `json:"index"`
	Kind        string `json:"kind"`
	Unit        string `json:"unit"`
	Department  string `json:"department,omitempty"`
	Project     string `json:"project,omitempty"`
	ProjectCode string `json:"project_code,omitempty"`
	Year        int    `json:"year"`
	Rules       string `json:"rules"` // check the file with --rules this

	Budget     TruthBudget      `json:"budget"`
	Indicators []TruthIndicator `json:"indicators"`
	WeightSum  string           `json:"weight_sum"` // Σ 分值 under the rules, execution included
	Total      string           `json:"total"`      // 总分 as written
	Computed   string           `json:"computed"`   // 总分 the rules give
	Grade      string           `json:"grade"`      // grade of Computed
	Clean      bool             `json:"clean"`      // no injected error
	Errors     []Injected       `json:"errors"`     // the injected errors
	Formats    []string         `json:"formats"`    // the files written
}

// TruthBudget is the budget block as written.
type TruthBudget struct {
	Request  string       `json:"request,omitempty"`
	Initial  string       `json:"initial"`
	FullYear string       `json:"full_year"`
	Executed string       `json:"executed"`
	Weight   string       `json:"weight"`
	Rate     string       `json:"rate"`
	Score    string       `json:"score"`
	Splits   []TruthSplit `json:"splits"`
}

// TruthSplit is one breakdown and its lines.
type TruthSplit struct {
	Name string          `json:"name"`
	Rows []TruthSplitRow `json:"rows"`
}

// TruthSplitRow is one line of a breakdown, as written.
type TruthSplitRow struct {
	Name     string `json:"name"`
	Initial  string `json:"initial,omitempty"`
	FullYear string `json:"full_year"`
	Executed string `json:"executed,omitempty"`
}

// TruthIndicator is one indicator row, as written.
type TruthIndicator struct {
	Level1 string `json:"level1"`
	Level2 string `json:"level2"`
	Name   string `json:"name"`
	Target string `json:"target"`
	Actual string `json:"actual"`
	Weight string `json:"weight"`
	Score  string `json:"score"`
}

func (g *generator) truth(name string, seed int64, i int) Truth {
	ev, b := g.ev, &g.ev.Budget
	res := score.Score(ev, g.rs)
	t := Truth{
		Name: name, Seed: seed, Index: i, Kind: string(ev.Kind), Unit: ev.Unit, Department: ev.Department,
		Project: ev.Project, ProjectCode: ev.ProjectCode, Year: ev.Year, Rules: g.rs.Name,
		Budget: TruthBudget{Request: b.Request.Text, Initial: b.Initial.Text, FullYear: b.FullYear.Text, Executed: b.Executed.Text,
			Weight: b.Weight.Text, Rate: b.Rate.Text, Score: b.Score.Text},
		WeightSum: res.WeightSum.String(), Total: ev.StatedTotal.Text,
		Computed: res.Total.StringFixed(2), Grade: res.Grade, Clean: len(g.errs) == 0, Errors: g.errs,
	}
	if t.Errors == nil {
		t.Errors = []Injected{}
	}
	for _, s := range b.Splits {
		ts := TruthSplit{Name: s.Name}
		for _, r := range s.Rows {
			ts.Rows = append(ts.Rows, TruthSplitRow{r.Name, r.Initial.Text, r.FullYear.Text, r.Executed.Text})
		}
		t.Budget.Splits = append(t.Budget.Splits, ts)
	}
	for _, in := range ev.Indicators {
		t.Indicators = append(t.Indicators, TruthIndicator{in.Level1, in.Level2, in.Name, in.Target.Raw, in.Actual.Raw, in.Weight.Text, in.Score.Text})
	}
	return t
}

// Codes returns the codes of the injected errors.
func (t *Truth) Codes() []string {
	out := make([]string, len(t.Errors))
	for i, e := range t.Errors {
		out[i] = e.Code
	}
	return out
}

// WriteJSON writes the truth, indented.
func (t *Truth) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(t)
}

// ReadTruth reads a NAME.truth.json.
func ReadTruth(r io.Reader) (*Truth, error) {
	var t Truth
	if err := json.NewDecoder(r).Decode(&t); err != nil {
		return nil, err
	}
	return &t, nil
}
