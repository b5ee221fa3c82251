package extract

import "jixiao"

// missing lists what the table's reading looked for and did not find, for
// Evaluation.Missing: a block whose header or main row was not seen, a
// column its header does not have. A cell that is there but empty is
// stated empty and is not listed.
func (x *extractor) missing() []jixiao.Missing {
	if !x.found {
		return []jixiao.Missing{{Path: "table", Reason: "未在文档中找到自评表（未识别到预算或绩效指标表头）"}}
	}
	var out []jixiao.Missing
	switch {
	case !x.budgetSeen:
		out = append(out, jixiao.Missing{Path: "budget", Reason: "未读到预算执行情况表"})
	case !x.budgetRead:
		out = append(out, jixiao.Missing{Path: "budget", Reason: "未读到年度资金总额一行"})
	default:
		// A template may have no 全年执行数 or 年初预算数 column, and then the
		// table states none (a rate stated without its 全年执行数 is the
		// document's fault); every template has a 全年预算数, and a budget
		// 分值 when its indicators' weights add up to 100 with it.
		for _, key := range [...]string{colFullYear, colWeight} {
			if _, ok := x.budgetHdr.col(key); !ok {
				out = append(out, jixiao.Missing{Path: "budget." + key, Reason: "预算表中没有“" + key + "”一栏"})
			}
		}
	}
	switch {
	case !x.indSeen:
		out = append(out, jixiao.Missing{Path: "indicators", Reason: "未读到绩效指标表"})
	case len(x.ev.Indicators) == 0:
		out = append(out, jixiao.Missing{Path: "indicators", Reason: "绩效指标表中未读到任何指标"})
	default:
		for _, k := range [...]icol{iWeight, iScore} {
			if x.indAt[k] < 0 {
				out = append(out, jixiao.Missing{Path: "indicators." + icolNames[k], Reason: "绩效指标表中没有“" + icolNames[k] + "”一栏"})
			}
		}
	}
	if !x.totalRead {
		out = append(out, jixiao.Missing{Path: "total", Reason: "未读到总分一行"})
	}
	return out
}
