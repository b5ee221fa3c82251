package web

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"

	"jixiao/dashboard/xlsx"
)

// dashboardWorkbook answers GET /api/dashboard/workbook: the dashboard's
// tables as an .xlsx workbook, one sheet each, units in full.
func (s *Server) dashboardWorkbook(w http.ResponseWriter, r *http.Request) error {
	d, err := s.dashboardOf(r, false, 0)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, d.tables()); err != nil {
		return fmt.Errorf("web: dashboard workbook: %w", err)
	}
	name := "看板.xlsx"
	if d.Query.Year != 0 {
		name = fmt.Sprintf("看板-%d.xlsx", d.Query.Year)
	}
	h := w.Header()
	h.Set("Content-Type", renderKinds["table"]["xlsx"])
	h.Set("Content-Disposition", `attachment; filename="dashboard.xlsx"; filename*=UTF-8''`+url.PathEscape(name))
	_, err = w.Write(buf.Bytes())
	return err
}
