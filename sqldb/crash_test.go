package sqldb_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"jixiao"
	"jixiao/sqldb"
)

// TestCrashDuringSaves runs a writer in a child process (this test binary
// again), kills it with SIGKILL in the middle of a stream of saves, and
// checks that every save the child saw committed is in the database, that
// the database is intact and the log chain whole.
func TestCrashDuringSaves(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	eachEngine(t, func(t *testing.T, dsn string) {
		w := mustWorld(t, dsn)
		r := w.mustCreate(t)
		w.db.Close()

		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashWriterChild$", "-test.v")
		cmd.Env = append(os.Environ(), "JIXIAO_CRASH_DSN="+dsn, fmt.Sprintf("JIXIAO_CRASH_EVAL=%d", r.ID))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		committed := map[int]string{} // revision → the text saved in it
		last := 0
		sc := bufio.NewScanner(out)
		deadline := time.Now().Add(20 * time.Second)
		for sc.Scan() && time.Now().Before(deadline) {
			f := strings.SplitN(sc.Text(), " ", 3)
			if len(f) != 3 || f[0] != "committed" {
				continue
			}
			n, _ := strconv.Atoi(f[1])
			committed[n], last = f[2], n
			if len(committed) == 25 {
				break // saves are under way: kill in the middle of the next
			}
		}
		time.Sleep(3 * time.Millisecond)
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		cmd.Wait()
		if len(committed) < 25 {
			t.Fatalf("the child committed only %d saves", len(committed))
		}

		db := MustOpenDB(t, dsn)
		if db.Engine() == "sqlite" {
			var res string
			if err := rawDB(t, dsn).QueryRow(`PRAGMA integrity_check`).Scan(&res); err != nil || res != "ok" {
				t.Fatalf("integrity_check: %s %v", res, err)
			}
		}
		ctx := as(w.editorU)
		cur, err := sqldb.NewEvaluationService(db).FindEvaluationByID(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if cur.Revision < last {
			t.Fatalf("latest revision %d, but the child saw revision %d committed", cur.Revision, last)
		}
		revs := sqldb.NewRevisionService(db)
		for n, text := range committed {
			rev, err := revs.FindRevision(ctx, r.ID, n)
			if err != nil {
				t.Fatalf("committed revision %d: %v", n, err)
			}
			if got := rev.Content.Goal.Actual; got != text {
				t.Errorf("revision %d holds %q, the child saved %q", n, got, text)
			}
		}
		_, total, err := revs.FindRevisions(ctx, jixiao.RevisionFilter{EvaluationID: r.ID})
		if err != nil || total != cur.Revision {
			t.Errorf("%d revisions stored, the evaluation says %d (%v)", total, cur.Revision, err)
		}
		if n, err := sqldb.NewLogService(db).VerifyLog(console()); err != nil {
			t.Errorf("log after the crash (%d entries): %v", n, err)
		}
		t.Logf("%s: child killed after %d committed saves; %d revisions stored", db.Engine(), len(committed), cur.Revision)
	})
}

// TestCrashWriterChild is the child of TestCrashDuringSaves: it saves the
// evaluation over and over, printing each committed revision.
func TestCrashWriterChild(t *testing.T) {
	dsn := os.Getenv("JIXIAO_CRASH_DSN")
	if dsn == "" {
		t.Skip("run by TestCrashDuringSaves")
	}
	id, _ := strconv.ParseInt(os.Getenv("JIXIAO_CRASH_EVAL"), 10, 64)
	db, err := sqldb.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	u, err := sqldb.NewUserService(db).FindUserByLogin(console(), "editor-u")
	if err != nil {
		t.Fatal(err)
	}
	ctx := jixiao.NewContextWithUser(context.Background(), u)
	evs := sqldb.NewEvaluationService(db)
	for i := 0; ; i++ {
		cur, err := evs.FindEvaluationByID(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		c := *cur.Content
		c.Goal.Actual = fmt.Sprintf("第 %d 次保存", i)
		next, err := evs.UpdateEvaluation(ctx, id, jixiao.EvaluationUpdate{Version: cur.Version, Content: &c})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Printf("committed %d %s\n", next.Revision, c.Goal.Actual)
	}
}
