package extract

import (
	"regexp"
	"strconv"
	"testing"
)

// FuzzYearIn checks yearIn's scan against the regular expressions it
// stands for.
func FuzzYearIn(f *testing.F) {
	for _, s := range []string{"2024年度", "（2023 年）", "x20245年度 2019\t年度", "20\n年", "2025\n\n年", "202", "2099年", "y2020", "a2020年\xff度2021年度"} {
		f.Add(s)
	}
	res := map[string]*regexp.Regexp{
		yearDigits:  regexp.MustCompile(`(20\d\d)`),
		yearOfTitle: regexp.MustCompile(`(20\d\d)\s*年`),
		yearOfText:  regexp.MustCompile(`(20\d\d)\s*年度`),
	}
	f.Fuzz(func(t *testing.T, s string) {
		for suffix, re := range res {
			want, wok := 0, false
			t4 := s
			if len(t4) > 4096 {
				t4 = t4[:4096]
			}
			if m := re.FindStringSubmatch(t4); m != nil {
				want, _ = strconv.Atoi(m[1])
				wok = true
			}
			if got, ok := yearIn(s, suffix); got != want || ok != wok {
				t.Fatalf("yearIn(%q, %q) = %d, %v; want %d, %v", s, suffix, got, ok, want, wok)
			}
		}
	})
}
