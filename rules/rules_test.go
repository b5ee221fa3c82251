package rules

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

func TestLoadEmbedded(t *testing.T) {
	tests := []struct {
		name      string
		execution string
		level1    int
		fixed     bool
		required  bool
	}{
		{"national-2020", "10", 3, true, false},
		{"hunan", "10", 3, true, false},
		{"sichuan", "10", 3, false, true},
		{"hubei", "20", 3, true, false},
		{"with-cost", "10", 4, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs, err := Load(tt.name)
			if err != nil {
				t.Fatal(err)
			}
			if got := rs.Execution.Weight.String(); got != tt.execution {
				t.Errorf("execution weight = %s, want %s", got, tt.execution)
			}
			if len(rs.Level1) != tt.level1 {
				t.Errorf("level1 count = %d, want %d", len(rs.Level1), tt.level1)
			}
			if got := rs.Level1[0].Weight != nil; got != tt.fixed {
				t.Errorf("level1 weights fixed = %v, want %v", got, tt.fixed)
			}
			if rs.Deviation.ExecutionRequired != tt.required {
				t.Errorf("execution reason required = %v, want %v", rs.Deviation.ExecutionRequired, tt.required)
			}
			if !rs.Deviation.ExecutionBelow.Equal(decimal.RequireFromString("0.9")) {
				t.Errorf("execution threshold = %s, want 0.9", rs.Deviation.ExecutionBelow)
			}
		})
	}
}

func TestNamesDefaultFirst(t *testing.T) {
	names := Names()
	if len(names) != 5 || names[0] != Default {
		t.Fatalf("Names() = %v", names)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"UnknownField", "extends: national-2020\nname: x\nweigth_total: 100\n", "weigth_total"},
		{"BadNumber", "extends: national-2020\nname: x\nweight_total: abc\n", "line 3"},
		{"BadFraction", "extends: national-2020\nname: x\nexecution:\n  weight: 10\n  denominator: 全年预算数\n  cap: lots\n", "line 6"},
		{"BadDenominator", "extends: national-2020\nname: x\nexecution:\n  weight: 10\n  denominator: 决算数\n  cap: 100%\n", "执行率分母"},
		{"WeightsDoNotSum", "extends: national-2020\nname: x\nweight_total: 90\n", "总分 90"},
		{"UnknownBase", "extends: nowhere\nname: x\n", "nowhere"},
		{"BadMode", "extends: national-2020\nname: x\nrounding: {mode: up}\n", "舍入"},
		{"SpaceInName", "extends: national-2020\nname: x\nlevel1:\n  - {name: 产出指标, weight: 50, level2: [数量 指标]}\n  - {name: 效益指标, weight: 30}\n  - {name: 满意度指标, weight: 10}\n", "含空白字符"},
		{"GradesOrder", "extends: national-2020\nname: x\ngrades: [{name: 差, min: 0}, {name: 优, min: 90}]\n", "从高到低"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.yaml), "test.yaml")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to mention %q", err, tt.want)
			}
		})
	}
}

func TestLoadUnknownName(t *testing.T) {
	if _, err := Load("guangxi"); err == nil || !strings.Contains(err.Error(), "national-2020") {
		t.Fatalf("err = %v, want a list of known names", err)
	}
}

// Load hands out a rule set its caller owns: editing one, down to the lists
// inside it, leaves the next Load as the embedded data says.
func TestLoadReturnsACopyTheCallerOwns(t *testing.T) {
	src, err := Source("national-2020")
	if err != nil {
		t.Fatal(err)
	}
	want, err := Parse(src, "national-2020") // parsed apart, sharing nothing with Load's cache
	if err != nil {
		t.Fatal(err)
	}
	MustLoad("national-2020") // the cache holds it from here on
	edited := MustLoad("national-2020")
	edited.Name = "edited"
	edited.Qualitative[0].Keywords = append(edited.Qualitative[0].Keywords[:0], "卓越")
	edited.Qualitative[1].Name = "改名"
	edited.Level1[0].Level2[0] = "改名"
	edited.Level1[0].Aliases = nil
	*edited.Level1[0].Weight = decimal.NewFromInt(99)
	edited.Grades[0].Min = decimal.NewFromInt(1)
	edited.Deviation.NotAnExplanation[0] = "改名"

	if got := edited.TierOf("卓越"); got != 0 {
		t.Errorf("TierOf(卓越) on the edited copy = %d, want 0: a keyword added after loading counts", got)
	}
	got := MustLoad("national-2020")
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("the next Load changed after a caller edited its copy (-before +after):\n%s", diff)
	}
	if got.TierOf("卓越") != -1 {
		t.Errorf("the next Load matches 卓越: the edit leaked")
	}
}
