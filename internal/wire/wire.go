// Package wire joins the storage adapter to the web adapter: the one place
// that knows which sqldb service fills which field of web.Services, so the
// command, the web tests and the benchmarks wire the server alike.
package wire

import (
	"jixiao/sqldb"
	"jixiao/web"
)

// Services returns the storage services of db, as the web server takes them.
func Services(db *sqldb.DB) web.Services {
	return web.Services{
		Organisations: sqldb.NewOrganisationService(db),
		Users:         sqldb.NewUserService(db),
		Sessions:      sqldb.NewSessionService(db),
		Tokens:        sqldb.NewTokenService(db),
		Tasks:         sqldb.NewTaskService(db),
		Evaluations:   sqldb.NewEvaluationService(db),
		Revisions:     sqldb.NewRevisionService(db),
		Comments:      sqldb.NewCommentService(db),
		Reviews:       sqldb.NewReviewService(db),
		Sources:       sqldb.NewSourceService(db),
		Log:           sqldb.NewLogService(db),
		Dashboard:     sqldb.NewDashboardService(db),
		Intakes:       sqldb.NewIntakeService(db),
	}
}
