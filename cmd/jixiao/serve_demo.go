package main

import (
	"context"
	"crypto/rand"
	_ "embed"
	"fmt"
	"io"
	"math/big"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/extract"
	"jixiao/gen"
	"jixiao/importer"
	"jixiao/present"
	"jixiao/web"
)

// demoSample is the real sample (a copy of testdata/samples; a test keeps
// the two equal), embedded so that `serve --demo` works from any folder.
//
//go:embed demo/yanfeng-sfj-2024.txt
var demoSample []byte

// demoUser is one account the demo makes, with its password.
type demoUser struct {
	login, name, password string
	org                   string // the organisation's code
	roles                 []jixiao.Role
	user                  *jixiao.User
}

// demoOrg is one organisation of the demo tree.
type demoOrg struct {
	code, name, parent string
	kind               jixiao.OrgKind
	org                *jixiao.Organisation
}

// demoPlan is one demo evaluation: whose, which kind, and the workflow
// state it is driven to.
type demoPlan struct {
	unit   string // organisation code
	kind   jixiao.Kind
	sample bool // the real sample instead of a generated table
	target jixiao.Status
}

// demoSteps are the workflow actions that lead from a draft to a status.
var demoSteps = map[jixiao.Status][]jixiao.Action{
	jixiao.StatusDraft:           nil,
	jixiao.StatusSubmitted:       {jixiao.ActionSubmit},
	jixiao.StatusDeptReturned:    {jixiao.ActionSubmit, jixiao.ActionDeptReturn},
	jixiao.StatusDeptApproved:    {jixiao.ActionSubmit, jixiao.ActionDeptApprove},
	jixiao.StatusFinanceReturned: {jixiao.ActionSubmit, jixiao.ActionDeptApprove, jixiao.ActionFinanceReturn},
	jixiao.StatusFinanceApproved: {jixiao.ActionSubmit, jixiao.ActionDeptApprove, jixiao.ActionFinanceApprove},
	jixiao.StatusPublished:       {jixiao.ActionSubmit, jixiao.ActionDeptApprove, jixiao.ActionFinanceApprove, jixiao.ActionPublish},
}

// demo is the demo data set: 雁峰区财政局, two 主管部门, four 预算单位, and
// eight evaluations of 2024, one in every workflow state and the real
// sample among them.
type demo struct {
	svc   web.Services
	orgs  []*demoOrg
	users []*demoUser
	plans []demoPlan
	now   time.Time
}

func newDemo(svc web.Services, now time.Time) *demo {
	d := &demo{svc: svc, now: now}
	d.orgs = []*demoOrg{
		{code: "430406000", name: "衡阳市雁峰区财政局", kind: jixiao.OrgFinance},
		{code: "430406101", name: "衡阳市雁峰区司法局", kind: jixiao.OrgDepartment, parent: "430406000"},
		{code: "430406102", name: "衡阳市雁峰区教育局", kind: jixiao.OrgDepartment, parent: "430406000"},
		{code: "430406101001", name: "雁峰区司法局", kind: jixiao.OrgUnit, parent: "430406101"},
		{code: "430406101002", name: "雁峰区公证处", kind: jixiao.OrgUnit, parent: "430406101"},
		{code: "430406102001", name: "雁峰区第一中学", kind: jixiao.OrgUnit, parent: "430406102"},
		{code: "430406102002", name: "雁峰区实验小学", kind: jixiao.OrgUnit, parent: "430406102"},
	}
	d.users = []*demoUser{
		{login: "admin", name: "系统管理员", org: "430406000", roles: []jixiao.Role{jixiao.RoleSystemAdmin}},
		{login: "czgl", name: "财政局 王管理", org: "430406000", roles: []jixiao.Role{jixiao.RoleFinanceAdmin}},
		{login: "czfh", name: "财政局 李复核", org: "430406000", roles: []jixiao.Role{jixiao.RoleFinanceReviewer}},
		{login: "sfj-sh", name: "司法局 赵审核", org: "430406101", roles: []jixiao.Role{jixiao.RoleDeptReviewer}},
		{login: "jyj-sh", name: "教育局 钱审核", org: "430406102", roles: []jixiao.Role{jixiao.RoleDeptReviewer}},
	}
	units := []struct{ code, short string }{
		{"430406101001", "sfj"}, {"430406101002", "gzc"}, {"430406102001", "yz"}, {"430406102002", "sx"},
	}
	for _, u := range units {
		d.users = append(d.users,
			&demoUser{login: u.short + "-tb", name: u.short + " 填报员", org: u.code, roles: []jixiao.Role{jixiao.RoleUnitEditor}},
			&demoUser{login: u.short + "-sp", name: u.short + " 审批人", org: u.code, roles: []jixiao.Role{jixiao.RoleUnitApprover}})
	}
	d.plans = []demoPlan{
		{unit: "430406101001", kind: jixiao.KindDepartment, sample: true, target: jixiao.StatusDeptReturned},
		{unit: "430406101001", kind: jixiao.KindProject, target: jixiao.StatusDraft},
		{unit: "430406101002", kind: jixiao.KindDepartment, target: jixiao.StatusSubmitted},
		{unit: "430406101002", kind: jixiao.KindProject, target: jixiao.StatusPublished},
		{unit: "430406102001", kind: jixiao.KindDepartment, target: jixiao.StatusDeptApproved},
		{unit: "430406102001", kind: jixiao.KindProject, target: jixiao.StatusFinanceReturned},
		{unit: "430406102002", kind: jixiao.KindDepartment, target: jixiao.StatusFinanceApproved},
		{unit: "430406102002", kind: jixiao.KindProject, target: jixiao.StatusPublished},
	}
	return d
}

// seed stores the demo data through the storage services, acting as the
// console for the tree and accounts and as each demo user for their work,
// so that the audit log reads like real use.
func (d *demo) seed(ctx context.Context) error {
	console := jixiao.NewContextWithUser(ctx, jixiao.ConsoleUser())
	byCode := map[string]*demoOrg{}
	for _, o := range d.orgs {
		o.org = &jixiao.Organisation{Code: o.code, Name: o.name, Kind: o.kind}
		if o.parent != "" {
			o.org.ParentID = byCode[o.parent].org.ID
		}
		if err := d.svc.Organisations.CreateOrganisation(console, o.org); err != nil {
			return fmt.Errorf("demo: organisation %s: %w", o.name, err)
		}
		byCode[o.code] = o
	}
	for _, u := range d.users {
		u.password = demoPassword()
		nu := &jixiao.User{Login: u.login, Name: u.name, OrgID: byCode[u.org].org.ID, Roles: u.roles}
		if err := d.svc.Users.CreateUser(console, nu, u.password); err != nil {
			return fmt.Errorf("demo: user %s: %w", u.login, err)
		}
		full, err := d.svc.Users.FindUserByID(console, nu.ID)
		if err != nil {
			return fmt.Errorf("demo: user %s: %w", u.login, err)
		}
		u.user = full
	}
	var unitIDs []int64
	for _, o := range d.orgs {
		if o.kind == jixiao.OrgUnit {
			unitIDs = append(unitIDs, o.org.ID)
		}
	}
	task := &jixiao.Task{OrgID: byCode["430406000"].org.ID, Name: "2024 年度预算绩效自评", Year: 2024,
		Kinds: []jixiao.Kind{jixiao.KindDepartment, jixiao.KindProject}, UnitIDs: unitIDs,
		Deadline: d.now.AddDate(0, 1, 0).Truncate(24 * time.Hour), RuleSet: "hunan"}
	if err := d.svc.Tasks.CreateTask(d.as("czgl", ctx), task); err != nil {
		return fmt.Errorf("demo: task: %w", err)
	}
	for i, p := range d.plans {
		if err := d.evaluation(ctx, i, p, byCode[p.unit], task); err != nil {
			return fmt.Errorf("demo: evaluation %d (%s %s): %w", i+1, byCode[p.unit].name, p.kind, err)
		}
	}
	return nil
}

// as returns ctx acting as the demo user with the given login.
func (d *demo) as(login string, ctx context.Context) context.Context {
	for _, u := range d.users {
		if u.login == login {
			return jixiao.NewContextWithUser(ctx, u.user)
		}
	}
	panic("demo: no user " + login) // the demo's own tables are wrong
}

// member returns the login of the unit's user holding role.
func (d *demo) member(org string, role jixiao.Role) string {
	for _, u := range d.users {
		if u.org == org && u.roles[0] == role {
			return u.login
		}
	}
	panic("demo: no " + string(role) + " in " + org)
}

func (d *demo) evaluation(ctx context.Context, i int, p demoPlan, unit *demoOrg, task *jixiao.Task) error {
	content, err := d.content(i, p, unit)
	if err != nil {
		return err
	}
	rec := &jixiao.EvaluationRecord{TaskID: task.ID, UnitID: unit.org.ID, Year: 2024, Kind: p.kind,
		ProjectCode: content.ProjectCode, RuleSet: task.RuleSet, Content: content, Provenance: content.Provenance}
	if p.kind == jixiao.KindDepartment {
		rec.ProjectCode = ""
	}
	editor := d.as(d.member(unit.code, jixiao.RoleUnitEditor), ctx)
	if p.sample {
		src := &jixiao.SourceFile{Name: "yanfeng-sfj-2024.txt", Format: "text", Content: demoSample, UploadedBy: jixiao.UserIDFromContext(editor)}
		if err := d.svc.Sources.CreateSource(editor, src); err != nil {
			return err
		}
		rec.SourceHash = src.Hash
	}
	if err := d.svc.Evaluations.CreateEvaluation(editor, rec); err != nil {
		return err
	}
	dept := d.orgs[1]
	if unit.parent == d.orgs[2].code {
		dept = d.orgs[2]
	}
	for _, a := range demoSteps[p.target] {
		var actor string
		req := jixiao.TransitionRequest{Action: a, Version: rec.Version}
		switch a {
		case jixiao.ActionSubmit:
			actor = d.member(unit.code, jixiao.RoleUnitApprover)
		case jixiao.ActionDeptApprove, jixiao.ActionDeptReturn:
			actor = d.member(dept.code, jixiao.RoleDeptReviewer)
		case jixiao.ActionFinanceApprove, jixiao.ActionFinanceReturn:
			actor = "czfh"
		case jixiao.ActionPublish:
			actor = "czgl"
		}
		if a == jixiao.ActionDeptReturn || a == jixiao.ActionFinanceReturn {
			req.Reason = "请核实预算执行率与指标完成值，按意见修改后重新提交"
			req.Comments = []*jixiao.Comment{{Path: "indicators[0]", Body: "实际完成值与年度指标值不一致却得满分，请说明或改正"}}
		}
		if a == jixiao.ActionFinanceApprove {
			if err := d.reviewScore(d.as(actor, ctx), rec); err != nil {
				return err
			}
		}
		next, err := d.svc.Evaluations.TransitionEvaluation(d.as(actor, ctx), rec.ID, req)
		if err != nil {
			return fmt.Errorf("%s: %w", a.Label(), err)
		}
		rec = next
	}
	return nil
}

// reviewScore gives the first indicator a finance review score of half
// the unit's, with its reason.
func (d *demo) reviewScore(ctx context.Context, rec *jixiao.EvaluationRecord) error {
	rec, err := d.svc.Evaluations.FindEvaluationByID(ctx, rec.ID)
	if err != nil {
		return err
	}
	if len(rec.Score.Rows) == 0 {
		return nil
	}
	row := rec.Score.Rows[0]
	half := row.Score.Div(decimal.NewFromInt(2)).Round(2)
	rs := &jixiao.ReviewScore{EvaluationID: rec.ID, Path: fmt.Sprintf("indicators[%d]", row.Index), Score: half,
		Reason: "佐证材料不足，按部分达成计分"}
	return d.svc.Reviews.SaveReviewScore(ctx, rs)
}

// content is plan i's evaluation: the sample read through the importer,
// or a generated one put in the unit's name.
func (d *demo) content(i int, p demoPlan, unit *demoOrg) (*jixiao.Evaluation, error) {
	if p.sample {
		doc, err := importer.ReadBytes(demoSample, "yanfeng-sfj-2024.txt", importer.Limits{})
		if err != nil {
			return nil, err
		}
		ev, _ := extract.Extract(doc)
		ev.Unit = unit.name
		return ev, nil
	}
	c, err := gen.Generate(2024, i, gen.Options{Kind: p.kind, Rules: "hunan", ErrorRate: 0.5})
	if err != nil {
		return nil, err
	}
	ev := c.Eval
	ev.Unit, ev.Year = unit.name, 2024
	if p.kind == jixiao.KindProject {
		ev.Department = unit.name
	}
	return ev, nil
}

// print writes the demo accounts for the person who started the demo.
func (d *demo) print(w io.Writer, url string) {
	fmt.Fprintf(w, "\n演示数据已生成：%s、2 个主管部门、4 个预算单位，2024 年度自评任务，8 份自评表（各流程状态，含真实样例）。\n", d.orgs[0].name)
	fmt.Fprintf(w, "网页：%s/  API：%s/api/（文档 %s/api/openapi.json）。演示用户（密码仅本次显示）：\n\n", url, url, url)
	// columns padded by display width: tabwriter counts a Chinese
	// character as one column
	row := func(cells ...string) {
		for i, c := range cells {
			if i < len(cells)-1 {
				c += strings.Repeat(" ", max(0, []int{8, 14, 14}[i]-present.Width(c)))
			}
			fmt.Fprint(w, c)
		}
		fmt.Fprintln(w)
	}
	row("登录名", "密码", "角色", "单位")
	for _, u := range d.users {
		name := ""
		for _, o := range d.orgs {
			if o.code == u.org {
				name = o.name
			}
		}
		row(u.login, u.password, u.roles[0].Label(), name)
	}
	fmt.Fprintf(w, "\n例：curl -c c.txt -H 'Content-Type: application/json' -d '{\"login\":\"sfj-tb\",\"password\":\"…\"}' %s/api/login\n\n", url)
}

// demoPassword is a random password of 12 letters and digits, without
// the ones people misread (0/O, 1/l/I).
func demoPassword() string {
	const alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
	b := make([]byte, 12)
	for i := range b {
		n, err := rand.Int(rand.Reader, big.NewInt(int64(len(alphabet))))
		if err != nil {
			panic(err) // crypto/rand never fails on Linux
		}
		b[i] = alphabet[n.Int64()]
	}
	return string(b)
}
