package present

import (
	"fmt"

	"jixiao"
	"jixiao/pipeline"
)

// sourceOf is where a finding is in its file. The checks name the figure's
// own position when they know it; a finding on a whole block or row (a
// weight total, a missing 一级指标) falls back to the block's or the row's
// line, so that every finding on an evaluation file names a line.
func sourceOf(d *pipeline.Result, f jixiao.Finding) jixiao.Position {
	l := f.Location
	if !l.Source.IsZero() || d.Eval == nil || d.Eval.Provenance == nil {
		return l.Source
	}
	prov := d.Eval.Provenance
	var keys []string
	if l.Block == "indicators" && l.Row > 0 {
		at := fmt.Sprintf("indicators[%d]", l.Row-1)
		keys = append(keys, at+"."+l.Column, at)
	}
	if l.Block == "indicators" && l.Row == 0 && l.Item != "" {
		// a group total: the first row of the group
		for i, ind := range d.Eval.Indicators {
			if ind.Level1 == l.Item || ind.Level2 == l.Item {
				keys = append(keys, fmt.Sprintf("indicators[%d].%s", i, l.Column), fmt.Sprintf("indicators[%d]", i))
				break
			}
		}
	}
	if l.Column != "" {
		keys = append(keys, l.Block+"."+l.Column)
	}
	keys = append(keys, l.Block)
	for _, k := range keys {
		if p, ok := prov[k]; ok {
			return p
		}
	}
	return jixiao.Position{}
}
