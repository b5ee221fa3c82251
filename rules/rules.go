// Package rules loads rule sets: the embedded ones under data/ by name, or a
// file by path. A rule set file may say `extends: NAME` and override only
// the keys that differ; a list replaces the base's list whole.
package rules

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"jixiao"
)

// Default is the rule set used when none is named.
const Default = "national-2020"

//go:embed data/*.yaml
var embedded embed.FS

// Names lists the embedded rule sets, the default first.
func Names() []string {
	entries, _ := fs.ReadDir(embedded, "data")
	var names []string
	for _, e := range entries {
		if n := strings.TrimSuffix(e.Name(), ".yaml"); n != Default {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return append([]string{Default}, names...)
}

// Source returns the YAML text of an embedded rule set.
func Source(name string) ([]byte, error) {
	b, err := embedded.ReadFile(path.Join("data", name+".yaml"))
	if err != nil {
		return nil, jixiao.Errorf(jixiao.ENotFound, "没有名为 %q 的规则集（可用：%s）", name, strings.Join(Names(), "、"))
	}
	return b, nil
}

// Load returns the rule set named by nameOrPath: an embedded name, or a path
// to a YAML file (anything containing a path separator or ending in .yaml/.yml).
// The rule set is the caller's to change.
func Load(nameOrPath string) (*jixiao.RuleSet, error) {
	if nameOrPath == "" {
		nameOrPath = Default
	}
	if isPath(nameOrPath) {
		b, err := os.ReadFile(nameOrPath)
		if err != nil {
			return nil, fmt.Errorf("读取规则集文件: %w", err)
		}
		return Parse(b, nameOrPath)
	}
	if rs, ok := cache.Load(nameOrPath); ok {
		return rs.(*jixiao.RuleSet).Clone(), nil
	}
	b, err := Source(nameOrPath)
	if err != nil {
		return nil, err
	}
	rs, err := Parse(b, nameOrPath)
	if err != nil {
		return nil, err
	}
	cache.Store(nameOrPath, rs.Clone())
	return rs, nil
}

// cache holds the embedded rule sets once parsed: checking ten thousand
// files must not parse the same YAML ten thousand times. Load hands out a
// deep copy, which its caller owns: one caller's edit never reaches the next
// Load.
var cache sync.Map

// MustLoad is Load for embedded names known to exist (tests, benchmarks).
func MustLoad(name string) *jixiao.RuleSet {
	rs, err := Load(name)
	if err != nil {
		panic(err)
	}
	return rs
}

func isPath(s string) bool {
	return strings.ContainsAny(s, `/\`) || strings.HasSuffix(s, ".yaml") || strings.HasSuffix(s, ".yml")
}

// Parse reads a rule set from YAML; source names it in errors. An `extends`
// chain is resolved against the embedded rule sets.
func Parse(b []byte, source string) (*jixiao.RuleSet, error) {
	f, err := parseChain(b, source, 0)
	if err != nil {
		return nil, err
	}
	rs, err := f.ruleSet()
	if err != nil {
		return nil, fmt.Errorf("规则集 %s: %w", source, err)
	}
	if err := rs.Validate(); err != nil {
		return nil, err
	}
	return rs, nil
}

func parseChain(b []byte, source string, depth int) (*file, error) {
	if depth > 8 {
		return nil, jixiao.Errorf(jixiao.EInvalid, "规则集 %s: extends 嵌套过深", source)
	}
	var head struct {
		Extends string `yaml:"extends"`
	}
	if err := yaml.Unmarshal(b, &head); err != nil {
		return nil, fmt.Errorf("规则集 %s: %w", source, err)
	}
	f := &file{}
	if head.Extends != "" {
		base, err := Source(head.Extends)
		if err != nil {
			return nil, fmt.Errorf("规则集 %s: extends: %w", source, err)
		}
		if f, err = parseChain(base, head.Extends, depth+1); err != nil {
			return nil, err
		}
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(f); err != nil {
		return nil, fmt.Errorf("规则集 %s: %w", source, err)
	}
	return f, nil
}
