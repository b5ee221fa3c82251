package wire

import (
	"os"
	"runtime/debug"
	"testing"
)

func TestServerGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	cases := []struct {
		name, env string
		set       bool
		start     int
		want      int
	}{
		{"unset: the server's percentage", "", false, 100, ServerGCPercent},
		{"empty: the server's percentage", "", true, 100, ServerGCPercent},
		{"GOGC chosen: kept", "150", true, 150, 150},
		{"GOGC=off: kept off", "off", true, -1, -1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("GOGC", c.env) // restored after the test
			if !c.set {
				os.Unsetenv("GOGC")
			}
			debug.SetGCPercent(c.start) // as the runtime set it from GOGC at start-up
			if got := ServerGC(); got != c.want {
				t.Errorf("ServerGC() = %d, want %d", got, c.want)
			}
			if got := debug.SetGCPercent(c.start); got != c.want {
				t.Errorf("percentage in force %d, want %d", got, c.want)
			}
		})
	}
}
