package docx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"sync"
	"unicode/utf8"

	"jixiao/importer/internal/limit"
)

// scanner is a small XML tokenizer over a part held in memory. It replaces
// encoding/xml, whose Decoder allocates for every token and name and made
// up 85% of the time of a docx import: this one returns slices into the
// part and allocates only to decode entities. It is lenient where
// extraction does not care (end tags are not matched by name) and strict
// where safety does: unclosed elements, the nesting limit, and DOCTYPE,
// which Word never writes and which is the vector for entity expansion
// attacks, is refused.
type scanner struct {
	buf     []byte
	pos     int
	depth   int
	max     int
	pending bool // a self-closing tag's end is due
	pname   []byte
	scratch []byte
}

type tokKind uint8

const (
	tOther tokKind = iota
	tStart
	tEnd
	tText
)

// tok is a token. Its slices point into the part or the scanner's scratch
// buffer and are valid until the next call to next.
type tok struct {
	kind   tokKind
	prefix []byte
	local  []byte
	attr   []byte // the raw attributes of a start tag
	text   []byte
}

var (
	errUnexpectedEOF = errors.New("XML 不完整（元素未结束，文件可能被截断）")
	errDoctype       = errors.New("XML 含 DOCTYPE 声明，拒绝读取")
	errSyntax        = errors.New("XML 语法错误")
)

func newScanner(data []byte, maxDepth int) *scanner {
	return &scanner{buf: data, max: maxDepth}
}

func (s *scanner) syntax(what string) error {
	return fmt.Errorf("%w：%s（偏移 %d）", errSyntax, what, s.pos)
}

func (s *scanner) next() (tok, error) {
	if s.pending {
		s.pending = false
		s.depth--
		p, l := splitName(s.pname)
		return tok{kind: tEnd, prefix: p, local: l}, nil
	}
	for {
		if s.pos >= len(s.buf) {
			if s.depth > 0 {
				return tok{}, errUnexpectedEOF
			}
			return tok{}, io.EOF
		}
		rest := s.buf[s.pos:]
		if rest[0] != '<' {
			n := bytes.IndexByte(rest, '<')
			if n < 0 {
				n = len(rest)
			}
			s.pos += n
			return tok{kind: tText, text: s.unescape(rest[:n])}, nil
		}
		if len(rest) < 2 {
			return tok{}, errUnexpectedEOF
		}
		switch rest[1] {
		case '?':
			i := bytes.Index(rest, []byte("?>"))
			if i < 0 {
				return tok{}, errUnexpectedEOF
			}
			s.pos += i + 2
			continue
		case '!':
			switch {
			case bytes.HasPrefix(rest, []byte("<!--")):
				i := bytes.Index(rest[4:], []byte("-->"))
				if i < 0 {
					return tok{}, errUnexpectedEOF
				}
				s.pos += 4 + i + 3
				continue
			case bytes.HasPrefix(rest, []byte("<![CDATA[")):
				i := bytes.Index(rest, []byte("]]>"))
				if i < 0 {
					return tok{}, errUnexpectedEOF
				}
				s.pos += i + 3
				return tok{kind: tText, text: rest[9:i]}, nil
			case bytes.HasPrefix(rest, []byte("<!DOCTYPE")):
				return tok{}, errDoctype
			}
			return tok{}, s.syntax("未知的 <! 声明")
		case '/':
			i := bytes.IndexByte(rest, '>')
			if i < 0 {
				return tok{}, errUnexpectedEOF
			}
			// trimmed by hand: bytes.TrimRight builds its byte set per call
			name := rest[2:i]
			for len(name) > 0 && isSpace(name[len(name)-1]) {
				name = name[:len(name)-1]
			}
			if len(name) == 0 {
				return tok{}, s.syntax("空的结束标签")
			}
			if s.depth == 0 {
				return tok{}, s.syntax("多余的结束标签")
			}
			s.pos += i + 1
			s.depth--
			p, l := splitName(name)
			return tok{kind: tEnd, prefix: p, local: l}, nil
		}
		return s.startTag(rest)
	}
}

func (s *scanner) startTag(rest []byte) (tok, error) {
	j := 1
	for j < len(rest) {
		c := rest[j]
		if c == '"' || c == '\'' {
			k := bytes.IndexByte(rest[j+1:], c)
			if k < 0 {
				return tok{}, errUnexpectedEOF
			}
			j += k + 2
			continue
		}
		if c == '>' {
			break
		}
		j++
	}
	if j >= len(rest) {
		return tok{}, errUnexpectedEOF
	}
	inner := rest[1:j]
	self := len(inner) > 0 && inner[len(inner)-1] == '/'
	if self {
		inner = inner[:len(inner)-1]
	}
	n, colon := 0, -1
	for n < len(inner) && !isSpace(inner[n]) {
		if inner[n] == ':' && colon < 0 {
			colon = n
		}
		n++
	}
	if n == 0 {
		return tok{}, s.syntax("空的标签名")
	}
	s.pos += j + 1
	s.depth++
	if s.depth > s.max {
		return tok{}, &limit.LimitError{Limit: limit.XMLDepth, Value: int64(s.depth), Max: int64(s.max)}
	}
	if self {
		s.pending, s.pname = true, inner[:n]
	}
	t := tok{kind: tStart, local: inner[:n], attr: inner[n:]}
	if colon >= 0 {
		t.prefix, t.local = inner[:colon], inner[colon+1:n]
	}
	return t, nil
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func splitName(b []byte) (prefix, local []byte) {
	// names are a few bytes: a loop beats IndexByte's call
	for i, c := range b {
		if c == ':' {
			return b[:i], b[i+1:]
		}
	}
	return nil, b
}

// unescape decodes entity and character references; text without any is
// returned as is.
func (s *scanner) unescape(b []byte) []byte {
	i := bytes.IndexByte(b, '&')
	if i < 0 {
		return b
	}
	out := append(s.scratch[:0], b[:i]...)
	for i < len(b) {
		c := b[i]
		if c != '&' {
			out = append(out, c)
			i++
			continue
		}
		end := bytes.IndexByte(b[i:], ';')
		if end < 0 || end > 12 {
			out = append(out, c) // a bare ampersand: keep it
			i++
			continue
		}
		ref := b[i+1 : i+end]
		switch string(ref) {
		case "lt":
			out = append(out, '<')
		case "gt":
			out = append(out, '>')
		case "amp":
			out = append(out, '&')
		case "apos":
			out = append(out, '\'')
		case "quot":
			out = append(out, '"')
		default:
			r, ok := charRef(ref)
			if !ok {
				out = append(out, b[i:i+end+1]...)
				break
			}
			out = utf8.AppendRune(out, r)
		}
		i += end + 1
	}
	s.scratch = out
	return out
}

func charRef(ref []byte) (rune, bool) {
	if len(ref) < 2 || ref[0] != '#' {
		return 0, false
	}
	var n uint64
	var err error
	if ref[1] == 'x' || ref[1] == 'X' {
		n, err = strconv.ParseUint(string(ref[2:]), 16, 32)
	} else {
		n, err = strconv.ParseUint(string(ref[1:]), 10, 32)
	}
	if err != nil || n > utf8.MaxRune || !utf8.ValidRune(rune(n)) {
		return 0, false
	}
	return rune(n), true
}

// skip consumes the rest of the element whose start was just read.
func (s *scanner) skip() error {
	for n := 1; n > 0; {
		t, err := s.next()
		if err != nil {
			if err == io.EOF {
				return errUnexpectedEOF
			}
			return err
		}
		switch t.kind {
		case tStart:
			n++
		case tEnd:
			n--
		}
	}
	return nil
}

// eachAttr calls f with each attribute's name and raw value until f
// returns false.
func eachAttr(raw []byte, f func(name, value []byte) bool) {
	for {
		for len(raw) > 0 && isSpace(raw[0]) {
			raw = raw[1:]
		}
		eq := bytes.IndexByte(raw, '=')
		if eq <= 0 {
			return
		}
		// trimmed by hand: bytes.TrimRight and TrimLeft build a byte set per call
		name := raw[:eq]
		for len(name) > 0 && isSpace(name[len(name)-1]) {
			name = name[:len(name)-1]
		}
		raw = raw[eq+1:]
		for len(raw) > 0 && isSpace(raw[0]) {
			raw = raw[1:]
		}
		if len(raw) == 0 || (raw[0] != '"' && raw[0] != '\'') {
			return
		}
		end := bytes.IndexByte(raw[1:], raw[0])
		if end < 0 {
			return
		}
		if !f(name, raw[1:1+end]) {
			return
		}
		raw = raw[end+2:]
	}
}

// attr returns the value of the attribute with the given local name,
// whatever its prefix (w:val, val).
func attr(raw []byte, local string) string {
	var v string
	eachAttr(raw, func(name, value []byte) bool {
		if _, l := splitName(name); string(l) == local {
			v = string(unescapeAttr(value))
			return false
		}
		return true
	})
	return v
}

func unescapeAttr(b []byte) []byte {
	if bytes.IndexByte(b, '&') < 0 {
		return b
	}
	var s scanner
	return s.unescape(b)
}

// Namespaces of WordprocessingML, transitional and strict.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
)

// wPrefix returns the prefix bound to the WordprocessingML namespace by
// the root element's attributes: "" when it is the default namespace, "w"
// when nothing binds it.
func wPrefix(raw []byte) string {
	p := "w"
	eachAttr(raw, func(name, value []byte) bool {
		if string(value) != nsW && string(value) != nsWStrict {
			return true
		}
		switch pre, l := splitName(name); {
		case string(pre) == "xmlns":
			p = string(l)
		case pre == nil && string(l) == "xmlns":
			p = ""
		default:
			return true
		}
		return false
	})
	return p
}

func atoi(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n, neg := 0, false
	if s[0] == '-' {
		neg, s = true, s[1:]
		if s == "" {
			return 0, false
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// readPart reads a whole part through the bounded zip reader into a pooled
// buffer; put it back with release once no token refers to it.
func readPart(z *limit.Zip, name string) (*bytes.Buffer, error) {
	rc, err := z.Open(name)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	if _, err := buf.ReadFrom(rc); err != nil {
		release(buf)
		return nil, err
	}
	if bytes.HasPrefix(buf.Bytes(), []byte{0xFE, 0xFF}) || bytes.HasPrefix(buf.Bytes(), []byte{0xFF, 0xFE}) {
		release(buf)
		return nil, errors.New("不支持 UTF-16 编码的 XML 部件")
	}
	return buf, nil
}

func release(b *bytes.Buffer) {
	if b.Cap() <= 4<<20 { // do not keep a huge part alive
		bufPool.Put(b)
	}
}

// skipFast consumes the rest of the element whose start was just read
// without tokenising it: it searches for the matching end tag, counting
// nested elements of the same name. Used for property elements (run
// properties, borders) that hold no text and make up much of a part.
// open is "<w:rPr" and close "</w:rPr>" for the element's name.
func (s *scanner) skipFast(open, close []byte) error {
	if s.pending {
		s.pending = false
		s.depth--
		return nil
	}
	rest := s.buf[s.pos:]
	for n := 1; n > 0; n-- {
		c := bytes.Index(rest, close)
		if c < 0 {
			return errUnexpectedEOF
		}
		seg := rest[:c]
		for {
			o := bytes.Index(seg, open)
			if o < 0 {
				break
			}
			seg = seg[o+len(open):]
			if len(seg) == 0 || (seg[0] != '>' && seg[0] != '/' && !isSpace(seg[0])) {
				continue // a longer name: <w:rPrChange
			}
			if e := bytes.IndexByte(seg, '>'); e > 0 && seg[e-1] == '/' {
				continue // self-closing: nothing to match
			}
			n++
		}
		rest = rest[c+len(close):]
	}
	s.pos = len(s.buf) - len(rest)
	s.depth--
	return nil
}
