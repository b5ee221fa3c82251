package docx_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"
)

// dump reads a .docx back and writes its body as text: paragraphs with
// their style, tables as rows of cells with gridSpan and vMerge, images.
// It also checks that every XML part is well formed.
func dump(t *testing.T, data []byte) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	var doc []byte
	for _, f := range z.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		if strings.HasSuffix(f.Name, ".xml") || strings.HasSuffix(f.Name, ".rels") {
			if err := wellFormed(b); err != nil {
				t.Errorf("%s: %v", f.Name, err)
			}
		}
		if f.Name == "word/document.xml" {
			doc = b
		}
	}
	if doc == nil {
		t.Fatal("no word/document.xml")
	}
	var out strings.Builder
	d := xml.NewDecoder(bytes.NewReader(doc))
	var (
		style, text, cell string
		inTbl, inCell     int
		row               []string
	)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "p":
				style, text = "", ""
			case "pStyle":
				style = attr(e, "val")
			case "tbl":
				inTbl++
				out.WriteString("table\n")
			case "tr":
				row = nil
			case "tc":
				inCell++
				cell = ""
			case "gridSpan":
				cell += fmt.Sprintf("<span=%s>", attr(e, "val"))
			case "vMerge":
				v := attr(e, "val")
				if v == "" {
					v = "continue"
				}
				cell += "<vmerge=" + v + ">"
			case "br":
				if attr(e, "type") == "page" {
					out.WriteString("pagebreak\n")
				} else {
					text += "/"
				}
			case "tblHeader":
				// the row repeated at the top of every page
				out.WriteString("<tblHeader>\n")
			case "blip":
				out.WriteString("image\n")
			case "pgSz":
				fmt.Fprintf(&out, "page %sx%s %s\n", attr(e, "w"), attr(e, "h"), attr(e, "orient"))
			}
		case xml.CharData:
			text += string(e)
		case xml.EndElement:
			switch e.Name.Local {
			case "p":
				if inCell > 0 {
					if cell != "" && !strings.HasSuffix(cell, ">") {
						cell += "/"
					}
					cell += text
				} else if text != "" || style != "" {
					fmt.Fprintf(&out, "p[%s] %s\n", style, text)
				}
			case "tc":
				inCell--
				row = append(row, cell)
			case "tr":
				fmt.Fprintf(&out, "  | %s |\n", strings.Join(row, " | "))
			case "tbl":
				inTbl--
			}
		}
	}
	return out.String()
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func wellFormed(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}
