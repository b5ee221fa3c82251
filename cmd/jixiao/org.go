package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/xuri/excelize/v2"

	"jixiao"
	"jixiao/sqldb"
)

const orgUsage = `用法：jixiao org import [--db 数据库] FILE.xlsx

由 Excel 表导入单位树（财政局 → 主管部门 → 预算单位）。第一个工作表的表头须有：
  单位编码 | 单位名称 | 单位类型（财政局、主管部门、预算单位）| 上级单位编码（财政局留空）
上级须列在下级之前或已在库中。已有的编码按表更名或改隶属；整个文件在一个事务中导入，
任何一行有错则全部不导入，并指出行号。
`

func runOrg(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "import" {
		fmt.Fprint(stderr, orgUsage)
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			return exitOK
		}
		return exitUsage
	}
	fs := newFlags("org import", "FILE.xlsx", strings.TrimSpace(strings.SplitN(orgUsage, "\n\n", 2)[1]), stderr)
	dsn := dbFlag(fs)
	if code, ok := parse(fs, args[1:]); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "jixiao org import: 需要且只需要一个 .xlsx 文件")
		return exitUsage
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "jixiao org import: %v\n", err)
		return exitUsage
	}
	rows, err := readOrgSheet(f, fs.Arg(0))
	f.Close()
	if err != nil {
		fmt.Fprintf(stderr, "jixiao org import: %v\n", err)
		return exitUsage
	}
	ctx := consoleContext()
	db, err := openDB(ctx, *dsn)
	if err != nil {
		return fail(stderr, "org import", err)
	}
	defer db.Close()
	created, updated, err := sqldb.NewOrganisationService(db).ImportOrganisations(ctx, rows)
	if err != nil {
		return fail(stderr, "org import", fmt.Errorf("%s：%w", fs.Arg(0), err))
	}
	fmt.Fprintf(stdout, "已导入 %d 行：新建 %d 个单位，更新 %d 个\n", len(rows), created, updated)
	return exitOK
}

// orgColumns are the header labels of each column, in the variants seen.
var orgColumns = map[string][]string{
	"code":   {"单位编码", "编码", "代码", "单位代码", "code"},
	"name":   {"单位名称", "名称", "name"},
	"kind":   {"单位类型", "类型", "级次", "kind"},
	"parent": {"上级单位编码", "上级编码", "上级单位代码", "上级", "parent"},
}

// readOrgSheet reads the organisation rows of the first sheet. The header
// is the first row naming a code and a name column; columns are found by
// their labels, never by position.
func readOrgSheet(r io.Reader, name string) ([]jixiao.OrganisationImport, error) {
	x, err := excelize.OpenReader(r)
	if err != nil {
		return nil, fmt.Errorf("%s：不是可读的 .xlsx 文件：%v", name, err)
	}
	defer x.Close()
	sheet := x.GetSheetName(0)
	grid, err := x.GetRows(sheet)
	if err != nil {
		return nil, fmt.Errorf("%s：%v", name, err)
	}
	col := map[string]int{}
	header := -1
	for i, row := range grid {
		found := map[string]int{}
		for j, cell := range row {
			cell = strings.TrimSpace(cell)
			for key, labels := range orgColumns {
				for _, l := range labels {
					if strings.EqualFold(cell, l) {
						if _, dup := found[key]; !dup {
							found[key] = j
						}
					}
				}
			}
		}
		if _, ok := found["code"]; ok {
			if _, ok := found["name"]; ok {
				header, col = i, found
				break
			}
		}
	}
	if header < 0 {
		return nil, fmt.Errorf("%s 工作表“%s”：没有找到含“单位编码”和“单位名称”的表头", name, sheet)
	}
	if _, ok := col["kind"]; !ok {
		return nil, fmt.Errorf("%s 工作表“%s”第 %d 行：表头缺少“单位类型”", name, sheet, header+1)
	}
	cell := func(row []string, key string) string {
		j, ok := col[key]
		if !ok || j >= len(row) {
			return ""
		}
		return strings.TrimSpace(row[j])
	}
	var out []jixiao.OrganisationImport
	for i := header + 1; i < len(grid); i++ {
		row := grid[i]
		code, orgName, kindText := cell(row, "code"), cell(row, "name"), cell(row, "kind")
		if code == "" && orgName == "" && kindText == "" {
			continue
		}
		kind, ok := jixiao.ParseOrgKind(kindText)
		if !ok {
			return nil, fmt.Errorf("%s 工作表“%s”第 %d 行：单位类型 %q 无效（应为财政局、主管部门或预算单位）", name, sheet, i+1, kindText)
		}
		if code == "" || orgName == "" {
			return nil, fmt.Errorf("%s 工作表“%s”第 %d 行：单位编码和单位名称不能为空", name, sheet, i+1)
		}
		out = append(out, jixiao.OrganisationImport{Code: code, Name: orgName, Kind: kind, ParentCode: cell(row, "parent"), Line: i + 1})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s 工作表“%s”：表头下没有单位", name, sheet)
	}
	return out, nil
}
