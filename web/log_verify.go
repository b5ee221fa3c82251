package web

import (
	"errors"
	"net/http"

	"jixiao"
)

// logVerify answers GET /api/log/verify (system administrators): whether
// the hash chain of the audit log is intact, and if not, the first bad
// entry. A broken chain is a 200 answer with ok false: the check worked.
func (s *Server) logVerify(w http.ResponseWriter, r *http.Request) error {
	if !jixiao.CanViewLog(jixiao.UserFromContext(r.Context())) {
		return jixiao.Errorf(jixiao.EForbidden, "只有系统管理员可以核验审计日志")
	}
	n, err := s.cfg.Log.VerifyLog(r.Context())
	out := struct {
		OK      bool   `json:"ok"`
		Checked int64  `json:"checked"`
		Problem string `json:"problem,omitempty"`
	}{OK: err == nil, Checked: n}
	if err != nil {
		// A broken chain is a domain error naming the entry; anything
		// else (the database failing, a refusal) is answered as an error.
		var de *jixiao.Error
		if !errors.As(err, &de) || de.Code != jixiao.EInternal {
			return err
		}
		out.Problem = de.Message
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
