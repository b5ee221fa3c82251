package jixiao

import (
	"context"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// User is a person signed in to the system. A user belongs to exactly one
// organisation and acts there through their roles.
type User struct {
	ID       int64
	Login    string // sign-in name, unique
	Name     string // the person's name as shown
	OrgID    int64
	Roles    []Role
	Disabled bool

	// Filled by storage from the organisation, for the permission
	// predicates: they decide from the user alone, without a query.
	OrgKind OrgKind
	OrgPath OrgPath
	OrgName string

	CreatedAt time.Time
	UpdatedAt time.Time
}

// MinPasswordLength is the shortest password accepted, in characters.
const MinPasswordLength = 10

// HasRole reports whether u holds r. A nil or disabled user holds none.
func (u *User) HasRole(r Role) bool {
	return u != nil && !u.Disabled && u.ID != 0 && slices.Contains(u.Roles, r) && r.FitsOrg(u.OrgKind)
}

// Validate checks the fields a user gives when an account is created or
// changed. The organisation's kind is needed to check the roles.
func (u *User) Validate() error {
	switch {
	case strings.TrimSpace(u.Login) == "":
		return Errorf(EInvalid, "登录名不能为空")
	case strings.ContainsAny(u.Login, " \t\r\n/\\:"):
		return Errorf(EInvalid, "登录名 %q 不能含空格、斜杠或冒号", u.Login)
	case utf8.RuneCountInString(u.Login) > 64:
		return Errorf(EInvalid, "登录名不能超过 64 个字符")
	case strings.TrimSpace(u.Name) == "":
		return Errorf(EInvalid, "姓名不能为空")
	case u.OrgID == 0:
		return Errorf(EInvalid, "用户须属于一个单位")
	case len(u.Roles) == 0:
		return Errorf(EInvalid, "用户至少要有一个角色")
	}
	for _, r := range u.Roles {
		if !r.Valid() {
			return Errorf(EInvalid, "角色 %q 无效", r)
		}
		if u.OrgKind != "" && !r.FitsOrg(u.OrgKind) {
			return Errorf(EInvalid, "%s不能担任“%s”", u.OrgKind.Label(), r.Label())
		}
	}
	return nil
}

// ValidatePassword checks a new password's length; the rest of a
// password's strength is the user's business.
func ValidatePassword(p string) error {
	if utf8.RuneCountInString(p) < MinPasswordLength {
		return Errorf(EInvalid, "密码至少 %d 个字符", MinPasswordLength)
	}
	return nil
}

// UserFilter selects users. Zero fields match anything.
type UserFilter struct {
	ID    int64
	Login string
	OrgID int64

	Offset int
	Limit  int
}

// UserUpdate holds the fields of a user that may change; nil leaves a
// field as it is.
type UserUpdate struct {
	Name     *string
	OrgID    *int64
	Roles    *[]Role
	Disabled *bool
}

// UserService stores accounts and checks passwords. Only a system
// administrator creates or changes accounts; a user may change their own
// password.
type UserService interface {
	// FindUserByID returns one user or an ENotFound error.
	FindUserByID(ctx context.Context, id int64) (*User, error)
	// FindUserByLogin returns the user with the given sign-in name.
	FindUserByLogin(ctx context.Context, login string) (*User, error)
	// FindUsers returns the users matching the filter and how many match
	// without Offset and Limit.
	FindUsers(ctx context.Context, filter UserFilter) ([]*User, int, error)
	// CreateUser stores u with the given password and sets its ID.
	CreateUser(ctx context.Context, u *User, password string) error
	// UpdateUser changes a user's name, organisation, roles or state.
	UpdateUser(ctx context.Context, id int64, upd UserUpdate) (*User, error)
	// SetPassword replaces a user's password.
	SetPassword(ctx context.Context, id int64, password string) error
	// Authenticate checks a login and password and returns the user; a
	// wrong password, an unknown login and a disabled account all give the
	// same EUnauthorized error. Every attempt is logged.
	Authenticate(ctx context.Context, login, password string) (*User, error)
}
