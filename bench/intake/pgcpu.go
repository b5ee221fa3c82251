package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"jixiao/sqldb"
)

// pgSampler sums the CPU time PostgreSQL's backends of the bench's own
// connections spend (those whose application_name is the bench's: other
// sessions may work in the same database, in schemas of their own): the
// server is on this machine, so each backend's user and system time is
// read from /proc, every 0.3 s, while the intake runs.
// A backend that ends between two samples loses at most its last 0.3 s;
// the bench's own pools keep theirs open to the end.
type pgSampler struct {
	db     *sql.DB
	self   int
	mu     sync.Mutex
	first  map[int]time.Duration // at first sight, for backends already there at start
	last   map[int]time.Duration
	stop   chan struct{}
	ended  chan struct{}
	failed error
}

// clockTick is USER_HZ, the unit of /proc/PID/stat's times on Linux.
const clockTick = 10 * time.Millisecond

func startPGSampler(dsn string) (*pgSampler, error) {
	db, err := sql.Open("pgx", sqldb.ServerDSN(dsn))
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	s := &pgSampler{db: db, first: map[int]time.Duration{}, last: map[int]time.Duration{}, stop: make(chan struct{}), ended: make(chan struct{})}
	if err := db.QueryRow(`SELECT pg_backend_pid()`).Scan(&s.self); err != nil {
		db.Close()
		return nil, fmt.Errorf("pg sampler: %w", err)
	}
	if err := s.sample(true); err != nil {
		db.Close()
		return nil, err
	}
	go func() {
		defer close(s.ended)
		t := time.NewTicker(300 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-s.stop:
				return
			case <-t.C:
				if err := s.sample(false); err != nil && s.failed == nil {
					s.failed = err
				}
			}
		}
	}()
	return s, nil
}

func (s *pgSampler) sample(initial bool) error {
	rows, err := s.db.QueryContext(context.Background(), `SELECT pid FROM pg_stat_activity WHERE datname = current_database()
		AND application_name = current_setting('application_name') AND pid <> $1`, s.self)
	if err != nil {
		return fmt.Errorf("pg sampler: %w", err)
	}
	var pids []int
	for rows.Next() {
		var p int
		if err := rows.Scan(&p); err != nil {
			rows.Close()
			return err
		}
		pids = append(pids, p)
	}
	rows.Close()
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range pids {
		t, ok := procCPU(p)
		if !ok {
			continue
		}
		if _, seen := s.last[p]; !seen && initial {
			s.first[p] = t
		}
		s.last[p] = max(s.last[p], t)
	}
	return nil
}

// end stops sampling after a last sample and returns the backends' CPU
// time since the start.
func (s *pgSampler) end() (time.Duration, error) {
	s.sample(false)
	close(s.stop)
	<-s.ended
	s.db.Close()
	var sum time.Duration
	for p, t := range s.last {
		sum += t - s.first[p]
	}
	return sum, s.failed
}

// procCPU is utime + stime of process pid.
func procCPU(pid int) (time.Duration, bool) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, false
	}
	// the command may hold spaces; the fields after it do not
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0, false
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 13 {
		return 0, false
	}
	ut, err1 := strconv.ParseInt(f[11], 10, 64)
	st, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return time.Duration(ut+st) * clockTick, true
}
