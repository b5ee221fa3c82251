package notation

import (
	"strings"

	"jixiao"
	"jixiao/internal/cjk"
)

// ParseValueIn reads an indicator value of a table that states its 度量单位
// in a column of its own: a bare number means the number in that unit ("3"
// under "%" is 3%); a value that writes its own unit keeps it (a conflict is
// UnitConflict's to report). Raw stays as written.
func ParseValueIn(raw, unit string) jixiao.Value {
	v := ParseValue(raw)
	u := MeasureUnit(unit)
	if u == "" || v.Type != jixiao.Quantitative || v.Percent || v.Unit != "" {
		return v
	}
	if u == "%" {
		v.Percent = true
	} else {
		v.Unit = u
	}
	v.InUnit = true
	return v
}

// MeasureUnit is a 度量单位 cell as a unit: "%" for a percentage (written
// "％" or "百分比" too), a unit word ("人", "万元", "元/人"), or "" for a
// cell that names no unit (empty, a dash, a phrase).
func MeasureUnit(s string) string {
	u := squeeze(cjk.Fold(strings.TrimSpace(s)))
	switch {
	case u == "%" || u == "百分比" || u == "百分率" || u == "百分数":
		return "%"
	case u == "无" || u == "定量" || u == "定性":
		return "" // a short word that is no unit, which isUnit would take
	case isUnit(u) || isCompoundUnit(u):
		return u
	}
	return ""
}

// UnitConflict reports a value that writes a unit other than the 度量单位
// its indicator states ("95%" under "人"): which is meant cannot be told, so
// the reader notes it rather than guessing.
func UnitConflict(v jixiao.Value, unit string) bool {
	u := MeasureUnit(unit)
	if u == "" || v.Type != jixiao.Quantitative || v.InUnit {
		return false
	}
	switch {
	case v.Percent:
		return u != "%"
	case v.Unit != "":
		return v.Unit != u
	}
	return false
}
