package publish

import (
	"bytes"
	"cmp"
	"fmt"
	"html/template"
	"slices"
	"strings"
)

var indexPage = template.Must(template.New("index").Parse(`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body{font-family:"SimSun","宋体","Songti SC","LXGW WenKai",serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#000;background:#fff;line-height:1.6}
h1{font-weight:normal;text-align:center}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #000;padding:.25rem .5rem;text-align:left}
td.n{text-align:right}
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p>共 {{len .Records}} 份自评。每份附自评报告与自评表（网页{{if .PDF}}、PDF{{end}}）；公开数据（JSON、CSV）的格式见 <a href="opendata/schema.json">opendata/schema.json</a>（版本 {{.Version}}），文件清单与校验和见 <a href="manifest.json">manifest.json</a> 与 <a href="SHA256SUMS">SHA256SUMS</a>。</p>
<p>公开数据：<a href="opendata/evaluations.csv">evaluations.csv</a>（每份自评一行）、<a href="opendata/indicators.csv">indicators.csv</a>（每项指标一行）。</p>
<table>
<thead><tr><th scope="col">年度</th><th scope="col">单位</th><th scope="col">类型</th><th scope="col">项目</th><th scope="col">自评总分</th><th scope="col">重算总分</th><th scope="col">等级</th><th scope="col">文件</th></tr></thead>
<tbody>
{{range .Records}}<tr><td>{{.Year}}</td><td>{{.Unit}}</td><td>{{.Kind}}</td><td>{{.Project}}</td><td class="n">{{with .Stated.Total}}{{.}}{{else}}—{{end}}</td><td class="n">{{.Computed.Total}}</td><td>{{.Computed.Grade}}</td><td><a href="evaluations/{{.ID}}.html">网页</a>{{if $.PDF}} · <a href="evaluations/{{.ID}}.pdf">PDF</a>{{end}} · <a href="opendata/{{.ID}}.json">JSON</a></td></tr>
{{end}}</tbody>
</table>
</body>
</html>
`))

// index lists the records newest year first, then by unit and ID, the
// order a reader looks for a unit in.
func index(title string, rs []Record, pdf bool) ([]byte, error) {
	rs = slices.Clone(rs)
	slices.SortStableFunc(rs, func(a, b Record) int {
		return cmp.Or(cmp.Compare(b.Year, a.Year), strings.Compare(a.Unit, b.Unit), strings.Compare(a.ID, b.ID))
	})
	var b bytes.Buffer
	err := indexPage.Execute(&b, struct {
		Title, Version string
		Records        []Record
		PDF            bool
	}{title, SchemaVersion, rs, pdf})
	if err != nil {
		return nil, fmt.Errorf("publish: index: %w", err)
	}
	return b.Bytes(), nil
}
