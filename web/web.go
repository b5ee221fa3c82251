// Package web serves jixiao's system of record over HTTP: the JSON API
// under /api/, the OpenAPI document that describes it, health and
// readiness probes and the embedded static files.
//
// The package only translates: it authenticates the caller (a session
// cookie or a personal API token), decodes the request, calls a domain
// service and encodes the answer. Authorization and the workflow are
// decided by the domain and enforced by the storage services inside their
// transactions; an error they return is turned into an HTTP status in one
// place, errorStatus.
//
// Routes live in routes.go; each handler is in its own file named
// noun_verb.go.
package web
