package dashboard

import (
	"slices"
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

// FilingCounts are the counts a filing is made of, which the database
// can count in SQL (Store's FilingCounts).
type FilingCounts struct {
	Obligations int // unit × kind asked
	Started     int // with at least one evaluation
	Delivered   int // every evaluation started is submitted
	Late        int // delivered, one submitted after the deadline
	Statuses    map[jixiao.Status]int
}

// TaskFiling counts where the obligations of t stand at now.
func TaskFiling(t *jixiao.Task, obs []*jixiao.Obligation, now time.Time) Filing {
	c := FilingCounts{Obligations: len(obs), Statuses: map[jixiao.Status]int{}}
	for _, o := range obs {
		if !o.Missing() {
			c.Started++
		}
		if o.Delivered() {
			c.Delivered++
			if slices.ContainsFunc(o.Evaluations, func(e jixiao.ObligationItem) bool { return e.SubmittedAt.After(o.Deadline) }) {
				c.Late++
			}
		}
		for _, e := range o.Evaluations {
			c.Statuses[e.Status]++
		}
	}
	return c.Filing(t, now)
}

// Filing is where the obligations of t stand at now, from the counts.
func (c FilingCounts) Filing(t *jixiao.Task, now time.Time) Filing {
	f := Filing{TaskID: t.ID, Task: t.Name, Year: t.Year, Deadline: t.Deadline, Obligations: c.Obligations,
		Missing: c.Obligations - c.Started, Started: c.Started - c.Delivered, Delivered: c.Delivered, Late: c.Late}
	if now.After(t.Deadline) {
		f.Overdue = c.Obligations - c.Delivered
	}
	evals := 0
	for _, n := range c.Statuses {
		evals += n
	}
	f.Delivery = share(f.Delivered, f.Obligations)
	for _, s := range statusOrder {
		f.Statuses = append(f.Statuses, Band{Label: s.Label(), Count: c.Statuses[s], Share: share(c.Statuses[s], evals)})
	}
	return f
}
