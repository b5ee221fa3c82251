package docx

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// tokens lists start, end and text tokens as "<p:l a=v>", "</p:l>", "text".
func tokens(t *testing.T, data string) []string {
	var out []string
	x := newScanner([]byte(data), 1000)
	for {
		tk, err := x.next()
		if err == io.EOF {
			return out
		} else if err != nil {
			t.Fatalf("scanner: %v", err)
		}
		switch tk.kind {
		case tStart:
			var as []string
			eachAttr(tk.attr, func(n, v []byte) bool {
				as = append(as, fmt.Sprintf(" %s=%s", n, unescapeAttr(v)))
				return true
			})
			out = append(out, fmt.Sprintf("<%s:%s%s>", tk.prefix, tk.local, strings.Join(as, "")))
		case tEnd:
			out = append(out, fmt.Sprintf("</%s:%s>", tk.prefix, tk.local))
		case tText:
			out = append(out, string(tk.text))
		}
	}
}

// stdTokens lists the same tokens read by encoding/xml.
func stdTokens(t *testing.T, data string) []string {
	var out []string
	d := xml.NewDecoder(strings.NewReader(data))
	for {
		tk, err := d.RawToken()
		if err == io.EOF {
			return out
		} else if err != nil {
			t.Fatalf("encoding/xml: %v", err)
		}
		switch tk := tk.(type) {
		case xml.StartElement:
			var as []string
			for _, a := range tk.Attr {
				name := a.Name.Local
				if a.Name.Space != "" {
					name = a.Name.Space + ":" + name
				}
				as = append(as, fmt.Sprintf(" %s=%s", name, a.Value))
			}
			out = append(out, fmt.Sprintf("<%s:%s%s>", tk.Name.Space, tk.Name.Local, strings.Join(as, "")))
		case xml.EndElement:
			out = append(out, fmt.Sprintf("</%s:%s>", tk.Name.Space, tk.Name.Local))
		case xml.CharData:
			out = append(out, string(tk))
		}
	}
}

// TestScannerMatchesEncodingXML checks the tokenizer against encoding/xml
// on well-formed parts.
func TestScannerMatchesEncodingXML(t *testing.T) {
	cases := []string{
		document(testBody), testStyles, testNumbering,
		`<?xml version="1.0"?><!-- c --><a x='1' y = "&lt;&amp;&#x4E00;&#20108;"><b/>t&gt;&quot;&apos;<![CDATA[<raw>&amp;]]><c:d e:f="g"></c:d></a>`,
	}
	for i, c := range cases {
		if diff := cmp.Diff(stdTokens(t, c), tokens(t, c)); diff != "" {
			t.Errorf("case %d (-encoding/xml +scanner):\n%s", i, diff)
		}
	}
}

func TestScannerErrors(t *testing.T) {
	for _, c := range []string{"<a>", "<a", `<a b="`, "<!DOCTYPE a [<!ENTITY x 'y'>]><a/>", "</a>", "<a><!-- x", "<>", "<a></>"} {
		x := newScanner([]byte(c), 10)
		var err error
		for err == nil {
			_, err = x.next()
		}
		if err == io.EOF {
			t.Errorf("%q: got EOF, want an error", c)
		}
	}
}

func TestSkipFast(t *testing.T) {
	data := `<w:r><w:rPr><w:rPrChange><w:rPr><w:b/></w:rPr></w:rPrChange><w:rPr/><w:sz w:val="2"/></w:rPr><w:t>x</w:t></w:r>`
	x := newScanner([]byte(data), 10)
	x.next() // <w:r>
	x.next() // <w:rPr>
	if err := x.skipFast([]byte("<w:rPr"), []byte("</w:rPr>")); err != nil {
		t.Fatal(err)
	}
	tk, _ := x.next()
	if string(tk.local) != "t" || x.depth != 2 {
		t.Errorf("after skip: got %q at depth %d, want t at 2", tk.local, x.depth)
	}
}

// TestFastSkip: the switch finds each name of fastNames at its index, and
// no other element.
func TestFastSkip(t *testing.T) {
	for i, name := range fastNames {
		if got := fastSkip([]byte(name)); got != i {
			t.Errorf("fastSkip(%q) = %d, want %d", name, got, i)
		}
	}
	for _, name := range []string{"r", "t", "tc", "pPr", "rPrChange", ""} {
		if got := fastSkip([]byte(name)); got != -1 {
			t.Errorf("fastSkip(%q) = %d, want -1", name, got)
		}
	}
}
