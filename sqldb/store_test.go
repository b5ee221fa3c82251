package sqldb_test

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"jixiao"
	"jixiao/sqldb"
)

// rawDB opens the test database behind the services' back, as an
// attacker or a careless administrator with SQL access would.
func rawDB(t *testing.T, dsn string) *sql.DB {
	t.Helper()
	driver, src := "sqlite", "file:"+dsn+"?_pragma=busy_timeout(5000)"
	if strings.HasPrefix(dsn, "postgres") {
		driver, src = "pgx", dsn
	}
	db, err := sql.Open(driver, src)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TestVisibility checks FindEvaluations and FindEvaluationByID against
// the predicates: a unit never sees another unit's drafts, reviewers see
// their units' once submitted, published ones are readable by anyone.
func TestVisibility(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		w := mustWorld(t, dsn)
		evs := sqldb.NewEvaluationService(w.db)
		draft := w.mustCreate(t)
		ev, _ := sample(t)
		ev.Unit = "延丰县公证处"
		other := &jixiao.EvaluationRecord{UnitID: w.V.ID, Year: 2024, Kind: jixiao.KindDepartment, Content: ev}
		if err := evs.CreateEvaluation(as(w.editorV), other); err != nil {
			t.Fatal(err)
		}
		other = mustStep(t, evs, w.editorV, other, jixiao.ActionSubmit, "")
		count := func(u *jixiao.User) int {
			t.Helper()
			rs, n, err := evs.FindEvaluations(as(u), jixiao.EvaluationFilter{})
			if err != nil || len(rs) != n {
				t.Fatalf("FindEvaluations as %v: %d of %d, %v", u, len(rs), n, err)
			}
			return n
		}
		tests := []struct {
			name string
			u    *jixiao.User
			want int
		}{
			{"editorU", w.editorU, 1}, {"editorV", w.editorV, 1}, {"reviewerD", w.reviewerD, 1},
			{"reviewerE", w.reviewerE, 0}, {"financeReviewer", w.financeReviewer, 1}, {"admin", w.admin, 0}, {"anonymous", nil, 0},
		}
		for _, tt := range tests {
			if got := count(tt.u); got != tt.want {
				t.Errorf("%s sees %d evaluations, want %d", tt.name, got, tt.want)
			}
		}
		_, err := evs.FindEvaluationByID(as(w.editorV), draft.ID)
		wantCode(t, err, jixiao.ENotFound)
		_, err = evs.FindEvaluationByID(as(w.reviewerD), draft.ID)
		wantCode(t, err, jixiao.ENotFound)

		// publish V's: now everyone sees it
		other = mustStep(t, evs, w.reviewerD, other, jixiao.ActionDeptApprove, "")
		other = mustStep(t, evs, w.financeReviewer, other, jixiao.ActionFinanceApprove, "")
		mustStep(t, evs, w.financeAdmin, other, jixiao.ActionPublish, "")
		for _, u := range []*jixiao.User{nil, w.reviewerE, w.admin, w.editorU} {
			if got := count(u); got < 1 {
				t.Errorf("%v does not see the published evaluation", u)
			}
		}

		// the refusal to editorV is in the log
		entries, _, err := sqldb.NewLogService(w.db).FindLogEntries(console(), jixiao.LogFilter{Action: jixiao.LogForbidden})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, e := range entries {
			if e.UserID == w.editorV.ID && e.Object == fmt.Sprintf("evaluation/%d", draft.ID) {
				found = true
			}
		}
		if !found {
			t.Errorf("refusal not logged: %+v", entries)
		}
	})
}

// TestConcurrentSaves: saves from one version race; exactly one wins,
// the others get a conflict naming who changed what; no update is lost.
func TestConcurrentSaves(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		w := mustWorld(t, dsn)
		evs := sqldb.NewEvaluationService(w.db)
		r := w.mustCreate(t)
		base, err := evs.FindEvaluationByID(as(w.editorU), r.ID)
		if err != nil {
			t.Fatal(err)
		}
		const n = 4 // the sample has five indicators
		var wg sync.WaitGroup
		errs := make([]error, n)
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				c := *base.Content
				c.Goal.Actual = fmt.Sprintf("第 %d 位编辑的说明", i)
				_, errs[i] = evs.UpdateEvaluation(as(w.editorU), r.ID, jixiao.EvaluationUpdate{Version: base.Version, Content: &c})
			}()
		}
		wg.Wait()
		wins := 0
		for _, err := range errs {
			switch jixiao.ErrorCode(err) {
			case "":
				wins++
			case jixiao.EConflict:
				if !strings.Contains(err.Error(), "张填报") || !strings.Contains(err.Error(), "goal.actual") {
					t.Errorf("conflict does not say who changed what: %v", err)
				}
			default:
				t.Errorf("save: %v", err)
			}
		}
		if wins != 1 {
			t.Fatalf("%d saves from one version won, want 1", wins)
		}

		// then each editor retries from the latest version until saved:
		// every edit lands in its own revision
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for attempt := 0; attempt < 100; attempt++ {
					cur, err := evs.FindEvaluationByID(as(w.editorU), r.ID)
					if err != nil {
						errs[i] = err
						return
					}
					c := *cur.Content
					c.Indicators = append([]jixiao.Indicator(nil), c.Indicators...)
					c.Indicators[i].Deviation = fmt.Sprintf("编辑 %d 补充的偏差说明", i)
					_, err = evs.UpdateEvaluation(as(w.editorU), r.ID, jixiao.EvaluationUpdate{Version: cur.Version, Content: &c})
					if jixiao.ErrorCode(err) != jixiao.EConflict {
						errs[i] = err
						return
					}
				}
			}()
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		final, err := evs.FindEvaluationByID(as(w.editorU), r.ID)
		if err != nil {
			t.Fatal(err)
		}
		for i := range n {
			if got, want := final.Content.Indicators[i].Deviation, fmt.Sprintf("编辑 %d 补充的偏差说明", i); got != want {
				t.Errorf("indicator %d: edit lost: %q", i, got)
			}
		}
		if final.Revision != 2+n {
			t.Errorf("%d revisions, want %d", final.Revision, 2+n)
		}
		revs, total, err := sqldb.NewRevisionService(w.db).FindRevisions(as(w.editorU), jixiao.RevisionFilter{EvaluationID: r.ID})
		if err != nil || total != 2+n || len(revs[0].Changes) != 1 {
			t.Errorf("revisions: %d, latest changes %v, %v", total, revs[0].Changes, err)
		}
	})
}

// TestLogTamper: the log refuses UPDATE and DELETE; past the triggers, an
// edited, deleted or truncated entry makes Verify fail naming it.
func TestLogTamper(t *testing.T) {
	tests := []struct {
		name string
		sql  []string
		want string
	}{
		{"ErrEdited", []string{`UPDATE audit_log SET detail = 'x' WHERE seq = 3`}, "第 3 条内容被修改"},
		{"ErrDeleted", []string{`DELETE FROM audit_log WHERE seq = 4`}, "缺少第 4 条"},
		{"ErrSwapped", []string{
			`UPDATE audit_log SET seq = -5 WHERE seq = 5`,
			`UPDATE audit_log SET seq = 5 WHERE seq = 6`,
			`UPDATE audit_log SET seq = 6 WHERE seq = -5`,
		}, "第 5 条与前一条不衔接"},
		{"ErrTruncated", []string{`DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)`}, "末尾缺失"},
	}
	eachEngine(t, func(t *testing.T, dsn string) {
		w := mustWorld(t, dsn)
		w.mustCreate(t)
		logs := sqldb.NewLogService(w.db)
		n, err := logs.VerifyLog(console())
		if err != nil || n < 10 {
			t.Fatalf("untouched log: %d entries, %v", n, err)
		}
		raw := rawDB(t, dsn)
		if _, err := raw.Exec(`UPDATE audit_log SET detail = 'x' WHERE seq = 3`); err == nil {
			t.Fatal("the log accepted an UPDATE")
		}
		if _, err := raw.Exec(`DELETE FROM audit_log WHERE seq = 3`); err == nil {
			t.Fatal("the log accepted a DELETE")
		}
		dropTriggers(t, raw, dsn)
		backup := filepath.Join(t.TempDir(), "before.dump")
		var before bytes.Buffer
		if err := w.db.Dump(context.Background(), &before); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(backup, before.Bytes(), 0o600)
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				tx, err := raw.Begin()
				if err != nil {
					t.Fatal(err)
				}
				defer tx.Rollback() // undo the tampering for the next case
				for _, q := range tt.sql {
					if _, err := tx.Exec(q); err != nil {
						t.Fatal(err)
					}
				}
				// Verify sees the tampered, uncommitted state through a
				// check of the rows themselves
				err = verifyRows(t, tx)
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("Verify = %v, want an error containing %q", err, tt.want)
				}
			})
		}
		// and for real, through the service: one committed edit
		if _, err := raw.Exec(`UPDATE audit_log SET detail = '改过' WHERE seq = 7`); err != nil {
			t.Fatal(err)
		}
		_, err = logs.VerifyLog(console())
		if err == nil || !strings.Contains(err.Error(), "第 7 条内容被修改") {
			t.Fatalf("VerifyLog after an edit = %v", err)
		}
	})
}

func dropTriggers(t *testing.T, raw *sql.DB, dsn string) {
	t.Helper()
	qs := []string{`DROP TRIGGER audit_log_no_update`, `DROP TRIGGER audit_log_no_delete`}
	if strings.HasPrefix(dsn, "postgres") {
		qs = []string{`DROP TRIGGER audit_log_no_change ON audit_log`}
	}
	for _, q := range qs {
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
}

// verifyRows runs the domain's verifier over rows read in tx.
func verifyRows(t *testing.T, tx *sql.Tx) error {
	rows, err := tx.Query(`SELECT seq, time, user_id, user_name, action, object, detail, address, prev_hash, hash FROM audit_log ORDER BY seq`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var v jixiao.LogVerifier
	for rows.Next() {
		e := &jixiao.LogEntry{}
		var ts any
		var action string
		if err := rows.Scan(&e.Seq, &ts, &e.UserID, &e.UserName, &action, &e.Object, &e.Detail, &e.Address, &e.PrevHash, &e.Hash); err != nil {
			t.Fatal(err)
		}
		e.Action = jixiao.LogAction(action)
		switch ts := ts.(type) {
		case time.Time:
			e.Time = ts
		case string:
			e.Time, _ = time.Parse(time.RFC3339Nano, ts)
		}
		if err := v.Check(e); err != nil {
			return err
		}
	}
	var seq int64
	var hash string
	if err := tx.QueryRow(`SELECT seq, hash FROM audit_head`).Scan(&seq, &hash); err != nil {
		t.Fatal(err)
	}
	return v.Finish(seq, hash)
}

// TestBackupRestore: a backup taken while the database is open restores
// to a database with the same rows, on which the services work.
func TestBackupRestore(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		w := mustWorld(t, dsn)
		r := w.mustCreate(t)
		evs := sqldb.NewEvaluationService(w.db)
		mustStep(t, evs, w.approverU, r, jixiao.ActionSubmit, "")
		ctx := context.Background()
		var want bytes.Buffer
		if err := w.db.Dump(ctx, &want); err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		backup := filepath.Join(dir, "backup")
		if err := w.db.Backup(ctx, backup); err != nil {
			t.Fatal(err)
		}
		if err := w.db.Backup(ctx, backup); jixiao.ErrorCode(err) != jixiao.EConflict {
			t.Errorf("backup over an existing file: %v", err)
		}
		var restored *sqldb.DB
		if w.db.Engine() == "sqlite" {
			target := filepath.Join(dir, "restored.db")
			if err := sqldb.Restore(ctx, backup, target, false); err != nil {
				t.Fatal(err)
			}
			if err := sqldb.Restore(ctx, backup, target, false); jixiao.ErrorCode(err) != jixiao.EConflict {
				t.Errorf("restore over an existing database without force: %v", err)
			}
			restored = MustOpenDB(t, target)
		} else {
			restored = MustOpenDB(t, MustDSN(t, "postgres"))
			f, err := os.Open(backup)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if err := restored.Load(ctx, f); err != nil {
				t.Fatal(err)
			}
		}
		var got bytes.Buffer
		if err := restored.Dump(ctx, &got); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(want.Bytes(), got.Bytes()) {
			t.Errorf("restored database differs:\n%s", firstDiff(want.String(), got.String()))
		}
		if _, err := sqldb.NewLogService(restored).VerifyLog(console()); err != nil {
			t.Errorf("restored log: %v", err)
		}
		// the restored database goes on: ids continue, the chain continues
		w.db = restored
		ev, _ := sample(t)
		ev.Unit = "延丰县公证处"
		next := &jixiao.EvaluationRecord{UnitID: w.V.ID, Year: 2024, Kind: jixiao.KindDepartment, Content: ev}
		if err := sqldb.NewEvaluationService(restored).CreateEvaluation(as(w.editorV), next); err != nil || next.ID <= r.ID {
			t.Fatalf("create after restore: id %d, %v", next.ID, err)
		}
		if _, err := sqldb.NewLogService(restored).VerifyLog(console()); err != nil {
			t.Errorf("log after restore and a save: %v", err)
		}
	})
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n- %.300s\n+ %.300s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("%d lines vs %d", len(al), len(bl))
}
