package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"jixiao"
	"jixiao/sqldb"
)

// exitFailed is the exit code of an admin command that could not do its
// job (a refused or conflicting change, a log that does not verify).
const exitFailed = 1

// exitFor maps a domain error to an exit code: the user's input is a
// usage error, anything else a failure. The one place that does.
func exitFor(err error) int {
	switch jixiao.ErrorCode(err) {
	case "":
		return exitOK
	case jixiao.EInvalid:
		return exitUsage
	}
	return exitFailed
}

// defaultDB is the database when neither --db nor JIXIAO_DB says: an SQLite
// file in the data folder (JIXIAO_DATA, else ./jixiao-data).
func defaultDB() string {
	if v := os.Getenv("JIXIAO_DB"); v != "" {
		return v
	}
	dir := os.Getenv("JIXIAO_DATA")
	if dir == "" {
		dir = "jixiao-data"
	}
	return filepath.Join(dir, "jixiao.db")
}

// dbFlag adds --db to fs.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", defaultDB(), "数据库：SQLite 文件路径，或 postgres:// 连接串（环境变量 JIXIAO_DB；默认数据目录 JIXIAO_DATA 下的 jixiao.db）")
}

// openDB opens (and on first use creates) the database; an SQLite file's
// folder is created too.
func openDB(ctx context.Context, dsn string) (*sqldb.DB, error) {
	if sqldb.Engine(dsn) == "sqlite" {
		if err := os.MkdirAll(filepath.Dir(dsn), 0o750); err != nil {
			return nil, err
		}
	}
	return sqldb.Open(ctx, dsn)
}

// consoleContext is the context of an admin command: the console acts.
func consoleContext() context.Context {
	return jixiao.NewContextWithUser(context.Background(), jixiao.ConsoleUser())
}

// fail prints err for the command and returns its exit code.
func fail(stderr io.Writer, cmd string, err error) int {
	var e *jixiao.Error
	if errors.As(err, &e) && e.Code != jixiao.EInternal {
		fmt.Fprintf(stderr, "jixiao %s: %s\n", cmd, err)
	} else {
		fmt.Fprintf(stderr, "jixiao %s: 内部错误：%v\n", cmd, err)
	}
	return exitFor(err)
}

// newPassword reads a password from stdin's first line when fromStdin,
// or makes a random one to print.
func newPassword(fromStdin bool, stdin io.Reader) (pw string, generated bool, err error) {
	if fromStdin {
		line, err := bufio.NewReader(stdin).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return "", false, err
		}
		return strings.TrimRight(line, "\r\n"), false, nil
	}
	s, err := jixiao.NewSecret()
	if err != nil {
		return "", false, err
	}
	return s[:16], true, nil
}

// stdin is the input of commands that read a password; tests replace it.
var stdin io.Reader = os.Stdin
