package risk

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

//go:embed weights.yaml
var defaultWeights string

// Weights are the points each signal adds to a risk score and the
// thresholds that trigger it. They are data: the embedded weights.yaml is
// the default, and ParseWeights reads another file of the same shape.
type Weights struct {
	Version       int
	Inflated      Threshold // score_at_least (总分), rate_below (执行率, a fraction)
	AllMet        Signal    // min_indicators
	Vague         Signal    // saturate
	NoBenefit     Signal
	Errors        Signal // saturate
	CopyPeer      Signal // similarity_at_least
	CopyPrev      Signal // similarity_at_least
	TargetLowered Signal // saturate
}

// Signal is one signal's weight and settings.
type Signal struct {
	Weight            decimal.Decimal // points when the signal is fully present
	Saturate          int             // for a count: the count that earns the full weight
	MinIndicators     int             // all_met: fewer indicators are not judged
	SimilarityAtLeast decimal.Decimal // copy_*: the Jaccard similarity that triggers
	MinGrams          int             // copy_*: texts with fewer distinct grams are not compared
}

// Threshold is the inflated signal: a high self-score with a low rate.
type Threshold struct {
	Weight       decimal.Decimal
	ScoreAtLeast decimal.Decimal
	RateBelow    decimal.Decimal
}

// DefaultWeights returns the embedded weights (weights.yaml).
func DefaultWeights() *Weights {
	w, err := ParseWeights(defaultWeights)
	if err != nil {
		panic("risk: embedded weights.yaml: " + err.Error()) // a build defect, caught by the tests
	}
	return w
}

// ParseWeights reads weights in the shape of weights.yaml: a two-level
// mapping of names to numbers, comments after #. That subset of YAML is all
// the file needs, so the engine reads it without a YAML library; anything
// else (lists, quotes, unknown names, a missing weight) is an error.
func ParseWeights(src string) (*Weights, error) {
	sections, err := parseTwoLevel(src)
	if err != nil {
		return nil, err
	}
	w := &Weights{}
	fields := map[string]func(key string, v decimal.Decimal) bool{
		"inflated": func(k string, v decimal.Decimal) bool {
			switch k {
			case "weight":
				w.Inflated.Weight = v
			case "score_at_least":
				w.Inflated.ScoreAtLeast = v
			case "rate_below":
				w.Inflated.RateBelow = v
			default:
				return false
			}
			return true
		},
		"all_met":        signalField(&w.AllMet),
		"vague":          signalField(&w.Vague),
		"no_benefit":     signalField(&w.NoBenefit),
		"errors":         signalField(&w.Errors),
		"copy_peer":      signalField(&w.CopyPeer),
		"copy_prev":      signalField(&w.CopyPrev),
		"target_lowered": signalField(&w.TargetLowered),
	}
	for _, s := range sections {
		if s.name == "version" {
			if !s.value.IsInteger() || s.value.Sign() <= 0 {
				return nil, fmt.Errorf("risk: 第 %d 行：version 应为正整数", s.line)
			}
			w.Version = int(s.value.IntPart())
			continue
		}
		set, ok := fields[s.name]
		if !ok {
			return nil, fmt.Errorf("risk: 第 %d 行：未知的信号 %q", s.line, s.name)
		}
		seen := false
		for _, kv := range s.keys {
			if !set(kv.name, kv.value) {
				return nil, fmt.Errorf("risk: 第 %d 行：信号 %s 没有设置项 %q", kv.line, s.name, kv.name)
			}
			seen = seen || kv.name == "weight"
		}
		if !seen {
			return nil, fmt.Errorf("risk: 第 %d 行：信号 %s 缺少 weight", s.line, s.name)
		}
		delete(fields, s.name)
	}
	if w.Version != 1 {
		return nil, fmt.Errorf("risk: 权重文件版本应为 1")
	}
	for name := range fields {
		return nil, fmt.Errorf("risk: 缺少信号 %s", name)
	}
	return w, nil
}

func signalField(s *Signal) func(string, decimal.Decimal) bool {
	return func(k string, v decimal.Decimal) bool {
		switch k {
		case "weight":
			s.Weight = v
		case "saturate", "min_indicators":
			if !v.IsInteger() || v.Sign() <= 0 {
				return false
			}
			if k == "saturate" {
				s.Saturate = int(v.IntPart())
			} else {
				s.MinIndicators = int(v.IntPart())
			}
		case "similarity_at_least":
			s.SimilarityAtLeast = v
		case "min_grams":
			if !v.IsInteger() || v.Sign() <= 0 {
				return false
			}
			s.MinGrams = int(v.IntPart())
		default:
			return false
		}
		return true
	}
}

type entryKV struct {
	name  string
	value decimal.Decimal
	line  int
}

type section struct {
	entryKV
	keys []entryKV
}

// parseTwoLevel reads "name:" headers followed by indented "key: number"
// lines, and top-level "name: number" lines.
func parseTwoLevel(src string) ([]section, error) {
	var out []section
	for i, line := range strings.Split(src, "\n") {
		n := i + 1
		if j := strings.IndexByte(line, '#'); j >= 0 {
			line = line[:j]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		indented := line[0] == ' ' || line[0] == '\t'
		name, val, ok := strings.Cut(strings.TrimSpace(line), ":")
		name, val = strings.TrimSpace(name), strings.TrimSpace(val)
		if !ok || name == "" {
			return nil, fmt.Errorf("risk: 第 %d 行：应为“名称: 数值”", n)
		}
		var d decimal.Decimal
		if val != "" {
			var err error
			if d, err = decimal.NewFromString(val); err != nil {
				return nil, fmt.Errorf("risk: 第 %d 行：%q 不是数值", n, val)
			}
		}
		switch {
		case indented && (len(out) == 0 || out[len(out)-1].keys == nil && out[len(out)-1].name == "version"):
			return nil, fmt.Errorf("risk: 第 %d 行：缩进的设置项前没有信号名称", n)
		case indented:
			if val == "" {
				return nil, fmt.Errorf("risk: 第 %d 行：%s 缺少数值", n, name)
			}
			last := &out[len(out)-1]
			last.keys = append(last.keys, entryKV{name, d, n})
		case val == "" && name != "version":
			out = append(out, section{entryKV: entryKV{name: name, line: n}, keys: []entryKV{}})
		case name == "version":
			out = append(out, section{entryKV: entryKV{name, d, n}})
		default:
			return nil, fmt.Errorf("risk: 第 %d 行：信号 %s 应为设置项的映射", n, name)
		}
	}
	return out, nil
}
