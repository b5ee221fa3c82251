package web

import (
	"net/http"

	"jixiao"
)

// logList answers GET /api/log (system administrators): the audit log in
// sequence order, by user, action, object or after a sequence number.
func (s *Server) logList(w http.ResponseWriter, r *http.Request) error {
	var f jixiao.LogFilter
	var err error
	if f.Offset, f.Limit, err = page(r); err != nil {
		return err
	}
	if f.UserID, err = queryID(r, "user"); err != nil {
		return err
	}
	if f.AfterSeq, err = queryID(r, "after"); err != nil {
		return err
	}
	f.Action, f.Object = jixiao.LogAction(r.URL.Query().Get("action")), r.URL.Query().Get("object")
	entries, n, err := s.cfg.Log.FindLogEntries(r.Context(), f)
	if err != nil {
		return err
	}
	out := list[logEntryView]{Items: []logEntryView{}, Total: n}
	for _, e := range entries {
		out.Items = append(out.Items, newLogEntryView(e))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
