// Package score recomputes a self-evaluation's scores under a rule set and
// explains every point. It is a pure function of an Evaluation and a
// RuleSet; it never changes the evaluation.
//
// The rules, in the order they apply (domain.md §3-4):
//
//   - Budget execution: rate = B / A, A being the rule set's denominator
//     (全年预算数, or 年初预算数 in some older tables) and B 全年执行数.
//     Score = w × min(rate, cap), computed from the unrounded rate and
//     rounded once. A = 0 or missing: the rate is undefined, the score
//     cannot be computed. B missing but a rate stated: the stated rate is
//     used and the trace says so.
//   - Quantitative positive (≥, >, and a bare number unless the rule set says
//     otherwise): a ≥ t → w; else w × a / t. Negative a counts as 0.
//   - Equal (=): t > 0 scores as positive; t = 0 gives w when a ≤ 0, else 0.
//   - Reverse (≤, <): a ≤ t → w; otherwise, under "linear-2t",
//     w × (1 − (a − t)/t) until a reaches 2t, then 0; under "ratio", w × t/a.
//   - Qualitative: the actual is placed in a tier by the rule set's
//     keywords (worst tier first); the evaluator's stated score must lie in
//     the tier's range [min×w, max×w); a score outside is clamped into it.
//   - A score never exceeds w. Each row is rounded to the rule set's score
//     places; the total is the sum of the rounded execution score and the
//     rounded row scores; the grade is taken from the rounded total.
//   - A row that cannot be computed (no weight, units that do not match, an
//     actual that is not a number for a numeric target) keeps its stated
//     score and is marked as not recomputed.
package score
