package gen

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestGolden pins the flattened text layout and the truth file of a few
// generated evaluations (-update rewrites them). A change here changes
// every generated corpus, so it should be deliberate.
func TestGolden(t *testing.T) {
	for _, i := range []int{0, 1, 2} {
		c, err := Generate(5, i, Options{ErrorRate: 0.5})
		if err != nil {
			t.Fatal(err)
		}
		var txt, truth bytes.Buffer
		if err := Encode(&txt, "txt", c, ""); err != nil {
			t.Fatal(err)
		}
		c.Truth.Formats = []string{"txt"}
		if err := c.Truth.WriteJSON(&truth); err != nil {
			t.Fatal(err)
		}
		for name, got := range map[string][]byte{c.Name + ".txt": txt.Bytes(), c.Name + ".truth.json": truth.Bytes()} {
			path := filepath.Join("testdata", name)
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./gen -run TestGolden -update)", err)
			}
			if d := cmp.Diff(string(want), string(got)); d != "" {
				t.Errorf("%s changed (-want +got):\n%s", path, d)
			}
		}
	}
}

// TestTruthRoundTrip checks that a truth file reads back as written.
func TestTruthRoundTrip(t *testing.T) {
	c, _ := Generate(5, 3, Options{ErrorRate: 1})
	var buf bytes.Buffer
	if err := c.Truth.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := ReadTruth(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(c.Truth, *got); d != "" {
		t.Errorf("truth changed on the way (-want +got):\n%s", d)
	}
	if len(got.Errors) == 0 {
		t.Errorf("error rate 1 gave a clean evaluation")
	}
}
