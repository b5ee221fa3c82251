package dashboard

import (
	"time"

	"github.com/shopspring/decimal"

	"jixiao"
)

// Filing is where the obligations of one task stand.
type Filing struct {
	TaskID      int64           `json:"task_id"`
	Task        string          `json:"task"`
	Year        int             `json:"year"`
	Deadline    time.Time       `json:"deadline"`
	Obligations int             `json:"obligations"` // unit × kind asked
	Missing     int             `json:"missing"`     // nothing started
	Started     int             `json:"started"`     // started, not all submitted
	Delivered   int             `json:"delivered"`   // every evaluation started is submitted
	Overdue     int             `json:"overdue"`     // not delivered, deadline passed
	Late        int             `json:"late"`        // delivered, but a submission after the deadline
	Delivery    decimal.Decimal `json:"delivery"`    // Delivered / Obligations, 4 places
	// Statuses counts the evaluations started, by workflow status, in the
	// workflow's order.
	Statuses []Band `json:"statuses"`
}

// statusOrder is the workflow from start to end.
var statusOrder = []jixiao.Status{jixiao.StatusDraft, jixiao.StatusSubmitted, jixiao.StatusDeptReturned, jixiao.StatusDeptApproved,
	jixiao.StatusFinanceReturned, jixiao.StatusFinanceApproved, jixiao.StatusPublished}

// TaskFiling counts where the obligations of t stand at now.
func TaskFiling(t *jixiao.Task, obs []*jixiao.Obligation, now time.Time) Filing {
	f := Filing{TaskID: t.ID, Task: t.Name, Year: t.Year, Deadline: t.Deadline, Obligations: len(obs)}
	counts := map[jixiao.Status]int{}
	evals := 0
	for _, o := range obs {
		switch {
		case o.Missing():
			f.Missing++
		case o.Delivered():
			f.Delivered++
			for _, e := range o.Evaluations {
				if e.SubmittedAt.After(o.Deadline) {
					f.Late++
					break
				}
			}
		default:
			f.Started++
		}
		if o.Overdue(now) {
			f.Overdue++
		}
		for _, e := range o.Evaluations {
			counts[e.Status]++
			evals++
		}
	}
	f.Delivery = share(f.Delivered, f.Obligations)
	for _, s := range statusOrder {
		f.Statuses = append(f.Statuses, Band{Label: s.Label(), Count: counts[s], Share: share(counts[s], evals)})
	}
	return f
}
