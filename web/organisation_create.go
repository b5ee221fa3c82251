package web

import (
	"net/http"

	"jixiao"
)

// organisationCreate answers POST /api/organisations (system
// administrators): a new node of the tree.
func (s *Server) organisationCreate(w http.ResponseWriter, r *http.Request) error {
	var req struct {
		Code     string `json:"code"`
		Name     string `json:"name"`
		Kind     string `json:"kind"`
		ParentID int64  `json:"parent_id"`
	}
	if err := decodeJSON(r, &req); err != nil {
		return err
	}
	kind, ok := jixiao.ParseOrgKind(req.Kind)
	if !ok {
		return invalidField("kind", "单位类型 %q 无效：应为财政局、主管部门或预算单位", req.Kind)
	}
	o := &jixiao.Organisation{Code: req.Code, Name: req.Name, Kind: kind, ParentID: req.ParentID}
	if err := o.Validate(); err != nil {
		return err
	}
	if err := s.cfg.Organisations.CreateOrganisation(r.Context(), o); err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, newOrgView(o))
	return nil
}
