// Package risk ranks self-evaluations for 抽查复核 by computed signals, and
// shows one unit's evaluations year over year. It is pure: entries in
// (each an evaluation with its score.Result and audit findings), plain
// values out.
//
// A risk score is the sum of the points of the signals an evaluation
// shows, capped at 100; each signal is a Reason with a code, a Chinese
// message and the figures behind it. The weights and thresholds are data
// (weights.yaml, embedded; docs/risk.md):
//
//   - R-INFLATED: the stated total (else the computed one) at least
//     score_at_least while the execution rate is below rate_below.
//   - R-ALL-MET: every indicator (at least min_indicators) either has its
//     实际完成值 equal to its 年度指标值 after normalisation, or is at 100%.
//   - R-VAGUE: the audit's vague-indicator findings (Q-VAGUE-NAME,
//     Q-VAGUE-TARGET, Q-SAVING-100, Q-QUANT-AS-TEXT, Q-QUAL-PERCENT),
//     weight × min(n, saturate) / saturate.
//   - R-NO-BENEFIT: no indicator under a 一级 named 效益.
//   - R-ERRORS: the audit's error-level findings, counted as R-VAGUE.
//   - R-COPY-PEER, R-COPY-PREV: the Jaccard similarity of the sets of
//     5-character grams of the normalised narrative (Narrative, Normalize)
//     with another unit's evaluation (any year) or with the same unit's
//     previous year at least similarity_at_least. Similarities are exact
//     ratios of integers; candidates among other units come from MinHash
//     with locality-sensitive hashing (25 bands of 4 fixed hash functions),
//     so ranking N evaluations costs O(N·G·100) for the signatures plus the
//     exact comparison of the candidate pairs, not O(N²).
//   - R-TARGET-LOWERED: indicators (by name) whose target is
//     below the same unit's previous-year actual (above it for ≤ targets),
//     counted as R-VAGUE.
//
// Everything is reproducible: the hash functions are fixed, ties are
// broken by ID, and Sample draws from a PCG seeded by the caller.
package risk
