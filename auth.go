package jixiao

// The permission predicates. Each is a pure function of the user (with
// their organisation's kind and path, see User) and the thing acted on,
// and denies by default: anything not allowed here is refused. The storage
// services call them inside their transactions, on the rows they read.
//
// In short: a unit's editors and approvers see and edit their own unit's
// evaluations; its approver submits. A department reviewer sees the
// evaluations of the units under the department once submitted, reviews
// them and may re-score; the finance bureau's reviewers do the same for
// the 财政复核, its admin opens tasks and publishes. A published evaluation
// is readable by anyone, signed in or not. The system administrator manages
// accounts, organisations and the log, not evaluations.

// active reports whether u is a signed-in, enabled account.
func active(u *User) bool { return u != nil && u.ID != 0 && !u.Disabled }

// memberOf reports whether u is an editor or approver of the unit at path.
func memberOf(u *User, path OrgPath) bool {
	return (u.HasRole(RoleUnitEditor) || u.HasRole(RoleUnitApprover)) && path.Self() == u.OrgID && len(path) > 0
}

// reviewerOf reports whether u holds one of the bureau's or department's
// roles in an organisation above the unit at path.
func reviewerOf(u *User, path OrgPath) bool {
	return (u.HasRole(RoleDeptReviewer) || u.HasRole(RoleFinanceReviewer) || u.HasRole(RoleFinanceAdmin)) && path.Above(u.OrgID)
}

// inScope reports whether u is one of the people an unpublished
// evaluation concerns: its unit's members always, the reviewers above it
// once it has been submitted.
func inScope(u *User, ev *EvaluationRecord) bool {
	if ev == nil || !active(u) {
		return false
	}
	if memberOf(u, ev.UnitPath) {
		return true
	}
	return ev.Status != StatusDraft && reviewerOf(u, ev.UnitPath)
}

// CanView reports whether u may read ev. u may be nil (not signed in).
func CanView(u *User, ev *EvaluationRecord) bool {
	if ev == nil {
		return false
	}
	return ev.Status == StatusPublished || inScope(u, ev)
}

// CanCreateEvaluation reports whether u may start an evaluation for the
// unit at unitPath.
func CanCreateEvaluation(u *User, unitPath OrgPath) bool {
	return active(u) && memberOf(u, unitPath)
}

// CanEdit reports whether u may save new content for ev: a member of its
// unit, while it is a draft or has been returned.
func CanEdit(u *User, ev *EvaluationRecord) bool {
	return ev != nil && ev.Status.Editable() && memberOf(u, ev.UnitPath)
}

// CanTransition reports whether u may take action a on ev now: the
// workflow has the step from ev's status, u holds the step's role, and
// u's organisation is the unit itself (unit roles) or above it (review
// roles).
func CanTransition(u *User, ev *EvaluationRecord, a Action) bool {
	if ev == nil || !active(u) {
		return false
	}
	rule, ok := FindRule(ev.Status, a)
	if !ok || !u.HasRole(rule.Role) || !rule.opensTo(ev.UnitPath) {
		return false
	}
	if rule.Role.orgKind() == OrgUnit {
		return ev.UnitPath.Self() == u.OrgID && len(ev.UnitPath) > 0
	}
	return ev.UnitPath.Above(u.OrgID)
}

// CanViewComments reports whether u may read ev's comments and workflow
// record: they are internal, so publication does not open them.
func CanViewComments(u *User, ev *EvaluationRecord) bool { return inScope(u, ev) }

// CanViewReviewScores reports whether u may read ev's review scores (复核评分):
// the people it concerns while it is under way, and anyone once it is
// published, since the public page shows the 复核 result beside the
// unit's own scores.
func CanViewReviewScores(u *User, ev *EvaluationRecord) bool {
	return ev != nil && (ev.Status == StatusPublished || inScope(u, ev))
}

// CanComment reports whether u may write a comment on ev: the people it
// concerns, until it is published.
func CanComment(u *User, ev *EvaluationRecord) bool {
	return ev != nil && ev.Status != StatusPublished && inScope(u, ev)
}

// CanReviewScore reports whether u may give ev a review score now: the
// department reviewer while it awaits 主管部门审核, the finance reviewer while
// it awaits 财政复核.
func CanReviewScore(u *User, ev *EvaluationRecord) bool {
	if ev == nil {
		return false
	}
	switch ReviewStageOf(ev) {
	case StageDept:
		return u.HasRole(RoleDeptReviewer) && ev.UnitPath.Above(u.OrgID)
	case StageFinance:
		return u.HasRole(RoleFinanceReviewer) && ev.UnitPath.Above(u.OrgID)
	}
	return false
}

// CanCreateTask reports whether u may open t: a finance admin, for their
// own bureau.
func CanCreateTask(u *User, t *Task) bool {
	return t != nil && u.HasRole(RoleFinanceAdmin) && t.OrgID == u.OrgID
}

// CanViewTask reports whether u may see t: anyone signed in under the
// bureau that opened it.
func CanViewTask(u *User, t *Task) bool {
	return t != nil && active(u) && u.OrgPath.Contains(t.OrgID)
}

// CanViewObligation reports whether u may see what the unit at unitPath
// owes: its members, and the reviewers and admins above it.
func CanViewObligation(u *User, unitPath OrgPath) bool {
	return active(u) && (memberOf(u, unitPath) || reviewerOf(u, unitPath))
}

// CanManageUsers reports whether u may create, change or disable accounts.
func CanManageUsers(u *User) bool { return u.HasRole(RoleSystemAdmin) }

// CanSetPassword reports whether u may set the password of the account
// with the given ID: their own, or anyone's for a system administrator.
func CanSetPassword(u *User, id int64) bool {
	return active(u) && (u.ID == id || u.HasRole(RoleSystemAdmin))
}

// CanManageOrganisations reports whether u may change the organisation tree.
func CanManageOrganisations(u *User) bool { return u.HasRole(RoleSystemAdmin) }

// CanViewLog reports whether u may read and verify the audit log.
func CanViewLog(u *User) bool { return u.HasRole(RoleSystemAdmin) }

// CanUpload reports whether u may store a source document: the people who
// create evaluations from them.
func CanUpload(u *User) bool {
	return u.HasRole(RoleUnitEditor) || u.HasRole(RoleUnitApprover)
}

// ConsoleUser is the identity of the operator running the admin commands
// on the server's machine (jixiao user, org import, restore): a system
// administrator that is not an account. Only cmd/jixiao creates it; the
// HTTP layer never does.
func ConsoleUser() *User {
	return &User{ID: ConsoleUserID, Login: "console", Name: "控制台", Roles: []Role{RoleSystemAdmin}, OrgKind: OrgFinance}
}

// ConsoleUserID is the user ID the audit log records for ConsoleUser.
const ConsoleUserID = -1
