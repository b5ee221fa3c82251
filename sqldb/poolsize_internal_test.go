package sqldb

import (
	"strings"
	"testing"
)

// TestPoolSize: pool_max_conns sets the PostgreSQL pool and is never sent
// to the server, which would refuse an unknown parameter; a bad value is
// an error that names it.
func TestPoolSize(t *testing.T) {
	for _, tc := range []struct {
		params map[string]string
		want   int
		err    string
	}{
		{params: map[string]string{}, want: postgresConns},
		{params: map[string]string{"pool_max_conns": "3", "application_name": "x"}, want: 3},
		{params: map[string]string{"pool_max_conns": "0"}, err: "pool_max_conns"},
		{params: map[string]string{"pool_max_conns": "many"}, err: "pool_max_conns"},
	} {
		n, err := poolSize(tc.params)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("poolSize(%v) = %d, %v; want an error naming %s", tc.params, n, err, tc.err)
			}
			continue
		}
		if err != nil || n != tc.want {
			t.Errorf("poolSize(%v) = %d, %v; want %d", tc.params, n, err, tc.want)
		}
		if _, left := tc.params[poolMaxConns]; left {
			t.Errorf("poolSize(%v) left %s among the server's parameters", tc.params, poolMaxConns)
		}
	}
}

// TestServerDSN: the DSN another client gets has no pool_max_conns, in
// the URL form and the key=value form, and is otherwise the same.
func TestServerDSN(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"postgres://u@h:5432/db?sslmode=disable&pool_max_conns=4", "postgres://u@h:5432/db?sslmode=disable"},
		{"postgres://u@h:5432/db?sslmode=disable", "postgres://u@h:5432/db?sslmode=disable"},
		{"host=h dbname=db pool_max_conns=4 sslmode=disable", "host=h dbname=db sslmode=disable"},
	} {
		if got := ServerDSN(tc.in); got != tc.want {
			t.Errorf("ServerDSN(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
