package text

import (
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// The shared GB18030 test document is the byte-for-byte GB18030 encoding
// of its UTF-8 twin; -update rewrites it from the twin.
const (
	twinUTF8    = "../../testdata/docs/national-nankang-gbzn-2023.txt"
	twinGB18030 = "../../testdata/docs/national-nankang-gbzn-2023.gb18030.txt"
)

func TestGB18030Twin(t *testing.T) {
	utf, err := os.ReadFile(twinUTF8)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(utf)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(twinGB18030, gb, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	gb, err := os.ReadFile(twinGB18030)
	if err != nil {
		t.Fatalf("%v (run with -update to create)", err)
	}
	want := mustRead(t, utf, "twin")
	got := mustRead(t, gb, "twin")
	if got.Encoding != EncodingGB18030 {
		t.Errorf("encoding = %q, want %q", got.Encoding, EncodingGB18030)
	}
	if want.Encoding != EncodingUTF8 {
		t.Errorf("UTF-8 twin read as %q", want.Encoding)
	}
	got.Encoding = want.Encoding
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("GB18030 twin reads differently (-utf8 +gb18030):\n%s", d)
	}
}
