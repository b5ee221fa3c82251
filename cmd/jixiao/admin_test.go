package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"jixiao"
	"jixiao/sqldb"
)

// adminDSNs returns a fresh database per engine: an SQLite file always,
// a PostgreSQL schema when JIXIAO_TEST_POSTGRES is set.
func adminDSNs(t *testing.T) map[string]string {
	out := map[string]string{"sqlite": filepath.Join(t.TempDir(), "data", "jixiao.db")}
	base := os.Getenv("JIXIAO_TEST_POSTGRES")
	if base == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true but JIXIAO_TEST_POSTGRES is not set")
		}
		return out
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	schema := fmt.Sprintf("jixiao_cli_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9)
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`); admin.Close() })
	out["postgres"] = sqldb.WithSchema(base, schema)
	return out
}

// writeOrgSheet writes an organisation tree workbook with its header on
// the second row, under a title, as such sheets usually are.
func writeOrgSheet(t *testing.T, rows [][]string) string {
	t.Helper()
	x := excelize.NewFile()
	defer x.Close()
	x.SetCellValue("Sheet1", "A1", "延丰县预算单位名录")
	for i, r := range append([][]string{{"上级单位编码", "单位编码", "单位名称", "单位类型"}}, rows...) {
		for j, v := range r {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+2)
			x.SetCellValue("Sheet1", cell, v)
		}
	}
	path := filepath.Join(t.TempDir(), "orgs.xlsx")
	if err := x.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestAdminCommands(t *testing.T) {
	for engine, dsn := range adminDSNs(t) {
		t.Run(engine, func(t *testing.T) {
			t.Setenv("JIXIAO_DB", dsn)
			sheet := writeOrgSheet(t, [][]string{
				{"", "F", "延丰县财政局", "财政局"},
				{"F", "D", "延丰县司法局", "主管部门"},
				{"D", "U", "延丰县司法局机关", "预算单位"},
			})
			out, errOut, code := runCLI(t, "org", "import", sheet)
			if code != exitOK || !strings.Contains(out, "新建 3 个单位") {
				t.Fatalf("org import: exit %d: %s%s", code, out, errOut)
			}
			bad := writeOrgSheet(t, [][]string{{"F", "X", "某单位", "科室"}})
			if _, errOut, code := runCLI(t, "org", "import", bad); code != exitUsage || !strings.Contains(errOut, "第 3 行") {
				t.Errorf("bad kind: exit %d: %s", code, errOut)
			}

			stdin = strings.NewReader("a-long-password-1\n")
			out, errOut, code = runCLI(t, "user", "add", "--login", "zhang", "--name", "张填报", "--org", "U", "--role", "单位填报,unit_approver", "--password-stdin")
			if code != exitOK || strings.Contains(out, "初始密码") {
				t.Fatalf("user add: exit %d: %s%s", code, out, errOut)
			}
			out, _, code = runCLI(t, "user", "add", "--login", "li", "--name", "李复核", "--org", "F", "--role", "finance_reviewer")
			if code != exitOK || !strings.Contains(out, "初始密码：") {
				t.Fatalf("user add with a generated password: exit %d: %s", code, out)
			}
			generated := strings.TrimSpace(out[strings.Index(out, "初始密码：")+len("初始密码："):])
			if _, errOut, code := runCLI(t, "user", "add", "--login", "wang", "--name", "王", "--org", "D", "--role", "unit_editor"); code != exitUsage || !strings.Contains(errOut, "不能担任") {
				t.Errorf("a unit role in a department: exit %d: %s", code, errOut)
			}
			if _, errOut, code := runCLI(t, "user", "add", "--login", "zhang", "--name", "重名", "--org", "U", "--role", "unit_editor"); code != exitFailed || !strings.Contains(errOut, "已被使用") {
				t.Errorf("a duplicate login: exit %d: %s", code, errOut)
			}

			db, err := sqldb.Open(context.Background(), dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			users := sqldb.NewUserService(db)
			login := func(l, p string) error { _, err := users.Authenticate(context.Background(), l, p); return err }
			if err := login("zhang", "a-long-password-1"); err != nil {
				t.Fatalf("login with the password from stdin: %v", err)
			}
			if err := login("li", generated); err != nil {
				t.Fatalf("login with the generated password %q: %v", generated, err)
			}

			stdin = strings.NewReader("a-new-password-22\n")
			if out, errOut, code := runCLI(t, "user", "passwd", "zhang", "--password-stdin"); code != exitOK {
				t.Fatalf("user passwd: exit %d: %s%s", code, out, errOut)
			}
			if login("zhang", "a-long-password-1") == nil || login("zhang", "a-new-password-22") != nil {
				t.Error("passwd did not replace the password")
			}
			if _, errOut, code := runCLI(t, "user", "disable", "zhang"); code != exitOK {
				t.Fatalf("user disable: exit %d: %s", code, errOut)
			}
			if err := login("zhang", "a-new-password-22"); jixiao.ErrorCode(err) != jixiao.EUnauthorized {
				t.Errorf("a disabled user signs in: %v", err)
			}
			if _, _, code := runCLI(t, "user", "disable", "nobody"); code != exitFailed {
				t.Errorf("disable an unknown login: exit %d", code)
			}

			out, errOut, code = runCLI(t, "log", "verify")
			if code != exitOK || !strings.Contains(out, "审计日志完好") {
				t.Fatalf("log verify: exit %d: %s%s", code, out, errOut)
			}

			// backup → restore → the same rows
			dir := t.TempDir()
			backup := filepath.Join(dir, "backup")
			if _, errOut, code := runCLI(t, "backup", backup); code != exitOK {
				t.Fatalf("backup: exit %d: %s", code, errOut)
			}
			target := filepath.Join(dir, "restored.db")
			if engine == "postgres" {
				target = adminDSNs(t)["postgres"]
			}
			if out, errOut, code := runCLI(t, "restore", "--db", target, backup); code != exitOK {
				t.Fatalf("restore: exit %d: %s%s", code, out, errOut)
			}
			if _, _, code := runCLI(t, "log", "verify", "--db", target); code != exitOK {
				t.Errorf("log verify on the restored database: exit %d", code)
			}
			restored, err := sqldb.Open(context.Background(), target)
			if err != nil {
				t.Fatal(err)
			}
			defer restored.Close()
			var a, b bytes.Buffer
			if err := db.Dump(context.Background(), &a); err != nil {
				t.Fatal(err)
			}
			if err := restored.Dump(context.Background(), &b); err != nil {
				t.Fatal(err)
			}
			if a.String() != b.String() {
				t.Error("the restored database differs from the original")
			}

			// an edited log row fails verification, naming it
			raw := rawSQL(t, dsn)
			drop := []string{`DROP TRIGGER audit_log_no_update`}
			if engine == "postgres" {
				drop = []string{`DROP TRIGGER audit_log_no_change ON audit_log`}
			}
			for _, q := range append(drop, `UPDATE audit_log SET user_name = '别人' WHERE seq = 2`) {
				if _, err := raw.Exec(q); err != nil {
					t.Fatal(err)
				}
			}
			_, errOut, code = runCLI(t, "log", "verify")
			if code != exitFailed || !strings.Contains(errOut, "第 2 条内容被修改") {
				t.Errorf("log verify after tampering: exit %d: %s", code, errOut)
			}
		})
	}
}

func rawSQL(t *testing.T, dsn string) *sql.DB {
	driver, src := "sqlite", "file:"+dsn
	if strings.HasPrefix(dsn, "postgres") {
		driver, src = "pgx", dsn
	}
	db, err := sql.Open(driver, src)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestAdminUsage(t *testing.T) {
	for _, args := range [][]string{{"user"}, {"user", "frob"}, {"org"}, {"log"}, {"backup"}, {"restore"}, {"user", "passwd"}} {
		_, errOut, code := runCLI(t, args...)
		if code != exitUsage || !strings.Contains(errOut, "用法") {
			t.Errorf("%v: exit %d: %s", args, code, errOut)
		}
	}
	for _, args := range [][]string{{"user", "-h"}, {"user", "add", "-h"}, {"org", "-h"}, {"log", "verify", "-h"}, {"backup", "-h"}, {"restore", "-h"}} {
		if _, errOut, code := runCLI(t, args...); code != exitOK || !strings.Contains(errOut, "用法") {
			t.Errorf("%v: exit %d: %s", args, code, errOut)
		}
	}
}

// FuzzReadOrgSheet: any bytes give rows or an error, never a panic.
func FuzzReadOrgSheet(f *testing.F) {
	x := excelize.NewFile()
	for i, r := range [][]string{{"单位编码", "单位名称", "单位类型", "上级单位编码"}, {"F", "财政局", "财政局", ""}, {"D", "司法局", "主管部门", "F"}} {
		for j, v := range r {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			x.SetCellValue("Sheet1", cell, v)
		}
	}
	var b bytes.Buffer
	if err := x.Write(&b); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := readOrgSheet(bytes.NewReader(data), "fuzz.xlsx")
		if err == nil && len(rows) == 0 {
			t.Error("no rows and no error")
		}
	})
}
