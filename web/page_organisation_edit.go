package web

import (
	"net/http"

	"jixiao"
)

// orgEditPage is one organisation with the form that renames or moves it.
type orgEditPage struct {
	O         *jixiao.Organisation
	Parents   []*jixiao.Organisation // where it may be moved: not itself nor below it
	CanManage bool
}

// pageOrganisationEdit answers GET /admin/organisations/{id}.
func (s *Server) pageOrganisationEdit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	o, err := s.cfg.Organisations.FindOrganisationByID(r.Context(), id)
	if err != nil {
		return err
	}
	return s.renderOrganisationEdit(w, r, http.StatusOK, "", o)
}

// renderOrganisationEdit writes the organisation's page showing o and
// msg, the reason a change was refused.
func (s *Server) renderOrganisationEdit(w http.ResponseWriter, r *http.Request, status int, msg string, o *jixiao.Organisation) error {
	ctx := r.Context()
	d := orgEditPage{O: o, CanManage: jixiao.CanManageOrganisations(jixiao.UserFromContext(ctx))}
	all, _, err := s.cfg.Organisations.FindOrganisations(ctx, jixiao.OrganisationFilter{Limit: maxPage})
	if err != nil {
		return err
	}
	for _, p := range all {
		// a unit has nothing under it; nothing goes below itself
		if p.Kind != jixiao.OrgUnit && !p.Path.Contains(o.ID) {
			d.Parents = append(d.Parents, p)
		}
	}
	return s.render(w, r, status, "admin_org", pageData{Title: "单位 · " + o.Name, Flash: flash(r), Error: msg, Data: d})
}
