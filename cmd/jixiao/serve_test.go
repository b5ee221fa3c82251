package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jixiao"
	"jixiao/internal/wire"
	"jixiao/sqldb"
)

func TestServeConfig(t *testing.T) {
	env := map[string]string{"JIXIAO_ADDR": ":9000", "JIXIAO_DB": "postgres://db/x", "JIXIAO_DATA": "/srv/jx", "JIXIAO_LOG_FORMAT": "json"}
	for _, tc := range []struct {
		name string
		args []string
		env  map[string]string
		want serveConfig
		err  string
	}{
		{"Defaults", nil, nil, serveConfig{Addr: "127.0.0.1:8080", Database: filepath.Join("jixiao-data", "jixiao.db"), Data: "jixiao-data", LogFormat: "text", Grace: 30 * time.Second, IntakeWorkers: defaultIntakeWorkers}, ""},
		{"Environment", nil, env, serveConfig{Addr: ":9000", Database: "postgres://db/x", Data: "/srv/jx", LogFormat: "json", Grace: 30 * time.Second, IntakeWorkers: defaultIntakeWorkers}, ""},
		{"FlagsOverEnvironment", []string{"--addr", ":7000", "--data", "/tmp/d", "--db", ""}, env,
			serveConfig{Addr: ":7000", Database: filepath.Join("/tmp/d", "jixiao.db"), Data: "/tmp/d", LogFormat: "json", Grace: 30 * time.Second, IntakeWorkers: defaultIntakeWorkers}, ""},
		{"BadLogFormat", []string{"--log-format", "xml"}, nil, serveConfig{}, "--log-format"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := defaultServeConfig(func(k string) string { return tc.env[k] })
			fs := flag.NewFlagSet("serve", flag.ContinueOnError)
			c.flags(fs)
			if err := fs.Parse(tc.args); err != nil {
				t.Fatal(err)
			}
			err := c.check()
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want one about %s", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c != tc.want {
				t.Errorf("config %+v, want %+v", c, tc.want)
			}
		})
	}
}

func TestDemoNeedsFreshFolder(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "something"), []byte("x"), 0o644)
	c := defaultServeConfig(func(string) string { return "" })
	c.Data, c.Demo = dir, true
	if err := c.check(); err == nil {
		t.Fatal("--demo accepted a folder that is not empty")
	}
}

// TestDemo seeds the demo data and checks what the brief promises: the
// tree, evaluations in every workflow state with the real sample among
// them, and accounts whose printed passwords sign in.
func TestDemo(t *testing.T) {
	ctx := context.Background()
	db, err := sqldb.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.Password = sqldb.PasswordParams{Time: 1, Memory: 1024, Threads: 1}
	svc := wire.Services(db)
	var out bytes.Buffer
	if err := seedDemo(ctx, svc, &out, "http://127.0.0.1:8080"); err != nil {
		t.Fatal(err)
	}
	if err := seedDemo(ctx, svc, &out, "http://127.0.0.1:8080"); err == nil {
		t.Error("the demo seeded a database that already had data")
	}
	printed := out.String()
	statuses := map[jixiao.Status]int{}
	sample := false
	for _, line := range strings.Split(printed, "\n") {
		f := strings.Fields(line)
		if len(f) < 4 || f[0] == "登录名" || len(f[1]) != 12 {
			continue
		}
		u, err := svc.Users.Authenticate(ctx, f[0], f[1])
		if err != nil {
			t.Errorf("printed account %s %s does not sign in: %v", f[0], f[1], err)
			continue
		}
		if u.OrgKind != jixiao.OrgUnit {
			continue
		}
		recs, _, err := svc.Evaluations.FindEvaluations(jixiao.NewContextWithUser(ctx, u), jixiao.EvaluationFilter{UnitID: u.OrgID})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range recs {
			statuses[r.Status]++
			sample = sample || r.SourceHash == jixiao.ContentHash(demoSample)
		}
	}
	for _, s := range jixiao.Statuses {
		if statuses[s] == 0 {
			t.Errorf("no demo evaluation is %s (%v)", s.Label(), statuses)
		}
	}
	if !sample {
		t.Error("the real sample is not among the demo evaluations")
	}
}

// TestDemoSampleIsTheSample keeps the embedded copy equal to the sample.
func TestDemoSampleIsTheSample(t *testing.T) {
	b, err := os.ReadFile("../../testdata/samples/yanfeng-sfj-2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, demoSample) {
		t.Error("cmd/jixiao/demo/yanfeng-sfj-2024.txt differs from testdata/samples/yanfeng-sfj-2024.txt")
	}
}
