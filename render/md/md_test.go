package md_test

import (
	"bytes"
	"testing"

	"jixiao"
	"jixiao/internal/golden"
	"jixiao/internal/sample"
	"jixiao/render/md"
	"jixiao/render/report"
	"jixiao/rules"
	"jixiao/score"
)

func TestGolden(t *testing.T) {
	rs := rules.MustLoad("national-2020")
	for name, mk := range map[string]func() *jixiao.Evaluation{"yanfeng": sample.Yanfeng, "project": sample.Project} {
		t.Run(name, func(t *testing.T) {
			ev := mk()
			res := score.Score(ev, rs)
			var buf bytes.Buffer
			if err := md.WriteReport(&buf, report.Compose(ev, res, rs, report.Options{})); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, name+".report.md", buf.String())
			buf.Reset()
			if err := md.WriteTable(&buf, report.Table(ev, res, rs)); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, name+".table.md", buf.String())
		})
	}
}
