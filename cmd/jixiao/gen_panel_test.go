package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jixiao/gen"
)

func TestGenPanelCommand(t *testing.T) {
	dir := t.TempDir()
	out, errs, code := runCLI(t, "gen", "--panel", "--units", "6", "--years", "3", "--first-year", "2022", "--inject", "0.5", "--seed", "3", "-o", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	injected := 0
	for u := 1; u <= 6; u++ {
		for y := 2022; y <= 2024; y++ {
			name := fmt.Sprintf("p%04d-%d", u, y)
			for _, ext := range []string{".yaml", ".truth.json"} {
				if _, err := os.Stat(filepath.Join(dir, name+ext)); err != nil {
					t.Error(err)
				}
			}
			b, err := os.ReadFile(filepath.Join(dir, name+".risk.json"))
			if err != nil {
				t.Fatal(err)
			}
			var rt gen.RiskTruth
			if err := json.Unmarshal(b, &rt); err != nil {
				t.Fatal(err)
			}
			if rt.Year != y || rt.Name != name {
				t.Errorf("%s: truth names %s of %d", name, rt.Name, rt.Year)
			}
			if !rt.Clean() {
				injected++
			}
		}
	}
	if injected == 0 {
		t.Error("nothing injected at --inject 0.5")
	}
	if want := fmt.Sprintf("= 18 份（yaml）于 %s：无注入 %d 份，注入风险 %d 份", dir, 18-injected, injected); !strings.Contains(out, want) {
		t.Errorf("summary: got %q, want it to contain %q", out, want)
	}
}

func TestGenPanelCommandUsage(t *testing.T) {
	if _, _, code := runCLI(t, "gen", "--panel", "--units", "0", "-o", t.TempDir()); code != exitUsage {
		t.Errorf("--units 0: exit %d, want %d", code, exitUsage)
	}
}
