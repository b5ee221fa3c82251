package web

import (
	"net/http"

	"jixiao"
)

// organisationList answers GET /api/organisations: the tree in order,
// filtered by kind, parent or subtree.
func (s *Server) organisationList(w http.ResponseWriter, r *http.Request) error {
	var f jixiao.OrganisationFilter
	var err error
	if f.Offset, f.Limit, err = page(r); err != nil {
		return err
	}
	if f.Parent, err = queryID(r, "parent"); err != nil {
		return err
	}
	if f.Under, err = queryID(r, "under"); err != nil {
		return err
	}
	if k := r.URL.Query().Get("kind"); k != "" {
		var ok bool
		if f.Kind, ok = jixiao.ParseOrgKind(k); !ok {
			return invalidField("kind", "单位类型 %q 无效：应为财政局、主管部门或预算单位", k)
		}
	}
	f.Code = r.URL.Query().Get("code")
	orgs, n, err := s.cfg.Organisations.FindOrganisations(r.Context(), f)
	if err != nil {
		return err
	}
	out := list[orgView]{Items: []orgView{}, Total: n}
	for _, o := range orgs {
		out.Items = append(out.Items, newOrgView(o))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
