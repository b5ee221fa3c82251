package web_test

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestAdminPages runs the administrator's work through the admin pages
// with plain form posts: add an organisation and an account, change the
// account's roles and state, set its password, rename and move the
// organisation; refusals are shown on the page with the form kept.
func TestAdminPages(t *testing.T) {
	eachEngine(t, testAdminPages)
}

func testAdminPages(t *testing.T, dsn string) {
	w := mustWorld(t, dsn)

	t.Run("ErrNotSystemAdmin", func(t *testing.T) {
		c := w.login("financeAdmin")
		_, src := c.page(t, "/admin")
		if strings.Contains(src, `id="new-user"`) || !strings.Contains(src, "测试司法所") {
			t.Errorf("a finance admin's /admin: want the lists without forms")
		}
		resp, src := c.postForm(t, "/admin/users", url.Values{"login": {"x"}, "name": {"x"}, "org_id": {fmt.Sprint(w.orgs["U"].ID)},
			"roles": {"unit_editor"}, "password": {"0123456789"}})
		if resp.StatusCode != 403 || !strings.Contains(src, "只有系统管理员可以管理用户") {
			t.Errorf("a finance admin creating a user: %d", resp.StatusCode)
		}
	})

	c := w.login("admin")
	_, src := c.page(t, "/admin")
	action, form := formOf(t, src, "new-org")
	form.Set("code", "U09")
	form.Set("name", "测试法律援助中心")
	form.Set("kind", "unit")
	form.Set("parent_id", fmt.Sprint(w.orgs["D"].ID))
	resp, src := c.postForm(t, action, form)
	if resp.Request.URL.Query().Get("msg") != "org_created" || !strings.Contains(src, "单位已新建") {
		t.Fatalf("after creating the organisation at %s: %.300s", resp.Request.URL, src)
	}
	orgID := regexp.MustCompile(`<tr id="org-(\d+)"><td>U09</td><td class="depth-3">测试法律援助中心</td><td>预算单位</td><td>测试司法局</td>`).FindStringSubmatch(src)
	if orgID == nil {
		t.Fatalf("the new organisation is not listed under 测试司法局")
	}

	t.Run("ErrRoleDoesNotFitOrg", func(t *testing.T) {
		_, form := formOf(t, src, "new-user")
		form.Set("login", "wrongrole")
		form.Set("name", "错角色")
		form.Set("org_id", orgID[1])
		form["roles"] = []string{"dept_reviewer"}
		form.Set("password", "0123456789")
		resp, page := c.postForm(t, "/admin/users", form)
		if resp.StatusCode != 400 || !strings.Contains(page, "不能担任“主管部门审核”") {
			t.Fatalf("a role that does not fit: %d", resp.StatusCode)
		}
		// the form is shown again, open, with what was typed but the password
		if !strings.Contains(page, `<details class="addform" open><summary>新建用户`) || !strings.Contains(page, `value="wrongrole"`) ||
			!strings.Contains(page, `value="dept_reviewer" checked`) || strings.Contains(page, "0123456789") {
			t.Errorf("the refused form is not shown back as typed")
		}
	})

	_, form = formOf(t, src, "new-user")
	form.Set("login", "clerk")
	form.Set("name", "钱填报")
	form.Set("org_id", orgID[1])
	form["roles"] = []string{"unit_editor"}
	form.Set("password", "first-password")
	resp, src = c.postForm(t, "/admin/users", form)
	m := regexp.MustCompile(`<tr id="user-(\d+)"><td>clerk</td><td>钱填报</td><td>测试法律援助中心</td><td>单位填报</td><td>正常</td>`).FindStringSubmatch(src)
	if resp.Request.URL.Query().Get("msg") != "user_created" || m == nil {
		t.Fatalf("after creating the user at %s: the list does not show clerk", resp.Request.URL)
	}
	userID := m[1]
	loginPage := func(password string) int {
		r, _ := w.anon().postForm(t, "/login", url.Values{"login": {"clerk"}, "password": {password}, "next": {"/"}})
		return r.StatusCode
	}
	if st := loginPage("first-password"); st != 200 {
		t.Fatalf("the new account signs in: %d", st)
	}

	// roles and name on the account's own page
	_, src = c.page(t, "/admin/users/"+userID)
	action, form = formOf(t, src, "user-form")
	form.Set("name", "钱审核")
	form["roles"] = []string{"unit_editor", "unit_approver"}
	resp, src = c.postForm(t, action, form)
	if resp.Request.URL.Path != "/admin/users/"+userID || !strings.Contains(src, "用户已修改") ||
		!strings.Contains(src, `value="unit_approver" checked`) || !strings.Contains(src, `value="钱审核"`) {
		t.Fatalf("after changing the roles at %s", resp.Request.URL)
	}
	t.Run("ErrNoRole", func(t *testing.T) {
		_, f := formOf(t, src, "user-form")
		delete(f, "roles")
		resp, page := c.postForm(t, action, f)
		if resp.StatusCode != 400 || !strings.Contains(page, "至少要有一个角色") {
			t.Errorf("no role ticked: %d", resp.StatusCode)
		}
	})

	// a new password, then 停用 from the list: the account no longer signs in
	action, form = formOf(t, src, "password-form")
	form.Set("password", "second-password")
	if resp, _ := c.postForm(t, action, form); resp.Request.URL.Query().Get("msg") != "password" {
		t.Fatalf("after setting the password at %s", resp.Request.URL)
	}
	if loginPage("first-password") != 401 || loginPage("second-password") != 200 {
		t.Errorf("after the reset: the old password must fail, the new one work")
	}
	resp, src = c.postForm(t, "/admin/users/"+userID, url.Values{"disabled": {"1"}})
	if !regexp.MustCompile(`(?s)<tr id="user-` + userID + `" class="disabled"><td>clerk</td><td>钱审核</td>.*?已停用.*?启用`).MatchString(src) {
		t.Errorf("the list after 停用 does not show clerk disabled")
	}
	if st := loginPage("second-password"); st != 401 {
		t.Errorf("a disabled account signs in: %d", st)
	}

	// rename the organisation and move it under 测试教育局
	_, src = c.page(t, "/admin/organisations/"+orgID[1])
	action, form = formOf(t, src, "org-form")
	form.Set("name", "测试法援中心")
	form.Set("parent_id", fmt.Sprint(w.orgs["E"].ID))
	resp, src = c.postForm(t, action, form)
	if resp.Request.URL.Query().Get("msg") != "org_saved" || !strings.Contains(src, `<td class="depth-3">测试法援中心</td><td>预算单位</td><td>测试教育局</td>`) {
		t.Fatalf("after renaming and moving at %s", resp.Request.URL)
	}
	t.Run("ErrDepartmentUnderUnit", func(t *testing.T) {
		resp, page := c.postForm(t, "/admin/organisations/"+strconv.FormatInt(w.orgs["E"].ID, 10),
			url.Values{"name": {"测试教育局"}, "parent_id": {fmt.Sprint(w.orgs["U"].ID)}})
		if resp.StatusCode != 400 || !strings.Contains(page, "不能隶属于") || !strings.Contains(page, `id="org-form"`) {
			t.Errorf("a department under a unit: %d", resp.StatusCode)
		}
	})
}
