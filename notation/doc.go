// Package notation reads the notation of self-evaluation documents into the
// domain's values: a stated figure ("674.85", "61.23%", "１２场次"), an
// indicator value with its direction ("≥95%", "不低于105人", "显著提升") and
// the section number at the start of a heading ("一、", "（二）", "3.").
//
// It lives outside the domain package because reading what people write
// needs the text helpers of internal/cjk (folding full-width digits and
// look-alike signs), which the domain, importing only the standard library
// and the decimal type, does not hold. Every reader of documents, the YAML
// file format and the checks parse through it, so a figure reads the same
// wherever it is written.
package notation
