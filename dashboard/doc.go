// Package dashboard aggregates stored evaluations for the finance bureau
// and the departments: filing per task, the distributions of self-scores,
// grades and execution rates, self-score against execution rate and
// against the 复核 score, the most frequent findings, and the same per
// department (主管部门) and per unit. It is pure: facts in
// (jixiao.EvaluationFacts, jixiao.Obligation), plain values out, every
// figure an exact decimal. Compute is the definition; a Store computes
// the same in SQL from the CASEs and sums this package gives.
//
// Definitions (docs/web.md, 看板):
//
//   - Self-score is the 总分 the unit wrote, else the computed total.
//   - Bands are closed below and open above; the last score band also
//     holds scores above 100, the rate band ">100%" rates above 1.
//   - Shares are fractions rounded to 4 places; means are rounded to 2
//     places (rates: 4 places as fractions).
//   - The 复核 score of an evaluation is its self-score plus the sum of
//     (reviewer's score − unit's score) over the items the 财政复核 scored,
//     else over those the 主管部门 scored; evaluations no reviewer scored
//     are left out of that comparison.
//   - Scores and 复核 gaps are counted rounded to 4 places, rates to 10
//     (ScorePlaces, RatePlaces): the exact integers the database stores,
//     so that the SQL aggregates (Store) equal Compute.
//   - "High self-score, low execution rate" uses risk's R-INFLATED
//     thresholds (risk.DefaultWeights), so the dashboard and the risk
//     ranking count the same evaluations.
package dashboard
