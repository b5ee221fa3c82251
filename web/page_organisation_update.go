package web

import (
	"net/http"
	"strconv"
	"strings"

	"jixiao"
)

// pageOrganisationUpdate answers POST /admin/organisations/{id}: a system
// administrator renames an organisation or moves it under another, with
// the store's UpdateOrganisation as the API's PATCH does. The code, the
// key of imports, never changes.
func (s *Server) pageOrganisationUpdate(w http.ResponseWriter, r *http.Request) error {
	id, f, err := postedFormFor(r)
	if err != nil {
		return err
	}
	var upd jixiao.OrganisationUpdate
	if _, ok := f["name"]; ok {
		name := strings.TrimSpace(f.Get("name"))
		upd.Name = &name
	}
	if v := f.Get("parent_id"); v != "" {
		parent, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return jixiao.Errorf(jixiao.EInvalid, "上级单位编号 %s 无效", v)
		}
		upd.ParentID = &parent
	}
	o, err := s.cfg.Organisations.UpdateOrganisation(r.Context(), id, upd)
	if err != nil {
		return formRefused(err, func(msg string, status int) error {
			shown, ferr := s.cfg.Organisations.FindOrganisationByID(r.Context(), id)
			if ferr != nil {
				return ferr
			}
			c := *shown
			if upd.Name != nil {
				c.Name = *upd.Name
			}
			if upd.ParentID != nil {
				c.ParentID = *upd.ParentID
			}
			return s.renderOrganisationEdit(w, r, status, msg, &c)
		})
	}
	http.Redirect(w, r, "/admin?msg=org_saved#org-"+strconv.FormatInt(o.ID, 10), http.StatusSeeOther)
	return nil
}
