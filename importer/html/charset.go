package html

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// decode returns b as UTF-8 and the name of the encoding it was in, found
// from a BOM, then a <meta> in the first 1024 bytes, then by content:
// UTF-8 when it is valid UTF-8, GB18030 otherwise (the usual encoding of
// Chinese government pages that declare nothing).
func decode(b []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")):
		return string(b[3:]), "utf-8-bom", nil
	case bytes.HasPrefix(b, []byte("\xFF\xFE")):
		s, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder().Bytes(b)
		return string(s), "utf-16le", err
	case bytes.HasPrefix(b, []byte("\xFE\xFF")):
		s, err := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewDecoder().Bytes(b)
		return string(s), "utf-16be", err
	}
	if label := metaCharset(b[:min(len(b), 1024)]); label != "" {
		if enc, name := lookup(label); enc != nil {
			if name == "utf-8" {
				return strings.ToValidUTF8(string(b), "\uFFFD"), name, nil
			}
			s, err := enc.NewDecoder().Bytes(b)
			return string(s), name, err
		}
	}
	if utf8.Valid(b) {
		return string(b), "utf-8", nil
	}
	s, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	return string(s), "gb18030", err
}

// lookup maps a charset label to a decoder. GB2312 and GBK are decoded as
// GB18030, their superset: pages labelled gb2312 routinely use GBK
// characters.
func lookup(label string) (encoding.Encoding, string) {
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "csgb2312", "chinese", "iso-ir-58", "windows-936":
		return simplifiedchinese.GB18030, "gb18030"
	}
	enc, name := charset.Lookup(label)
	if enc == nil {
		return nil, ""
	}
	if name == "utf-8" {
		return encoding.Nop, "utf-8"
	}
	return enc, name
}

// metaCharset finds the charset declared by a <meta charset> or a
// <meta http-equiv="Content-Type" content="…; charset=…">.
func metaCharset(b []byte) string {
	z := html.NewTokenizer(bytes.NewReader(b))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) != "meta" || !hasAttr {
				continue
			}
			var cs, httpEquiv, content string
			for {
				k, v, more := z.TagAttr()
				switch strings.ToLower(string(k)) {
				case "charset":
					cs = string(v)
				case "http-equiv":
					httpEquiv = strings.ToLower(string(v))
				case "content":
					content = string(v)
				}
				if !more {
					break
				}
			}
			if cs != "" {
				return cs
			}
			if httpEquiv == "content-type" {
				if i := strings.Index(strings.ToLower(content), "charset="); i >= 0 {
					return strings.Trim(content[i+len("charset="):], `"'; `)
				}
			}
		}
	}
}
