package jixiao

import (
	"context"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Comment is a remark on an evaluation, pinned to a field path
// ("budget.全年执行数", "indicators[3].实际完成值") or to an indicator
// ("indicators[3]"); an empty Path is about the whole evaluation. A return
// carries the comments that say what to fix and where.
type Comment struct {
	ID           int64
	EvaluationID int64
	TransitionID int64 // the workflow step it came with; 0 for a free comment
	Revision     int   // the version it was written against
	Path         string
	Body         string
	UserID       int64
	UserName     string
	Resolved     bool
	CreatedAt    time.Time
}

// MaxCommentLength bounds a comment's body, in characters.
const MaxCommentLength = 4000

// Validate checks a comment's body and path.
func (c *Comment) Validate() error {
	switch {
	case trimmed(c.Body) == "":
		return Errorf(EInvalid, "意见内容不能为空")
	case utf8.RuneCountInString(c.Body) > MaxCommentLength:
		return Errorf(EInvalid, "意见不能超过 %d 个字符", MaxCommentLength)
	case utf8.RuneCountInString(c.Path) > 200:
		return Errorf(EInvalid, "意见所指字段路径过长")
	}
	return nil
}

// CommentFilter selects an evaluation's comments.
type CommentFilter struct {
	EvaluationID int64
	Path         string // only comments on this path; "" for all
	Unresolved   bool
}

// CommentService stores comments. Whoever may view an evaluation may read
// its comments, except on published ones, whose comments are internal;
// the unit and its reviewers may write them.
type CommentService interface {
	// FindComments returns the comments matching the filter, oldest first.
	FindComments(ctx context.Context, filter CommentFilter) ([]*Comment, error)
	// CreateComment stores c and sets its ID.
	CreateComment(ctx context.Context, c *Comment) error
	// ResolveComment marks a comment as dealt with.
	ResolveComment(ctx context.Context, id int64) error
}

// RepinPath returns where a comment on path stands after a save that
// placed the indicators anew: from[j] is the row the saved indicator j had
// in the version saved from, -1 for one added. A comment on a row
// ("indicators[3]", "indicators[3].得分") follows its indicator, so the
// unit sees it where the reviewer wrote it after rows moved, were added or
// removed; one on a removed row is pinned to the indicators as a whole
// ("indicators"), so the remark stays with the evaluation. Other paths are
// returned as they are.
func RepinPath(path string, from []int) string {
	row, rest, ok := indicatorRow(path)
	if !ok {
		return path
	}
	for j, o := range from {
		if o == row {
			return "indicators[" + strconv.Itoa(j) + "]" + rest
		}
	}
	return "indicators"
}

// CheckIndicatorOrigins reports whether from can say where each of after
// indicators stood among before: one entry a row, each -1 or an earlier
// row, none named twice.
func CheckIndicatorOrigins(from []int, before, after int) error {
	if len(from) != after {
		return Errorf(EInvalid, "指标行的原位置有 %d 项，应有 %d 项", len(from), after)
	}
	seen := make(map[int]bool, len(from))
	for _, o := range from {
		if o < -1 || o >= before || (o >= 0 && seen[o]) {
			return Errorf(EInvalid, "指标行的原位置 %d 无效", o)
		}
		seen[o] = true
	}
	return nil
}

// indicatorRow reads "indicators[3]" or "indicators[3].得分" as 3 and what
// follows the brackets.
func indicatorRow(path string) (row int, rest string, ok bool) {
	s, ok := strings.CutPrefix(path, "indicators[")
	if !ok {
		return 0, "", false
	}
	n, rest, ok := strings.Cut(s, "]")
	if !ok || n == "" || (len(n) > 1 && n[0] == '0') || (rest != "" && rest[0] != '.') {
		return 0, "", false
	}
	row, err := strconv.Atoi(n)
	if err != nil || row < 0 {
		return 0, "", false
	}
	return row, rest, true
}
