package web

import (
	"net/http"

	"jixiao"
)

// intakesPage is 批量收件: the upload form and the latest batches.
type intakesPage struct {
	Intakes []*jixiao.Intake
	Year    int
	Folder  bool // the server takes in folders under its intake root
}

// pageIntakeList answers GET /intakes.
func (s *Server) pageIntakeList(w http.ResponseWriter, r *http.Request) error {
	ins, err := s.cfg.Intakes.FindIntakes(r.Context())
	if err != nil {
		return err
	}
	d := intakesPage{Intakes: ins, Year: s.now().In(chinaTime).Year() - 1, Folder: s.cfg.IntakeRoot != ""}
	refresh := 0
	for _, in := range ins {
		if !in.Finished() {
			refresh = 5
		}
	}
	return s.render(w, r, http.StatusOK, "intakes", pageData{Title: "批量收件", Flash: flash(r), Data: d, Refresh: refresh})
}

// pageIntakeCreate answers POST /intakes: the batch queued, then its
// progress page.
func (s *Server) pageIntakeCreate(w http.ResponseWriter, r *http.Request) error {
	in, err := s.createIntake(r)
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/intakes/"+itoa(in.ID)+"?msg=intake", http.StatusSeeOther)
	return nil
}
