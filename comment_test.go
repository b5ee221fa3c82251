package jixiao

import "testing"

func TestRepinPath(t *testing.T) {
	// rows 0..3 saved as: old 2 moved to the top, old 0, a new row, old 3;
	// old 1 removed
	from := []int{2, 0, -1, 3}
	for _, tc := range []struct{ path, want string }{
		{"indicators[2]", "indicators[0]"},
		{"indicators[0].得分", "indicators[1].得分"},
		{"indicators[3]", "indicators[3]"},
		{"indicators[1]", "indicators"},
		{"indicators[1].实际完成值", "indicators"},
		{"budget.全年执行数", "budget.全年执行数"},
		{"", ""},
		{"indicators", "indicators"},
		{"indicators[02]", "indicators[02]"},
		{"indicators[2]x", "indicators[2]x"},
	} {
		if got := RepinPath(tc.path, from); got != tc.want {
			t.Errorf("RepinPath(%q) = %q, want %q", tc.path, got, tc.want)
		}
	}
}

func TestCheckIndicatorOrigins(t *testing.T) {
	for _, tc := range []struct {
		name          string
		from          []int
		before, after int
		ok            bool
	}{
		{"OK", []int{2, 0, -1, 3}, 4, 4, true},
		{"OKAllAdded", []int{-1, -1}, 0, 2, true},
		{"ErrLength", []int{0, 1}, 2, 3, false},
		{"ErrTwice", []int{1, 1}, 2, 2, false},
		{"ErrBeyond", []int{0, 2}, 2, 2, false},
		{"ErrNegative", []int{-2}, 2, 1, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckIndicatorOrigins(tc.from, tc.before, tc.after)
			if (err == nil) != tc.ok {
				t.Fatalf("CheckIndicatorOrigins(%v, %d, %d) = %v", tc.from, tc.before, tc.after, err)
			}
			if err != nil && ErrorCode(err) != EInvalid {
				t.Errorf("code %s, want invalid", ErrorCode(err))
			}
		})
	}
}

func TestIndicatorOrigins(t *testing.T) {
	in := func(l1, name string) Indicator { return Indicator{Level1: l1, Level2: "数量指标", Name: name} }
	a, b, c, d := in("产出指标", "甲"), in("产出指标", "乙"), in("效益指标", "丙"), in("产出指标", "丁")
	edited := b
	edited.Actual = Value{Raw: "99"}
	for _, tc := range []struct {
		name          string
		before, after []Indicator
		want          []int
	}{
		{"Unchanged", []Indicator{a, b, c}, []Indicator{a, b, c}, []int{0, 1, 2}},
		{"ValueEdited", []Indicator{a, b, c}, []Indicator{a, edited, c}, []int{0, 1, 2}},
		{"Moved", []Indicator{a, b, c}, []Indicator{c, a, b}, []int{2, 0, 1}},
		{"Removed", []Indicator{a, b, c}, []Indicator{b, c}, []int{1, 2}},
		{"AddedAtEnd", []Indicator{a, b}, []Indicator{a, b, d}, []int{0, 1, -1}},
		{"RemovedAndAdded", []Indicator{a, b, c}, []Indicator{b, c, d}, []int{1, 2, -1}},
		{"RenamedInPlace", []Indicator{a, b, c}, []Indicator{a, d, c}, []int{0, 1, 2}},
		{"Level1ChangedAfterAMove", []Indicator{a, c}, []Indicator{c, in("效益指标", "甲")}, []int{1, -1}},
		{"RepeatedNamesKeepTheirRows", []Indicator{a, a, b}, []Indicator{a, b, a}, []int{0, 2, 1}},
		{"AllAdded", nil, []Indicator{a, b}, []int{-1, -1}},
		{"AllRemoved", []Indicator{a, b}, nil, []int{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := IndicatorOrigins(tc.before, tc.after)
			if len(got) != len(tc.want) {
				t.Fatalf("IndicatorOrigins = %v, want %v", got, tc.want)
			}
			for j := range got {
				if got[j] != tc.want[j] {
					t.Fatalf("IndicatorOrigins = %v, want %v", got, tc.want)
				}
			}
			if err := CheckIndicatorOrigins(got, len(tc.before), len(tc.after)); err != nil {
				t.Errorf("origins not valid: %v", err)
			}
		})
	}
}

func TestMovesIndicators(t *testing.T) {
	for _, tc := range []struct {
		name   string
		from   []int
		before int
		want   bool
	}{
		{"Same", []int{0, 1, 2}, 3, false},
		{"Swapped", []int{1, 0, 2}, 3, true},
		{"LastRemoved", []int{0, 1}, 3, true},
		{"Added", []int{0, 1, -1}, 2, true},
		{"NoneBeforeNoneAfter", []int{}, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := MovesIndicators(tc.from, tc.before); got != tc.want {
				t.Errorf("MovesIndicators(%v, %d) = %v, want %v", tc.from, tc.before, got, tc.want)
			}
		})
	}
}
