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

// decode turns the raw bytes into UTF-8 and names the encoding it found.
// UTF-8 is tried first because a valid UTF-8 Chinese text is almost never
// valid GB18030 with the same meaning, while the reverse is common.
func decode(data string) (string, string, error) {
	if i := strings.IndexByte(data, 0); i >= 0 {
		return "", "", fmt.Errorf("%w: NUL byte at offset %d", ErrBinary, i)
	}
	if strings.HasPrefix(data, bom) {
		rest := data[len(bom):]
		if !utf8.ValidString(rest) {
			return "", "", fmt.Errorf("%w: invalid UTF-8 after a UTF-8 byte-order mark", ErrBinary)
		}
		return rest, EncodingUTF8BOM, nil
	}
	if utf8.ValidString(data) {
		return data, EncodingUTF8, nil
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().String(data)
	if err != nil {
		return "", "", fmt.Errorf("%w: neither UTF-8 nor GB18030: %v", ErrBinary, err)
	}
	// The decoder replaces bytes it cannot map with U+FFFD instead of
	// failing; GB18030 can encode U+FFFD itself, but no real document does.
	if i := strings.IndexRune(out, utf8.RuneError); i >= 0 {
		return "", "", fmt.Errorf("%w: neither UTF-8 nor GB18030 (undecodable bytes near output offset %d)", ErrBinary, i)
	}
	return out, EncodingGB18030, nil
}

// isBinaryControl reports control characters that do not occur in text
// exported from a word processor.
func isBinaryControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' && r != '\v'
}
