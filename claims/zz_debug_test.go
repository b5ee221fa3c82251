package claims

import (
	"fmt"
	"os"
	"testing"
)

func TestZZDump(t *testing.T) {
	f := os.Getenv("DUMP")
	if f == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(f)
	s := ExtractText(string(b))
	for i, c := range s.Claims {
		fmt.Printf("%d p%d s%d c%d %s %s key=%s\n", i, c.Para, c.Sent, c.Clause, c.Kind, c.Text, c.Key)
	}
	for _, r := range s.Relations {
		fmt.Printf("%+v\n", r)
	}
	for _, is := range s.Check(Options{}) {
		fmt.Printf("%+v\n", is)
	}
}
