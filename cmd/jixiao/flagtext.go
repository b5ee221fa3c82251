package main

import (
	"io"
	"regexp"
)

// flagText rewrites the flag package's English messages in Chinese as
// they are written, so that a mistyped flag reads like every other
// message of jixiao.
type flagText struct{ w io.Writer }

var flagMessages = []struct {
	re *regexp.Regexp
	zh string
}{
	{regexp.MustCompile(`flag provided but not defined: (\S+)`), "未知参数 $1（参数列表见下）"},
	{regexp.MustCompile(`flag needs an argument: (\S+)`), "参数 $1 需要一个值"},
	{regexp.MustCompile(`invalid value "([^"]*)" for flag (\S+): parse error`), "参数 $2 的值“$1”无效：格式不对"},
	{regexp.MustCompile(`invalid value "([^"]*)" for flag (\S+): value out of range`), "参数 $2 的值“$1”超出范围"},
	{regexp.MustCompile(`invalid value "([^"]*)" for flag (\S+): (.*)`), "参数 $2 的值“$1”无效：$3"},
	{regexp.MustCompile(`invalid boolean value "([^"]*)" for (\S+): .*`), "参数 $2 的值“$1”无效：应为 true 或 false"},
	{regexp.MustCompile(`invalid boolean flag (\S+): .*`), "参数 $1 的值无效：应为 true 或 false"},
	{regexp.MustCompile(`bad flag syntax: (\S+)`), "参数写法不对：$1"},
	{regexp.MustCompile(`\(default (.*)\)`), "（默认 $1）"},
}

func (f flagText) Write(p []byte) (int, error) {
	s := string(p)
	for _, m := range flagMessages {
		s = m.re.ReplaceAllString(s, m.zh)
	}
	if _, err := io.WriteString(f.w, s); err != nil {
		return 0, err
	}
	return len(p), nil
}
