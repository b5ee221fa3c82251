package main

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/gen"
	"jixiao/web"
)

// password is every bench user's password.
const password = "bench-password-2024"

// world is what the seed stored: who signs in, and a unit to open the
// years of.
type world struct {
	admin, dept string // logins of the finance admin and of the first department's reviewer
	deptID      int64
	unitID      int64 // the first unit
	evaluations int
	reviewed    int
}

// seed stores a bureau, depts departments with a reviewer each, the
// panel's units with one editor-approver each, a task per year, and every
// panel case as a submitted evaluation; every reviewEvery-th is re-scored
// by its department (first indicator one point down) and approved.
func seed(ctx context.Context, svc web.Services, cases []gen.PanelCase, units, years, first, depts, reviewEvery, jobs int) (*world, error) {
	console := jixiao.NewContextWithUser(ctx, jixiao.ConsoleUser())
	fin := &jixiao.Organisation{Code: "F", Name: "压测财政局", Kind: jixiao.OrgFinance}
	if err := svc.Organisations.CreateOrganisation(console, fin); err != nil {
		return nil, err
	}
	admin, err := addUser(console, svc, "bench-admin", "压测财政管理员", fin.ID, jixiao.RoleFinanceAdmin)
	if err != nil {
		return nil, err
	}
	w := &world{admin: admin.Login}
	deptOrgs := make([]*jixiao.Organisation, depts)
	reviewers := make([]*jixiao.User, depts)
	for i := range depts {
		d := &jixiao.Organisation{Code: fmt.Sprintf("D%02d", i), Name: fmt.Sprintf("压测主管部门%02d", i), Kind: jixiao.OrgDepartment, ParentID: fin.ID}
		if err := svc.Organisations.CreateOrganisation(console, d); err != nil {
			return nil, err
		}
		deptOrgs[i] = d
		if reviewers[i], err = addUser(console, svc, fmt.Sprintf("bench-dept%02d", i), fmt.Sprintf("审核员%02d", i), d.ID, jixiao.RoleDeptReviewer); err != nil {
			return nil, err
		}
	}
	w.dept, w.deptID = reviewers[0].Login, deptOrgs[0].ID
	// the panel orders cases by year, then unit: unit u's cases are u, u+units, …
	unitIDs := make([]int64, units)
	members := make([]*jixiao.User, units)
	for u := range units {
		ev := cases[u].Case.Eval
		o := &jixiao.Organisation{Code: fmt.Sprintf("U%05d", u), Name: ev.Unit, Kind: jixiao.OrgUnit, ParentID: deptOrgs[u%depts].ID}
		if err := svc.Organisations.CreateOrganisation(console, o); err != nil {
			return nil, fmt.Errorf("unit %d: %w", u, err)
		}
		unitIDs[u] = o.ID
		if members[u], err = addUser(console, svc, fmt.Sprintf("bench-u%05d", u), fmt.Sprintf("填报员%05d", u), o.ID, jixiao.RoleUnitEditor, jixiao.RoleUnitApprover); err != nil {
			return nil, err
		}
	}
	w.unitID = unitIDs[0]
	actx := jixiao.NewContextWithUser(ctx, admin)
	for y := range years {
		t := &jixiao.Task{OrgID: fin.ID, Name: fmt.Sprintf("%d 年度自评（压测）", first+y), Year: first + y,
			Kinds: []jixiao.Kind{jixiao.KindDepartment, jixiao.KindProject}, UnitIDs: unitIDs,
			Deadline: time.Date(first+y+1, 4, 30, 0, 0, 0, 0, time.UTC), RuleSet: cases[0].Case.Rules.Name}
		if err := svc.Tasks.CreateTask(actx, t); err != nil {
			return nil, err
		}
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	errs := make(chan error, units)
	sem := make(chan struct{}, jobs)
	for u := range units {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			uctx := jixiao.NewContextWithUser(ctx, members[u])
			rctx := jixiao.NewContextWithUser(ctx, reviewers[u%depts])
			for y := range years {
				i := y*units + u
				reviewed, err := storeCase(uctx, rctx, svc, cases[i].Case, unitIDs[u], u, i%reviewEvery == 0)
				if err != nil {
					errs <- fmt.Errorf("case %s: %w", cases[i].Case.Name, err)
					return
				}
				mu.Lock()
				w.evaluations++
				if reviewed {
					w.reviewed++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		return nil, err
	}
	return w, nil
}

func addUser(ctx context.Context, svc web.Services, login, name string, org int64, roles ...jixiao.Role) (*jixiao.User, error) {
	u := &jixiao.User{Login: login, Name: name, OrgID: org, Roles: roles}
	if err := svc.Users.CreateUser(ctx, u, password); err != nil {
		return nil, fmt.Errorf("user %s: %w", login, err)
	}
	return svc.Users.FindUserByID(ctx, u.ID)
}

// storeCase creates and submits one case; with review, the department
// re-scores its first indicator and approves it.
func storeCase(uctx, rctx context.Context, svc web.Services, c *gen.Case, unitID int64, u int, review bool) (bool, error) {
	ev := c.Eval
	rec := &jixiao.EvaluationRecord{UnitID: unitID, Year: ev.Year, Kind: ev.Kind, RuleSet: c.Rules.Name, Content: ev}
	if ev.Kind == jixiao.KindProject {
		// one project per unit, the same code every year, so that its
		// years make one history
		ev.ProjectCode = fmt.Sprintf("43%05d%014d", u, 0)
		rec.ProjectCode = ev.ProjectCode
	}
	if err := svc.Evaluations.CreateEvaluation(uctx, rec); err != nil {
		return false, err
	}
	got, err := svc.Evaluations.TransitionEvaluation(uctx, rec.ID, jixiao.TransitionRequest{Action: jixiao.ActionSubmit, Version: rec.Version})
	if err != nil || !review {
		return false, err
	}
	full, err := svc.Evaluations.FindEvaluationByID(rctx, got.ID)
	if err != nil || len(full.Score.Rows) == 0 {
		return false, err
	}
	row := full.Score.Rows[0]
	score := decimal.Max(row.Score.Sub(decimal.NewFromInt(1)), decimal.Zero)
	if err := svc.Reviews.SaveReviewScore(rctx, &jixiao.ReviewScore{EvaluationID: rec.ID, Path: "indicators[0]", Score: score, Reason: "佐证材料不足"}); err != nil {
		return false, err
	}
	_, err = svc.Evaluations.TransitionEvaluation(rctx, rec.ID, jixiao.TransitionRequest{Action: jixiao.ActionDeptApprove, Version: full.Version})
	return err == nil, err
}

// seededWorld finds what an earlier seed stored, by the codes and logins
// seed gives.
func seededWorld(ctx context.Context, svc web.Services) (*world, error) {
	console := jixiao.NewContextWithUser(ctx, jixiao.ConsoleUser())
	w := &world{admin: "bench-admin", dept: "bench-dept00"}
	for code, id := range map[string]*int64{"D00": &w.deptID, "U00000": &w.unitID} {
		orgs, _, err := svc.Organisations.FindOrganisations(console, jixiao.OrganisationFilter{Code: code})
		if err != nil || len(orgs) == 0 {
			return nil, fmt.Errorf("no organisation %s in the database: seed it first (%v)", code, err)
		}
		*id = orgs[0].ID
	}
	return w, nil
}
