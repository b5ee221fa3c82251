package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"jixiao"
	"jixiao/rules"
	"jixiao/yamlfile"
)

func runInit(args []string, stdout, stderr io.Writer) int {
	flags := newFlags("init", "--kind 部门整体|项目 [--rules NAME] [-o FILE]",
		"生成一份带注释的空白自评表文件，按规则集的指标体系列出待填的指标。", stderr)
	kindName := flags.String("kind", "", "表的类型：部门整体 或 项目（必填）")
	rulesName := flags.String("rules", rules.Default, "规则集名称或文件")
	out := flags.String("o", "", "写入的文件（默认：标准输出）；已存在时不覆盖")
	if code, ok := parse(flags, args); !ok {
		return code
	}
	kind, ok := jixiao.ParseKind(*kindName)
	if !ok || flags.NArg() != 0 {
		fmt.Fprintln(stderr, "jixiao init: --kind 必须是 部门整体 或 项目")
		flags.Usage()
		return exitUsage
	}
	rs, err := rules.Load(*rulesName)
	if err != nil {
		fmt.Fprintf(stderr, "jixiao init: %v\n", err)
		return exitUsage
	}
	b, err := yamlfile.Template(kind, rs)
	if err != nil {
		fmt.Fprintf(stderr, "jixiao init: %v\n", err)
		return exitUsage
	}
	if *out == "" {
		_, err = stdout.Write(b)
	} else {
		err = writeNew(*out, b)
	}
	if err != nil {
		fmt.Fprintf(stderr, "jixiao init: %v\n", err)
		return exitUsage
	}
	return exitOK
}

// writeNew writes a file that must not exist yet: never overwrite a
// finance officer's work.
func writeNew(path string, b []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s 已存在，不覆盖（确需覆盖请加 --force）", path)
	} else if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
