package risk

import "testing"

// FuzzParseWeights: a weights file is user input; any text gives weights
// or an error, never a panic, and accepted weights have every signal.
func FuzzParseWeights(f *testing.F) {
	f.Add(defaultWeights)
	f.Add("version: 1\n")
	f.Add("inflated:\n  weight: 1\n\tweight: 2\n")
	f.Add("version: 1 # x\nerrors:\n  saturate: 0\n")
	f.Fuzz(func(t *testing.T, src string) {
		w, err := ParseWeights(src)
		if err != nil {
			return
		}
		if w.Version != 1 {
			t.Fatalf("accepted version %d", w.Version)
		}
	})
}

// FuzzShingles: any text normalises and shingles without a panic, into a
// sorted set that overlaps itself fully.
func FuzzShingles(f *testing.F) {
	f.Add("加强公共法律服务体系建设，全年办理法律援助案件 120 件。")
	f.Add("\xff\xfe")
	f.Fuzz(func(t *testing.T, s string) {
		set := Shingles([]string{s})
		for i := 1; i < len(set); i++ {
			if set[i-1] >= set[i] {
				t.Fatal("shingle set not sorted and distinct")
			}
		}
		if in, un := Overlap(set, set); in != len(set) || un != len(set) {
			t.Fatalf("self overlap %d/%d of %d", in, un, len(set))
		}
	})
}
