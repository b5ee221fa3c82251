package sqldb

import (
	"context"
	"fmt"
	"strings"

	"jixiao"
)

// OrganisationService implements jixiao.OrganisationService.
type OrganisationService struct{ db *DB }

var _ jixiao.OrganisationService = (*OrganisationService)(nil)

// NewOrganisationService returns the organisation tree of db.
func NewOrganisationService(db *DB) *OrganisationService { return &OrganisationService{db} }

const orgColumns = `id, code, name, kind, COALESCE(parent_id, 0), path, created_at, updated_at`

func scanOrg(sc interface{ Scan(...any) error }) (*jixiao.Organisation, error) {
	o := &jixiao.Organisation{}
	var kind, path string
	if err := sc.Scan(&o.ID, &o.Code, &o.Name, &kind, &o.ParentID, &path, scanTime{&o.CreatedAt}, scanTime{&o.UpdatedAt}); err != nil {
		return nil, err
	}
	o.Kind = jixiao.OrgKind(kind)
	var err error
	o.Path, err = jixiao.ParseOrgPath(path)
	return o, err
}

func (tx *Tx) findOrg(where string, args ...any) (*jixiao.Organisation, error) {
	return scanOrg(tx.queryRow(`SELECT `+orgColumns+` FROM organisations WHERE `+where, args...))
}

func (tx *Tx) orgByID(id int64) (*jixiao.Organisation, error) {
	o, err := tx.findOrg(`id = ?`, id)
	return o, notFound(err, "单位 %d 不存在", id)
}

// FindOrganisationByID returns one organisation; anyone signed in may read
// the tree.
func (s *OrganisationService) FindOrganisationByID(ctx context.Context, id int64) (*jixiao.Organisation, error) {
	var o *jixiao.Organisation
	err := s.db.read(ctx, func(tx *Tx) (err error) {
		if _, err := tx.actor(); err != nil {
			return err
		}
		o, err = tx.orgByID(id)
		return err
	})
	return o, err
}

// FindOrganisationByCode returns the organisation with the given code.
func (s *OrganisationService) FindOrganisationByCode(ctx context.Context, code string) (*jixiao.Organisation, error) {
	var o *jixiao.Organisation
	err := s.db.read(ctx, func(tx *Tx) (err error) {
		if _, err := tx.actor(); err != nil {
			return err
		}
		o, err = tx.findOrg(`code = ?`, code)
		return notFound(err, "单位编码 %s 不存在", code)
	})
	return o, err
}

// FindOrganisations returns organisations in tree order (by path).
func (s *OrganisationService) FindOrganisations(ctx context.Context, f jixiao.OrganisationFilter) ([]*jixiao.Organisation, int, error) {
	var out []*jixiao.Organisation
	var n int
	err := s.db.read(ctx, func(tx *Tx) error {
		if _, err := tx.actor(); err != nil {
			return err
		}
		where, args := []string{"1 = 1"}, []any{}
		if f.ID != 0 {
			where, args = append(where, "id = ?"), append(args, f.ID)
		}
		if f.Code != "" {
			where, args = append(where, "code = ?"), append(args, f.Code)
		}
		if f.Kind != "" {
			where, args = append(where, "kind = ?"), append(args, string(f.Kind))
		}
		if f.Parent != 0 {
			where, args = append(where, "parent_id = ?"), append(args, f.Parent)
		}
		if f.Under != 0 {
			o, err := tx.orgByID(f.Under)
			if err != nil {
				return err
			}
			where, args = append(where, "path LIKE ?"), append(args, o.Path.String()+"%")
		}
		w := strings.Join(where, " AND ")
		if err := tx.queryRow(`SELECT COUNT(*) FROM organisations WHERE `+w, args...).Scan(&n); err != nil {
			return err
		}
		rows, err := tx.query(`SELECT `+orgColumns+` FROM organisations WHERE `+w+` ORDER BY path`+limitClause(f.Offset, f.Limit), args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			o, err := scanOrg(rows)
			if err != nil {
				return err
			}
			out = append(out, o)
		}
		return rows.Err()
	})
	return out, n, err
}

// CreateOrganisation stores o under its parent.
func (s *OrganisationService) CreateOrganisation(ctx context.Context, o *jixiao.Organisation) error {
	return s.db.write(ctx, func(tx *Tx) error {
		if !jixiao.CanManageOrganisations(tx.user) {
			return refuse(jixiao.EForbidden, "新建单位", "org", "只有系统管理员可以维护单位")
		}
		return tx.createOrg(o)
	})
}

func (tx *Tx) createOrg(o *jixiao.Organisation) error {
	if err := o.Validate(); err != nil {
		return err
	}
	var parent *jixiao.Organisation
	if o.ParentID != 0 {
		var err error
		if parent, err = tx.orgByID(o.ParentID); err != nil {
			return err
		}
	}
	if err := o.ValidateParent(parent); err != nil {
		return err
	}
	var parentID any
	if parent != nil {
		parentID = parent.ID
	}
	id, err := tx.insert(`INSERT INTO organisations (code, name, kind, parent_id, path, created_at, updated_at) VALUES (?, ?, ?, ?, '', ?, ?)`,
		o.Code, o.Name, string(o.Kind), parentID, tx.time(tx.now), tx.time(tx.now))
	if tx.db.d.isUnique(err) {
		return jixiao.Errorf(jixiao.EConflict, "单位编码 %s 已存在", o.Code)
	} else if err != nil {
		return fmt.Errorf("sqldb: create organisation: %w", err)
	}
	o.ID, o.CreatedAt, o.UpdatedAt = id, tx.now, tx.now
	o.Path = jixiao.OrgPath{id}
	if parent != nil {
		o.Path = append(append(jixiao.OrgPath{}, parent.Path...), id)
	}
	if _, err := tx.exec(`UPDATE organisations SET path = ? WHERE id = ?`, o.Path.String(), id); err != nil {
		return err
	}
	return tx.log(&jixiao.LogEntry{Action: jixiao.LogOrgCreate, Object: fmt.Sprintf("org/%d", id),
		Detail: fmt.Sprintf("%s %s（%s），上级 %d", o.Code, o.Name, o.Kind.Label(), o.ParentID)})
}

// UpdateOrganisation renames or moves an organisation; moving one moves
// its subtree.
func (s *OrganisationService) UpdateOrganisation(ctx context.Context, id int64, upd jixiao.OrganisationUpdate) (*jixiao.Organisation, error) {
	var o *jixiao.Organisation
	err := s.db.write(ctx, func(tx *Tx) (err error) {
		if !jixiao.CanManageOrganisations(tx.user) {
			return refuse(jixiao.EForbidden, "修改单位", fmt.Sprintf("org/%d", id), "只有系统管理员可以维护单位")
		}
		o, err = tx.updateOrg(id, upd)
		return err
	})
	return o, err
}

func (tx *Tx) updateOrg(id int64, upd jixiao.OrganisationUpdate) (*jixiao.Organisation, error) {
	o, err := tx.orgByID(id)
	if err != nil {
		return nil, err
	}
	var detail []string
	if upd.Name != nil && *upd.Name != o.Name {
		detail = append(detail, fmt.Sprintf("名称 %s → %s", o.Name, *upd.Name))
		o.Name = *upd.Name
	}
	oldPath := o.Path.String()
	if upd.ParentID != nil && *upd.ParentID != o.ParentID {
		var parent *jixiao.Organisation
		if *upd.ParentID != 0 {
			if parent, err = tx.orgByID(*upd.ParentID); err != nil {
				return nil, err
			}
			if parent.Path.Contains(o.ID) {
				return nil, jixiao.Errorf(jixiao.EInvalid, "不能把单位移到它自己的下级之下")
			}
		}
		if err := o.ValidateParent(parent); err != nil {
			return nil, err
		}
		detail = append(detail, fmt.Sprintf("上级 %d → %d", o.ParentID, *upd.ParentID))
		o.ParentID = *upd.ParentID
		o.Path = jixiao.OrgPath{o.ID}
		if parent != nil {
			o.Path = append(append(jixiao.OrgPath{}, parent.Path...), o.ID)
		}
	}
	if err := o.Validate(); err != nil {
		return nil, err
	}
	if len(detail) == 0 {
		return o, nil
	}
	var parentID any
	if o.ParentID != 0 {
		parentID = o.ParentID
	}
	o.UpdatedAt = tx.now
	if _, err := tx.exec(`UPDATE organisations SET name = ?, parent_id = ?, path = ?, updated_at = ? WHERE id = ?`, o.Name, parentID, o.Path.String(), tx.time(tx.now), o.ID); err != nil {
		return nil, err
	}
	if newPath := o.Path.String(); newPath != oldPath {
		// the subtree's paths share the old prefix; replace it
		if _, err := tx.exec(`UPDATE organisations SET path = CAST(? AS TEXT) || SUBSTR(path, CAST(? AS INTEGER)) WHERE path LIKE ? AND id <> ?`, newPath, len(oldPath)+1, oldPath+"%", o.ID); err != nil {
			return nil, err
		}
	}
	return o, tx.log(&jixiao.LogEntry{Action: jixiao.LogOrgUpdate, Object: fmt.Sprintf("org/%d", o.ID), Detail: strings.Join(detail, "；")})
}

// ImportOrganisations creates or renames organisations by code, in one
// transaction: a bad row leaves the tree as it was.
func (s *OrganisationService) ImportOrganisations(ctx context.Context, rows []jixiao.OrganisationImport) (created, updated int, err error) {
	err = s.db.write(ctx, func(tx *Tx) error {
		created, updated = 0, 0
		if !jixiao.CanManageOrganisations(tx.user) {
			return refuse(jixiao.EForbidden, "导入单位", "org", "只有系统管理员可以维护单位")
		}
		for _, r := range rows {
			c, u, err := tx.importOrg(r)
			if err != nil {
				if r.Line > 0 {
					return fmt.Errorf("第 %d 行：%w", r.Line, err)
				}
				return err
			}
			created, updated = created+c, updated+u
		}
		return nil
	})
	return created, updated, err
}

func (tx *Tx) importOrg(r jixiao.OrganisationImport) (created, updated int, err error) {
	var parentID int64
	if r.ParentCode != "" {
		p, err := tx.findOrg(`code = ?`, r.ParentCode)
		if err != nil {
			return 0, 0, notFound(err, "上级单位编码 %s 不存在（上级须在下级之前列出）", r.ParentCode)
		}
		parentID = p.ID
	}
	existing, err := tx.findOrg(`code = ?`, r.Code)
	if err != nil {
		if jixiao.ErrorCode(notFound(err, "")) != jixiao.ENotFound {
			return 0, 0, err
		}
		o := &jixiao.Organisation{Code: r.Code, Name: r.Name, Kind: r.Kind, ParentID: parentID}
		return 1, 0, tx.createOrg(o)
	}
	if existing.Kind != r.Kind {
		return 0, 0, jixiao.Errorf(jixiao.EInvalid, "单位 %s 已是%s，不能改为%s", r.Code, existing.Kind.Label(), r.Kind.Label())
	}
	if existing.Name == r.Name && existing.ParentID == parentID {
		return 0, 0, nil
	}
	if _, err := tx.updateOrg(existing.ID, jixiao.OrganisationUpdate{Name: &r.Name, ParentID: &parentID}); err != nil {
		return 0, 0, err
	}
	return 0, 1, nil
}
