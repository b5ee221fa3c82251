package main

import (
	"fmt"
	"io"

	"jixiao/sqldb"
)

func runLog(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "verify" {
		fmt.Fprint(stderr, "用法：jixiao log verify [--db 数据库]\n\n校验审计日志的哈希链：任何一条被修改、删除或调换，都会指出第一条出错的记录。\n")
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			return exitOK
		}
		return exitUsage
	}
	fs := newFlags("log verify", "", "校验审计日志的哈希链：任何一条被修改、删除或调换，都会指出第一条出错的记录。\n退出码：0 完好，1 日志被篡改或无法读取。", stderr)
	dsn := dbFlag(fs)
	if code, ok := parse(fs, args[1:]); !ok {
		return code
	}
	ctx := consoleContext()
	db, err := openDB(ctx, *dsn)
	if err != nil {
		return fail(stderr, "log verify", err)
	}
	defer db.Close()
	n, err := sqldb.NewLogService(db).VerifyLog(ctx)
	if err != nil {
		fmt.Fprintf(stderr, "jixiao log verify: 校验失败（前 %d 条完好）：%s\n", n, err)
		return exitFailed
	}
	fmt.Fprintf(stdout, "审计日志完好：共 %d 条，哈希链无断裂\n", n)
	return exitOK
}
