package pdf

import (
	"slices"
	"testing"
)

func TestCMap(t *testing.T) {
	src := `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
2 begincodespacerange
<00> <7F>
<8000> <FFFF>
endcodespacerange
2 beginbfchar
<41> <0041>
<8001> <9884>
endbfchar
2 beginbfrange
<8010> <8012> <7B97>
<8020> <8021> [<4E00> <D840DC0B>]
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end`
	m := parseToUnicode([]byte(src))
	if m == nil {
		t.Fatal("no map")
	}
	tests := []struct{ code, want string }{
		{"\x41", "A"},
		{"\x80\x01", "预"},
		{"\x80\x10", "算"}, {"\x80\x12", "箙"}, // a range counts on from its start
		{"\x80\x20", "一"}, {"\x80\x21", "𠀋"}, // an array, a surrogate pair
	}
	for _, tt := range tests {
		if got, ok := m.text(tt.code); !ok || got != tt.want {
			t.Errorf("text(%q) = %q, %v; want %q", tt.code, got, ok, tt.want)
		}
	}
	if got, want := m.split("A\x80\x01\x80\x10A", 2), []string{"A", "\x80\x01", "\x80\x10", "A"}; !slices.Equal(got, want) {
		t.Errorf("split = %q, want %q", got, want)
	}
	for _, bad := range []string{"", "beginbfchar <41>", "1 beginbfrange <41> <3F> <0041> endbfrange", "<<<<((([[[", "beginbfrange <0041> <42> <0041> endbfrange"} {
		if m := parseToUnicode([]byte(bad)); m != nil && len(m.codes) > 0 {
			t.Errorf("%q: got %d codes from a broken map", bad, len(m.codes))
		}
	}
}

// FuzzCMap: any ToUnicode stream parses without a panic, and splitting any
// string by the map loses no byte.
func FuzzCMap(f *testing.F) {
	f.Add([]byte("1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange <0001> <00FF> <4E00> endbfrange"), []byte("\x00\x01\x00"))
	f.Add([]byte("2 beginbfchar <41> (A) <42> [<0042>] endbfchar"), []byte("AB"))
	f.Fuzz(func(t *testing.T, cmap, raw []byte) {
		m := parseToUnicode(cmap)
		if m == nil {
			return
		}
		n := 0
		for _, c := range m.split(string(raw), 2) {
			if c == "" {
				t.Fatal("empty code")
			}
			n += len(c)
		}
		if n != len(raw) {
			t.Fatalf("split covers %d of %d bytes", n, len(raw))
		}
	})
}
