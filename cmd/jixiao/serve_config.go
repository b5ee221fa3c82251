package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// serveConfig is what `jixiao serve` runs with: defaults, then the
// environment, then flags, validated once by check.
type serveConfig struct {
	Addr          string        // listen address
	Database      string        // SQLite file path, or a postgres:// URL
	Data          string        // data folder: the SQLite file by default
	Demo          bool          // fill a fresh data folder with demo data
	LogFormat     string        // text or json
	SecureCookies bool          // session cookie only over HTTPS
	Grace         time.Duration // time given to requests in flight at shutdown
	IntakeWorkers int           // intake items imported at once; 0 runs no intake worker
	IntakeRoot    string        // folder under which the API may name folders to take in
}

// defaultIntakeWorkers leaves the requests a core on the two-core
// machines a county bureau runs.
const defaultIntakeWorkers = 2

// defaultServeConfig returns the defaults overridden by the environment.
func defaultServeConfig(getenv func(string) string) serveConfig {
	c := serveConfig{
		Addr:      "127.0.0.1:8080",
		Data:      "jixiao-data",
		LogFormat: "text",
		Grace:     30 * time.Second,

		IntakeWorkers: defaultIntakeWorkers,
	}
	if v := getenv("JIXIAO_ADDR"); v != "" {
		c.Addr = v
	}
	if v := getenv("JIXIAO_DB"); v != "" {
		c.Database = v
	}
	if v := getenv("JIXIAO_DATA"); v != "" {
		c.Data = v
	}
	if v := getenv("JIXIAO_LOG_FORMAT"); v != "" {
		c.LogFormat = v
	}
	if v := getenv("JIXIAO_SECURE_COOKIES"); v == "1" || v == "true" {
		c.SecureCookies = true
	}
	return c
}

// flags registers c's fields on fs, with the current values as defaults.
func (c *serveConfig) flags(fs *flag.FlagSet) {
	fs.StringVar(&c.Addr, "addr", c.Addr, "监听地址（环境变量 JIXIAO_ADDR）")
	fs.StringVar(&c.Database, "db", c.Database, "数据库：SQLite 文件路径，或 postgres://… 连接串（JIXIAO_DB；默认：数据目录下的 jixiao.db）")
	fs.StringVar(&c.Data, "data", c.Data, "数据目录（JIXIAO_DATA）")
	fs.BoolVar(&c.Demo, "demo", false, "在新的数据目录中生成演示数据（财政局、主管部门、预算单位、各流程状态的自评表）并打印演示用户与密码")
	fs.StringVar(&c.LogFormat, "log-format", c.LogFormat, "日志格式：text 或 json（JIXIAO_LOG_FORMAT）")
	fs.BoolVar(&c.SecureCookies, "secure-cookies", c.SecureCookies, "会话 Cookie 只经 HTTPS 发送（在 HTTPS 反向代理之后设置；JIXIAO_SECURE_COOKIES=1）")
	fs.DurationVar(&c.Grace, "grace", c.Grace, "停止时等待进行中请求的时间")
	fs.IntVar(&c.IntakeWorkers, "intake-workers", c.IntakeWorkers, "同时导入的收件文件数（后台任务；0 表示本服务器不处理收件）")
	fs.StringVar(&c.IntakeRoot, "intake-root", c.IntakeRoot, "允许经 API 从服务器上的文件夹收件时，那些文件夹所在的目录（默认不允许）")
}

// check validates c and fills what follows from the rest.
func (c *serveConfig) check() error {
	if c.Addr == "" {
		return errors.New("--addr 不能为空")
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		return fmt.Errorf("--log-format 应为 text 或 json，而不是 %q", c.LogFormat)
	}
	if c.Grace < 0 {
		return errors.New("--grace 不能为负")
	}
	if c.IntakeWorkers < 0 {
		return errors.New("--intake-workers 不能为负")
	}
	if c.Data == "" {
		return errors.New("--data 不能为空")
	}
	if c.Demo {
		if entries, err := os.ReadDir(c.Data); err == nil && len(entries) > 0 {
			return fmt.Errorf("--demo 需要新的数据目录，而 %s 不是空的：换一个 --data，或删除它", c.Data)
		}
	}
	if c.Database == "" {
		c.Database = filepath.Join(c.Data, "jixiao.db")
	}
	return nil
}

// postgres reports whether the database is a PostgreSQL URL.
func (c *serveConfig) postgres() bool {
	return strings.HasPrefix(c.Database, "postgres://") || strings.HasPrefix(c.Database, "postgresql://")
}

// logger returns the structured logger c asks for.
func (c *serveConfig) logger(w io.Writer) *slog.Logger {
	if c.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, nil))
	}
	return slog.New(slog.NewTextHandler(w, nil))
}
