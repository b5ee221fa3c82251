package web

import (
	"net/http"

	"jixiao"
)

// organisationUpdate answers PATCH /api/organisations/{id} (system
// administrators): a new name or parent. The code never changes.
func (s *Server) organisationUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var req struct {
		Name     *string `json:"name"`
		ParentID *int64  `json:"parent_id"`
	}
	if err := decodeJSON(r, &req); err != nil {
		return err
	}
	o, err := s.cfg.Organisations.UpdateOrganisation(r.Context(), id, jixiao.OrganisationUpdate{Name: req.Name, ParentID: req.ParentID})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, newOrgView(o))
	return nil
}
