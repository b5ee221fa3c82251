package extract

import (
	"testing"
)

const samplePath = "../testdata/samples/yanfeng-sfj-2024.txt"

// BenchmarkExtractTable is what `jixiao check` extracts from the real
// sample: the table alone.
func BenchmarkExtractTable(b *testing.B) {
	doc := readDoc(b, samplePath)
	b.ReportAllocs()
	for b.Loop() {
		ExtractTable(doc)
	}
}

// BenchmarkExtract is the table and the report's data of the real sample,
// as `jixiao import` and the bulk path read it.
func BenchmarkExtract(b *testing.B) {
	doc := readDoc(b, samplePath)
	b.ReportAllocs()
	for b.Loop() {
		Extract(doc)
	}
}
