package wire

import (
	"os"
	"runtime/debug"
)

// ServerGCPercent is the collector's target for a long-running server. A
// first read of a review page allocates some 300 kB while the server keeps
// its revision and page caches live: at Go's default of 100 the collector
// ran often enough to be the tail of the page's p99 at 64 connections
// (bench/web: p99 43–49 ms at 100, 30–38 ms at 200, same minutes). The
// price is a heap up to three times the live data instead of twice.
const ServerGCPercent = 200

// ServerGC sets the collector as `jixiao serve` runs it, unless the GOGC
// environment variable already chose (Go reads it at start-up), and
// returns the percentage in force.
func ServerGC() int {
	if v, ok := os.LookupEnv("GOGC"); ok && v != "" {
		p := debug.SetGCPercent(-1)
		debug.SetGCPercent(p)
		return p
	}
	debug.SetGCPercent(ServerGCPercent)
	return ServerGCPercent
}
