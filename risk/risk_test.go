package risk

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/audit"
	"jixiao/notation"
	"jixiao/rules"
	"jixiao/score"
)

func ind(l1, name, target, actual string) jixiao.Indicator {
	return jixiao.Indicator{Level1: l1, Name: name, Target: notation.ParseValue(target), Actual: notation.ParseValue(actual),
		Weight: notation.ParseFigure("10"), Score: notation.ParseFigure("10")}
}

func entry(t *testing.T, id, unit string, year int, rate string, total string, inds []jixiao.Indicator, goal string) Entry {
	t.Helper()
	ev := &jixiao.Evaluation{Kind: jixiao.KindDepartment, Unit: unit, Year: year, Indicators: inds,
		Goal: jixiao.Goal{Expected: goal, Actual: goal}}
	ev.Budget.FullYear = notation.ParseFigure("100")
	ev.Budget.Executed = notation.ParseFigure(rate)
	ev.StatedTotal = notation.ParseFigure(total)
	rs := rules.MustLoad(rules.Default)
	res := score.Score(ev, rs)
	return Entry{ID: id, Eval: ev, Result: res, Findings: audit.Check(audit.Input{Eval: ev, Rules: rs, Result: res})}
}

func codes(a Assessment) string {
	var cs []string
	for _, r := range a.Reasons {
		cs = append(cs, r.Code)
	}
	return strings.Join(cs, ",")
}

func TestSignals(t *testing.T) {
	goalA := "加强公共法律服务体系建设，全年办理法律援助案件，开展普法宣传进社区活动，提升群众法治意识和满意度。"
	goalB := "推进河道综合治理与水质监测，完成堤防加固工程，建立巡河制度，改善沿岸生态环境并保障防汛安全。"
	plain := []jixiao.Indicator{
		ind("产出指标", "法律援助案件数", "≥100件", "90件"),
		ind("效益指标", "群众法治意识提升", "≥80%", "75%"),
		ind("满意度指标", "服务对象满意度", "≥90%", "88%"),
	}
	cases := []struct {
		name string
		es   []Entry
		id   string
		want []string // codes the entry must show
		not  []string
	}{
		{"Inflated", []Entry{entry(t, "a", "甲局", 2024, "55", "96", plain, goalA)}, "a", []string{"R-INFLATED"}, []string{"R-ALL-MET"}},
		{"NotInflatedWhenSpent", []Entry{entry(t, "a", "甲局", 2024, "95", "96", plain, goalA)}, "a", nil, []string{"R-INFLATED"}},
		{"AllMet", []Entry{entry(t, "a", "甲局", 2024, "95", "100", []jixiao.Indicator{
			ind("产出指标", "法律援助案件数", "≥100件", "≥100件"),
			ind("效益指标", "群众法治意识提升", "≥80%", "100%"),
			ind("满意度指标", "服务对象满意度", "≥90%", "≥90%")}, goalA)}, "a", []string{"R-ALL-MET"}, nil},
		{"NoBenefit", []Entry{entry(t, "a", "甲局", 2024, "95", "90", plain[:1], goalA)}, "a", []string{"R-NO-BENEFIT"}, nil},
		{"CopyPeer", []Entry{entry(t, "a", "甲局", 2024, "95", "90", plain, goalA), entry(t, "b", "乙局", 2024, "95", "90", plain, goalA+"。"), entry(t, "c", "丙局", 2024, "95", "90", plain, goalB)},
			"b", []string{"R-COPY-PEER"}, []string{"R-COPY-PREV"}},
		{"NoCopyDifferentText", []Entry{entry(t, "a", "甲局", 2024, "95", "90", plain, goalA), entry(t, "c", "丙局", 2024, "95", "90", plain, goalB)},
			"c", nil, []string{"R-COPY-PEER"}},
		{"CopyPrevAndLowered", []Entry{entry(t, "a23", "甲局", 2023, "95", "90", plain, goalA), entry(t, "a24", "甲局", 2024, "95", "90", []jixiao.Indicator{
			ind("产出指标", "法律援助案件数", "≥80件", "90件"), plain[1], plain[2]}, strings.ReplaceAll(goalA, "全年", "2024年全年"))},
			"a24", []string{"R-COPY-PREV", "R-TARGET-LOWERED"}, []string{"R-COPY-PEER"}},
		{"FirstYearNotLowered", []Entry{entry(t, "a23", "甲局", 2023, "95", "90", plain, goalA), entry(t, "a24", "甲局", 2024, "95", "90", []jixiao.Indicator{
			ind("产出指标", "法律援助案件数", "≥80件", "90件"), plain[1], plain[2]}, goalB)},
			"a23", nil, []string{"R-TARGET-LOWERED", "R-COPY-PREV"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, a := range Rank(c.es, nil) {
				if a.ID != c.id {
					continue
				}
				got := codes(a)
				for _, w := range c.want {
					if !strings.Contains(got, w) {
						t.Errorf("reasons %q lack %s", got, w)
					}
				}
				for _, w := range c.not {
					if strings.Contains(got, w) {
						t.Errorf("reasons %q have %s", got, w)
					}
				}
				for _, r := range a.Reasons {
					if r.Message == "" || r.Evidence == "" || !r.Points.IsPositive() {
						t.Errorf("reason %+v lacks message, evidence or points", r)
					}
				}
			}
		})
	}
}

func TestParseWeights(t *testing.T) {
	w := DefaultWeights()
	if !w.Inflated.Weight.Equal(decimal.NewFromInt(30)) || w.TargetLowered.Saturate != 2 {
		t.Fatalf("default weights read as %+v", w)
	}
	bad := []string{
		"version: 1\nunknown:\n  weight: 1\n",
		"version: 1\ninflated:\n  weight: x\n",
		"version: 2\n",
		"inflated: 3\n",
		"  weight: 1\n",
	}
	for _, src := range bad {
		if _, err := ParseWeights(src); err == nil {
			t.Errorf("ParseWeights(%q) accepted", src)
		}
	}
}

func TestSampleReproducible(t *testing.T) {
	var ranked []Assessment
	for i := range 50 {
		ranked = append(ranked, Assessment{Rank: i + 1, ID: string(rune('A' + i))})
	}
	opt := SampleOptions{Size: 10, RandomShare: decimal.RequireFromString("0.3"), Seed: 7}
	a, _ := Sample(ranked, opt)
	b, _ := Sample(ranked, opt)
	opt.Seed = 8
	c, _ := Sample(ranked, opt)
	if len(a) != 10 {
		t.Fatalf("got %d picks, want 10", len(a))
	}
	for i := range 7 {
		if a[i].Rank != i+1 || a[i].Random {
			t.Errorf("pick %d = rank %d random %v, want the top ones first", i, a[i].Rank, a[i].Random)
		}
	}
	same, differ := true, false
	for i := range a {
		same = same && a[i].ID == b[i].ID
		differ = differ || a[i].ID != c[i].ID
		if i >= 7 && (!a[i].Random || a[i].Rank <= 7) {
			t.Errorf("random pick %d is rank %d", i, a[i].Rank)
		}
	}
	if !same || !differ {
		t.Errorf("same seed same list: %v; other seed other list: %v", same, differ)
	}
	if _, err := Sample(ranked, SampleOptions{Size: 5, RandomShare: decimal.NewFromInt(2)}); err == nil {
		t.Error("a share above 1 was accepted")
	}
}

func TestUnitHistory(t *testing.T) {
	goal := "加强公共法律服务体系建设，全年办理法律援助案件，开展普法宣传进社区活动。"
	es := []Entry{
		entry(t, "a23", "甲局", 2023, "95", "90", []jixiao.Indicator{ind("产出指标", "法律援助案件数", "≥100件", "120件")}, goal),
		entry(t, "a24", "甲局", 2024, "95", "90", []jixiao.Indicator{ind("产出指标", "法律援助案件数", "≥110件", "130件")}, goal),
		entry(t, "b24", "乙局", 2024, "95", "90", nil, "别的"),
	}
	h, err := UnitHistory(es, "甲局")
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Years) != 2 || h.Years[0] != 2023 || len(h.Indicators) != 1 || h.Indicators[0].Cells[1].Target != "≥110件" {
		t.Fatalf("history = %+v", h)
	}
	if len(h.Lowered) != 1 || h.Lowered[0].PrevActual != "120件" {
		t.Errorf("lowered = %+v, want ≥110件 below 2023's 120件", h.Lowered)
	}
	if len(h.Reused) != 2 {
		t.Errorf("reused = %+v, want both goal halves", h.Reused)
	}
	if _, err := UnitHistory(append(es, Entry{ID: "nil"}), "丙局"); err == nil {
		t.Error("an unknown unit gave no error")
	}
}

func TestNormalize(t *testing.T) {
	cases := []struct{ in, folded, verbatim string }{
		{"项目按期完工率（4）", "项目按期完工率0", "项目按期完工率4"},
		{"２０２４年 ＡＢ，完成。", "0000年ab完成", "2024年ab完成"},
		{"≥95%", "00", "95"},
	}
	for _, c := range cases {
		if got := Normalize(c.in); got != c.folded {
			t.Errorf("Normalize(%q) = %q, want %q", c.in, got, c.folded)
		}
		if got := verbatim(c.in); got != c.verbatim {
			t.Errorf("verbatim(%q) = %q, want %q", c.in, got, c.verbatim)
		}
	}
}

// TestInflatedFromStatedRate: with no 全年执行数 the stated rate is used,
// and the evidence says so.
func TestInflatedFromStatedRate(t *testing.T) {
	e := entry(t, "a", "甲局", 2024, "", "96", []jixiao.Indicator{ind("效益指标", "群众法治意识提升", "≥80%", "85%")}, "目标")
	e.Eval.Budget.Rate = notation.ParseFigure("61.23%")
	e.Result = score.Score(e.Eval, rules.MustLoad(rules.Default))
	a := Rank([]Entry{e}, nil)[0]
	if len(a.Reasons) == 0 || a.Reasons[0].Code != "R-INFLATED" || !strings.Contains(a.Reasons[0].Evidence, "表列执行率 61.23%") {
		t.Errorf("reasons = %+v", a.Reasons)
	}
}

func TestRankNilEvaluation(t *testing.T) {
	got := Rank([]Entry{{ID: "x"}, entry(t, "a", "甲局", 2024, "55", "96", nil, "目标")}, nil)
	if len(got) != 2 || got[1].ID != "x" || !got[1].Score.IsZero() {
		t.Errorf("ranking = %+v", got)
	}
}

func TestSampleSizes(t *testing.T) {
	var ranked []Assessment
	for i := range 10 {
		ranked = append(ranked, Assessment{Rank: i + 1, ID: string(rune('a' + i))})
	}
	cases := []struct {
		name          string
		size          int
		share         string
		picks, random int
	}{
		{"AllTop", 4, "0", 4, 0},
		{"AllRandom", 4, "1", 4, 4},
		{"HalfUp", 5, "0.5", 5, 3}, // 2.5 rounds half up
		{"LargerThanRanked", 30, "0.2", 10, 2},
		{"None", 0, "0.2", 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Sample(ranked, SampleOptions{Size: c.size, RandomShare: decimal.RequireFromString(c.share), Seed: 1})
			if err != nil {
				t.Fatal(err)
			}
			random := 0
			seen := map[string]bool{}
			for _, p := range got {
				if p.Random {
					random++
				}
				if seen[p.ID] {
					t.Errorf("%s drawn twice", p.ID)
				}
				seen[p.ID] = true
			}
			if len(got) != c.picks || random != c.random {
				t.Errorf("got %d picks, %d random; want %d, %d", len(got), random, c.picks, c.random)
			}
		})
	}
	if _, err := Sample(ranked, SampleOptions{Size: -1}); err == nil {
		t.Error("a negative size was accepted")
	}
}
