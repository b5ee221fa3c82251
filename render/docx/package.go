// Package docx writes the 自评表 and the 自评报告 as Word documents with a
// small WordprocessingML writer of our own (archive/zip + XML text): A4
// pages, named styles (标题, 标题 1/2, 正文, 表格文字), East-Asian fonts
// named as the 公文 standard uses them (方正小标宋简体, 黑体, 楷体_GB2312,
// 仿宋_GB2312, 宋体), real tables with gridSpan and vMerge, PNG charts
// inline, and a page-number footer. No Go docx library in reach is both
// permissively licensed and correct on merges: fumiama/go-docx is AGPL,
// and gomutex/godocx writes vertical merges as tracked changes, sets no
// w:eastAsia font and defaults to US Letter.
package docx

import (
	"archive/zip"
	"fmt"
	"io"
	"strings"
)

// part is one file of the package.
type part struct {
	name string
	data []byte
}

// pkg assembles a .docx.
type pkg struct {
	body    strings.Builder
	media   []part // word/media/*.png
	orient  string // "portrait" or "landscape"
	title   string
	noFirst bool // no page number on the first page

	// atTop is set while a grid that starts a page is written, topUsed
	// the millimetres above it on that page (see gridTop)
	atTop   bool
	topUsed float64
}

func (p *pkg) addImage(png []byte) (relID string, n int) {
	n = len(p.media) + 1
	p.media = append(p.media, part{name: fmt.Sprintf("media/image%d.png", n), data: png})
	return fmt.Sprintf("rIdImg%d", n), n
}

func (p *pkg) write(w io.Writer) error {
	z := zip.NewWriter(w)
	files := []part{
		{"[Content_Types].xml", []byte(contentTypes)},
		{"_rels/.rels", []byte(rootRels)},
		{"docProps/core.xml", []byte(fmt.Sprintf(coreXML, esc(p.title)))},
		{"word/_rels/document.xml.rels", []byte(p.rels())},
		{"word/document.xml", []byte(p.document())},
		{"word/styles.xml", []byte(stylesXML)},
		{"word/settings.xml", []byte(settingsXML)},
		{"word/footer1.xml", []byte(footerXML)},
	}
	for _, m := range p.media {
		files = append(files, part{"word/" + m.name, m.data})
	}
	for _, f := range files {
		method := zip.Deflate
		if strings.HasSuffix(f.name, ".png") {
			method = zip.Store // already compressed
		}
		fw, err := z.CreateHeader(&zip.FileHeader{Name: f.name, Method: method})
		if err != nil {
			return fmt.Errorf("docx: %w", err)
		}
		if _, err := fw.Write(f.data); err != nil {
			return fmt.Errorf("docx: %w", err)
		}
	}
	if err := z.Close(); err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	return nil
}

func (p *pkg) rels() string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	b.WriteString(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	b.WriteString(`<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`)
	b.WriteString(`<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>`)
	b.WriteString(`<Relationship Id="rIdFooter1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>`)
	for i, m := range p.media {
		fmt.Fprintf(&b, `<Relationship Id="rIdImg%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="%s"/>`, i+1, m.name)
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

// A4 in twentieths of a point, and the 公文 margins (GB/T 9704: 37 mm top,
// 28 mm left, 26 mm right, 35 mm bottom), narrower for tables.
const (
	a4W, a4H  = 11906, 16838
	twipPerMM = 56.693
)

func (p *pkg) document() string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	b.WriteString(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>`)
	b.WriteString(p.body.String())
	b.WriteString(p.sectPr())
	b.WriteString(`</w:body></w:document>`)
	return b.String()
}

// sectPr is the page setup of the section written so far: A4, the 公文
// margins for a report, narrower ones for a table's pages (orient set).
func (p *pkg) sectPr() string {
	w, h := a4W, a4H
	orient := ""
	if p.orient == "landscape" {
		w, h, orient = a4H, a4W, ` w:orient="landscape"`
	}
	top, bottom, left, right := 2098, 1984, 1588, 1474 // 37, 35, 28, 26 mm
	if p.orient != "" {
		top, bottom, left, right = 1134, 1134, 1021, 1021 // 20, 20, 18, 18 mm
	}
	title := ""
	if p.noFirst {
		title = `<w:titlePg/>`
	}
	return fmt.Sprintf(`<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter1"/><w:pgSz w:w="%d" w:h="%d"%s/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="851" w:footer="992" w:gutter="0"/>%s<w:docGrid w:type="lines" w:linePitch="312"/></w:sectPr>`,
		w, h, orient, top, right, bottom, left, title)
}

// sectionBreak ends the section written so far (its page setup in the
// break's paragraph, as WordprocessingML has it) and starts the next on a
// new page with orient's.
func (p *pkg) sectionBreak(orient string) {
	p.body.WriteString(`<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>` + p.sectPr() + `</w:pPr></w:p>`)
	p.orient = orient
}

// textWidth is the usable width in twips.
func (p *pkg) textWidth() int {
	if p.orient == "landscape" {
		return a4H - 2*1021
	}
	if p.orient != "" {
		return a4W - 2*1021
	}
	return a4W - 1588 - 1474
}

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

func esc(s string) string { return xmlEscaper.Replace(s) }

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`

const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`

const coreXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>%s</dc:title><dc:creator>jixiao</dc:creator></cp:coreProperties>`

const settingsXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`

// footerXML centres "— N —", the 公文 page number.
const footerXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">— </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>`
