package main

import (
	"fmt"
	"io"

	"jixiao/publish"
)

func runPublish(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("publish", "--out DIR [参数] PATH...",
		"把公开的自评写成可直接复制到政府网站的静态文件夹：索引页、每份自评的网页与 PDF，\n以及公开数据（每份一个 JSON、两个 CSV、JSON Schema）、文件清单 manifest.json 与 SHA256SUMS。\n页面只用相对链接、不引用任何外部资源，可从本地文件系统直接打开。格式见 docs/opendata.md。", stderr)
	out := fs.String("out", "", "输出文件夹（必填；已有的同名文件会被覆盖）")
	title := fs.String("title", "", "索引页标题（默认“预算绩效自评公开”）")
	rulesName := fs.String("rules", "", "规则集名称或文件（默认：文件中的“规则集”，否则 national-2020）")
	noPDF := fs.Bool("no-pdf", false, "不生成 PDF")
	font := fs.String("font", "", "PDF 所用的中文 TrueType 字体（默认自动查找）")
	lim := limitFlags(fs)
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if *out == "" || fs.NArg() == 0 {
		fmt.Fprintln(stderr, "jixiao publish: 需要 --out 文件夹与至少一个文件或文件夹")
		fs.Usage()
		return exitUsage
	}
	docs, code := loadAll(fs.Args(), *rulesName, lim.limits(), "publish", stderr)
	if docs == nil {
		return code
	}
	items := make([]publish.Item, len(docs))
	for i, d := range docs {
		items[i] = publish.Item{Name: d.name, Eval: d.eval, Rules: d.rules}
	}
	m, err := publish.Write(*out, items, publish.Options{Title: *title, NoPDF: *noPDF, FontPath: *font})
	if err != nil {
		fmt.Fprintf(stderr, "jixiao publish: %v\n", err)
		return exitUsage
	}
	var size int64
	for _, f := range m.Files {
		size += f.Size
	}
	fmt.Fprintf(stdout, "已写入 %s：%d 份自评，%d 个文件（%.1f MiB），清单 manifest.json，校验和 SHA256SUMS。\n",
		*out, len(items), len(m.Files)+2, float64(size)/(1<<20))
	return exitOK
}
