package web

import (
	"net/http"

	"jixiao"
)

// intakeItemList answers GET /api/intakes/{id}/items: the files of an
// intake in batch order, of one state if ?state= is given.
func (s *Server) intakeItemList(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	f := jixiao.IntakeItemFilter{State: jixiao.ItemState(r.URL.Query().Get("state"))}
	switch f.State {
	case "", jixiao.ItemQueued, jixiao.ItemImported, jixiao.ItemDuplicate, jixiao.ItemUnmatched, jixiao.ItemFailed:
	default:
		return invalidField("state", "状态 %q 无效", f.State)
	}
	if f.Offset, f.Limit, err = page(r); err != nil {
		return err
	}
	its, n, err := s.cfg.Intakes.FindIntakeItems(r.Context(), id, f)
	if err != nil {
		return err
	}
	out := list[intakeItemView]{Items: []intakeItemView{}, Total: n}
	for _, it := range its {
		out.Items = append(out.Items, newIntakeItemView(it))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
