package sqldb

import (
	"context"
	"fmt"
	"strings"

	"jixiao"
)

// UserService implements jixiao.UserService.
type UserService struct{ db *DB }

var _ jixiao.UserService = (*UserService)(nil)

// NewUserService returns the accounts of db.
func NewUserService(db *DB) *UserService { return &UserService{db} }

const userColumns = `u.id, u.login, u.name, u.org_id, u.roles, u.disabled, o.kind, o.path, o.name, u.created_at, u.updated_at`
const userFrom = ` FROM users u JOIN organisations o ON o.id = u.org_id`

func scanUser(sc interface{ Scan(...any) error }) (*jixiao.User, error) {
	u := &jixiao.User{}
	var roles, kind, path string
	if err := sc.Scan(&u.ID, &u.Login, &u.Name, &u.OrgID, &roles, &u.Disabled, &kind, &path, &u.OrgName, scanTime{&u.CreatedAt}, scanTime{&u.UpdatedAt}); err != nil {
		return nil, err
	}
	u.Roles = parseRoles(roles)
	u.OrgKind = jixiao.OrgKind(kind)
	var err error
	u.OrgPath, err = jixiao.ParseOrgPath(path)
	return u, err
}

func parseRoles(s string) []jixiao.Role {
	var out []jixiao.Role
	for _, r := range strings.Split(s, ",") {
		if r != "" {
			out = append(out, jixiao.Role(r))
		}
	}
	return out
}

func formatRoles(rs []jixiao.Role) string {
	s := make([]string, len(rs))
	for i, r := range rs {
		s[i] = string(r)
	}
	return strings.Join(s, ",")
}

func (tx *Tx) userByID(id int64) (*jixiao.User, error) {
	u, err := scanUser(tx.queryRow(`SELECT `+userColumns+userFrom+` WHERE u.id = ?`, id))
	return u, notFound(err, "用户 %d 不存在", id)
}

// canSeeUser: administrators see every account, others only their own
// and those of their organisation.
func canSeeUser(me, u *jixiao.User) bool {
	return jixiao.CanManageUsers(me) || (me != nil && !me.Disabled && me.ID != 0 && (me.ID == u.ID || me.OrgID == u.OrgID))
}

// FindUserByID returns one user.
func (s *UserService) FindUserByID(ctx context.Context, id int64) (*jixiao.User, error) {
	var u *jixiao.User
	err := s.db.read(ctx, func(tx *Tx) (err error) {
		if u, err = tx.userByID(id); err != nil {
			return err
		}
		if !canSeeUser(tx.user, u) {
			return refuse(jixiao.ENotFound, "查看用户", fmt.Sprintf("user/%d", id), "用户 %d 不存在", id)
		}
		return nil
	})
	return u, err
}

// FindUserByLogin returns the user with the given login.
func (s *UserService) FindUserByLogin(ctx context.Context, login string) (*jixiao.User, error) {
	var u *jixiao.User
	err := s.db.read(ctx, func(tx *Tx) (err error) {
		u, err = scanUser(tx.queryRow(`SELECT `+userColumns+userFrom+` WHERE u.login = ?`, login))
		if err != nil {
			return notFound(err, "用户 %s 不存在", login)
		}
		if !canSeeUser(tx.user, u) {
			return refuse(jixiao.ENotFound, "查看用户", fmt.Sprintf("user/%d", u.ID), "用户 %s 不存在", login)
		}
		return nil
	})
	return u, err
}

// FindUsers returns the users matching the filter that the caller may see.
func (s *UserService) FindUsers(ctx context.Context, f jixiao.UserFilter) ([]*jixiao.User, int, error) {
	var out []*jixiao.User
	var n int
	err := s.db.read(ctx, func(tx *Tx) error {
		me, err := tx.actor()
		if err != nil {
			return err
		}
		where, args := []string{"1 = 1"}, []any{}
		if !jixiao.CanManageUsers(me) {
			where, args = append(where, "u.org_id = ?"), append(args, me.OrgID)
		}
		if f.ID != 0 {
			where, args = append(where, "u.id = ?"), append(args, f.ID)
		}
		if f.Login != "" {
			where, args = append(where, "u.login = ?"), append(args, f.Login)
		}
		if f.OrgID != 0 {
			where, args = append(where, "u.org_id = ?"), append(args, f.OrgID)
		}
		w := strings.Join(where, " AND ")
		if err := tx.queryRow(`SELECT COUNT(*)`+userFrom+` WHERE `+w, args...).Scan(&n); err != nil {
			return err
		}
		rows, err := tx.query(`SELECT `+userColumns+userFrom+` WHERE `+w+` ORDER BY u.login`+limitClause(f.Offset, f.Limit), args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			u, err := scanUser(rows)
			if err != nil {
				return err
			}
			out = append(out, u)
		}
		return rows.Err()
	})
	return out, n, err
}

// CreateUser stores a new account.
func (s *UserService) CreateUser(ctx context.Context, u *jixiao.User, password string) error {
	if err := jixiao.ValidatePassword(password); err != nil {
		return err
	}
	// hashing takes a quarter second: not inside the write lock
	hash, err := hashPassword(password, s.db.Password)
	if err != nil {
		return err
	}
	return s.db.write(ctx, func(tx *Tx) error {
		if !jixiao.CanManageUsers(tx.user) {
			return refuse(jixiao.EForbidden, "新建用户", "user", "只有系统管理员可以管理用户")
		}
		org, err := tx.orgByID(u.OrgID)
		if err != nil {
			return err
		}
		u.OrgKind, u.OrgPath, u.OrgName = org.Kind, org.Path, org.Name
		if err := u.Validate(); err != nil {
			return err
		}
		id, err := tx.insert(`INSERT INTO users (login, name, org_id, roles, disabled, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			u.Login, u.Name, u.OrgID, formatRoles(u.Roles), u.Disabled, hash, tx.time(tx.now), tx.time(tx.now))
		if tx.db.d.isUnique(err) {
			return jixiao.Errorf(jixiao.EConflict, "登录名 %s 已被使用", u.Login)
		} else if err != nil {
			return fmt.Errorf("sqldb: create user: %w", err)
		}
		u.ID, u.CreatedAt, u.UpdatedAt = id, tx.now, tx.now
		return tx.log(&jixiao.LogEntry{Action: jixiao.LogUserCreate, Object: fmt.Sprintf("user/%d", id),
			Detail: fmt.Sprintf("%s（%s），%s，角色 %s", u.Login, u.Name, org.Name, formatRoles(u.Roles))})
	})
}

// UpdateUser changes an account; disabling it signs it out everywhere.
func (s *UserService) UpdateUser(ctx context.Context, id int64, upd jixiao.UserUpdate) (*jixiao.User, error) {
	var u *jixiao.User
	err := s.db.write(ctx, func(tx *Tx) (err error) {
		if !jixiao.CanManageUsers(tx.user) {
			return refuse(jixiao.EForbidden, "修改用户", fmt.Sprintf("user/%d", id), "只有系统管理员可以管理用户")
		}
		if u, err = tx.userByID(id); err != nil {
			return err
		}
		var detail []string
		if upd.Name != nil && *upd.Name != u.Name {
			detail, u.Name = append(detail, "姓名 "+u.Name+" → "+*upd.Name), *upd.Name
		}
		if upd.OrgID != nil && *upd.OrgID != u.OrgID {
			org, err := tx.orgByID(*upd.OrgID)
			if err != nil {
				return err
			}
			detail = append(detail, fmt.Sprintf("单位 %s → %s", u.OrgName, org.Name))
			u.OrgID, u.OrgKind, u.OrgPath, u.OrgName = org.ID, org.Kind, org.Path, org.Name
		}
		if upd.Roles != nil {
			detail, u.Roles = append(detail, "角色 "+formatRoles(u.Roles)+" → "+formatRoles(*upd.Roles)), *upd.Roles
		}
		if upd.Disabled != nil && *upd.Disabled != u.Disabled {
			u.Disabled = *upd.Disabled
			detail = append(detail, map[bool]string{true: "停用", false: "启用"}[u.Disabled])
		}
		if err := u.Validate(); err != nil {
			return err
		}
		u.UpdatedAt = tx.now
		if _, err := tx.exec(`UPDATE users SET name = ?, org_id = ?, roles = ?, disabled = ?, updated_at = ? WHERE id = ?`,
			u.Name, u.OrgID, formatRoles(u.Roles), u.Disabled, tx.time(tx.now), id); err != nil {
			return err
		}
		if u.Disabled {
			if _, err := tx.exec(`DELETE FROM sessions WHERE user_id = ?`, id); err != nil {
				return err
			}
		}
		return tx.log(&jixiao.LogEntry{Action: jixiao.LogUserUpdate, Object: fmt.Sprintf("user/%d", id), Detail: u.Login + "：" + strings.Join(detail, "；")})
	})
	return u, err
}

// SetPassword replaces a password and signs the account out everywhere.
func (s *UserService) SetPassword(ctx context.Context, id int64, password string) error {
	if err := jixiao.ValidatePassword(password); err != nil {
		return err
	}
	hash, err := hashPassword(password, s.db.Password)
	if err != nil {
		return err
	}
	return s.db.write(ctx, func(tx *Tx) error {
		if !jixiao.CanSetPassword(tx.user, id) {
			return refuse(jixiao.EForbidden, "修改密码", fmt.Sprintf("user/%d", id), "只能修改自己的密码")
		}
		u, err := tx.userByID(id)
		if err != nil {
			return err
		}
		if _, err := tx.exec(`UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?`, hash, tx.time(tx.now), id); err != nil {
			return err
		}
		if _, err := tx.exec(`DELETE FROM sessions WHERE user_id = ?`, id); err != nil {
			return err
		}
		return tx.log(&jixiao.LogEntry{Action: jixiao.LogPasswordSet, Object: fmt.Sprintf("user/%d", id), Detail: u.Login})
	})
}

// Authenticate checks a password. The hash is compared outside any
// transaction, and the attempt is logged either way.
func (s *UserService) Authenticate(ctx context.Context, login, password string) (*jixiao.User, error) {
	var u *jixiao.User
	var hash string
	err := s.db.run(ctx, s.db.rdb, true, func(tx *Tx) error {
		row := tx.queryRow(`SELECT `+userColumns+`, u.password_hash`+userFrom+` WHERE u.login = ?`, login)
		var err error
		u, err = scanUser(scanTail{row, &hash})
		return err
	})
	if err != nil && jixiao.ErrorCode(notFound(err, "")) != jixiao.ENotFound {
		return nil, err
	}
	if u == nil {
		checkPassword(password, s.db.dummyHash())
	}
	ok := u != nil && checkPassword(password, hash) && !u.Disabled
	e := &jixiao.LogEntry{Action: jixiao.LogLogin, Object: "user/" + login, Detail: login, Address: addressFromContext(ctx)}
	if ok {
		e.UserID, e.UserName, e.Object = u.ID, u.Name, fmt.Sprintf("user/%d", u.ID)
	} else {
		e.Action = jixiao.LogLoginFailed
		if u != nil && u.Disabled {
			e.Detail += "（账户已停用）"
		}
	}
	if err := s.db.write(ctx, func(tx *Tx) error { return tx.log(e) }); err != nil {
		return nil, err
	}
	if !ok {
		return nil, jixiao.Errorf(jixiao.EUnauthorized, "登录名或密码不正确")
	}
	return u, nil
}

// scanTail scans a row whose last columns follow the ones sc's caller
// knows about.
type scanTail struct {
	row  interface{ Scan(...any) error }
	tail *string
}

func (s scanTail) Scan(dest ...any) error { return s.row.Scan(append(dest, s.tail)...) }

type addressKey struct{}

// NewContextWithAddress returns a context carrying the client's address,
// which the audit log records with logins and refusals.
func NewContextWithAddress(ctx context.Context, addr string) context.Context {
	return context.WithValue(ctx, addressKey{}, addr)
}

func addressFromContext(ctx context.Context) string {
	s, _ := ctx.Value(addressKey{}).(string)
	return s
}
