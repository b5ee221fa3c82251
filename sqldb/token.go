package sqldb

import (
	"context"
	"fmt"

	"jixiao"
)

// TokenService implements jixiao.TokenService.
type TokenService struct{ db *DB }

var _ jixiao.TokenService = (*TokenService)(nil)

// NewTokenService returns the API tokens of db.
func NewTokenService(db *DB) *TokenService { return &TokenService{db} }

// CreateToken creates a token for the user in the context.
func (s *TokenService) CreateToken(ctx context.Context, t *jixiao.APIToken) error {
	if err := t.Validate(); err != nil {
		return err
	}
	secret, err := jixiao.NewSecret()
	if err != nil {
		return err
	}
	secret = jixiao.TokenPrefix + secret
	return s.db.write(ctx, func(tx *Tx) error {
		u, err := tx.actor()
		if err != nil {
			return err
		}
		if u.ID <= 0 {
			return jixiao.Errorf(jixiao.EInvalid, "控制台不能创建令牌")
		}
		t.UserID, t.Prefix, t.CreatedAt = u.ID, secret[:len(jixiao.TokenPrefix)+6], tx.now
		id, err := tx.insert(`INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at, expires_at, revoked) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			u.ID, t.Name, jixiao.HashSecret(secret), t.Prefix, tx.time(tx.now), tx.time(t.ExpiresAt), false)
		if err != nil {
			return fmt.Errorf("sqldb: create token: %w", err)
		}
		t.ID, t.Token = id, secret
		return tx.log(&jixiao.LogEntry{Action: jixiao.LogTokenCreate, Object: fmt.Sprintf("token/%d", id), Detail: t.Name + " " + t.Prefix + "…"})
	})
}

const tokenColumns = `id, user_id, name, prefix, created_at, expires_at, last_used_at, revoked`

func scanToken(sc interface{ Scan(...any) error }) (*jixiao.APIToken, error) {
	t := &jixiao.APIToken{}
	err := sc.Scan(&t.ID, &t.UserID, &t.Name, &t.Prefix, scanTime{&t.CreatedAt}, scanTime{&t.ExpiresAt}, scanTime{&t.LastUsedAt}, &t.Revoked)
	return t, err
}

// FindTokens lists a user's tokens: one's own, or anyone's for a system
// administrator.
func (s *TokenService) FindTokens(ctx context.Context, userID int64) ([]*jixiao.APIToken, error) {
	var out []*jixiao.APIToken
	err := s.db.read(ctx, func(tx *Tx) error {
		if !jixiao.CanSetPassword(tx.user, userID) {
			return refuse(jixiao.EForbidden, "查看令牌", fmt.Sprintf("user/%d", userID), "只能查看自己的令牌")
		}
		rows, err := tx.query(`SELECT `+tokenColumns+` FROM api_tokens WHERE user_id = ? ORDER BY id`, userID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			t, err := scanToken(rows)
			if err != nil {
				return err
			}
			out = append(out, t)
		}
		return rows.Err()
	})
	return out, err
}

// FindUserByToken authenticates a script by its token.
func (s *TokenService) FindUserByToken(ctx context.Context, token string) (*jixiao.User, error) {
	var u *jixiao.User
	err := s.db.write(ctx, func(tx *Tx) error {
		t, err := scanToken(tx.queryRow(`SELECT `+tokenColumns+` FROM api_tokens WHERE token_hash = ?`, jixiao.HashSecret(token)))
		if err != nil || !t.Live(tx.now) {
			return jixiao.Errorf(jixiao.EUnauthorized, "令牌无效、已吊销或已过期")
		}
		if u, err = tx.userByID(t.UserID); err != nil {
			return err
		}
		if u.Disabled {
			return jixiao.Errorf(jixiao.EUnauthorized, "账户已停用")
		}
		_, err = tx.exec(`UPDATE api_tokens SET last_used_at = ? WHERE id = ?`, tx.time(tx.now), t.ID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return u, nil
}

// RevokeToken revokes a token of the user in the context (or any token,
// for a system administrator).
func (s *TokenService) RevokeToken(ctx context.Context, id int64) error {
	return s.db.write(ctx, func(tx *Tx) error {
		var uid int64
		if err := tx.queryRow(`SELECT user_id FROM api_tokens WHERE id = ?`, id).Scan(&uid); err != nil {
			return notFound(err, "令牌 %d 不存在", id)
		}
		if !jixiao.CanSetPassword(tx.user, uid) {
			return refuse(jixiao.ENotFound, "吊销令牌", fmt.Sprintf("token/%d", id), "令牌 %d 不存在", id)
		}
		if _, err := tx.exec(`UPDATE api_tokens SET revoked = ? WHERE id = ?`, true, id); err != nil {
			return err
		}
		return tx.log(&jixiao.LogEntry{Action: jixiao.LogTokenRevoke, Object: fmt.Sprintf("token/%d", id)})
	})
}
