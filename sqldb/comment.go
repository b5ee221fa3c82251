package sqldb

import (
	"context"
	"fmt"
	"strings"

	"jixiao"
)

// CommentService implements jixiao.CommentService.
type CommentService struct{ db *DB }

var _ jixiao.CommentService = (*CommentService)(nil)

// NewCommentService returns the comments of db.
func NewCommentService(db *DB) *CommentService { return &CommentService{db} }

func (tx *Tx) insertComment(c *jixiao.Comment) error {
	if err := c.Validate(); err != nil {
		return err
	}
	c.UserID, c.UserName, c.CreatedAt = tx.user.ID, tx.user.Name, tx.now
	var tid any
	if c.TransitionID != 0 {
		tid = c.TransitionID
	}
	id, err := tx.insert(`INSERT INTO comments (evaluation_id, transition_id, revision, path, body, user_id, user_name, resolved, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c.EvaluationID, tid, c.Revision, c.Path, c.Body, c.UserID, c.UserName, false, tx.time(tx.now))
	if err != nil {
		return fmt.Errorf("sqldb: comment: %w", err)
	}
	c.ID = id
	return tx.log(&jixiao.LogEntry{Action: jixiao.LogComment, Object: evalObject(c.EvaluationID), Detail: fmt.Sprintf("意见 %d（%s）：%s", id, c.Path, c.Body)})
}

func (tx *Tx) comments(f jixiao.CommentFilter) ([]*jixiao.Comment, error) {
	where, args := []string{"evaluation_id = ?"}, []any{f.EvaluationID}
	if f.Path != "" {
		where, args = append(where, "path = ?"), append(args, f.Path)
	}
	if f.Unresolved {
		where, args = append(where, "resolved = ?"), append(args, false)
	}
	rows, err := tx.query(`SELECT id, evaluation_id, COALESCE(transition_id, 0), revision, path, body, user_id, user_name, resolved, created_at FROM comments WHERE `+strings.Join(where, " AND ")+` ORDER BY id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*jixiao.Comment
	for rows.Next() {
		c := &jixiao.Comment{}
		if err := rows.Scan(&c.ID, &c.EvaluationID, &c.TransitionID, &c.Revision, &c.Path, &c.Body, &c.UserID, &c.UserName, &c.Resolved, scanTime{&c.CreatedAt}); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// FindComments returns an evaluation's comments.
func (s *CommentService) FindComments(ctx context.Context, f jixiao.CommentFilter) ([]*jixiao.Comment, error) {
	var out []*jixiao.Comment
	err := s.db.read(ctx, func(tx *Tx) (err error) {
		r, err := tx.viewable(f.EvaluationID, false, "查看意见")
		if err != nil {
			return err
		}
		if !jixiao.CanViewComments(tx.user, r) {
			return refuse(jixiao.EForbidden, "查看意见", evalObject(r.ID), "意见仅供填报单位和审核人员查看")
		}
		out, err = tx.comments(f)
		return err
	})
	return out, err
}

// CreateComment stores a comment against the evaluation's current revision.
func (s *CommentService) CreateComment(ctx context.Context, c *jixiao.Comment) error {
	return s.db.write(ctx, func(tx *Tx) error {
		if _, err := tx.actor(); err != nil {
			return err
		}
		r, err := tx.viewable(c.EvaluationID, true, "发表意见")
		if err != nil {
			return err
		}
		if !jixiao.CanComment(tx.user, r) {
			return refuse(jixiao.EForbidden, "发表意见", evalObject(r.ID), "你不能对该自评表发表意见")
		}
		c.TransitionID, c.Revision = 0, r.Revision
		return tx.insertComment(c)
	})
}

// ResolveComment marks a comment dealt with; whoever may comment may.
func (s *CommentService) ResolveComment(ctx context.Context, id int64) error {
	return s.db.write(ctx, func(tx *Tx) error {
		if _, err := tx.actor(); err != nil {
			return err
		}
		var evID int64
		if err := tx.queryRow(`SELECT evaluation_id FROM comments WHERE id = ?`, id).Scan(&evID); err != nil {
			return notFound(err, "意见 %d 不存在", id)
		}
		r, err := tx.viewable(evID, true, "处理意见")
		if err != nil {
			return err
		}
		if !jixiao.CanComment(tx.user, r) {
			return refuse(jixiao.EForbidden, "处理意见", evalObject(r.ID), "你不能处理该自评表的意见")
		}
		if _, err := tx.exec(`UPDATE comments SET resolved = ? WHERE id = ?`, true, id); err != nil {
			return err
		}
		return tx.log(&jixiao.LogEntry{Action: jixiao.LogCommentResolve, Object: evalObject(evID), Detail: fmt.Sprintf("意见 %d 已处理", id)})
	})
}

// repinComments moves the comments on evaluation id's indicator rows to
// where a save placed their rows (jixiao.RepinPath), in the transaction
// that writes the revision, so that no reader sees the new rows with the
// old pins. from nil leaves them.
func (tx *Tx) repinComments(id int64, from []int) error {
	if from == nil {
		return nil
	}
	rows, err := tx.query(`SELECT id, path FROM comments WHERE evaluation_id = ? AND path LIKE ?`, id, "indicators[%")
	if err != nil {
		return fmt.Errorf("sqldb: repinning comments: %w", err)
	}
	type pin struct {
		id   int64
		path string
	}
	var moved []pin
	for rows.Next() {
		var p pin
		if err := rows.Scan(&p.id, &p.path); err != nil {
			rows.Close()
			return fmt.Errorf("sqldb: repinning comments: %w", err)
		}
		if to := jixiao.RepinPath(p.path, from); to != p.path {
			moved = append(moved, pin{p.id, to})
		}
	}
	if err := rows.Close(); err != nil {
		return fmt.Errorf("sqldb: repinning comments: %w", err)
	}
	for _, p := range moved {
		if _, err := tx.exec(`UPDATE comments SET path = ? WHERE id = ?`, p.path, p.id); err != nil {
			return fmt.Errorf("sqldb: repinning comment %d: %w", p.id, err)
		}
	}
	return nil
}
