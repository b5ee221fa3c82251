package web

import (
	"net/http"

	"jixiao"
)

// adminPage lists the organisations and users the caller may see.
type adminPage struct {
	Orgs  []*jixiao.Organisation
	Users []*jixiao.User
}

// pageAdminShow answers GET /admin: 单位与用户. Changes go through the API
// and the admin CLI for now.
func (s *Server) pageAdminShow(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	var d adminPage
	var err error
	if d.Orgs, _, err = s.cfg.Organisations.FindOrganisations(ctx, jixiao.OrganisationFilter{Limit: maxPage}); err != nil {
		return err
	}
	if d.Users, _, err = s.cfg.Users.FindUsers(ctx, jixiao.UserFilter{Limit: maxPage}); err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "admin", pageData{Title: "单位与用户", Data: d})
}
