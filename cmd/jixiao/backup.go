package main

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"jixiao/sqldb"
)

func runBackup(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("backup", "[--db 数据库] [--dump] FILE",
		"把数据库一致地备份到 FILE（不能已存在），服务运行时也可以做。\nSQLite 写出一个完整的数据库文件（VACUUM INTO）；PostgreSQL 写出在一个快照中读出的全部数据（JSON 行），\n用 jixiao restore 恢复。加 --dump 时 SQLite 也写这种格式，可用来迁移到 PostgreSQL。", stderr)
	dsn := dbFlag(fs)
	dump := fs.Bool("dump", false, "写出 JSON 行转储而不是 SQLite 文件")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "jixiao backup: 需要且只需要一个备份文件名")
		fs.Usage()
		return exitUsage
	}
	ctx := consoleContext()
	db, err := openDB(ctx, *dsn)
	if err != nil {
		return fail(stderr, "backup", err)
	}
	defer db.Close()
	if *dump {
		err = db.BackupDump(ctx, fs.Arg(0))
	} else {
		err = db.Backup(ctx, fs.Arg(0))
	}
	if err != nil {
		return fail(stderr, "backup", err)
	}
	fmt.Fprintf(stdout, "已备份到 %s\n", fs.Arg(0))
	return exitOK
}

func runRestore(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("restore", "[--db 数据库] [--force] FILE",
		"由 jixiao backup 的备份恢复数据库。SQLite 备份文件先检查完整性，再替换 --db 指向的文件\n（已存在时须加 --force，且须先停止服务）；转储文件恢复到一个空的新数据库（SQLite 或 PostgreSQL）。", stderr)
	dsn := dbFlag(fs)
	force := fs.Bool("force", false, "覆盖已存在的 SQLite 数据库文件")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "jixiao restore: 需要且只需要一个备份文件")
		fs.Usage()
		return exitUsage
	}
	src := fs.Arg(0)
	head := make([]byte, 16)
	f, err := os.Open(src)
	if err != nil {
		fmt.Fprintf(stderr, "jixiao restore: %v\n", err)
		return exitUsage
	}
	n, _ := io.ReadFull(f, head)
	f.Close()
	ctx := consoleContext()
	isPG := sqldb.Engine(*dsn) == "postgres"
	if bytes.HasPrefix(head[:n], []byte("SQLite format 3\x00")) {
		if isPG {
			fmt.Fprintln(stderr, "jixiao restore: 这是 SQLite 备份；恢复到 PostgreSQL 请先用 jixiao backup --dump 导出转储")
			return exitUsage
		}
		if err := sqldb.Restore(ctx, src, *dsn, *force); err != nil {
			return fail(stderr, "restore", err)
		}
	} else {
		if !isPG {
			if _, err := os.Stat(*dsn); err == nil {
				fmt.Fprintf(stderr, "jixiao restore: 转储只能恢复到新数据库，%s 已存在\n", *dsn)
				return exitFailed
			}
		}
		db, err := openDB(ctx, *dsn)
		if err != nil {
			return fail(stderr, "restore", err)
		}
		defer db.Close()
		f, err := os.Open(src)
		if err != nil {
			return fail(stderr, "restore", err)
		}
		defer f.Close()
		if err := db.Load(ctx, f); err != nil {
			return fail(stderr, "restore", err)
		}
	}
	fmt.Fprintf(stdout, "已由 %s 恢复数据库 %s\n", src, *dsn)
	return exitOK
}
