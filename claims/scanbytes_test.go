package claims

import (
	"slices"
	"strings"
	"testing"
)

// scanBoth reads text with both scanners, as paragraph would; ok is false
// when the byte scanner leaves it to the rune one, or paragraph to neither.
func scanBoth(text string) (fast, slow []Claim, fastM, slowM []marker, ok bool) {
	var a, b scanner
	if !hasDigit(text) || !a.paragraphBytes(text, 0) {
		return nil, nil, nil, nil, false
	}
	b.paragraphRunes(text, 0)
	return a.claims, b.claims, a.markers, b.markers, true
}

func sameScan(t *testing.T, text string) bool {
	t.Helper()
	fast, slow, fm, sm, ok := scanBoth(text)
	if !ok {
		return false
	}
	if !slices.Equal(fm, sm) {
		t.Fatalf("%q: markers %v, runes give %v", text, fm, sm)
	}
	if len(fast) != len(slow) {
		t.Fatalf("%q: %d claims, runes give %d", text, len(fast), len(slow))
	}
	for i := range fast {
		a, b := fast[i], slow[i]
		if a.Kind != b.Kind || a.Text != b.Text || !a.Value.Equal(b.Value) || a.Value.Exponent() != b.Value.Exponent() || a.Places != b.Places ||
			a.Unit != b.Unit || !a.Wan.Equal(b.Wan) || a.Wan.Exponent() != b.Wan.Exponent() || a.Label != b.Label || a.Approx != b.Approx ||
			a.Para != b.Para || a.Offset != b.Offset || a.Sent != b.Sent || a.Clause != b.Clause || a.at != b.at {
			t.Fatalf("%q: claim %d is %+v, runes give %+v", text, i, a, b)
		}
	}
	return true
}

// TestScanPaths checks that the byte scanner reads the sample as the rune
// scanner does, and reads nearly all of it itself.
func TestScanPaths(t *testing.T) {
	read, all := 0, 0
	for _, p := range sampleParas(t) {
		if !hasDigit(p.Text) {
			continue
		}
		all++
		if sameScan(t, p.Text) {
			read++
		}
	}
	for _, s := range []string{"１２３．４５％", "收入12\u3000万元", "a\xffb 12万元", "比上年（398件）增长", strings.Repeat("1万元", 10)} {
		sameScan(t, s)
	}
	if read < all*9/10 {
		t.Errorf("the byte scanner read %d of the sample's %d paragraphs with figures", read, all)
	}
}

func FuzzScanPaths(f *testing.F) {
	for _, s := range []string{
		"2024年本年收入合计674.85万元，其中：财政拨款收入641.2万元，占本年收入95.01%；其他33.65万元，占本年收入4.99%。",
		"按支出性质分类，基本支出388.11万元，占本年支出57.51%；项目支出286.74万元，占本年支出44.67%",
		"全年服务26500人，比上年（25200人）增长6.15%。第3季度-5件+6个",
		"涉案金额近500余万元，参与约120人左右，用时30分钟，1,234,567.5元，12345678901234567890123万元",
		"1,2,3,4.5.6万元其中其中按按分 12 万元 abc12件",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) { sameScan(t, text) })
}
