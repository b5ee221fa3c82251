package web

import (
	"context"
	"strconv"
	"strings"
	"sync"

	"jixiao"
	"jixiao/audit"
	"jixiao/importer"
	"jixiao/rules"
	"jixiao/score"
)

// checkPanel is the side panel beside the editor and the review page: the
// score with the arithmetic behind every point, and the findings, each
// pointing at the field it concerns.
type checkPanel struct {
	Total, Grade, StatedTotal string
	Rules                     string
	Complete                  bool
	Execution                 panelRow
	Rows                      []panelRow
	Findings                  []panelFinding
	Errors, Warnings, Infos   int
	Problem                   string // why the form could not be checked
}

type panelRow struct {
	Name, Weight, Score, Method string
	Formula, Rule, Note         string
	Anchor                      string
}

type panelFinding struct {
	Severity, SeverityLabel string
	Code, Message           string
	Stated, Expected        string
	Where                   string
	Anchor                  string
}

// checkContent scores and audits ev under the evaluation's rule set with
// the same engines a save runs, so that what the panel shows while typing
// is what the saved revision will hold.
//
// The panel of a stored version (ev is rec's own content) is made once per
// version and shared (Server.panels): the pages showing a stored
// evaluation then check it once, not on every view. Callers must not
// change a panel's rows or findings in place (readOnly copies them).
func (s *Server) checkContent(ctx context.Context, rec *jixiao.EvaluationRecord, ev *jixiao.Evaluation) (checkPanel, error) {
	if ev != nil && ev == rec.Content {
		return s.panels.get(rec, func() (checkPanel, error) { return s.check(ctx, rec, ev) })
	}
	return s.check(ctx, rec, ev)
}

func (s *Server) check(ctx context.Context, rec *jixiao.EvaluationRecord, ev *jixiao.Evaluation) (checkPanel, error) {
	rs, err := rules.Load(rec.RuleSet)
	if err != nil {
		return checkPanel{}, jixiao.Errorf(jixiao.EInvalid, "规则集 %s 无法加载", rec.RuleSet)
	}
	doc := s.sourceDocument(ctx, rec.SourceHash)
	ev = withReportText(ev, doc) // the same text, so that findings on it point at its field
	res := score.Score(ev, rs)
	findings := audit.Check(audit.Input{Eval: ev, Doc: doc, Rules: rs, Result: res})
	return newCheckPanel(ev, res, findings), nil
}

func newCheckPanel(ev *jixiao.Evaluation, res *score.Result, findings []jixiao.Finding) checkPanel {
	p := checkPanel{Total: res.Total.StringFixed(2), Grade: res.Grade, StatedTotal: res.StatedTotal.Text, Rules: res.Rules,
		Complete: res.Complete}
	ex := res.Execution.Trace
	p.Execution = panelRow{Name: "预算执行率", Weight: res.Execution.Weight.String(), Score: res.Execution.Score.StringFixed(2),
		Formula: ex.Formula, Rule: ex.Rule, Note: ex.Note, Anchor: "f-b-executed"}
	for i := range res.Rows {
		row := &res.Rows[i]
		t := row.Trace
		pr := panelRow{Weight: row.Weight.String(), Score: row.Score.StringFixed(2), Method: row.Method.String(),
			Formula: t.Formula, Rule: t.Rule, Note: t.Note, Anchor: "f-i-" + strconv.Itoa(row.Index) + "-score"}
		if row.Index >= 0 && row.Index < len(ev.Indicators) {
			pr.Name = ev.Indicators[row.Index].Name
		}
		p.Rows = append(p.Rows, pr)
	}
	for _, f := range findings {
		pf := panelFinding{Severity: string(f.Severity), SeverityLabel: f.Severity.Label(), Code: f.Code, Message: f.Message,
			Stated: f.Stated, Expected: f.Expected, Anchor: findingAnchor(ev, f.Location)}
		if !f.Location.Source.IsZero() {
			pf.Where = f.Location.Source.Describe()
		}
		switch f.Severity {
		case jixiao.SevError:
			p.Errors++
		case jixiao.SevWarning:
			p.Warnings++
		default:
			p.Infos++
		}
		p.Findings = append(p.Findings, pf)
	}
	return p
}

// docs keeps the imported source documents the live check reads the
// narrative from: importing a document on every keystroke would cost more
// than the check. Documents are content-addressed, so an entry never goes
// stale.
var docs = struct {
	sync.Mutex
	m     map[string]*jixiao.Document
	order []string
}{m: map[string]*jixiao.Document{}}

const docsKept = 32

// sourceDocument returns the imported source of hash, nil when there is
// none or it cannot be read (the narrative checks are then skipped, as
// for a table typed in).
func (s *Server) sourceDocument(ctx context.Context, hash string) *jixiao.Document {
	if hash == "" || s.cfg.Sources == nil {
		return nil
	}
	docs.Lock()
	d, ok := docs.m[hash]
	docs.Unlock()
	if ok {
		return d
	}
	src, err := s.cfg.Sources.FindSourceByHash(ctx, hash)
	if err != nil || src.Format == "yaml" {
		return nil
	}
	d, err = importer.ReadBytes(src.Content, src.Name, importer.DefaultLimits())
	if err != nil {
		return nil
	}
	docs.Lock()
	defer docs.Unlock()
	if _, ok := docs.m[hash]; !ok {
		if len(docs.order) >= docsKept {
			delete(docs.m, docs.order[0])
			docs.order = docs.order[1:]
		}
		docs.m[hash] = d
		docs.order = append(docs.order, hash)
	}
	return d
}

// readOnly points the panel's links at the read-only table of the review
// and public pages instead of the editor's fields.
func (p checkPanel) readOnly() checkPanel {
	p.Execution.Anchor = tableAnchor(p.Execution.Anchor)
	rows := make([]panelRow, len(p.Rows))
	for i, r := range p.Rows {
		r.Anchor = tableAnchor(r.Anchor)
		rows[i] = r
	}
	fs := make([]panelFinding, len(p.Findings))
	for i, f := range p.Findings {
		f.Anchor = tableAnchor(f.Anchor)
		fs[i] = f
	}
	p.Rows, p.Findings = rows, fs
	return p
}

// tableAnchor maps an editor field id to the part of the read-only table
// showing it: "f-i-3-score" → "row-3", "f-b-executed" → "t-budget".
func tableAnchor(a string) string {
	switch {
	case a == "":
		return ""
	case strings.HasPrefix(a, "f-i-"):
		n, _, _ := strings.Cut(strings.TrimPrefix(a, "f-i-"), "-")
		return "row-" + n
	case strings.HasPrefix(a, "f-s-"):
		n, _, _ := strings.Cut(strings.TrimPrefix(a, "f-s-"), "-")
		return "t-split-" + n
	case strings.HasPrefix(a, "f-b-"), a == "sec-budget":
		return "t-budget"
	case strings.HasPrefix(a, "f-goal"), a == "sec-goal":
		return "t-goal"
	case a == "sec-indicators", a == "f-total":
		return "t-indicators"
	}
	return ""
}
