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
