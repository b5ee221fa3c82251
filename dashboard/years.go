package dashboard

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/notation"
	"jixiao/risk"
	"jixiao/score"
)

// Years is one unit's evaluations of one kind (and project) year over
// year: a summary per year, then risk.History's indicators, reused text
// and lowered targets, and the similarity of each year's narrative with
// the year before's. A History cell's Computed is set only where the
// rules give another score than the one stated.
type Years struct {
	UnitID      int64        `json:"unit_id"`
	Unit        string       `json:"unit"`
	Kind        jixiao.Kind  `json:"kind"`
	ProjectCode string       `json:"project_code,omitempty"`
	Summary     []YearRow    `json:"years"`
	History     risk.History `json:"history"`
}

// YearRow is one year's evaluation at a glance.
type YearRow struct {
	Year          int             `json:"year"`
	EvaluationID  int64           `json:"evaluation_id"`
	Status        string          `json:"status"`
	StatedTotal   string          `json:"stated_total"` // as written; "" when unstated
	Computed      decimal.Decimal `json:"computed"`
	Grade         string          `json:"grade"`
	ExecutionRate string          `json:"execution_rate"` // "92.30%"; "" when unknown
	Errors        int             `json:"errors"`
	Warnings      int             `json:"warnings"`
	// Similarity with the year before's narrative (Jaccard over the
	// normalised 5-grams, as risk's R-COPY-PREV); "" for the first year
	// or when either text is too short to compare.
	Similarity string `json:"similarity_prev"`
	Reused     int    `json:"reused"`  // passages reused verbatim from the year before
	Lowered    int    `json:"lowered"` // targets below the year before's actuals
}

// UnitYears builds the year-over-year view of recs, records of the same
// unit, kind and project with their content (FindEvaluationByID). It
// fails when recs is empty or mixes units, kinds or projects.
func UnitYears(recs []*jixiao.EvaluationRecord) (Years, error) {
	if len(recs) == 0 {
		return Years{}, fmt.Errorf("dashboard: 没有可对比的自评")
	}
	recs = slices.Clone(recs)
	slices.SortFunc(recs, func(a, b *jixiao.EvaluationRecord) int {
		return cmp.Or(cmp.Compare(a.Year, b.Year), cmp.Compare(a.ID, b.ID))
	})
	first := recs[0]
	y := Years{UnitID: first.UnitID, Unit: first.UnitName, Kind: first.Kind, ProjectCode: first.ProjectCode}
	entries := make([]risk.Entry, 0, len(recs))
	for _, r := range recs {
		if r.UnitID != first.UnitID || r.Kind != first.Kind || r.ProjectCode != first.ProjectCode || r.Content == nil {
			return Years{}, fmt.Errorf("dashboard: 自评 %d 不属于同一单位、类型与项目，或没有内容", r.ID)
		}
		// The stored unit names the evaluations, whatever each year's
		// table calls itself, so that a renamed unit stays one history.
		ev := *r.Content
		ev.Unit, ev.Project, ev.Year = first.UnitName, first.ProjectCode, r.Year
		entries = append(entries, risk.Entry{ID: fmt.Sprint(r.ID), Eval: &ev, Result: storedResult(r), Findings: r.Findings})
	}
	h, err := risk.UnitHistory(entries, risk.UnitKey(entries[0].Eval))
	if err != nil {
		return Years{}, fmt.Errorf("dashboard: %w", err)
	}
	// a computed score the same as the stated one, written alike or not
	// ("12" and "12.00"), says nothing: keep only those that differ
	for i := range h.Indicators {
		for j := range h.Indicators[i].Cells {
			c := &h.Indicators[i].Cells[j]
			if st := notation.ParseFigure(c.Score); st.Valid && c.Computed != "" && st.Value.Equal(decimal.RequireFromString(c.Computed)) {
				c.Computed = ""
			}
		}
	}
	y.History = h
	byID := map[string]*jixiao.EvaluationRecord{}
	for _, r := range recs {
		byID[fmt.Sprint(r.ID)] = r
	}
	var prev []uint64
	for i, id := range h.IDs {
		r := byID[id]
		row := YearRow{Year: r.Year, EvaluationID: r.ID, Status: r.Status.Label(), StatedTotal: r.Score.StatedTotal,
			Computed: r.Score.Total, Grade: r.Score.Grade, Errors: r.Errors, Warnings: r.Warnings}
		if r.Score.RateKnown {
			row.ExecutionRate = r.Score.ExecutionRate.Shift(2).StringFixed(2) + "%"
		}
		grams := risk.Shingles(risk.Narrative(r.Content))
		if i > 0 && len(grams) >= minGrams && len(prev) >= minGrams {
			inter, union := risk.Overlap(grams, prev)
			row.Similarity = decimal.NewFromInt(int64(inter)).DivRound(decimal.NewFromInt(int64(union)), 2).StringFixed(2)
		}
		prev = grams
		for _, u := range h.Reused {
			if u.Year == r.Year {
				row.Reused++
			}
		}
		for _, l := range h.Lowered {
			if l.Year == r.Year {
				row.Lowered++
			}
		}
		y.Summary = append(y.Summary, row)
	}
	return y, nil
}

// minGrams is risk's default min_grams for R-COPY-PREV: shorter texts
// are not compared.
var minGrams = risk.DefaultWeights().CopyPrev.MinGrams

// storedResult is the stored row scores as a score.Result, for
// risk.UnitHistory's computed column.
func storedResult(r *jixiao.EvaluationRecord) *score.Result {
	n := 0
	if r.Content != nil {
		n = len(r.Content.Indicators)
	}
	res := &score.Result{Rows: make([]score.Row, n), Total: r.Score.Total, Grade: r.Score.Grade}
	for _, rs := range r.Score.Rows {
		if rs.Index >= 0 && rs.Index < n {
			res.Rows[rs.Index] = score.Row{Index: rs.Index, Weight: rs.Weight, Score: rs.Score, Computed: rs.Computed}
		}
	}
	return res
}
