package jixiao

import "fmt"

// Severity grades a finding. An error is provably wrong; a warning is very
// likely a problem a reviewer should look at; info is worth knowing.
type Severity string

// Severities, in decreasing order of gravity.
const (
	SevError   Severity = "error"
	SevWarning Severity = "warning"
	SevInfo    Severity = "info"
)

// Rank orders severities: error 0, warning 1, info 2.
func (s Severity) Rank() int {
	switch s {
	case SevError:
		return 0
	case SevWarning:
		return 1
	}
	return 2
}

// Label is the Chinese name of the severity.
func (s Severity) Label() string {
	switch s {
	case SevError:
		return "错误"
	case SevWarning:
		return "警告"
	}
	return "提示"
}

// Finding is one problem found in a document, with the evidence for it.
type Finding struct {
	Code     string   // stable code, e.g. "T-WEIGHT-LEVEL1"; catalogued in docs/checks.md
	Severity Severity //
	Message  string   // in Chinese, for the user
	Stated   string   // the figure as the document states it
	Expected string   // the figure it should be
	Evidence string   // the text or formula that shows it
	Location Location
}

// Location says where a finding is: in the table's blocks and, when the
// document was imported, in the source file.
type Location struct {
	Block  string   // "header", "budget", "goal", "indicators", "total", "report"
	Row    int      // 1-based row within the block; 0 for the block as a whole
	Item   string   // the row's label: "完成率", "按支出性质分", "五、部门整体支出绩效情况"
	Column string   // "得分", "执行率", …
	Source Position // in the source document, when known
}

// Position is where something was read from in a source document. Fields
// that do not apply to the format are zero.
type Position struct {
	Line  int    `json:"line,omitempty"`  // text: 1-based line
	Col   int    `json:"col,omitempty"`   // text: 1-based column (runes)
	Page  int    `json:"page,omitempty"`  // pdf
	Sheet string `json:"sheet,omitempty"` // xlsx
	Table int    `json:"table,omitempty"` // docx/html/pdf: 1-based table
	Row   int    `json:"row,omitempty"`   // 1-based row in the table or sheet
	Cell  int    `json:"cell,omitempty"`  // 1-based cell in the row
}

// Describe says where the position is, in Chinese ("第 25 行", "工作表 自评表
// 第 7 行第 3 列", "第 2 页第 5 行", "表 1 第 3 行第 2 格"); "" when unknown.
func (p Position) Describe() string {
	switch {
	case p.Line > 0:
		return fmt.Sprintf("第 %d 行", p.Line)
	case p.Sheet != "":
		return fmt.Sprintf("工作表 %s 第 %d 行第 %d 列", p.Sheet, p.Row, p.Cell)
	case p.Page > 0 && p.Row > 0:
		return fmt.Sprintf("第 %d 页第 %d 行", p.Page, p.Row)
	case p.Page > 0:
		return fmt.Sprintf("第 %d 页", p.Page)
	case p.Table > 0:
		return fmt.Sprintf("表 %d 第 %d 行第 %d 格", p.Table, p.Row, p.Cell)
	}
	return ""
}

// IsZero reports whether the position is unknown.
func (p Position) IsZero() bool { return p == Position{} }
