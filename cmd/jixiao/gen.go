package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"jixiao"
	"jixiao/gen"
)

func runGen(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("gen", "-n N -o DIR [参数]",
		"生成 N 份模拟自评表（部门整体与项目、不同单位、年度与省份规则集），按所选格式写入 DIR，\n每份另写 NAME.truth.json：关键数字与故意注入的错误（应报的问题代码及改动）。同一种子结果相同。\n每张表在标题下写明所用规则集（“规则集：NAME”），jixiao check 按它计分，无需 --rules。", stderr)
	n := fs.Int("n", 10, "生成份数")
	dir := fs.String("o", "", "输出文件夹（不存在则创建）")
	formats := fs.String("formats", "docx", "输出格式，逗号分隔："+strings.Join(gen.Formats, ","))
	seed := fs.Int64("seed", 1, "随机种子")
	rate := fs.Float64("error-rate", 0.3, "注入错误的份数比例（0–1）")
	rulesName := fs.String("rules", "", "统一使用的规则集（默认：按所生成单位的省份）")
	kind := fs.String("kind", "", "只生成一种：部门整体 或 项目（默认两种都有）")
	report := fs.Bool("report", false, "另写自评报告 NAME.report.docx（附自评表）")
	font := fs.String("font", "", "PDF 所用中文 TrueType 字体文件（.ttf；默认取环境变量 JIXIAO_FONT，否则用内置的宋体）")
	jobs := fs.Int("jobs", 0, "并行数（默认：CPU 核数）")
	quiet := fs.Bool("quiet", false, "不显示进度")
	panel := panelFlags(fs)
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if panel.on {
		return runGenPanel(panel, *dir, *seed, *rulesName, *formats, stdout, stderr)
	}
	if *dir == "" || *n < 1 || *rate < 0 || *rate > 1 || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "jixiao gen: 需要 -n（≥1）与 -o，--error-rate 在 0 到 1 之间")
		fs.Usage()
		return exitUsage
	}
	fm, err := gen.ParseFormats(*formats)
	if err != nil {
		fmt.Fprintf(stderr, "jixiao gen: %v\n", err)
		return exitUsage
	}
	opt := gen.RunOptions{N: *n, Dir: *dir, Seed: *seed, Jobs: *jobs,
		Gen:   gen.Options{ErrorRate: *rate, Rules: *rulesName},
		Write: gen.WriteOptions{Formats: fm, Report: *report, FontPath: *font}}
	if *kind != "" {
		k, ok := jixiao.ParseKind(*kind)
		if !ok {
			fmt.Fprintf(stderr, "jixiao gen: 未知的类型 %q（部门整体 或 项目）\n", *kind)
			return exitUsage
		}
		opt.Gen.Kind = k
	}
	opt.Progress = genProgress(*n, *quiet, stderr)
	st, err := gen.Run(opt)
	if err != nil {
		fmt.Fprintf(stderr, "\njixiao gen: %v\n", err)
		return exitUsage
	}
	codes := make([]string, 0, len(st.Codes))
	for c := range st.Codes {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	parts := make([]string, len(codes))
	for i, c := range codes {
		parts[i] = fmt.Sprintf("%s %d", c, st.Codes[c])
	}
	fmt.Fprintf(stdout, "已生成 %d 份（%s）于 %s：无错误 %d 份，注入错误 %d 份", *n, strings.Join(fm, "、"), *dir, st.Clean, st.WithErrors)
	if len(parts) > 0 {
		fmt.Fprintf(stdout, "（%s）", strings.Join(parts, "，"))
	}
	fmt.Fprintln(stdout)
	return exitOK
}

// genProgress shows a bar on a terminal and, elsewhere, a line every 10%
// for runs large enough to wait for.
func genProgress(total int, quiet bool, stderr io.Writer) func(done, total int) {
	if quiet || total < 100 {
		return nil
	}
	if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		bar := progressbar.NewOptions(total, progressbar.OptionSetWriter(stderr), progressbar.OptionSetDescription("生成"),
			progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetItsString("份"),
			progressbar.OptionThrottle(100_000_000), progressbar.OptionClearOnFinish())
		return func(done, _ int) { _ = bar.Set(done) }
	}
	step := max(total/10, 1)
	return func(done, total int) {
		if done%step == 0 || done == total {
			fmt.Fprintf(stderr, "生成 %d/%d\n", done, total)
		}
	}
}
