package sqldb

import (
	"context"
	"fmt"
	"regexp"
	"strconv"

	"github.com/shopspring/decimal"

	"jixiao"
)

// ReviewService implements jixiao.ReviewService.
type ReviewService struct{ db *DB }

var _ jixiao.ReviewService = (*ReviewService)(nil)

// NewReviewService returns the review scores of db.
func NewReviewService(db *DB) *ReviewService { return &ReviewService{db} }

var indicatorPath = regexp.MustCompile(`^indicators\[(\d+)\]$`)

// FindReviewScores returns an evaluation's review scores.
func (s *ReviewService) FindReviewScores(ctx context.Context, f jixiao.ReviewFilter) ([]*jixiao.ReviewScore, error) {
	var out []*jixiao.ReviewScore
	err := s.db.read(ctx, func(tx *Tx) error {
		r, err := tx.viewable(f.EvaluationID, false, "查看复核评分")
		if err != nil {
			return err
		}
		if !jixiao.CanViewReviewScores(tx.user, r) {
			return refuse(jixiao.EForbidden, "查看复核评分", evalObject(r.ID), "复核评分在公开前仅供填报单位和审核人员查看")
		}
		out, err = tx.reviewScores(f)
		return err
	})
	return out, err
}

// SaveReviewScore stores a reviewer's score beside the unit's stated one.
func (s *ReviewService) SaveReviewScore(ctx context.Context, rs *jixiao.ReviewScore) error {
	return s.db.write(ctx, func(tx *Tx) error {
		u, err := tx.actor()
		if err != nil {
			return err
		}
		r, err := tx.viewable(rs.EvaluationID, true, "复核评分")
		if err != nil {
			return err
		}
		if !jixiao.CanReviewScore(u, r) {
			return refuse(jixiao.EForbidden, "复核评分", evalObject(r.ID), "自评表处于“%s”状态，你不能对其复核评分", r.Status.Label())
		}
		if err := tx.loadLatest(r); err != nil {
			return err
		}
		weight, unitScore, item, err := reviewedItem(r, rs.Path)
		if err != nil {
			return err
		}
		rs.Stage, rs.UnitScore, rs.Item = jixiao.ReviewStageOf(r), unitScore, item
		if err := rs.Validate(weight); err != nil {
			return err
		}
		rs.UserID, rs.UserName, rs.Version, rs.CreatedAt = u.ID, u.Name, r.Version, tx.now
		id, err := tx.insert(`INSERT INTO review_scores (evaluation_id, stage, path, item, unit_score, score, reason, user_id, user_name, version, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (evaluation_id, stage, path) DO UPDATE SET item = excluded.item, unit_score = excluded.unit_score, score = excluded.score,
			reason = excluded.reason, user_id = excluded.user_id, user_name = excluded.user_name, version = excluded.version, created_at = excluded.created_at`,
			rs.EvaluationID, string(rs.Stage), rs.Path, rs.Item, rs.UnitScore, rs.Score, rs.Reason, u.ID, u.Name, rs.Version, tx.time(tx.now))
		if err != nil {
			return fmt.Errorf("sqldb: review score: %w", err)
		}
		rs.ID = id
		if err := tx.storeReviewFacts(rs.EvaluationID); err != nil {
			return err
		}
		return tx.log(&jixiao.LogEntry{Action: jixiao.LogReviewScore, Object: evalObject(r.ID),
			Detail: fmt.Sprintf("%s %s：自评 %s，复核 %s，差 %s：%s", rs.Stage.Label(), rs.Item, rs.UnitScore, rs.Score, rs.Gap(), rs.Reason)})
	})
}

// reviewedItem finds the item a review score is for: its weight and the
// unit's stated score (the computed one where none is stated).
func reviewedItem(r *jixiao.EvaluationRecord, path string) (weight, unit decimal.Decimal, item string, err error) {
	if path == "budget" {
		b := r.Content.Budget
		unit = r.Score.ExecutionScore
		if b.Score.Valid {
			unit = b.Score.Value
		}
		return b.Weight.Value, unit, "预算执行率", nil
	}
	m := indicatorPath.FindStringSubmatch(path)
	if m == nil {
		return weight, unit, "", jixiao.Errorf(jixiao.EInvalid, "复核评分的指标 %q 无效：应为 budget 或 indicators[序号]", path)
	}
	i, _ := strconv.Atoi(m[1])
	if i >= len(r.Content.Indicators) {
		return weight, unit, "", jixiao.Errorf(jixiao.EInvalid, "自评表没有第 %d 个指标", i+1)
	}
	in := r.Content.Indicators[i]
	weight, unit = in.Weight.Value, in.Score.Value
	if !in.Score.Valid && i < len(r.Score.Rows) {
		unit = r.Score.Rows[i].Score
	}
	return weight, unit, in.Name, nil
}

// reviewScores reads the reviewers' scores of an evaluation.
func (tx *Tx) reviewScores(f jixiao.ReviewFilter) ([]*jixiao.ReviewScore, error) {
	var out []*jixiao.ReviewScore
	q, args := `SELECT id, evaluation_id, stage, path, item, unit_score, score, reason, user_id, user_name, version, created_at FROM review_scores WHERE evaluation_id = ?`, []any{f.EvaluationID}
	if f.Stage != "" {
		q, args = q+` AND stage = ?`, append(args, string(f.Stage))
	}
	rows, err := tx.query(q+` ORDER BY stage, path`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		rs := &jixiao.ReviewScore{}
		var stage string
		if err := rows.Scan(&rs.ID, &rs.EvaluationID, &stage, &rs.Path, &rs.Item, &rs.UnitScore, &rs.Score, &rs.Reason, &rs.UserID, &rs.UserName, &rs.Version, scanTime{&rs.CreatedAt}); err != nil {
			return nil, err
		}
		rs.Stage = jixiao.ReviewStage(stage)
		out = append(out, rs)
	}
	return out, rows.Err()
}

// repinReviewScores moves the review scores of evaluation id's indicator
// rows to where a save placed their indicators (jixiao.RepinPath), in the
// transaction that writes the revision. A score whose indicator the save
// removed scores nothing left and is deleted; its items are returned for
// the save's log entry, which keeps the reviewer's score with the log's
// own entry of it.
func (tx *Tx) repinReviewScores(id int64, from []int) (dropped []string, err error) {
	type pin struct {
		id         int64
		path, item string
	}
	pins, err := queryAll(tx, func(sc interface{ Scan(...any) error }) (pin, error) {
		var p pin
		err := sc.Scan(&p.id, &p.path, &p.item)
		return p, err
	}, `SELECT id, path, item FROM review_scores WHERE evaluation_id = ? AND path LIKE ?`, id, "indicators[%")
	if err != nil {
		return nil, fmt.Errorf("sqldb: repinning review scores: %w", err)
	}
	var moved []pin
	for _, p := range pins {
		switch to := jixiao.RepinPath(p.path, from); {
		case to == p.path:
		case indicatorPath.MatchString(to):
			moved = append(moved, pin{p.id, to, p.item})
		default:
			if _, err := tx.exec(`DELETE FROM review_scores WHERE id = ?`, p.id); err != nil {
				return nil, fmt.Errorf("sqldb: dropping review score %d: %w", p.id, err)
			}
			dropped = append(dropped, p.item)
		}
	}
	// Each stage's paths are unique: the moved scores step aside first,
	// so that two indicators swapping rows never hold one path at once.
	for _, step := range []func(pin) string{func(p pin) string { return fmt.Sprintf("moving/%d", p.id) }, func(p pin) string { return p.path }} {
		for _, p := range moved {
			if _, err := tx.exec(`UPDATE review_scores SET path = ? WHERE id = ?`, step(p), p.id); err != nil {
				return nil, fmt.Errorf("sqldb: repinning review score %d: %w", p.id, err)
			}
		}
	}
	if len(dropped) > 0 {
		if err := tx.storeReviewFacts(id); err != nil {
			return nil, err
		}
	}
	return dropped, nil
}
