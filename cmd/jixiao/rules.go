package main

import (
	"fmt"
	"io"
	"strings"

	"jixiao/rules"
)

func runRules(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("rules", "[NAME]", "不带参数：列出内置规则集；带 NAME：显示该规则集的完整定义（YAML）。\n规则集说明见 docs/rules.md。", stderr)
	if code, ok := parse(fs, args); !ok {
		return code
	}
	switch fs.NArg() {
	case 0:
		for _, n := range rules.Names() {
			rs, err := rules.Load(n)
			if err != nil {
				fmt.Fprintf(stderr, "jixiao rules: %v\n", err)
				return exitUsage
			}
			def := ""
			if n == rules.Default {
				def = "（默认）"
			}
			fmt.Fprintf(stdout, "%-14s %s%s\n%-14s %s\n\n", n, rs.Title, def, "", rs.Description)
		}
		return exitOK
	case 1:
		b, err := rules.Source(fs.Arg(0))
		if err != nil {
			fmt.Fprintf(stderr, "jixiao rules: %v\n", err)
			return exitUsage
		}
		if _, err := rules.Load(fs.Arg(0)); err != nil {
			fmt.Fprintf(stderr, "jixiao rules: %v\n", err)
			return exitUsage
		}
		fmt.Fprint(stdout, strings.TrimRight(string(b), "\n")+"\n")
		return exitOK
	}
	fs.Usage()
	return exitUsage
}
