package sqldb_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/notation"
	"jixiao/sqldb"
)

// TestEvaluationRoundTrip stores the imported sample and reads it back
// equal: content, provenance, score and findings.
func TestEvaluationRoundTrip(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		w := mustWorld(t, dsn)
		evs := sqldb.NewEvaluationService(w.db)
		want := w.mustCreate(t)
		if want.Version != 1 || want.Status != jixiao.StatusDraft || len(want.Findings) == 0 {
			t.Fatalf("created: version %d, status %s, %d findings", want.Version, want.Status, len(want.Findings))
		}
		got, err := evs.FindEvaluationByID(as(w.editorU), want.ID)
		if err != nil {
			t.Fatal(err)
		}
		orig, _ := sample(t)
		if diff := cmp.Diff(orig, got.Content, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("content read back (-written +read):\n%s", diff)
		}
		if diff := cmp.Diff(want.Score, got.Score); diff != "" {
			t.Errorf("score read back (-written +read):\n%s", diff)
		}
		if diff := cmp.Diff(want.Findings, got.Findings); diff != "" {
			t.Errorf("findings read back (-written +read):\n%s", diff)
		}
		if len(got.Provenance) == 0 || !cmp.Equal(orig.Provenance, got.Provenance) {
			t.Errorf("provenance: %d entries read back, %d written", len(got.Provenance), len(orig.Provenance))
		}
		if !got.Score.Total.Equal(want.Score.Total) || got.Score.Total.String() != want.Score.Total.String() {
			t.Errorf("total %s read back as %s", want.Score.Total, got.Score.Total)
		}
	})
}

// TestExactDecimals stores scores with more places than a float keeps
// and reads them back digit for digit.
func TestExactDecimals(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		w := mustWorld(t, dsn)
		r := w.mustCreate(t)
		evs := sqldb.NewEvaluationService(w.db)
		r = mustStep(t, evs, w.approverU, r, jixiao.ActionSubmit, "")
		reviews := sqldb.NewReviewService(w.db)
		exact := decimal.RequireFromString("3.141592653589793238")
		rs := &jixiao.ReviewScore{EvaluationID: r.ID, Path: "indicators[0]", Score: exact, Reason: "佐证不足"}
		if err := reviews.SaveReviewScore(as(w.reviewerD), rs); err != nil {
			t.Fatal(err)
		}
		got, err := reviews.FindReviewScores(as(w.reviewerD), jixiao.ReviewFilter{EvaluationID: r.ID})
		if err != nil || len(got) != 1 {
			t.Fatalf("review scores: %v, %v", got, err)
		}
		if got[0].Score.String() != exact.String() {
			t.Errorf("score %s read back as %s", exact, got[0].Score)
		}
		if !got[0].Gap().Equal(exact.Sub(got[0].UnitScore)) {
			t.Errorf("gap %s", got[0].Gap())
		}
	})
}

func mustStep(t *testing.T, evs *sqldb.EvaluationService, u *jixiao.User, r *jixiao.EvaluationRecord, a jixiao.Action, reason string, comments ...*jixiao.Comment) *jixiao.EvaluationRecord {
	t.Helper()
	next, err := evs.TransitionEvaluation(as(u), r.ID, jixiao.TransitionRequest{Action: a, Version: r.Version, Reason: reason, Comments: comments})
	if err != nil {
		t.Fatalf("%s by %s: %v", a, u.Login, err)
	}
	return next
}

// TestWorkflowStory walks an evaluation through return and resubmission
// to publication, checking what each person may do at each step.
func TestWorkflowStory(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		w := mustWorld(t, dsn)
		evs := sqldb.NewEvaluationService(w.db)
		r := w.mustCreate(t)

		// the editor cannot submit; the approver can
		_, err := evs.TransitionEvaluation(as(w.editorU), r.ID, jixiao.TransitionRequest{Action: jixiao.ActionSubmit, Version: r.Version})
		wantCode(t, err, jixiao.EForbidden)
		r = mustStep(t, evs, w.approverU, r, jixiao.ActionSubmit, "")

		// once submitted, no edit
		full, _ := evs.FindEvaluationByID(as(w.editorU), r.ID)
		edited := *full.Content
		edited.Goal.Actual = "改了"
		_, err = evs.UpdateEvaluation(as(w.editorU), r.ID, jixiao.EvaluationUpdate{Version: r.Version, Content: &edited})
		wantCode(t, err, jixiao.EForbidden)
		if !strings.Contains(err.Error(), "退回") {
			t.Errorf("refusal does not say a return reopens it: %v", err)
		}

		// another department's reviewer cannot see it; its own returns it
		_, err = evs.FindEvaluationByID(as(w.reviewerE), r.ID)
		wantCode(t, err, jixiao.ENotFound)
		_, err = evs.TransitionEvaluation(as(w.reviewerD), r.ID, jixiao.TransitionRequest{Action: jixiao.ActionDeptReturn, Version: r.Version})
		wantCode(t, err, jixiao.EInvalid) // a return needs a reason
		r = mustStep(t, evs, w.reviewerD, r, jixiao.ActionDeptReturn, "预算执行率得分有误",
			&jixiao.Comment{Path: "budget.得分", Body: "执行率 61.23% 应得 6.12 分"})

		// the unit sees the reason pinned to the field
		ts, err := evs.FindTransitions(as(w.editorU), r.ID)
		if err != nil || len(ts) != 2 {
			t.Fatalf("transitions: %v, %v", ts, err)
		}
		last := ts[1]
		if last.Action != jixiao.ActionDeptReturn || last.Reason != "预算执行率得分有误" || len(last.Comments) != 1 || last.Comments[0].Path != "budget.得分" || last.UserName != "赵主管" {
			t.Errorf("return recorded as %+v (comments %+v)", last, last.Comments)
		}

		// the editor fixes and saves; the approver resubmits
		full, _ = evs.FindEvaluationByID(as(w.editorU), r.ID)
		fixed := *full.Content
		fixed.Budget.Score = notation.ParseFigure("6.12")
		r, err = evs.UpdateEvaluation(as(w.editorU), r.ID, jixiao.EvaluationUpdate{Version: r.Version, Content: &fixed, Note: "按退回意见修改"})
		if err != nil {
			t.Fatal(err)
		}
		r = mustStep(t, evs, w.approverU, r, jixiao.ActionSubmit, "")
		r = mustStep(t, evs, w.reviewerD, r, jixiao.ActionDeptApprove, "")

		// the finance reviewer re-scores one indicator, then approves
		reviews := sqldb.NewReviewService(w.db)
		rs := &jixiao.ReviewScore{EvaluationID: r.ID, Path: "indicators[1]", Score: decimal.RequireFromString("2"), Reason: "实际完成值无佐证"}
		if err := reviews.SaveReviewScore(as(w.financeReviewer), rs); err != nil {
			t.Fatal(err)
		}
		if rs.Stage != jixiao.StageFinance || rs.Item == "" {
			t.Errorf("review score stored as %+v", rs)
		}
		err = reviews.SaveReviewScore(as(w.reviewerD), &jixiao.ReviewScore{EvaluationID: r.ID, Path: "indicators[1]", Score: decimal.Zero, Reason: "x"})
		wantCode(t, err, jixiao.EForbidden)
		r = mustStep(t, evs, w.financeReviewer, r, jixiao.ActionFinanceApprove, "")
		anon := jixiao.NewContextWithUser(as(nil), nil)
		if _, err := reviews.FindReviewScores(anon, jixiao.ReviewFilter{EvaluationID: r.ID}); jixiao.ErrorCode(err) != jixiao.ENotFound {
			t.Errorf("anonymous reads the review scores before publication: %v", err)
		}

		// only the finance admin publishes; then anyone reads it
		_, err = evs.TransitionEvaluation(as(w.financeReviewer), r.ID, jixiao.TransitionRequest{Action: jixiao.ActionPublish, Version: r.Version})
		wantCode(t, err, jixiao.EForbidden)
		r = mustStep(t, evs, w.financeAdmin, r, jixiao.ActionPublish, "")
		pub, err := evs.FindEvaluationByID(anon, r.ID)
		if err != nil || pub.Status != jixiao.StatusPublished || pub.Content == nil {
			t.Fatalf("published, read anonymously: %v, %v", pub, err)
		}
		if _, err := evs.FindTransitions(anon, r.ID); jixiao.ErrorCode(err) != jixiao.EForbidden {
			t.Errorf("anonymous reads the internal review record: %v", err)
		}
		// the 复核 result is public with the evaluation
		if scores, err := reviews.FindReviewScores(anon, jixiao.ReviewFilter{EvaluationID: r.ID}); err != nil || len(scores) != 1 || scores[0].Reason != "实际完成值无佐证" {
			t.Errorf("anonymous reads the published review scores: %v, %v", scores, err)
		}
		if _, err := sqldb.NewLogService(w.db).VerifyLog(console()); err != nil {
			t.Errorf("log: %v", err)
		}
	})
}

// TestCreateFromSource: an uploaded document is kept by content, the
// evaluation made from it keeps each figure's provenance, and its saves
// are audited with the document's narrative.
func TestCreateFromSource(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		w := mustWorld(t, dsn)
		_, raw := sample(t)
		f := &jixiao.SourceFile{Name: "延丰县司法局2024自评.txt", Content: raw}
		ev, _, err := sqldb.ReadSource(f)
		if err != nil || f.Format != "text" || len(ev.Provenance) == 0 {
			t.Fatalf("ReadSource: format %q, %d provenance entries, %v", f.Format, len(ev.Provenance), err)
		}
		sources := sqldb.NewSourceService(w.db)
		if err := sources.CreateSource(as(w.editorU), f); err != nil {
			t.Fatal(err)
		}
		again := &jixiao.SourceFile{Name: "copy.txt", Content: raw}
		if err := sources.CreateSource(as(w.editorU), again); err != nil || again.Hash != f.Hash || again.Hash != jixiao.ContentHash(raw) {
			t.Fatalf("the same bytes again: %s vs %s, %v", again.Hash, f.Hash, err)
		}
		evs := sqldb.NewEvaluationService(w.db)
		r := &jixiao.EvaluationRecord{UnitID: w.U.ID, Year: 2024, Kind: jixiao.KindDepartment, Content: ev, SourceHash: f.Hash}
		if err := evs.CreateEvaluation(as(w.editorU), r); err != nil {
			t.Fatal(err)
		}
		// with the narrative, the audit checks the report against the table
		// and finds more than the table alone does
		tableOnly := w.mustCreateFor(t, w.V, w.editorV)
		if len(r.Findings) <= len(tableOnly.Findings) {
			t.Errorf("%d findings with the source document, %d without", len(r.Findings), len(tableOnly.Findings))
		}
		got, err := evs.FindEvaluationByID(as(w.editorU), r.ID)
		if err != nil || got.SourceHash != f.Hash || got.Content.Provenance["budget.全年预算数"].Line == 0 {
			t.Fatalf("stored: hash %q, provenance %v, %v", got.SourceHash, got.Content.Provenance["budget.全年预算数"], err)
		}
		// an edit without provenance keeps it
		c := *got.Content
		c.Provenance = nil
		c.Goal.Actual = "补充说明"
		upd, err := evs.UpdateEvaluation(as(w.editorU), r.ID, jixiao.EvaluationUpdate{Version: got.Version, Content: &c})
		if err != nil || upd.Content.Provenance["budget.全年预算数"].Line == 0 {
			t.Fatalf("provenance after an edit: %v", err)
		}
		if _, err := sources.FindSourceByHash(as(w.reviewerD), f.Hash); jixiao.ErrorCode(err) != jixiao.ENotFound {
			t.Errorf("a reviewer reads the source of a draft: %v", err)
		}
		src, err := sources.FindSourceByHash(as(w.approverU), f.Hash)
		if err != nil || string(src.Content) != string(raw) {
			t.Errorf("the unit's approver reads the source: %v", err)
		}
	})
}

// TestDirectUnitWorkflow: a unit directly under the finance bureau, with no
// 主管部门, finishes the workflow: 财政复核 takes its submission, re-scores
// it, returns it, approves it; the bureau publishes it.
func TestDirectUnitWorkflow(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		w := mustWorld(t, dsn)
		x := &jixiao.Organisation{Code: "X", Name: "延丰县机关事务中心", Kind: jixiao.OrgUnit, ParentID: w.F.ID}
		if err := sqldb.NewOrganisationService(w.db).CreateOrganisation(console(), x); err != nil {
			t.Fatal(err)
		}
		approverX := &jixiao.User{Login: "approver-x", Name: "郑填报", OrgID: x.ID, Roles: []jixiao.Role{jixiao.RoleUnitEditor, jixiao.RoleUnitApprover}}
		if err := sqldb.NewUserService(w.db).CreateUser(console(), approverX, "password-approver-x"); err != nil {
			t.Fatal(err)
		}
		evs := sqldb.NewEvaluationService(w.db)
		r := w.mustCreateFor(t, x, approverX)
		r = mustStep(t, evs, approverX, r, jixiao.ActionSubmit, "")
		_, err := evs.TransitionEvaluation(as(w.reviewerD), r.ID, jixiao.TransitionRequest{Action: jixiao.ActionDeptApprove, Version: r.Version})
		if code := jixiao.ErrorCode(err); code != jixiao.EForbidden && code != jixiao.ENotFound {
			t.Errorf("another department's reviewer approves a unit not under it: %v", err)
		}
		rs := &jixiao.ReviewScore{EvaluationID: r.ID, Path: "indicators[1]", Score: decimal.RequireFromString("2"), Reason: "实际完成值无佐证"}
		if err := sqldb.NewReviewService(w.db).SaveReviewScore(as(w.financeReviewer), rs); err != nil {
			t.Fatal(err)
		}
		if rs.Stage != jixiao.StageFinance {
			t.Errorf("review score of a direct unit's submission in stage %q, want %q", rs.Stage, jixiao.StageFinance)
		}
		r = mustStep(t, evs, w.financeReviewer, r, jixiao.ActionFinanceReturn, "指标2实际完成值无佐证")
		r = mustStep(t, evs, approverX, r, jixiao.ActionSubmit, "")
		r = mustStep(t, evs, w.financeReviewer, r, jixiao.ActionFinanceApprove, "")
		r = mustStep(t, evs, w.financeAdmin, r, jixiao.ActionPublish, "")
		if r.Status != jixiao.StatusPublished {
			t.Errorf("status %s, want published", r.Status)
		}

		// a unit under a 主管部门 cannot skip its review
		u := mustStep(t, evs, w.approverU, w.mustCreate(t), jixiao.ActionSubmit, "")
		_, err = evs.TransitionEvaluation(as(w.financeReviewer), u.ID, jixiao.TransitionRequest{Action: jixiao.ActionFinanceApprove, Version: u.Version})
		wantCode(t, err, jixiao.EForbidden)
	})
}

// TestFindEvaluationRow: the row alone is the record FindEvaluationByID
// returns without its latest revision's parts (the rule set, total and
// grade are columns of the row), and is refused to whoever
// may not view the evaluation, as FindEvaluationByID refuses them; the
// row with its latest revision (FindEvaluationLatest) is what
// FindEvaluationByID returns; the review read with the row alone likewise.
func TestFindEvaluationRow(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		w := mustWorld(t, dsn)
		evs := sqldb.NewEvaluationService(w.db)
		rec := w.mustCreate(t)
		full, err := evs.FindEvaluationByID(as(w.editorU), rec.ID)
		if err != nil {
			t.Fatal(err)
		}
		row, err := evs.FindEvaluationRow(as(w.editorU), rec.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := *full
		want.Content, want.Provenance, want.Findings = nil, nil, nil
		want.Score = jixiao.ScoreRecord{Rules: full.Score.Rules, Total: full.Score.Total, Grade: full.Score.Grade} // the row's columns
		if diff := cmp.Diff(&want, row, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("row (-full without its revision +row):\n%s", diff)
		}
		r1, t1, c1, s1, err := evs.FindEvaluationReview(as(w.editorU), rec.ID)
		if err != nil {
			t.Fatal(err)
		}
		r2, t2, c2, s2, err := evs.FindEvaluationReviewRow(as(w.editorU), rec.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]any{t1, c1, s1}, []any{t2, c2, s2}, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("review with the row alone (-with the revision +row):\n%s", diff)
		}
		if diff := cmp.Diff(row, r2, cmpopts.EquateEmpty()); diff != "" || r1.Content == nil {
			t.Errorf("review's evaluation (-row +review's row):\n%s", diff)
		}
		latest, err := evs.FindEvaluationLatest(as(w.editorU), row)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(full, latest, cmpopts.EquateEmpty()); diff != "" || latest.Content == nil {
			t.Errorf("row with its latest revision (-FindEvaluationByID +FindEvaluationLatest):\n%s", diff)
		}
		if _, err := evs.FindEvaluationLatest(as(w.editorV), row); jixiao.ErrorCode(err) != jixiao.ENotFound {
			t.Errorf("another unit's editor reads the latest revision of a row: %v, want not found", err)
		}
		_, errFull := evs.FindEvaluationByID(as(w.editorV), rec.ID)
		_, errRow := evs.FindEvaluationRow(as(w.editorV), rec.ID)
		if errRow == nil || jixiao.ErrorCode(errRow) != jixiao.ErrorCode(errFull) {
			t.Errorf("another unit's editor: row read gives %v, full read %v", errRow, errFull)
		}
		_, _, _, _, errReview := evs.FindEvaluationReview(as(w.editorV), rec.ID)
		_, _, _, _, errReviewRow := evs.FindEvaluationReviewRow(as(w.editorV), rec.ID)
		if errReviewRow == nil || jixiao.ErrorCode(errReviewRow) != jixiao.ErrorCode(errReview) {
			t.Errorf("another unit's editor: review row read gives %v, with the revision %v", errReviewRow, errReview)
		}
	})
}
