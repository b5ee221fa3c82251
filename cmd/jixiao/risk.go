package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"

	"github.com/shopspring/decimal"

	"jixiao"
	"jixiao/audit"
	"jixiao/bulk"
	"jixiao/importer"
	"jixiao/pipeline"
	"jixiao/risk"
	"jixiao/risk/export"
	"jixiao/rules"
	"jixiao/score"
)

func runRisk(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("risk", "[参数] PATH...",
		"按计算出的风险信号为每份自评打分排序（虚高、指标全部 100%、指标空泛、缺效益指标、错误级问题、\n与其他单位或本单位上年文字雷同、目标值低于上年实际），给出每条原因及其依据；\n--sample N 生成抽查名单：风险最高的若干份加随机抽取的一部分，同一 --seed 结果相同。\n--history 单位 显示一个单位历年的同名指标（目标、实际、得分）、照抄的文字与调低的目标。\n权重与阈值见 docs/risk.md。", stderr)
	rulesName := fs.String("rules", "", "规则集名称或文件（默认：文件中的“规则集”，否则 national-2020）")
	format := &formatFlag{value: "text", allowed: []string{"text", "json", "csv", "xlsx"}}
	fs.Var(format, "format", "输出格式：text、json、csv 或 xlsx（csv/xlsx 为排序或抽查名单；xlsx 需 -o）")
	outPath := fs.String("o", "", "写入此文件（默认标准输出）")
	sample := fs.Int("sample", 0, "抽查名单的份数（0：不抽查，只排序）")
	seed := fs.Uint64("seed", 1, "随机抽取的种子")
	share := fs.String("random-share", risk.DefaultRandomShare.String(), "抽查名单中随机抽取的比例（0–1）")
	top := fs.Int("top", 20, "text 格式显示排序的前几份（0：全部）")
	weights := fs.String("weights", "", "权重文件（格式同内置的 risk/weights.yaml）")
	history := fs.String("history", "", "显示此单位（单位名；项目为“单位·项目”）的历年对比")
	lim := limitFlags(fs)
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "jixiao risk: 需要至少一个文件或文件夹")
		fs.Usage()
		return exitUsage
	}
	rs, err := decimal.NewFromString(*share)
	if err != nil {
		fmt.Fprintf(stderr, "jixiao risk: --random-share %q 不是数\n", *share)
		return exitUsage
	}
	w := risk.DefaultWeights()
	if *weights != "" {
		data, err := os.ReadFile(*weights)
		if err == nil {
			w, err = risk.ParseWeights(string(data))
		}
		if err != nil {
			fmt.Fprintf(stderr, "jixiao risk: %v\n", err)
			return exitUsage
		}
	}
	if format.value == "xlsx" && *outPath == "" {
		fmt.Fprintln(stderr, "jixiao risk: --format xlsx 需要 -o 文件")
		return exitUsage
	}
	docs, code := loadAll(fs.Args(), *rulesName, lim.limits(), "risk", stderr)
	if docs == nil {
		return code
	}
	entries := make([]risk.Entry, len(docs))
	for i, d := range docs {
		entries[i] = risk.Entry{ID: d.name, Eval: d.eval, Result: d.result, Findings: d.findings}
	}
	out := stdout
	if *outPath != "" {
		f, err := os.Create(*outPath)
		if err != nil {
			fmt.Fprintf(stderr, "jixiao risk: %v\n", err)
			return exitUsage
		}
		defer f.Close()
		out = f
	}
	bw := bufio.NewWriter(out)
	if *history != "" {
		h, err := risk.UnitHistory(entries, *history)
		if err == nil {
			err = writeHistory(bw, format.value, &h)
		}
		if err == nil {
			err = bw.Flush()
		}
		if err != nil {
			fmt.Fprintf(stderr, "jixiao risk: %v\n", err)
			return exitUsage
		}
		return exitOK
	}
	ranked := risk.Rank(entries, w)
	var picks []risk.Pick
	if *sample > 0 {
		if picks, err = risk.Sample(ranked, risk.SampleOptions{Size: *sample, RandomShare: rs, Seed: *seed}); err != nil {
			fmt.Fprintf(stderr, "jixiao risk: %v\n", err)
			return exitUsage
		}
	}
	switch format.value {
	case "text":
		writeRankingText(bw, ranked, picks, *top)
	case "json":
		err = writeRankingJSON(bw, ranked, picks)
	default:
		err = export.Write(bw, format.value, ranked, picks)
	}
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		fmt.Fprintf(stderr, "jixiao risk: %v\n", err)
		return exitUsage
	}
	return exitOK
}

// loaded is one document read, scored and audited.
type loaded struct {
	name     string
	eval     *jixiao.Evaluation
	rules    *jixiao.RuleSet
	result   *score.Result
	findings []jixiao.Finding
}

// loadAll reads every file under paths with its report, scores and audits
// it, in parallel, keeping the order of the files. A file that cannot be
// read is reported and left out; nil means none could be read.
func loadAll(paths []string, rulesName string, lim importer.Limits, cmd string, stderr io.Writer) ([]loaded, int) {
	files, skipped, _, errs := bulk.Collect(paths)
	for _, err := range errs {
		fmt.Fprintf(stderr, "jixiao %s: %v\n", cmd, err)
	}
	for _, s := range skipped {
		fmt.Fprintf(stderr, "jixiao %s: 跳过 %s：%s\n", cmd, s.Path, s.Reason)
	}
	docs := make([]loaded, len(files))
	fail := make([]error, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				docs[i], fail[i] = loadOne(files[i], rulesName, lim)
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	var out []loaded
	for i, err := range fail {
		if err != nil {
			fmt.Fprintf(stderr, "jixiao %s: %s\n", cmd, oneLine(err))
			continue
		}
		out = append(out, docs[i])
	}
	if len(out) == 0 {
		fmt.Fprintf(stderr, "jixiao %s: 没有可读取的文件\n", cmd)
		return nil, exitUsage
	}
	return out, exitOK
}

func loadOne(path, rulesName string, lim importer.Limits) (loaded, error) {
	ev, doc, _, err := pipeline.Load(path, lim)
	if err != nil {
		return loaded{}, err
	}
	name := rulesName
	if name == "" {
		name = ev.Rules
	}
	rs, err := rules.Load(name)
	if err != nil {
		return loaded{}, fmt.Errorf("%s：规则集：%w", path, err)
	}
	res := score.Score(ev, rs)
	return loaded{name: path, eval: ev, rules: rs, result: res,
		findings: audit.Check(audit.Input{Eval: ev, Doc: doc, Rules: rs, Result: res})}, nil
}

func writeRankingText(w io.Writer, ranked []risk.Assessment, picks []risk.Pick, top int) {
	n := len(ranked)
	if top > 0 {
		n = min(n, top)
	}
	fmt.Fprintf(w, "风险排序（共 %d 份，显示前 %d 份）\n", len(ranked), n)
	for _, a := range ranked[:n] {
		fmt.Fprintf(w, "%4d. %6s 分  %s  %s %d\n", a.Rank, a.Score.StringFixed(2), a.ID, a.Unit, a.Year)
		for _, r := range a.Reasons {
			fmt.Fprintf(w, "        %s +%s  %s\n          依据：%s\n", r.Code, r.Points.StringFixed(2), r.Message, r.Evidence)
		}
	}
	if picks == nil {
		return
	}
	fmt.Fprintf(w, "\n抽查名单（%d 份）\n", len(picks))
	for _, p := range picks {
		how := "风险最高"
		if p.Random {
			how = "随机抽取"
		}
		fmt.Fprintf(w, "%4d. %s  %6s 分  %s  %s %d\n", p.Rank, how, p.Score.StringFixed(2), p.ID, p.Unit, p.Year)
	}
}

type jsonReason struct {
	Code     string `json:"code"`
	Message  string `json:"message"`
	Evidence string `json:"evidence"`
	Points   string `json:"points"`
	Related  string `json:"related,omitempty"`
}

type jsonAssessment struct {
	Rank    int          `json:"rank"`
	ID      string       `json:"id"`
	Unit    string       `json:"unit"`
	Year    int          `json:"year"`
	Score   string       `json:"score"`
	Reasons []jsonReason `json:"reasons"`
	Random  *bool        `json:"random,omitempty"` // in the sample: drawn at random
}

func toJSON(a risk.Assessment) jsonAssessment {
	j := jsonAssessment{Rank: a.Rank, ID: a.ID, Unit: a.Unit, Year: a.Year, Score: a.Score.StringFixed(2), Reasons: []jsonReason{}}
	for _, r := range a.Reasons {
		j.Reasons = append(j.Reasons, jsonReason{r.Code, r.Message, r.Evidence, r.Points.StringFixed(2), r.Related})
	}
	return j
}

func writeRankingJSON(w io.Writer, ranked []risk.Assessment, picks []risk.Pick) error {
	out := struct {
		Ranking []jsonAssessment `json:"ranking"`
		Sample  []jsonAssessment `json:"sample,omitempty"`
	}{Ranking: []jsonAssessment{}}
	for _, a := range ranked {
		out.Ranking = append(out.Ranking, toJSON(a))
	}
	for _, p := range picks {
		j := toJSON(p.Assessment)
		r := p.Random
		j.Random = &r
		out.Sample = append(out.Sample, j)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func writeHistory(w io.Writer, format string, h *risk.History) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(h)
	case "text":
	default:
		return fmt.Errorf("--history 只支持 text 与 json 格式")
	}
	years := make([]string, len(h.Years))
	for i, y := range h.Years {
		years[i] = fmt.Sprint(y)
	}
	fmt.Fprintf(w, "%s 历年对比（%s 年）\n\n指标（目标 / 实际 / 得分）\n", h.Unit, strings.Join(years, "、"))
	for _, in := range h.Indicators {
		fmt.Fprintf(w, "  %s（%s）\n", in.Name, in.Level1)
		for i, c := range in.Cells {
			if c.Present {
				fmt.Fprintf(w, "    %d  %s / %s / %s\n", h.Years[i], c.Target, c.Actual, c.Score)
			} else {
				fmt.Fprintf(w, "    %d  —\n", h.Years[i])
			}
		}
	}
	fmt.Fprintf(w, "\n目标值低于上年实际（%d 项）\n", len(h.Lowered))
	for _, l := range h.Lowered {
		fmt.Fprintf(w, "  %d %s：目标 %s，%d 年实际 %s\n", l.Year, l.Indicator, l.Target, l.PrevYear, l.PrevActual)
	}
	fmt.Fprintf(w, "\n照抄上年的文字（%d 处）\n", len(h.Reused))
	for _, r := range h.Reused {
		fmt.Fprintf(w, "  %d %s ← %d %s：%s\n", r.Year, r.Field, r.From, r.FromField, r.Text)
	}
	return nil
}
