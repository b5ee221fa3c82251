package jixiao

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"time"
)

// LogAction names what a log entry records.
type LogAction string

// The actions the audit log records.
const (
	LogEvaluationCreate LogAction = "evaluation.create"
	LogEvaluationSave   LogAction = "evaluation.save"
	LogTransition       LogAction = "evaluation.transition"
	LogComment          LogAction = "comment.create"
	LogCommentResolve   LogAction = "comment.resolve"
	LogReviewScore      LogAction = "review.score"
	LogTaskCreate       LogAction = "task.create"
	LogOrgCreate        LogAction = "org.create"
	LogOrgUpdate        LogAction = "org.update"
	LogUserCreate       LogAction = "user.create"
	LogUserUpdate       LogAction = "user.update"
	LogPasswordSet      LogAction = "user.password"
	LogLogin            LogAction = "login"
	LogLoginFailed      LogAction = "login.failed"
	LogLogout           LogAction = "logout"
	LogTokenCreate      LogAction = "token.create"
	LogTokenRevoke      LogAction = "token.revoke"
	LogSourceCreate     LogAction = "source.create"
	LogForbidden        LogAction = "forbidden" // a permission refusal
	LogRestore          LogAction = "restore"
)

// LogEntry is one line of the append-only audit log. Each entry's hash
// covers its fields and the hash of the entry before it, so that editing,
// deleting or reordering any entry breaks the chain from there on.
type LogEntry struct {
	Seq      int64 // 1, 2, 3 … without gaps
	Time     time.Time
	UserID   int64 // 0 for nobody signed in, ConsoleUserID for the console
	UserName string
	Action   LogAction
	Object   string // what was acted on: "evaluation/12", "user/3"
	Detail   string // what happened, for people ("版本 3 → 4：indicators[2].得分")
	Address  string // the client's address, when known
	PrevHash string
	Hash     string
}

// LogTimePrecision is the precision log times are kept at: what both
// databases store exactly, so the hash of a stored entry can be recomputed.
const LogTimePrecision = time.Microsecond

// ComputeHash returns the entry's hash: SHA-256 over the previous hash and
// every field, each length-prefixed so no two entries encode alike.
func (e *LogEntry) ComputeHash() string {
	var b strings.Builder
	hashField(&b, e.PrevHash)
	hashField(&b, strconv.FormatInt(e.Seq, 10))
	b.WriteString(e.HashTail())
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:])
}

func hashField(b *strings.Builder, s string) {
	b.WriteString(strconv.Itoa(len(s)))
	b.WriteByte(':')
	b.WriteString(s)
	b.WriteByte(';')
}

// HashTail is what the hash covers after the previous hash and the
// sequence number, encoded as ComputeHash encodes it: a store that
// chains an entry where the head is locked (PostgreSQL's one-statement
// append) prefixes the two fields there and hashes the whole.
func (e *LogEntry) HashTail() string {
	var b strings.Builder
	field := func(s string) { hashField(&b, s) }
	field(e.Time.UTC().Truncate(LogTimePrecision).Format(time.RFC3339Nano))
	field(strconv.FormatInt(e.UserID, 10))
	field(e.UserName)
	field(string(e.Action))
	field(e.Object)
	field(e.Detail)
	field(e.Address)
	return b.String()
}

// Chain sets e's sequence number, previous hash and hash to follow prev
// (nil for the first entry).
func (e *LogEntry) Chain(prev *LogEntry) {
	e.Seq, e.PrevHash = 1, ""
	if prev != nil {
		e.Seq, e.PrevHash = prev.Seq+1, prev.Hash
	}
	e.Time = e.Time.UTC().Truncate(LogTimePrecision)
	e.Hash = e.ComputeHash()
}

// LogVerifier checks a log read in sequence order, one entry at a time, so
// that a long log never has to be held in memory.
type LogVerifier struct {
	prev    *LogEntry
	checked int64
}

// Check verifies the next entry against the ones before it. The error is
// an EInternal *Error that names the first bad entry and what is wrong.
func (v *LogVerifier) Check(e *LogEntry) error {
	wantSeq, wantPrev := int64(1), ""
	if v.prev != nil {
		wantSeq, wantPrev = v.prev.Seq+1, v.prev.Hash
	}
	switch {
	case e.Seq < wantSeq:
		return &Error{Code: EInternal, Message: "审计日志第 " + itoa(e.Seq) + " 条顺序错乱：应为第 " + itoa(wantSeq) + " 条"}
	case e.Seq > wantSeq:
		return &Error{Code: EInternal, Message: "审计日志缺少第 " + itoa(wantSeq) + " 条（被删除），下一条为第 " + itoa(e.Seq) + " 条"}
	case e.PrevHash != wantPrev:
		return &Error{Code: EInternal, Message: "审计日志第 " + itoa(e.Seq) + " 条与前一条不衔接（前一条被修改、删除或调换）"}
	case e.ComputeHash() != e.Hash:
		return &Error{Code: EInternal, Message: "审计日志第 " + itoa(e.Seq) + " 条内容被修改（" + string(e.Action) + " " + e.Object + "）"}
	}
	c := *e
	v.prev = &c
	v.checked++
	return nil
}

// Finish checks that the log ends where its head says it does: the last
// entry cut off leaves a chain that is valid in itself.
func (v *LogVerifier) Finish(headSeq int64, headHash string) error {
	var seq int64
	var hash string
	if v.prev != nil {
		seq, hash = v.prev.Seq, v.prev.Hash
	}
	if seq != headSeq || hash != headHash {
		return &Error{Code: EInternal, Message: "审计日志末尾缺失：应到第 " + itoa(headSeq) + " 条，实际只到第 " + itoa(seq) + " 条"}
	}
	return nil
}

// Checked is the number of entries verified so far.
func (v *LogVerifier) Checked() int64 { return v.checked }

// LogFilter selects log entries. Zero fields match anything.
type LogFilter struct {
	UserID   int64
	Action   LogAction
	Object   string
	AfterSeq int64

	Offset int
	Limit  int
}

// LogService reads, appends to and verifies the audit log. The storage
// services append their own entries inside their transactions; this
// service appends events only the caller sees (a logout, a refused
// request).
type LogService interface {
	// FindLogEntries returns entries in sequence order and how many match.
	FindLogEntries(ctx context.Context, filter LogFilter) ([]*LogEntry, int, error)
	// CreateLogEntry appends an entry; Seq, hashes and Time are set here.
	CreateLogEntry(ctx context.Context, e *LogEntry) error
	// VerifyLog checks the whole chain and returns how many entries it
	// checked; the error names the first bad entry.
	VerifyLog(ctx context.Context) (int64, error)
}
