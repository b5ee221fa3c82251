package web

import "net/http"

// organisationShow answers GET /api/organisations/{id}.
func (s *Server) organisationShow(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	o, err := s.cfg.Organisations.FindOrganisationByID(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, newOrgView(o))
	return nil
}
