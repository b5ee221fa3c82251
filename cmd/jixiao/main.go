// Command jixiao scores, checks, imports and renders budget-performance
// self-evaluations (预算绩效自评). Run `jixiao help` for the commands.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

// Exit codes, the same for every command.
const (
	exitOK       = 0 // done; for check: no error-level finding
	exitFindings = 1 // check found at least one error-level finding
	exitUsage    = 2 // bad usage or unreadable input
)

// command is one subcommand.
type command struct {
	name, summary string
	run           func(args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"score", "重算得分并给出每一分的依据", runScore},
		{"check", "检查自评表与自评报告中的问题", runCheck},
		{"import", "从文档中提取自评表，写成自评表文件", runImport},
		{"render", "由数据生成自评表与自评报告（xlsx、docx、pdf、html、md）", runRender},
		{"rules", "列出或显示规则集", runRules},
		{"init", "生成待填写的空白自评表文件", runInit},
		{"gen", "生成带已知错误的模拟自评表（测试与压测用）", runGen},
		{"risk", "按风险信号排序并生成抽查名单；单位历年对比", runRisk},
		{"publish", "生成公开用的静态网页包与公开数据", runPublish},
		{"serve", "运行自评系统（网页与 JSON API）；--demo 带演示数据", runServe},
		{"user", "管理账户：新建、重设密码、停用（user add|passwd|disable）", runUser},
		{"org", "由 Excel 表导入单位树（org import）", runOrg},
		{"intake", "批量收件：把文件夹或 .zip 中的自评材料导入数据库（后台任务，可中断续做）", runIntake},
		{"backup", "一致地备份数据库（服务运行时也可以）", runBackup},
		{"restore", "由备份恢复数据库", runRestore},
		{"log", "校验审计日志的哈希链（log verify）", runLog},
		{"version", "显示版本", runVersion},
	}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		if len(args) > 1 {
			return run([]string{args[1], "-h"}, stdout, stderr)
		}
		usage(stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "jixiao: 未知命令 %q\n\n", args[0])
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprint(w, `jixiao — 预算绩效自评：计分、检查、导入、生成

用法：jixiao <命令> [参数]

命令：
`)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
每个命令的参数见 jixiao <命令> -h。退出码：0 成功（check：无错误级问题），
1 check 发现错误级问题，2 用法错误或文件无法读取。
文档：docs/cli.md（命令与 JSON 输出）、docs/format.md（自评表文件格式）、docs/rules.md（规则集）。
`)
}

// newFlags returns a FlagSet that prints its usage text on -h and reports
// errors as exit code 2.
func newFlags(name, args, summary string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(flagText{stderr})
	fs.Usage = func() {
		fmt.Fprintf(stderr, "用法：jixiao %s %s\n\n%s\n\n参数：\n", name, args, summary)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags; ok is false when the command should exit with code.
func parse(fs *flag.FlagSet, args []string) (code int, ok bool) {
	if err := fs.Parse(interleave(fs, args)); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK, false
		}
		return exitUsage, false
	}
	return 0, true
}

// interleave moves flags given after positional arguments to the front, so
// that `jixiao check FILE --format json` works as users expect.
func interleave(fs *flag.FlagSet, args []string) []string {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			pos = append(pos, args[i+1:]...)
			i = len(args)
		case len(a) > 1 && a[0] == '-':
			flags = append(flags, a)
			name := a[1:]
			if len(name) > 0 && name[0] == '-' {
				name = name[1:]
			}
			if f := fs.Lookup(name); f != nil && !isBool(f) && i+1 < len(args) {
				i++
				flags = append(flags, args[i])
			}
		default:
			pos = append(pos, a)
		}
	}
	return append(flags, pos...)
}

func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// formatFlag validates --format values.
type formatFlag struct {
	value   string
	allowed []string
}

func (f *formatFlag) String() string { return f.value }

func (f *formatFlag) Set(s string) error {
	for _, a := range f.allowed {
		if s == a {
			f.value = s
			return nil
		}
	}
	return fmt.Errorf("应为 %v 之一", f.allowed)
}
