package sqldb

import (
	"context"
	"fmt"
	"time"

	"jixiao"
)

// SessionService implements jixiao.SessionService. Only token hashes are
// stored; the services that find a session by token hash it first.
type SessionService struct{ db *DB }

var _ jixiao.SessionService = (*SessionService)(nil)

// NewSessionService returns the sessions of db.
func NewSessionService(db *DB) *SessionService { return &SessionService{db} }

// CreateSession stores a session for s.UserID; the caller has
// authenticated the user (UserService.Authenticate).
func (ss *SessionService) CreateSession(ctx context.Context, s *jixiao.Session) error {
	tok, err := jixiao.NewSecret()
	if err != nil {
		return err
	}
	return ss.db.write(ctx, func(tx *Tx) error {
		u, err := tx.userByID(s.UserID)
		if err != nil {
			return err
		}
		if u.Disabled {
			return jixiao.Errorf(jixiao.EUnauthorized, "账户已停用")
		}
		if s.ExpiresAt.IsZero() {
			s.ExpiresAt = tx.now.Add(12 * time.Hour)
		}
		s.CreatedAt, s.SeenAt, s.User = tx.now, tx.now, u
		id, err := tx.insert(`INSERT INTO sessions (token_hash, user_id, address, user_agent, created_at, expires_at, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			jixiao.HashSecret(tok), s.UserID, s.Address, s.UserAgent, tx.time(tx.now), tx.time(s.ExpiresAt), tx.time(tx.now))
		if err != nil {
			return fmt.Errorf("sqldb: create session: %w", err)
		}
		s.ID, s.Token = id, tok
		tx.user = u
		return tx.log(&jixiao.LogEntry{Action: jixiao.LogLogin, Object: fmt.Sprintf("session/%d", id), Detail: "会话开始：" + u.Login, Address: s.Address})
	})
}

// FindSessionByToken returns the live session and its user. It asks the
// database every time, in one statement (outside a transaction), so that
// a logout or a disabled account on any server ends the session on all of
// them at once. The reads that join the session to what a request reads
// (FindEvaluationRowBySession, FindTasksBySession) make this statement
// theirs and check what it read alike (liveSession).
func (ss *SessionService) FindSessionByToken(ctx context.Context, token string) (*jixiao.Session, error) {
	var s *jixiao.Session
	err := ss.db.readCommitted(ctx, func(tx *Tx) (err error) {
		s, err = scanSession(tx.queryRow(`SELECT `+sessionColumns+sessionFrom+` WHERE s.token_hash = ?`, jixiao.HashSecret(token)), nil)
		if err != nil {
			return errSessionExpired
		}
		return liveSession(s, tx.now)
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}

// sessionColumns and sessionFrom read a session with its user and the
// user's organisation (userColumns). The token's hash is the condition.
const (
	sessionColumns = `s.id, s.address, s.user_agent, s.created_at, s.expires_at, s.seen_at, ` + userColumns
	sessionFrom    = userFrom + ` JOIN sessions s ON s.user_id = u.id`
)

var errSessionExpired = jixiao.Errorf(jixiao.EUnauthorized, "会话已过期，请重新登录")

// scanSession reads sessionColumns and, when rest is not nil, the columns
// that follow them with rest, in one Scan of the row.
func scanSession(sc interface{ Scan(...any) error }, rest func(sc interface{ Scan(...any) error }) error) (*jixiao.Session, error) {
	s := &jixiao.Session{}
	head := []any{&s.ID, &s.Address, &s.UserAgent, scanTime{&s.CreatedAt}, scanTime{&s.ExpiresAt}, scanTime{&s.SeenAt}}
	var userRow interface{ Scan(...any) error } = scanPrefix{sc, head}
	if rest != nil {
		userRow = scanThen{sc, head, rest}
	}
	u, err := scanUser(userRow)
	if err != nil {
		return nil, err
	}
	s.User, s.UserID = u, u.ID
	return s, nil
}

// liveSession reports why a session read is not one to act on at now:
// expired, or its user disabled.
func liveSession(s *jixiao.Session, now time.Time) error {
	if s.Expired(now) {
		return errSessionExpired
	}
	if s.User.Disabled {
		return jixiao.Errorf(jixiao.EUnauthorized, "账户已停用")
	}
	return nil
}

// scanPrefix scans a row whose first columns go to prefix and the rest to
// the scanner's caller, so that one statement can fill two records.
type scanPrefix struct {
	sc     interface{ Scan(...any) error }
	prefix []any
}

func (p scanPrefix) Scan(dest ...any) error { return p.sc.Scan(append(p.prefix, dest...)...) }

// scanThen scans a row whose columns are prefix's, then those of its
// caller's Scan, then those rest scans: rest is called from within the
// caller's Scan with the row's remaining columns, so that each record's
// scan function (scanUser, scanEval) fills its record from one row, and
// runs what it does after its Scan once the row is read.
type scanThen struct {
	sc     interface{ Scan(...any) error }
	prefix []any
	rest   func(sc interface{ Scan(...any) error }) error
}

func (p scanThen) Scan(dest ...any) error {
	return p.rest(scanPrefix{p.sc, append(p.prefix, dest...)})
}

// TouchSession moves a session's expiry (sliding sessions).
func (ss *SessionService) TouchSession(ctx context.Context, token string, expiresAt time.Time) error {
	return ss.db.write(ctx, func(tx *Tx) error {
		_, err := tx.exec(`UPDATE sessions SET seen_at = ?, expires_at = ? WHERE token_hash = ?`, tx.time(tx.now), tx.time(expiresAt), jixiao.HashSecret(token))
		return err
	})
}

// DeleteSession signs a session out.
func (ss *SessionService) DeleteSession(ctx context.Context, token string) error {
	return ss.db.write(ctx, func(tx *Tx) error {
		var id, uid int64
		if err := tx.queryRow(`SELECT id, user_id FROM sessions WHERE token_hash = ?`, jixiao.HashSecret(token)).Scan(&id, &uid); err != nil {
			return notFound(err, "会话不存在")
		}
		if _, err := tx.exec(`DELETE FROM sessions WHERE id = ?`, id); err != nil {
			return err
		}
		return tx.log(&jixiao.LogEntry{Action: jixiao.LogLogout, UserID: uid, Object: fmt.Sprintf("session/%d", id), Detail: "会话结束"})
	})
}

// DeleteUserSessions signs a user out everywhere: themselves, or anyone
// for a system administrator.
func (ss *SessionService) DeleteUserSessions(ctx context.Context, userID int64) error {
	return ss.db.write(ctx, func(tx *Tx) error {
		if !jixiao.CanSetPassword(tx.user, userID) {
			return refuse(jixiao.EForbidden, "注销会话", fmt.Sprintf("user/%d", userID), "只能注销自己的会话")
		}
		_, err := tx.exec(`DELETE FROM sessions WHERE user_id = ?`, userID)
		if err != nil {
			return err
		}
		return tx.log(&jixiao.LogEntry{Action: jixiao.LogLogout, Object: fmt.Sprintf("user/%d", userID), Detail: "注销全部会话"})
	})
}

// DeleteExpiredSessions removes sessions past their expiry.
func (ss *SessionService) DeleteExpiredSessions(ctx context.Context, now time.Time) (int, error) {
	var n int64
	err := ss.db.write(ctx, func(tx *Tx) error {
		res, err := tx.exec(`DELETE FROM sessions WHERE expires_at <= ?`, tx.time(now))
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	return int(n), err
}
