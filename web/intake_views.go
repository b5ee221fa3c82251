package web

import (
	"time"

	"jixiao"
)

// intakeView is an intake with its progress, as the API shows it.
type intakeView struct {
	ID          int64     `json:"id"`
	OrgID       int64     `json:"org_id"`
	Name        string    `json:"name"`
	Year        int       `json:"year,omitempty"`
	CreatedBy   int64     `json:"created_by"`
	CreatedName string    `json:"created_name"`
	CreatedAt   time.Time `json:"created_at"`
	Total       int       `json:"total"`
	Done        int       `json:"done"`
	Queued      int       `json:"queued"`
	Imported    int       `json:"imported"`
	Duplicates  int       `json:"duplicates"`
	Unmatched   int       `json:"unmatched"`
	Failed      int       `json:"failed"`
	Finished    bool      `json:"finished"`
}

func newIntakeView(in *jixiao.Intake) intakeView {
	return intakeView{ID: in.ID, OrgID: in.OrgID, Name: in.Name, Year: in.Year, CreatedBy: in.CreatedBy, CreatedName: in.CreatedName,
		CreatedAt: in.CreatedAt, Total: in.Total, Done: in.Done(), Queued: in.Queued, Imported: in.Imported,
		Duplicates: in.Duplicates, Unmatched: in.Unmatched, Failed: in.Failed, Finished: in.Finished()}
}

// intakeItemView is one file of an intake.
type intakeItemView struct {
	ID            int64            `json:"id"`
	IntakeID      int64            `json:"intake_id"`
	Seq           int              `json:"seq"`
	Name          string           `json:"name"`
	Hash          string           `json:"hash,omitempty"`
	Size          int64            `json:"size"`
	State         jixiao.ItemState `json:"state"`
	StateLabel    string           `json:"state_label"`
	Error         string           `json:"error,omitempty"`
	Attempts      int              `json:"attempts"`
	UnitID        int64            `json:"unit_id,omitempty"`
	UnitName      string           `json:"unit_name,omitempty"`
	Year          int              `json:"year,omitempty"`
	EvaluationIDs []int64          `json:"evaluation_ids"`
	UpdatedAt     time.Time        `json:"updated_at"`
}

func newIntakeItemView(it *jixiao.IntakeItem) intakeItemView {
	ids := it.EvaluationIDs
	if ids == nil {
		ids = []int64{}
	}
	return intakeItemView{ID: it.ID, IntakeID: it.IntakeID, Seq: it.Seq, Name: it.Name, Hash: it.Hash, Size: it.Size, State: it.State,
		StateLabel: it.State.Label(), Error: it.Error, Attempts: it.Attempts, UnitID: it.UnitID, UnitName: it.UnitName, Year: it.Year,
		EvaluationIDs: ids, UpdatedAt: it.UpdatedAt}
}
