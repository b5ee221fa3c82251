package web

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"jixiao"
	"jixiao/audit"
	"jixiao/importer"
	"jixiao/pipeline"
	"jixiao/rules"
	"jixiao/score"
)

// TestViewsMatchRoutes checks the start-up check itself: every template is
// a route's view, every route's view is a template, and either mistake
// stops the server.
func TestViewsMatchRoutes(t *testing.T) {
	routes := (&Server{}).pageRoutes()
	t.Run("OK", func(t *testing.T) {
		p, err := newPages(routes)
		if err != nil {
			t.Fatal(err)
		}
		for _, rt := range routes {
			if rt.view != "" && p.views[rt.view] == nil {
				t.Errorf("%s %s: view %s not parsed", rt.method, rt.path, rt.view)
			}
		}
	})
	t.Run("ErrTemplateWithoutRoute", func(t *testing.T) {
		var fewer []pageRoute
		for _, rt := range routes {
			if rt.view != "diff" {
				fewer = append(fewer, rt)
			}
		}
		_, err := newPages(fewer)
		if err == nil || !strings.Contains(err.Error(), "diff.html has no route") {
			t.Fatalf("without the diff route: %v, want diff.html has no route", err)
		}
	})
	t.Run("ErrRouteWithoutTemplate", func(t *testing.T) {
		more := append(append([]pageRoute{}, routes...), pageRoute{method: "GET", path: "/nope", view: "nope"})
		_, err := newPages(more)
		if err == nil || !strings.Contains(err.Error(), `renders "nope"`) {
			t.Fatalf("with a route to a missing view: %v", err)
		}
	})
}

// TestAssetsHashed checks that every static file has a URL naming its
// content hash.
func TestAssetsHashed(t *testing.T) {
	p, err := newPages((&Server{}).pageRoutes())
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"app.css", "app.js"} {
		u := p.assets[name]
		if h := p.hashes[name]; h == "" || u != "/assets/"+h+"/"+name {
			t.Errorf("%s: URL %q, hash %q", name, u, h)
		}
	}
}

func mustSample(t *testing.T) (*jixiao.Evaluation, *jixiao.Document) {
	t.Helper()
	ev, doc, _, err := pipeline.Load("../testdata/samples/yanfeng-sfj-2024.txt", importer.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	return ev, doc
}

// formValues is what a browser sends for the form as shown.
func formValues(f evaluationForm) url.Values {
	v := url.Values{}
	add := func(fs []formField) {
		for _, x := range fs {
			v.Set(x.Name, x.Value)
		}
	}
	add(f.Header)
	add(f.Budget)
	add(f.Goal)
	add(f.Total)
	var list func(l listForm)
	list = func(l listForm) {
		v.Set(l.Prefix+".rows", "1")
		for _, r := range l.Rows {
			for _, x := range r.Fields {
				v.Set(x.Name, x.Value)
			}
			for _, s := range r.Lists {
				list(s)
			}
		}
	}
	list(f.Splits)
	for _, in := range f.Indicators {
		for _, x := range in.Fields {
			v.Set(x.Name, x.Value)
		}
	}
	if f.HasReport {
		v.Set("rd.present", "1")
		v.Set("r.text.rows", "1")
	}
	for _, g := range f.ReportData {
		for _, x := range g.Fields {
			v.Set(x.Name, x.Value)
		}
		for _, l := range g.Lists {
			list(l)
		}
	}
	for _, t := range f.Report {
		v.Set(t.Name, t.Value)
		v.Set(t.Ref.Name, t.Ref.Value)
	}
	return v
}

// formIDs are the ids of every field of the form.
func formIDs(f evaluationForm) map[string]bool {
	ids := map[string]bool{}
	for _, fs := range [][]formField{f.Header, f.Budget, f.Goal, f.Total} {
		for _, x := range fs {
			ids[x.ID] = true
		}
	}
	var list func(l listForm)
	list = func(l listForm) {
		for _, r := range l.Rows {
			for _, x := range r.Fields {
				ids[x.ID] = true
			}
			for _, s := range r.Lists {
				list(s)
			}
		}
	}
	list(f.Splits)
	for _, in := range f.Indicators {
		for _, x := range in.Fields {
			ids[x.ID] = true
		}
	}
	return ids
}

// TestFormRoundTrip checks that sending the editor's form unchanged saves
// the content unchanged, and that a changed field and a removed or added
// row come back as such.
func TestFormRoundTrip(t *testing.T) {
	ev, _ := mustSample(t)
	t.Run("Unchanged", func(t *testing.T) {
		back, err := evaluationFromForm(ev, formValues(newEvaluationForm(ev)))
		if err != nil {
			t.Fatal(err)
		}
		if ch := jixiao.DiffEvaluations(ev, back); len(ch) != 0 {
			t.Fatalf("the unchanged form changes %v", ch)
		}
	})
	t.Run("Edited", func(t *testing.T) {
		v := formValues(newEvaluationForm(ev))
		v.Set("b.executed", "674.85")
		v.Set("i.0.remove", "1")
		n := len(ev.Indicators)
		v.Set(fieldName(n, "name"), "新增指标")
		v.Set(fieldName(n, "level1"), "效益指标")
		back, err := evaluationFromForm(ev, v)
		if err != nil {
			t.Fatal(err)
		}
		if got := back.Budget.Executed.Text; got != "674.85" {
			t.Errorf("全年执行数 %q", got)
		}
		if len(back.Indicators) != n || back.Indicators[0].Name != ev.Indicators[1].Name || back.Indicators[n-1].Name != "新增指标" {
			t.Errorf("rows after removing the first and adding one: %d, first %q, last %q", len(back.Indicators),
				back.Indicators[0].Name, back.Indicators[len(back.Indicators)-1].Name)
		}
	})
	t.Run("Moved", func(t *testing.T) {
		v := formValues(newEvaluationForm(ev))
		v.Set("i.0.order", "99")
		back, err := evaluationFromForm(ev, v)
		if err != nil {
			t.Fatal(err)
		}
		n := len(ev.Indicators)
		if back.Indicators[n-1].Name != ev.Indicators[0].Name || back.Indicators[0].Name != ev.Indicators[1].Name {
			t.Errorf("after moving the first row last: first %q, last %q", back.Indicators[0].Name, back.Indicators[n-1].Name)
		}
	})
	t.Run("Unit", func(t *testing.T) {
		v := formValues(newEvaluationForm(ev))
		v.Set("i.0.target", "≤5")
		v.Set("i.0.actual", "3")
		v.Set("i.0.unit", "%")
		back, err := evaluationFromForm(ev, v)
		if err != nil {
			t.Fatal(err)
		}
		in := back.Indicators[0]
		if in.Unit != "%" || in.Actual.Raw != "3" || !in.Actual.Percent || !in.Target.Percent {
			t.Errorf("row with 度量单位 %% read as %+v, want ≤5 and 3 as printed, in %%", in)
		}
		if ch := jixiao.DiffEvaluations(ev, back); !slices.ContainsFunc(ch, func(c jixiao.Change) bool { return strings.HasSuffix(c.Path, ".度量单位") }) {
			t.Errorf("the changes %v do not name the 度量单位", ch)
		}
		again, err := evaluationFromForm(back, formValues(newEvaluationForm(back)))
		if err != nil {
			t.Fatal(err)
		}
		if ch := jixiao.DiffEvaluations(back, again); len(ch) != 0 {
			t.Fatalf("the unchanged form with a 度量单位 changes %v", ch)
		}
	})
	t.Run("ErrType", func(t *testing.T) {
		v := formValues(newEvaluationForm(ev))
		v.Set("i.0.type", "数量")
		if _, err := evaluationFromForm(ev, v); jixiao.ErrorCode(err) != jixiao.EInvalid {
			t.Fatalf("指标值类型 数量: %v, want invalid", err)
		}
	})
}

func fieldName(i int, key string) string { return "i." + itoa(int64(i)) + "." + key }

// TestFindingAnchors checks that every finding about the table points at
// a field or section the editor has.
func TestFindingAnchors(t *testing.T) {
	ev, doc := mustSample(t)
	rs, err := rules.Load("hunan")
	if err != nil {
		t.Fatal(err)
	}
	res := score.Score(ev, rs)
	ids := formIDs(newEvaluationForm(ev))
	for _, sec := range []string{"sec-header", "sec-budget", "sec-goal", "sec-indicators", "sec-total"} {
		ids[sec] = true
	}
	findings := audit.Check(audit.Input{Eval: ev, Doc: doc, Rules: rs, Result: res})
	table := 0
	for _, fd := range findings {
		a := findingAnchor(ev, fd.Location)
		if fd.Location.Block == "report" {
			if a != "" {
				t.Errorf("%s on the report points at %q, which the form does not hold", fd.Code, a)
			}
			continue
		}
		table++
		if !ids[a] {
			t.Errorf("%s at %+v points at %q, not a field of the form", fd.Code, fd.Location, a)
		}
	}
	if table == 0 {
		t.Fatal("the sample gave no finding on the table")
	}
}

// TestEditorOps applies each kind of row button to the sample and checks
// the list it names, and that a refused one says why.
func TestEditorOps(t *testing.T) {
	sample, doc := mustSample(t)
	sample = withReportText(sample, doc)
	tests := []struct {
		op, focus string
		check     func(ev *jixiao.Evaluation) bool
	}{
		{"del:s.0:0", "f-s-0-0-name", func(ev *jixiao.Evaluation) bool {
			return len(ev.Budget.Splits[0].Rows) == len(sample.Budget.Splits[0].Rows)-1 && ev.Budget.Splits[0].Rows[0] == sample.Budget.Splits[0].Rows[1]
		}},
		{"add:s:2", "f-s-2-name", func(ev *jixiao.Evaluation) bool {
			return len(ev.Budget.Splits) == len(sample.Budget.Splits)+1 && ev.Budget.Splits[2].Name == ""
		}},
		{"add:rd.bynature.0.part:0", "f-rd-bynature-0-part-0-name", func(ev *jixiao.Evaluation) bool {
			return len(ev.Report.Spending.ByNature[0].Parts) == len(sample.Report.Spending.ByNature[0].Parts)+1
		}},
		{"add:rd.achievement.0.figure:99", "", func(ev *jixiao.Evaluation) bool {
			n := len(ev.Report.Achievements[0].Figures)
			return n == len(sample.Report.Achievements[0].Figures)+1 && ev.Report.Achievements[0].Figures[n-1] == jixiao.Metric{}
		}},
		{"addh:r.text:3", "f-r-text-3", func(ev *jixiao.Evaluation) bool {
			return len(ev.Report.Text) == len(sample.Report.Text)+1 && ev.Report.Text[3] == jixiao.ReportText{Block: -1, Kind: jixiao.BlockHeading}
		}},
		{"del:r.text:0", "f-r-text-0", func(ev *jixiao.Evaluation) bool { return ev.Report.Text[0] == sample.Report.Text[1] }},
	}
	for _, tt := range tests {
		t.Run(tt.op, func(t *testing.T) {
			ev, err := fromForm(sample, formValues(newEvaluationForm(sample)), true)
			if err != nil {
				t.Fatal(err)
			}
			focus, msg, err := applyEditorOp(ev, tt.op)
			if err != nil || msg == "" {
				t.Fatalf("%s: %v", tt.op, err)
			}
			if !tt.check(ev) {
				t.Errorf("%s did not change its list as it should", tt.op)
			}
			if tt.focus != "" && focus != tt.focus {
				t.Errorf("%s focuses %q, want %q", tt.op, focus, tt.focus)
			}
		})
	}
	t.Run("AddReport", func(t *testing.T) {
		bare := &jixiao.Evaluation{Kind: jixiao.KindProject}
		if _, _, err := applyEditorOp(bare, "add:report:0"); err != nil || bare.Report == nil {
			t.Fatalf("add:report: %v", err)
		}
		v := formValues(newEvaluationForm(bare))
		v.Set("rd.preface", "根据有关规定，现将自评情况报告如下。")
		back, err := evaluationFromForm(&jixiao.Evaluation{Kind: jixiao.KindProject}, v)
		if err != nil || back.Report == nil || back.Report.Preface != "根据有关规定，现将自评情况报告如下。" {
			t.Fatalf("the report added and saved: %+v, %v", back.Report, err)
		}
	})
	for _, op := range []string{"add:nothing:0", "del:s.0:99", "move:s.0:1", "add:s.0:-1"} {
		t.Run("Err "+op, func(t *testing.T) {
			ev := *sample
			if _, _, err := applyEditorOp(&ev, op); jixiao.ErrorCode(err) != jixiao.EInvalid {
				t.Errorf("%s: %v, want invalid", op, err)
			}
		})
	}
}
