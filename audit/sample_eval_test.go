package audit

import (
	"os"
	"testing"

	"jixiao"
	"jixiao/yamlfile"
)

func sampleEval(t testing.TB) *jixiao.Evaluation {
	t.Helper()
	b, err := os.ReadFile("../testdata/yanfeng-sfj-2024.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ev, err := yamlfile.Decode(b, "yanfeng-sfj-2024.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return ev
}
