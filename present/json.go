package present

import (
	"bytes"
	"encoding/json"
	"io"

	"jixiao"
	"jixiao/pipeline"
)

// The JSON shapes below are the stable output documented in docs/cli.md.
// Numbers are strings carrying their exact decimals; a figure a document
// does not state is null.

// ScoreJSON is the JSON of `jixiao score`.
type ScoreJSON struct {
	Path        string        `json:"path"`
	Kind        string        `json:"kind"`
	Unit        string        `json:"unit"`
	Year        int           `json:"year,omitempty"`
	Rules       string        `json:"rules"`
	Execution   ExecutionJSON `json:"execution"`
	Rows        []RowJSON     `json:"rows"`
	Groups      []GroupJSON   `json:"groups"`
	WeightSum   string        `json:"weight_sum"`
	Total       string        `json:"computed_total"`
	StatedTotal *string       `json:"stated_total"`
	Grade       string        `json:"grade"`
	StatedGrade *string       `json:"stated_grade"`
	Complete    bool          `json:"complete"`
	Notes       []string      `json:"notes,omitempty"`
}

// ExecutionJSON is the budget execution item.
type ExecutionJSON struct {
	Weight      string    `json:"weight"`
	Denominator string    `json:"denominator"`
	A           *string   `json:"a"`
	B           *string   `json:"b"`
	Rate        *string   `json:"rate"` // fraction, rate_places decimals
	RateFrom    string    `json:"rate_from,omitempty"`
	Score       *string   `json:"score"`
	StatedRate  *string   `json:"stated_rate"`
	StatedScore *string   `json:"stated_score"`
	Trace       TraceJSON `json:"trace"`
}

// TraceJSON explains a figure.
type TraceJSON struct {
	Formula string `json:"formula,omitempty"`
	Rule    string `json:"rule,omitempty"`
	Note    string `json:"note,omitempty"`
}

// RowJSON is one indicator.
type RowJSON struct {
	Index  int       `json:"index"`
	Level1 string    `json:"level1"`
	Level2 string    `json:"level2"`
	Name   string    `json:"name"`
	Target string    `json:"target"`
	Actual string    `json:"actual"`
	Unit   string    `json:"unit,omitempty"` // 度量单位: target and actual are as printed, a bare number in this unit
	Method string    `json:"method"`
	Weight string    `json:"weight"`
	Stated *string   `json:"stated_score"`
	Score  *string   `json:"computed_score"`
	Met    *bool     `json:"met"`
	Tier   string    `json:"tier,omitempty"`
	Trace  TraceJSON `json:"trace"`
}

// GroupJSON is a subtotal.
type GroupJSON struct {
	Level1 string `json:"level1"`
	Level2 string `json:"level2,omitempty"`
	Weight string `json:"weight"`
	Stated string `json:"stated_score"`
	Score  string `json:"computed_score"`
}

func fig(f jixiao.Figure) *string {
	if !f.Stated() {
		return nil
	}
	return &f.Text
}

func strp(s string) *string { return &s }

// NewScoreJSON builds the JSON form of a scored document.
func NewScoreJSON(d *pipeline.Result) ScoreJSON {
	ev, res, ro := d.Eval, d.Score, d.Rules.Rounding
	e := &res.Execution
	out := ScoreJSON{
		Path: d.Name, Kind: string(ev.Kind), Unit: ev.Unit, Year: ev.Year, Rules: res.Rules,
		Execution: ExecutionJSON{
			Weight: e.Weight.String(), Denominator: e.Denominator, A: fig(e.A), B: fig(e.B), RateFrom: e.RateFrom,
			StatedRate: fig(e.StatedRate), StatedScore: fig(e.StatedScore), Trace: TraceJSON(e.Trace),
		},
		WeightSum: res.WeightSum.String(), Total: res.Total.StringFixed(ro.ScorePlaces), StatedTotal: fig(res.StatedTotal),
		Grade: res.Grade, Complete: res.Complete, Notes: d.Notes, Rows: []RowJSON{}, Groups: []GroupJSON{},
	}
	if res.StatedGrade != "" {
		out.StatedGrade = &res.StatedGrade
	}
	if e.RateKnown {
		out.Execution.Rate = strp(ro.Rate(e.Rate).StringFixed(ro.RatePlaces))
	}
	if e.ScoreKnown {
		out.Execution.Score = strp(e.Score.StringFixed(ro.ScorePlaces))
	}
	for i := range res.Rows {
		r := &res.Rows[i]
		in := &ev.Indicators[r.Index]
		row := RowJSON{
			Index: r.Index + 1, Level1: in.Level1, Level2: in.Level2, Name: in.Name, Target: in.Target.Raw, Actual: in.Actual.Raw, Unit: in.Unit,
			Method: r.Method.String(), Weight: r.Weight.String(), Stated: fig(in.Score), Met: r.Met, Tier: r.Tier, Trace: TraceJSON(r.Trace),
		}
		if r.Computed {
			row.Score = strp(r.Score.StringFixed(ro.ScorePlaces))
		}
		out.Rows = append(out.Rows, row)
	}
	for _, g := range res.Groups {
		out.Groups = append(out.Groups, GroupJSON{Level1: g.Level1, Level2: g.Level2, Weight: g.Weight.String(),
			Stated: g.Stated.StringFixed(ro.ScorePlaces), Score: ro.Score(g.Score).StringFixed(ro.ScorePlaces)})
	}
	return out
}

// CheckJSON is one document in the output of `jixiao check`.
type CheckJSON struct {
	Path     string        `json:"path"`
	Kind     string        `json:"kind"`
	Unit     string        `json:"unit"`
	Year     int           `json:"year,omitempty"`
	Rules    string        `json:"rules,omitempty"`
	Score    *ScoreSummary `json:"score"`
	Counts   CountsJSON    `json:"counts"`
	Findings []FindingJSON `json:"findings"`
	Notes    []string      `json:"notes,omitempty"`
	Error    string        `json:"error,omitempty"`
	// Tables are the document's other 自评表, after this first one, each
	// in the same form; absent for a document of one table.
	Tables []CheckJSON `json:"tables,omitempty"`
}

// ScoreSummary is the score part of a checked document.
type ScoreSummary struct {
	StatedTotal   *string `json:"stated_total"`
	ComputedTotal string  `json:"computed_total"`
	Grade         string  `json:"grade"`
	ExecutionRate *string `json:"execution_rate"`
}

// CountsJSON counts findings per severity.
type CountsJSON struct {
	Error   int `json:"error"`
	Warning int `json:"warning"`
	Info    int `json:"info"`
}

// FindingJSON is one finding.
type FindingJSON struct {
	Code     string       `json:"code"`
	Severity string       `json:"severity"`
	Message  string       `json:"message"`
	Stated   string       `json:"stated"`
	Expected string       `json:"expected"`
	Evidence string       `json:"evidence"`
	Location LocationJSON `json:"location"`
}

// LocationJSON is where a finding is.
type LocationJSON struct {
	Block  string           `json:"block"`
	Row    int              `json:"row,omitempty"`
	Item   string           `json:"item,omitempty"`
	Column string           `json:"column,omitempty"`
	Source *jixiao.Position `json:"source,omitempty"`
}

// NewCheckJSON builds the JSON form of a checked document.
func NewCheckJSON(d *pipeline.Result) CheckJSON {
	out := CheckJSON{Path: d.Name, Notes: d.Notes, Findings: []FindingJSON{}}
	if d.Err != nil {
		out.Error = d.Err.Error()
		return out
	}
	out.Kind, out.Unit, out.Year = string(d.Eval.Kind), d.Eval.Unit, d.Eval.Year
	if d.Score != nil {
		ro := d.Rules.Rounding
		out.Rules = d.Score.Rules
		out.Score = &ScoreSummary{StatedTotal: fig(d.Eval.StatedTotal), ComputedTotal: d.Score.Total.StringFixed(ro.ScorePlaces), Grade: d.Score.Grade}
		if e := d.Score.Execution; e.RateKnown {
			out.Score.ExecutionRate = strp(ro.Rate(e.Rate).StringFixed(ro.RatePlaces))
		}
	}
	out.Counts.Error, out.Counts.Warning, out.Counts.Info = d.TableCounts()
	for _, f := range d.Findings {
		fj := FindingJSON{Code: f.Code, Severity: string(f.Severity), Message: f.Message, Stated: f.Stated, Expected: f.Expected,
			Evidence: f.Evidence, Location: LocationJSON{Block: f.Location.Block, Row: f.Location.Row, Item: f.Location.Item, Column: f.Location.Column}}
		if p := sourceOf(d, f); !p.IsZero() {
			fj.Location.Source = &p
		}
		out.Findings = append(out.Findings, fj)
	}
	for _, t := range d.Tables {
		out.Tables = append(out.Tables, NewCheckJSON(t))
	}
	return out
}

// WriteJSON writes v indented, with Chinese left unescaped.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// WriteJSONLine writes v on one line (JSON Lines).
func WriteJSONLine(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// WriteJSONItem writes v as one indented element of a JSON array.
func WriteJSONItem(w io.Writer, v any) error {
	var buf bytes.Buffer
	buf.WriteString("  ")
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("  ", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(bytes.TrimRight(buf.Bytes(), "\n"))
	return err
}
