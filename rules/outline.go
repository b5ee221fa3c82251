package rules

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"jixiao"
)

// Outline is a report outline (自评报告提纲): the sections a report has, in
// order, and how to recognise their headings. Outlines are data
// (data/outlines/*.yaml); a rule set names its own (RuleSet.Outline).
type Outline struct {
	Name     string           `yaml:"name"`
	Title    string           `yaml:"title"`
	Sections []OutlineSection `yaml:"sections"`
}

// OutlineSection is one first-level section of an outline.
type OutlineSection struct {
	Title    string   `yaml:"title"`
	Keywords []string `yaml:"keywords"` // words whose presence in a heading marks the section; the longest match wins
	Required bool     `yaml:"required"` // a report without it is incomplete
	// OptionalIfNone marks the sections of budgets a unit may not have
	// (政府性基金, 国有资本经营, 社会保险基金): absent, or stated as 无…支出.
	OptionalIfNone bool `yaml:"optional_if_none"`
}

//go:embed data/outlines/*.yaml
var outlines embed.FS

// OutlineNames lists the embedded outlines.
func OutlineNames() []string {
	entries, _ := fs.ReadDir(outlines, "data/outlines")
	var names []string
	for _, e := range entries {
		names = append(names, strings.TrimSuffix(e.Name(), ".yaml"))
	}
	sort.Strings(names)
	return names
}

// LoadOutline returns the embedded outline with the given name.
func LoadOutline(name string) (*Outline, error) {
	b, err := outlines.ReadFile(path.Join("data/outlines", name+".yaml"))
	if err != nil {
		return nil, jixiao.Errorf(jixiao.ENotFound, "没有名为 %q 的报告提纲（可用：%s）", name, strings.Join(OutlineNames(), "、"))
	}
	return ParseOutline(b, name)
}

// ParseOutline reads an outline from YAML; source names it in errors.
func ParseOutline(b []byte, source string) (*Outline, error) {
	var o Outline
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&o); err != nil {
		return nil, fmt.Errorf("报告提纲 %s: %w", source, err)
	}
	if o.Name == "" || len(o.Sections) == 0 {
		return nil, jixiao.Errorf(jixiao.EInvalid, "报告提纲 %s: 缺少名称或章节", source)
	}
	for i, s := range o.Sections {
		if s.Title == "" || len(s.Keywords) == 0 {
			return nil, jixiao.Errorf(jixiao.EInvalid, "报告提纲 %s: 第 %d 节缺少标题或关键词", source, i+1)
		}
	}
	return &o, nil
}
