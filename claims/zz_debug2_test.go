package claims

import (
	"fmt"
	"os"
	"testing"
)

func TestZZSplit(t *testing.T) {
	f := os.Getenv("SPLIT")
	if f == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(f)
	rs := []rune(string(b))
	seen := map[string]bool{}
	for i := 1; i < len(rs); i++ {
		for _, ins := range []string{"\n", " ", ""} {
			for j := i; j <= i+1 && j < len(rs); j++ {
				txt := string(rs[:i]) + ins + string(rs[j:])
				s := Extract([]Paragraph{{Text: txt}})
				for _, is := range s.Check(Options{}) {
					k := is.Code + is.Stated + is.Expected
					if !seen[k] {
						seen[k] = true
						fmt.Printf("%d %q: %+v\n", i, ins, is)
					}
				}
			}
		}
	}
}
