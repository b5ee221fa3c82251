package jixiao

import (
	"context"
	"strconv"
	"strings"
	"time"
)

// OrgKind is the level of an organisation in the budget tree.
type OrgKind string

// The three levels: the finance bureau opens tasks and re-checks, a
// department (主管部门) reviews the units under it, a budget unit
// (预算单位) fills in its evaluations.
const (
	OrgFinance    OrgKind = "finance"    // 财政局
	OrgDepartment OrgKind = "department" // 主管部门
	OrgUnit       OrgKind = "unit"       // 预算单位
)

// Valid reports whether k is one of the three kinds.
func (k OrgKind) Valid() bool {
	return k == OrgFinance || k == OrgDepartment || k == OrgUnit
}

// Label is the Chinese name of the kind.
func (k OrgKind) Label() string {
	switch k {
	case OrgFinance:
		return "财政局"
	case OrgDepartment:
		return "主管部门"
	case OrgUnit:
		return "预算单位"
	}
	return string(k)
}

// ParseOrgKind accepts the Chinese and the English names of a kind.
func ParseOrgKind(s string) (OrgKind, bool) {
	switch strings.TrimSpace(s) {
	case "财政局", "财政", "财政部门", "finance":
		return OrgFinance, true
	case "主管部门", "部门", "department":
		return OrgDepartment, true
	case "预算单位", "单位", "unit":
		return OrgUnit, true
	}
	return "", false
}

// canParent reports whether an organisation of kind k may sit directly
// under one of kind parent. A unit may hang directly under the bureau
// (units without a 主管部门) and a department under another department
// (二级主管部门) is not modelled.
func (k OrgKind) canParent(parent OrgKind) bool {
	switch k {
	case OrgFinance:
		return parent == ""
	case OrgDepartment:
		return parent == OrgFinance
	case OrgUnit:
		return parent == OrgFinance || parent == OrgDepartment
	}
	return false
}

// Organisation is one node of the tree 财政局 → 主管部门 → 预算单位.
type Organisation struct {
	ID       int64
	Code     string // 单位编码 (agency_code); unique, the key of imports
	Name     string
	Kind     OrgKind
	ParentID int64   // 0 for a root (a finance bureau)
	Path     OrgPath // the IDs from the root down to this organisation; set by storage

	CreatedAt time.Time
	UpdatedAt time.Time
}

// Validate checks the fields a user gives. The parent's kind is checked by
// ValidateParent, since it needs the parent.
func (o *Organisation) Validate() error {
	switch {
	case strings.TrimSpace(o.Code) == "":
		return Errorf(EInvalid, "单位编码不能为空")
	case strings.TrimSpace(o.Name) == "":
		return Errorf(EInvalid, "单位名称不能为空")
	case !o.Kind.Valid():
		return Errorf(EInvalid, "单位类型 %q 无效：应为财政局、主管部门或预算单位", o.Kind)
	}
	return nil
}

// ValidateParent checks that o may sit under parent (nil for a root).
func (o *Organisation) ValidateParent(parent *Organisation) error {
	var pk OrgKind
	if parent != nil {
		pk = parent.Kind
	}
	if !o.Kind.canParent(pk) {
		if parent == nil {
			return Errorf(EInvalid, "%s“%s”须有上级单位", o.Kind.Label(), o.Name)
		}
		return Errorf(EInvalid, "%s“%s”不能隶属于%s“%s”", o.Kind.Label(), o.Name, pk.Label(), parent.Name)
	}
	return nil
}

// OrgPath is the chain of organisation IDs from a root down to an
// organisation, itself included. Permission predicates use it to tell
// whether a reviewer's organisation is above a unit.
type OrgPath []int64

// Contains reports whether id is on the path (the organisation itself or
// one above it).
func (p OrgPath) Contains(id int64) bool {
	for _, x := range p {
		if x == id && id != 0 {
			return true
		}
	}
	return false
}

// Above reports whether id is strictly above the organisation the path
// leads to.
func (p OrgPath) Above(id int64) bool {
	return len(p) > 1 && id != 0 && p[:len(p)-1].Contains(id)
}

// Self is the ID of the organisation the path leads to, 0 for an empty path.
func (p OrgPath) Self() int64 {
	if len(p) == 0 {
		return 0
	}
	return p[len(p)-1]
}

// Direct reports whether the path leads to an organisation directly under
// its finance bureau (a root): for a unit, one without a 主管部门.
func (p OrgPath) Direct() bool { return len(p) == 2 }

// String writes the path as "/1/4/9/", the form storage indexes so that a
// subtree is one prefix match.
func (p OrgPath) String() string {
	var b strings.Builder
	b.WriteByte('/')
	for _, id := range p {
		b.WriteString(strconv.FormatInt(id, 10))
		b.WriteByte('/')
	}
	return b.String()
}

// ParseOrgPath reads the form String writes.
func ParseOrgPath(s string) (OrgPath, error) {
	s = strings.Trim(s, "/")
	if s == "" {
		return nil, nil
	}
	parts := strings.Split(s, "/")
	p := make(OrgPath, len(parts))
	for i, part := range parts {
		id, err := strconv.ParseInt(part, 10, 64)
		if err != nil || id <= 0 {
			return nil, Errorf(EInternal, "单位路径 %q 无效", s)
		}
		p[i] = id
	}
	return p, nil
}

// OrganisationFilter selects organisations. Zero fields match anything.
type OrganisationFilter struct {
	ID     int64
	Code   string
	Kind   OrgKind
	Parent int64 // direct children of this organisation
	Under  int64 // this organisation and everything below it

	Offset int
	Limit  int
}

// OrganisationUpdate holds the fields of an organisation that may change;
// nil leaves a field as it is. The code is the import key and never changes.
type OrganisationUpdate struct {
	Name     *string
	ParentID *int64
}

// OrganisationService stores the organisation tree. Everyone signed in may
// read it; only a system administrator changes it.
type OrganisationService interface {
	// FindOrganisationByID returns one organisation or an ENotFound error.
	FindOrganisationByID(ctx context.Context, id int64) (*Organisation, error)
	// FindOrganisationByCode returns the organisation with the given code.
	FindOrganisationByCode(ctx context.Context, code string) (*Organisation, error)
	// FindOrganisations returns the organisations matching the filter, in
	// tree order, and how many match without Offset and Limit.
	FindOrganisations(ctx context.Context, filter OrganisationFilter) ([]*Organisation, int, error)
	// CreateOrganisation stores o and sets its ID and Path.
	CreateOrganisation(ctx context.Context, o *Organisation) error
	// UpdateOrganisation changes an organisation's name or parent.
	UpdateOrganisation(ctx context.Context, id int64, upd OrganisationUpdate) (*Organisation, error)
	// ImportOrganisations creates or renames the given organisations in one
	// transaction, keyed by code; parents are named by ParentCode and may
	// come earlier in the list or already be stored.
	ImportOrganisations(ctx context.Context, rows []OrganisationImport) (created, updated int, err error)
}

// OrganisationImport is one row of an organisation tree import.
type OrganisationImport struct {
	Code       string
	Name       string
	Kind       OrgKind
	ParentCode string // "" for a finance bureau
	Line       int    // where the row was read, for error messages
}
