package web

import "net/http"

// access says who may call a route. Whether that caller may act on the
// object named is for the domain services to decide.
type access int

const (
	public access = iota // anyone, logged in or not
	user                 // a logged-in user or a valid API token
)

// route is one entry of the route table.
type route struct {
	method, path string
	handle       handlerFunc
	access       access
	maxBody      int64 // 0: Config.MaxBody
}

// handlerFunc is a handler that returns its error for writeError to
// answer.
type handlerFunc func(http.ResponseWriter, *http.Request) error

// routeTable lists every route of the server. The OpenAPI document
// (openapi.yaml) describes exactly these; TestOpenAPIMatchesRoutes checks.
func (s *Server) routeTable() []route {
	return []route{
		{method: "GET", path: "/healthz", handle: s.healthShow},
		{method: "GET", path: "/readyz", handle: s.readyShow},
		{method: "GET", path: "/api/openapi.json", handle: s.openAPIShow},
		{method: "GET", path: "/static/{file...}", handle: s.staticShow},
	}
}
