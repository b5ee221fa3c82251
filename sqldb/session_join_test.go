package sqldb_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"jixiao"
	"jixiao/internal/wire"
	"jixiao/sqldb"
	"jixiao/web"
)

// TestJoinedReadsAreOneStatement checks what the reads that join the
// session are for: a GET of an evaluation or of a unit's task list with a
// session cookie is one statement, outside a transaction (one round trip
// to the database), where the plain steps are two. It counts the
// statements the services send, through the server, as it answers.
func TestJoinedReadsAreOneStatement(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		w := mustWorld(t, dsn)
		sent := w.db.RecordStatements()
		ev := w.mustCreate(t)
		task := &jixiao.Task{Name: "2024 年自评", Year: 2024, Kinds: []jixiao.Kind{jixiao.KindDepartment}, UnitIDs: []int64{w.U.ID},
			Deadline: testClock.AddDate(0, 1, 0), RuleSet: "national-2020"}
		if err := sqldb.NewTaskService(w.db).CreateTask(as(w.financeAdmin), task); err != nil {
			t.Fatal(err)
		}
		sessions := sqldb.NewSessionService(w.db)
		sess := &jixiao.Session{UserID: w.editorU.ID}
		if err := sessions.CreateSession(context.Background(), sess); err != nil {
			t.Fatal(err)
		}
		srv, err := web.NewServer(web.Config{Services: wire.Services(w.db), ContextWithAddress: sqldb.NewContextWithAddress, Now: w.db.Now})
		if err != nil {
			t.Fatal(err)
		}
		get := func(path string) []string {
			t.Helper()
			before := len(sent())
			req := httptest.NewRequest("GET", path, nil)
			req.AddCookie(&http.Cookie{Name: "jixiao_session", Value: sess.Token})
			rec := httptest.NewRecorder()
			srv.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				t.Fatalf("GET %s: %d %s", path, rec.Code, rec.Body)
			}
			return sent()[before:]
		}
		for _, path := range []string{fmt.Sprintf("/api/evaluations/%d", ev.ID), fmt.Sprintf("/api/tasks?unit=%d", w.U.ID)} {
			get(path) // the first read fills the caches: the evaluation's body, the task
			got := get(path)
			if len(got) != 1 || strings.HasPrefix(got[0], "tx: ") || !strings.Contains(got[0], "s.token_hash = ?") {
				t.Errorf("GET %s sent %d statements, want the one that looks the session up:\n%s", path, len(got), strings.Join(got, "\n"))
			}
		}

		// the plain steps, as the counter sees them
		ctx := context.Background()
		before := len(sent())
		found, err := sessions.FindSessionByToken(ctx, sess.Token)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := sqldb.NewEvaluationService(w.db).FindEvaluationRow(jixiao.NewContextWithUser(ctx, found.User), ev.ID); err != nil {
			t.Fatal(err)
		}
		if n := len(sent()) - before; n != 2 {
			t.Errorf("FindSessionByToken and FindEvaluationRow sent %d statements, want 2", n)
		}
	})
}

// TestJoinedReadsRefuseAsPlain checks that the joined reads answer only
// for a live session whose user may see what they read, and log nothing
// when they do not: the caller's plain steps log the refusal, once.
func TestJoinedReadsRefuseAsPlain(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		w := mustWorld(t, dsn)
		ev := w.mustCreate(t)
		evs, tasks, sessions := sqldb.NewEvaluationService(w.db), sqldb.NewTaskService(w.db), sqldb.NewSessionService(w.db)
		login := func(u *jixiao.User) string {
			s := &jixiao.Session{UserID: u.ID}
			if err := sessions.CreateSession(context.Background(), s); err != nil {
				t.Fatal(err)
			}
			return s.Token
		}
		ctx := context.Background()
		logged := func() int {
			_, n, err := sqldb.NewLogService(w.db).FindLogEntries(as(w.admin), jixiao.LogFilter{Limit: 1})
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		own, other := login(w.editorU), login(w.editorV)
		before := logged()
		for _, c := range []struct {
			name  string
			token string
			id    int64
			code  string
		}{
			{"own draft", own, ev.ID, ""},
			{"another unit's draft", other, ev.ID, jixiao.ENotFound},
			{"no such evaluation", own, ev.ID + 100, jixiao.ENotFound},
			{"no such session", "no-such-token", ev.ID, jixiao.ENotFound},
		} {
			sess, row, err := evs.FindEvaluationRowBySession(ctx, c.token, c.id)
			if jixiao.ErrorCode(err) != c.code {
				t.Errorf("%s: error %v, want code %q", c.name, err, c.code)
			}
			if c.code == "" && (sess.UserID != w.editorU.ID || row.ID != ev.ID || row.Version != ev.Version) {
				t.Errorf("%s: session of user %d, evaluation %d version %d; want %d, %d, %d", c.name, sess.UserID, row.ID, row.Version, w.editorU.ID, ev.ID, ev.Version)
			}
		}
		if _, _, _, err := tasks.FindTasksBySession(ctx, "no-such-token", jixiao.TaskFilter{}); jixiao.ErrorCode(err) != jixiao.EUnauthorized {
			t.Errorf("tasks without a session: error %v, want code %q", err, jixiao.EUnauthorized)
		}
		if n := logged(); n != before {
			t.Errorf("the joined reads logged %d entries, want none", n-before)
		}
	})
}
