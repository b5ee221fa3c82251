package realcorpus

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"

	"jixiao"

	"jixiao/audit"
	"jixiao/extract"
	"jixiao/importer"
	"jixiao/internal/cjk"
	"jixiao/notation"
	"jixiao/rules"
	"jixiao/score"
)

// Doc is one corpus document: its folder and what it says of itself.
type Doc struct {
	Dir      string
	Name     string
	Province string
	Truth    Truth
	MetaErr  error // meta.yaml could not be parsed; the province was read from its line
}

var provinceRe = regexp.MustCompile(`(?m)^province:\s*(\S+)`)

// LoadDocs reads every document folder under root.
func LoadDocs(root string) ([]Doc, error) {
	dirs, err := filepath.Glob(filepath.Join(root, "*", "truth.yaml"))
	if err != nil {
		return nil, err
	}
	var out []Doc
	for _, p := range dirs {
		dir := filepath.Dir(p)
		d := Doc{Dir: dir, Name: filepath.Base(dir)}
		if err := readYAML(p, &d.Truth); err != nil {
			return nil, err
		}
		var meta struct {
			Province string `yaml:"province"`
		}
		if err := readYAML(filepath.Join(dir, "meta.yaml"), &meta); err != nil {
			// a meta.yaml that is not valid YAML still names its province
			d.MetaErr = err
			b, _ := os.ReadFile(filepath.Join(dir, "meta.yaml"))
			if m := provinceRe.FindSubmatch(b); m != nil {
				meta.Province = string(m[1])
			}
		}
		d.Province = meta.Province
		out = append(out, d)
	}
	return out, nil
}

func readYAML(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := yaml.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// RuleSet is the rule set a reviewer of the province would apply: its own
// when jixiao has one, else the national default.
func RuleSet(province string) *jixiao.RuleSet {
	name := rules.Default
	switch province {
	case "四川":
		name = "sichuan"
	case "湖南":
		name = "hunan"
	case "湖北":
		name = "hubei"
	}
	return rules.MustLoad(name)
}

// Rules is the rule set the document is checked under: the one its truth
// names (rule_set:, where the table states its own weights, as a note
// fixing the national 一级 weights does), else the province's.
func (d Doc) Rules() *jixiao.RuleSet {
	if d.Truth.RuleSet != "" {
		return rules.MustLoad(d.Truth.RuleSet)
	}
	return RuleSet(d.Province)
}

// Result is what jixiao made of one file of a document.
type Result struct {
	Doc      *jixiao.Document
	Tables   []extract.Table
	Findings []jixiao.Finding
}

// Run reads a file, extracts every table and checks each, as `jixiao
// check` does: the narrative is checked with the first table.
func Run(path string, rs *jixiao.RuleSet) (*Result, error) {
	doc, err := importer.Open(path, importer.Limits{})
	if err != nil {
		return nil, err
	}
	return RunDoc(doc, rs), nil
}

// RunDoc is Run on a document already imported.
func RunDoc(doc *jixiao.Document, rs *jixiao.RuleSet) *Result {
	res := &Result{Doc: doc, Tables: extract.ExtractAll(doc)}
	for i, t := range res.Tables {
		in := audit.Input{Eval: t.Eval, Rules: rs, Result: score.Score(t.Eval, rs)}
		if i == 0 {
			in.Doc = doc
		}
		res.Findings = append(res.Findings, audit.Check(in)...)
	}
	return res
}

// Share counts the truth's figures and how many were read as the truth
// states them.
type Share struct{ Read, Total int }

func (s *Share) add(want *string, got string) {
	if want == nil {
		return
	}
	s.Total++
	if norm(*want) == norm(got) || sameNumber(*want, got) {
		s.Read++
	}
}

// addValue is add for an indicator value read under a 度量单位 column:
// the figure as printed ("100") or with the unit it is read in ("100%"),
// as the truth writes it, is the same figure.
func (s *Share) addValue(want *string, v jixiao.Value) {
	if want != nil && v.InUnit && norm(*want) == norm(v.Text()) {
		s.Total++
		s.Read++
		return
	}
	s.add(want, v.Raw)
}

// sameNumber reports two figures of the same value: a spreadsheet made
// from the document keeps 0.00 as the number 0, which is the same figure.
func sameNumber(a, b string) bool {
	fa, fb := notation.ParseFigure(a), notation.ParseFigure(b)
	return fa.Valid && fb.Valid && fa.Percent == fb.Percent && fa.Unit == fb.Unit && fa.Value.Equal(fb.Value)
}

// norm is a figure's text as compared: spaces dropped, and the dash or
// slash a table writes in an empty cell ("—", "/") read as the empty cell
// it is.
func norm(s string) string {
	t := strings.Join(strings.Fields(cjk.Fold(s)), "")
	switch t {
	case "—", "——", "-", "--", "/":
		return ""
	}
	return t
}

// FiguresRead compares every figure of the truth's tables with the tables
// read, in order; indicators are matched by name first. A figure is read
// when its text is the truth's, or (for a re-making whose spreadsheet
// stored it as a number) its value is.
func FiguresRead(tr Truth, got []extract.Table) Share {
	var s Share
	for i, tt := range tr.Tables {
		ev := &jixiao.Evaluation{}
		if i < len(got) {
			ev = got[i].Eval
		}
		if tt.Budget != nil {
			b := tt.Budget
			s.add(b.Request, ev.Budget.Request.Text)
			s.add(b.Initial, ev.Budget.Initial.Text)
			s.add(b.FullYear, ev.Budget.FullYear.Text)
			s.add(b.Executed, ev.Budget.Executed.Text)
			s.add(b.Weight, ev.Budget.Weight.Text)
			s.add(b.Rate, ev.Budget.Rate.Text)
			s.add(b.Score, ev.Budget.Score.Text)
			rows := splitRows(ev)
			for _, sp := range b.Splits {
				for _, gr := range sp.Rows {
					r, _ := findRow(rows, gr.Name)
					name := gr.Name
					s.add(&name, r.Name)
					s.add(gr.Value, r.FullYear.Text)
				}
				if sp.Group != "" {
					continue
				}
				r, ok := findRow(rows, sp.Name)
				name := sp.Name
				s.add(&name, r.Name)
				if !ok {
					r = jixiao.BudgetRow{}
				}
				s.add(sp.Initial, r.Initial.Text)
				s.add(sp.FullYear, r.FullYear.Text)
				s.add(sp.Executed, r.Executed.Text)
				s.add(sp.Rate, r.Rate.Text)
			}
		}
		used := map[int]bool{}
		for k, ti := range tt.Indicators {
			in := matchIndicator(ev.Indicators, ti, k, used)
			s.add(ti.Level1, in.Level1)
			s.add(ti.Level2, in.Level2)
			s.add(ti.Name, in.Name)
			s.addValue(ti.Target, in.Target)
			s.addValue(ti.Actual, in.Actual)
			s.add(ti.Weight, in.Weight.Text)
			s.add(ti.Score, in.Score.Text)
		}
		s.add(tt.Total, totalText(tt.Total, ev))
	}
	return s
}

func splitRows(ev *jixiao.Evaluation) []jixiao.BudgetRow {
	var out []jixiao.BudgetRow
	for _, sp := range ev.Budget.Splits {
		out = append(out, sp.Rows...)
	}
	return out
}

func findRow(rows []jixiao.BudgetRow, name string) (jixiao.BudgetRow, bool) {
	for _, r := range rows {
		if norm(r.Name) == norm(name) {
			return r, true
		}
	}
	return jixiao.BudgetRow{}, false
}

func matchIndicator(ins []jixiao.Indicator, ti TruthIndicator, k int, used map[int]bool) jixiao.Indicator {
	if ti.Name != nil {
		for i, in := range ins {
			if !used[i] && norm(in.Name) == norm(*ti.Name) {
				used[i] = true
				return in
			}
		}
	}
	if k < len(ins) && !used[k] {
		used[k] = true
		return ins[k]
	}
	return jixiao.Indicator{}
}

// Score is how the findings compare with the truth's errors.
type Score struct {
	Found, Errors int              // truth errors found (by code, one finding each), of all provable ones
	Unprovable    []TruthError     // truth errors the copy cannot show (not counted)
	Missed        []TruthError     // truth errors not found
	False         []jixiao.Finding // error-level findings the truth does not hold
}

// Compare matches findings to the truth's errors by code, one finding for
// one error, preferring the finding that states the same figure. A truth
// error is found by a finding of its code of at least warning level; an
// error-level finding left over is false.
func Compare(tr Truth, fs []jixiao.Finding) Score {
	var sc Score
	used := make([]bool, len(fs))
	for _, e := range tr.Errors {
		if e.Unprovable != "" {
			sc.Unprovable = append(sc.Unprovable, e)
			continue
		}
		sc.Errors++
		best := -1
		for i, f := range fs {
			if used[i] || f.Code != e.Code || f.Severity == jixiao.SevInfo {
				continue
			}
			if best < 0 || norm(f.Stated) == norm(e.Stated) && norm(fs[best].Stated) != norm(e.Stated) {
				best = i
			}
		}
		if best < 0 {
			sc.Missed = append(sc.Missed, e)
			continue
		}
		used[best] = true
		sc.Found++
	}
	for i, f := range fs {
		if !used[i] && f.Severity == jixiao.SevError {
			sc.False = append(sc.False, f)
		}
	}
	return sc
}

// totalText is the 合计 row's figure as read: the stated 总分, or, when
// the row states only the weights' sum under 分值 (the reader then leaves
// 总分 unstated), that sum as the weights read give it.
func totalText(want *string, ev *jixiao.Evaluation) string {
	if ev.StatedTotal.Stated() || want == nil {
		return ev.StatedTotal.Text
	}
	var sum decimal.Decimal
	if ev.Budget.Weight.Valid {
		sum = sum.Add(ev.Budget.Weight.Value)
	}
	for i := range ev.Indicators {
		if w := &ev.Indicators[i].Weight; w.Valid {
			sum = sum.Add(w.Value)
		}
	}
	if w := notation.ParseFigure(*want); w.Valid && w.Value.Equal(sum) {
		return *want
	}
	return ""
}
