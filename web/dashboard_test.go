package web_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
	"golang.org/x/net/html"

	"jixiao"
	"jixiao/gen"
	"jixiao/notation"
)

// boardWorld is a world with a 2024 task for U, V and W, and stored:
// U's 部门整体 tables of 2022–2024 (2024 reuses 2023's text and sets a
// target below 2023's actual; 2024 is re-scored by the department), W's
// of 2024, submitted; V's of 2024, a draft.
type boardWorld struct {
	*world
	task    *jixiao.Task
	u       []*jixiao.EvaluationRecord // 2022, 2023, 2024
	w, v    *jixiao.EvaluationRecord
	lowered string // the indicator whose 2024 target is below 2023's actual
	reused  string // 2023's text repeated in 2024
}

const (
	text2023 = "本年度持续推进公共法律服务体系建设，新建村（社区）法律顾问工作室十二个，办理法律援助案件四百余件，调解成功率保持高位。"
)

func mustBoardWorld(t *testing.T, dsn string) *boardWorld {
	t.Helper()
	bw := &boardWorld{world: mustWorld(t, dsn), reused: text2023}
	w := bw.world
	bw.task = &jixiao.Task{OrgID: w.orgs["F"].ID, Name: "2024 年度部门整体自评", Year: 2024, Kinds: []jixiao.Kind{jixiao.KindDepartment},
		UnitIDs: []int64{w.orgs["U"].ID, w.orgs["V"].ID, w.orgs["W"].ID}, Deadline: time.Date(2025, 4, 30, 0, 0, 0, 0, time.UTC), RuleSet: "national-2020"}
	if err := w.svc.Tasks.CreateTask(w.as("financeAdmin"), bw.task); err != nil {
		t.Fatal(err)
	}
	// a clean panel unit: targets above the year before's actuals, new text each year
	panel, err := gen.Panel(7, gen.PanelOptions{Units: 1, Years: 3, FirstYear: 2022, Rules: "national-2020"})
	if err != nil {
		t.Fatal(err)
	}
	for i, pc := range panel {
		ev := cloneEval(pc.Case.Eval)
		if i > 0 {
			ev.Goal.Actual = text2023
		}
		if i == 2 {
			bw.lowered = lowerTarget(t, ev, panel[1].Case.Eval)
		}
		bw.u = append(bw.u, bw.store(t, "U", "editorU", "approverU", pc.Case.Eval.Year, ev))
	}
	bw.w = bw.store(t, "W", "editorW", "", 2024, cloneEval(mustGenerated(t, 2)))
	bw.v = bw.store(t, "V", "editorV", "", 2024, cloneEval(mustGenerated(t, 3)))
	// the department re-scores U's 2024 first indicator one point down
	rec := bw.u[2]
	bw.transition(t, "reviewerD", rec, jixiao.ActionDeptApprove)
	bw.transition(t, "financeAdmin", rec, jixiao.ActionFinanceApprove)
	return bw
}

func mustGenerated(t *testing.T, i int) *jixiao.Evaluation {
	t.Helper()
	c, err := gen.Generate(7, i, gen.Options{Kind: jixiao.KindDepartment, Rules: "national-2020"})
	if err != nil {
		t.Fatal(err)
	}
	return c.Eval
}

func cloneEval(ev *jixiao.Evaluation) *jixiao.Evaluation {
	c := *ev
	c.Indicators = slices.Clone(ev.Indicators)
	return &c
}

// lowerTarget sets the first ≥ quantitative target of ev below prev's
// actual of the same indicator (the same row: a panel unit keeps its
// indicators), and returns its name.
func lowerTarget(t *testing.T, ev, prev *jixiao.Evaluation) string {
	t.Helper()
	for i, in := range ev.Indicators {
		a := prev.Indicators[i].Actual
		if in.Target.Type != jixiao.Quantitative || in.Target.Op != jixiao.OpGE || a.Type != jixiao.Quantitative || !a.Number.GreaterThan(decimal.NewFromInt(2)) {
			continue
		}
		unit := a.Unit
		if a.Percent {
			unit = "%"
		}
		ev.Indicators[i].Target = notation.ParseValue("≥" + a.Number.Sub(decimal.NewFromInt(1)).String() + unit)
		return in.Name
	}
	t.Fatal("no ≥ quantitative indicator to lower")
	return ""
}

// store creates the unit's evaluation of year and, with an approver,
// submits it.
func (bw *boardWorld) store(t *testing.T, org, editor, approver string, year int, ev *jixiao.Evaluation) *jixiao.EvaluationRecord {
	t.Helper()
	ev.Unit, ev.Year, ev.Kind = bw.orgs[org].Name, year, jixiao.KindDepartment
	rec := &jixiao.EvaluationRecord{UnitID: bw.orgs[org].ID, Year: year, Kind: jixiao.KindDepartment, RuleSet: "national-2020", Content: ev}
	if err := bw.svc.Evaluations.CreateEvaluation(bw.as(editor), rec); err != nil {
		t.Fatal(err)
	}
	if org == "W" {
		approver = "approverW"
		bw.addUser(t, approver, "W", jixiao.RoleUnitApprover)
	}
	if approver != "" {
		bw.transition(t, approver, rec, jixiao.ActionSubmit)
	}
	return rec
}

func (bw *boardWorld) addUser(t *testing.T, name, org string, role jixiao.Role) {
	t.Helper()
	if bw.users[name] != nil {
		return
	}
	console := jixiao.NewContextWithUser(t.Context(), jixiao.ConsoleUser())
	u := &jixiao.User{Login: strings.ToLower(name), Name: name, OrgID: bw.orgs[org].ID, Roles: []jixiao.Role{role}}
	if err := bw.svc.Users.CreateUser(console, u, testPassword); err != nil {
		t.Fatal(err)
	}
	full, err := bw.svc.Users.FindUserByID(console, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	bw.users[name] = full
}

func (bw *boardWorld) transition(t *testing.T, who string, rec *jixiao.EvaluationRecord, a jixiao.Action) {
	t.Helper()
	if a == jixiao.ActionDeptApprove {
		cur, err := bw.svc.Evaluations.FindEvaluationByID(bw.as(who), rec.ID)
		if err != nil {
			t.Fatal(err)
		}
		row := cur.Score.Rows[0]
		if err := bw.svc.Reviews.SaveReviewScore(bw.as(who), &jixiao.ReviewScore{EvaluationID: rec.ID, Path: "indicators[0]",
			Score: row.Score.Sub(decimal.NewFromInt(1)), Reason: "佐证不足"}); err != nil {
			t.Fatal(err)
		}
	}
	if a == jixiao.ActionFinanceApprove {
		who = "financeReviewer"
	}
	got, err := bw.svc.Evaluations.TransitionEvaluation(bw.as(who), rec.ID, jixiao.TransitionRequest{Action: a, Version: rec.Version})
	if err != nil {
		t.Fatalf("%s %s: %v", who, a, err)
	}
	*rec = *got
}

// boardJSON is the part of GET /api/dashboard the tests read.
type boardJSON struct {
	Filing []struct {
		Obligations, Missing, Started, Delivered int
		Delivery                                 string
	} `json:"filing"`
	Dashboard struct {
		Evaluations int `json:"evaluations"`
		SelfScores  struct {
			Bands []struct {
				Label string `json:"label"`
				Count int    `json:"count"`
				Share string `json:"share"`
			} `json:"bands"`
			Total int    `json:"total"`
			Mean  string `json:"mean"`
		} `json:"self_scores"`
		Review struct {
			Reviewed int    `json:"reviewed"`
			MeanGap  string `json:"mean_gap"`
		} `json:"self_vs_review"`
		Findings []struct {
			Code        string `json:"code"`
			Evaluations int    `json:"evaluations"`
		} `json:"findings"`
		Departments []struct {
			Name        string `json:"name"`
			Evaluations int    `json:"evaluations"`
		} `json:"departments"`
		Units []struct {
			ID          int64  `json:"id"`
			Name        string `json:"name"`
			Evaluations int    `json:"evaluations"`
		} `json:"units"`
	} `json:"dashboard"`
}

func TestDashboardAPI(t *testing.T) { eachEngine(t, testDashboardAPI) }

func testDashboardAPI(t *testing.T, dsn string) {
	bw := mustBoardWorld(t, dsn)
	fa := bw.login("financeAdmin")
	var all boardJSON
	fa.must("GET", "/api/dashboard", nil, 200, &all)
	submitted := append(slices.Clone(bw.u), bw.w) // V's draft is not the bureau's to see
	if got := all.Dashboard.Evaluations; got != len(submitted) {
		t.Errorf("evaluations: got %d, want %d", got, len(submitted))
	}
	sum := decimal.Zero
	for _, r := range submitted {
		sum = sum.Add(selfScore(t, bw, r))
	}
	if want := sum.DivRound(decimal.NewFromInt(int64(len(submitted))), 2).String(); all.Dashboard.SelfScores.Mean != want {
		t.Errorf("mean self-score: got %s, want %s", all.Dashboard.SelfScores.Mean, want)
	}
	n := 0
	for _, b := range all.Dashboard.SelfScores.Bands {
		n += b.Count
	}
	if n != len(submitted) {
		t.Errorf("self-score bands count %d, want %d", n, len(submitted))
	}
	if r := all.Dashboard.Review; r.Reviewed != 1 || r.MeanGap != "-1" {
		t.Errorf("review: got %+v, want 1 reviewed, gap -1", r)
	}
	if len(all.Filing) != 1 {
		t.Fatalf("filing: got %d tasks, want 1", len(all.Filing))
	}
	// U delivered (2024 approved), W submitted, V a draft
	if f := all.Filing[0]; f.Obligations != 3 || f.Delivered != 2 || f.Started != 1 || f.Missing != 0 || f.Delivery != "0.6667" {
		t.Errorf("filing: got %+v", f)
	}
	if d := all.Dashboard.Departments; len(d) != 2 || d[0].Evaluations+d[1].Evaluations != 4 {
		t.Errorf("departments: got %+v", d)
	}

	t.Run("Year", func(t *testing.T) {
		var y boardJSON
		fa.must("GET", "/api/dashboard?year=2024", nil, 200, &y)
		if y.Dashboard.Evaluations != 2 {
			t.Errorf("2024: got %d evaluations, want 2", y.Dashboard.Evaluations)
		}
	})
	t.Run("DepartmentSeesItsOwn", func(t *testing.T) {
		var e boardJSON
		bw.login("reviewerE").must("GET", "/api/dashboard", nil, 200, &e)
		if e.Dashboard.Evaluations != 1 || len(e.Dashboard.Units) != 1 || e.Dashboard.Units[0].ID != bw.orgs["W"].ID {
			t.Errorf("reviewerE: got %d evaluations, units %+v; want W's one", e.Dashboard.Evaluations, e.Dashboard.Units)
		}
	})
	t.Run("ErrForbidden", func(t *testing.T) {
		if st, b := bw.editor().call("GET", "/api/dashboard", nil); st != 403 {
			t.Errorf("editor: status %d, want 403: %s", st, b)
		}
		if st, _ := bw.anon().call("GET", "/api/dashboard/workbook", nil); st != 401 {
			t.Errorf("anonymous workbook: status %d, want 401", st)
		}
	})
	t.Run("ErrInvalid", func(t *testing.T) {
		if st, _ := fa.call("GET", "/api/dashboard?kind=月报", nil); st != 400 {
			t.Errorf("kind=月报: status %d, want 400", st)
		}
	})
	t.Run("Part", func(t *testing.T) {
		var full map[string]json.RawMessage
		fa.must("GET", "/api/dashboard", nil, 200, &full)
		var board map[string]json.RawMessage
		if err := json.Unmarshal(full["dashboard"], &board); err != nil {
			t.Fatal(err)
		}
		for part, want := range map[string]json.RawMessage{"filing": full["filing"], "self_scores": board["self_scores"], "units": board["units"], "self_vs_review": board["self_vs_review"]} {
			var got map[string]json.RawMessage
			fa.must("GET", "/api/dashboard?part="+part, nil, 200, &got)
			keys := 2
			if part == "units" {
				keys = 4 // and units_total, units_page
			}
			if len(got) != keys || !bytes.Equal(got[part], want) {
				t.Errorf("part=%s: got %s, want %s", part, got[part], want)
			}
		}
		if st, _ := fa.call("GET", "/api/dashboard?part=全部", nil); st != 400 {
			t.Errorf("part=全部: status %d, want 400", st)
		}
	})
	t.Run("UnitPage", func(t *testing.T) {
		var names []string
		for _, u := range all.Dashboard.Units {
			names = append(names, u.Name)
		}
		if len(names) < 2 {
			t.Fatalf("%d units: too few to page", len(names))
		}
		var page struct {
			Units []struct {
				Name string `json:"name"`
			} `json:"units"`
			Total int `json:"units_total"`
		}
		fa.must("GET", "/api/dashboard?part=units&units_offset=1&units_limit=1", nil, 200, &page)
		if page.Total != len(names) || len(page.Units) != 1 || page.Units[0].Name != names[1] {
			t.Errorf("second unit by name: got %+v, want %s of %d", page, names[1], len(names))
		}
		for _, bad := range []string{"units_order=平均分", "units_limit=100000", "units_offset=-1"} {
			if st, _ := fa.call("GET", "/api/dashboard?"+bad, nil); st != 400 {
				t.Errorf("%s: status %d, want 400", bad, st)
			}
		}
	})
	t.Run("Workbook", func(t *testing.T) { testDashboardWorkbook(t, fa, all) })
}

// selfScore is the stated total of the stored evaluation, else the computed.
func selfScore(t *testing.T, bw *boardWorld, r *jixiao.EvaluationRecord) decimal.Decimal {
	t.Helper()
	full, err := bw.svc.Evaluations.FindEvaluationByID(bw.as("financeAdmin"), r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if st := full.Content.StatedTotal; st.Valid {
		return st.Value
	}
	return full.Score.Total
}

func testDashboardWorkbook(t *testing.T, fa *client, all boardJSON) {
	st, b := fa.call("GET", "/api/dashboard/workbook", nil)
	if st != 200 {
		t.Fatalf("workbook: status %d: %s", st, b)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sheet := range []string{"填报情况", "自评分分布", "等级分布", "执行率分布", "自评分与执行率", "自评分与复核得分", "复核差值分布", "常见问题", "主管部门", "预算单位"} {
		if idx, _ := f.GetSheetIndex(sheet); idx < 0 {
			t.Errorf("no sheet %s in %v", sheet, f.GetSheetList())
		}
	}
	rows, err := f.GetRows("自评分分布")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(all.Dashboard.SelfScores.Bands)+1 {
		t.Fatalf("self-score sheet: %d rows, want %d", len(rows), len(all.Dashboard.SelfScores.Bands)+1)
	}
	for i, band := range all.Dashboard.SelfScores.Bands {
		if got, want := rows[i+1][:2], []string{band.Label, fmt.Sprint(band.Count)}; !slices.Equal(got, want) {
			t.Errorf("self-score row %d: got %v, want %v (as the API)", i+1, got, want)
		}
	}
	units, err := f.GetRows("预算单位")
	if err != nil {
		t.Fatal(err)
	}
	if len(units) != len(all.Dashboard.Units)+1 {
		t.Errorf("units sheet: %d rows, want %d", len(units), len(all.Dashboard.Units)+1)
	}
}

// yearsJSON is the part of GET /api/units/{id}/years the tests read.
type yearsJSON struct {
	Unit  string `json:"unit"`
	Years []struct {
		Year       int    `json:"year"`
		Similarity string `json:"similarity_prev"`
		Reused     int    `json:"reused"`
		Lowered    int    `json:"lowered"`
	} `json:"years"`
	History struct {
		Years   []int `json:"years"`
		Lowered []struct {
			Indicator string `json:"indicator"`
			Year      int    `json:"year"`
		} `json:"lowered"`
		Reused []struct {
			Year int    `json:"year"`
			Text string `json:"text"`
		} `json:"reused"`
	} `json:"history"`
}

func TestYearsAPI(t *testing.T) { eachEngine(t, testYearsAPI) }

func testYearsAPI(t *testing.T, dsn string) {
	bw := mustBoardWorld(t, dsn)
	var y yearsJSON
	bw.login("reviewerD").must("GET", fmt.Sprintf("/api/units/%d/years", bw.orgs["U"].ID), nil, 200, &y)
	if !slices.Equal(y.History.Years, []int{2022, 2023, 2024}) {
		t.Fatalf("years: got %v", y.History.Years)
	}
	if len(y.History.Lowered) != 1 || y.History.Lowered[0].Indicator != bw.lowered || y.History.Lowered[0].Year != 2024 {
		t.Errorf("lowered: got %+v, want %s in 2024", y.History.Lowered, bw.lowered)
	}
	reused := false
	for _, r := range y.History.Reused {
		reused = reused || (r.Year == 2024 && r.Text == bw.reused)
	}
	if !reused {
		t.Errorf("reused: got %+v, want 2023's text in 2024", y.History.Reused)
	}
	if y.Years[2].Reused == 0 || y.Years[2].Lowered != 1 || y.Years[1].Reused != 0 {
		t.Errorf("summary: got %+v", y.Years)
	}
	// 2024 repeats 2023's narrative: the similarity is higher than 2023's with 2022
	if y.Years[0].Similarity != "" || !(y.Years[2].Similarity > y.Years[1].Similarity) {
		t.Errorf("similarities: got %q, %q, %q", y.Years[0].Similarity, y.Years[1].Similarity, y.Years[2].Similarity)
	}
	t.Run("Unit", func(t *testing.T) {
		var own yearsJSON
		bw.editor().must("GET", fmt.Sprintf("/api/units/%d/years", bw.orgs["U"].ID), nil, 200, &own)
		if len(own.History.Years) != 3 {
			t.Errorf("U's editor: got years %v", own.History.Years)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		// E's reviewer sees nothing of U
		if st, b := bw.login("reviewerE").call("GET", fmt.Sprintf("/api/units/%d/years", bw.orgs["U"].ID), nil); st != 404 {
			t.Errorf("reviewerE: status %d, want 404: %s", st, b)
		}
	})
}

func TestDashboardPages(t *testing.T) { eachEngine(t, testDashboardPages) }

func testDashboardPages(t *testing.T, dsn string) {
	bw := mustBoardWorld(t, dsn)
	fa := bw.login("financeAdmin")
	var all boardJSON
	fa.must("GET", "/api/dashboard", nil, 200, &all)
	resp, src := fa.page(t, "/dashboard")
	if resp.StatusCode != 200 {
		t.Fatalf("/dashboard: status %d", resp.StatusCode)
	}
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	sec := byID(doc, "self_scores")
	if sec == nil {
		t.Fatal("no section #self_scores")
	}
	svg := first(sec, "svg")
	if svg == nil || attrOf(svg, "role") != "img" || attrOf(svg, "aria-label") != "自评分分布" {
		t.Errorf("self-score chart: got %v", svg)
	}
	rows := tableRows(first(sec, "table"))
	for i, band := range all.Dashboard.SelfScores.Bands {
		if got, want := rows[i][:2], []string{band.Label, fmt.Sprint(band.Count)}; !slices.Equal(got, want) {
			t.Errorf("page row %d: got %v, want %v", i, got, want)
		}
		// the bar says its value: readable without colour
		if label := fmt.Sprint(band.Count) + "（"; !strings.Contains(textOf(svg), label) {
			t.Errorf("chart lacks the value %s", label)
		}
	}
	units := tableRows(first(byID(doc, "units"), "table"))
	if len(units) != len(all.Dashboard.Units) {
		t.Errorf("units table: %d rows, want %d", len(units), len(all.Dashboard.Units))
	}
	if !strings.Contains(src, fmt.Sprintf(`href="/units/%d/years"`, bw.orgs["U"].ID)) {
		t.Error("no link to U's years")
	}
	if !strings.Contains(src, `href="/api/dashboard/workbook?"`) {
		t.Error("no workbook link")
	}
	if _, got := bw.editor().page(t, "/dashboard"); !strings.Contains(got, "看板只对") {
		t.Error("an editor is not told the dashboard is not for them")
	}

	_, ysrc := bw.login("reviewerD").page(t, fmt.Sprintf("/units/%d/years", bw.orgs["U"].ID))
	ydoc, err := html.Parse(strings.NewReader(ysrc))
	if err != nil {
		t.Fatal(err)
	}
	low := tableRows(first(byID(ydoc, "lowered"), "table"))
	if len(low) != 1 || low[0][0] != "2024" || low[0][1] != bw.lowered {
		t.Errorf("lowered table: got %v", low)
	}
	reused := tableRows(first(byID(ydoc, "reused"), "table"))
	if len(reused) == 0 || reused[len(reused)-1][3] != bw.reused && !slices.ContainsFunc(reused, func(r []string) bool { return r[3] == bw.reused }) {
		t.Errorf("reused table: got %v", reused)
	}
	years := tableRows(first(byID(ydoc, "years"), "table"))
	if len(years) != 3 || years[2][0] != "2024" {
		t.Errorf("years table: got %v", years)
	}
}

func byID(n *html.Node, id string) *html.Node {
	if n == nil {
		return nil
	}
	if n.Type == html.ElementNode && attrOf(n, "id") == id {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := byID(c, id); f != nil {
			return f
		}
	}
	return nil
}

func first(n *html.Node, tag string) *html.Node {
	if n == nil {
		return nil
	}
	if n.Type == html.ElementNode && n.Data == tag {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := first(c, tag); f != nil {
			return f
		}
	}
	return nil
}

func attrOf(n *html.Node, k string) string {
	for _, a := range n.Attr {
		if a.Key == k {
			return a.Val
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// tableRows is the text of each body row's cells.
func tableRows(table *html.Node) [][]string {
	var out [][]string
	body := first(table, "tbody")
	if body == nil {
		return nil
	}
	for tr := body.FirstChild; tr != nil; tr = tr.NextSibling {
		if tr.Type != html.ElementNode || tr.Data != "tr" {
			continue
		}
		var row []string
		for td := tr.FirstChild; td != nil; td = td.NextSibling {
			if td.Type == html.ElementNode {
				row = append(row, strings.TrimSpace(textOf(td)))
			}
		}
		out = append(out, row)
	}
	return out
}
