package web_test

import (
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"jixiao"
	"jixiao/gen"
)

// The authorization matrix: who (role × whose organisation) may do what,
// through the API. Every cell is asserted. A cell is
//
//	Y  allowed (2xx)
//	N  refused: the caller may see the thing but not do this (403)
//	H  hidden: the caller may not even see it (404)
//	A  not signed in (401)
//
// The evaluation acted on belongs to unit U under department D; V is
// another unit of D, W a unit of the other department E.
var matrixActors = []string{"editorU", "approverU", "editorV", "editorW", "reviewerD", "reviewerE", "financeReviewer", "financeAdmin", "admin", "anon"}

type matrixRow struct {
	name  string
	state jixiao.Status // the evaluation's state first; "" for no evaluation
	cells string        // one letter per matrixActors entry
	do    func(c *client, w *world, ev *seeded) (int, []byte)
}

// seeded is an evaluation made for one cell.
type seeded struct {
	id      int64
	version int
	content map[string]any
}

var matrix = []matrixRow{
	//                                               eU  aU  eV  eW  rD  rE  fR  fA  ad  anon
	{"view draft", jixiao.StatusDraft, "YYHHHHHHHA", get("/api/evaluations/%d")},
	{"view submitted", jixiao.StatusSubmitted, "YYHHYHYYHA", get("/api/evaluations/%d")},
	{"view revisions of submitted", jixiao.StatusSubmitted, "YYHHYHYYHA", get("/api/evaluations/%d/revisions")},
	{"download table of draft", jixiao.StatusDraft, "YYHHHHHHHA", get("/api/evaluations/%d/downloads/table.xlsx")},
	{"edit draft", jixiao.StatusDraft, "YYHHHHHHHA", edit},
	{"edit submitted", jixiao.StatusSubmitted, "NNHHNHNNHA", edit},
	{"edit returned", jixiao.StatusDeptReturned, "YYHHNHNNHA", edit},
	{"submit draft", jixiao.StatusDraft, "NYHHHHHHHA", step("submit", "")},
	{"withdraw submitted", jixiao.StatusSubmitted, "NYHHNHNNHA", step("withdraw", "")},
	{"dept approve", jixiao.StatusSubmitted, "NNHHYHNNHA", step("dept_approve", "")},
	{"dept return", jixiao.StatusSubmitted, "NNHHYHNNHA", step("dept_return", "请补充佐证")},
	{"finance approve", jixiao.StatusDeptApproved, "NNHHNHYNHA", step("finance_approve", "")},
	{"finance return", jixiao.StatusDeptApproved, "NNHHNHYNHA", step("finance_return", "请核实")},
	{"publish", jixiao.StatusFinanceApproved, "NNHHNHNYHA", step("publish", "")},
	{"comment on submitted", jixiao.StatusSubmitted, "YYHHYHYYHA", comment},
	{"read comments of submitted", jixiao.StatusSubmitted, "YYHHYHYYHA", get("/api/evaluations/%d/comments")},
	{"review score in dept review", jixiao.StatusSubmitted, "NNHHYHNNHA", reviewScore},
	{"review score in finance review", jixiao.StatusDeptApproved, "NNHHNHYNHA", reviewScore},
	{"view published", jixiao.StatusPublished, "YYYYYYYYYA", get("/api/evaluations/%d")},
	{"public read of published", jixiao.StatusPublished, "YYYYYYYYYY", get("/api/public/evaluations/%d")},
	{"public read of draft", jixiao.StatusDraft, "HHHHHHHHHH", get("/api/public/evaluations/%d")},
	{"public read of finance-approved", jixiao.StatusFinanceApproved, "HHHHHHHHHH", get("/api/public/evaluations/%d")},
	{"create evaluation for U", "", "YYNNNNNNNA", createForU},
	{"open task", "", "NNNNNNNYNA", openTask},
	// everyone lists the accounts of their own organisation; see userScope
	{"list users", "", "YYYYYYYYYA", get("/api/users")},
	{"create user", "", "NNNNNNNNYA", createUser},
	{"create organisation", "", "NNNNNNNNYA", createOrg},
	{"read audit log", "", "NNNNNNNNYA", get("/api/log")},
	{"verify audit log", "", "NNNNNNNNYA", get("/api/log/verify")},
	// last: disabling editorV ends its sessions
	{"disable a user", "", "NNNNNNNNYA", disableEditorV},
}

var cellStatus = map[byte][]int{'Y': {200, 201, 204}, 'N': {403}, 'H': {404}, 'A': {401}}

func TestAuthorizationMatrix(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		w := mustWorld(t, dsn)
		clients := map[string]*client{"anon": w.anon()}
		for _, a := range matrixActors[:len(matrixActors)-1] {
			clients[a] = w.login(a)
		}
		for _, row := range matrix {
			if len(row.cells) != len(matrixActors) {
				t.Fatalf("%s: %d cells for %d actors", row.name, len(row.cells), len(matrixActors))
			}
			for i, actor := range matrixActors {
				var ev *seeded
				if row.state != "" {
					ev = w.seedEvaluation(row.state)
				}
				status, body := row.do(clients[actor], w, ev)
				want := cellStatus[row.cells[i]]
				ok := false
				for _, s := range want {
					ok = ok || s == status
				}
				if !ok {
					t.Errorf("%s by %s: status %d, want %c %v: %.200s", row.name, actor, status, row.cells[i], want, body)
				}
			}
		}
	})
}

func get(format string) func(c *client, w *world, ev *seeded) (int, []byte) {
	return func(c *client, w *world, ev *seeded) (int, []byte) {
		path := format
		if strings.Contains(format, "%d") {
			path = fmt.Sprintf(format, ev.id)
		}
		return c.call("GET", path, nil)
	}
}

func edit(c *client, w *world, ev *seeded) (int, []byte) {
	ev.content["年度总体目标"] = map[string]any{"预期目标": "完成年度工作", "实际完成情况": "已完成（修改）"}
	return c.call("PUT", fmt.Sprintf("/api/evaluations/%d", ev.id), map[string]any{"version": ev.version, "evaluation": ev.content})
}

func step(action, reason string) func(c *client, w *world, ev *seeded) (int, []byte) {
	return func(c *client, w *world, ev *seeded) (int, []byte) {
		return c.call("POST", fmt.Sprintf("/api/evaluations/%d/transitions", ev.id),
			map[string]any{"action": action, "version": ev.version, "reason": reason})
	}
}

func comment(c *client, w *world, ev *seeded) (int, []byte) {
	return c.call("POST", fmt.Sprintf("/api/evaluations/%d/comments", ev.id), map[string]any{"path": "indicators[0]", "body": "请核实"})
}

func reviewScore(c *client, w *world, ev *seeded) (int, []byte) {
	return c.call("POST", fmt.Sprintf("/api/evaluations/%d/review-scores", ev.id), map[string]any{"path": "indicators[0]", "score": "0", "reason": "未达成"})
}

var projectSeq atomic.Int64

func createForU(c *client, w *world, ev *seeded) (int, []byte) {
	return c.call("POST", "/api/evaluations", map[string]any{"unit_id": w.orgs["U"].ID, "kind": "项目", "year": 2024,
		"project_code": fmt.Sprintf("43000020249%010d", 9e9+projectSeq.Add(1)), "project": "矩阵测试项目"})
}

func openTask(c *client, w *world, ev *seeded) (int, []byte) {
	return c.call("POST", "/api/tasks", map[string]any{"name": "矩阵测试任务", "year": 2024, "kinds": []string{"项目"},
		"unit_ids": []int64{w.orgs["U"].ID}, "deadline": "2025-04-30T00:00:00Z", "rule_set": "hunan"})
}

func createUser(c *client, w *world, ev *seeded) (int, []byte) {
	n := projectSeq.Add(1)
	return c.call("POST", "/api/users", map[string]any{"login": fmt.Sprintf("new%d", n), "name": "新用户", "org_id": w.orgs["V"].ID,
		"roles": []string{"unit_editor"}, "password": "a-long-enough-password"})
}

func disableEditorV(c *client, w *world, ev *seeded) (int, []byte) {
	// disabling and enabling again leaves the world as it was
	st, b := c.call("PATCH", fmt.Sprintf("/api/users/%d", w.users["editorV"].ID), map[string]any{"disabled": true})
	if st == 200 {
		c.call("PATCH", fmt.Sprintf("/api/users/%d", w.users["editorV"].ID), map[string]any{"disabled": false})
	}
	return st, b
}

func createOrg(c *client, w *world, ev *seeded) (int, []byte) {
	n := projectSeq.Add(1)
	return c.call("POST", "/api/organisations", map[string]any{"code": fmt.Sprintf("X%05d", n), "name": fmt.Sprintf("矩阵单位%d", n),
		"kind": "预算单位", "parent_id": w.orgs["D"].ID})
}

// matrixSteps lead from a draft to each state, with who takes each step.
var matrixSteps = map[jixiao.Status][][2]string{
	jixiao.StatusDraft:           nil,
	jixiao.StatusSubmitted:       {{"submit", "approverU"}},
	jixiao.StatusDeptReturned:    {{"submit", "approverU"}, {"dept_return", "reviewerD"}},
	jixiao.StatusDeptApproved:    {{"submit", "approverU"}, {"dept_approve", "reviewerD"}},
	jixiao.StatusFinanceApproved: {{"submit", "approverU"}, {"dept_approve", "reviewerD"}, {"finance_approve", "financeReviewer"}},
	jixiao.StatusPublished:       {{"submit", "approverU"}, {"dept_approve", "reviewerD"}, {"finance_approve", "financeReviewer"}, {"publish", "financeAdmin"}},
}

// seedEvaluation stores a fresh generated 项目 evaluation of unit U and
// drives it to state through the services, as the users who would.
func (w *world) seedEvaluation(state jixiao.Status) *seeded {
	w.t.Helper()
	n := projectSeq.Add(1)
	c, err := gen.Generate(7, int(n), gen.Options{Kind: jixiao.KindProject, Rules: "hunan"})
	if err != nil {
		w.t.Fatal(err)
	}
	ev := c.Eval
	ev.Year, ev.Unit, ev.ProjectCode = 2024, w.orgs["U"].Name, fmt.Sprintf("43000020248%010d", n)
	rec := &jixiao.EvaluationRecord{UnitID: w.orgs["U"].ID, Year: 2024, Kind: jixiao.KindProject, ProjectCode: ev.ProjectCode,
		RuleSet: "hunan", Content: ev}
	if err := w.svc.Evaluations.CreateEvaluation(w.as("editorU"), rec); err != nil {
		w.t.Fatal(err)
	}
	for _, s := range matrixSteps[state] {
		req := jixiao.TransitionRequest{Action: jixiao.Action(s[0]), Version: rec.Version, Reason: "矩阵测试"}
		next, err := w.svc.Evaluations.TransitionEvaluation(w.as(s[1]), rec.ID, req)
		if err != nil {
			w.t.Fatalf("%s by %s: %v", s[0], s[1], err)
		}
		rec = next
	}
	// the content in the API's form, as the unit's editor reads it
	var got evaluation
	w.editor().must("GET", fmt.Sprintf("/api/evaluations/%d", rec.ID), nil, 200, &got)
	return &seeded{id: rec.ID, version: rec.Version, content: got.Content}
}
