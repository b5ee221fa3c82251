package sqldb_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"jixiao"
	"jixiao/intake"
	"jixiao/sqldb"
	"jixiao/sqldb/sqldbtest"

	"github.com/google/go-cmp/cmp"
)

// TestCreateIntakeChunks stores a batch of more files than one statement
// takes, with copies that fall in another chunk than their first and
// files that fail at once: each file is an item in batch order, each
// distinct content one queued job, each copy a duplicate naming its first.
func TestCreateIntakeChunks(t *testing.T) { eachEngine(t, testCreateIntakeChunks) }

func testCreateIntakeChunks(t *testing.T, dsn string) {
	w := mustWorld(t, dsn)
	const distinct, copies = 260, 190
	var files []jixiao.IntakeFile
	for i := range distinct {
		files = append(files, jixiao.IntakeFile{Name: fmt.Sprintf("%03d.txt", i), Content: fmt.Appendf(nil, "自评 %d", i)})
	}
	for i := range copies {
		files = append(files, jixiao.IntakeFile{Name: fmt.Sprintf("copy-%03d.txt", i), Content: fmt.Appendf(nil, "自评 %d", i*7%distinct)})
	}
	files = append(files, jixiao.IntakeFile{Name: "empty.txt"}, jixiao.IntakeFile{Name: "bad.zip", Error: "压缩包损坏"})
	svc := sqldb.NewIntakeService(w.db)
	in := &jixiao.Intake{OrgID: w.F.ID, Name: "分块", Year: 2024}
	if err := svc.CreateIntake(as(w.financeAdmin), in, files); err != nil {
		t.Fatal(err)
	}
	if in.Total != len(files) || in.Queued != distinct || in.Duplicates != copies || in.Failed != 2 {
		t.Fatalf("total %d, queued %d, duplicates %d, failed %d; want %d, %d, %d, 2", in.Total, in.Queued, in.Duplicates, in.Failed, len(files), distinct, copies)
	}
	items, n, err := svc.FindIntakeItems(as(w.financeAdmin), in.ID, jixiao.IntakeItemFilter{})
	if err != nil || n != len(files) {
		t.Fatalf("%d items, %v", n, err)
	}
	for i, it := range items {
		if it.Seq != i+1 || it.Name != files[i].Name {
			t.Fatalf("item %d: seq %d %s, want %d %s", i, it.Seq, it.Name, i+1, files[i].Name)
		}
		if i >= distinct && i < distinct+copies {
			first := (i-distinct)*7%distinct + 1
			if want := fmt.Sprintf("与本批第 %d 个文件内容相同", first); it.State != jixiao.ItemDuplicate || it.Error != want {
				t.Errorf("item %s: %s %q, want duplicate %q", it.Name, it.State, it.Error, want)
			}
		}
	}
	works, err := svc.ClaimIntakeWork(console(), "chunks", 60e9, distinct+10)
	if err != nil || len(works) != distinct {
		t.Fatalf("claimed %d of %d queued (%v)", len(works), distinct, err)
	}
	for i, wk := range works {
		if wk.Item.Seq != i+1 || string(wk.Content) != string(files[i].Content) {
			t.Fatalf("work %d: item %d, content %q", i, wk.Item.Seq, wk.Content)
		}
	}
}

// TestIntakeBatchMatchesItemByItem: a batch stored as a whole (its units'
// tasks read in one query, its items' outcomes written in one statement
// at its end) stores what the plain path, item by item under savepoints,
// stores: the items imported, unmatched and failed and, taken in again,
// duplicate (the imported); the evaluations linked to the same tasks
// under the same rule sets.
func TestIntakeBatchMatchesItemByItem(t *testing.T) {
	text, yaml := sampleFiles(t)
	for _, engine := range sqldbtest.Engines(t) {
		t.Run(engine, func(t *testing.T) {
			whole, plain := batchStored(t, engine, true, text, yaml), batchStored(t, engine, false, text, yaml)
			if d := cmp.Diff(plain, whole, cmp.AllowUnexported(stored{}, linked{})); d != "" {
				t.Errorf("stored differently (-item by item +whole):\n%s", d)
			}
			states := map[jixiao.ItemState]int{}
			for _, it := range whole.items {
				states[it.State]++
			}
			want := map[jixiao.ItemState]int{jixiao.ItemImported: 2, jixiao.ItemUnmatched: 2, jixiao.ItemFailed: 2, jixiao.ItemDuplicate: 2}
			if d := cmp.Diff(want, states); d != "" {
				t.Errorf("states (-want +got):\n%s", d)
			}
			if n := whole.cached; n != 0 {
				t.Errorf("the intake left %d revisions in the cache, want none", n)
			}
			// U answers the hunan task; V, asked by none, files under its own rule set
			if len(whole.evals) != 2 || whole.evals[0].task == 0 || whole.evals[0].rules != "hunan" || whole.evals[1].task != 0 {
				t.Errorf("evaluations linked as %+v, want U's to the hunan task, V's to none", whole.evals)
			}
		})
	}
}

// stored is what a batch left: its items without their times, and its
// evaluations' tasks and rule sets; and how many revisions the intakes
// left in the revision cache.
type stored struct {
	items  []*jixiao.IntakeItem
	evals  []linked
	cached int // revisions in the cache after the intakes, before any read
}

type linked struct {
	unit, task   int64
	rules, score string
}

// batchStored takes the same files in twice, with the batch stored as a
// whole or item by item, U asked for its 2024 table by a task under the
// hunan rules.
func batchStored(t *testing.T, engine string, whole bool, text, yaml []byte) stored {
	w := mustWorld(t, sqldbtest.MustDSN(t, engine))
	// without the precheck, every batch is stored item by item
	w.db.SetIntakePrecheck(whole)
	task := &jixiao.Task{OrgID: w.F.ID, Name: "2024 年度自评", Year: 2024, Kinds: []jixiao.Kind{jixiao.KindDepartment},
		UnitIDs: []int64{w.U.ID}, Deadline: testClock.AddDate(0, 1, 0), RuleSet: "hunan"}
	if err := sqldb.NewTaskService(w.db).CreateTask(as(w.financeAdmin), task); err != nil {
		t.Fatal(err)
	}
	files := []jixiao.IntakeFile{
		{Name: "甲-2024.txt", Content: []byte(strings.ReplaceAll(string(text), "雁峰区司法局", w.U.Name))},
		{Name: "乙-2024.yaml", Content: []byte(strings.ReplaceAll(string(yaml), "雁峰区司法局", w.V.Name))},
		{Name: "丙-2024.txt", Content: []byte(strings.ReplaceAll(string(text), "雁峰区司法局", "某某不存在单位"))},
		{Name: "丁.txt", Content: []byte("没有自评表的文字。")},
	}
	svc := sqldb.NewIntakeService(w.db)
	var out stored
	for _, name := range []string{"第一次", "第二次"} {
		in := &jixiao.Intake{OrgID: w.F.ID, Name: name, Year: 2024}
		if err := svc.CreateIntake(as(w.financeAdmin), in, files); err != nil {
			t.Fatal(err)
		}
		wk := intake.NewWorker(svc)
		wk.Name, wk.Poll, wk.Concurrency = "batch", 20*time.Millisecond, 1
		err := wk.Until(context.Background(), func(ctx context.Context) (bool, error) {
			got, err := svc.FindIntakeByID(console(), in.ID)
			return err == nil && got.Finished(), err
		})
		if err != nil {
			t.Fatal(err)
		}
		its, _, err := svc.FindIntakeItems(as(w.financeAdmin), in.ID, jixiao.IntakeItemFilter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range its {
			it.UpdatedAt = time.Time{}
		}
		out.items = append(out.items, its...)
	}
	out.cached = w.db.RevisionCacheLen()
	evs := sqldb.NewEvaluationService(w.db)
	list, _, err := evs.FindEvaluations(as(w.financeAdmin), jixiao.EvaluationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range list {
		full, err := evs.FindEvaluationByID(as(w.financeAdmin), r.ID)
		if err != nil {
			t.Fatal(err)
		}
		out.evals = append(out.evals, linked{full.UnitID, full.TaskID, full.RuleSet, full.Score.Rules + " " + full.Score.Total.String()})
	}
	sort.Slice(out.evals, func(i, j int) bool { return out.evals[i].unit < out.evals[j].unit })
	return out
}
