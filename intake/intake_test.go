package intake_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"jixiao"
	"jixiao/intake"
	"jixiao/sqldb"
	"jixiao/sqldb/sqldbtest"
)

// The tests run the queue, the workers and the import on real databases:
// SQLite always, PostgreSQL when JIXIAO_TEST_POSTGRES is set.

// fixture is a finance bureau with a department and units, and its admin.
type fixture struct {
	db    *sqldb.DB
	svc   *sqldb.IntakeService
	org   *jixiao.Organisation
	units []*jixiao.Organisation
	admin context.Context
}

func console() context.Context {
	return jixiao.NewContextWithUser(context.Background(), jixiao.ConsoleUser())
}

var mustOpen = sqldbtest.MustOpen

func mustFixture(t testing.TB, dsn string, units int) *fixture {
	t.Helper()
	f := &fixture{db: mustOpen(t, dsn)}
	f.svc = sqldb.NewIntakeService(f.db)
	orgs := sqldb.NewOrganisationService(f.db)
	mk := func(code, name string, kind jixiao.OrgKind, parent int64) *jixiao.Organisation {
		o := &jixiao.Organisation{Code: code, Name: name, Kind: kind, ParentID: parent}
		if err := orgs.CreateOrganisation(console(), o); err != nil {
			t.Fatalf("create %s: %v", name, err)
		}
		return o
	}
	f.org = mk("F", "延丰县财政局", jixiao.OrgFinance, 0)
	dept := mk("D", "延丰县司法局", jixiao.OrgDepartment, f.org.ID)
	for i := range units {
		f.units = append(f.units, mk(fmt.Sprintf("U%03d", i+1), unitName(i), jixiao.OrgUnit, dept.ID))
	}
	admin := &jixiao.User{Login: "finance-a", Name: "周管理", OrgID: f.org.ID, Roles: []jixiao.Role{jixiao.RoleFinanceAdmin}}
	if err := sqldb.NewUserService(f.db).CreateUser(console(), admin, "password-finance-a"); err != nil {
		t.Fatal(err)
	}
	f.admin = jixiao.NewContextWithUser(context.Background(), admin)
	return f
}

func unitName(i int) string { return fmt.Sprintf("延丰县第%d司法所", i+1) }

var sampleText = func() string {
	b, err := os.ReadFile("../testdata/samples/yanfeng-sfj-2024.txt")
	if err != nil {
		panic(err)
	}
	return string(b)
}()

// submission is the real 2024 sample as the unit named would file it.
func submission(unit string) []byte {
	return []byte(strings.ReplaceAll(sampleText, "雁峰区司法局", unit))
}

// files are n submissions, one per unit, named as units name them.
func files(n int) []jixiao.IntakeFile {
	var out []jixiao.IntakeFile
	for i := range n {
		out = append(out, jixiao.IntakeFile{Name: fmt.Sprintf("收件/%03d-%s-2024.txt", i+1, unitName(i)), Content: submission(unitName(i))})
	}
	return out
}

// mustIntake takes in files as the bureau's admin, assuming 2024.
func (f *fixture) mustIntake(tb testing.TB, name string, files []jixiao.IntakeFile) *jixiao.Intake {
	tb.Helper()
	in := &jixiao.Intake{OrgID: f.org.ID, Name: name, Year: 2024}
	if err := f.svc.CreateIntake(f.admin, in, files); err != nil {
		tb.Fatal(err)
	}
	return in
}

func newWorker(f *fixture, name string) *intake.Worker {
	w := intake.NewWorker(f.svc)
	w.Name, w.Poll, w.Concurrency = name, 20*time.Millisecond, 2
	return w
}

// drain works until the intake has nothing queued.
func drain(t testing.TB, f *fixture, w *intake.Worker, id int64) *jixiao.Intake {
	t.Helper()
	var in *jixiao.Intake
	err := w.Until(context.Background(), func(ctx context.Context) (bool, error) {
		var err error
		in, err = f.svc.FindIntakeByID(console(), id)
		return err == nil && in.Finished(), err
	})
	if err != nil {
		t.Fatal(err)
	}
	return in
}

func items(t testing.TB, f *fixture, id int64, st jixiao.ItemState) []*jixiao.IntakeItem {
	t.Helper()
	its, n, err := f.svc.FindIntakeItems(f.admin, id, jixiao.IntakeItemFilter{State: st})
	if err != nil || n != len(its) {
		t.Fatalf("FindIntakeItems: %d of %d, %v", len(its), n, err)
	}
	return its
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func countEvaluations(t testing.TB, f *fixture) int {
	t.Helper()
	_, n, err := sqldb.NewEvaluationService(f.db).FindEvaluations(f.admin, jixiao.EvaluationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

type progress struct{ total, imported, dups, unmatched, failed int }

func progressOf(in *jixiao.Intake) progress {
	return progress{in.Total, in.Imported, in.Duplicates, in.Unmatched, in.Failed}
}

// TestIntake takes in a batch with good, repeated, broken and unknown
// files, assigns the unknown one, and takes the batch in again.
func TestIntake(t *testing.T) {
	sqldbtest.EachEngine(t, func(t *testing.T, dsn string) {
		f := mustFixture(t, dsn, 6)
		batch := files(5)
		batch = append(batch,
			jixiao.IntakeFile{Name: "收件/重复.txt", Content: batch[0].Content},
			jixiao.IntakeFile{Name: "收件/损坏.docx", Content: []byte("PK\x03\x04 not a docx")},
			jixiao.IntakeFile{Name: "收件/未知.txt", Content: submission("某某不存在单位")},
			jixiao.IntakeFile{Name: "收件/太大.txt", Error: "文件超过 32 MiB 的上限"})
		in := f.mustIntake(t, "2024 年度自评", batch)
		if got, want := progressOf(in), (progress{9, 0, 1, 0, 1}); got != want {
			t.Errorf("queued: %+v, want %+v", got, want)
		}
		in = drain(t, f, newWorker(f, "w1"), in.ID)
		if got, want := progressOf(in), (progress{9, 5, 1, 1, 2}); got != want {
			t.Fatalf("done: %+v, want %+v", got, want)
		}
		for _, it := range items(t, f, in.ID, jixiao.ItemFailed) {
			if !hasHan(it.Error) {
				t.Errorf("%s failed with %q: want a reason in Chinese", it.Name, it.Error)
			}
		}
		for i, it := range items(t, f, in.ID, jixiao.ItemImported) {
			if len(it.EvaluationIDs) != 1 || it.UnitID != f.units[i].ID || it.Year != 2024 {
				t.Errorf("%s: evaluations %v unit %d year %d, want one of unit %d, 2024", it.Name, it.EvaluationIDs, it.UnitID, it.Year, f.units[i].ID)
			}
		}
		if n := countEvaluations(t, f); n != 5 {
			t.Errorf("%d evaluations stored, want 5", n)
		}
		un := items(t, f, in.ID, jixiao.ItemUnmatched)
		if len(un) != 1 || un[0].UnitName != "某某不存在单位" || !hasHan(un[0].Error) {
			t.Fatalf("unmatched = %+v", un)
		}
		if _, err := f.svc.AssignIntakeItem(f.admin, un[0].ID, f.org.ID, 2024); jixiao.ErrorCode(err) != jixiao.EInvalid {
			t.Errorf("assigning to the bureau itself: %v, want invalid", err)
		}
		if _, err := f.svc.AssignIntakeItem(f.admin, un[0].ID, f.units[5].ID, 2024); err != nil {
			t.Fatal(err)
		}
		in = drain(t, f, newWorker(f, "w2"), in.ID)
		if got, want := progressOf(in), (progress{9, 6, 1, 0, 2}); got != want {
			t.Fatalf("after assigning: %+v, want %+v", got, want)
		}

		// the same batch again imports nothing twice
		again := f.mustIntake(t, "再次上传", batch)
		again = drain(t, f, newWorker(f, "w3"), again.ID)
		if got, want := progressOf(again), (progress{9, 0, 7, 0, 2}); got != want {
			t.Errorf("again: %+v, want %+v", got, want)
		}
		if n := countEvaluations(t, f); n != 6 {
			t.Errorf("%d evaluations stored after the second batch, want 6", n)
		}
	})
}

// TestIntakeRefused: only the bureau's admin (or the console) takes in.
func TestIntakeRefused(t *testing.T) {
	sqldbtest.EachEngine(t, func(t *testing.T, dsn string) {
		f := mustFixture(t, dsn, 1)
		editor := &jixiao.User{Login: "editor", Name: "张填报", OrgID: f.units[0].ID, Roles: []jixiao.Role{jixiao.RoleUnitEditor}}
		if err := sqldb.NewUserService(f.db).CreateUser(console(), editor, "password-editor"); err != nil {
			t.Fatal(err)
		}
		ctx := jixiao.NewContextWithUser(context.Background(), editor)
		in := &jixiao.Intake{OrgID: f.org.ID, Name: "x"}
		if err := f.svc.CreateIntake(ctx, in, files(1)); jixiao.ErrorCode(err) != jixiao.EForbidden {
			t.Errorf("editor's intake: %v, want forbidden", err)
		}
		if err := f.svc.CreateIntake(f.admin, in, files(1)); err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.FindIntakeByID(ctx, in.ID); jixiao.ErrorCode(err) != jixiao.ENotFound {
			t.Errorf("editor reads the intake: %v, want not found", err)
		}
	})
}

// TestIntakeWorkersShare runs three workers on one database at once:
// every file is imported exactly once.
func TestIntakeWorkersShare(t *testing.T) {
	sqldbtest.EachEngine(t, func(t *testing.T, dsn string) {
		f := mustFixture(t, dsn, 30)
		in := f.mustIntake(t, "并行", files(30))
		done := make(chan *jixiao.Intake, 3)
		for i := range 3 {
			// each worker with a pool of its own, as another server would
			other := &fixture{db: mustOpen(t, dsn), admin: f.admin}
			other.svc = sqldb.NewIntakeService(other.db)
			go func() { done <- drain(t, other, newWorker(other, fmt.Sprintf("server-%d", i)), in.ID) }()
		}
		for range 3 {
			<-done
		}
		in, err := f.svc.FindIntakeByID(f.admin, in.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := progressOf(in), (progress{30, 30, 0, 0, 0}); got != want {
			t.Errorf("%+v, want %+v", got, want)
		}
		if n := countEvaluations(t, f); n != 30 {
			t.Errorf("%d evaluations, want 30", n)
		}
		// the workers' batches, stored side by side, each append their
		// entries to one unbroken chain, one for each evaluation made
		logs := sqldb.NewLogService(f.db)
		if _, err := logs.VerifyLog(console()); err != nil {
			t.Errorf("log after three workers: %v", err)
		}
		if _, n, err := logs.FindLogEntries(console(), jixiao.LogFilter{Action: jixiao.LogEvaluationCreate}); err != nil || n != 30 {
			t.Errorf("%d evaluations logged (%v), want 30", n, err)
		}
	})
}

// TestWorkerStopReleases: a worker stopped with items in hand stores the
// one it finished and hands the others back, to be taken up at once.
func TestWorkerStopReleases(t *testing.T) {
	sqldbtest.EachEngine(t, func(t *testing.T, dsn string) {
		f := mustFixture(t, dsn, 6)
		in := f.mustIntake(t, "停止", files(6))
		ctx, cancel := context.WithCancel(context.Background())
		w := newWorker(f, "stopping")
		w.Concurrency, w.Batch = 1, 4
		w.BeforeFinish = func(*jixiao.IntakeWork, *jixiao.IntakeOutcome) { cancel() }
		w.Run(ctx)
		got, err := f.svc.FindIntakeByID(f.admin, in.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Imported != 1 {
			t.Errorf("%d stored by the stopped worker, want 1", got.Imported)
		}
		works, err := f.svc.ClaimIntakeWork(console(), "next", time.Minute, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(works) != 5 {
			t.Fatalf("the next worker took up %d items at once, want 5", len(works))
		}
		for _, wk := range works {
			if wk.Item.Attempts != 1 {
				t.Errorf("%s: attempt %d, want 1 (handed back untouched)", wk.Item.Name, wk.Item.Attempts)
			}
		}
	})
}

// TestIntakeEvaluationFiles: evaluation files (.yaml, .yml) are taken in
// as such, not through the document importers.
func TestIntakeEvaluationFiles(t *testing.T) {
	sqldbtest.EachEngine(t, func(t *testing.T, dsn string) {
		f := mustFixture(t, dsn, 2)
		b, err := os.ReadFile("../testdata/yanfeng-sfj-2024.yaml")
		if err != nil {
			t.Fatal(err)
		}
		var batch []jixiao.IntakeFile
		for i, ext := range []string{".yaml", ".yml"} {
			batch = append(batch, jixiao.IntakeFile{Name: "自评" + ext, Content: []byte(strings.ReplaceAll(string(b), "雁峰区司法局", unitName(i)))})
		}
		in := drain(t, f, newWorker(f, "yaml"), f.mustIntake(t, "自评表文件", batch).ID)
		if got, want := progressOf(in), (progress{2, 2, 0, 0, 0}); got != want {
			t.Errorf("%+v, want %+v", got, want)
		}
	})
}

// TestIntakeConflictInBatch: a file whose table conflicts with one stored
// earlier in the same transaction (the same unit and year, other content)
// is failed with the reason and the rest of its batch is stored: each
// file stands on its own savepoint.
func TestIntakeConflictInBatch(t *testing.T) {
	sqldbtest.EachEngine(t, func(t *testing.T, dsn string) {
		f := mustFixture(t, dsn, 3)
		batch := files(3)
		batch = slices.Insert(batch, 1, jixiao.IntakeFile{Name: "收件/重报-" + unitName(0) + "-2024.txt", Content: append(submission(unitName(0)), "\n重报。\n"...)})
		in := f.mustIntake(t, "同批冲突", batch)
		w := newWorker(f, "conflict")
		w.Concurrency, w.Batch = 1, len(batch) // one transaction for all four
		in = drain(t, f, w, in.ID)
		if got, want := progressOf(in), (progress{4, 3, 0, 0, 1}); got != want {
			t.Fatalf("%+v, want %+v", got, want)
		}
		failed := items(t, f, in.ID, jixiao.ItemFailed)
		if len(failed) != 1 || failed[0].Seq != 2 || !strings.Contains(failed[0].Error, "已存在") {
			t.Errorf("failed items %+v, want the second, as already stored", failed)
		}
		if n := countEvaluations(t, f); n != 3 {
			t.Errorf("%d evaluations, want 3", n)
		}
	})
}

// TestIntakeFolderReadAsStored: a folder's files are listed, not read,
// by ReadPath, and read as the batch is stored: what is there then is
// imported, a file gone meanwhile fails with the reason, an empty one
// as empty.
func TestIntakeFolderReadAsStored(t *testing.T) {
	sqldbtest.EachEngine(t, func(t *testing.T, dsn string) {
		f := mustFixture(t, dsn, 3)
		dir := t.TempDir()
		for i, fl := range files(3) {
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d.txt", i)), fl.Content, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		gone := filepath.Join(dir, "gone.txt")
		for _, p := range []string{gone, filepath.Join(dir, "empty.txt")} {
			if err := os.WriteFile(p, nil, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		listed, err := intake.ReadPath(dir, intake.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		for _, fl := range listed {
			if fl.Content != nil || fl.Open == nil {
				t.Errorf("%s: read at once (%d bytes), want it listed to be read later", fl.Name, len(fl.Content))
			}
		}
		if err := os.Remove(gone); err != nil {
			t.Fatal(err)
		}
		in := drain(t, f, newWorker(f, "folder"), f.mustIntake(t, "文件夹", listed).ID)
		if got, want := progressOf(in), (progress{5, 3, 0, 0, 2}); got != want {
			t.Errorf("%+v, want %+v", got, want)
		}
		reasons := map[string]string{}
		for _, it := range items(t, f, in.ID, jixiao.ItemFailed) {
			reasons[it.Name] = it.Error
		}
		if !strings.HasPrefix(reasons["gone.txt"], "无法读取") || reasons["empty.txt"] != "文件为空" {
			t.Errorf("failed with %q", reasons)
		}
	})
}
