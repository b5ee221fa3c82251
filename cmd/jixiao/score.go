package main

import (
	"fmt"
	"io"

	"jixiao/pipeline"
	"jixiao/present"
)

func runScore(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("score", "[--rules NAME|FILE] [--format text|json] FILE",
		"重算 FILE（自评表文件 .yaml，或可导入的文档）的预算执行率、各指标得分、小计、总分与等级，\n并逐项列出计算公式、所用数据和规则，与表列数值对照。", stderr)
	rulesName := fs.String("rules", "", "规则集名称或文件（默认：文件中的“规则集”，否则 national-2020）")
	format := &formatFlag{value: "text", allowed: []string{"text", "json"}}
	fs.Var(format, "format", "输出格式：text 或 json")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "jixiao score: 需要且只需要一个文件")
		fs.Usage()
		return exitUsage
	}
	d := pipeline.Run(fs.Arg(0), pipeline.Options{Rules: *rulesName})
	if d.Err != nil {
		fmt.Fprintf(stderr, "jixiao score: %v\n", d.Err)
		return exitUsage
	}
	var err error
	if format.value == "json" {
		err = present.WriteJSON(stdout, present.NewScoreJSON(d))
	} else {
		err = present.ScoreText(stdout, d)
	}
	if err != nil {
		fmt.Fprintf(stderr, "jixiao score: %v\n", err)
		return exitUsage
	}
	return exitOK
}
