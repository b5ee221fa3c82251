package sqldb_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"jixiao"
	"jixiao/sqldb"
	"jixiao/sqldb/sqldbtest"
)

// TestToastCompression: on PostgreSQL the large values an intake stores
// (sources, revisions) are compressed with lz4, unless the DSN names
// another method, which is kept.
func TestToastCompression(t *testing.T) {
	if os.Getenv("JIXIAO_TEST_POSTGRES") == "" {
		t.Skip("PostgreSQL only: JIXIAO_TEST_POSTGRES is not set")
	}
	for _, c := range []struct{ name, param, want string }{
		{"Default", "", "lz4"},
		{"DSNKept", "default_toast_compression=pglz", "pglz"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dsn := sqldbtest.MustDSN(t, "postgres")
			if c.param != "" {
				dsn += "&" + c.param
			}
			db := sqldbtest.MustOpen(t, dsn)
			got, err := db.QueryStrings(`SHOW default_toast_compression`)
			if err != nil || len(got) != 1 || got[0] != c.want {
				t.Fatalf("default_toast_compression = %v (%v), want %s", got, err, c.want)
			}
			// a value TOAST compresses: long and repetitive, as JSON is
			body := []byte(strings.Repeat(`{"名称":"指标","值":"100%"},`, 400))
			in := &jixiao.Intake{OrgID: mustBureau(t, db).ID, Name: "压缩"}
			if err := sqldb.NewIntakeService(db).CreateIntake(console(), in, []jixiao.IntakeFile{{Name: "a.txt", Content: body}}); err != nil {
				t.Fatal(err)
			}
			methods, err := db.QueryStrings(`SELECT COALESCE(pg_column_compression(content), 'none') FROM sources`)
			if err != nil || !slices.Equal(methods, []string{c.want}) {
				t.Errorf("sources stored with %v (%v), want [%s]", methods, err, c.want)
			}
		})
	}
}

func mustBureau(t *testing.T, db *sqldb.DB) *jixiao.Organisation {
	t.Helper()
	o := &jixiao.Organisation{Code: "F", Name: "压缩财政局", Kind: jixiao.OrgFinance}
	if err := sqldb.NewOrganisationService(db).CreateOrganisation(console(), o); err != nil {
		t.Fatal(err)
	}
	return o
}
