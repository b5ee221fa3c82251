package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"jixiao"
	"jixiao/sqldb"
)

const userUsage = `用法：jixiao user add|passwd|disable|enable [参数]

  jixiao user add --login 登录名 --name 姓名 --org 单位编码 --role 角色[,角色] [--password-stdin]
  jixiao user passwd 登录名 [--password-stdin]
  jixiao user disable 登录名
  jixiao user enable 登录名

管理账户。不加 --password-stdin 时生成随机密码并打印一次；加了则从标准输入读第一行。
角色：unit_editor（单位填报）、unit_approver（单位审核）、dept_reviewer（主管部门审核）、
finance_reviewer（财政复核）、finance_admin（财政管理员）、system_admin（系统管理员），
也可写中文名。每个子命令的参数见 jixiao user <子命令> -h。
`

func runUser(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stderr, userUsage)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	switch args[0] {
	case "add":
		return runUserAdd(args[1:], stdout, stderr)
	case "passwd":
		return runUserPasswd(args[1:], stdout, stderr)
	case "disable", "enable":
		return runUserDisable(args[0], args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "jixiao user: 未知子命令 %q\n\n%s", args[0], userUsage)
	return exitUsage
}

func runUserAdd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("user add", "--login 登录名 --name 姓名 --org 单位编码 --role 角色[,角色]", "新建账户。", stderr)
	dsn := dbFlag(fs)
	login := fs.String("login", "", "登录名")
	name := fs.String("name", "", "姓名")
	org := fs.String("org", "", "所属单位的编码")
	roleList := fs.String("role", "", "角色，多个用逗号分隔")
	fromStdin := fs.Bool("password-stdin", false, "从标准输入读密码（第一行）")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	var roles []jixiao.Role
	for _, s := range strings.Split(*roleList, ",") {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		r, ok := jixiao.ParseRole(s)
		if !ok {
			fmt.Fprintf(stderr, "jixiao user add: 未知角色 %q\n", s)
			return exitUsage
		}
		roles = append(roles, r)
	}
	if *org == "" {
		fmt.Fprintln(stderr, "jixiao user add: 须用 --org 指定单位编码")
		return exitUsage
	}
	pw, generated, err := newPassword(*fromStdin, stdin)
	if err != nil {
		return fail(stderr, "user add", err)
	}
	ctx := consoleContext()
	db, err := openDB(ctx, *dsn)
	if err != nil {
		return fail(stderr, "user add", err)
	}
	defer db.Close()
	o, err := sqldb.NewOrganisationService(db).FindOrganisationByCode(ctx, *org)
	if err != nil {
		return fail(stderr, "user add", err)
	}
	u := &jixiao.User{Login: *login, Name: *name, OrgID: o.ID, Roles: roles}
	if err := sqldb.NewUserService(db).CreateUser(ctx, u, pw); err != nil {
		return fail(stderr, "user add", err)
	}
	fmt.Fprintf(stdout, "已新建用户 %s（%s，%s，%s）\n", u.Login, u.Name, o.Name, roleLabels(u.Roles))
	if generated {
		fmt.Fprintf(stdout, "初始密码：%s\n", pw)
	}
	return exitOK
}

func roleLabels(rs []jixiao.Role) string {
	s := make([]string, len(rs))
	for i, r := range rs {
		s[i] = r.Label()
	}
	return strings.Join(s, "、")
}

// userByLogin opens the database and finds the one login argument.
func userByLogin(cmd string, fs *flag.FlagSet, dsn string, stderr io.Writer) (*sqldb.DB, *jixiao.User, int) {
	if fs.NArg() != 1 {
		fmt.Fprintf(stderr, "jixiao %s: 需要且只需要一个登录名\n", cmd)
		fs.Usage()
		return nil, nil, exitUsage
	}
	db, err := openDB(consoleContext(), dsn)
	if err != nil {
		return nil, nil, fail(stderr, cmd, err)
	}
	u, err := sqldb.NewUserService(db).FindUserByLogin(consoleContext(), fs.Arg(0))
	if err != nil {
		db.Close()
		return nil, nil, fail(stderr, cmd, err)
	}
	return db, u, exitOK
}

func runUserPasswd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("user passwd", "登录名", "重设密码；该用户的所有会话随之失效。", stderr)
	dsn := dbFlag(fs)
	fromStdin := fs.Bool("password-stdin", false, "从标准输入读新密码（第一行）")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	db, u, code := userByLogin("user passwd", fs, *dsn, stderr)
	if db == nil {
		return code
	}
	defer db.Close()
	pw, generated, err := newPassword(*fromStdin, stdin)
	if err != nil {
		return fail(stderr, "user passwd", err)
	}
	if err := sqldb.NewUserService(db).SetPassword(consoleContext(), u.ID, pw); err != nil {
		return fail(stderr, "user passwd", err)
	}
	fmt.Fprintf(stdout, "已重设 %s 的密码\n", u.Login)
	if generated {
		fmt.Fprintf(stdout, "新密码：%s\n", pw)
	}
	return exitOK
}

func runUserDisable(verb string, args []string, stdout, stderr io.Writer) int {
	summary := "停用账户：不能再登录，现有会话失效。"
	if verb == "enable" {
		summary = "重新启用停用的账户。"
	}
	fs := newFlags("user "+verb, "登录名", summary, stderr)
	dsn := dbFlag(fs)
	if code, ok := parse(fs, args); !ok {
		return code
	}
	db, u, code := userByLogin("user "+verb, fs, *dsn, stderr)
	if db == nil {
		return code
	}
	defer db.Close()
	disabled := verb == "disable"
	if _, err := sqldb.NewUserService(db).UpdateUser(consoleContext(), u.ID, jixiao.UserUpdate{Disabled: &disabled}); err != nil {
		return fail(stderr, "user "+verb, err)
	}
	fmt.Fprintf(stdout, "已%s用户 %s\n", map[bool]string{true: "停用", false: "启用"}[disabled], u.Login)
	return exitOK
}
