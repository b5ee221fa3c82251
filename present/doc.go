package present

import (
	"jixiao"
	"jixiao/score"
)

// Doc is everything known about one checked document.
type Doc struct {
	Path     string
	Eval     *jixiao.Evaluation // nil when the file could not be read
	Rules    *jixiao.RuleSet
	Result   *score.Result
	Findings []jixiao.Finding
	Notes    []string // what the importer or extractor could not read
	Err      error    // why the file could not be read
}

// Counts returns the number of findings per severity.
func (d *Doc) Counts() (errs, warns, infos int) {
	for _, f := range d.Findings {
		switch f.Severity {
		case jixiao.SevError:
			errs++
		case jixiao.SevWarning:
			warns++
		default:
			infos++
		}
	}
	return
}
