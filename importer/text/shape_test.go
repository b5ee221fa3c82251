package text

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// measureSlow is the plain count scan must agree with.
func measureSlow(s string) shape {
	lines := strings.Split(s, "\n")
	sh := shape{lines: len(lines)}
	for _, line := range lines {
		switch {
		case line == "" || line[0] == '\r':
			sh.blank++
		case line[0] != '\t':
			sh.text++
		}
	}
	for _, r := range s {
		switch {
		case r == '\t':
			sh.tabs++
		case r != '\n' && isBinaryControl(r):
			sh.controls++
		}
	}
	return sh
}

func FuzzScan(f *testing.F) {
	if data, err := os.ReadFile(sample); err == nil {
		f.Add(string(data))
	}
	for _, s := range []string{"", "\n", "\t\n\r\n", "a\x01\x0b\x0c", "一\xe4\xb8", "\xed\xa0\x80", "\xe0\x80\x80", "\xef\xbf\xbd", "😀\t\xc2\xa0", "\xe4\n\xb8"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sh, ok := scan(s)
		if ok != utf8.ValidString(s) {
			t.Fatalf("scan(%q) ok = %v", s, ok)
		}
		if ok {
			if want := measureSlow(s); sh != want {
				t.Fatalf("scan(%q) = %+v, want %+v", s, sh, want)
			}
		}
	})
}
