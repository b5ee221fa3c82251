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
	// join, when set, is the handler's first read, made in the statement
	// that looks the caller's session up.
	join joinRead
}

// handlerFunc is a handler that returns its error for writeError to
// answer.
type handlerFunc func(http.ResponseWriter, *http.Request) error

// routeTable lists every route of the server. The OpenAPI document
// (openapi.yaml) describes exactly these; TestOpenAPIMatchesRoutes checks.
func (s *Server) routeTable() []route {
	upload := s.cfg.MaxUpload + 1<<20 // the file and the form around it
	return []route{
		{method: "GET", path: "/healthz", handle: s.healthShow},
		{method: "GET", path: "/readyz", handle: s.readyShow},
		{method: "GET", path: "/api/openapi.json", handle: s.openAPIShow},
		{method: "GET", path: "/static/{file...}", handle: s.staticShow},

		{method: "POST", path: "/api/login", handle: s.sessionCreate},
		{method: "POST", path: "/api/logout", handle: s.sessionDelete},
		{method: "GET", path: "/api/me", handle: s.meShow, access: user},
		{method: "GET", path: "/api/me/obligations", handle: s.obligationMine, access: user},

		{method: "GET", path: "/api/tokens", handle: s.tokenList, access: user},
		{method: "POST", path: "/api/tokens", handle: s.tokenCreate, access: user},
		{method: "DELETE", path: "/api/tokens/{id}", handle: s.tokenDelete, access: user},

		{method: "GET", path: "/api/organisations", handle: s.organisationList, access: user},
		{method: "POST", path: "/api/organisations", handle: s.organisationCreate, access: user},
		{method: "GET", path: "/api/organisations/{id}", handle: s.organisationShow, access: user},
		{method: "PATCH", path: "/api/organisations/{id}", handle: s.organisationUpdate, access: user},

		{method: "GET", path: "/api/users", handle: s.userList, access: user},
		{method: "POST", path: "/api/users", handle: s.userCreate, access: user},
		{method: "GET", path: "/api/users/{id}", handle: s.userShow, access: user},
		{method: "PATCH", path: "/api/users/{id}", handle: s.userUpdate, access: user},
		{method: "PUT", path: "/api/users/{id}/password", handle: s.passwordUpdate, access: user},

		{method: "GET", path: "/api/tasks", handle: s.taskList, access: user, join: s.joinTasks},
		{method: "POST", path: "/api/tasks", handle: s.taskCreate, access: user},
		{method: "GET", path: "/api/tasks/{id}", handle: s.taskShow, access: user},
		{method: "GET", path: "/api/tasks/{id}/obligations", handle: s.obligationList, access: user},

		{method: "GET", path: "/api/evaluations", handle: s.evaluationList, access: user},
		{method: "POST", path: "/api/evaluations", handle: s.evaluationCreate, access: user},
		{method: "POST", path: "/api/evaluations/import", handle: s.evaluationImport, access: user, maxBody: upload},
		{method: "GET", path: "/api/evaluations/{id}", handle: s.evaluationShow, access: user, join: s.joinEvaluationRow},
		{method: "PUT", path: "/api/evaluations/{id}", handle: s.evaluationUpdate, access: user},
		{method: "GET", path: "/api/evaluations/{id}/revisions", handle: s.revisionList, access: user},
		{method: "GET", path: "/api/evaluations/{id}/revisions/{n}", handle: s.revisionShow, access: user},
		{method: "GET", path: "/api/evaluations/{id}/revisions/{n}/findings", handle: s.findingList, access: user},
		{method: "GET", path: "/api/evaluations/{id}/revisions/{n}/score", handle: s.scoreShow, access: user},
		{method: "GET", path: "/api/evaluations/{id}/diff", handle: s.revisionDiff, access: user},
		{method: "GET", path: "/api/evaluations/{id}/transitions", handle: s.transitionList, access: user},
		{method: "POST", path: "/api/evaluations/{id}/transitions", handle: s.transitionCreate, access: user},
		{method: "GET", path: "/api/evaluations/{id}/comments", handle: s.commentList, access: user},
		{method: "POST", path: "/api/evaluations/{id}/comments", handle: s.commentCreate, access: user},
		{method: "POST", path: "/api/comments/{id}/resolve", handle: s.commentResolve, access: user},
		{method: "GET", path: "/api/evaluations/{id}/review-scores", handle: s.reviewScoreList, access: user},
		{method: "POST", path: "/api/evaluations/{id}/review-scores", handle: s.reviewScoreSave, access: user},
		{method: "GET", path: "/api/evaluations/{id}/downloads/{file}", handle: s.downloadShow, access: user},
		{method: "GET", path: "/api/evaluations/{id}/source", handle: s.sourceShow, access: user},

		{method: "GET", path: "/api/public/evaluations", handle: s.publicEvaluationList},
		{method: "GET", path: "/api/public/evaluations/{id}", handle: s.publicEvaluationShow},
		{method: "GET", path: "/api/public/evaluations/{id}/downloads/{file}", handle: s.publicDownloadShow},
		{method: "GET", path: "/api/public/evaluations/{id}/review-scores", handle: s.publicReviewScoreList},

		{method: "GET", path: "/api/dashboard", handle: s.dashboardShow, access: user},
		{method: "GET", path: "/api/dashboard/workbook", handle: s.dashboardWorkbook, access: user},
		{method: "GET", path: "/api/units/{id}/years", handle: s.yearsShow, access: user},

		{method: "GET", path: "/api/intakes", handle: s.intakeList, access: user},
		{method: "POST", path: "/api/intakes", handle: s.intakeCreate, access: user, maxBody: s.cfg.MaxIntake},
		{method: "GET", path: "/api/intakes/{id}", handle: s.intakeShow, access: user},
		{method: "GET", path: "/api/intakes/{id}/items", handle: s.intakeItemList, access: user},
		{method: "POST", path: "/api/intake-items/{id}/assign", handle: s.intakeItemAssign, access: user},

		{method: "GET", path: "/api/log", handle: s.logList, access: user},
		{method: "GET", path: "/api/log/verify", handle: s.logVerify, access: user},
	}
}
