package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"go.yaml.in/yaml/v3"

	"jixiao"
)

// configFile is the name check looks for in the current folder.
const configFile = "jixiao.yaml"

// checkConfig is what a team settles once for every run of check: the
// least severity to report and the codes it does not want to see.
type checkConfig struct {
	Severity string   `yaml:"severity"` // error, warning or info
	Ignore   []string `yaml:"ignore"`   // finding codes
}

// loadConfig reads path, or jixiao.yaml in the current folder when path is
// empty (its absence is no error).
func loadConfig(path string) (checkConfig, error) {
	var c checkConfig
	explicit := path != ""
	if !explicit {
		path = configFile
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) && !explicit {
		return c, nil
	}
	if err != nil {
		return c, fmt.Errorf("配置文件 %s：%w", path, err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) {
		return c, fmt.Errorf("配置文件 %s 写法不对（应为 severity: warning 与 ignore: [代码, …]）：%w", path, err)
	}
	return c, nil
}

// keep builds the finding filter from the severity floor and the ignore
// list; nil when nothing is filtered.
func keep(severity string, ignore []string) (func(jixiao.Finding) bool, error) {
	floor := 2
	switch severity {
	case "", "info":
	case "warning":
		floor = 1
	case "error":
		floor = 0
	default:
		return nil, fmt.Errorf("级别“%s”应为 error、warning 或 info", severity)
	}
	skip := map[string]bool{}
	for _, c := range ignore {
		if c = strings.TrimSpace(c); c != "" {
			skip[strings.ToUpper(c)] = true
		}
	}
	if floor == 2 && len(skip) == 0 {
		return nil, nil
	}
	return func(f jixiao.Finding) bool { return f.Severity.Rank() <= floor && !skip[f.Code] }, nil
}
