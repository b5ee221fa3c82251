package sqldb_test

import (
	"context"
	"os"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"jixiao"
	"jixiao/importer"
	"jixiao/pipeline"
	"jixiao/sqldb"
	"jixiao/sqldb/sqldbtest"
)

// The same suite runs on SQLite always and on PostgreSQL when
// JIXIAO_TEST_POSTGRES names a database; each test gets a fresh file or
// a fresh schema, dropped when it ends.

var testClock = time.Date(2025, 3, 10, 9, 0, 0, 0, time.UTC)

// engines, eachEngine and MustDSN: the shared per-engine databases.
var (
	engines    = sqldbtest.Engines
	eachEngine = sqldbtest.EachEngine
	MustDSN    = sqldbtest.MustDSN
)

// MustOpenDB opens a fresh database with cheap password hashing and the
// test clock.
func MustOpenDB(tb testing.TB, dsn string) *sqldb.DB {
	tb.Helper()
	db, err := sqldb.Open(context.Background(), dsn)
	if err != nil {
		tb.Fatal(err)
	}
	db.Password = sqldb.PasswordParams{Time: 1, Memory: 1024, Threads: 1}
	// a clock that ticks a millisecond per reading, safe for the
	// concurrent tests' goroutines
	var ticks atomic.Int64
	db.Now = func() time.Time { return testClock.Add(time.Duration(ticks.Add(1)) * time.Millisecond) }
	tb.Cleanup(func() { db.Close() })
	return db
}

// world is the tree and the users of the tests:
//
//	财政局 F ─ 司法局 D ─ 司法所 U, 公证处 V
//	       └─ 教育局 E ─ 一中 W
type world struct {
	db                            *sqldb.DB
	F, D, E, U, V, W              *jixiao.Organisation
	editorU, approverU, editorV   *jixiao.User
	reviewerD, reviewerE          *jixiao.User
	financeReviewer, financeAdmin *jixiao.User
	admin                         *jixiao.User
}

func console() context.Context {
	return jixiao.NewContextWithUser(context.Background(), jixiao.ConsoleUser())
}

func as(u *jixiao.User) context.Context { return jixiao.NewContextWithUser(context.Background(), u) }

func mustWorld(t *testing.T, dsn string) *world { return mustWorldTB(t, dsn) }

func mustWorldTB(t testing.TB, dsn string) *world {
	t.Helper()
	w := &world{db: MustOpenDB(t, dsn)}
	orgs := sqldb.NewOrganisationService(w.db)
	mk := func(code, name string, kind jixiao.OrgKind, parent *jixiao.Organisation) *jixiao.Organisation {
		o := &jixiao.Organisation{Code: code, Name: name, Kind: kind}
		if parent != nil {
			o.ParentID = parent.ID
		}
		if err := orgs.CreateOrganisation(console(), o); err != nil {
			t.Fatalf("create %s: %v", name, err)
		}
		return o
	}
	w.F = mk("F", "延丰县财政局", jixiao.OrgFinance, nil)
	w.D = mk("D", "延丰县司法局", jixiao.OrgDepartment, w.F)
	w.E = mk("E", "延丰县教育局", jixiao.OrgDepartment, w.F)
	w.U = mk("U", "延丰县司法局机关", jixiao.OrgUnit, w.D)
	w.V = mk("V", "延丰县公证处", jixiao.OrgUnit, w.D)
	w.W = mk("W", "延丰县第一中学", jixiao.OrgUnit, w.E)
	users := sqldb.NewUserService(w.db)
	mu := func(login, name string, org *jixiao.Organisation, roles ...jixiao.Role) *jixiao.User {
		u := &jixiao.User{Login: login, Name: name, OrgID: org.ID, Roles: roles}
		if err := users.CreateUser(console(), u, "password-"+login); err != nil {
			t.Fatalf("create %s: %v", login, err)
		}
		return u
	}
	w.editorU = mu("editor-u", "张填报", w.U, jixiao.RoleUnitEditor)
	w.approverU = mu("approver-u", "李审核", w.U, jixiao.RoleUnitApprover)
	w.editorV = mu("editor-v", "王填报", w.V, jixiao.RoleUnitEditor, jixiao.RoleUnitApprover)
	w.reviewerD = mu("reviewer-d", "赵主管", w.D, jixiao.RoleDeptReviewer)
	w.reviewerE = mu("reviewer-e", "钱主管", w.E, jixiao.RoleDeptReviewer)
	w.financeReviewer = mu("finance-r", "孙复核", w.F, jixiao.RoleFinanceReviewer)
	w.financeAdmin = mu("finance-a", "周管理", w.F, jixiao.RoleFinanceAdmin)
	w.admin = mu("admin", "吴系统", w.F, jixiao.RoleSystemAdmin)
	return w
}

// sample returns the real 2024 sample as the importers read it, a fresh
// copy each call.
func sample(t testing.TB) (*jixiao.Evaluation, []byte) {
	t.Helper()
	const path = "../testdata/samples/yanfeng-sfj-2024.txt"
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ev, _, _, err := pipeline.Load(path, importer.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	return ev, b
}

// mustCreate stores the sample as unit U's 2024 部门整体 draft.
func (w *world) mustCreate(t testing.TB) *jixiao.EvaluationRecord {
	t.Helper()
	return w.mustCreateFor(t, w.U, w.editorU)
}

// mustCreateFor stores the sample's table as unit's draft, by editor.
func (w *world) mustCreateFor(t testing.TB, unit *jixiao.Organisation, editor *jixiao.User) *jixiao.EvaluationRecord {
	t.Helper()
	ev, _ := sample(t)
	r := &jixiao.EvaluationRecord{UnitID: unit.ID, Year: 2024, Kind: jixiao.KindDepartment, Content: ev}
	if err := sqldb.NewEvaluationService(w.db).CreateEvaluation(as(editor), r); err != nil {
		t.Fatal(err)
	}
	return r
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := jixiao.ErrorCode(err); got != code {
		t.Fatalf("error code = %q (%v), want %q", got, err, code)
	}
}
