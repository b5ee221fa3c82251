package web

import "jixiao"

// parseRoles reads role codes or Chinese names.
func parseRoles(field string, names []string) ([]jixiao.Role, error) {
	roles := make([]jixiao.Role, 0, len(names))
	for _, n := range names {
		r, ok := jixiao.ParseRole(n)
		if !ok {
			return nil, invalidField(field, "角色 %q 无效", n)
		}
		roles = append(roles, r)
	}
	return roles, nil
}
