package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"jixiao/gen"
)

// panelOptions are the flags of `jixiao gen --panel`.
type panelOptions struct {
	on           bool
	units, years int
	first        int
	inject       float64
	fs           *flag.FlagSet // to tell whether --formats was given
}

func panelFlags(fs *flag.FlagSet) *panelOptions {
	p := &panelOptions{fs: fs}
	fs.BoolVar(&p.on, "panel", false, "生成多年度面板：同一批单位连续若干年各一份（沿用同一组指标），按 --inject 比例注入风险（虚高、全部达成、抄袭他单位、抄袭本单位上年、目标低于上年实际），每份另写 NAME.risk.json 记录注入的真相；-n 与 --error-rate 不用")
	fs.IntVar(&p.units, "units", 100, "面板：单位数")
	fs.IntVar(&p.years, "years", 5, "面板：年数")
	fs.IntVar(&p.first, "first-year", 2020, "面板：第一年")
	fs.Float64Var(&p.inject, "inject", 0.06, "面板：注入风险的“单位-年度”比例（0–1）")
	return p
}

// runGenPanel writes gen.Panel's cases into dir and prints what was
// injected.
func runGenPanel(p *panelOptions, dir string, seed int64, rulesName, formats string, stdout, stderr io.Writer) int {
	if dir == "" || p.units < 1 || p.years < 1 || p.inject < 0 || p.inject > 1 {
		fmt.Fprintln(stderr, "jixiao gen --panel: 需要 -o，--units 与 --years 至少为 1，--inject 在 0 到 1 之间")
		return exitUsage
	}
	given := false
	p.fs.Visit(func(f *flag.Flag) { given = given || f.Name == "formats" })
	if !given { // a panel is for jixiao risk and the benches: YAML reads back quickest
		formats = "yaml"
	}
	fm, err := gen.ParseFormats(formats)
	if err != nil {
		fmt.Fprintf(stderr, "jixiao gen: %v\n", err)
		return exitUsage
	}
	cases, err := gen.Panel(seed, gen.PanelOptions{Units: p.units, Years: p.years, FirstYear: p.first, Inject: p.inject, Rules: rulesName})
	if err != nil {
		fmt.Fprintf(stderr, "jixiao gen: %v\n", err)
		return exitUsage
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintf(stderr, "jixiao gen: %v\n", err)
		return exitUsage
	}
	if err := gen.WritePanelFormats(dir, cases, gen.WriteOptions{Formats: fm}); err != nil {
		fmt.Fprintf(stderr, "jixiao gen: %v\n", err)
		return exitUsage
	}
	injected := map[string]int{}
	clean := 0
	for _, c := range cases {
		if c.Risk.Clean() {
			clean++
		}
		for _, code := range c.Risk.Injected {
			injected[code]++
		}
	}
	codes := make([]string, 0, len(injected))
	for c := range injected {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	parts := make([]string, len(codes))
	for i, c := range codes {
		parts[i] = fmt.Sprintf("%s %d", c, injected[c])
	}
	fmt.Fprintf(stdout, "已生成面板 %d 个单位 × %d 年 = %d 份（%s）于 %s：无注入 %d 份，注入风险 %d 份",
		p.units, p.years, len(cases), strings.Join(fm, "、"), dir, clean, len(cases)-clean)
	if len(parts) > 0 {
		fmt.Fprintf(stdout, "（%s）", strings.Join(parts, "，"))
	}
	fmt.Fprintln(stdout)
	return exitOK
}
