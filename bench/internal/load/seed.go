package load

import (
	"context"
	"fmt"
	"sync"
	"time"

	"jixiao"
	"jixiao/gen"
	"jixiao/web"
)

// Password is every bench user's password.
const Password = "bench-password-2024"

// Unit is what the load phases need of one unit: who signs in and
// the evaluations it owns.
type Unit struct {
	Login string
	Evals []int64
}

// Seed stores a bureau, four departments, units units with one editor
// each, the 2024 task and n generated evaluations spread over the units
// (each unit's 部门整体 table and 项目 tables), through the services.
func Seed(ctx context.Context, svc web.Services, n, units int) ([]Unit, error) {
	o := struct{ n, units int }{n, units}
	console := jixiao.NewContextWithUser(ctx, jixiao.ConsoleUser())
	fin := &jixiao.Organisation{Code: "B000", Name: "压测财政局", Kind: jixiao.OrgFinance}
	if err := svc.Organisations.CreateOrganisation(console, fin); err != nil {
		return nil, err
	}
	admin := &jixiao.User{Login: "bench-admin", Name: "压测财政管理员", OrgID: fin.ID, Roles: []jixiao.Role{jixiao.RoleFinanceAdmin}}
	if err := svc.Users.CreateUser(console, admin, Password); err != nil {
		return nil, err
	}
	var depts []*jixiao.Organisation
	for i := range 4 {
		d := &jixiao.Organisation{Code: fmt.Sprintf("B%03d", i+1), Name: fmt.Sprintf("压测主管部门%d", i+1), Kind: jixiao.OrgDepartment, ParentID: fin.ID}
		if err := svc.Organisations.CreateOrganisation(console, d); err != nil {
			return nil, err
		}
		depts = append(depts, d)
	}
	out := make([]Unit, o.units)
	editors := make([]*jixiao.User, o.units)
	var unitIDs []int64
	for i := range o.units {
		u := &jixiao.Organisation{Code: fmt.Sprintf("B%03d%04d", i%4+1, i), Name: fmt.Sprintf("压测预算单位%04d", i), Kind: jixiao.OrgUnit, ParentID: depts[i%4].ID}
		if err := svc.Organisations.CreateOrganisation(console, u); err != nil {
			return nil, err
		}
		unitIDs = append(unitIDs, u.ID)
		ed := &jixiao.User{Login: fmt.Sprintf("u%04d", i), Name: fmt.Sprintf("填报员%04d", i), OrgID: u.ID, Roles: []jixiao.Role{jixiao.RoleUnitEditor}}
		if err := svc.Users.CreateUser(console, ed, Password); err != nil {
			return nil, err
		}
		full, err := svc.Users.FindUserByID(console, ed.ID)
		if err != nil {
			return nil, err
		}
		editors[i], out[i].Login = full, ed.Login
	}
	fa, err := svc.Users.FindUserByID(console, admin.ID)
	if err != nil {
		return nil, err
	}
	task := &jixiao.Task{OrgID: fin.ID, Name: "2024 年度自评（压测）", Year: 2024, Kinds: []jixiao.Kind{jixiao.KindDepartment, jixiao.KindProject},
		UnitIDs: unitIDs, Deadline: time.Date(2025, 4, 30, 0, 0, 0, 0, time.UTC), RuleSet: "hunan"}
	if err := svc.Tasks.CreateTask(jixiao.NewContextWithUser(ctx, fa), task); err != nil {
		return nil, err
	}
	// Units are filled in parallel: PostgreSQL takes the writes side by
	// side, SQLite queues them on its one writer.
	var wg sync.WaitGroup
	errs := make(chan error, o.units)
	sem := make(chan struct{}, 8)
	for u := range o.units {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			ectx := jixiao.NewContextWithUser(ctx, editors[u])
			for j := 0; j*o.units+u < o.n; j++ {
				id, err := storeOne(ectx, svc, editors[u], task, u, j, j*o.units+u)
				if err != nil {
					errs <- fmt.Errorf("evaluation %d of unit %d: %w", j, u, err)
					return
				}
				out[u].Evals = append(out[u].Evals, id)
			}
		}()
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		return nil, err
	}
	return out, nil
}

// storeOne stores generated evaluation i as unit u's j-th: its 部门整体
// table first, then 项目 tables with codes of their own.
func storeOne(ctx context.Context, svc web.Services, editor *jixiao.User, task *jixiao.Task, u, j, i int) (int64, error) {
	kind := jixiao.KindProject
	if j == 0 {
		kind = jixiao.KindDepartment
	}
	c, err := gen.Generate(2024, i, gen.Options{Kind: kind, Rules: "hunan", ErrorRate: 0.3})
	if err != nil {
		return 0, err
	}
	ev := c.Eval
	ev.Unit, ev.Year = editor.OrgName, 2024
	rec := &jixiao.EvaluationRecord{TaskID: task.ID, UnitID: editor.OrgID, Year: 2024, Kind: kind, RuleSet: "hunan", Content: ev}
	if kind == jixiao.KindProject {
		ev.ProjectCode = fmt.Sprintf("43%04d2024%011d", u, j)
		rec.ProjectCode = ev.ProjectCode
	}
	if err := svc.Evaluations.CreateEvaluation(ctx, rec); err != nil {
		return 0, err
	}
	return rec.ID, nil
}
