package sqldb_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"jixiao"
	"jixiao/intake"
	"jixiao/sqldb"
	"jixiao/sqldb/sqldbtest"
)

// TestIntakePrecheckMatchesPlainPath: the scores and findings intake
// computes before its store transaction (to hold SQLite's one writer for
// the inserts alone) are the ones the store computes itself when it is
// not given them: the same files taken in with and without the precheck
// store equal results, narrative checks included.
func TestIntakePrecheckMatchesPlainPath(t *testing.T) {
	text, yaml := sampleFiles(t)
	for _, engine := range sqldbtest.Engines(t) {
		t.Run(engine, func(t *testing.T) { precheckMatches(t, engine, text, yaml) })
	}
}

func precheckMatches(t *testing.T, engine string, text, yaml []byte) {
	stored := func(precheck bool) []*jixiao.EvaluationRecord {
		w := mustWorld(t, sqldbtest.MustDSN(t, engine))
		w.db.SetIntakePrecheck(precheck)
		files := []jixiao.IntakeFile{
			{Name: "延丰县司法局机关-2024.txt", Content: []byte(strings.ReplaceAll(string(text), "雁峰区司法局", w.U.Name))},
			{Name: "延丰县公证处-2024.yaml", Content: []byte(strings.ReplaceAll(string(yaml), "雁峰区司法局", w.V.Name))},
		}
		svc := sqldb.NewIntakeService(w.db)
		in := &jixiao.Intake{OrgID: w.F.ID, Name: "收件", Year: 2024}
		if err := svc.CreateIntake(as(w.financeAdmin), in, files); err != nil {
			t.Fatal(err)
		}
		wk := intake.NewWorker(svc)
		wk.Name, wk.Poll = "precheck", 20*time.Millisecond
		err := wk.Until(context.Background(), func(ctx context.Context) (bool, error) {
			got, err := svc.FindIntakeByID(console(), in.ID)
			return err == nil && got.Finished(), err
		})
		if err != nil {
			t.Fatal(err)
		}
		evs := sqldb.NewEvaluationService(w.db)
		list, _, err := evs.FindEvaluations(as(w.financeAdmin), jixiao.EvaluationFilter{})
		if err != nil {
			t.Fatal(err)
		}
		var out []*jixiao.EvaluationRecord
		for _, r := range list {
			full, err := evs.FindEvaluationByID(as(w.financeAdmin), r.ID)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, full)
		}
		if len(out) != len(files) {
			its, _, _ := svc.FindIntakeItems(as(w.financeAdmin), in.ID, jixiao.IntakeItemFilter{})
			for _, it := range its {
				t.Logf("%s: %s %s", it.Name, it.State, it.Error)
			}
			t.Fatalf("precheck %v: %d evaluations stored, want %d", precheck, len(out), len(files))
		}
		return out
	}
	with, plain := stored(true), stored(false)
	for i := range with {
		if with[i].Score.Total.IsZero() || len(with[i].Findings) == 0 {
			t.Errorf("%s: stored no score or no findings: the comparison would prove nothing", with[i].Title)
		}
		if d := cmp.Diff(plain[i].Score, with[i].Score); d != "" {
			t.Errorf("%s: score differs from the plain path (-plain +precheck):\n%s", with[i].Title, d)
		}
		if d := cmp.Diff(plain[i].Findings, with[i].Findings); d != "" {
			t.Errorf("%s: findings differ from the plain path (-plain +precheck):\n%s", with[i].Title, d)
		}
	}
}

// sampleFiles are the sample's published text and its YAML.
func sampleFiles(t *testing.T) (text, yaml []byte) {
	t.Helper()
	text, err := os.ReadFile("../testdata/samples/yanfeng-sfj-2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	if yaml, err = os.ReadFile("../testdata/yanfeng-sfj-2024.yaml"); err != nil {
		t.Fatal(err)
	}
	return text, yaml
}
