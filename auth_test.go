package jixiao

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// The tree of the permission tests:
//
//	F(1) 财政局 ─ D(2) 主管部门 ─ U(3), V(4) 预算单位
//	        └─ E(5) 主管部门 ─ W(6)
//	G(7) another 财政局
var (
	pathF = OrgPath{1}
	pathD = OrgPath{1, 2}
	pathU = OrgPath{1, 2, 3}
	pathV = OrgPath{1, 2, 4}
	pathE = OrgPath{1, 5}
	pathW = OrgPath{1, 5, 6}
	pathG = OrgPath{7}
)

func testUser(id int64, path OrgPath, kind OrgKind, roles ...Role) *User {
	return &User{ID: id, Login: fmt.Sprint("u", id), Name: "x", OrgID: path.Self(), OrgPath: path, OrgKind: kind, Roles: roles}
}

// testUsers are named by who they are relative to unit U's evaluation.
func testUsers() map[string]*User {
	disabled := testUser(12, pathU, OrgUnit, RoleUnitEditor, RoleUnitApprover)
	disabled.Disabled = true
	return map[string]*User{
		"anonymous":        nil,
		"editorU":          testUser(1, pathU, OrgUnit, RoleUnitEditor),
		"approverU":        testUser(2, pathU, OrgUnit, RoleUnitApprover),
		"editorV":          testUser(3, pathV, OrgUnit, RoleUnitEditor, RoleUnitApprover),
		"approverW":        testUser(4, pathW, OrgUnit, RoleUnitApprover),
		"reviewerD":        testUser(5, pathD, OrgDepartment, RoleDeptReviewer),
		"reviewerE":        testUser(6, pathE, OrgDepartment, RoleDeptReviewer),
		"financeReviewerF": testUser(7, pathF, OrgFinance, RoleFinanceReviewer),
		"financeAdminF":    testUser(8, pathF, OrgFinance, RoleFinanceAdmin),
		"financeReviewerG": testUser(9, pathG, OrgFinance, RoleFinanceReviewer, RoleFinanceAdmin),
		"sysadmin":         testUser(10, pathF, OrgFinance, RoleSystemAdmin),
		"misfitD":          testUser(11, pathD, OrgDepartment, RoleUnitEditor, RoleUnitApprover, RoleFinanceReviewer),
		"disabledU":        disabled,
	}
}

// statuses parses a space-separated list of statuses; "all" is every one,
// "submitted+" every one but draft.
func statuses(s string) []Status {
	switch s {
	case "all":
		return Statuses
	case "submitted+":
		return Statuses[1:]
	}
	var out []Status
	for _, f := range strings.Fields(s) {
		out = append(out, Status(f))
	}
	return out
}

// TestPermissions asserts every cell of user × status for each predicate
// on unit U's evaluation: the statuses listed are allowed, all others
// refused. Users not listed for a predicate are refused everywhere.
func TestPermissions(t *testing.T) {
	const published = "published"
	tests := []struct {
		name string
		pred func(*User, *EvaluationRecord) bool
		want map[string]string
	}{
		{"CanView", CanView, map[string]string{
			"anonymous": published, "editorU": "all", "approverU": "all", "editorV": published,
			"approverW": published, "reviewerD": "submitted+", "reviewerE": published,
			"financeReviewerF": "submitted+", "financeAdminF": "submitted+", "financeReviewerG": published,
			"sysadmin": published, "misfitD": published, "disabledU": published,
		}},
		{"CanEdit", CanEdit, map[string]string{
			"editorU": "draft dept_returned finance_returned", "approverU": "draft dept_returned finance_returned",
		}},
		{"CanComment", CanComment, map[string]string{
			"editorU":          "draft submitted dept_approved dept_returned finance_approved finance_returned",
			"approverU":        "draft submitted dept_approved dept_returned finance_approved finance_returned",
			"reviewerD":        "submitted dept_approved dept_returned finance_approved finance_returned",
			"financeReviewerF": "submitted dept_approved dept_returned finance_approved finance_returned",
			"financeAdminF":    "submitted dept_approved dept_returned finance_approved finance_returned",
		}},
		{"CanViewComments", CanViewComments, map[string]string{
			"editorU": "all", "approverU": "all", "reviewerD": "submitted+", "financeReviewerF": "submitted+", "financeAdminF": "submitted+",
		}},
		{"CanViewReviewScores", CanViewReviewScores, map[string]string{
			"anonymous": published, "editorU": "all", "approverU": "all", "editorV": published,
			"approverW": published, "reviewerD": "submitted+", "reviewerE": published,
			"financeReviewerF": "submitted+", "financeAdminF": "submitted+", "financeReviewerG": published,
			"sysadmin": published, "misfitD": published, "disabledU": published,
		}},
		{"CanReviewScore", CanReviewScore, map[string]string{
			"reviewerD": "submitted", "financeReviewerF": "dept_approved",
		}},
	}
	users := testUsers()
	for _, tt := range tests {
		for name, u := range users {
			allowed := statuses(tt.want[name])
			for _, s := range Statuses {
				ev := &EvaluationRecord{UnitID: 3, UnitPath: pathU, Status: s}
				if got, want := tt.pred(u, ev), slices.Contains(allowed, s); got != want {
					t.Errorf("%s(%s, %s) = %v, want %v", tt.name, name, s, got, want)
				}
			}
		}
	}
}

// TestCanTransition asserts every cell of user × status × action.
func TestCanTransition(t *testing.T) {
	want := map[string][]string{
		"approverU":        {"draft/submit", "dept_returned/submit", "finance_returned/submit", "submitted/withdraw"},
		"reviewerD":        {"submitted/dept_approve", "submitted/dept_return"},
		"financeReviewerF": {"dept_approved/finance_approve", "dept_approved/finance_return"},
		"financeAdminF":    {"finance_approved/publish"},
	}
	actions := []Action{ActionSubmit, ActionWithdraw, ActionDeptApprove, ActionDeptReturn, ActionFinanceApprove, ActionFinanceReturn, ActionPublish}
	for name, u := range testUsers() {
		for _, s := range Statuses {
			for _, a := range actions {
				ev := &EvaluationRecord{UnitID: 3, UnitPath: pathU, Status: s}
				cell := string(s) + "/" + string(a)
				if got, want := CanTransition(u, ev, a), slices.Contains(want[name], cell); got != want {
					t.Errorf("CanTransition(%s, %s) = %v, want %v", name, cell, got, want)
				}
			}
		}
	}
}

func TestCanCreateAndAdminister(t *testing.T) {
	task := &Task{OrgID: 1}
	tests := []struct {
		name string
		pred func(*User) bool
		want []string
	}{
		{"CanCreateEvaluation(U)", func(u *User) bool { return CanCreateEvaluation(u, pathU) }, []string{"editorU", "approverU"}},
		{"CanCreateTask(F)", func(u *User) bool { return CanCreateTask(u, task) }, []string{"financeAdminF"}},
		{"CanViewTask(F)", func(u *User) bool { return CanViewTask(u, task) }, []string{"editorU", "approverU", "editorV", "approverW", "reviewerD", "reviewerE", "financeReviewerF", "financeAdminF", "sysadmin", "misfitD"}},
		{"CanViewObligation(U)", func(u *User) bool { return CanViewObligation(u, pathU) }, []string{"editorU", "approverU", "reviewerD", "financeReviewerF", "financeAdminF"}},
		{"CanManageUsers", CanManageUsers, []string{"sysadmin"}},
		{"CanManageOrganisations", CanManageOrganisations, []string{"sysadmin"}},
		{"CanViewLog", CanViewLog, []string{"sysadmin"}},
		{"CanSetPassword(1)", func(u *User) bool { return CanSetPassword(u, 1) }, []string{"editorU", "sysadmin"}},
		{"CanUpload", CanUpload, []string{"editorU", "approverU", "editorV", "approverW"}},
	}
	for _, tt := range tests {
		for name, u := range testUsers() {
			if got, want := tt.pred(u), slices.Contains(tt.want, name); got != want {
				t.Errorf("%s for %s = %v, want %v", tt.name, name, got, want)
			}
		}
	}
}

func TestConsoleUserAdministers(t *testing.T) {
	c := ConsoleUser()
	if !CanManageUsers(c) || !CanManageOrganisations(c) || !CanViewLog(c) {
		t.Error("the console cannot administer")
	}
	if CanView(c, &EvaluationRecord{UnitPath: pathU, Status: StatusSubmitted}) {
		t.Error("the console reads unpublished evaluations")
	}
}

func TestOrgPath(t *testing.T) {
	p, err := ParseOrgPath(pathU.String())
	if err != nil || !slices.Equal(p, pathU) {
		t.Fatalf("ParseOrgPath(%q) = %v, %v", pathU.String(), p, err)
	}
	if got := pathU.String(); got != "/1/2/3/" {
		t.Errorf("String = %q", got)
	}
	if !pathU.Above(2) || !pathU.Above(1) || pathU.Above(3) || pathU.Above(4) || pathU.Above(0) {
		t.Error("Above wrong")
	}
	if _, err := ParseOrgPath("/1/x/"); err == nil {
		t.Error("bad path parsed")
	}
}

func TestValidateParent(t *testing.T) {
	fin := &Organisation{Name: "财政局", Kind: OrgFinance}
	dept := &Organisation{Name: "司法局", Kind: OrgDepartment}
	unit := &Organisation{Name: "某所", Kind: OrgUnit}
	tests := []struct {
		child, parent *Organisation
		ok            bool
	}{
		{fin, nil, true}, {dept, fin, true}, {unit, dept, true}, {unit, fin, true},
		{dept, nil, false}, {unit, nil, false}, {fin, fin, false}, {dept, dept, false}, {unit, unit, false}, {dept, unit, false},
	}
	for _, tt := range tests {
		err := tt.child.ValidateParent(tt.parent)
		if (err == nil) != tt.ok {
			t.Errorf("%s under %v: err = %v", tt.child.Kind, tt.parent, err)
		}
	}
}

func TestUserValidateRolesFitOrg(t *testing.T) {
	u := &User{Login: "li", Name: "李", OrgID: 2, OrgKind: OrgDepartment, Roles: []Role{RoleUnitEditor}}
	if err := u.Validate(); ErrorCode(err) != EInvalid {
		t.Errorf("unit role in a department: err = %v", err)
	}
	u.Roles = []Role{RoleDeptReviewer}
	if err := u.Validate(); err != nil {
		t.Errorf("department reviewer: %v", err)
	}
}
