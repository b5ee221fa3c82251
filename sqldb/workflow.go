package sqldb

import (
	"context"
	"fmt"

	"jixiao"
)

// TransitionEvaluation takes one workflow step: the step must be in the
// workflow table, the user allowed to take it (CanTransition), the version
// the one the user saw, and a return must give its reason.
func (s *EvaluationService) TransitionEvaluation(ctx context.Context, id int64, req jixiao.TransitionRequest) (*jixiao.EvaluationRecord, error) {
	var r *jixiao.EvaluationRecord
	err := s.db.write(ctx, func(tx *Tx) (err error) {
		u, err := tx.actor()
		if err != nil {
			return err
		}
		if r, err = tx.viewable(id, true, req.Action.Label()); err != nil {
			return err
		}
		rule, ok := jixiao.FindRule(r.Status, req.Action)
		if !ok {
			return jixiao.Errorf(jixiao.EConflict, "自评表处于“%s”状态，不能%s", r.Status.Label(), req.Action.Label())
		}
		if !jixiao.CanTransition(u, r, req.Action) {
			return refuse(jixiao.EForbidden, req.Action.Label(), evalObject(id), "你没有对该自评表执行“%s”的权限（需要%s）", req.Action.Label(), rule.Role.Label())
		}
		if req.Version != r.Version {
			return tx.conflict(id, req.Version)
		}
		if err := req.Validate(rule); err != nil {
			return err
		}
		from := r.Status
		r.Status, r.Version = rule.To, r.Version+1
		switch rule.To {
		case jixiao.StatusSubmitted:
			r.SubmittedAt = tx.now
		case jixiao.StatusPublished:
			r.PublishedAt = tx.now
		}
		res, err := tx.exec(`UPDATE evaluations SET status = ?, version = ?, submitted_at = ?, published_at = ?, updated_at = ? WHERE id = ? AND version = ?`,
			string(r.Status), r.Version, tx.time(r.SubmittedAt), tx.time(r.PublishedAt), tx.time(tx.now), id, req.Version)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return tx.conflict(id, req.Version)
		}
		r.UpdatedAt = tx.now
		tid, err := tx.insert(`INSERT INTO transitions (evaluation_id, from_status, to_status, action, user_id, user_name, reason, version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, string(from), string(r.Status), string(req.Action), u.ID, u.Name, req.Reason, r.Version, tx.time(tx.now))
		if err != nil {
			return fmt.Errorf("sqldb: transition: %w", err)
		}
		for _, c := range req.Comments {
			c.EvaluationID, c.TransitionID, c.Revision = id, tid, r.Revision
			if err := tx.insertComment(c); err != nil {
				return err
			}
		}
		detail := fmt.Sprintf("%s → %s（版本 %d）", from.Label(), r.Status.Label(), r.Version)
		if req.Reason != "" {
			detail += "：" + req.Reason
		}
		return tx.log(&jixiao.LogEntry{Action: jixiao.LogTransition, Object: evalObject(id), Detail: detail})
	})
	return r, err
}

// FindTransitions returns an evaluation's workflow history with the
// comments of each step. It is internal, like the comments.
func (s *EvaluationService) FindTransitions(ctx context.Context, evaluationID int64) ([]*jixiao.Transition, error) {
	var out []*jixiao.Transition
	err := s.db.read(ctx, func(tx *Tx) error {
		r, err := tx.viewable(evaluationID, false, "查看审核记录")
		if err != nil {
			return err
		}
		if !jixiao.CanViewComments(tx.user, r) {
			return refuse(jixiao.EForbidden, "查看审核记录", evalObject(evaluationID), "审核记录仅供填报单位和审核人员查看")
		}
		out, _, err = tx.transitions(evaluationID)
		return err
	})
	return out, err
}

// transitions reads an evaluation's workflow steps with the comments made
// with them, and all its comments.
func (tx *Tx) transitions(evaluationID int64) ([]*jixiao.Transition, []*jixiao.Comment, error) {
	var out []*jixiao.Transition
	rows, err := tx.query(`SELECT id, evaluation_id, from_status, to_status, action, user_id, user_name, reason, version, created_at FROM transitions WHERE evaluation_id = ? ORDER BY id`, evaluationID)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	byID := map[int64]*jixiao.Transition{}
	for rows.Next() {
		t := &jixiao.Transition{}
		var from, to, action string
		if err := rows.Scan(&t.ID, &t.EvaluationID, &from, &to, &action, &t.UserID, &t.UserName, &t.Reason, &t.Version, scanTime{&t.CreatedAt}); err != nil {
			return nil, nil, err
		}
		t.From, t.To, t.Action = jixiao.Status(from), jixiao.Status(to), jixiao.Action(action)
		out = append(out, t)
		byID[t.ID] = t
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	cs, err := tx.comments(jixiao.CommentFilter{EvaluationID: evaluationID})
	if err != nil {
		return nil, nil, err
	}
	for _, c := range cs {
		if t := byID[c.TransitionID]; t != nil {
			t.Comments = append(t.Comments, c)
		}
	}
	return out, cs, nil
}
