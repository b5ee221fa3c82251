package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao/gen"
)

// panelDir writes a small generated panel (40 units over 3 years) as
// YAML files with their risk truth.
func panelDir(t *testing.T) (string, []gen.PanelCase) {
	t.Helper()
	dir := t.TempDir()
	cases, err := gen.Panel(4, gen.PanelOptions{Units: 40, Years: 3, Inject: 0.15})
	if err != nil {
		t.Fatal(err)
	}
	if err := gen.WritePanel(dir, cases); err != nil {
		t.Fatal(err)
	}
	return dir, cases
}

func TestRiskCommand(t *testing.T) {
	dir, cases := panelDir(t)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"risk", "--format", "json", "--sample", "12", "--seed", "3", dir}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var got struct {
		Ranking []struct {
			ID      string `json:"id"`
			Score   string `json:"score"`
			Reasons []struct{ Code, Message, Evidence string }
		}
		Sample []struct {
			ID     string `json:"id"`
			Random *bool  `json:"random"`
		}
	}
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Ranking) != len(cases) || len(got.Sample) != 12 {
		t.Fatalf("ranked %d of %d files, sampled %d of 12", len(got.Ranking), len(cases), len(got.Sample))
	}
	injected := map[string]string{}
	for _, c := range cases {
		if !c.Risk.Clean() {
			injected[filepath.Join(dir, c.Case.Name+".yaml")] = c.Risk.Injected[0]
		}
	}
	// every injected case is ranked with its own signal among its reasons
	for _, a := range got.Ranking {
		want, ok := injected[a.ID]
		if !ok {
			continue
		}
		found := false
		for _, r := range a.Reasons {
			found = found || r.Code == want
		}
		if !found {
			t.Errorf("%s (injected %s) ranked with reasons %+v", a.ID, want, a.Reasons)
		}
	}
	random := 0
	for _, p := range got.Sample {
		if *p.Random {
			random++
		}
	}
	if random != 2 { // 12 × 0.2 rounded
		t.Errorf("%d of the sample drawn at random, want 2", random)
	}
	// the same seed gives the same list
	var again bytes.Buffer
	run([]string{"risk", "--format", "json", "--sample", "12", "--seed", "3", dir}, &again, &stderr)
	if !bytes.Equal(again.Bytes(), stdout.Bytes()) {
		t.Error("two runs with the same seed differ")
	}
}

func TestRiskExportAndHistory(t *testing.T) {
	dir, cases := panelDir(t)
	x := filepath.Join(t.TempDir(), "抽查.xlsx")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"risk", "--format", "xlsx", "-o", x, "--sample", "10", dir}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	f, err := excelize.OpenFile(x)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("抽查名单")
	ranking, _ := f.GetRows("风险排序")
	f.Close()
	if len(rows) != 11 || len(ranking) != len(cases)+1 {
		t.Errorf("sheets have %d and %d rows, want 11 and %d", len(rows), len(ranking), len(cases)+1)
	}
	stdout.Reset()
	if code := run([]string{"risk", "--format", "csv", dir}, &stdout, &stderr); code != exitOK || strings.Count(stdout.String(), "\n") != len(cases)+1 {
		t.Errorf("csv: exit %d, %d lines", code, strings.Count(stdout.String(), "\n"))
	}
	unit := cases[0].Case.Eval.Unit
	if cases[0].Case.Eval.Project != "" {
		unit += "·" + cases[0].Case.Eval.Project
	}
	stdout.Reset()
	if code := run([]string{"risk", "--history", unit, dir}, &stdout, &stderr); code != exitOK {
		t.Fatalf("history: exit %d: %s", code, stderr.String())
	}
	for _, want := range []string{"2020", "2021", "2022", cases[0].Case.Eval.Indicators[0].Name, "目标值低于上年实际"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("history lacks %q:\n%s", want, stdout.String())
		}
	}
}

func TestPublishCommand(t *testing.T) {
	dir, cases := panelDir(t)
	files, _ := filepath.Glob(filepath.Join(dir, "p000[1-3]-2020.yaml"))
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := run(append([]string{"publish", "--out", out, "--no-pdf"}, files...), &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for _, name := range []string{"index.html", "manifest.json", "SHA256SUMS", "opendata/evaluations.csv", "opendata/p0001-2020.json", "evaluations/p0001-2020.html"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("%s not written: %v", name, err)
		}
	}
	_ = cases
}
