package web_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"jixiao"
	"jixiao/intake"
	"jixiao/sqldb"
)

// submissionFor is the real sample as the unit named files it.
func submissionFor(t *testing.T, unit string) []byte {
	return bytes.ReplaceAll(mustRead(t, "../testdata/samples/yanfeng-sfj-2024.txt"), []byte("雁峰区司法局"), []byte(unit))
}

func zipOf(t *testing.T, files map[string][]byte) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, b := range files {
		fw, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// drainIntake runs a worker until the intake has nothing queued.
func drainIntake(t *testing.T, w *world, id int64) {
	t.Helper()
	svc := sqldb.NewIntakeService(w.db)
	wk := intake.NewWorker(svc)
	wk.Poll = 20 * time.Millisecond
	console := jixiao.NewContextWithUser(context.Background(), jixiao.ConsoleUser())
	err := wk.Until(context.Background(), func(ctx context.Context) (bool, error) {
		in, err := svc.FindIntakeByID(console, id)
		return err == nil && in.Finished(), err
	})
	if err != nil {
		t.Fatal(err)
	}
}

type intakeBody struct {
	ID                                       int64
	Total, Done, Imported, Unmatched, Failed int
	Finished                                 bool
}

// TestIntakeAPI: a zip of three submissions, one of a unit the tree does
// not have, which is then assigned.
func TestIntakeAPI(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		w := mustWorld(t, dsn)
		fa := w.login("financeAdmin")
		data := zipOf(t, map[string][]byte{
			"2024/司法所.txt": submissionFor(t, "测试司法所"),
			"2024/公证处.txt": submissionFor(t, "测试公证处"),
			"2024/不明.txt":  submissionFor(t, "某个不在名录的单位"),
		})
		if st, b := w.editor().upload("/api/intakes", "收件.zip", data, nil); st != 403 {
			t.Errorf("an editor's intake: %d %s, want 403", st, b)
		}
		st, b := fa.upload("/api/intakes", "收件.zip", data, map[string]string{"year": "2024", "name": "第一批"})
		if st != 201 {
			t.Fatalf("POST /api/intakes: %d %s", st, b)
		}
		var in intakeBody
		fa.must("GET", "/api/intakes/"+fmt.Sprint(decodeID(t, b)), nil, 200, &in)
		if in.Total != 3 || in.Finished {
			t.Fatalf("queued intake: %+v", in)
		}
		drainIntake(t, w, in.ID)
		fa.must("GET", fmt.Sprintf("/api/intakes/%d", in.ID), nil, 200, &in)
		if in.Imported != 2 || in.Unmatched != 1 || !in.Finished || in.Done != 3 {
			t.Fatalf("after the worker: %+v", in)
		}
		var items struct {
			Items []struct {
				ID       int64
				Name     string
				UnitName string `json:"unit_name"`
				Error    string
			}
			Total int
		}
		fa.must("GET", fmt.Sprintf("/api/intakes/%d/items?state=unmatched", in.ID), nil, 200, &items)
		if items.Total != 1 || items.Items[0].UnitName != "某个不在名录的单位" || items.Items[0].Error == "" {
			t.Fatalf("unmatched: %+v", items)
		}
		fa.must("POST", fmt.Sprintf("/api/intake-items/%d/assign", items.Items[0].ID),
			map[string]any{"unit_id": w.orgs["W"].ID, "year": 2024}, 200, nil)
		drainIntake(t, w, in.ID)
		fa.must("GET", fmt.Sprintf("/api/intakes/%d", in.ID), nil, 200, &in)
		if in.Imported != 3 || in.Unmatched != 0 {
			t.Fatalf("after assigning: %+v", in)
		}
		var list struct{ Total int }
		fa.must("GET", "/api/evaluations?status=submitted", nil, 200, &list)
		if list.Total != 3 {
			t.Errorf("%d evaluations the bureau sees, want 3", list.Total)
		}
	})
}

func decodeID(t *testing.T, b []byte) int64 {
	t.Helper()
	var v struct{ ID int64 }
	if err := json.Unmarshal(b, &v); err != nil || v.ID == 0 {
		t.Fatalf("no id in %s: %v", b, err)
	}
	return v.ID
}

// TestIntakePages drives the pages as a browser without JavaScript would:
// the upload form with several files, the progress page that refreshes
// itself, the assign form.
func TestIntakePages(t *testing.T) {
	w := mustWorld(t, MustDSN(t, "sqlite"))
	fa := w.login("financeAdmin")
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("year", "2024")
	for name, b := range map[string][]byte{"司法所.txt": submissionFor(t, "测试司法所"), "不明.txt": submissionFor(t, "某个不在名录的单位")} {
		fw, _ := mw.CreateFormFile("file", name)
		fw.Write(b)
	}
	mw.CreateFormFile("file", "") // the empty file input a form may send
	mw.Close()
	req, _ := http.NewRequest("POST", fa.base+"/intakes", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	st, page := fa.send(req)
	if st != 200 || !strings.Contains(string(page), `http-equiv="refresh"`) || !strings.Contains(string(page), "已收下") {
		t.Fatalf("after the upload: %d, want the progress page refreshing itself:\n%s", st, page)
	}
	var list struct {
		Items []struct{ ID int64 }
	}
	fa.must("GET", "/api/intakes", nil, 200, &list)
	if len(list.Items) != 1 {
		t.Fatalf("intakes: %+v", list)
	}
	id := list.Items[0].ID
	drainIntake(t, w, id)
	st, page = fa.call("GET", fmt.Sprintf("/intakes/%d", id), nil)
	html := string(page)
	if st != 200 || strings.Contains(html, `http-equiv="refresh"`) || !strings.Contains(html, "待指定单位（1）") {
		t.Fatalf("finished page: %d\n%s", st, html)
	}
	var items struct {
		Items []struct{ ID int64 }
	}
	fa.must("GET", fmt.Sprintf("/api/intakes/%d/items?state=unmatched", id), nil, 200, &items)
	if !strings.Contains(html, fmt.Sprintf(`action="/intake-items/%d/assign"`, items.Items[0].ID)) {
		t.Fatal("no assign form for the unmatched file")
	}
	form := url.Values{"unit": {"V00"}, "year": {"2024"}}
	req, _ = http.NewRequest("POST", fmt.Sprintf("%s/intake-items/%d/assign", fa.base, items.Items[0].ID), strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if st, page = fa.send(req); st != 200 || !strings.Contains(string(page), "已指定单位") {
		t.Fatalf("assign: %d\n%s", st, page)
	}
	drainIntake(t, w, id)
	var in intakeBody
	fa.must("GET", fmt.Sprintf("/api/intakes/%d", id), nil, 200, &in)
	if in.Imported != 2 {
		t.Errorf("after assigning on the page: %+v", in)
	}
}
