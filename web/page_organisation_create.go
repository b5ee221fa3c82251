package web

import (
	"net/http"
	"strconv"
	"strings"
)

// pageOrganisationCreate answers POST /admin/organisations: a system
// administrator adds a node to the tree, through the API's
// createOrganisation.
func (s *Server) pageOrganisationCreate(w http.ResponseWriter, r *http.Request) error {
	f, err := postedForm(r)
	if err != nil {
		return err
	}
	req := newOrganisation{Code: strings.TrimSpace(f.Get("code")), Name: strings.TrimSpace(f.Get("name")), Kind: f.Get("kind")}
	req.ParentID, _ = strconv.ParseInt(f.Get("parent_id"), 10, 64)
	o, err := s.createOrganisation(r.Context(), req)
	if err != nil {
		return formRefused(err, func(msg string, status int) error { return s.renderAdmin(w, r, status, msg, "new-org", f) })
	}
	http.Redirect(w, r, "/admin?msg=org_created#org-"+strconv.FormatInt(o.ID, 10), http.StatusSeeOther)
	return nil
}
