package claims

import (
	"os"
	"strings"
	"testing"

	"jixiao"
	"jixiao/importer/text"
	"jixiao/notation"
)

// sampleParas is the narrative of the real report under testdata/samples as
// the audit hands it over: the trimmed text of each paragraph outside the
// tables, a new section at each 一、 heading.
func sampleParas(tb testing.TB) []Paragraph {
	tb.Helper()
	f, err := os.Open("../testdata/samples/yanfeng-sfj-2024.txt")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	doc, err := text.Read(f, "sample.txt")
	if err != nil {
		tb.Fatal(err)
	}
	var ps []Paragraph
	section := -1
	for _, b := range doc.Blocks {
		t := strings.TrimSpace(b.Text)
		if b.Kind == jixiao.BlockTable || t == "" {
			continue
		}
		if h, _, ok := notation.ParseHeading(t); ok && h.Style == notation.HeadingChineseDun {
			section++
		}
		ps = append(ps, Paragraph{Text: t, Section: section})
	}
	return ps
}

// BenchmarkSample is this package's share of checking one real report:
// reading its claims, checking them, and both.
func BenchmarkSample(b *testing.B) {
	ps := sampleParas(b)
	opt := Options{SumTolerance: cent, PercentTolerance: cent}
	set := Extract(ps)
	if len(set.Claims) == 0 || len(set.Check(opt)) == 0 {
		b.Fatal("the sample has no claims or no issues")
	}
	for _, bm := range []struct {
		name string
		run  func()
	}{
		{"Extract", func() { Extract(ps) }},
		{"Check", func() { set.Check(opt) }},
		{"ExtractCheck", func() { Extract(ps).Check(opt) }},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				bm.run()
			}
		})
	}
}
