package web

import "net/http"

// intakeAssignRequest is the body of POST /api/intake-items/{id}/assign.
type intakeAssignRequest struct {
	UnitID int64 `json:"unit_id"`
	Year   int   `json:"year"`
}

// intakeItemAssign answers POST /api/intake-items/{id}/assign: an
// unmatched (or failed) file given its unit and year, queued again.
func (s *Server) intakeItemAssign(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var req intakeAssignRequest
	if err := decodeJSON(r, &req); err != nil {
		return err
	}
	it, err := s.cfg.Intakes.AssignIntakeItem(r.Context(), id, req.UnitID, req.Year)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, newIntakeItemView(it))
	return nil
}
