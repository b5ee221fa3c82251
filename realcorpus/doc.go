// Package realcorpus is the acceptance harness over testdata/real/: real
// published self-evaluations, each with a hand-verified truth.yaml. Its
// tests read every document as jixiao would (source.txt and the
// LibreOffice re-makings), compare every figure read with the truth,
// check the findings against the truth's errors, and keep the per-document
// table in docs/real-corpus.md (go test ./realcorpus -update rewrites it).
package realcorpus
