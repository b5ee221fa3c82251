package jixiao

import (
	"errors"
	"fmt"
)

// Error codes shared by every layer; the CLI and HTTP map them to exit codes
// and statuses in one place each.
const (
	EInvalid      = "invalid"
	ENotFound     = "not_found"
	EConflict     = "conflict"
	EForbidden    = "forbidden"
	EUnauthorized = "unauthorized"
	EInternal     = "internal"
)

// Error is the domain error: a code for programs and a message for people.
type Error struct {
	Code    string
	Message string
	Err     error // the cause, if any
}

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %v", e.Message, e.Err)
	}
	return e.Message
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EInternal
// for any other non-nil error and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EInternal
}
