package text

import (
	"bytes"
	"os"
	"testing"
)

// BenchmarkRead imports the sample report, the text half of
// audit.BenchmarkAuditSample.
func BenchmarkRead(b *testing.B) {
	data, err := os.ReadFile(sample)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read(bytes.NewReader(data), "sample.txt"); err != nil {
			b.Fatal(err)
		}
	}
}
