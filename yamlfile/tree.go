package yamlfile

import "go.yaml.in/yaml/v3"

// decodeTree sets f from the file form's mapping n, a tree jsonNode read,
// as n.Decode(&f) does, without the YAML decoder's reflection and a
// decoder made for every indicator row (indRow.UnmarshalYAML): that was a
// fifth of reading a save's body. The report, when there is one, is
// decoded by the YAML decoder.
//
// It takes only what it knows Node.Decode gives the same for
// (TestDecodeTreeMatchesNodeDecode): text as strings, null for what is
// left out, figures as scalars of any kind, lists of mappings. It answers
// false, with f partly set, for anything else: a number or a boolean
// where text belongs (which the YAML decoder turns into text), a null in
// a list (which it drops), a repeated or unknown key, a value of the wrong
// kind. The caller then decodes with Node.Decode.
func decodeTree(n *yaml.Node, f *file) bool {
	return fields(n, func(key string, v *yaml.Node) bool {
		switch key {
		case "类型":
			return treeString(v, &f.Kind)
		case "单位":
			return treeString(v, &f.Unit)
		case "主管部门":
			return treeString(v, &f.Department)
		case "年度":
			return treeScalar(v, &f.Year)
		case "项目名称":
			return treeString(v, &f.Project)
		case "项目编码":
			return treeString(v, &f.ProjectCode)
		case "规则集":
			return treeString(v, &f.Rules)
		case "预算":
			return treeBudget(v, &f.Budget)
		case "年度总体目标":
			return fields(v, func(key string, v *yaml.Node) bool {
				switch key {
				case "预期目标":
					return treeString(v, &f.Goal.Expected)
				case "实际完成情况":
					return treeString(v, &f.Goal.Actual)
				}
				return false
			})
		case "指标":
			return treeList(v, &f.Indicators, treeIndicator)
		case "总分":
			return treeScalar(v, &f.Total)
		case "等级":
			return treeString(v, &f.Grade)
		case "自评报告":
			if isNull(v) {
				return true
			}
			r := new(reportFile)
			if v.Kind != yaml.MappingNode || v.Decode(r) != nil {
				return false
			}
			f.Report = r
			return true
		}
		return false
	})
}

func treeBudget(n *yaml.Node, b *budget) bool {
	return fields(n, func(key string, v *yaml.Node) bool {
		switch key {
		case "年度预算申请":
			return treeScalar(v, &b.Request)
		case "年初预算数":
			return treeScalar(v, &b.Initial)
		case "全年预算数":
			return treeScalar(v, &b.FullYear)
		case "全年执行数":
			return treeScalar(v, &b.Executed)
		case "分值":
			return treeScalar(v, &b.Weight)
		case "执行率":
			return treeScalar(v, &b.Rate)
		case "得分":
			return treeScalar(v, &b.Score)
		case "细分":
			return treeList(v, &b.Splits, treeSplit)
		}
		return false
	})
}

func treeSplit(n *yaml.Node, s *split) bool {
	return fields(n, func(key string, v *yaml.Node) bool {
		switch key {
		case "名称":
			return treeString(v, &s.Name)
		case "行":
			return treeList(v, &s.Rows, treeSplitRow)
		}
		return false
	})
}

func treeSplitRow(n *yaml.Node, r *splitRow) bool {
	return fields(n, func(key string, v *yaml.Node) bool {
		switch key {
		case "名称":
			return treeString(v, &r.Name)
		case "年初预算数":
			return treeScalar(v, &r.Initial)
		case "全年预算数":
			return treeScalar(v, &r.FullYear)
		case "全年执行数":
			return treeScalar(v, &r.Executed)
		case "执行率":
			return treeScalar(v, &r.Rate)
		}
		return false
	})
}

// treeIndicator is what indRow.UnmarshalYAML makes of a row: its fields,
// and its line.
func treeIndicator(n *yaml.Node, r *indRow) bool {
	r.line = n.Line
	return fields(n, func(key string, v *yaml.Node) bool {
		switch key {
		case "一级指标":
			return treeString(v, &r.Level1)
		case "二级指标":
			return treeString(v, &r.Level2)
		case "三级指标":
			return treeString(v, &r.Name)
		case "年度指标值":
			return treeScalar(v, &r.Target)
		case "实际完成值":
			return treeScalar(v, &r.Actual)
		case "度量单位":
			return treeString(v, &r.Unit)
		case "评分标准":
			return treeString(v, &r.Standard)
		case "指标值类型":
			return treeString(v, &r.Type)
		case "分值":
			return treeScalar(v, &r.Weight)
		case "得分":
			return treeScalar(v, &r.Score)
		case "偏差原因分析及改进措施":
			return treeString(v, &r.Deviation)
		}
		return false
	})
}

// fields calls set for each key and value of mapping n, and answers
// whether every call did; a null n is a mapping left out (the fields keep
// their zero values). A repeated key, which the YAML decoder refuses,
// answers false.
func fields(n *yaml.Node, set func(key string, v *yaml.Node) bool) bool {
	if isNull(n) {
		return true
	}
	if n.Kind != yaml.MappingNode {
		return false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Kind != yaml.ScalarNode || k.Tag != "!!str" {
			return false
		}
		for j := 0; j < i; j += 2 {
			if n.Content[j].Value == k.Value {
				return false
			}
		}
		if !set(k.Value, n.Content[i+1]) {
			return false
		}
	}
	return true
}

// treeList sets *out to the list n, each element set by elem; a null n
// is nil, an empty list an empty slice, as the YAML decoder makes them.
func treeList[T any](n *yaml.Node, out *[]T, elem func(*yaml.Node, *T) bool) bool {
	if isNull(n) {
		*out = nil
		return true
	}
	if n.Kind != yaml.SequenceNode {
		return false
	}
	s := make([]T, len(n.Content))
	for i, c := range n.Content {
		if c.Kind != yaml.MappingNode || !elem(c, &s[i]) {
			return false
		}
	}
	*out = s
	return true
}

// treeString takes a string, or leaves *out as it is for a null.
func treeString(n *yaml.Node, out *string) bool {
	switch {
	case n.Kind == yaml.ScalarNode && n.Tag == "!!str":
		*out = n.Value
		return true
	case isNull(n):
		return true
	}
	return false
}

// treeScalar takes any scalar as written (scalar.UnmarshalYAML), nil for
// a null.
func treeScalar(n *yaml.Node, out **scalar) bool {
	switch {
	case n.Kind != yaml.ScalarNode:
		return false
	case isNull(n):
		*out = nil
	default:
		*out = &scalar{Text: n.Value, Line: n.Line}
	}
	return true
}

// isNull reports a JSON null as jsonNode reads it: a plain scalar.
func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "" && n.Value == "null"
}
