package yamlfile

import (
	"embed"
	"fmt"
	"strings"

	"jixiao"
)

//go:embed templates/*.yaml
var templates embed.FS

// Template returns a blank, commented evaluation file of the given kind for
// rule set rs: one indicator stub per 二级 of the rule set's tree, with the
// 一级 weights noted.
func Template(kind jixiao.Kind, rs *jixiao.RuleSet) ([]byte, error) {
	b, err := templates.ReadFile("templates/" + string(kind) + ".yaml")
	if err != nil {
		return nil, fmt.Errorf("yamlfile: no template for kind %q", kind)
	}
	var inds strings.Builder
	for _, l := range rs.Level1 {
		weight := "分值由单位在指标合计内分配"
		if l.Weight != nil {
			weight = "本一级指标合计 " + l.Weight.String() + " 分"
		}
		fmt.Fprintf(&inds, "  # %s（%s）\n", l.Name, weight)
		for _, l2 := range l.Level2 {
			fmt.Fprintf(&inds, "  - 一级指标: %s\n    二级指标: %s\n    三级指标:\n    年度指标值:\n    实际完成值:\n    分值:\n    得分:\n    偏差原因分析及改进措施:\n", l.Name, l2)
		}
	}
	s := strings.NewReplacer(
		"{{RULES}}", rs.Name,
		"{{EXEC_WEIGHT}}", rs.Execution.Weight.String(),
		"{{INDICATORS}}", strings.TrimRight(inds.String(), "\n"),
	).Replace(string(b))
	return []byte(s), nil
}
