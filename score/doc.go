// Package score recomputes a self-evaluation's scores under a rule set and
// explains every point. It is a pure function of an Evaluation and a
// RuleSet: it never changes either, and its Result is a plain value that
// holds no reference to them.
//
// The rules follow the 项目支出绩效自评表 of 财预〔2020〕10号
// 《项目支出绩效评价管理办法》 as the rule set configures it; docs/rules.md
// lists the rule set keys and the same order in Chinese. In the order they
// apply, with w the row's weight (分值), t its target (年度指标值) and a its
// actual value (实际完成值):
//
//   - Budget execution: rate = B / A, B being 全年执行数 and A the rule
//     set's denominator (全年预算数, or 年初预算数 in some older tables).
//     Score = w × min(rate, cap), computed from B and A themselves, not
//     from a rounded rate, and rounded once. A zero or missing: the rate
//     is undefined and so is the score. B missing but a rate stated: the
//     stated rate is used and the trace says so.
//   - Quantitative positive (≥, >, and a bare number unless the rule set
//     says otherwise): a ≥ t gives w; otherwise w × a / t. A negative a
//     counts as 0.
//   - Equal (=): t > 0 scores as positive; t = 0 gives w when a ≤ 0, else 0.
//   - Reverse (≤, <): a ≤ t gives w; otherwise, under "linear-2t",
//     w × (1 − (a − t)/t) = w × (2t − a)/t until a reaches 2t, then 0; under
//     "ratio", w × t/a.
//   - Qualitative (定性): the actual value is placed in a tier by the rule
//     set's keywords, the worst tier whose keyword occurs winning (未完成
//     is not 完成); the evaluator's stated score must lie in the tier's
//     range [min × w, max × w), and one outside is held to the range (to
//     the last point below a half-open top). No tier found: the stated
//     score stands, within [0, w].
//   - A score never exceeds w. Each proportional score is w × x / y rounded
//     once, under the rule set's rounding mode (half-up, 四舍五入, by
//     default) to its score places; the total is the sum of the rounded
//     execution score and the rounded row scores, rounded again; the grade
//     is read from the rounded total (89.995 → 90.00 → 优).
//   - A row that cannot be computed (no weight, units that do not match, an
//     actual that is not a number for a numeric target) keeps its stated
//     score, and is marked as not recomputed; so is the whole result.
//
// All arithmetic is exact decimal arithmetic; only the roundings named
// above round.
package score
