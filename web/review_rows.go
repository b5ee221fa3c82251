package web

import (
	"github.com/shopspring/decimal"

	"jixiao"
)

// reviewRows lines the reviewers' scores up with the unit's, one row per
// indicator, and totals the gap ("" when nobody re-scored): the review
// page and the public page show the same 复核 result.
func reviewRows(rec *jixiao.EvaluationRecord, scores []*jixiao.ReviewScore) ([]reviewRow, string) {
	var rows []reviewRow
	for _, row := range rec.Score.Rows {
		rows = append(rows, reviewRow{Index: row.Index, Path: indicatorPath(row.Index), Name: row.Name, Weight: row.Weight.String(), UnitScore: row.Score.StringFixed(2)})
	}
	return withReviews(rows, scores)
}

// withReviews is a copy of the unit's rows (no review on any) with the
// reviewers' scores on them, and the gap totalled.
func withReviews(unit []reviewRow, scores []*jixiao.ReviewScore) ([]reviewRow, string) {
	byPath := map[string]*jixiao.ReviewScore{}
	for _, sc := range scores {
		byPath[sc.Path] = sc // later stages come later and win
	}
	var rows []reviewRow
	gap := decimal.Zero
	for _, rr := range unit {
		if sc := byPath[rr.Path]; sc != nil {
			rr.Review, rr.Gap = sc, sc.Gap().StringFixed(2)
			gap = gap.Add(sc.Gap())
		}
		rows = append(rows, rr)
	}
	if len(scores) == 0 {
		return rows, ""
	}
	return rows, gap.StringFixed(2)
}
