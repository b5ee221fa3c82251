// Package jixiao is the domain of the budget-performance self-evaluation
// (预算绩效自评): the evaluation as a unit states it, the rule sets it is scored
// under, the findings an audit raises, and the document model every importer
// produces.
//
// It imports only the standard library and the decimal type. Formats,
// storage and HTTP live in adapter packages around it; scoring and auditing
// are pure engines in score/ and audit/.
package jixiao

// Version is the jixiao release, overridden at link time with
// -ldflags "-X jixiao.Version=...".
var Version = "0.1.0-dev"

// Kind is the kind of self-evaluation table.
type Kind string

// The two table kinds.
const (
	KindDepartment Kind = "部门整体" // 部门整体支出绩效自评表
	KindProject    Kind = "项目"   // 项目支出绩效自评表
)

// Valid reports whether k is one of the known kinds.
func (k Kind) Valid() bool { return k == KindDepartment || k == KindProject }

// ParseKind accepts the short and the long names of a kind.
func ParseKind(s string) (Kind, bool) {
	switch s {
	case "部门整体", "部门整体支出", "部门", "department", "dept":
		return KindDepartment, true
	case "项目", "项目支出", "project":
		return KindProject, true
	}
	return "", false
}
