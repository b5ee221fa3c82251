package sqldb_test

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"jixiao"
	"jixiao/sqldb"
)

// TestJobLease: a job held by a worker is not given to another until its
// lease runs out; then the first worker's outcome is refused, and a job
// taken up too often without finishing is failed.
func TestJobLease(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		w := mustWorld(t, dsn)
		now := testClock
		w.db.Now = func() time.Time { return now }
		svc := sqldb.NewIntakeService(w.db)
		b, err := os.ReadFile("../testdata/samples/yanfeng-sfj-2024.txt")
		if err != nil {
			t.Fatal(err)
		}
		in := &jixiao.Intake{OrgID: w.F.ID, Name: "租约", Year: 2024}
		content := []byte(strings.ReplaceAll(string(b), "雁峰区司法局", w.V.Name))
		if err := svc.CreateIntake(as(w.financeAdmin), in, []jixiao.IntakeFile{{Name: "a.txt", Content: content}}); err != nil {
			t.Fatal(err)
		}
		const lease = time.Minute
		claim := func(worker string) *jixiao.IntakeWork {
			t.Helper()
			works, err := svc.ClaimIntakeWork(console(), worker, lease, 5)
			if err != nil {
				t.Fatal(err)
			}
			if len(works) > 1 {
				t.Fatalf("%d items claimed of one", len(works))
			}
			if len(works) == 0 {
				return nil
			}
			return works[0]
		}
		a := claim("a")
		if a == nil || a.Item.Attempts != 1 || string(a.Content) != string(content) {
			t.Fatalf("first claim = %+v", a)
		}
		// a stopping worker hands it back: taken up again at once, as new
		if err := svc.ReleaseIntakeWork(console(), a); err != nil {
			t.Fatal(err)
		}
		if a = claim("a"); a == nil || a.Item.Attempts != 1 {
			t.Fatalf("claim after release = %+v", a)
		}
		if b := claim("b"); b != nil {
			t.Fatalf("b took an item a holds: %+v", b.Item)
		}
		now = now.Add(lease / 2)
		if err := svc.ExtendIntakeWork(console(), a, lease); err != nil {
			t.Fatal(err)
		}
		now = now.Add(lease * 3 / 4) // past the first lease, within the renewed one
		if b := claim("b"); b != nil {
			t.Fatal("b took an item whose lease a renewed")
		}
		now = now.Add(lease)
		b2 := claim("b")
		if b2 == nil || b2.Item.ID != a.Item.ID || b2.Item.Attempts != 2 {
			t.Fatalf("after the lease: %+v", b2)
		}
		out := &jixiao.IntakeOutcome{State: jixiao.ItemFailed, Error: "测试"}
		done := []jixiao.IntakeDone{{Work: a, Outcome: out}}
		if err := svc.FinishIntakeWork(console(), done); err != nil || !done[0].Lost {
			t.Fatalf("a finishing after losing its lease: %v, lost %v, want lost", err, done[0].Lost)
		}
		if err := svc.ExtendIntakeWork(console(), a, lease); !errors.Is(err, jixiao.ErrLeaseLost) {
			t.Fatalf("a renewing a lost lease: %v, want ErrLeaseLost", err)
		}
		// b dies too, and a third worker: the item is given up
		now = now.Add(2 * lease)
		if c := claim("c"); c == nil || c.Item.Attempts != 3 {
			t.Fatalf("third claim = %+v", c)
		}
		now = now.Add(2 * lease)
		if d := claim("d"); d != nil {
			t.Fatalf("an item taken up a fourth time: %+v", d.Item)
		}
		its, _, err := svc.FindIntakeItems(as(w.financeAdmin), in.ID, jixiao.IntakeItemFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(its) != 1 || its[0].State != jixiao.ItemFailed || !strings.Contains(its[0].Error, "未完成") {
			t.Errorf("item after 3 dead workers: %+v", its[0])
		}
	})
}
