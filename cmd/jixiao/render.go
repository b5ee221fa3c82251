package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"jixiao/audit"
	"jixiao/pipeline"
	"jixiao/render"
	"jixiao/rules"
	"jixiao/score"
)

func runRender(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("render", "--to xlsx|docx|pdf|html|md [--what table|report] [-o OUT] FILE",
		"由数据生成正式文档：自评表（table：xlsx、docx、pdf、html、md）或自评报告（report：docx、pdf、html、md）。\nFILE 为自评表文件（.yaml）或可导入的文档。报告中的数字全部由数据计算。", stderr)
	to := &formatFlag{allowed: render.Formats}
	fs.Var(to, "to", "输出格式："+strings.Join(render.Formats, "、"))
	what := &formatFlag{value: "", allowed: []string{"table", "report"}}
	fs.Var(what, "what", "生成什么：table（自评表）或 report（自评报告）；默认 xlsx 为表，其余为报告")
	out := fs.String("o", "", "输出文件（默认：与输入同名、换扩展名；- 为标准输出）；已存在时不覆盖")
	force := fs.Bool("force", false, "允许覆盖已存在的输出文件")
	rulesName := fs.String("rules", "", "规则集名称或文件（默认：文件中的“规则集”，否则 national-2020）")
	withFindings := fs.Bool("with-findings", false, "在报告末尾附上检查发现的问题")
	font := fs.String("font", "", "PDF 与图表所用的中文 TrueType 字体文件（.ttf；默认取环境变量 JIXIAO_FONT，否则用内置的宋体）")
	lim := limitFlags(fs)
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 || to.value == "" {
		fmt.Fprintln(stderr, "jixiao render: 需要 --to 和一个文件")
		fs.Usage()
		return exitUsage
	}
	kind := what.value
	if kind == "" {
		kind = "report"
		if to.value == "xlsx" {
			kind = "table"
		}
	}
	path := fs.Arg(0)
	ev, doc, _, err := pipeline.Load(path, lim.limits())
	if err != nil {
		fmt.Fprintf(stderr, "jixiao render: %v\n", oneLine(err))
		return exitUsage
	}
	name := *rulesName
	if name == "" {
		name = ev.Rules
	}
	rs, err := rules.Load(name)
	if err != nil {
		fmt.Fprintf(stderr, "jixiao render: %v\n", err)
		return exitUsage
	}
	opt := render.Options{Rules: rs, FontPath: *font, WithFindings: *withFindings}
	if *withFindings {
		opt.Findings = audit.Check(audit.Input{Eval: ev, Doc: doc, Rules: rs, Result: score.Score(ev, rs)})
	}
	var buf bytes.Buffer
	if kind == "table" {
		err = render.Table(&buf, to.value, ev, opt)
	} else {
		err = render.Report(&buf, to.value, ev, opt)
	}
	if err != nil {
		fmt.Fprintf(stderr, "jixiao render: %v\n", err)
		return exitUsage
	}
	dest := *out
	if dest == "" {
		dest = strings.TrimSuffix(path, filepath.Ext(path)) + suffix(kind) + "." + to.value
	}
	if dest == "-" {
		_, err = stdout.Write(buf.Bytes())
	} else {
		if *force {
			err = os.WriteFile(dest, buf.Bytes(), 0o644)
		} else {
			// like init and import: a document a unit has edited is not
			// overwritten by a re-render unless asked
			err = writeNew(dest, buf.Bytes())
		}
		if err == nil {
			fmt.Fprintf(stderr, "已写入 %s\n", dest)
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "jixiao render: %v\n", err)
		return exitUsage
	}
	return exitOK
}

func suffix(kind string) string {
	if kind == "table" {
		return "-自评表"
	}
	return "-自评报告"
}
