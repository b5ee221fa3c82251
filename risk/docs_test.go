package risk

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestDocsListEveryReason: docs/risk.md documents every reason code the
// engine gives and every signal of the weights file.
func TestDocsListEveryReason(t *testing.T) {
	doc, err := os.ReadFile("../docs/risk.md")
	if err != nil {
		t.Fatal(err)
	}
	src := ""
	for _, f := range []string{"signals.go", "copies.go", "lowered.go"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src += string(b)
	}
	codes := regexp.MustCompile(`"(R-[A-Z-]+)"`).FindAllStringSubmatch(src, -1)
	if len(codes) < 8 {
		t.Fatalf("found %d reason codes in the source", len(codes))
	}
	for _, c := range codes {
		if !strings.Contains(string(doc), c[1]) {
			t.Errorf("docs/risk.md does not document %s", c[1])
		}
	}
	for _, line := range strings.Split(defaultWeights, "\n") {
		if name, _, ok := strings.Cut(line, ":"); ok && line != "" && line[0] != ' ' && line[0] != '#' {
			if !strings.Contains(string(doc), name+":") {
				t.Errorf("docs/risk.md does not show the signal %s of weights.yaml", name)
			}
		}
	}
}
