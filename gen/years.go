package gen

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/notation"
	"jixiao/rules"
)

// The risk signals the panel injects, named as risk/'s reason codes.
const (
	RiskInflated = "R-INFLATED"       // a high self-score with a low execution rate
	RiskAllMet   = "R-ALL-MET"        // every actual written as its target
	RiskCopyPeer = "R-COPY-PEER"      // narrative copied from another unit
	RiskCopyPrev = "R-COPY-PREV"      // narrative copied from the same unit's previous year
	RiskLowered  = "R-TARGET-LOWERED" // targets set below the previous year's actuals
)

// PanelOptions says what Panel generates.
type PanelOptions struct {
	Units     int     // units, each evaluated every year
	Years     int     // consecutive years
	FirstYear int     // 0 means 2020
	Inject    float64 // share of unit-years given one injected risk (0–1)
	Rules     string  // rule set; empty means rules.Default
}

// PanelCase is one unit-year of the panel.
type PanelCase struct {
	Case *Case
	Risk RiskTruth
}

// RiskTruth records what was injected into a panel evaluation, for the
// ranking's recall to be measured against.
type RiskTruth struct {
	Name     string   `json:"name"`
	Unit     string   `json:"unit"`
	Year     int      `json:"year"`
	Injected []string `json:"injected"`            // risk codes; empty when clean
	Source   string   `json:"source,omitempty"`    // the case copied from, for the copy signals
	CopiedBy []string `json:"copied_by,omitempty"` // cases that copied this one's text
	Lowered  []string `json:"lowered,omitempty"`   // the indicators whose targets were lowered
}

// Clean reports whether nothing was injected.
func (t *RiskTruth) Clean() bool { return len(t.Injected) == 0 }

// WriteJSON writes the truth, indented.
func (t *RiskTruth) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(t)
}

// unitPlan is what stays the same for a unit from year to year.
type unitPlan struct {
	idx           int
	name, project string
	kind          jixiao.Kind
	rows          []row
	inds          []jixiao.Indicator // last year's, for the next year's targets
}

// Panel generates opt.Units units over opt.Years years: each unit keeps its
// indicators from year to year, a clean unit setting each target at or
// above the year before's actual and writing new text; a share opt.Inject
// of the unit-years carries one injected risk (copying, lowered targets
// and copying from the previous year only after the first year). Cases are
// ordered by year, then unit, named "pNNNN-YYYY". Deterministic in seed.
func Panel(seed int64, opt PanelOptions) ([]PanelCase, error) {
	if opt.Units <= 0 || opt.Years <= 0 {
		return nil, fmt.Errorf("gen: 单位数与年数应为正数")
	}
	first := opt.FirstYear
	if first == 0 {
		first = 2020
	}
	name := opt.Rules
	if name == "" {
		name = rules.Default
	}
	rs, err := rules.Load(name)
	if err != nil {
		return nil, fmt.Errorf("gen: %w", err)
	}
	plans := make([]unitPlan, opt.Units)
	var out []PanelCase
	byUnitYear := map[[2]int]int{} // (unit, year index) → index in out
	for y := range opt.Years {
		year := first + y
		for u := range plans {
			rng := rand.New(rand.NewPCG(uint64(seed), uint64(y)<<32|uint64(u)))
			p := &plans[u]
			if y == 0 {
				*p = newPlan(rng, u)
			}
			what := ""
			if rng.Float64() < opt.Inject {
				kinds := []string{RiskInflated, RiskAllMet, RiskCopyPeer}
				if y > 0 {
					kinds = append(kinds, RiskCopyPrev, RiskLowered)
				}
				if u == 0 {
					kinds = kinds[:2] // no other unit of this year yet to copy from
					if y > 0 {
						kinds = append(kinds, RiskCopyPrev, RiskLowered)
					}
				}
				what = kinds[rng.IntN(len(kinds))]
			}
			g, c := panelCase(rng, rs, p, year, what == RiskInflated)
			pc := PanelCase{Case: c, Risk: RiskTruth{Name: c.Name, Unit: c.Eval.Unit, Year: year, Injected: []string{}}}
			if what != "" {
				pc.Risk.Injected = []string{what}
			}
			switch what {
			case RiskAllMet:
				for i := range c.Eval.Indicators {
					c.Eval.Indicators[i].Actual = c.Eval.Indicators[i].Target
				}
				g.score()
			case RiskCopyPrev:
				src := &out[byUnitYear[[2]int{u, y - 1}]]
				copyText(c.Eval, src.Case.Eval)
				pc.Risk.Source = src.Case.Name
				src.Risk.CopiedBy = append(src.Risk.CopiedBy, c.Name)
			case RiskCopyPeer:
				src := &out[byUnitYear[[2]int{rng.IntN(u), y}]]
				copyText(c.Eval, src.Case.Eval)
				pc.Risk.Source = src.Case.Name
				src.Risk.CopiedBy = append(src.Risk.CopiedBy, c.Name)
			case RiskLowered:
				pc.Risk.Lowered = lowerTargets(rng, g, plans[u].inds)
				g.score()
			}
			c.Truth = g.truth(c.Name, seed, len(out))
			p.inds = c.Eval.Indicators
			byUnitYear[[2]int{u, y}] = len(out)
			out = append(out, pc)
		}
	}
	return out, nil
}

// newPlan draws a unit: a place, an agency and, for a 项目 table, a project.
func newPlan(rng *rand.Rand, u int) unitPlan {
	pl, ag := places[u%len(places)], agencies[(u/len(places))%len(agencies)]
	p := unitPlan{idx: u, name: pl.name + ag.name, kind: jixiao.KindDepartment}
	if n := u / (len(places) * len(agencies)); n > 0 {
		p.name = fmt.Sprintf("%s第%d分局", p.name, n+1)
	}
	if rng.IntN(2) == 0 {
		p.kind, p.project = jixiao.KindProject, ag.projects[rng.IntN(len(ag.projects))]
	}
	return p
}

// panelCase builds the unit's evaluation of year: the first year draws its
// indicators, later years keep them with targets at or above last year's
// actuals. lowRate asks for an execution rate below 78% with every target
// met, the shape of an inflated self-score; otherwise the rate is at least
// 85%, as for a unit whose score and spending agree.
func panelCase(rng *rand.Rand, rs *jixiao.RuleSet, p *unitPlan, year int, lowRate bool) (*generator, *Case) {
	ev := &jixiao.Evaluation{Kind: p.kind, Unit: p.name, Year: year, Rules: rs.Name}
	if p.kind == jixiao.KindProject {
		ev.Project, ev.Department = p.project, p.name
		ev.ProjectCode = projectCode(rng, year)
	}
	ev.Goal = jixiao.Goal{Expected: goalText(rng, p.name, year, false), Actual: goalText(rng, p.name, year, true)}
	g := &generator{rng: rng, ev: ev, rs: rs}
	for try := 0; ; try++ {
		ev.Budget = jixiao.Budget{}
		g.budget()
		r := ev.Budget.Executed.Value.Div(ev.Budget.FullYear.Value)
		if low := r.LessThan(decimal.RequireFromString("0.78")); low == lowRate && (low || !r.LessThan(decimal.RequireFromString("0.85"))) || try > 200 {
			break
		}
	}
	if p.rows == nil {
		g.indicators(5 + rng.IntN(16))
		p.rows = g.rows
	} else {
		g.rows = p.rows
		for i := range p.inds {
			prev := &p.inds[i]
			r := &g.rows[i]
			raise(r, prev.Actual)
			in := r.indicator(rng, prev.Level1, prev.Level2, int(prev.Weight.Value.IntPart()), rng.IntN(100) < 82)
			ev.Indicators = append(ev.Indicators, in)
		}
	}
	if lowRate {
		for i := range ev.Indicators {
			in := &ev.Indicators[i]
			in.Actual = notation.ParseValue(g.rows[i].actualFor(rng, true))
			g.rows[i].met = true
		}
	}
	g.score()
	if !lowRate && allAsTargeted(ev) {
		// a clean unit reports at least one indicator off its target: every
		// actual written as its target is the R-ALL-MET risk, injected apart
		for i := range ev.Indicators {
			if k := g.rows[i].t.kind; k == kPositive || k == kPercent || k == kReverse {
				ev.Indicators[i].Actual = notation.ParseValue(g.rows[i].actualFor(rng, false))
				g.rows[i].met = false
				g.score()
				break
			}
		}
	}
	for i := range ev.Indicators {
		if ev.Indicators[i].Deviation != "" {
			ev.Indicators[i].Deviation = deviationText(rng)
		}
	}
	return g, &Case{Name: fmt.Sprintf("p%04d-%d", p.idx+1, year), Eval: ev, Rules: rs}
}

// allAsTargeted reports whether every actual reads as its target (the
// same number, or the same words) or as 100%.
func allAsTargeted(ev *jixiao.Evaluation) bool {
	for _, in := range ev.Indicators {
		a, t := in.Actual, in.Target
		same := a.Raw == t.Raw || a.Type == jixiao.Quantitative && t.Type == jixiao.Quantitative && a.Number.Equal(t.Number) && a.Percent == t.Percent
		if !same && !(a.Percent && a.Number.Equal(decimal.NewFromInt(100))) {
			return false
		}
	}
	return true
}

// raise sets a row's target for the new year at or above (for a ≤ target:
// at or below) what was achieved the year before.
func raise(r *row, prevActual jixiao.Value) {
	if prevActual.Type != jixiao.Quantitative {
		return
	}
	a := prevActual.Number
	switch r.t.kind {
	case kPositive:
		if a.GreaterThan(r.target) {
			r.target = a.Ceil()
		}
	case kPercent:
		if a.GreaterThan(r.target) {
			r.target = decimal.Min(a.Ceil(), decimal.NewFromInt(100))
		}
	case kReverse:
		if a.LessThan(r.target) && a.IsPositive() {
			r.target = a.Round(2)
		}
	}
}

// lowerTargets sets two or three quantitative targets below last year's
// actuals (above them for ≤ targets), keeping the new actuals met, and
// returns their names.
func lowerTargets(rng *rand.Rand, g *generator, prev []jixiao.Indicator) []string {
	var names []string
	for i := range g.ev.Indicators {
		if len(names) == 3 || i >= len(prev) {
			break
		}
		r, a := &g.rows[i], prev[i].Actual
		if a.Type != jixiao.Quantitative || !a.Number.IsPositive() {
			continue
		}
		switch r.t.kind {
		case kPositive, kPercent:
			r.target = a.Number.Mul(decimal.New(int64(70+rng.IntN(15)), -2)).Floor()
		case kReverse:
			r.target = a.Number.Mul(decimal.New(int64(120+rng.IntN(20)), -2)).Round(2)
		default:
			continue
		}
		if !r.target.IsPositive() {
			continue
		}
		in := &g.ev.Indicators[i]
		*in = r.indicator(rng, in.Level1, in.Level2, int(in.Weight.Value.IntPart()), true)
		names = append(names, in.Name)
	}
	return names
}

// copyText writes src's narrative into ev, src's unit name replaced by
// ev's, the way a unit copies another's filing.
func copyText(ev, src *jixiao.Evaluation) {
	re := strings.NewReplacer(src.Unit, ev.Unit, fmt.Sprint(src.Year), fmt.Sprint(ev.Year))
	ev.Goal = jixiao.Goal{Expected: re.Replace(src.Goal.Expected), Actual: re.Replace(src.Goal.Actual)}
	devs := map[string]string{}
	var any []string
	for _, in := range src.Indicators {
		if in.Deviation != "" {
			devs[in.Name] = in.Deviation
			any = append(any, in.Deviation)
		}
	}
	k := 0
	for i := range ev.Indicators {
		in := &ev.Indicators[i]
		if in.Deviation == "" {
			continue
		}
		if d, ok := devs[in.Name]; ok {
			in.Deviation = re.Replace(d)
		} else if len(any) > 0 {
			in.Deviation = re.Replace(any[k%len(any)])
			k++
		}
	}
}

// WritePanel writes each case as NAME.yaml with its NAME.truth.json and
// NAME.risk.json into dir, which must exist.
func WritePanel(dir string, cases []PanelCase) error {
	return WritePanelFormats(dir, cases, WriteOptions{Formats: []string{"yaml"}})
}

// WritePanelFormats is WritePanel in the formats of opt (Write), each
// case with its NAME.risk.json.
func WritePanelFormats(dir string, cases []PanelCase, opt WriteOptions) error {
	for _, c := range cases {
		if err := Write(dir, c.Case, opt); err != nil {
			return err
		}
		f, err := os.Create(filepath.Join(dir, c.Case.Name+".risk.json"))
		if err != nil {
			return fmt.Errorf("gen: %w", err)
		}
		err = c.Risk.WriteJSON(f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("gen: %w", err)
		}
	}
	return nil
}
