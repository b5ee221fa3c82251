package main

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestCLIDocCoversEveryCommandAndFlag keeps docs/cli.md honest: every
// command has its section and every flag a command accepts is named in it.
func TestCLIDocCoversEveryCommandAndFlag(t *testing.T) {
	b, err := os.ReadFile("../../docs/cli.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	flagLine := regexp.MustCompile(`(?m)^  -([a-z][a-z0-9-]*)`)
	for _, c := range commands() {
		if !strings.Contains(doc, "`jixiao "+c.name+"`") {
			t.Errorf("docs/cli.md has no section for jixiao %s", c.name)
		}
		_, help, _ := runCLI(t, c.name, "-h")
		for _, m := range flagLine.FindAllStringSubmatch(help, -1) {
			name := m[1]
			if !strings.Contains(doc, "--"+name) && !strings.Contains(doc, "`-"+name+" ") && !strings.Contains(doc, "`-"+name+"`") {
				t.Errorf("docs/cli.md does not document jixiao %s -%s", c.name, name)
			}
		}
	}
}
