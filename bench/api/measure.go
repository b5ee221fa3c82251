package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strings"
)

// measure signs in one unit editor per connection and runs the phases.
func measure(ctx context.Context, base string, units []unitData, o options) error {
	conns := max(o.conns, o.saveConns)
	cookies := make([]string, conns)
	unitIDs := make([]int64, conns)
	for w := range conns {
		c, unit, err := login(base, units[w%len(units)].login)
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
	phases := []phase{
		{name: "static", want: 200, next: get(func(w, i int) string { return "/static/robots.txt" })},
		{name: "GET evaluation", want: 200, next: get(func(w, i int) string {
			evals := units[w%len(units)].evals
			return fmt.Sprintf("/api/evaluations/%d", evals[rngs[w].IntN(len(evals))])
		})},
		{name: "GET unit task list", want: 200, next: get(func(w, i int) string { return fmt.Sprintf("/api/tasks?unit=%d", unitIDs[w]) })},
		{name: "GET what the unit owes", want: 200, next: get(func(w, i int) string { return "/api/me/obligations" })},
	}
	var results []result
	for i, p := range phases {
		if i > 0 && !strings.Contains(p.name, o.only) {
			continue
		}
		p.conns, p.d = o.conns, o.d
		r, err := p.run(ctx)
		if err != nil {
			return err
		}
		fmt.Println(r)
		results = append(results, r)
	}
	var rs *result
	if strings.Contains("PUT evaluation (save)", o.only) {
		save, err := savePhase(base, units, cookies, o)
		if err != nil {
			return err
		}
		r, err := save.run(ctx)
		if err != nil {
			return err
		}
		fmt.Println(r)
		rs = &r
	}
	static := results[0].rate()
	fmt.Println()
	for _, r := range results[1:] {
		fmt.Printf("goal %-20s p99 %.2f ms < 50 ms: %s; %.0f%% of the static rate ≥ 30%%: %s\n", r.name, ms(r.p99),
			verdict(ms(r.p99) < 50), 100*r.rate()/static, verdict(r.rate() >= 0.3*static))
	}
	if rs != nil {
		fmt.Printf("goal %-20s p99 %.2f ms < 100 ms: %s\n", rs.name, ms(rs.p99), verdict(ms(rs.p99) < 100))
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
	body := fmt.Sprintf(`{"login":%q,"password":%q}`, user, benchPassword)
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
}

// savePhase edits one indicator of each connection's own evaluation, so
// that the saves do not conflict with each other, and follows the
// version each save returns.
func savePhase(base string, units []unitData, cookies []string, o options) (phase, error) {
	savers := make([]*saver, o.saveConns)
	for w := range savers {
		u := units[w%len(units)]
		// Connections sharing a unit take different evaluations.
		id := u.evals[(w/len(units))%len(u.evals)]
		s, err := loadSaver(base, cookies[w], id)
		if err != nil {
			return phase{}, err
		}
		savers[w] = s
	}
	p := phase{name: "PUT evaluation (save)", want: 200, conns: o.saveConns, d: o.d}
	p.next = func(w, i int) (*http.Request, error) {
		s := savers[w]
		inds, _ := s.content["指标"].([]any)
		if len(inds) == 0 {
			return nil, fmt.Errorf("evaluation %d has no indicators", s.id)
		}
		row := inds[0].(map[string]any)
		if i%2 == 0 {
			row["实际完成值"] = "1"
		} else {
			row["实际完成值"] = s.actual
		}
		b, err := json.Marshal(map[string]any{"version": s.version, "evaluation": s.content, "note": "压测保存"})
		if err != nil {
			return nil, err
		}
		req, err := http.NewRequest("PUT", fmt.Sprintf("%s/api/evaluations/%d", base, s.id), bytes.NewReader(b))
		if err == nil {
			req.Header.Set("Cookie", cookies[w])
			req.Header.Set("Content-Type", "application/json")
		}
		return req, err
	}
	p.after = func(w int, body []byte) {
		var v struct {
			Version int `json:"version"`
		}
		if json.Unmarshal(body, &v) == nil && v.Version > 0 {
			savers[w].version = v.Version
		}
	}
	return p, nil
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
