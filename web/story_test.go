package web_test

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

const samplePath = "../testdata/samples/yanfeng-sfj-2024.txt"

// TestStory runs the whole year through the API: the finance admin opens
// the 2024 task; a unit editor imports the real sample and fixes its
// errors; the approver submits; the department reviewer returns it with a
// reason pinned to an indicator; the editor fixes and resubmits; the
// department approves; the finance reviewer re-scores one indicator and
// approves; the admin publishes; it is readable without login; every step
// is in the audit log, the log verifies, and editing one log row by SQL
// makes verification fail.
func TestStory(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		w := mustWorld(t, dsn)
		unit := w.orgs["U"]

		// 任务下达
		fa := w.login("financeAdmin")
		var task struct{ ID int64 }
		fa.must("POST", "/api/tasks", map[string]any{"name": "2024 年度部门整体支出绩效自评", "year": 2024,
			"kinds": []string{"部门整体"}, "unit_ids": []int64{unit.ID}, "deadline": "2025-04-30T18:00:00+08:00",
			"rule_set": "hunan"}, 201, &task)

		// 填报: import the sample; it has errors
		ed := w.login("editorU")
		var owed struct {
			Items []struct {
				Missing bool `json:"missing"`
			}
		}
		ed.must("GET", "/api/me/obligations", nil, 200, &owed)
		if len(owed.Items) != 1 || !owed.Items[0].Missing {
			t.Fatalf("before import the unit owes %+v, want one missing table", owed.Items)
		}
		status, body := ed.upload("/api/evaluations/import", "yanfeng-sfj-2024.txt", mustRead(t, samplePath),
			map[string]string{"task_id": strconv.FormatInt(task.ID, 10), "unit_id": strconv.FormatInt(unit.ID, 10)})
		if status != 201 {
			t.Fatalf("import: %d %s", status, body)
		}
		var ev evaluation
		mustJSON(t, body, &ev)
		if ev.Errors == 0 || len(ev.Notes) == 0 {
			t.Fatalf("imported sample: %d errors, notes %v; the sample has errors and unread columns", ev.Errors, ev.Notes)
		}
		if !hasFinding(ev, "T-EXEC-NO-EXECUTED") {
			t.Fatalf("imported sample lacks T-EXEC-NO-EXECUTED: %+v", ev.Findings)
		}
		before := ev.Errors
		// fix: state the 全年执行数 the 执行率 implies
		budget := ev.Content["预算"].(map[string]any)
		budget["全年执行数"] = "413.21"
		ed.must("PUT", fmt.Sprintf("/api/evaluations/%d", ev.ID), map[string]any{"version": ev.Version,
			"evaluation": ev.Content, "note": "补填全年执行数"}, 200, &ev)
		if ev.Errors >= before || hasFinding(ev, "T-EXEC-NO-EXECUTED") {
			t.Fatalf("after the fix: %d errors (before %d), findings %+v", ev.Errors, before, ev.Findings)
		}

		// 提交
		ap := w.login("approverU")
		ap.must("POST", fmt.Sprintf("/api/evaluations/%d/transitions", ev.ID), map[string]any{"action": "submit", "version": ev.Version}, 200, &ev)
		if ev.Status.Code != "submitted" {
			t.Fatalf("after submit: %s", ev.Status.Code)
		}
		// an edit after submission is impossible without a return
		if st, b := ed.call("PUT", fmt.Sprintf("/api/evaluations/%d", ev.ID), map[string]any{"version": ev.Version, "evaluation": ev.Content}); st != 403 {
			t.Fatalf("edit after submit: %d %s, want 403", st, b)
		}

		// 主管部门退回, pinned to the indicator 成本指标/节约率
		pinned := indicatorPath(t, ev, "节约率")
		rd := w.login("reviewerD")
		rd.must("POST", fmt.Sprintf("/api/evaluations/%d/transitions", ev.ID), map[string]any{"action": "dept_return",
			"version": ev.Version, "reason": "指标体系与规则集不符，请改正后重新提交",
			"comments": []map[string]string{{"path": pinned, "body": "成本指标应为产出指标下的二级指标"}}}, 200, &ev)
		var comments struct {
			Items []struct{ Path, Body string }
		}
		ed.must("GET", fmt.Sprintf("/api/evaluations/%d/comments", ev.ID), nil, 200, &comments)
		if len(comments.Items) != 1 || comments.Items[0].Path != pinned {
			t.Fatalf("the editor sees comments %+v, want one on %s", comments.Items, pinned)
		}

		// 修改并重新提交
		ed.must("GET", fmt.Sprintf("/api/evaluations/%d", ev.ID), nil, 200, &ev)
		row := indicatorRow(t, ev, "节约率")
		row["一级指标"], row["二级指标"] = "产出指标", "成本指标"
		ed.must("PUT", fmt.Sprintf("/api/evaluations/%d", ev.ID), map[string]any{"version": ev.Version,
			"evaluation": ev.Content, "note": "按退回意见修改"}, 200, &ev)
		ap.must("POST", fmt.Sprintf("/api/evaluations/%d/transitions", ev.ID), map[string]any{"action": "submit", "version": ev.Version}, 200, &ev)
		rd.must("POST", fmt.Sprintf("/api/evaluations/%d/transitions", ev.ID), map[string]any{"action": "dept_approve", "version": ev.Version}, 200, &ev)

		// 财政复核评分 and approval
		fr := w.login("financeReviewer")
		fr.must("GET", fmt.Sprintf("/api/evaluations/%d", ev.ID), nil, 200, &ev)
		if len(ev.Score.Rows) == 0 {
			t.Fatalf("the finance reviewer sees no score rows: %+v", ev.Score)
		}
		first := ev.Score.Rows[0]
		fr.must("POST", fmt.Sprintf("/api/evaluations/%d/review-scores", ev.ID), map[string]any{"path": first.Path,
			"score": "1", "reason": "佐证材料不足"}, 200, nil)
		var scores struct {
			Items []struct {
				Path, Score, Gap string
				UnitScore        string `json:"unit_score"`
			}
		}
		fr.must("GET", fmt.Sprintf("/api/evaluations/%d/review-scores", ev.ID), nil, 200, &scores)
		if len(scores.Items) != 1 || scores.Items[0].Path != first.Path || scores.Items[0].Score != "1" ||
			!decimal.RequireFromString(scores.Items[0].UnitScore).Equal(decimal.RequireFromString(first.Score)) {
			t.Fatalf("review scores %+v, want one on %s: 1 beside the unit's %s", scores.Items, first.Path, first.Score)
		}
		fr.must("POST", fmt.Sprintf("/api/evaluations/%d/transitions", ev.ID), map[string]any{"action": "finance_approve", "version": ev.Version}, 200, &ev)

		// 公开, then readable without login
		anon := w.anon()
		if st, _ := anon.call("GET", fmt.Sprintf("/api/public/evaluations/%d", ev.ID), nil); st != 404 {
			t.Fatalf("public read before publication: %d, want 404", st)
		}
		if st, _ := anon.call("GET", fmt.Sprintf("/api/public/evaluations/%d/review-scores", ev.ID), nil); st != 404 {
			t.Fatalf("public review scores before publication: %d, want 404", st)
		}
		fa.must("POST", fmt.Sprintf("/api/evaluations/%d/transitions", ev.ID), map[string]any{"action": "publish", "version": ev.Version}, 200, &ev)
		var pub evaluation
		anon.must("GET", fmt.Sprintf("/api/public/evaluations/%d", ev.ID), nil, 200, &pub)
		if pub.Status.Code != "published" || pub.Content["单位"] == nil {
			t.Fatalf("public read: %+v", pub)
		}
		if st, b := anon.call("GET", fmt.Sprintf("/api/public/evaluations/%d/downloads/report.html", ev.ID), nil); st != 200 || !strings.Contains(string(b), "自评") {
			t.Fatalf("public report: %d", st)
		}
		if st, _ := anon.call("GET", fmt.Sprintf("/api/evaluations/%d/review-scores", ev.ID), nil); st != 401 {
			t.Fatalf("review scores without login: %d, want 401", st)
		}
		var pubScores struct {
			Items []map[string]any
		}
		anon.must("GET", fmt.Sprintf("/api/public/evaluations/%d/review-scores", ev.ID), nil, 200, &pubScores)
		if len(pubScores.Items) != 1 || pubScores.Items[0]["reason"] != "佐证材料不足" || pubScores.Items[0]["user_name"] != nil {
			t.Fatalf("public review scores %+v: want the one, without the reviewer", pubScores.Items)
		}
		// the public page shows the 复核 result: the re-scored indicator, its reason, the gap
		if st, b := anon.call("GET", fmt.Sprintf("/public/%d", ev.ID), nil); st != 200 || !strings.Contains(string(b), "佐证材料不足") ||
			!regexp.MustCompile(`id="gap-total">-[0-9.]+<`).Match(b) {
			t.Fatalf("the public page: %d, want the 复核 result with its gap", st)
		}

		// the audit log has every step and verifies
		admin := w.login("admin")
		var log struct {
			Items []struct {
				Seq    int64
				Action string
				Object string
				Detail string
			}
		}
		admin.must("GET", "/api/log?limit=500", nil, 200, &log)
		counts := map[string]int{}
		for _, e := range log.Items {
			counts[e.Action]++
		}
		for action, want := range map[string]int{"task.create": 1, "source.create": 1, "evaluation.create": 1,
			"evaluation.save": 2, "evaluation.transition": 6, "review.score": 1, "comment.create": 1, "login": 7} {
			if counts[action] < want {
				t.Errorf("audit log has %d %s, want at least %d (log: %v)", counts[action], action, want, counts)
			}
		}
		var verify struct {
			OK      bool
			Checked int64
			Problem string
		}
		admin.must("GET", "/api/log/verify", nil, 200, &verify)
		if !verify.OK || verify.Checked < int64(len(log.Items)) {
			t.Fatalf("log verify: %+v", verify)
		}

		if out, err := logVerify(t, w.dsn); err != nil {
			t.Fatalf("jixiao log verify: %v: %s", err, out)
		}

		// one row edited by SQL breaks the chain at that row
		tamper(t, w, log.Items[3].Seq)
		admin.must("GET", "/api/log/verify", nil, 200, &verify)
		if verify.OK || !strings.Contains(verify.Problem, strconv.FormatInt(log.Items[3].Seq, 10)) {
			t.Fatalf("after editing entry %d: %+v", log.Items[3].Seq, verify)
		}
		if out, err := logVerify(t, w.dsn); err == nil || !strings.Contains(out, strconv.FormatInt(log.Items[3].Seq, 10)) {
			t.Fatalf("jixiao log verify after editing entry %d: %v: %s", log.Items[3].Seq, err, out)
		}
	})
}

// logVerify runs `jixiao log verify` (the built binary) on dsn.
func logVerify(t *testing.T, dsn string) (string, error) {
	t.Helper()
	bin, err := buildJixiao()
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "log", "verify", "--db", dsn).CombinedOutput()
	return string(out), err
}

// tamper edits one audit log entry behind the application's back, as
// someone with access to the database could.
func tamper(t *testing.T, w *world, seq int64) {
	t.Helper()
	driver := "sqlite"
	if strings.HasPrefix(w.dsn, "postgres") {
		driver = "pgx"
	}
	db, err := sql.Open(driver, w.dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if driver == "sqlite" {
		_, err = db.Exec(`DROP TRIGGER audit_log_no_update`)
	} else {
		_, err = db.Exec(`ALTER TABLE audit_log DISABLE TRIGGER USER`)
	}
	if err != nil {
		t.Fatal(err)
	}
	q := `UPDATE audit_log SET detail = '篡改' WHERE seq = ?`
	if driver == "pgx" {
		q = strings.Replace(q, "?", "$1", 1)
	}
	if _, err := db.Exec(q, seq); err != nil {
		t.Fatal(err)
	}
}

func mustJSON(tb testing.TB, b []byte, v any) {
	tb.Helper()
	if err := json.Unmarshal(b, v); err != nil {
		tb.Fatalf("%v: %s", err, b)
	}
}

func hasFinding(ev evaluation, code string) bool {
	for _, f := range ev.Findings {
		if f.Code == code {
			return true
		}
	}
	return false
}

// indicatorRow returns the content's indicator named name.
func indicatorRow(t *testing.T, ev evaluation, name string) map[string]any {
	t.Helper()
	inds, _ := ev.Content["指标"].([]any)
	for _, x := range inds {
		if row, _ := x.(map[string]any); row["三级指标"] == name {
			return row
		}
	}
	t.Fatalf("no indicator %s in %v", name, ev.Content["指标"])
	return nil
}

// indicatorPath returns the path comments use for the indicator named name.
func indicatorPath(t *testing.T, ev evaluation, name string) string {
	t.Helper()
	inds, _ := ev.Content["指标"].([]any)
	for i, x := range inds {
		if row, _ := x.(map[string]any); row["三级指标"] == name {
			return fmt.Sprintf("indicators[%d]", i)
		}
	}
	t.Fatalf("no indicator %s", name)
	return ""
}
