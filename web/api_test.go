package web_test

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"jixiao"
)

// TestSessionAndToken checks the two ways in: the session cookie (and
// that logging out ends it) and a personal API token (and that revoking
// it ends it), and that a cross-origin state change is refused even with
// a valid session.
func TestSessionAndToken(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		w := mustWorld(t, dsn)
		anon := w.anon()
		if st, b := anon.call("POST", "/api/login", map[string]string{"login": "editoru", "password": "wrong-password-1"}); st != 401 || decodeError(t, b).Code != "unauthorized" {
			t.Fatalf("wrong password: %d %s", st, b)
		}
		ed := w.login("editorU")
		ed.must("GET", "/api/me", nil, 200, nil)

		// a cross-origin POST with the session is refused and changes nothing
		evil := &client{t: t, base: w.url, hc: ed.hc, header: http.Header{"Origin": {"https://evil.example"}}}
		if st, b := evil.call("POST", "/api/tokens", map[string]string{"name": "偷偷建的"}); st != 403 || decodeError(t, b).Code != "forbidden" {
			t.Fatalf("cross-origin POST: %d %s, want 403", st, b)
		}
		if st, _ := evil.call("POST", "/api/logout", nil); st != 403 {
			t.Fatalf("cross-origin logout: %d, want 403", st)
		}
		var tokens struct{ Total int }
		ed.must("GET", "/api/tokens", nil, 200, &tokens)
		if tokens.Total != 0 {
			t.Fatalf("the cross-origin POST made a token")
		}

		// a personal token acts as its user, until revoked
		var tok struct {
			ID    int64
			Token string
		}
		ed.must("POST", "/api/tokens", map[string]string{"name": "汇总脚本"}, 201, &tok)
		if !strings.HasPrefix(tok.Token, jixiao.TokenPrefix) {
			t.Fatalf("token %q lacks the prefix %s", tok.Token, jixiao.TokenPrefix)
		}
		script := w.anon()
		script.header.Set("Authorization", "Bearer "+tok.Token)
		var me struct{ User struct{ Login string } }
		script.must("GET", "/api/me", nil, 200, &me)
		if me.User.Login != "editoru" {
			t.Fatalf("token acts as %q", me.User.Login)
		}
		ed.must("GET", "/api/tokens", nil, 200, &tokens)
		if tokens.Total != 1 {
			t.Fatalf("%d tokens listed, want 1", tokens.Total)
		}
		ed.must("DELETE", fmt.Sprintf("/api/tokens/%d", tok.ID), nil, 204, nil)
		if st, _ := script.call("GET", "/api/me", nil); st != 401 {
			t.Fatalf("revoked token: %d, want 401", st)
		}
		bad := w.anon()
		bad.header.Set("Authorization", "Bearer jx_nonsense")
		if st, _ := bad.call("GET", "/api/public/evaluations", nil); st != 401 {
			t.Fatalf("bad token on a public route: %d, want 401 (a script must know)", st)
		}

		// logout ends the session in the database
		ed.must("POST", "/api/logout", nil, 204, nil)
		if st, _ := ed.call("GET", "/api/me", nil); st != 401 {
			t.Fatalf("after logout: %d, want 401", st)
		}
	})
}

// TestLoginThrottled checks that repeated failures block the account,
// even with the right password, and say when to try again.
func TestLoginThrottled(t *testing.T) {
	w := mustWorld(t, MustDSN(t, "sqlite"))
	c := w.anon()
	for range 5 {
		c.call("POST", "/api/login", map[string]string{"login": "editoru", "password": "wrong-password-1"})
	}
	req, _ := http.NewRequest("POST", w.url+"/api/login", strings.NewReader(`{"login":"editoru","password":"`+testPassword+`"}`))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 429 || resp.Header.Get("Retry-After") == "" {
		t.Fatalf("after 5 failures the right password gives %d (Retry-After %q), want 429", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	w.login("approverU") // another account from the same address still may
}

// TestSaveConflict checks that a save from an old version is refused with
// who saved since and what they changed, and that nothing is lost.
func TestSaveConflict(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		w := mustWorld(t, dsn)
		ev := w.seedEvaluation(jixiao.StatusDraft)
		ed, ap := w.login("editorU"), w.login("approverU")
		mine := cloneContent(t, ev.content)
		theirs := cloneContent(t, ev.content)
		theirs["年度总体目标"] = map[string]any{"预期目标": "完成年度工作", "实际完成情况": "审核人先改的"}
		ap.must("PUT", fmt.Sprintf("/api/evaluations/%d", ev.id), map[string]any{"version": ev.version, "evaluation": theirs, "note": "先保存"}, 200, nil)
		mine["年度总体目标"] = map[string]any{"预期目标": "完成年度工作", "实际完成情况": "填报员后改的"}
		st, b := ed.call("PUT", fmt.Sprintf("/api/evaluations/%d", ev.id), map[string]any{"version": ev.version, "evaluation": mine})
		if st != 409 {
			t.Fatalf("stale save: %d %s, want 409", st, b)
		}
		e := decodeError(t, b)
		saved, _ := e.Details["saved_since"].([]any)
		if len(saved) != 1 || !strings.Contains(string(b), "approverU") || !strings.Contains(string(b), "年度总体目标") && !strings.Contains(string(b), "goal") {
			t.Fatalf("conflict body does not say who changed what: %s", b)
		}
		var got evaluation
		ed.must("GET", fmt.Sprintf("/api/evaluations/%d", ev.id), nil, 200, &got)
		if g := got.Content["年度总体目标"].(map[string]any); g["实际完成情况"] != "审核人先改的" {
			t.Fatalf("stored %v, want the first save's", g)
		}
	})
}

// TestUploadRefused checks the upload limits: type, size and content.
func TestUploadRefused(t *testing.T) {
	w := mustWorld(t, MustDSN(t, "sqlite"))
	ed := w.login("editorU")
	for _, tc := range []struct {
		name, file string
		data       []byte
		status     int
	}{
		{"Executable", "自评表.exe", []byte("MZ\x90\x00"), 415},
		{"LegacyDoc", "自评表.docx", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, bytes.Repeat([]byte{0}, 600)...), 400},
		{"NoTable", "说明.txt", []byte("这份文件没有自评表。\n"), 400},
		{"TooLarge", "大.txt", bytes.Repeat([]byte("年度资金总额\n"), 25<<20/18), 413},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, b := ed.upload("/api/evaluations/import", tc.file, tc.data, map[string]string{"kind": "部门整体", "year": "2024"})
			if st != tc.status {
				t.Fatalf("status %d, want %d: %s", st, tc.status, b)
			}
			e := decodeError(t, b)
			if tc.status == 413 {
				// refused from its Content-Length, before any of it is read
				if e.Code != "too_large" {
					t.Errorf("error %+v", e)
				}
			} else if e.Field != "file" || e.Message == "" {
				t.Errorf("error %+v does not name the file field", e)
			}
		})
	}
	var list struct{ Total int }
	ed.must("GET", "/api/evaluations", nil, 200, &list)
	if list.Total != 0 {
		t.Errorf("refused uploads made %d evaluations", list.Total)
	}
	// an evaluation file is accepted as such
	st, b := ed.upload("/api/evaluations/import", "2024.yaml", mustRead(t, "../testdata/yanfeng-sfj-2024.yaml"), map[string]string{"unit_id": fmt.Sprint(w.orgs["U"].ID)})
	if st != 201 {
		t.Fatalf("evaluation file upload: %d %s", st, b)
	}
}
