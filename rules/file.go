package rules

import (
	"fmt"
	"strings"

	"jixiao/notation"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"

	"jixiao"
)

// file is the wire form of a rule set file.
type file struct {
	Extends     string  `yaml:"extends"`
	Name        string  `yaml:"name"`
	Title       string  `yaml:"title"`
	Basis       string  `yaml:"basis"`
	Description string  `yaml:"description"`
	WeightTotal *number `yaml:"weight_total"`
	Execution   struct {
		Weight      *number   `yaml:"weight"`
		Denominator string    `yaml:"denominator"`
		Cap         *fraction `yaml:"cap"`
	} `yaml:"execution"`
	Level1 []struct {
		Name    string   `yaml:"name"`
		Weight  *number  `yaml:"weight"`
		Aliases []string `yaml:"aliases"`
		Level2  []string `yaml:"level2"`
	} `yaml:"level1"`
	Reverse      string   `yaml:"reverse"`
	BareNumberAs string   `yaml:"bare_number_as"`
	CeilingNames []string `yaml:"ceiling_names"`
	EqualZero    struct {
		FullWhenActualAtMostZero bool `yaml:"full_when_actual_at_most_zero"`
	} `yaml:"equal_zero_target"`
	Qualitative []struct {
		Name         string    `yaml:"name"`
		Min          *fraction `yaml:"min"`
		Max          *fraction `yaml:"max"`
		MaxInclusive bool      `yaml:"max_inclusive"`
		Keywords     []string  `yaml:"keywords"`
	} `yaml:"qualitative"`
	OverAchieve *fraction `yaml:"over_achievement"`
	Deviation   struct {
		WhenBelowFull     bool      `yaml:"when_below_full"`
		WhenOverAchieved  bool      `yaml:"when_over_achieved"`
		ExecutionBelow    *fraction `yaml:"execution_below"`
		ExecutionRequired bool      `yaml:"execution_required"`
		NotAnExplanation  []string  `yaml:"not_an_explanation"`
	} `yaml:"deviation"`
	Grades []struct {
		Name string  `yaml:"name"`
		Min  *number `yaml:"min"`
	} `yaml:"grades"`
	Rounding struct {
		Mode          string `yaml:"mode"`
		AmountPlaces  int32  `yaml:"amount_places"`
		PercentPlaces int32  `yaml:"percent_places"`
		ScorePlaces   int32  `yaml:"score_places"`
		RatePlaces    int32  `yaml:"rate_places"`
	} `yaml:"rounding"`
	SumTolerance   *number `yaml:"sum_tolerance"`
	ScoreTolerance *number `yaml:"score_tolerance"`
	Outline        string  `yaml:"outline"`
}

// number is a decimal written as a YAML scalar.
type number struct{ decimal.Decimal }

func (n *number) UnmarshalYAML(node *yaml.Node) error {
	d, err := decimal.NewFromString(strings.TrimSpace(node.Value))
	if node.Kind != yaml.ScalarNode || err != nil {
		return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: %q 不是数字", node.Line, node.Value)}}
	}
	n.Decimal = d
	return nil
}

// fraction is a rate written as "90%" or 0.9.
type fraction struct{ decimal.Decimal }

func (f *fraction) UnmarshalYAML(node *yaml.Node) error {
	fig := notation.ParseFigure(node.Value)
	if node.Kind != yaml.ScalarNode || !fig.Valid || (fig.Unit != "") {
		return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: %q 不是比率（写作 90%% 或 0.9）", node.Line, node.Value)}}
	}
	f.Decimal = fig.Fraction()
	return nil
}

func (n *number) value() decimal.Decimal {
	if n == nil {
		return decimal.Zero
	}
	return n.Decimal
}

func (f *fraction) value() decimal.Decimal {
	if f == nil {
		return decimal.Zero
	}
	return f.Decimal
}

func (f *file) ruleSet() (*jixiao.RuleSet, error) {
	rs := &jixiao.RuleSet{
		Name: f.Name, Title: f.Title, Basis: f.Basis, Description: strings.TrimSpace(f.Description),
		WeightTotal: f.WeightTotal.value(),
		Execution: jixiao.ExecutionRule{
			Weight: f.Execution.Weight.value(), Denominator: f.Execution.Denominator, Cap: f.Execution.Cap.value(),
		},
		Reverse:        jixiao.ReverseFormula(f.Reverse),
		EqualZero:      jixiao.EqualZeroRule{FullWhenActualAtMostZero: f.EqualZero.FullWhenActualAtMostZero},
		OverAchieve:    f.OverAchieve.value(),
		SumTolerance:   f.SumTolerance.value(),
		ScoreTolerance: f.ScoreTolerance.value(),
		Outline:        f.Outline,
		CeilingNames:   f.CeilingNames,
		Deviation: jixiao.DeviationRule{
			WhenBelowFull: f.Deviation.WhenBelowFull, WhenOverAchieved: f.Deviation.WhenOverAchieved,
			ExecutionBelow: f.Deviation.ExecutionBelow.value(), ExecutionRequired: f.Deviation.ExecutionRequired,
			NotAnExplanation: f.Deviation.NotAnExplanation,
		},
		Rounding: jixiao.Rounding{
			Mode: jixiao.RoundMode(f.Rounding.Mode), AmountPlaces: f.Rounding.AmountPlaces,
			PercentPlaces: f.Rounding.PercentPlaces, ScorePlaces: f.Rounding.ScorePlaces, RatePlaces: f.Rounding.RatePlaces,
		},
	}
	switch op := notation.ParseValue(f.BareNumberAs + "1").Op; {
	case f.BareNumberAs == "":
		rs.BareNumberAs = jixiao.OpGE
	case op == jixiao.OpNone:
		return nil, jixiao.Errorf(jixiao.EInvalid, "bare_number_as: %q 不是方向（≥ > = ≤ <）", f.BareNumberAs)
	default:
		rs.BareNumberAs = op
	}
	for _, l := range f.Level1 {
		r := jixiao.Level1Rule{Name: l.Name, Aliases: l.Aliases, Level2: l.Level2}
		if l.Weight != nil {
			w := l.Weight.Decimal
			r.Weight = &w
		}
		rs.Level1 = append(rs.Level1, r)
	}
	for _, q := range f.Qualitative {
		rs.Qualitative = append(rs.Qualitative, jixiao.QualTier{
			Name: q.Name, Min: q.Min.value(), Max: q.Max.value(), MaxInclusive: q.MaxInclusive, Keywords: q.Keywords,
		})
	}
	for _, g := range f.Grades {
		rs.Grades = append(rs.Grades, jixiao.Grade{Name: g.Name, Min: g.Min.value()})
	}
	return rs, nil
}
