package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"jixiao"
)

func TestErrorStatus(t *testing.T) {
	for _, tc := range []struct {
		code string
		want int
	}{
		{jixiao.EInvalid, 400},
		{jixiao.EUnauthorized, 401},
		{jixiao.EForbidden, 403},
		{jixiao.ENotFound, 404},
		{eMethod, 405},
		{jixiao.EConflict, 409},
		{eTooLarge, 413},
		{eUnsupported, 415},
		{eThrottled, 429},
		{jixiao.EInternal, 500},
		{"something_new", 500},
	} {
		if got := errorStatus(tc.code); got != tc.want {
			t.Errorf("errorStatus(%q) = %d, want %d", tc.code, got, tc.want)
		}
	}
}

func TestWriteError(t *testing.T) {
	s := MustNewServer(t, Config{})
	for _, tc := range []struct {
		name        string
		err         error
		status      int
		code, field string
		message     string // a part of the message
	}{
		{"Domain", fmt.Errorf("saving: %w", jixiao.Errorf(jixiao.EConflict, "已被他人修改")), 409, "conflict", "", "已被他人修改"},
		{"Field", invalidField("year", "年度应为四位数字"), 400, "invalid", "year", "年度应为四位数字"},
		{"InternalHidden", errors.New("pq: password authentication failed for user postgres"), 500, "internal", "", "服务器内部错误"},
		{"InternalCodeHidden", &jixiao.Error{Code: jixiao.EInternal, Message: "/var/lib/secret"}, 500, "internal", "", "服务器内部错误"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := httptest.NewRecorder()
			s.writeError(w, httptest.NewRequest("GET", "/x", nil), tc.err)
			if w.Code != tc.status {
				t.Errorf("status %d, want %d", w.Code, tc.status)
			}
			var body errorBody
			if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
				t.Fatalf("body %q: %v", w.Body, err)
			}
			if body.Code != tc.code || body.Field != tc.field || !strings.Contains(body.Message, tc.message) {
				t.Errorf("body %+v, want code %q field %q message containing %q", body, tc.code, tc.field, tc.message)
			}
			if strings.Contains(w.Body.String(), "postgres") || strings.Contains(w.Body.String(), "secret") {
				t.Errorf("internal detail leaked: %s", w.Body)
			}
		})
	}
}

// MustNewServer returns a Server for cfg or stops the test.
func MustNewServer(tb testing.TB, cfg Config) *Server {
	tb.Helper()
	s, err := NewServer(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// do sends one request to s and returns the recorded answer.
func do(s http.Handler, r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	return w
}

// errorOf decodes an error body.
func errorOf(tb testing.TB, w *httptest.ResponseRecorder) errorBody {
	tb.Helper()
	var body errorBody
	if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
		tb.Fatalf("error body %q: %v", w.Body, err)
	}
	return body
}
