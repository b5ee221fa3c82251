package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"jixiao"
	"jixiao/intake"
	"jixiao/internal/wire"
	"jixiao/sqldb"
	"jixiao/web"
)

func runServe(args []string, stdout, stderr io.Writer) int {
	cfg := defaultServeConfig(os.Getenv)
	fs := newFlags("serve", "[--addr ADDR] [--db 文件|postgres://…] [--data 目录] [--demo]",
		"运行自评系统的服务器：JSON API（/api/，文档 /api/openapi.json）、/healthz、/readyz。\n"+
			"默认使用数据目录下的 SQLite 文件（首次启动时创建）；多台服务器共用一个 PostgreSQL 时给出 --db postgres://…。\n"+
			"收到 SIGINT/SIGTERM 后不再接受新连接，等进行中的请求完成（至多 --grace）后退出。", stderr)
	cfg.flags(fs)
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return exitUsage
	}
	if err := cfg.check(); err != nil {
		fmt.Fprintf(stderr, "jixiao serve: %v\n", err)
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := serve(ctx, cfg, stdout, stderr); err != nil {
		fmt.Fprintf(stderr, "jixiao serve: %v\n", err)
		return exitUsage
	}
	return exitOK
}

// serve runs the server with cfg until ctx is done.
func serve(ctx context.Context, cfg serveConfig, stdout, stderr io.Writer) error {
	logger := cfg.logger(stderr)
	if !cfg.postgres() {
		if err := os.MkdirAll(cfg.Data, 0o750); err != nil {
			return fmt.Errorf("数据目录：%w", err)
		}
	}
	db, err := sqldb.Open(ctx, cfg.Database)
	if err != nil {
		return err
	}
	defer db.Close()
	wire.ServerGC()
	svc := wire.Services(db)
	uploads := filepath.Join(cfg.Data, "uploads")
	if err := web.RemoveStaleUploads(uploads, 24*time.Hour, time.Now()); err != nil {
		logger.Warn("stale uploads not removed", "err", err)
	}
	srv, err := web.NewServer(web.Config{Services: svc, Logger: logger, Ready: db.Ping,
		SecureCookies: cfg.SecureCookies, ContextWithAddress: sqldb.NewContextWithAddress, IntakeRoot: cfg.IntakeRoot,
		UploadDir: uploads})
	if err != nil {
		return err
	}
	if cfg.IntakeWorkers > 0 {
		wk := intake.NewWorker(sqldb.NewIntakeService(db))
		wk.Concurrency, wk.Logger = cfg.IntakeWorkers, logger
		done := make(chan struct{})
		go func() { defer close(done); wk.Run(ctx) }()
		defer func() { <-done }() // before the database closes
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("监听 %s：%w", cfg.Addr, err)
	}
	url := "http://" + ln.Addr().String()
	if cfg.Demo {
		if err := seedDemo(ctx, svc, stdout, url); err != nil {
			ln.Close()
			return err
		}
	}
	fmt.Fprintf(stdout, "jixiao serve: 正在监听 %s（数据库 %s）\n", url, db.Engine())
	logger.Info("listening", "addr", ln.Addr().String(), "engine", db.Engine(), "version", jixiao.Version)
	return srv.Serve(ctx, ln, cfg.Grace)
}

// seedDemo fills an empty database with the demo data and prints the
// demo accounts.
func seedDemo(ctx context.Context, svc web.Services, stdout io.Writer, url string) error {
	console := jixiao.NewContextWithUser(ctx, jixiao.ConsoleUser())
	if _, n, err := svc.Organisations.FindOrganisations(console, jixiao.OrganisationFilter{Limit: 1}); err != nil {
		return err
	} else if n > 0 {
		return fmt.Errorf("--demo 需要空的数据库，而这个数据库已有 %d 个单位", n)
	}
	d := newDemo(svc, time.Now())
	if err := d.seed(ctx); err != nil {
		return err
	}
	d.print(stdout, url)
	return nil
}
