package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"

	"jixiao/bench/internal/load"
)

// measure signs in one unit editor per connection and runs the phases.
func measure(ctx context.Context, base string, units []load.Unit, o options, pool func() sql.DBStats) error {
	conns := max(o.conns, o.saveConns)
	cookies := make([]string, conns)
	unitIDs := make([]int64, conns)
	for w := range conns {
		c, unit, err := login(base, units[w%len(units)].Login)
		if err != nil {
			return err
		}
		cookies[w], unitIDs[w] = c, unit
	}
	get := func(path func(w, i int) string) func(w, i int) (*http.Request, error) {
		return func(w, i int) (*http.Request, error) {
			req, err := http.NewRequest("GET", base+path(w, i), nil)
			if err == nil {
				req.Header.Set("Cookie", cookies[w])
			}
			return req, err
		}
	}
	rngs := make([]*rand.Rand, conns)
	for w := range rngs {
		rngs[w] = rand.New(rand.NewPCG(uint64(w), 7))
	}
	evaluation := func(w, i int) string {
		evals := units[w%len(units)].Evals
		return fmt.Sprintf("/api/evaluations/%d", evals[rngs[w].IntN(len(evals))])
	}
	phases := []load.Phase{
		{Name: "static", Want: 200, Next: get(func(w, i int) string { return "/static/robots.txt" })},
		{Name: "GET evaluation", Want: 200, Next: get(evaluation)},
		// The same reads again: the caches now hold what the first
		// pass read (the first pass reads most of the 64 units' 3,200
		// evaluations for the first time), as on a server that has
		// been serving for a while.
		{Name: "GET evaluation again", Want: 200, Next: get(evaluation)},
		{Name: "GET unit task list", Want: 200, Next: get(func(w, i int) string { return fmt.Sprintf("/api/tasks?unit=%d", unitIDs[w]) })},
		{Name: "GET what the unit owes", Want: 200, Next: get(func(w, i int) string { return "/api/me/obligations" })},
	}
	var results []load.Result
	for i, p := range phases {
		if i > 0 && !strings.Contains(p.Name, o.only) {
			continue
		}
		p.Conns, p.D = o.conns, o.d
		r, err := runPhase(ctx, p, o)
		if err != nil {
			return err
		}
		fmt.Println(r)
		results = append(results, r)
	}
	var rs *load.Result
	if strings.Contains("PUT evaluation (save)", o.only) {
		save, err := savePhase(base, units, cookies, o)
		if err != nil {
			return err
		}
		p0 := pool()
		r, err := runPhase(ctx, save, o)
		if err != nil {
			return err
		}
		fmt.Println(r)
		p1 := pool()
		// the waits for one of the write pool's connections: on
		// PostgreSQL, the reads' too
		fmt.Printf("  write pool: %d waits, %.2f ms waited per save\n", p1.WaitCount-p0.WaitCount, load.Ms((p1.WaitDuration-p0.WaitDuration)/time.Duration(max(r.N, 1))))
		rs = &r
	}
	static := results[0].Rate()
	fmt.Println()
	for _, r := range results[1:] {
		fmt.Printf("goal %-20s p99 %.2f ms < 50 ms: %s; %.0f%% of the static rate ≥ 30%%: %s (its CPU per request allows %.0f%% of the static rate)\n", r.Name, load.Ms(r.P99),
			verdict(load.Ms(r.P99) < 50), 100*r.Rate()/static, verdict(r.Rate() >= 0.3*static),
			100*float64(results[0].CPUPerRequest())/float64(r.CPUPerRequest()))
	}
	if rs != nil {
		fmt.Printf("goal %-20s p99 %.2f ms < 100 ms: %s\n", rs.Name, load.Ms(rs.P99), verdict(load.Ms(rs.P99) < 100))
	}
	return nil
}

func verdict(ok bool) string {
	if ok {
		return "met"
	}
	return "NOT MET"
}

// login signs user in and returns the session cookie and the user's unit.
func login(base, user string) (string, int64, error) {
	body := fmt.Sprintf(`{"login":%q,"password":%q}`, user, load.Password)
	resp, err := http.Post(base+"/api/login", "application/json", strings.NewReader(body))
	if err != nil {
		return "", 0, err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		return "", 0, fmt.Errorf("login %s: %s %s", user, resp.Status, b)
	}
	var me struct {
		User struct {
			OrgID int64 `json:"org_id"`
		}
	}
	if err := json.Unmarshal(b, &me); err != nil {
		return "", 0, err
	}
	for _, c := range resp.Cookies() {
		if c.Name == "jixiao_session" {
			return c.Name + "=" + c.Value, me.User.OrgID, nil
		}
	}
	return "", 0, fmt.Errorf("login %s: no session cookie", user)
}

// saver is one connection's evaluation and the version it last saw.
type saver struct {
	id      int64
	version int
	content map[string]any
	actual  string // indicator 1's 实际完成值 as generated
	// bodies are the request bodies of the two values a save
	// alternates, "1" and actual, encoded once: saveBody splices the
	// version in. Encoding the whole evaluation per request was 5 % of
	// the process's CPU in the save phase, the load generator's, taken
	// from the server it shares two cores with.
	bodies [2][]byte
}

// saveNote is the note every bench save sends.
const saveNote = "压测保存"

// encodeBodies encodes the two bodies s alternates, each what
// json.Marshal writes for {"version", "evaluation", "note"} but for its
// last member, the version (the keys of a map are written sorted):
// TestSaveBody holds saveBody equal to that encoding.
func (s *saver) encodeBodies() error {
	inds, _ := s.content["指标"].([]any)
	if len(inds) == 0 {
		return fmt.Errorf("evaluation %d has no indicators", s.id)
	}
	row := inds[0].(map[string]any)
	for k, v := range []string{"1", s.actual} {
		row["实际完成值"] = v
		b, err := json.Marshal(map[string]any{"evaluation": s.content, "note": saveNote})
		if err != nil {
			return err
		}
		s.bodies[k] = b[:len(b)-1] // without its closing brace
	}
	row["实际完成值"] = s.actual
	return nil
}

// saveBody is the body of the i-th save: the value of i's parity, at the
// version s last saw.
func (s *saver) saveBody(i int) []byte {
	head := s.bodies[i%2]
	b := make([]byte, 0, len(head)+32)
	b = append(b, head...)
	b = append(b, `,"version":`...)
	b = strconv.AppendInt(b, int64(s.version), 10)
	return append(b, '}')
}

// savePhase edits one indicator of each connection's own evaluation, so
// that the saves do not conflict with each other, and follows the
// version each save returns.
func savePhase(base string, units []load.Unit, cookies []string, o options) (load.Phase, error) {
	savers := make([]*saver, o.saveConns)
	for w := range savers {
		u := units[w%len(units)]
		// Connections sharing a unit take different evaluations.
		id := u.Evals[(w/len(units))%len(u.Evals)]
		s, err := loadSaver(base, cookies[w], id)
		if err != nil {
			return load.Phase{}, err
		}
		if err := s.encodeBodies(); err != nil {
			return load.Phase{}, err
		}
		savers[w] = s
	}
	p := load.Phase{Name: "PUT evaluation (save)", Want: 200, Conns: o.saveConns, D: o.d}
	p.Next = func(w, i int) (*http.Request, error) {
		s := savers[w]
		req, err := http.NewRequest("PUT", fmt.Sprintf("%s/api/evaluations/%d", base, s.id), bytes.NewReader(s.saveBody(i)))
		if err == nil {
			req.Header.Set("Cookie", cookies[w])
			req.Header.Set("Content-Type", "application/json")
		}
		return req, err
	}
	// The version the save made is the answer's ETag, as the server
	// sends it with every evaluation: decoding the whole answer for it
	// was another 5 % of the process's CPU.
	p.After = func(w int, resp *http.Response) {
		if v, ok := etagVersion(resp.Header.Get("ETag")); ok {
			savers[w].version = v
		}
	}
	return p, nil
}

// etagVersion is the version an evaluation's ETag, "v" and the version
// quoted, names.
func etagVersion(tag string) (int, bool) {
	digits, ok := strings.CutPrefix(strings.Trim(tag, `"`), "v")
	if !ok {
		return 0, false
	}
	v, err := strconv.Atoi(digits)
	return v, err == nil && v > 0
}

func loadSaver(base, cookie string, id int64) (*saver, error) {
	req, _ := http.NewRequest("GET", fmt.Sprintf("%s/api/evaluations/%d", base, id), nil)
	req.Header.Set("Cookie", cookie)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var v struct {
		Version    int            `json:"version"`
		Evaluation map[string]any `json:"evaluation"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&v); err != nil {
		return nil, fmt.Errorf("evaluation %d: %w", id, err)
	}
	s := &saver{id: id, version: v.Version, content: v.Evaluation}
	if inds, _ := v.Evaluation["指标"].([]any); len(inds) > 0 {
		s.actual, _ = inds[0].(map[string]any)["实际完成值"].(string)
	}
	return s, nil
}
