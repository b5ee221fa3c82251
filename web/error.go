package web

import (
	"errors"
	"log/slog"
	"net/http"

	"jixiao"
)

// errorBody is the JSON body of every error answer.
type errorBody struct {
	Code    string `json:"code"`            // one of the jixiao.E* codes
	Message string `json:"message"`         // for people, in Chinese
	Field   string `json:"field,omitempty"` // the request field at fault, if any
	// Details help the client resolve the error: for a version conflict,
	// the revisions saved since the version it had.
	Details any `json:"details,omitempty"`
}

// detailedError carries details for the error body.
type detailedError struct {
	Err     error
	Details any
}

func (e *detailedError) Error() string { return e.Err.Error() }
func (e *detailedError) Unwrap() error { return e.Err }

// errorStatus is the one place where a domain error code becomes an HTTP
// status.
func errorStatus(code string) int {
	switch code {
	case jixiao.EInvalid:
		return http.StatusBadRequest
	case jixiao.ENotFound:
		return http.StatusNotFound
	case jixiao.EConflict:
		return http.StatusConflict
	case jixiao.EForbidden:
		return http.StatusForbidden
	case jixiao.EUnauthorized:
		return http.StatusUnauthorized
	case eTooLarge:
		return http.StatusRequestEntityTooLarge
	case eUnsupported:
		return http.StatusUnsupportedMediaType
	case eThrottled:
		return http.StatusTooManyRequests
	case eMethod:
		return http.StatusMethodNotAllowed
	}
	return http.StatusInternalServerError
}

// HTTP-only codes, for refusals that happen before any domain service is
// called.
const (
	eTooLarge    = "too_large"
	eUnsupported = "unsupported_media_type"
	eThrottled   = "throttled"
	eMethod      = "method_not_allowed"
)

// fieldError is an invalid request naming the field at fault.
type fieldError struct {
	Field string
	Err   *jixiao.Error
}

func (e *fieldError) Error() string { return e.Field + ": " + e.Err.Error() }
func (e *fieldError) Unwrap() error { return e.Err }

// invalidField returns an EInvalid error about one request field.
func invalidField(field, format string, args ...any) error {
	return &fieldError{Field: field, Err: jixiao.Errorf(jixiao.EInvalid, format, args...)}
}

// errorField names the field an error is about, if it says.
func errorField(err error) string {
	var fe *fieldError
	if errors.As(err, &fe) {
		return fe.Field
	}
	var f interface{ FieldName() string }
	if errors.As(err, &f) {
		return f.FieldName()
	}
	return ""
}

// writeError answers with err as JSON. Domain errors show their message;
// any other error is logged and shown as a generic internal error, since
// its text may hold paths, SQL or secrets.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	code := jixiao.ErrorCode(err)
	body := errorBody{Code: code, Field: errorField(err)}
	var de *jixiao.Error
	if code == jixiao.EInternal || !errors.As(err, &de) {
		s.logger.ErrorContext(r.Context(), "internal error", slog.String("method", r.Method),
			slog.String("path", r.URL.Path), slog.Any("err", err))
		body = errorBody{Code: jixiao.EInternal, Message: "服务器内部错误，已记录，请稍后再试或联系管理员"}
	} else {
		body.Message = de.Message
		var dd *detailedError
		if errors.As(err, &dd) {
			body.Details = dd.Details
		}
	}
	if code == jixiao.EUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="jixiao"`)
	}
	writeJSON(w, errorStatus(body.Code), body)
}

// onField names the field a domain validation error is about.
func onField(field string, err error) error {
	var de *jixiao.Error
	if err == nil || !errors.As(err, &de) {
		return err
	}
	return &fieldError{Field: field, Err: de}
}
