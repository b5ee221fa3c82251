package jixiao

import (
	"context"
	"time"
)

// APIToken is a personal token for scripts: it acts as its user, through
// the same authorization. Like a session's, only its hash is stored; the
// token itself is shown once, when it is created.
type APIToken struct {
	ID         int64
	UserID     int64
	Name       string // what the user called it ("年度汇总脚本")
	Token      string // the secret; set by CreateToken, never stored
	Prefix     string // the first characters, to tell tokens apart in lists
	CreatedAt  time.Time
	ExpiresAt  time.Time // zero for no expiry
	LastUsedAt time.Time
	Revoked    bool
}

// TokenPrefix is the prefix every API token starts with, so that a leaked
// token is recognisable.
const TokenPrefix = "jx_"

// Live reports whether t may be used at now.
func (t *APIToken) Live(now time.Time) bool {
	return !t.Revoked && (t.ExpiresAt.IsZero() || now.Before(t.ExpiresAt))
}

// Validate checks a token request.
func (t *APIToken) Validate() error {
	if trimmed(t.Name) == "" {
		return Errorf(EInvalid, "令牌名称不能为空")
	}
	return nil
}

// TokenService stores API tokens. A user manages their own tokens.
type TokenService interface {
	// CreateToken stores a token for the user in the context and sets
	// t.Token (shown once), t.Prefix and t.ID.
	CreateToken(ctx context.Context, t *APIToken) error
	// FindTokens lists the user's tokens, without their secrets.
	FindTokens(ctx context.Context, userID int64) ([]*APIToken, error)
	// FindUserByToken returns the live token's user and records its use; an
	// unknown, revoked or expired token gives EUnauthorized.
	FindUserByToken(ctx context.Context, token string) (*User, error)
	// RevokeToken revokes one of the user's tokens.
	RevokeToken(ctx context.Context, id int64) error
}
