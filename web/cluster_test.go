package web_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sync"
	"syscall"
	"testing"
	"time"

	"jixiao"
)

// buildJixiao builds the jixiao binary once per test run.
var buildJixiao = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "jixiao-bin-")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "jixiao")
	out, err := exec.Command("go", "build", "-o", bin, "../cmd/jixiao").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build: %v: %s", err, out)
	}
	return bin, nil
})

var listening = regexp.MustCompile(`正在监听 (http://[0-9.:]+)`)

// startServe runs `jixiao serve` on a free port with the given database
// and returns its URL; the process is stopped with SIGTERM when the test
// ends and must exit cleanly.
func startServe(t *testing.T, dsn string, extra ...string) (string, *exec.Cmd) {
	t.Helper()
	bin, err := buildJixiao()
	if err != nil {
		t.Fatal(err)
	}
	args := append([]string{"serve", "--addr", "127.0.0.1:0", "--db", dsn, "--data", t.TempDir(), "--grace", "5s"}, extra...)
	cmd := exec.Command(bin, args...)
	cmd.Stderr = testWriter{t}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	urls := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if m := listening.FindStringSubmatch(sc.Text()); m != nil {
				urls <- m[1]
			}
		}
	}()
	t.Cleanup(func() {
		if cmd.ProcessState != nil {
			return
		}
		cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("jixiao serve exited with %v after SIGTERM", err)
			}
		case <-time.After(15 * time.Second):
			cmd.Process.Kill()
			t.Error("jixiao serve did not stop within 15 s of SIGTERM")
		}
	})
	select {
	case u := <-urls:
		return u, cmd
	case <-time.After(60 * time.Second):
		t.Fatal("jixiao serve did not start listening within 60 s")
	}
	return "", nil
}

// TestTwoServersOnePostgres runs two `jixiao serve` processes on one
// PostgreSQL database: a session made on one works on the other, a save
// on one is seen by the other, and two saves of one evaluation from the
// same version, one on each, give one success and one conflict, never a
// lost update.
func TestTwoServersOnePostgres(t *testing.T) {
	if os.Getenv("JIXIAO_TEST_POSTGRES") == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true but JIXIAO_TEST_POSTGRES is not set")
		}
		t.Skip("JIXIAO_TEST_POSTGRES not set")
	}
	dsn := MustDSN(t, "postgres")
	w := mustWorld(t, dsn) // the tree and users, stored by this process
	a, _ := startServe(t, dsn)
	b, _ := startServe(t, dsn)

	// a session from A works on B, and a logout on B ends it on A
	onA := loginAt(t, a, "editoru")
	onB := &client{t: t, base: b, hc: onA.hc, header: http.Header{}}
	var me struct{ User struct{ Login string } }
	onB.must("GET", "/api/me", nil, 200, &me)
	if me.User.Login != "editoru" {
		t.Fatalf("session from A on B: %+v", me)
	}

	// a save on A is seen on B
	seed := w.seedEvaluation(jixiao.StatusDraft)
	seed.content["年度总体目标"] = map[string]any{"预期目标": "完成年度工作", "实际完成情况": "在 A 上保存"}
	var saved evaluation
	onA.must("PUT", fmt.Sprintf("/api/evaluations/%d", seed.id), map[string]any{"version": seed.version, "evaluation": seed.content}, 200, &saved)
	var seen evaluation
	onB.must("GET", fmt.Sprintf("/api/evaluations/%d", seed.id), nil, 200, &seen)
	goal, _ := seen.Content["年度总体目标"].(map[string]any)
	if seen.Version != saved.Version || goal["实际完成情况"] != "在 A 上保存" {
		t.Fatalf("B sees version %d %v, A saved version %d", seen.Version, goal, saved.Version)
	}

	// concurrent saves from the same version: one wins, one conflicts
	other := loginAt(t, b, "approveru")
	for round := range 5 {
		var cur evaluation
		onA.must("GET", fmt.Sprintf("/api/evaluations/%d", seed.id), nil, 200, &cur)
		type answer struct {
			status int
			body   []byte
		}
		answers := make([]answer, 2)
		var wg sync.WaitGroup
		for i, c := range []*client{onA, other} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				content := cloneContent(t, cur.Content)
				content["年度总体目标"] = map[string]any{"预期目标": "完成年度工作", "实际完成情况": fmt.Sprintf("第 %d 轮，第 %d 位", round, i)}
				st, body := c.call("PUT", fmt.Sprintf("/api/evaluations/%d", seed.id), map[string]any{"version": cur.Version, "evaluation": content})
				answers[i] = answer{st, body}
			}()
		}
		wg.Wait()
		var ok, conflict int
		var winner string
		for i, an := range answers {
			switch an.status {
			case 200:
				ok++
				winner = fmt.Sprintf("第 %d 轮，第 %d 位", round, i)
			case 409:
				conflict++
				e := decodeError(t, an.body)
				if e.Code != "conflict" || e.Details["saved_since"] == nil {
					t.Errorf("round %d: conflict body %s lacks who saved since", round, an.body)
				}
			default:
				t.Fatalf("round %d: save answered %d %s", round, an.status, an.body)
			}
		}
		if ok != 1 || conflict != 1 {
			t.Fatalf("round %d: %d saves succeeded and %d conflicted, want 1 and 1", round, ok, conflict)
		}
		var after evaluation
		onB.must("GET", fmt.Sprintf("/api/evaluations/%d", seed.id), nil, 200, &after)
		g, _ := after.Content["年度总体目标"].(map[string]any)
		if after.Version != cur.Version+1 || g["实际完成情况"] != winner {
			t.Fatalf("round %d: stored version %d %v, want %d with the winner's %q", round, after.Version, g, cur.Version+1, winner)
		}
	}

	// logging out on B ends the session on A too
	onB.must("POST", "/api/logout", nil, 204, nil)
	if st, _ := onA.call("GET", "/api/me", nil); st != 401 {
		t.Fatalf("after logout on B, A answers %d, want 401", st)
	}
}

func cloneContent(t *testing.T, m map[string]any) map[string]any {
	t.Helper()
	var out map[string]any
	b := mustMarshal(t, m)
	mustJSON(t, b, &out)
	return out
}

func mustMarshal(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
