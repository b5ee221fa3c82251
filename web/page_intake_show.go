package web

import (
	"net/http"
	"strconv"
	"strings"

	"jixiao"
)

// intakePage is one batch: its progress, the files waiting for a person
// (unmatched, failed), and every file a page at a time.
type intakePage struct {
	Intake    *jixiao.Intake
	Percent   int
	Unmatched []*jixiao.IntakeItem
	Failed    []*jixiao.IntakeItem
	Items     []*jixiao.IntakeItem
	Units     []*jixiao.Organisation // for the assign forms' list
	Offset    int
	Next      int // the next page's offset; 0 for none
}

// intakePageSize is the files shown per page.
const intakePageSize = 100

// pageIntakeShow answers GET /intakes/{id}; while the batch runs it
// reloads itself every few seconds.
func (s *Server) pageIntakeShow(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	ctx := r.Context()
	in, err := s.cfg.Intakes.FindIntakeByID(ctx, id)
	if err != nil {
		return err
	}
	d := intakePage{Intake: in}
	if in.Total > 0 {
		d.Percent = in.Done() * 100 / in.Total
	}
	if d.Offset, err = queryInt(r, "offset"); err != nil {
		return err
	}
	if d.Unmatched, _, err = s.cfg.Intakes.FindIntakeItems(ctx, id, jixiao.IntakeItemFilter{State: jixiao.ItemUnmatched, Limit: maxPage}); err != nil {
		return err
	}
	if d.Failed, _, err = s.cfg.Intakes.FindIntakeItems(ctx, id, jixiao.IntakeItemFilter{State: jixiao.ItemFailed, Limit: maxPage}); err != nil {
		return err
	}
	var n int
	if d.Items, n, err = s.cfg.Intakes.FindIntakeItems(ctx, id, jixiao.IntakeItemFilter{Offset: d.Offset, Limit: intakePageSize}); err != nil {
		return err
	}
	if d.Offset+intakePageSize < n {
		d.Next = d.Offset + intakePageSize
	}
	if len(d.Unmatched)+len(d.Failed) > 0 {
		if d.Units, _, err = s.cfg.Organisations.FindOrganisations(ctx, jixiao.OrganisationFilter{Kind: jixiao.OrgUnit, Under: in.OrgID}); err != nil {
			return err
		}
	}
	refresh := 0
	if !in.Finished() {
		refresh = 3
	}
	return s.render(w, r, http.StatusOK, "intake", pageData{Title: "收件 · " + in.Name, Flash: flash(r), Data: d, Refresh: refresh})
}

// pageIntakeAssign answers POST /intake-items/{id}/assign: the unit, by
// its code or its exact name, and the year a person chose for a file.
func (s *Server) pageIntakeAssign(w http.ResponseWriter, r *http.Request) error {
	id, err := postedID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	year, err := strconv.Atoi(strings.TrimSpace(r.PostForm.Get("year")))
	if err != nil {
		return invalidField("year", "年度应为四位数字的年份")
	}
	unit, err := s.findUnit(r, strings.TrimSpace(r.PostForm.Get("unit")))
	if err != nil {
		return err
	}
	it, err := s.cfg.Intakes.AssignIntakeItem(ctx, id, unit.ID, year)
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/intakes/"+itoa(it.IntakeID)+"?msg=intake_assigned", http.StatusSeeOther)
	return nil
}

// findUnit finds a unit by its code or, failing that, its exact name.
func (s *Server) findUnit(r *http.Request, key string) (*jixiao.Organisation, error) {
	if key == "" {
		return nil, invalidField("unit", "请填写单位编码或名称")
	}
	if o, err := s.cfg.Organisations.FindOrganisationByCode(r.Context(), key); err == nil {
		return o, nil
	} else if jixiao.ErrorCode(err) != jixiao.ENotFound {
		return nil, err
	}
	units, _, err := s.cfg.Organisations.FindOrganisations(r.Context(), jixiao.OrganisationFilter{Kind: jixiao.OrgUnit})
	if err != nil {
		return nil, err
	}
	var found *jixiao.Organisation
	for _, o := range units {
		if o.Name != key {
			continue
		}
		if found != nil {
			return nil, invalidField("unit", "名为“%s”的单位不止一个，请填单位编码", key)
		}
		found = o
	}
	if found == nil {
		return nil, invalidField("unit", "没有编码或名称为“%s”的单位", key)
	}
	return found, nil
}
