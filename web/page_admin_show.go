package web

import (
	"context"
	"net/http"
	"net/url"
	"slices"

	"jixiao"
)

// adminPage lists the organisations and users the caller may see, with
// the forms that add one for a system administrator.
type adminPage struct {
	Orgs    []*jixiao.Organisation
	Users   []*jixiao.User
	Names   map[int64]string // organisation ID → name, for the 上级 column
	Roles   []jixiao.Role
	Kinds   []jixiao.OrgKind
	CanUser bool
	CanOrg  bool
	// Form holds what a create form posted when it was refused, so that
	// the page shows it again; Open names that form.
	Form     url.Values
	Open     string
	NewRoles []roleChoice // the new-user form's role boxes
}

// pageAdminShow answers GET /admin: 单位与用户.
func (s *Server) pageAdminShow(w http.ResponseWriter, r *http.Request) error {
	return s.renderAdmin(w, r, http.StatusOK, "", "", nil)
}

// renderAdmin writes the admin page with an error and the form it is
// about, if any.
func (s *Server) renderAdmin(w http.ResponseWriter, r *http.Request, status int, msg, open string, form url.Values) error {
	ctx := r.Context()
	d, err := s.adminData(ctx)
	if err != nil {
		return err
	}
	d.Open, d.Form = open, form
	if d.Form == nil {
		d.Form = url.Values{}
	}
	d.NewRoles = roleChoices(func(x jixiao.Role) bool { return slices.Contains(d.Form["roles"], string(x)) })
	return s.render(w, r, status, "admin", pageData{Title: "单位与用户", Flash: flash(r), Error: msg, Data: d})
}

func (s *Server) adminData(ctx context.Context) (adminPage, error) {
	me := jixiao.UserFromContext(ctx)
	d := adminPage{Names: map[int64]string{}, Roles: jixiao.Roles, Kinds: []jixiao.OrgKind{jixiao.OrgFinance, jixiao.OrgDepartment, jixiao.OrgUnit},
		CanUser: jixiao.CanManageUsers(me), CanOrg: jixiao.CanManageOrganisations(me)}
	var err error
	if d.Orgs, _, err = s.cfg.Organisations.FindOrganisations(ctx, jixiao.OrganisationFilter{Limit: maxPage}); err != nil {
		return d, err
	}
	for _, o := range d.Orgs {
		d.Names[o.ID] = o.Name
	}
	if d.Users, _, err = s.cfg.Users.FindUsers(ctx, jixiao.UserFilter{Limit: maxPage}); err != nil {
		return d, err
	}
	return d, nil
}

// formRefused answers a refused admin form by showing its page again with
// the reason (rerender), or returns err when it is not the user's to fix.
func formRefused(err error, rerender func(msg string, status int) error) error {
	var de *jixiao.Error
	code := jixiao.ErrorCode(err)
	if code == jixiao.EInternal || code == jixiao.EUnauthorized || !errorsAs(err, &de) {
		return err
	}
	return rerender(de.Message, errorStatus(code))
}

// postedForm reads a page form's fields.
func postedForm(r *http.Request) (url.Values, error) {
	if err := r.ParseForm(); err != nil {
		return nil, jixiao.Errorf(jixiao.EInvalid, "表单无法读取")
	}
	return r.PostForm, nil
}

// postedFormFor reads the {id} of the path and the page form's fields.
func postedFormFor(r *http.Request) (int64, url.Values, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return 0, nil, err
	}
	f, err := postedForm(r)
	return id, f, err
}
