package web

import (
	"context"
	"net/http"

	"jixiao"
)

// newOrganisation is what a new node of the tree takes, from the API's
// JSON or the admin page's form.
type newOrganisation struct {
	Code     string `json:"code"`
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	ParentID int64  `json:"parent_id"`
}

// organisationCreate answers POST /api/organisations (system
// administrators): a new node of the tree.
func (s *Server) organisationCreate(w http.ResponseWriter, r *http.Request) error {
	var req newOrganisation
	if err := decodeJSON(r, &req); err != nil {
		return err
	}
	o, err := s.createOrganisation(r.Context(), req)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, newOrgView(o))
	return nil
}

// createOrganisation checks and stores a new organisation; the store
// decides whether the caller may and whether it fits under its parent.
func (s *Server) createOrganisation(ctx context.Context, req newOrganisation) (*jixiao.Organisation, error) {
	kind, ok := jixiao.ParseOrgKind(req.Kind)
	if !ok {
		return nil, invalidField("kind", "单位类型 %q 无效：应为财政局、主管部门或预算单位", req.Kind)
	}
	o := &jixiao.Organisation{Code: req.Code, Name: req.Name, Kind: kind, ParentID: req.ParentID}
	if err := o.Validate(); err != nil {
		return nil, err
	}
	if err := s.cfg.Organisations.CreateOrganisation(ctx, o); err != nil {
		return nil, err
	}
	return o, nil
}
