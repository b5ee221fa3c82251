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

// IndicatorOrigins says where each of after's indicators stood in before,
// as EvaluationUpdate.Indicators does, for a save that does not say it (a
// script through the JSON API, the CLI): an indicator is the one with the
// same 一级, 二级 and 三级指标, at its own row first where names repeat;
// one whose names match none takes the row at its own place when no other
// took that row (its names edited in place); otherwise it was added (-1).
func IndicatorOrigins(before, after []Indicator) []int {
	from := make([]int, len(after))
	taken := make([]bool, len(before))
	same := func(i, j int) bool {
		a, b := before[i], after[j]
		return a.Level1 == b.Level1 && a.Level2 == b.Level2 && a.Name == b.Name
	}
	for j := range after {
		from[j] = -1
		if j < len(before) && same(j, j) {
			from[j], taken[j] = j, true
		}
	}
	for j := range after {
		for i := 0; from[j] < 0 && i < len(before); i++ {
			if !taken[i] && same(i, j) {
				from[j], taken[i] = i, true
			}
		}
	}
	for j := range after {
		if from[j] < 0 && j < len(before) && !taken[j] {
			from[j], taken[j] = j, true
		}
	}
	return from
}

// MovesIndicators reports whether from, as EvaluationUpdate.Indicators,
// places any of before indicators elsewhere than its own row: when it
// does not, nothing pinned to a row needs to move.
func MovesIndicators(from []int, before int) bool {
	if len(from) != before {
		return true
	}
	for j, o := range from {
		if o != j {
			return true
		}
	}
	return false
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
