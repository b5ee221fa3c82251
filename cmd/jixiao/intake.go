package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"jixiao"
	"jixiao/intake"
	"jixiao/sqldb"
)

const intakeSummary = `批量收件：把文件夹、.zip 或若干文件中的自评材料逐个导入数据库，每个文件成为其单位与年度的一份
已提交的自评表（原始文件按内容保存）；对不上单位或年度的列为“待指定单位”，到网页的“批量收件”中指定。
同一文件只导入一次；一个文件出错不影响其余。导入是数据库中的后台任务：进程中断（甚至 kill -9）后
再运行同一命令，从中断处继续。--no-wait 只登记批次，交给运行中的 jixiao serve 处理。
退出码：0 全部导入（或重复），1 有失败或待指定的文件，2 用法错误。`

func runIntake(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("intake", "[--db 数据库] [--org 编码] [--year 年度] 文件夹|文件.zip|文件 …", intakeSummary, stderr)
	dsn := dbFlag(fs)
	orgCode := fs.String("org", "", "收件的财政局（或主管部门）的单位编码；库中只有一个财政局时可省略")
	year := fs.Int("year", 0, "表中未写年度、文件名中也没有年度时采用的年度")
	name := fs.String("name", "", "批次名称（默认：所给路径）")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "同时导入的文件数")
	noWait := fs.Bool("no-wait", false, "只登记批次，不在本进程中导入")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "jixiao intake: 需要至少一个文件夹、.zip 或文件")
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(consoleContext(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	db, err := openDB(ctx, *dsn)
	if err != nil {
		return fail(stderr, "intake", err)
	}
	defer db.Close()
	svc := sqldb.NewIntakeService(db)
	batchName := *name
	if batchName == "" {
		var abs []string
		for _, p := range fs.Args() {
			a, _ := filepath.Abs(p)
			abs = append(abs, a)
		}
		batchName = strings.Join(abs, " ")
	}
	in, resumed, err := findOrCreateIntake(ctx, db, svc, batchName, *orgCode, *year, fs.Args())
	if err != nil {
		return fail(stderr, "intake", err)
	}
	if resumed {
		fmt.Fprintf(stdout, "继续第 %d 批“%s”：已处理 %d / %d 个文件\n", in.ID, in.Name, in.Done(), in.Total)
	} else {
		fmt.Fprintf(stdout, "第 %d 批“%s”：%d 个文件\n", in.ID, in.Name, in.Total)
	}
	if *noWait {
		return exitOK
	}
	wk := intake.NewWorker(svc)
	wk.Concurrency = max(*workers, 1)
	wk.Poll = 250 * time.Millisecond // the batch ends within a poll of its last file
	last := time.Time{}
	err = wk.Until(ctx, func(ctx context.Context) (bool, error) {
		cur, err := svc.FindIntakeByID(ctx, in.ID)
		if err != nil {
			return false, err
		}
		if time.Since(last) > time.Second || cur.Finished() {
			fmt.Fprintf(stderr, "\r已处理 %d / %d（已导入 %d，重复 %d，待指定 %d，失败 %d）", cur.Done(), cur.Total, cur.Imported, cur.Duplicates, cur.Unmatched, cur.Failed)
			last = time.Now()
		}
		in = cur
		return cur.Finished(), nil
	})
	fmt.Fprintln(stderr)
	if err != nil {
		return fail(stderr, "intake", err)
	}
	return reportIntake(ctx, svc, in, stdout, stderr)
}

// findOrCreateIntake resumes the unfinished batch of the same name, or
// reads the paths into a new one.
func findOrCreateIntake(ctx context.Context, db *sqldb.DB, svc *sqldb.IntakeService, name, orgCode string, year int, paths []string) (*jixiao.Intake, bool, error) {
	ins, err := svc.FindIntakes(ctx)
	if err != nil {
		return nil, false, err
	}
	for _, in := range ins {
		if in.Name == name && !in.Finished() {
			return in, true, nil
		}
	}
	org, err := intakeOrg(ctx, db, orgCode)
	if err != nil {
		return nil, false, err
	}
	var files []jixiao.IntakeFile
	for _, p := range paths {
		fs, err := intake.ReadPath(p, intake.Limits{})
		if err != nil {
			return nil, false, err
		}
		files = append(files, fs...)
	}
	in := &jixiao.Intake{OrgID: org.ID, Name: name, Year: year}
	return in, false, svc.CreateIntake(ctx, in, files)
}

// intakeOrg is the organisation named by code, or the one finance bureau.
func intakeOrg(ctx context.Context, db *sqldb.DB, code string) (*jixiao.Organisation, error) {
	orgs := sqldb.NewOrganisationService(db)
	if code != "" {
		return orgs.FindOrganisationByCode(ctx, code)
	}
	fin, _, err := orgs.FindOrganisations(ctx, jixiao.OrganisationFilter{Kind: jixiao.OrgFinance})
	if err != nil {
		return nil, err
	}
	if len(fin) != 1 {
		return nil, jixiao.Errorf(jixiao.EInvalid, "库中有 %d 个财政局：请用 --org 给出收件机构的单位编码", len(fin))
	}
	return fin[0], nil
}

// reportIntake prints the batch's outcome and the files that need a
// person.
func reportIntake(ctx context.Context, svc *sqldb.IntakeService, in *jixiao.Intake, stdout, stderr io.Writer) int {
	fmt.Fprintf(stdout, "完成：%d 个文件，已导入 %d，重复 %d，待指定单位 %d，失败 %d\n", in.Total, in.Imported, in.Duplicates, in.Unmatched, in.Failed)
	for _, st := range []jixiao.ItemState{jixiao.ItemUnmatched, jixiao.ItemFailed} {
		its, _, err := svc.FindIntakeItems(ctx, in.ID, jixiao.IntakeItemFilter{State: st})
		if err != nil {
			return fail(stderr, "intake", err)
		}
		for _, it := range its {
			fmt.Fprintf(stdout, "  %s  %s：%s\n", st.Label(), it.Name, it.Error)
		}
	}
	if in.Unmatched+in.Failed > 0 {
		return exitFailed
	}
	return exitOK
}
