package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

	"jixiao/pipeline"
	"jixiao/yamlfile"
)

func runImport(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("import", "[-o OUT.yaml] FILE",
		"从文档（.txt .docx .xlsx .pdf .html）中提取自评表，写成自评表文件（YAML）。\n每个数字照原样写出，旁注其在源文件中的位置；未能读取的内容写在文件开头的注释中。", stderr)
	out := fs.String("o", "", "写入的文件（默认或 -：标准输出）；已存在时不覆盖")
	force := fs.Bool("force", false, "允许覆盖已存在的 -o 文件")
	lim := limitFlags(fs)
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "jixiao import: 需要且只需要一个文件")
		fs.Usage()
		return exitUsage
	}
	path := fs.Arg(0)
	ev, _, notes, err := pipeline.Load(path, lim.limits())
	if err != nil {
		fmt.Fprintf(stderr, "jixiao import: %v\n", oneLine(err))
		return exitUsage
	}
	header := fmt.Sprintf("由 jixiao import 从 %s 提取；行尾注释为数字在源文件中的位置。", path)
	if len(notes) > 0 {
		header += "\n未能读取或按推测读取的内容：\n- " + strings.Join(notes, "\n- ")
	}
	var buf bytes.Buffer
	if err := yamlfile.Encode(&buf, ev, yamlfile.Options{Provenance: true, Header: header}); err != nil {
		fmt.Fprintf(stderr, "jixiao import: %v\n", err)
		return exitUsage
	}
	switch {
	case *out == "" || *out == "-":
		_, err = stdout.Write(buf.Bytes())
	case *force:
		err = os.WriteFile(*out, buf.Bytes(), 0o644)
	default:
		err = writeNew(*out, buf.Bytes())
	}
	if err != nil {
		fmt.Fprintf(stderr, "jixiao import: %v\n", err)
		return exitUsage
	}
	for _, n := range notes {
		fmt.Fprintf(stderr, "jixiao import: 注意：%s\n", n)
	}
	return exitOK
}
