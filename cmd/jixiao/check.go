package main

import (
	"fmt"
	"io"

	"jixiao"
	"jixiao/pipeline"
	"jixiao/present"
)

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", "[--rules NAME|FILE] [--format text|json] PATH...",
		"检查每个 PATH（自评表文件 .yaml，或可导入的文档）：算术、表内外一致性、结构与指标质量，\n每个问题给出代码、级别、表列数值、应为数值与位置。", stderr)
	rulesName := fs.String("rules", "", "规则集名称或文件（默认：文件中的“规则集”，否则 national-2020）")
	format := &formatFlag{value: "text", allowed: []string{"text", "json"}}
	fs.Var(format, "format", "输出格式：text 或 json")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "jixiao check: 需要至少一个文件")
		fs.Usage()
		return exitUsage
	}
	var docs []*present.Doc
	for _, p := range fs.Args() {
		docs = append(docs, pipeline.Run(p, pipeline.Options{Rules: *rulesName, Audit: true}))
	}
	var err error
	if format.value == "json" {
		out := make([]present.CheckJSON, len(docs))
		for i, d := range docs {
			out[i] = present.NewCheckJSON(d)
		}
		err = present.WriteJSON(stdout, out)
	} else {
		for _, d := range docs {
			if err = present.CheckText(stdout, d); err != nil {
				break
			}
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "jixiao check: %v\n", err)
		return exitUsage
	}
	return checkExit(docs, stderr)
}

// checkExit is 2 when no document could be read, 1 when any has an error
// finding, else 0. Unreadable files are also named on stderr.
func checkExit(docs []*present.Doc, stderr io.Writer) int {
	read, errs := 0, false
	for _, d := range docs {
		if d.Err != nil {
			fmt.Fprintf(stderr, "jixiao check: %s: %v\n", d.Path, d.Err)
			continue
		}
		read++
		for _, f := range d.Findings {
			if f.Severity == jixiao.SevError {
				errs = true
			}
		}
	}
	switch {
	case read == 0:
		return exitUsage
	case errs:
		return exitFindings
	}
	return exitOK
}
