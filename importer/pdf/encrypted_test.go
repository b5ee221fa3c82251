package pdf

import (
	"bytes"
	"errors"
	"os/exec"
	"strings"
	"testing"

	"github.com/signintech/gopdf"

	"jixiao/importer/internal/limit"
)

// encryptedPDF writes a one-line PDF protected with the given passwords.
func encryptedPDF(t *testing.T, user, owner string) []byte {
	t.Helper()
	p := &gopdf.GoPdf{}
	p.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Protection: gopdf.PDFProtectionConfig{
		UseProtection: true, Permissions: gopdf.PermissionsPrint, UserPass: []byte(user), OwnerPass: []byte(owner)}})
	if err := p.AddTTFFont("cjk", font(t)); err != nil {
		t.Fatal(err)
	}
	if err := p.SetFont("cjk", "", 12); err != nil {
		t.Fatal(err)
	}
	p.AddPage()
	p.SetXY(60, 60)
	if err := p.Text("项目支出绩效自评表"); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := p.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestEncrypted: a PDF that needs a password to open says so. One that
// only restricts printing or copying with 40-bit RC4 (as gopdf and old
// Acrobat write) the pure-Go reader cannot decrypt (ledongthuc/pdf keys
// every object with 16 bytes where 40-bit RC4 takes 10): pdftotext reads
// it when installed, and without it the error names the package.
func TestEncrypted(t *testing.T) {
	saved := Pdftotext
	defer func() { Pdftotext = saved }()
	t.Run("ErrUserPassword", func(t *testing.T) {
		Pdftotext = ""
		data := encryptedPDF(t, "secret", "owner")
		if _, err := ReadAt(bytes.NewReader(data), int64(len(data)), limit.Limits{}); !errors.Is(err, ErrEncrypted) {
			t.Errorf("err = %v, want ErrEncrypted", err)
		}
	})
	data := encryptedPDF(t, "", "owner")
	t.Run("RC440WithoutPoppler", func(t *testing.T) {
		Pdftotext = ""
		_, err := ReadAt(bytes.NewReader(data), int64(len(data)), limit.Limits{})
		if err == nil || !strings.Contains(err.Error(), "poppler-utils") {
			t.Errorf("err = %v, want one naming poppler-utils", err)
		}
	})
	t.Run("RC440WithPoppler", func(t *testing.T) {
		Pdftotext = saved
		_, err := exec.LookPath(Pdftotext)
		need(t, "pdftotext (poppler-utils)", err == nil)
		d, err := ReadAt(bytes.NewReader(data), int64(len(data)), limit.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(d.PlainText(), "项目支出绩效自评表") {
			t.Errorf("text = %q", d.PlainText())
		}
	})
}
