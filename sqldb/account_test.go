package sqldb_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"jixiao"
	"jixiao/sqldb"
)

func TestAuthenticate(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		w := mustWorld(t, dsn)
		users := sqldb.NewUserService(w.db)
		ctx := sqldb.NewContextWithAddress(as(nil), "10.0.0.7")
		u, err := users.Authenticate(ctx, "editor-u", "password-editor-u")
		if err != nil || u.ID != w.editorU.ID || u.OrgKind != jixiao.OrgUnit || len(u.OrgPath) != 3 {
			t.Fatalf("Authenticate = %+v, %v", u, err)
		}
		for _, tt := range []struct{ login, password string }{{"editor-u", "wrong-password"}, {"nobody", "password-editor-u"}} {
			_, err := users.Authenticate(ctx, tt.login, tt.password)
			wantCode(t, err, jixiao.EUnauthorized)
		}
		disabled := true
		if _, err := users.UpdateUser(console(), w.editorU.ID, jixiao.UserUpdate{Disabled: &disabled}); err != nil {
			t.Fatal(err)
		}
		_, err = users.Authenticate(ctx, "editor-u", "password-editor-u")
		wantCode(t, err, jixiao.EUnauthorized)

		// a user may set their own password only
		wantCode(t, users.SetPassword(as(w.editorV), w.approverU.ID, "another-password"), jixiao.EForbidden)
		if err := users.SetPassword(as(w.approverU), w.approverU.ID, "another-password"); err != nil {
			t.Fatal(err)
		}
		if _, err := users.Authenticate(ctx, "approver-u", "another-password"); err != nil {
			t.Fatal(err)
		}
		wantCode(t, users.CreateUser(as(w.financeAdmin), &jixiao.User{Login: "x", Name: "x", OrgID: w.U.ID, Roles: []jixiao.Role{jixiao.RoleUnitEditor}}, "long-enough-pw"), jixiao.EForbidden)
		wantCode(t, users.CreateUser(console(), &jixiao.User{Login: "y", Name: "y", OrgID: w.U.ID, Roles: []jixiao.Role{jixiao.RoleDeptReviewer}}, "long-enough-pw"), jixiao.EInvalid)

		entries, _, err := sqldb.NewLogService(w.db).FindLogEntries(console(), jixiao.LogFilter{Action: jixiao.LogLoginFailed})
		if err != nil || len(entries) != 3 || entries[0].Address != "10.0.0.7" {
			t.Errorf("failed logins logged: %+v, %v", entries, err)
		}
	})
}

// TestSessionsAndTokens: tokens work, only their hashes are stored.
func TestSessionsAndTokens(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		w := mustWorld(t, dsn)
		sessions := sqldb.NewSessionService(w.db)
		s := &jixiao.Session{UserID: w.reviewerD.ID, Address: "10.0.0.8", ExpiresAt: testClock.Add(time.Hour)}
		if err := sessions.CreateSession(as(nil), s); err != nil || s.Token == "" {
			t.Fatalf("CreateSession: %v", err)
		}
		got, err := sessions.FindSessionByToken(as(nil), s.Token)
		if err != nil || got.User.ID != w.reviewerD.ID || got.User.OrgKind != jixiao.OrgDepartment {
			t.Fatalf("FindSessionByToken = %+v, %v", got, err)
		}
		_, err = sessions.FindSessionByToken(as(nil), s.Token+"x")
		wantCode(t, err, jixiao.EUnauthorized)

		tokens := sqldb.NewTokenService(w.db)
		tok := &jixiao.APIToken{Name: "汇总脚本"}
		if err := tokens.CreateToken(as(w.financeAdmin), tok); err != nil || !strings.HasPrefix(tok.Token, jixiao.TokenPrefix) {
			t.Fatalf("CreateToken: %+v, %v", tok, err)
		}
		u, err := tokens.FindUserByToken(as(nil), tok.Token)
		if err != nil || u.ID != w.financeAdmin.ID {
			t.Fatalf("FindUserByToken = %v, %v", u, err)
		}
		wantCode(t, tokens.RevokeToken(as(w.editorU), tok.ID), jixiao.ENotFound)
		if err := tokens.RevokeToken(as(w.financeAdmin), tok.ID); err != nil {
			t.Fatal(err)
		}
		_, err = tokens.FindUserByToken(as(nil), tok.Token)
		wantCode(t, err, jixiao.EUnauthorized)

		// no secret is in the database, only hashes
		raw := rawDB(t, dsn)
		for _, secret := range []string{s.Token, tok.Token} {
			for _, q := range []string{`SELECT COUNT(*) FROM sessions WHERE token_hash = ?`, `SELECT COUNT(*) FROM api_tokens WHERE token_hash = ?`} {
				if strings.HasPrefix(dsn, "postgres") {
					q = strings.Replace(q, "?", "$1", 1)
				}
				var n int
				if err := raw.QueryRow(q, secret).Scan(&n); err != nil || n != 0 {
					t.Errorf("a secret is stored in clear (%s): %d %v", q, n, err)
				}
			}
		}
		var hash string
		if err := raw.QueryRow(`SELECT password_hash FROM users WHERE login = 'editor-u'`).Scan(&hash); err != nil || !strings.HasPrefix(hash, "$argon2id$") {
			t.Errorf("password stored as %q", hash)
		}
		// disabling the account ends its sessions
		disabled := true
		if _, err := sqldb.NewUserService(w.db).UpdateUser(console(), w.reviewerD.ID, jixiao.UserUpdate{Disabled: &disabled}); err != nil {
			t.Fatal(err)
		}
		_, err = sessions.FindSessionByToken(as(nil), s.Token)
		wantCode(t, err, jixiao.EUnauthorized)
	})
}

// TestTaskObligations: a task lists what each unit owes, and what is
// missing and overdue.
func TestTaskObligations(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		w := mustWorld(t, dsn)
		tasks := sqldb.NewTaskService(w.db)
		task := &jixiao.Task{Name: "2024年度部门整体支出绩效自评", Year: 2024, Kinds: []jixiao.Kind{jixiao.KindDepartment},
			UnitIDs: []int64{w.U.ID, w.V.ID, w.W.ID}, Deadline: testClock.Add(24 * time.Hour), RuleSet: "national-2020"}
		wantCode(t, tasks.CreateTask(as(w.financeReviewer), task), jixiao.EForbidden)
		if err := tasks.CreateTask(as(w.financeAdmin), task); err != nil {
			t.Fatal(err)
		}
		r := w.mustCreate(t)
		if r.TaskID != task.ID || r.RuleSet != "national-2020" {
			t.Errorf("evaluation linked to task %d under %s", r.TaskID, r.RuleSet)
		}
		evs := sqldb.NewEvaluationService(w.db)
		mustStep(t, evs, w.approverU, r, jixiao.ActionSubmit, "")

		obs, err := tasks.FindObligations(as(w.financeAdmin), jixiao.ObligationFilter{TaskID: task.ID})
		if err != nil || len(obs) != 3 {
			t.Fatalf("obligations: %+v, %v", obs, err)
		}
		missing, err := tasks.FindObligations(as(w.financeAdmin), jixiao.ObligationFilter{TaskID: task.ID, Missing: true})
		if err != nil || len(missing) != 2 {
			t.Fatalf("missing: %+v, %v", missing, err)
		}
		mine, err := tasks.FindObligations(as(w.editorV), jixiao.ObligationFilter{TaskID: task.ID})
		if err != nil || len(mine) != 1 || mine[0].UnitID != w.V.ID {
			t.Errorf("a unit sees others' obligations: %+v, %v", mine, err)
		}
		dept, err := tasks.FindObligations(as(w.reviewerD), jixiao.ObligationFilter{TaskID: task.ID})
		if err != nil || len(dept) != 2 {
			t.Errorf("department sees %d obligations, want its 2 units", len(dept))
		}
		w.db.Now = func() time.Time { return testClock.Add(48 * time.Hour) }
		overdue, err := tasks.FindObligations(as(w.financeAdmin), jixiao.ObligationFilter{TaskID: task.ID, Overdue: true})
		if err != nil || len(overdue) != 2 {
			t.Fatalf("overdue: %+v, %v", overdue, err)
		}
		for _, o := range overdue {
			if o.UnitID == w.U.ID {
				t.Errorf("a delivered unit is overdue")
			}
		}
		list, n, err := tasks.FindTasks(as(w.editorU), jixiao.TaskFilter{Year: 2024})
		if err != nil || n != 1 || list[0].ID != task.ID {
			t.Errorf("unit's tasks: %+v, %v", list, err)
		}
	})
}

func TestOrganisationImport(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		w := mustWorld(t, dsn)
		orgs := sqldb.NewOrganisationService(w.db)
		rows := []jixiao.OrganisationImport{
			{Code: "E2", Name: "延丰县卫健局", Kind: jixiao.OrgDepartment, ParentCode: "F", Line: 2},
			{Code: "H1", Name: "延丰县人民医院", Kind: jixiao.OrgUnit, ParentCode: "E2", Line: 3},
			{Code: "V", Name: "延丰县公证处（更名）", Kind: jixiao.OrgUnit, ParentCode: "D", Line: 4},
		}
		created, updated, err := orgs.ImportOrganisations(console(), rows)
		if err != nil || created != 2 || updated != 1 {
			t.Fatalf("import: %d created, %d updated, %v", created, updated, err)
		}
		// again: nothing changes
		created, updated, err = orgs.ImportOrganisations(console(), rows)
		if err != nil || created != 0 || updated != 0 {
			t.Fatalf("re-import: %d created, %d updated, %v", created, updated, err)
		}
		// a bad row rolls the whole import back and names its line
		bad := []jixiao.OrganisationImport{
			{Code: "X1", Name: "新单位", Kind: jixiao.OrgUnit, ParentCode: "E2", Line: 2},
			{Code: "X2", Name: "孤儿", Kind: jixiao.OrgUnit, ParentCode: "NOPE", Line: 3},
		}
		_, _, err = orgs.ImportOrganisations(console(), bad)
		if err == nil || !strings.Contains(err.Error(), "第 3 行") {
			t.Fatalf("bad import: %v", err)
		}
		if _, err := orgs.FindOrganisationByCode(console(), "X1"); jixiao.ErrorCode(err) != jixiao.ENotFound {
			t.Errorf("a failed import left X1: %v", err)
		}
		_, _, err = orgs.ImportOrganisations(as(w.financeAdmin), rows)
		wantCode(t, err, jixiao.EForbidden)

		// moving a unit to another department moves its path
		h, _ := orgs.FindOrganisationByCode(console(), "H1")
		if _, err := orgs.UpdateOrganisation(console(), h.ID, jixiao.OrganisationUpdate{ParentID: &w.D.ID}); err != nil {
			t.Fatal(err)
		}
		got, err := orgs.FindOrganisationByID(console(), h.ID)
		if err != nil || !got.Path.Above(w.D.ID) || got.Path.String() != w.D.Path.String()+fmt.Sprint(h.ID)+"/" {
			t.Errorf("H1 moved to path %v, %v", got.Path, err)
		}
		// a unit under a unit is refused
		wantCode(t, func() error {
			_, err := orgs.UpdateOrganisation(console(), h.ID, jixiao.OrganisationUpdate{ParentID: &w.U.ID})
			return err
		}(), jixiao.EInvalid)
	})
}
