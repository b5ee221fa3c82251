package text

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Encodings recorded in Document.Encoding.
const (
	EncodingUTF8    = "utf-8"
	EncodingUTF8BOM = "utf-8-bom"
	EncodingGB18030 = "gb18030"
)

// ErrBinary is returned for input that is not text.
var ErrBinary = errors.New("text: input is not text (binary data or an unknown encoding)")

const bom = "\xEF\xBB\xBF"

// decode turns the raw bytes into UTF-8, names the encoding it found and
// measures the result. UTF-8 is tried first because a valid UTF-8 Chinese
// text is almost never valid GB18030 with the same meaning, while the
// reverse is common.
//
// The text it returns is always valid UTF-8, which the parser relies on
// to count runes by their bytes.
func decode(data string) (string, string, shape, error) {
	body, enc := data, EncodingUTF8
	if strings.HasPrefix(data, bom) {
		body, enc = data[len(bom):], EncodingUTF8BOM
	}
	sh, ok := scan(body)
	// A NUL is a control character: text scanned whole without one has
	// none, and the byte-order mark has none either.
	if !ok || sh.controls > 0 {
		if i := strings.IndexByte(data, 0); i >= 0 {
			return "", "", shape{}, fmt.Errorf("%w: NUL byte at offset %d", ErrBinary, i)
		}
	}
	if ok {
		return body, enc, sh, nil
	}
	if enc == EncodingUTF8BOM {
		return "", "", shape{}, fmt.Errorf("%w: invalid UTF-8 after a UTF-8 byte-order mark", ErrBinary)
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().String(data)
	if err != nil {
		return "", "", shape{}, fmt.Errorf("%w: neither UTF-8 nor GB18030: %v", ErrBinary, err)
	}
	// The decoder replaces bytes it cannot map with U+FFFD instead of
	// failing; GB18030 can encode U+FFFD itself, but no real document does.
	if i := strings.IndexRune(out, utf8.RuneError); i >= 0 {
		return "", "", shape{}, fmt.Errorf("%w: neither UTF-8 nor GB18030 (undecodable bytes near output offset %d)", ErrBinary, i)
	}
	// The decoder writes nothing but whole runes, so this always holds;
	// it is checked because the parser depends on it.
	if sh, ok = scan(out); !ok {
		return "", "", shape{}, fmt.Errorf("%w: GB18030 decoded to invalid UTF-8", ErrBinary)
	}
	return out, EncodingGB18030, sh, nil
}

// isBinaryControl reports control characters that do not occur in text
// exported from a word processor.
func isBinaryControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' && r != '\v'
}
