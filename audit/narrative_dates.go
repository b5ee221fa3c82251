package audit

import (
	"fmt"
	"regexp"
	"strconv"

	"jixiao"
)

// receivedDocument matches a date on which the report says a document was
// received, issued or passed on, and the year in that document's number:
// "2012年6月14日,广西收到《…》(财建〔2022〕153号)". A document numbered in
// a year is issued in that year (a 提前下达 for next year is numbered in the
// year it is issued), so it cannot be received before it. The year of a
// title (《…下达2022年…资金…》) proves nothing and is not read. RE2 runs in
// time linear in the text.
var receivedDocument = regexp.MustCompile(`((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日[^。；《]{0,20}?(?:收到|接到|印发|下发|下达|转发|拨付)[^。；《]{0,8}《[^》。]{1,120}》\s*[（(][^）)。]{0,30}?[〔\[［]\s*((?:19|20)\d\d)\s*[〕\]］]\s*第?\s*\d+\s*号`)

// dateBeforeDocument is one such date, earlier than its document's year.
type dateBeforeDocument struct {
	date          string // as written: 2012年6月14日
	year, docYear int
}

// datesBeforeDocuments finds in text the dates of receiving a document that
// fall in a year before the document's own.
func datesBeforeDocuments(text string) []dateBeforeDocument {
	var out []dateBeforeDocument
	for _, m := range receivedDocument.FindAllStringSubmatchIndex(text, -1) {
		year, err1 := strconv.Atoi(text[m[2]:m[3]])
		docYear, err2 := strconv.Atoi(text[m[8]:m[9]])
		if err1 != nil || err2 != nil || year >= docYear {
			continue
		}
		// the date as the text writes it, without the spaces a PDF puts
		// between figures and words (2012 年 6 月 14 日)
		date := text[m[2]:m[3]] + "年" + text[m[4]:m[5]] + "月" + text[m[6]:m[7]] + "日"
		out = append(out, dateBeforeDocument{date: date, year: year, docYear: docYear})
	}
	return out
}

// documentDates reports a report that receives a document before the year
// the document was issued: a slip of the year (2012 for 2022).
func (n *narrative) documentDates(out *findings) {
	for _, p := range n.rt.paras {
		if !receivedWords.in(p.text) {
			continue // most paragraphs name no document received
		}
		for _, d := range datesBeforeDocuments(p.text) {
			want := strconv.Itoa(d.docYear) + d.date[4:]
			out.add(jixiao.Finding{
				Code: "N-DATE-BEFORE-DOCUMENT", Severity: jixiao.SevError,
				Message:  fmt.Sprintf("报告称 %s 收到或下达的文件，文号年份为 %d 年：日期早于文件印发的年份", d.date, d.docYear),
				Stated:   d.date,
				Expected: "不早于 " + strconv.Itoa(d.docYear) + " 年（如 " + want + "）",
				Evidence: excerpt(p.text, d.date, evidenceRunes),
				Location: reportLoc(n.rt, p),
			})
		}
	}
}

// receivedWords are the verbs receivedDocument needs, to pass over the
// paragraphs without them before running the expression.
var receivedWords = newWordSet("收到", "接到", "印发", "下发", "下达", "转发", "拨付")
