package cjkfont

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/image/font/sfnt"
)

func TestFind(t *testing.T) {
	dir := t.TempDir()
	font := filepath.Join(dir, "my.ttf")
	if err := os.WriteFile(font, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, explicit, env string
		want                string
		wantErr             bool
	}{
		{"DefaultEmbedded", "", "", Embedded, false},
		{"Explicit", font, "", font, false},
		{"Env", "", font, font, false},
		{"ExplicitBeatsEnv", font, filepath.Join(dir, "other.ttf"), font, false},
		{"ErrMissingExplicit", filepath.Join(dir, "missing.ttf"), "", "", true},
		{"ErrMissingEnv", "", filepath.Join(dir, "missing.ttf"), "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(EnvFont, tt.env)
			got, err := Find(tt.explicit)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("Find(%q) = %q, %v; want %q (error %v)", tt.explicit, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

// The embedded face is a real TrueType font with the characters of a
// 公文 and of the sample: the whole of GB2312's hanzi and the punctuation
// and symbols the tables use.
func TestEmbeddedCoverage(t *testing.T) {
	t.Setenv(EnvFont, "")
	name, data, err := Load("")
	if err != nil || name != Embedded {
		t.Fatalf("Load = %q, %v", name, err)
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	for _, s := range []string{"预算绩效自评表", "年初预算数全年执行数", "≥≤％（）：；、。—…", "0123456789.%ABCxyz", "齄鼐"} {
		for _, r := range s {
			if gi, err := f.GlyphIndex(&buf, r); err != nil || gi == 0 {
				t.Errorf("embedded font lacks %q (U+%04X)", r, r)
			}
		}
	}
	// Characters outside the subset must be reported missing, not mapped to
	// some other glyph: the PDF writer relies on it to fall back.
	for _, r := range []rune{'𠀀', '𪚥', '\U0002B820'} {
		if gi, _ := f.GlyphIndex(&buf, r); gi != 0 {
			t.Errorf("embedded font claims %q", r)
		}
	}
}

func TestLoadRefusesNonTrueType(t *testing.T) {
	dir := t.TempDir()
	for name, head := range map[string]string{"cff.otf": "OTTO", "set.ttc": "ttcf", "text.ttf": "hello"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(head+"\x00\x00\x00\x00\x00\x00\x00\x00"), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, _, err := Load(p); !errors.Is(err, ErrNotTrueType) {
			t.Errorf("%s: err = %v, want ErrNotTrueType", name, err)
		}
	}
}

func TestFallbacks(t *testing.T) {
	empty := t.TempDir()
	t.Setenv(EnvDirs, empty)
	if got := Fallbacks(Embedded); len(got) != 0 {
		t.Errorf("empty dirs: %d fallbacks, want 0", len(got))
	}
	// A user's font falls back to the embedded face.
	emb, _ := read(Embedded)
	got := Fallbacks("/some/user.ttf")
	if len(got) != 1 || !bytes.Equal(got[0], emb) {
		t.Errorf("user font: %d fallbacks, want the embedded face", len(got))
	}

	dir := filepath.Join(t.TempDir(), "nested")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, Candidates[0])
	if err := os.WriteFile(p, emb, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv(EnvDirs, empty+string(os.PathListSeparator)+filepath.Dir(dir))
	if got := Fallbacks(Embedded); len(got) != 1 {
		t.Errorf("with %s: %d fallbacks, want 1", p, len(got))
	}
	if got := Fallbacks(p); len(got) != 1 || !bytes.Equal(got[0], emb) {
		t.Errorf("main font is the candidate: it must not be its own fallback")
	}
}
