package web

import (
	"net/http"

	"jixiao"
)

// tokenList answers GET /api/tokens with the caller's personal API
// tokens, without their secrets.
func (s *Server) tokenList(w http.ResponseWriter, r *http.Request) error {
	ts, err := s.cfg.Tokens.FindTokens(r.Context(), jixiao.UserIDFromContext(r.Context()))
	if err != nil {
		return err
	}
	out := list[tokenView]{Items: []tokenView{}, Total: len(ts)}
	for _, t := range ts {
		out.Items = append(out.Items, newTokenView(t))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
