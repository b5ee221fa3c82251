package web

import (
	"net/http"
	"slices"

	"jixiao"
)

// userEditPage is one account with the form that changes it.
type userEditPage struct {
	U         *jixiao.User
	Orgs      []*jixiao.Organisation
	Roles     []roleChoice
	CanManage bool
}

// roleChoice is one role's checkbox.
type roleChoice struct {
	Code, Label string
	Held        bool
}

// roleChoices lists every role, checked where held says.
func roleChoices(held func(jixiao.Role) bool) []roleChoice {
	out := make([]roleChoice, 0, len(jixiao.Roles))
	for _, r := range jixiao.Roles {
		out = append(out, roleChoice{Code: string(r), Label: r.Label(), Held: held(r)})
	}
	return out
}

// pageUserEdit answers GET /admin/users/{id}.
func (s *Server) pageUserEdit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	u, err := s.cfg.Users.FindUserByID(r.Context(), id)
	if err != nil {
		return err
	}
	return s.renderUserEdit(w, r, http.StatusOK, "", u)
}

// renderUserEdit writes the account page showing u (as stored, or as a
// refused form left it) and msg, the reason it was refused.
func (s *Server) renderUserEdit(w http.ResponseWriter, r *http.Request, status int, msg string, u *jixiao.User) error {
	ctx := r.Context()
	d := userEditPage{U: u, CanManage: jixiao.CanManageUsers(jixiao.UserFromContext(ctx)),
		Roles: roleChoices(func(x jixiao.Role) bool { return slices.Contains(u.Roles, x) })}
	var err error
	if d.Orgs, _, err = s.cfg.Organisations.FindOrganisations(ctx, jixiao.OrganisationFilter{Limit: maxPage}); err != nil {
		return err
	}
	return s.render(w, r, status, "admin_user", pageData{Title: "用户 · " + u.Name, Flash: flash(r), Error: msg, Data: d})
}
