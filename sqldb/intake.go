package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"jixiao"
	"jixiao/pipeline"
)

// IntakeService implements jixiao.IntakeService and jixiao.IntakeQueue.
type IntakeService struct{ db *DB }

var (
	_ jixiao.IntakeService = (*IntakeService)(nil)
	_ jixiao.IntakeQueue   = (*IntakeService)(nil)
)

// NewIntakeService returns the intakes of db and their queue.
func NewIntakeService(db *DB) *IntakeService { return &IntakeService{db} }

func intakeObject(id int64) string { return fmt.Sprintf("intake/%d", id) }

// CreateIntake stores the batch, each file as a source (by content, as an
// upload is), and queues one job per distinct file, all in one
// transaction: a batch is taken in whole or not at all.
func (s *IntakeService) CreateIntake(ctx context.Context, in *jixiao.Intake, files []jixiao.IntakeFile) error {
	if len(files) == 0 {
		return jixiao.Errorf(jixiao.EInvalid, "没有可收取的文件")
	}
	if in.Year != 0 && (in.Year < 2000 || in.Year > 2100) {
		return jixiao.Errorf(jixiao.EInvalid, "年度 %d 无效", in.Year)
	}
	return s.db.write(ctx, func(tx *Tx) error {
		u, err := tx.actor()
		if err != nil {
			return err
		}
		org, err := tx.orgByID(in.OrgID)
		if err != nil {
			return err
		}
		if !jixiao.CanIntake(u, org.Path) {
			return refuse(jixiao.EForbidden, "批量收件", fmt.Sprintf("org/%d", org.ID), "只有%s的财政管理员可以批量收件", org.Name)
		}
		in.CreatedBy, in.CreatedName, in.CreatedAt = u.ID, u.Name, tx.now
		id, err := tx.insert(`INSERT INTO intakes (org_id, name, year, created_by, created_name, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
			in.OrgID, in.Name, in.Year, u.ID, u.Name, tx.time(tx.now))
		if err != nil {
			return fmt.Errorf("sqldb: create intake: %w", err)
		}
		in.ID = id
		seen := map[string]int{}
		for start := 0; start < len(files); start += intakeChunk {
			if err := tx.addIntakeFiles(in, start, files[start:min(start+intakeChunk, len(files))], seen, u); err != nil {
				return err
			}
		}
		if err := tx.log(&jixiao.LogEntry{Action: jixiao.LogIntakeCreate, Object: intakeObject(id),
			Detail: fmt.Sprintf("%s：%d 个文件", in.Name, len(files))}); err != nil {
			return err
		}
		return tx.intakeCounts(in)
	})
}

// intakeChunk is how many files of a batch are stored by one statement
// per table: a few hundred round trips for 10,000 files instead of
// 30,000, and a statement's parameters well under SQLite's 32,766.
const intakeChunk = 200

// intakeRow is one file of a batch as it is stored.
type intakeRow struct {
	seq         int
	f           jixiao.IntakeFile
	state       jixiao.ItemState
	msg, format string
	hash        any
}

// classify tells what becomes of a file: an empty one fails at once, a
// second copy in the batch is a duplicate, any other is queued.
func classify(seq int, f jixiao.IntakeFile, seen map[string]int) intakeRow {
	r := intakeRow{seq: seq, f: f, state: jixiao.ItemQueued}
	switch {
	case f.Error != "":
		r.state, r.msg = jixiao.ItemFailed, f.Error
	case len(f.Content) == 0:
		r.state, r.msg = jixiao.ItemFailed, "文件为空"
	case len(f.Content) > MaxSourceBytes:
		r.state, r.msg = jixiao.ItemFailed, fmt.Sprintf("文件超过 %d MB", MaxSourceBytes>>20)
	default:
		h := jixiao.ContentHash(f.Content)
		r.hash = h
		if first, dup := seen[h]; dup {
			r.state, r.msg = jixiao.ItemDuplicate, fmt.Sprintf("与本批第 %d 个文件内容相同", first)
			break
		}
		seen[h] = seq
		// the importer tells the format from the content when the file is
		// read; an evaluation file is "yaml" whatever its extension, as
		// ReadSource records it, so that its source is never imported
		r.format = strings.TrimPrefix(strings.ToLower(filepath.Ext(f.Name)), ".")
		if pipeline.IsEvaluationFile(f.Name) {
			r.format = "yaml"
		}
	}
	return r
}

// loadFile reads a file handed with Open; one that cannot be read, or
// holds more than MaxSourceBytes, is failed with the reason.
func loadFile(f jixiao.IntakeFile) jixiao.IntakeFile {
	if f.Open == nil || f.Error != "" {
		return f
	}
	open := f.Open
	f.Open = nil
	rc, err := open()
	if err != nil {
		f.Error = fmt.Sprintf("无法读取：%v", err)
		return f
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, MaxSourceBytes+1))
	switch {
	case err != nil:
		f.Error = fmt.Sprintf("无法读取：%v", err)
	case len(b) > MaxSourceBytes:
		f.Error = fmt.Sprintf("文件超过 %d MB", MaxSourceBytes>>20)
	default:
		f.Content = b
	}
	return f
}

// addIntakeFiles stores the files of a batch from the one after first:
// their sources, items and jobs, one statement each.
func (tx *Tx) addIntakeFiles(in *jixiao.Intake, first int, files []jixiao.IntakeFile, seen map[string]int, u *jixiao.User) error {
	rows := make([]intakeRow, len(files))
	var sources, items []any
	for i, f := range files {
		// read into this chunk's rows, not the caller's slice, so that the
		// chunk's contents are garbage once it is stored
		r := classify(first+i+1, loadFile(f), seen)
		rows[i], f = r, r.f
		if r.state == jixiao.ItemQueued {
			sources = append(sources, r.hash, filepath.Base(f.Name), r.format, len(f.Content), f.Content, u.ID, tx.time(tx.now))
		}
		items = append(items, in.ID, r.seq, f.Name, r.hash, len(f.Content), string(r.state), r.msg, tx.time(tx.now))
	}
	if n := len(sources) / 7; n > 0 {
		if _, err := tx.exec(`INSERT INTO sources (hash, name, format, size, content, uploaded_by, created_at) VALUES `+
			values(7, n)+` ON CONFLICT (hash) DO NOTHING`, sources...); err != nil {
			return fmt.Errorf("sqldb: store sources: %w", err)
		}
	}
	ids, err := queryAll(tx, func(sc interface{ Scan(...any) error }) (r [2]int64, err error) {
		return r, sc.Scan(&r[0], &r[1])
	}, `INSERT INTO intake_items (intake_id, seq, name, source_hash, size, state, error, updated_at) VALUES `+values(8, len(rows))+` RETURNING id, seq`, items...)
	if err != nil {
		return fmt.Errorf("sqldb: store intake items: %w", err)
	}
	bySeq := make(map[int64]int64, len(ids))
	for _, r := range ids {
		bySeq[r[1]] = r[0]
	}
	var jobs []int64
	for _, r := range rows {
		if r.state == jixiao.ItemQueued {
			jobs = append(jobs, bySeq[int64(r.seq)])
		}
	}
	return tx.enqueueJobs(jobIntakeItem, jobs)
}

// intakeCounts fills in's progress from its items.
func (tx *Tx) intakeCounts(in *jixiao.Intake) error {
	rows, err := tx.query(`SELECT state, COUNT(*) FROM intake_items WHERE intake_id = ? GROUP BY state`, in.ID)
	if err != nil {
		return fmt.Errorf("sqldb: intake progress: %w", err)
	}
	defer rows.Close()
	in.Total, in.Queued, in.Imported, in.Duplicates, in.Unmatched, in.Failed = 0, 0, 0, 0, 0, 0
	for rows.Next() {
		var state string
		var n int
		if err := rows.Scan(&state, &n); err != nil {
			return err
		}
		in.Total += n
		switch jixiao.ItemState(state) {
		case jixiao.ItemQueued:
			in.Queued += n
		case jixiao.ItemImported:
			in.Imported += n
		case jixiao.ItemDuplicate:
			in.Duplicates += n
		case jixiao.ItemUnmatched:
			in.Unmatched += n
		case jixiao.ItemFailed:
			in.Failed += n
		}
	}
	return rows.Err()
}

const intakeColumns = `i.id, i.org_id, i.name, i.year, i.created_by, i.created_name, i.created_at, o.path`

// intakeByID reads an intake the acting user may see, with its progress.
func (tx *Tx) intakeByID(id int64) (*jixiao.Intake, jixiao.OrgPath, error) {
	in, path, err := scanIntake(tx.queryRow(`SELECT `+intakeColumns+` FROM intakes i JOIN organisations o ON o.id = i.org_id WHERE i.id = ?`, id))
	if err != nil {
		return nil, nil, notFound(err, "收件批次 %d 不存在", id)
	}
	if !jixiao.CanIntake(tx.user, path) {
		return nil, nil, refuse(jixiao.ENotFound, "查看收件批次", intakeObject(id), "收件批次 %d 不存在", id)
	}
	return in, path, tx.intakeCounts(in)
}

func scanIntake(sc interface{ Scan(...any) error }) (*jixiao.Intake, jixiao.OrgPath, error) {
	in := &jixiao.Intake{}
	var path string
	if err := sc.Scan(&in.ID, &in.OrgID, &in.Name, &in.Year, &in.CreatedBy, &in.CreatedName, scanTime{&in.CreatedAt}, &path); err != nil {
		return nil, nil, err
	}
	p, err := jixiao.ParseOrgPath(path)
	return in, p, err
}

// FindIntakeByID returns an intake with its progress.
func (s *IntakeService) FindIntakeByID(ctx context.Context, id int64) (*jixiao.Intake, error) {
	var in *jixiao.Intake
	err := s.db.read(ctx, func(tx *Tx) (err error) {
		in, _, err = tx.intakeByID(id)
		return err
	})
	return in, err
}

// FindIntakes lists the latest intakes the user may see, newest first.
func (s *IntakeService) FindIntakes(ctx context.Context) ([]*jixiao.Intake, error) {
	var out []*jixiao.Intake
	err := s.db.read(ctx, func(tx *Tx) error {
		if tx.user == nil {
			return jixiao.Errorf(jixiao.EUnauthorized, "请先登录")
		}
		type row struct {
			in   *jixiao.Intake
			path jixiao.OrgPath
		}
		rows, err := queryAll(tx, func(sc interface{ Scan(...any) error }) (r row, err error) {
			r.in, r.path, err = scanIntake(sc)
			return r, err
		}, `SELECT `+intakeColumns+` FROM intakes i JOIN organisations o ON o.id = i.org_id ORDER BY i.id DESC LIMIT 200`)
		if err != nil {
			return err
		}
		for _, r := range rows {
			if jixiao.CanIntake(tx.user, r.path) {
				out = append(out, r.in)
			}
		}
		for _, in := range out {
			if err := tx.intakeCounts(in); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

const itemColumns = `it.id, it.intake_id, it.seq, it.name, COALESCE(it.source_hash, ''), it.size, it.state, it.error,
	COALESCE(it.unit_id, 0), it.unit_name, it.year, it.evaluation_ids, it.updated_at, COALESCE(j.attempts, 0)`

// itemFrom joins an item to its latest job, for the attempts made.
const itemFrom = ` FROM intake_items it LEFT JOIN jobs j ON j.id = (SELECT MAX(id) FROM jobs WHERE kind = '` + jobIntakeItem + `' AND ref_id = it.id)`

func scanItem(sc interface{ Scan(...any) error }) (*jixiao.IntakeItem, error) {
	it := &jixiao.IntakeItem{}
	var state, ids string
	if err := sc.Scan(&it.ID, &it.IntakeID, &it.Seq, &it.Name, &it.Hash, &it.Size, &state, &it.Error,
		&it.UnitID, &it.UnitName, &it.Year, &ids, scanTime{&it.UpdatedAt}, &it.Attempts); err != nil {
		return nil, err
	}
	it.State = jixiao.ItemState(state)
	for _, f := range strings.Fields(ids) {
		id, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("sqldb: intake item %d: evaluation id %q: %w", it.ID, f, err)
		}
		it.EvaluationIDs = append(it.EvaluationIDs, id)
	}
	return it, nil
}

func formatIDs(ids []int64) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(parts, " ")
}

func (tx *Tx) itemByID(id int64) (*jixiao.IntakeItem, error) {
	it, err := scanItem(tx.queryRow(`SELECT `+itemColumns+itemFrom+` WHERE it.id = ?`, id))
	return it, notFound(err, "收件条目 %d 不存在", id)
}

// FindIntakeItems lists an intake's items in batch order.
func (s *IntakeService) FindIntakeItems(ctx context.Context, intakeID int64, f jixiao.IntakeItemFilter) ([]*jixiao.IntakeItem, int, error) {
	var out []*jixiao.IntakeItem
	var n int
	err := s.db.read(ctx, func(tx *Tx) error {
		if _, _, err := tx.intakeByID(intakeID); err != nil {
			return err
		}
		where, args := ` WHERE it.intake_id = ?`, []any{intakeID}
		if f.State != "" {
			where, args = where+` AND it.state = ?`, append(args, string(f.State))
		}
		if err := tx.queryRow(`SELECT COUNT(*) FROM intake_items it`+where, args...).Scan(&n); err != nil {
			return err
		}
		var err error
		out, err = queryAll(tx, scanItem, `SELECT `+itemColumns+itemFrom+where+` ORDER BY it.seq`+limitClause(f.Offset, f.Limit), args...)
		return err
	})
	return out, n, err
}

// AssignIntakeItem gives an item the unit and year a person chose and
// queues it again; the worker then imports it under them.
func (s *IntakeService) AssignIntakeItem(ctx context.Context, itemID, unitID int64, year int) (*jixiao.IntakeItem, error) {
	if year < 2000 || year > 2100 {
		return nil, jixiao.Errorf(jixiao.EInvalid, "年度 %d 无效", year)
	}
	var it *jixiao.IntakeItem
	err := s.db.write(ctx, func(tx *Tx) (err error) {
		if it, err = tx.itemByID(itemID); err != nil {
			return err
		}
		_, path, err := tx.intakeByID(it.IntakeID)
		if err != nil {
			return err
		}
		if it.State != jixiao.ItemUnmatched && it.State != jixiao.ItemFailed || it.Hash == "" {
			return jixiao.Errorf(jixiao.EConflict, "%s 处于“%s”状态，不能指定单位", it.Name, it.State.Label())
		}
		unit, err := tx.orgByID(unitID)
		if err != nil {
			return err
		}
		if unit.Kind != jixiao.OrgUnit || !unit.Path.Contains(path.Self()) {
			return jixiao.Errorf(jixiao.EInvalid, "%s 不是本批次所属机构下的预算单位", unit.Name)
		}
		if _, err := tx.exec(`UPDATE intake_items SET state = 'queued', error = '', unit_id = ?, unit_name = ?, year = ?, updated_at = ? WHERE id = ?`,
			unit.ID, unit.Name, year, tx.time(tx.now), it.ID); err != nil {
			return fmt.Errorf("sqldb: assign intake item: %w", err)
		}
		if err := tx.enqueueJob(jobIntakeItem, it.ID); err != nil {
			return err
		}
		it.State, it.Error, it.UnitID, it.UnitName, it.Year = jixiao.ItemQueued, "", unit.ID, unit.Name, year
		return tx.log(&jixiao.LogEntry{Action: jixiao.LogIntakeAssign, Object: intakeObject(it.IntakeID),
			Detail: fmt.Sprintf("%s → %s %d 年", it.Name, unit.Name, year)})
	})
	return it, err
}

// ClaimIntakeWork takes up to max items in one transaction (one commit,
// one fsync, for several files) of a few statements whatever max is: the
// jobs, their items, their intakes and their contents are each read in
// one. An item whose job has been taken up maxJobAttempts times without
// finishing is failed on the way.
func (s *IntakeService) ClaimIntakeWork(ctx context.Context, worker string, lease time.Duration, max int) ([]*jixiao.IntakeWork, error) {
	var out []*jixiao.IntakeWork
	err := s.db.run(ctx, s.db.wdb, false, func(tx *Tx) error {
		out = nil
		jobs, err := tx.claimJobs(jobIntakeItem, worker, lease, max)
		if err != nil || len(jobs) == 0 {
			return err
		}
		out, err = tx.intakeWorks(jobs, worker, lease)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("sqldb: claim intake work: %w", err)
	}
	return out, nil
}

// intakeWorks loads what a worker needs for the claimed jobs, and gives up
// the items of those taken up too often.
func (tx *Tx) intakeWorks(jobs []job, worker string, lease time.Duration) ([]*jixiao.IntakeWork, error) {
	refs := make([]any, len(jobs))
	for i, j := range jobs {
		refs[i] = j.ref
	}
	items, err := queryAll(tx, scanItem, `SELECT `+itemColumns+itemFrom+` WHERE it.id IN `+inList(len(refs)), refs...)
	if err != nil {
		return nil, err
	}
	byID := map[int64]*jixiao.IntakeItem{}
	for _, it := range items {
		byID[it.ID] = it
	}
	intakes := map[int64]*jixiao.Intake{}
	var out []*jixiao.IntakeWork
	var hashes []any
	for _, j := range jobs {
		it := byID[j.ref]
		if it == nil {
			return nil, notFound(sql.ErrNoRows, "收件条目 %d 不存在", j.ref)
		}
		if j.attempts > maxJobAttempts {
			msg := fmt.Sprintf("处理 %d 次均未完成（处理进程中断），已放弃", maxJobAttempts)
			if err := tx.setItemOutcome(nil, it.ID, jixiao.ItemFailed, msg, nil); err != nil {
				return nil, err
			}
			if err := tx.finishJob(j.id, worker, msg); err != nil {
				return nil, err
			}
			continue
		}
		in := intakes[it.IntakeID]
		if in == nil {
			if in, _, err = scanIntake(tx.queryRow(`SELECT `+intakeColumns+` FROM intakes i JOIN organisations o ON o.id = i.org_id WHERE i.id = ?`, it.IntakeID)); err != nil {
				return nil, fmt.Errorf("sqldb: intake %d: %w", it.IntakeID, err)
			}
			intakes[it.IntakeID] = in
		}
		it.Attempts = j.attempts
		out = append(out, &jixiao.IntakeWork{JobID: j.id, Worker: worker, Item: it, Intake: in, Lease: tx.now.Add(lease)})
		hashes = append(hashes, it.Hash)
	}
	if len(out) == 0 {
		return nil, nil
	}
	contents := map[string][]byte{}
	rows, err := tx.query(`SELECT hash, content FROM sources WHERE hash IN `+inList(len(hashes)), hashes...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var h string
		var c []byte
		if err := rows.Scan(&h, &c); err != nil {
			return nil, err
		}
		contents[h] = c
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, w := range out {
		if w.Content = contents[w.Item.Hash]; w.Content == nil {
			return nil, fmt.Errorf("sqldb: intake item %d: source %s missing", w.Item.ID, w.Item.Hash)
		}
	}
	return out, nil
}

// ExtendIntakeWork renews the lease on w.
func (s *IntakeService) ExtendIntakeWork(ctx context.Context, w *jixiao.IntakeWork, lease time.Duration) error {
	return s.db.run(ctx, s.db.wdb, false, func(tx *Tx) error {
		if err := tx.extendJob(w.JobID, w.Worker, lease); err != nil {
			return err
		}
		w.Lease = tx.now.Add(lease)
		return nil
	})
}

// ReleaseIntakeWork puts w back in the queue.
func (s *IntakeService) ReleaseIntakeWork(ctx context.Context, w *jixiao.IntakeWork) error {
	return s.db.run(ctx, s.db.wdb, false, func(tx *Tx) error { return tx.releaseJob(w.JobID, w.Worker) })
}

// FinishIntakeWork stores the outcomes in one transaction: one commit
// (one disk sync) for several files. Each is scored and audited before
// the transaction begins (precheck), so that SQLite's one writer is held
// for the inserts alone. Each item is stored with its evaluations, its
// state and the end of its job together, or, when its tables cannot be
// stored (a user's error: a conflict, a bad year), nothing but the item
// failed with that message; an item whose lease was lost stores nothing
// and is marked Lost.
//
// The batch is first stored as a whole, with what every item needs (the
// jobs' ends, earlier imports of the same contents, the units, the
// intakes' authors) read or written for all items in one statement each.
// Should any item fail or have lost its lease, that transaction is rolled
// back and the batch stored again item by item, each under a savepoint
// (isolated), which is the plain path: the two store the same.
func (s *IntakeService) FinishIntakeWork(ctx context.Context, done []jixiao.IntakeDone) error {
	if len(done) == 0 {
		return nil
	}
	var pre []map[*jixiao.Evaluation]checkedContent
	if !s.db.noPrecheck {
		pre = s.precheck(ctx, done)
	}
	store := func(isolate bool) error {
		return s.db.run(ctx, s.db.wdb, false, func(tx *Tx) error {
			// the log's head is locked at the end only, so that two workers'
			// batches are stored side by side
			tx.deferLog, tx.bulk = true, true
			b := &finishBatch{isolate: isolate}
			if !isolate {
				if err := tx.prefetch(b, done); err != nil {
					return err
				}
			}
			for i := range done {
				tx.checked = nil
				if pre != nil {
					tx.checked = pre[i]
				}
				if err := tx.finishItem(&done[i], b); err != nil {
					if errors.Is(err, errIsolate) {
						return err
					}
					return fmt.Errorf("sqldb: finish intake item %d: %w", done[i].Work.Item.ID, err)
				}
			}
			if err := tx.flushItems(b); err != nil {
				return err
			}
			return tx.flushLog()
		})
	}
	// the plain path alone, for the tests that compare the two
	err := errIsolate
	if !s.db.noPrecheck {
		err = store(false)
	}
	if errors.Is(err, errIsolate) {
		err = store(true)
	}
	if err != nil {
		for i := range done {
			done[i].Lost = false
		}
	}
	return err
}

// errIsolate rolls back a batch stored as a whole, to store it again
// item by item.
var errIsolate = errors.New("sqldb: intake batch to be stored item by item")

// finishBatch is what the items of a batch stored as a whole share, read
// once for all of them; an isolated batch reads each as it goes.
type finishBatch struct {
	isolate bool
	// imported: the evaluations made from each content, as the items
	// are stored
	imported map[string][]int64
	units    map[int64]*jixiao.Organisation
	users    map[int64]*jixiao.User
	// items: the items' updates, stored together at the end
	items []itemUpdate
}

// prefetch ends every job of the batch in one statement and reads the
// earlier imports of their contents, their units and the units' tasks in
// one query each;
// it returns errIsolate when a lease was lost.
func (tx *Tx) prefetch(b *finishBatch, done []jixiao.IntakeDone) error {
	worker := done[0].Work.Worker
	jobs := []any{tx.time(tx.now), worker}
	var hashes []any
	for _, d := range done {
		if d.Work.Worker != worker {
			return errIsolate
		}
		jobs = append(jobs, d.Work.JobID)
		hashes = append(hashes, d.Work.Item.Hash)
	}
	units := batchUnits(done)
	res, err := tx.exec(`UPDATE jobs SET state = 'done', last_error = '', lease_until = NULL, updated_at = ? WHERE worker = ? AND state = 'running' AND id IN `+inList(len(done)), jobs...)
	if err != nil {
		return fmt.Errorf("sqldb: finish jobs: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("sqldb: finish jobs: %w", err)
	} else if n != int64(len(done)) {
		return errIsolate
	}
	type imp struct {
		hash string
		id   int64
	}
	imps, err := queryAll(tx, func(sc interface{ Scan(...any) error }) (r imp, err error) {
		return r, sc.Scan(&r.hash, &r.id)
	}, `SELECT source_hash, id FROM evaluations WHERE source_hash IN `+inList(len(hashes))+` ORDER BY id`, hashes...)
	if err != nil {
		return fmt.Errorf("sqldb: earlier imports: %w", err)
	}
	b.imported = map[string][]int64{}
	for _, r := range imps {
		b.imported[r.hash] = append(b.imported[r.hash], r.id)
	}
	if err := tx.prefetchTasks(units); err != nil {
		return err
	}
	b.units = map[int64]*jixiao.Organisation{}
	if len(units) > 0 {
		orgs, err := queryAll(tx, scanOrg, `SELECT `+orgColumns+` FROM organisations WHERE id IN `+inList(len(units)), units...)
		if err != nil {
			return fmt.Errorf("sqldb: intake units: %w", err)
		}
		for _, o := range orgs {
			b.units[o.ID] = o
		}
	}
	return nil
}

// finishItem stores one outcome; in an isolated batch under a savepoint,
// undone when the item fails or its lease was lost, else returning
// errIsolate for either.
func (tx *Tx) finishItem(d *jixiao.IntakeDone, b *finishBatch) error {
	w, out := d.Work, d.Outcome
	d.Lost = false
	if !b.isolate {
		err := tx.storeOutcome(w, out, b)
		var e *jixiao.Error
		if errors.Is(err, jixiao.ErrLeaseLost) || errors.As(err, &e) {
			return errIsolate
		}
		return err
	}
	after, logged := len(tx.committed), len(tx.pendingLog)
	if _, err := tx.exec(`SAVEPOINT intake_item`); err != nil {
		return err
	}
	err := tx.storeOutcome(w, out, b)
	if err == nil {
		_, err = tx.exec(`RELEASE SAVEPOINT intake_item`)
		return err
	}
	// what the savepoint undoes must not reach the caches either
	tx.committed, tx.pendingLog = tx.committed[:after], tx.pendingLog[:logged]
	if _, rerr := tx.exec(`ROLLBACK TO SAVEPOINT intake_item`); rerr != nil {
		return rerr
	}
	if _, rerr := tx.exec(`RELEASE SAVEPOINT intake_item`); rerr != nil {
		return rerr
	}
	var e *jixiao.Error
	switch {
	case errors.Is(err, jixiao.ErrLeaseLost):
		d.Lost = true
		return nil
	case !errors.As(err, &e):
		return err
	}
	msg := e.Message
	if err := tx.finishJob(w.JobID, w.Worker, msg); errors.Is(err, jixiao.ErrLeaseLost) {
		d.Lost = true
		return nil
	} else if err != nil {
		return err
	}
	// the conflict may be with a copy of this file another worker
	// imported meanwhile
	if done, err := tx.alreadyImported(w.Item, b); done || err != nil {
		return err
	}
	return tx.setItemOutcome(b, w.Item.ID, jixiao.ItemFailed, msg, nil)
}

// storeOutcome ends w's job (a batch stored whole has ended them all)
// and stores what the worker made of it.
func (tx *Tx) storeOutcome(w *jixiao.IntakeWork, out *jixiao.IntakeOutcome, b *finishBatch) error {
	if b.isolate {
		if err := tx.finishJob(w.JobID, w.Worker, ""); err != nil {
			return err
		}
	}
	if done, err := tx.alreadyImported(w.Item, b); done || err != nil {
		return err
	}
	if out.State != jixiao.ItemImported {
		return tx.updateItem(b, itemUpdate{id: w.Item.ID, keepUnit: true, unitName: out.UnitName, year: out.Year, state: out.State, msg: out.Error})
	}
	return tx.importTables(w, out, b)
}

// alreadyImported records it as a duplicate when an evaluation was made
// from the same content before (by another intake or an upload).
func (tx *Tx) alreadyImported(it *jixiao.IntakeItem, b *finishBatch) (bool, error) {
	var ids []int64
	if b.isolate {
		var err error
		ids, err = queryAll(tx, func(sc interface{ Scan(...any) error }) (id int64, err error) {
			return id, sc.Scan(&id)
		}, `SELECT id FROM evaluations WHERE source_hash = ? ORDER BY id`, it.Hash)
		if err != nil {
			return false, err
		}
	} else {
		ids = b.imported[it.Hash]
	}
	if len(ids) == 0 {
		return false, nil
	}
	return true, tx.setItemOutcome(b, it.ID, jixiao.ItemDuplicate, "同一文件已导入", ids)
}

// setItemOutcome records an item's state, keeping its unit and year.
func (tx *Tx) setItemOutcome(b *finishBatch, id int64, state jixiao.ItemState, msg string, evals []int64) error {
	return tx.updateItem(b, itemUpdate{id: id, keepUnit: true, keepYear: true, state: state, msg: msg, evals: evals})
}

// itemUpdate is what becomes of one intake item.
type itemUpdate struct {
	id                 int64
	unitID             int64 // 0: none
	keepUnit, keepYear bool  // leave unit_id, or unit_name and year, as they are
	unitName           string
	year               int
	state              jixiao.ItemState
	msg                string
	evals              []int64
}

// updateItem stores u now, or, in a batch stored as a whole, with the
// batch's others at its end (flushItems): one statement for the batch.
func (tx *Tx) updateItem(b *finishBatch, u itemUpdate) error {
	if b != nil && !b.isolate {
		b.items = append(b.items, u)
		return nil
	}
	return tx.updateItems([]itemUpdate{u})
}

// flushItems stores the item updates a batch stored as a whole gathered.
func (tx *Tx) flushItems(b *finishBatch) error {
	us := b.items
	b.items = nil
	if len(us) == 0 {
		return nil
	}
	return tx.updateItems(us)
}

// updateItems stores us in one statement: the rows of a VALUES list,
// typed by CAST (PostgreSQL reads an untyped parameter as text), joined
// to the items by id; a NULL keeps the column as it is. Both engines name
// the list's columns column1, column2 ….
func (tx *Tx) updateItems(us []itemUpdate) error {
	args := make([]any, 0, 1+8*len(us))
	args = append(args, tx.time(tx.now)) // updated_at, in SET, before the list
	for _, u := range us {
		var unit, name, year any
		if !u.keepUnit && u.unitID != 0 {
			unit = u.unitID
		}
		if !u.keepYear {
			name, year = u.unitName, u.year
		}
		args = append(args, u.id, !u.keepUnit, unit, name, year, string(u.state), u.msg, formatIDs(u.evals))
	}
	row := `(CAST(? AS BIGINT), CAST(? AS BOOLEAN), CAST(? AS BIGINT), CAST(? AS TEXT), CAST(? AS BIGINT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT))`
	q := `UPDATE intake_items SET updated_at = ?, unit_id = CASE WHEN v.column2 THEN v.column3 ELSE intake_items.unit_id END,
		unit_name = COALESCE(v.column4, intake_items.unit_name), year = COALESCE(v.column5, intake_items.year),
		state = v.column6, error = v.column7, evaluation_ids = v.column8
		FROM (VALUES ` + row + strings.Repeat(", "+row, len(us)-1) + `) AS v WHERE intake_items.id = v.column1`
	res, err := tx.exec(q, args...)
	if err != nil {
		return fmt.Errorf("sqldb: intake items: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("sqldb: intake items: %w", err)
	} else if n != int64(len(us)) {
		return fmt.Errorf("sqldb: intake items: %d of %d updated", n, len(us))
	}
	return nil
}

// importTables creates the evaluations of an item as submitted by their
// units, in the name of the person who started the intake. Each unit must
// lie under the intake's organisation.
func (tx *Tx) importTables(w *jixiao.IntakeWork, out *jixiao.IntakeOutcome, b *finishBatch) error {
	u, err := tx.intakeUser(w.Intake.CreatedBy, b)
	if err != nil {
		return err
	}
	tx.user = u
	var ids []int64
	for _, t := range out.Tables {
		unit := b.units[t.UnitID]
		if unit == nil {
			if unit, err = tx.orgByID(t.UnitID); err != nil {
				return err
			}
		}
		if unit.Kind != jixiao.OrgUnit || !unit.Path.Contains(w.Intake.OrgID) {
			return jixiao.Errorf(jixiao.EInvalid, "%s 不在本批次所属机构之下", unit.Name)
		}
		r := &jixiao.EvaluationRecord{UnitID: unit.ID, Year: t.Year, Kind: t.Eval.Kind, ProjectCode: t.Eval.ProjectCode,
			Content: t.Eval, SourceHash: w.Item.Hash, Status: jixiao.StatusSubmitted}
		if err := tx.addEvaluation(r, unit, u, true); err != nil {
			return err
		}
		ids = append(ids, r.ID)
	}
	if !b.isolate {
		b.imported[w.Item.Hash] = append(b.imported[w.Item.Hash], ids...)
	}
	if len(out.Tables) == 0 {
		return tx.setItemOutcome(b, w.Item.ID, jixiao.ItemImported, out.Error, ids)
	}
	return tx.updateItem(b, itemUpdate{id: w.Item.ID, unitID: out.Tables[0].UnitID, unitName: out.UnitName, year: out.Tables[0].Year,
		state: jixiao.ItemImported, msg: out.Error, evals: ids})
}

// intakeUser is the person who started an intake, in whose name its
// evaluations are created; read once a batch.
func (tx *Tx) intakeUser(id int64, b *finishBatch) (*jixiao.User, error) {
	if id == jixiao.ConsoleUserID {
		return jixiao.ConsoleUser(), nil
	}
	if u := b.users[id]; u != nil {
		return u, nil
	}
	u, err := tx.userByID(id)
	if err != nil {
		return nil, err
	}
	if b.users == nil {
		b.users = map[int64]*jixiao.User{}
	}
	b.users[id] = u
	return u, nil
}

// IntakeUnits lists the units at or below an organisation.
func (s *IntakeService) IntakeUnits(ctx context.Context, orgID int64) ([]*jixiao.Organisation, error) {
	var out []*jixiao.Organisation
	err := s.db.run(ctx, s.db.rdb, true, func(tx *Tx) error {
		org, err := tx.orgByID(orgID)
		if err != nil {
			return err
		}
		out, err = queryAll(tx, scanOrg, `SELECT `+orgColumns+` FROM organisations WHERE kind = 'unit' AND path LIKE ? ORDER BY id`, org.Path.String()+"%")
		return err
	})
	return out, err
}

// queryAll runs q and scans every row with scan; the rows are closed
// before it returns, so that the transaction may query again.
func queryAll[T any](tx *Tx, scan func(interface{ Scan(...any) error }) (T, error), q string, args ...any) ([]T, error) {
	rows, err := tx.query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
