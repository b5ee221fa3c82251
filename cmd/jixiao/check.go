package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"jixiao"
	"jixiao/bulk"
	"jixiao/importer"
	"jixiao/pipeline"
	"jixiao/present"
	"jixiao/render/summary"
)

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", "[参数] PATH...",
		"检查每个 PATH（自评表文件 .yaml、可导入的文档，或文件夹）：算术、表内外一致性、结构与指标质量，\n每个问题给出代码、级别、表列数值、应为数值与位置（“文件:行:列: 代码”，编辑器可直接跳转）。\n文件夹中的 .yaml .txt .docx .xlsx .pdf .html 都会检查；.doc .wps .xls 等读不了的格式逐个列出原因。\n读不了的文件报告原因后继续，最后列出，退出码为 2。", stderr)
	rulesName := fs.String("rules", "", "规则集名称或文件（默认：文件中的“规则集”，否则 national-2020）")
	format := &formatFlag{value: "text", allowed: []string{"text", "json", "jsonl", "sarif"}}
	fs.Var(format, "format", "输出格式：text、json（一个数组）、jsonl（每个文档一行，边查边输出）或 sarif（SARIF 2.1.0，供代码扫描工具与编辑器）")
	jobs := fs.Int("jobs", 0, "并行数（默认：CPU 核数）")
	quiet := fs.Bool("quiet", false, "不显示进度条")
	summaryPath := fs.String("summary", "", "另写一份汇总工作簿（.xlsx）：每个文档一行，另一张表列出全部问题")
	severity := fs.String("severity", "", "只报告该级别及以上的问题：error、warning 或 info（默认 info，即全部；可在 jixiao.yaml 中设定）")
	ignore := fs.String("ignore", "", "不报告的问题代码，逗号分隔（与 jixiao.yaml 的 ignore 合并）")
	config := fs.String("config", "", "配置文件（默认：当前文件夹中的 jixiao.yaml，若有）")
	lim := limitFlags(fs)
	if code, ok := parse(fs, args); !ok {
		return code
	}
	cfg, err := loadConfig(*config)
	if err != nil {
		fmt.Fprintf(stderr, "jixiao check: %v\n", err)
		return exitUsage
	}
	if *severity != "" {
		cfg.Severity = *severity
	}
	filter, err := keep(cfg.Severity, append(cfg.Ignore, strings.Split(*ignore, ",")...))
	if err != nil {
		fmt.Fprintf(stderr, "jixiao check: %v\n", err)
		return exitUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "jixiao check: 需要至少一个文件或文件夹")
		fs.Usage()
		return exitUsage
	}
	files, skipped, others, errs := bulk.Collect(fs.Args())
	var unread []unreadFile
	for _, err := range errs {
		fmt.Fprintf(stderr, "jixiao check: %v\n", err)
		unread = append(unread, unreadFile{"", err.Error()})
	}
	for _, sk := range skipped {
		fmt.Fprintf(stderr, "jixiao check: 跳过 %s：%s\n", sk.Path, sk.Reason)
		unread = append(unread, unreadFile{sk.Path, sk.Reason})
	}
	if len(files) == 0 {
		fmt.Fprintln(stderr, "jixiao check: 没有可检查的文件")
		if format.value == "sarif" {
			s := &present.SARIF{Version: jixiao.Version}
			for _, u := range unread {
				s.AddUnread(u.path, u.why)
			}
			_ = s.Write(stdout)
		}
		return exitUsage
	}
	var sum *summary.Summary
	if *summaryPath != "" {
		var err error
		if sum, err = summary.New(); err != nil {
			fmt.Fprintf(stderr, "jixiao check: %v\n", err)
			return exitUsage
		}
		// removes the summary's temporary files when the run stops early
		defer sum.Close()
	}
	out := bufio.NewWriterSize(stdout, 64<<10)
	w := newDocWriter(format.value, out)
	for _, u := range unread {
		w.unread(u)
	}
	opt := bulk.Options{Jobs: *jobs, Keep: filter, Pipeline: pipeline.Options{Rules: *rulesName, Audit: true, Limits: lim.limits()}}
	bar := progress(len(files), *quiet, stderr)
	if bar != nil {
		opt.Progress = func(done, total int) { _ = bar.Set(done) }
	}
	st, err := bulk.Run(files, opt, func(d *pipeline.Result) error {
		if d.Err != nil {
			if bar != nil {
				_ = bar.Clear()
			}
			fmt.Fprintf(stderr, "jixiao check: %v\n", indentLines(d.Err))
			unread = append(unread, unreadFile{d.Name, d.Err.Error()})
		}
		if sum != nil {
			if err := sum.Add(d); err != nil {
				return err
			}
		}
		return w.write(d)
	})
	if bar != nil {
		_ = bar.Finish()
		fmt.Fprintln(stderr)
	}
	if err == nil {
		err = w.close()
	}
	if err == nil {
		err = out.Flush()
	}
	if err == nil && sum != nil {
		err = writeSummary(*summaryPath, sum)
	}
	if err != nil {
		fmt.Fprintf(stderr, "jixiao check: %v\n", err)
		return exitUsage
	}
	if len(files)+len(skipped) > 1 {
		printStats(stderr, &st, len(skipped), others)
	}
	if len(unread) > 0 && len(files)+len(unread) > 1 {
		printUnread(stderr, unread)
	}
	switch {
	case len(unread) > 0 || st.Read == 0:
		return exitUsage
	case st.Errors > 0:
		return exitFindings
	}
	return exitOK
}

func oneLine(err error) string { return strings.Join(strings.Fields(err.Error()), " ") }

// unreadFile is an input that was not checked: its path (empty when the
// message names it) and why.
type unreadFile struct{ path, why string }

// indentLines keeps a many-line error (every problem of a YAML file) one
// problem a line, the lines after the first indented under it.
func indentLines(err error) string {
	return strings.ReplaceAll(strings.TrimSpace(err.Error()), "\n", "\n  ")
}

// printUnread lists, after everything else, the inputs that were not
// checked: in a long run their messages have scrolled away.
func printUnread(w io.Writer, files []unreadFile) {
	fmt.Fprintf(w, "未能检查的文件 %d 个：\n", len(files))
	for _, f := range files {
		lines := strings.Split(f.why, "\n")
		why := lines[0]
		if len(lines) > 1 {
			why += fmt.Sprintf("（另有 %d 处）", len(lines)-1)
		}
		if f.path == "" || strings.HasPrefix(why, f.path) {
			fmt.Fprintf(w, "  %s\n", why)
			continue
		}
		fmt.Fprintf(w, "  %s：%s\n", f.path, why)
	}
}

func writeSummary(path string, s *summary.Summary) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := s.Write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func printStats(w io.Writer, st *bulk.Stats, skipped, others int) {
	fmt.Fprintf(w, "共 %d 个文件：读取 %d，无法读取 %d，跳过 %d（格式不支持）；有错误的文档 %d 个；错误 %d、警告 %d、提示 %d。用时 %.1f 秒（%.0f 个/秒）。\n",
		st.Files+skipped, st.Read, st.Unreadable, skipped, st.WithErrors, st.Errors, st.Warnings, st.Infos,
		st.Elapsed.Seconds(), float64(st.Files)/max(st.Elapsed.Seconds(), 1e-9))
	if others > 0 {
		fmt.Fprintf(w, "文件夹中另有 %d 个非文档文件（图片、压缩包等）未检查。\n", others)
	}
	if top := st.TopCodes(5); len(top) > 0 {
		parts := make([]string, len(top))
		for i, c := range top {
			parts[i] = fmt.Sprintf("%s %d", c, st.Codes[c])
		}
		fmt.Fprintf(w, "最常见的问题：%s\n", strings.Join(parts, "，"))
	}
}

// progress returns a bar on a terminal, nil otherwise.
func progress(total int, quiet bool, stderr io.Writer) *progressbar.ProgressBar {
	f, ok := stderr.(*os.File)
	if quiet || total < 2 || !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return progressbar.NewOptions(total, progressbar.OptionSetWriter(stderr), progressbar.OptionSetDescription("检查"),
		progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetItsString("个"),
		progressbar.OptionThrottle(100_000_000), progressbar.OptionClearOnFinish())
}

// docWriter writes documents in one of the output formats as they come;
// SARIF, one object for the whole run, is written at the close.
type docWriter struct {
	format string
	w      io.Writer
	n      int
	sarif  *present.SARIF
}

func newDocWriter(format string, w io.Writer) *docWriter {
	d := &docWriter{format: format, w: w}
	if format == "sarif" {
		d.sarif = &present.SARIF{Version: jixiao.Version}
	}
	return d
}

// unread records an input that was found but not checked.
func (d *docWriter) unread(u unreadFile) {
	if d.sarif != nil {
		d.sarif.AddUnread(u.path, u.why)
	}
}

func (d *docWriter) write(doc *pipeline.Result) error {
	defer func() { d.n++ }()
	switch d.format {
	case "sarif":
		d.sarif.Add(doc)
		return nil
	case "jsonl":
		return present.WriteJSONLine(d.w, present.NewCheckJSON(doc))
	case "json":
		sep := ",\n"
		if d.n == 0 {
			sep = "[\n"
		}
		if _, err := io.WriteString(d.w, sep); err != nil {
			return err
		}
		return present.WriteJSONItem(d.w, present.NewCheckJSON(doc))
	}
	return present.CheckText(d.w, doc)
}

func (d *docWriter) close() error {
	if d.sarif != nil {
		return d.sarif.Write(d.w)
	}
	if d.format != "json" {
		return nil
	}
	end := "\n]\n"
	if d.n == 0 {
		end = "[]\n"
	}
	_, err := io.WriteString(d.w, end)
	return err
}

// limitsFlags are the importer limits, each settable.
type limitsFlags struct {
	fileMiB, unzippedMiB, ratio *int64
	depth, cells, pages         *int
	timeout                     *time.Duration
}

func limitFlags(fs interface {
	Int64(string, int64, string) *int64
	Int(string, int, string) *int
	Duration(string, time.Duration, string) *time.Duration
}) *limitsFlags {
	d := importer.DefaultLimits()
	return &limitsFlags{
		fileMiB:     fs.Int64("max-file-size", d.MaxFileBytes>>20, "单个文件大小上限（MiB）"),
		unzippedMiB: fs.Int64("max-unzipped-size", d.MaxUnzippedBytes>>20, ".docx/.xlsx 解压后大小上限（MiB，防压缩炸弹）"),
		ratio:       fs.Int64("max-zip-ratio", d.MaxRatio, "压缩比上限（防压缩炸弹）"),
		depth:       fs.Int("max-xml-depth", d.MaxXMLDepth, "XML/HTML 嵌套层数上限"),
		cells:       fs.Int("max-cells", d.MaxCells, "工作簿单元格数上限"),
		pages:       fs.Int("max-pages", d.MaxPages, "PDF 页数上限"),
		timeout:     fs.Duration("timeout", d.Timeout, "读取单个 PDF 的时间上限"),
	}
}

func (l *limitsFlags) limits() importer.Limits {
	d := importer.DefaultLimits()
	d.MaxFileBytes, d.MaxUnzippedBytes, d.MaxRatio = *l.fileMiB<<20, *l.unzippedMiB<<20, *l.ratio
	d.MaxXMLDepth, d.MaxCells, d.MaxPages, d.Timeout = *l.depth, *l.cells, *l.pages, *l.timeout
	return d
}
