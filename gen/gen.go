// Package gen generates realistic synthetic self-evaluations (自评表) for
// tests and benchmarks: both kinds (部门整体, 项目), many units, years and
// provinces' rule sets, 5–30 indicators with real-looking names, targets
// and units, budget blocks whose breakdowns add up, and scores computed by
// the score engine, so that a clean evaluation is really clean. A share of
// them carry injected errors (a missed target with full marks, a breakdown
// that does not add up, a wrong execution rate …), each recorded with the
// finding code the audit must raise.
//
// Generation is deterministic: evaluation i of seed s is the same on every
// run and on every machine, whatever the parallelism, because each one
// draws from its own generator seeded with (s, i).
package gen

import (
	"fmt"
	"math/rand/v2"

	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/notation"
	"jixiao/rules"
	"jixiao/score"
)

// Options says what to generate.
type Options struct {
	// ErrorRate is the share of evaluations that get injected errors (0–1).
	ErrorRate float64
	// Rules forces one rule set for every evaluation; empty means the rule
	// set of the generated unit's province.
	Rules string
	// Kind forces one kind; empty means either.
	Kind jixiao.Kind
}

// Case is one generated evaluation.
type Case struct {
	Name  string             // file base name, "eval-00001"
	Eval  *jixiao.Evaluation // as written to the files, injected errors included
	Rules *jixiao.RuleSet    // the rule set it was scored under
	Truth Truth              // its key figures and the injected errors
}

// ruleSets caches the embedded rule sets: they are immutable once loaded.
var ruleSets = map[string]*jixiao.RuleSet{}

func init() {
	for _, n := range rules.Names() {
		ruleSets[n] = rules.MustLoad(n)
	}
}

// Generate returns evaluation i of seed. It fails only on an unknown rule
// set name in opt.
func Generate(seed int64, i int, opt Options) (*Case, error) {
	rng := rand.New(rand.NewPCG(uint64(seed), uint64(i)))
	place := places[rng.IntN(len(places))]
	name := place.rules
	if opt.Rules != "" {
		name = opt.Rules
	}
	rs, ok := ruleSets[name]
	if !ok {
		var err error
		if rs, err = rules.Load(name); err != nil {
			return nil, fmt.Errorf("gen: %w", err)
		}
	}
	ag := agencies[rng.IntN(len(agencies))]
	k := opt.Kind
	if k == "" {
		k = jixiao.KindDepartment
		if rng.IntN(2) == 0 {
			k = jixiao.KindProject
		}
	}
	ev := &jixiao.Evaluation{
		Kind:  k,
		Unit:  place.name + ag.name,
		Year:  2019 + rng.IntN(7),
		Rules: rs.Name,
		Goal:  jixiao.Goal{Expected: ag.goal, Actual: achieved[rng.IntN(len(achieved))]},
	}
	if k == jixiao.KindProject {
		ev.Project = ag.projects[rng.IntN(len(ag.projects))]
		ev.Department = ev.Unit
		ev.ProjectCode = projectCode(rng, ev.Year)
	}
	g := &generator{rng: rng, ev: ev, rs: rs}
	g.budget()
	g.indicators(5 + rng.IntN(26))
	g.score()
	c := &Case{Name: fmt.Sprintf("eval-%05d", i+1), Eval: ev, Rules: rs}
	if rng.Float64() < opt.ErrorRate {
		g.inject(1 + rng.IntN(2))
	}
	c.Truth = g.truth(c.Name, seed, i)
	return c, nil
}

// projectCode is a 21-digit code as the integrated system numbers projects.
func projectCode(rng *rand.Rand, year int) string {
	return fmt.Sprintf("43%04d%d%011d", rng.IntN(10000), year, rng.Int64N(1e11))
}

// generator holds one evaluation while it is built.
type generator struct {
	rng  *rand.Rand
	ev   *jixiao.Evaluation
	rs   *jixiao.RuleSet
	rows []row // beside ev.Indicators
	res  *score.Result
	errs []Injected
}

// indicators draws n indicator rows over the rule set's 一级 tree, with
// integer weights adding up to each 一级's weight.
func (g *generator) indicators(n int) {
	rs, rng := g.rs, g.rng
	l1 := rs.Level1
	total := int(rs.WeightTotal.Sub(rs.Execution.Weight).IntPart())
	weights := make([]int, len(l1))
	free := []int{}
	left := total
	for i, l := range l1 {
		if l.Weight != nil {
			weights[i] = int(l.Weight.IntPart())
			left -= weights[i]
		} else {
			free = append(free, i)
		}
	}
	// a rule set that fixes only the total (Sichuan): 满意度 10, the rest
	// shared, 产出 the larger part
	for j, i := range free {
		switch {
		case j == len(free)-1:
			weights[i] = left
		case l1[i].Name == "满意度指标":
			weights[i] = 10
		default:
			weights[i] = left * (55 + rng.IntN(15)) / 100
		}
		left -= weights[i]
	}
	// rows per 一级: 满意度 1–2, the rest in proportion to their weight
	counts := make([]int, len(l1))
	rest := n
	for i, l := range l1 {
		if l.Name == "满意度指标" {
			counts[i] = 1 + rng.IntN(2)
			rest -= counts[i]
		}
	}
	others := 0
	for i := range l1 {
		if counts[i] == 0 {
			others++
		}
	}
	for i := range l1 {
		if counts[i] != 0 {
			continue
		}
		counts[i] = max(1, rest/others)
	}
	sum := 0
	for _, c := range counts {
		sum += c
	}
	for sum < n {
		if i := rng.IntN(len(l1)); l1[i].Name != "满意度指标" {
			counts[i]++
			sum++
		}
	}
	used := map[string]bool{}
	for i, l := range l1 {
		c := min(counts[i], weights[i])
		ws := split(rng, weights[i], c)
		// group rows under a few 二级, in the rule set's order
		l2s := l.Level2
		per := make([]int, len(l2s))
		for j := 0; j < c; j++ {
			if j < len(l2s) && (j == 0 || rng.IntN(3) > 0) {
				per[j]++
			} else {
				per[rng.IntN(len(l2s))]++
			}
		}
		k := 0
		for j, l2 := range l2s {
			for range per[j] {
				r := newRow(rng, l2, used)
				met := rng.IntN(100) < 82
				g.ev.Indicators = append(g.ev.Indicators, r.indicator(rng, l.Name, l2, ws[k], met))
				g.rows = append(g.rows, r)
				k++
			}
		}
	}
}

// score fills every stated score from the engine: 定性 rows get the
// evaluator's score inside their tier first, the rest what the rules give;
// then the budget score and the total.
func (g *generator) score() {
	for i := range g.ev.Indicators {
		in := &g.ev.Indicators[i]
		in.Score = jixiao.Figure{}
		in.Deviation = ""
		if g.rows[i].t.kind == kQual {
			w := in.Weight.Value
			v := w
			switch {
			case !g.rows[i].met:
				v = w.Mul(decimal.New(7, -1))
			case g.rng.IntN(3) == 0:
				v = w.Mul(decimal.New(9, -1))
			}
			in.Score = scoreFigure(g.rs.Rounding.Score(v))
		}
	}
	res := score.Score(g.ev, g.rs)
	for i := range g.ev.Indicators {
		in := &g.ev.Indicators[i]
		in.Score = scoreFigure(res.Rows[i].Score)
		if res.Rows[i].Score.LessThan(res.Rows[i].Weight) {
			in.Deviation = deviations[g.rng.IntN(len(deviations))]
		}
	}
	b := &g.ev.Budget
	b.Score = notation.ParseFigure(res.Execution.Score.StringFixed(2))
	g.res = score.Score(g.ev, g.rs)
	g.ev.StatedTotal = notation.ParseFigure(g.res.Total.StringFixed(2))
}

// scoreFigure writes a score as units do: "20", "18.5", "17.33".
func scoreFigure(d decimal.Decimal) jixiao.Figure {
	return notation.ParseFigure(d.String())
}

// resum sets the stated total to the sum of the stated scores, so that an
// error injected into one score does not also break the total's sum.
func (g *generator) resum() {
	s := g.ev.Budget.Score.Value
	for _, in := range g.ev.Indicators {
		s = s.Add(in.Score.Value)
	}
	g.ev.StatedTotal = notation.ParseFigure(s.StringFixed(2))
}
