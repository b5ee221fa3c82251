package jixiao

import (
	"context"
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
