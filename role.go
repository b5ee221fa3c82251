package jixiao

import "strings"

// Role is what a user may do in their organisation. A user may hold
// several (a small unit's approver usually also edits).
type Role string

// The roles of the self-evaluation workflow.
const (
	RoleUnitEditor      Role = "unit_editor"      // 单位填报: fills in the unit's evaluations
	RoleUnitApprover    Role = "unit_approver"    // 单位审核/提交: approves and submits them
	RoleDeptReviewer    Role = "dept_reviewer"    // 主管部门审核: reviews the units under the department
	RoleFinanceReviewer Role = "finance_reviewer" // 财政复核: re-checks and re-scores for the bureau
	RoleFinanceAdmin    Role = "finance_admin"    // 财政管理员: opens tasks, publishes
	RoleSystemAdmin     Role = "system_admin"     // 系统管理员: users, organisations, the log
)

// Roles lists every role, in the order the UI shows them.
var Roles = []Role{RoleUnitEditor, RoleUnitApprover, RoleDeptReviewer, RoleFinanceReviewer, RoleFinanceAdmin, RoleSystemAdmin}

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return r.orgKind() != "" || r == RoleSystemAdmin }

// Label is the Chinese name of the role.
func (r Role) Label() string {
	switch r {
	case RoleUnitEditor:
		return "单位填报"
	case RoleUnitApprover:
		return "单位审核"
	case RoleDeptReviewer:
		return "主管部门审核"
	case RoleFinanceReviewer:
		return "财政复核"
	case RoleFinanceAdmin:
		return "财政管理员"
	case RoleSystemAdmin:
		return "系统管理员"
	}
	return string(r)
}

// ParseRole accepts a role's code or its Chinese name.
func ParseRole(s string) (Role, bool) {
	s = strings.TrimSpace(s)
	for _, r := range Roles {
		if s == string(r) || s == r.Label() {
			return r, true
		}
	}
	switch s {
	case "单位审核/提交", "单位提交":
		return RoleUnitApprover, true
	}
	return "", false
}

// orgKind is the kind of organisation a holder of r must belong to;
// "" for the system administrator, who may sit anywhere.
func (r Role) orgKind() OrgKind {
	switch r {
	case RoleUnitEditor, RoleUnitApprover:
		return OrgUnit
	case RoleDeptReviewer:
		return OrgDepartment
	case RoleFinanceReviewer, RoleFinanceAdmin:
		return OrgFinance
	}
	return ""
}

// FitsOrg reports whether a holder of r may belong to an organisation of
// kind k: unit roles in a unit, the department reviewer in a department,
// the finance roles in a finance bureau.
func (r Role) FitsOrg(k OrgKind) bool {
	if r == RoleSystemAdmin {
		return k.Valid()
	}
	return r.orgKind() != "" && r.orgKind() == k
}
