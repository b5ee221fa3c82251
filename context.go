package jixiao

import "context"

type contextKey int

const userContextKey contextKey = iota

// NewContextWithUser returns a child of ctx that carries u as the acting
// user. The HTTP layer sets it after authentication; the storage services
// read it to authorize and to record who did what.
func NewContextWithUser(ctx context.Context, u *User) context.Context {
	return context.WithValue(ctx, userContextKey, u)
}

// UserFromContext returns the acting user, or nil when nobody is signed in.
func UserFromContext(ctx context.Context) *User {
	u, _ := ctx.Value(userContextKey).(*User)
	return u
}

// UserIDFromContext returns the acting user's ID, 0 when nobody is signed in.
func UserIDFromContext(ctx context.Context) int64 {
	if u := UserFromContext(ctx); u != nil {
		return u.ID
	}
	return 0
}
