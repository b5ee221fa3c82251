package jixiao

import (
	"context"
	"errors"
	"io"
	"time"
)

// An intake is a batch of submissions the finance bureau receives at once
// (a .zip, several files, a folder on the server): each file becomes a
// stored evaluation of the unit and year it names, or waits, unmatched, for
// a person to assign it. The batch runs as a durable background job, one
// work item per file, so that a crash resumes it and one bad file never
// stops the rest.

// ItemState is where one file of an intake stands.
type ItemState string

// The states of an intake item. Queued items are waiting or being worked
// on; the others are final, except that assigning an unmatched item queues
// it again.
const (
	ItemQueued    ItemState = "queued"    // 待处理
	ItemImported  ItemState = "imported"  // 已导入
	ItemDuplicate ItemState = "duplicate" // 重复（同一文件已导入）
	ItemUnmatched ItemState = "unmatched" // 未匹配单位或年度，待指定
	ItemFailed    ItemState = "failed"    // 失败
)

// Label is the state in Chinese, for pages.
func (s ItemState) Label() string {
	switch s {
	case ItemQueued:
		return "待处理"
	case ItemImported:
		return "已导入"
	case ItemDuplicate:
		return "重复"
	case ItemUnmatched:
		return "待指定单位"
	case ItemFailed:
		return "失败"
	}
	return string(s)
}

// Final reports whether an item in state s needs no more work.
func (s ItemState) Final() bool { return s != ItemQueued }

// Intake is one batch with its progress.
type Intake struct {
	ID          int64
	OrgID       int64  // the finance bureau (or department) it is for: units are matched under it
	Name        string // what the batch was: the zip's or folder's name
	Year        int    // the year to assume for files that state none; 0 for none
	CreatedBy   int64
	CreatedName string
	CreatedAt   time.Time

	// Progress, counted from the items.
	Total      int
	Queued     int
	Imported   int
	Duplicates int
	Unmatched  int
	Failed     int
}

// Done is the number of items that need no more work.
func (in *Intake) Done() int { return in.Total - in.Queued }

// Finished reports whether every item needs no more work.
func (in *Intake) Finished() bool { return in.Queued == 0 }

// IntakeItem is one file of an intake.
type IntakeItem struct {
	ID       int64
	IntakeID int64
	Seq      int    // its place in the batch, from 1
	Name     string // the file's name inside the batch (a path in a zip or folder)
	Hash     string // SHA-256 of the content, the key of its stored source
	Size     int64
	State    ItemState
	Error    string // why it failed, or what is missing for an unmatched one, in Chinese
	Attempts int    // how many times a worker took it up

	UnitID   int64  // the unit matched or assigned; 0 while unknown
	UnitName string // the unit's name, or the name the document gives when unmatched
	Year     int
	// EvaluationIDs are the evaluations made from the file (a document
	// may hold several tables), or the one a duplicate was imported as.
	EvaluationIDs []int64
	UpdatedAt     time.Time
}

// IntakeFile is one file handed to CreateIntake. A file the reader could
// not take (too large, a nested archive) comes with Error set and no
// content, and is recorded as failed.
type IntakeFile struct {
	Name    string
	Content []byte
	// Open, set instead of Content (a file on disk), reads the file when
	// CreateIntake stores it, a few hundred at a time, so that a folder of
	// thousands of files is never held in memory whole. A file that cannot
	// be read then is recorded as failed.
	Open  func() (io.ReadCloser, error)
	Error string
}

// IntakeItemFilter selects the items of an intake; a zero State matches
// any.
type IntakeItemFilter struct {
	State         ItemState
	Offset, Limit int
}

// IntakeService stores intakes and their items. Creating one queues a job
// per file; the workers (IntakeQueue) do the rest.
type IntakeService interface {
	// CreateIntake stores the files as sources and queues one item each.
	// A file whose content is already in the batch is recorded as a
	// duplicate without a job.
	CreateIntake(ctx context.Context, in *Intake, files []IntakeFile) error
	FindIntakeByID(ctx context.Context, id int64) (*Intake, error)
	FindIntakes(ctx context.Context) ([]*Intake, error)
	FindIntakeItems(ctx context.Context, intakeID int64, f IntakeItemFilter) ([]*IntakeItem, int, error)
	// AssignIntakeItem gives an unmatched (or failed) item its unit and
	// year and queues it again.
	AssignIntakeItem(ctx context.Context, itemID, unitID int64, year int) (*IntakeItem, error)
}

// IntakeWork is an item a worker has taken up, with what it needs to
// import it. The lease is the worker's until Lease; a worker that does not
// extend it in time loses the item to another.
type IntakeWork struct {
	JobID   int64
	Worker  string
	Item    *IntakeItem
	Intake  *Intake
	Content []byte
	Lease   time.Time
}

// IntakeTable is one evaluation read from a file, with the unit and year
// it is to be stored under.
type IntakeTable struct {
	Eval   *Evaluation
	UnitID int64
	Year   int
}

// IntakeOutcome is what a worker made of an item: the tables to store
// (State ItemImported), or why not (ItemUnmatched, ItemFailed with Error).
type IntakeOutcome struct {
	State    ItemState
	Error    string
	UnitName string // the name the document gives, kept for the person assigning it
	Year     int
	Tables   []IntakeTable
	// Doc is the document the tables were read from (nil for an
	// evaluation file), so that the store checks them against it
	// without importing the file again.
	Doc *Document
}

// IntakeDone is an item a worker has finished and what it made of it.
type IntakeDone struct {
	Work    *IntakeWork
	Outcome *IntakeOutcome
	// Lost is set by FinishIntakeWork when another worker had taken the
	// item over: nothing of it was stored.
	Lost bool
}

// IntakeQueue is the workers' side of intake: a durable queue in the
// database, shared by every server on it.
type IntakeQueue interface {
	// ClaimIntakeWork takes up to max of the oldest items that are queued
	// or whose worker's lease ran out, in one transaction; none when the
	// queue has none ready.
	ClaimIntakeWork(ctx context.Context, worker string, lease time.Duration, max int) ([]*IntakeWork, error)
	// ExtendIntakeWork renews w's lease; an error says it was lost.
	ExtendIntakeWork(ctx context.Context, w *IntakeWork, lease time.Duration) error
	// ReleaseIntakeWork hands w back to the queue untouched, as a worker
	// that is stopping does, so that another need not wait for the lease.
	ReleaseIntakeWork(ctx context.Context, w *IntakeWork) error
	// FinishIntakeWork stores the outcomes of several items and ends
	// their jobs in one transaction (one commit for them all), so that
	// each item is imported once or not at all; an outcome whose tables
	// cannot be stored records its item as failed, and an item whose lease
	// was lost is marked Lost and left to its new holder.
	FinishIntakeWork(ctx context.Context, done []IntakeDone) error
	// IntakeUnits lists the units under an organisation, for matching.
	IntakeUnits(ctx context.Context, orgID int64) ([]*Organisation, error)
}

// ErrLeaseLost is returned by the queue when a worker's item was taken
// over by another after the worker's lease ran out: its work is dropped.
var ErrLeaseLost = errors.New("jixiao: the item's lease was lost to another worker")

// The audit log's intake actions.
const (
	LogIntakeCreate LogAction = "intake.create"
	LogIntakeAssign LogAction = "intake.assign"
)

// CanIntake reports whether u may take in submissions for the
// organisation at path: a finance admin of it or above it, or the console.
func CanIntake(u *User, path OrgPath) bool {
	if u == nil || u.Disabled {
		return false
	}
	if u.ID == ConsoleUserID {
		return true
	}
	return active(u) && u.HasRole(RoleFinanceAdmin) && path.Contains(u.OrgID)
}
