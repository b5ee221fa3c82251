package bulk

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"
)

// spill keeps one sheet's rows in a temporary file until the workbook is
// written, so that the summary's memory does not grow with the number of
// documents. excelize's StreamWriter keeps up to 16 MiB per sheet in memory
// (a buffer whose capacity doubles to 32 MiB) and then assembles the whole
// .xlsx in a bytes.Buffer; here only a bufio buffer stays.
//
// Rows are encoded as excelize v2.11.1's StreamWriter encodes them
// (stream.go writeCell, cell.go setInlineStr, lib.go bstrMarshal), so the
// sheet XML is byte for byte what excelize would write;
// TestSpillMatchesStreamWriter holds this against excelize itself.
type spill struct {
	f    *os.File
	w    *bufio.Writer
	rows int    // the last row written; row 1 is the header, which excelize writes
	buf  []byte // the row being encoded
	esc  bytes.Buffer
}

func newSpill() (*spill, error) {
	f, err := os.CreateTemp("", "jixiao-summary-*.xml")
	if err != nil {
		return nil, fmt.Errorf("summary: %w", err)
	}
	return &spill{f: f, w: bufio.NewWriterSize(f, 64<<10), rows: 1}, nil
}

// add appends the next row. Values are string, int or float64, as the
// summary writes them.
func (s *spill) add(values []any) error {
	s.rows++
	b := append(s.buf[:0], `<row r="`...)
	b = strconv.AppendInt(b, int64(s.rows), 10)
	b = append(b, `">`...)
	for i, v := range values {
		b = append(b, `<c r="`...)
		b = appendColumn(b, i+1)
		b = strconv.AppendInt(b, int64(s.rows), 10)
		b = append(b, '"')
		switch v := v.(type) {
		case string:
			b = s.appendInlineStr(b, v)
		case int:
			b = append(b, `><v>`...)
			b = strconv.AppendInt(b, int64(v), 10)
			b = append(b, `</v></c>`...)
		case float64:
			if math.IsNaN(v) || math.IsInf(v, 0) {
				b = s.appendInlineStr(b, fmt.Sprint(v))
				break
			}
			b = append(b, `><v>`...)
			b = append(b, formatFloat(v)...)
			b = append(b, `</v></c>`...)
		default:
			return fmt.Errorf("summary: cell %d of row %d: unsupported value %T", i+1, s.rows, v)
		}
	}
	b = append(b, `</row>`...)
	s.buf = b
	if _, err := s.w.Write(b); err != nil {
		return fmt.Errorf("summary: %w", err)
	}
	return nil
}

// appendInlineStr finishes a cell holding text, from its type attribute on.
func (s *spill) appendInlineStr(b []byte, v string) []byte {
	v = truncateUTF16(v, maxCellChars)
	b = append(b, ` t="inlineStr"><is><t`...)
	if v != "" && (isXMLSpace(v[0]) || isXMLSpace(v[len(v)-1])) {
		b = append(b, ` xml:space="preserve"`...)
	}
	b = append(b, '>')
	s.esc.Reset()
	_ = xml.EscapeText(&s.esc, []byte(v))
	// excelize keeps line breaks literal in inline strings
	b = append(b, escapeBSTR(strings.ReplaceAll(s.esc.String(), "&#xA;", "\n"))...)
	return append(b, `</t></is></c>`...)
}

// copyTo writes the rows spilled so far to w.
func (s *spill) copyTo(w io.Writer) error {
	if err := s.w.Flush(); err != nil {
		return fmt.Errorf("summary: %w", err)
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("summary: %w", err)
	}
	if _, err := io.Copy(w, s.f); err != nil {
		return fmt.Errorf("summary: %w", err)
	}
	return nil
}

// close removes the temporary file; it may be called more than once.
func (s *spill) close() error {
	if s == nil || s.f == nil {
		return nil
	}
	err := s.f.Close()
	if rerr := os.Remove(s.f.Name()); err == nil {
		err = rerr
	}
	s.f = nil
	if err != nil {
		return fmt.Errorf("summary: %w", err)
	}
	return nil
}

// maxCellChars is Excel's limit on a cell's text, in UTF-16 code units
// (excelize.TotalCellChars); excelize cuts longer text there.
const maxCellChars = 32767

func truncateUTF16(s string, n int) string {
	units := 0
	for i, r := range s {
		if units += utf16.RuneLen(r); units > n {
			return s[:i]
		}
	}
	return s
}

func isXMLSpace(c byte) bool { return c == '\t' || c == '\n' || c == '\r' || c == ' ' }

func appendColumn(b []byte, col int) []byte {
	var letters [8]byte
	i := len(letters)
	for ; col > 0; col = (col - 1) / 26 {
		i--
		letters[i] = byte('A' + (col-1)%26)
	}
	return append(b, letters[i:]...)
}

// formatFloat writes a number as excelize does: the shortest exact form,
// cut to Excel's 15 significant digits.
func formatFloat(v float64) string {
	str := strconv.FormatFloat(v, 'f', -1, 64)
	if math.Abs(v) == math.MaxFloat64 {
		return str
	}
	const maxPrec = 15
	point := strings.IndexByte(str, '.')
	significant := 0
	for i := range str {
		if str[i] < '0' || str[i] > '9' || significant == 0 && str[i] == '0' {
			continue
		}
		significant++
		if significant <= maxPrec {
			continue
		}
		if point >= 0 && i > point {
			return strings.TrimSuffix(str[:i], ".")
		}
		if point < 0 {
			point = len(str)
		}
		truncated := []byte(str[:point])
		for ; i < len(truncated); i++ {
			truncated[i] = '0'
		}
		return string(truncated)
	}
	return str
}

var (
	bstrExp       = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)
	bstrEscapeExp = regexp.MustCompile(`x[a-fA-F\d]{4}_`)
)

// escapeBSTR escapes text that Excel would read as an escaped character
// (_x000D_ stands for a carriage return in OOXML strings) by prefixing
// _x005F_, the escaped underscore, exactly as excelize's bstrMarshal does —
// including its dropping of a _xHHHH_ that names a UTF-16 surrogate.
func escapeBSTR(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var out strings.Builder
	cursor := 0
	for _, m := range bstrExp.FindAllStringIndex(s, -1) {
		out.WriteString(s[cursor:m[0]])
		sub := s[m[0]:m[1]]
		cursor = m[1]
		if sub == "_x005F_" {
			if m[1]+6 <= len(s) && bstrEscapeExp.MatchString(s[m[1]:m[1]+6]) && validEscape(s[m[1]+1:m[1]+5]) {
				out.WriteString(sub + "x005F" + sub)
				continue
			}
			out.WriteString(sub + "x005F_")
			continue
		}
		if validEscape(sub[2:6]) {
			out.WriteString("_x005F" + sub)
		}
	}
	out.WriteString(s[cursor:])
	return out.String()
}

// validEscape reports whether four hex digits name a character (not a
// surrogate half), as strconv.Unquote of `\uHHHH` decides in excelize.
func validEscape(hex string) bool {
	_, err := strconv.Unquote(`"\u` + hex + `"`)
	return err == nil
}
