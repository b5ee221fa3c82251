package main

import (
	"fmt"
	"io"
	"runtime"

	"jixiao"
)

func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("version", "", "显示 jixiao 的版本与构建平台。", stderr)
	if code, ok := parse(fs, args); !ok {
		return code
	}
	fmt.Fprintf(stdout, "jixiao %s (%s, %s/%s)\n", jixiao.Version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return exitOK
}
