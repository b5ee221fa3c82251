package jixiao

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"time"
)

// Session is a signed-in browser. The token is handed to the client once,
// in a cookie; storage keeps only its hash, so a copy of the database signs
// nobody in. Sessions live in the database so that any server can serve
// any request.
type Session struct {
	ID        int64
	Token     string // the secret; set by CreateSession, never stored
	UserID    int64
	User      *User // filled by FindSessionByToken
	Address   string
	UserAgent string
	CreatedAt time.Time
	ExpiresAt time.Time
	SeenAt    time.Time
}

// Expired reports whether s is past its expiry at now.
func (s *Session) Expired(now time.Time) bool { return !now.Before(s.ExpiresAt) }

// SessionService stores sessions.
type SessionService interface {
	// CreateSession stores a new session for s.UserID expiring at
	// s.ExpiresAt and sets s.Token and s.ID.
	CreateSession(ctx context.Context, s *Session) error
	// FindSessionByToken returns the live session with the given token and
	// its user; an unknown, expired or disabled one gives EUnauthorized.
	FindSessionByToken(ctx context.Context, token string) (*Session, error)
	// TouchSession records that the session was used and moves its expiry.
	TouchSession(ctx context.Context, token string, expiresAt time.Time) error
	// DeleteSession signs the session out.
	DeleteSession(ctx context.Context, token string) error
	// DeleteUserSessions signs a user out everywhere (after a password
	// change or when the account is disabled).
	DeleteUserSessions(ctx context.Context, userID int64) error
	// DeleteExpiredSessions removes sessions expired at now.
	DeleteExpiredSessions(ctx context.Context, now time.Time) (int, error)
}

// NewSecret returns a random token of 32 bytes, base64url-encoded.
func NewSecret() (string, error) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b[:]), nil
}

// HashSecret is the form a token is stored and looked up in. A token is
// random and long, so a plain SHA-256 suffices (unlike a password).
func HashSecret(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}
