package sqldb

import (
	"fmt"
	"sync"

	"jixiao"
	"jixiao/audit"
	"jixiao/importer"
	"jixiao/rules"
	"jixiao/score"
)

// Checker scores and audits the content of a revision under a rule set.
// doc is the imported source document, for the narrative checks; nil for
// an evaluation typed in or loaded from YAML.
type Checker func(ev *jixiao.Evaluation, rs *jixiao.RuleSet, doc *jixiao.Document) (jixiao.ScoreRecord, []jixiao.Finding)

// NewChecker returns the checker over the score and audit engines.
func NewChecker(*DB) Checker {
	return func(ev *jixiao.Evaluation, rs *jixiao.RuleSet, doc *jixiao.Document) (jixiao.ScoreRecord, []jixiao.Finding) {
		res := score.Score(ev, rs)
		findings := audit.Check(audit.Input{Eval: ev, Doc: doc, Rules: rs, Result: res})
		return scoreRecord(res, ev), findings
	}
}

// scoreRecord copies the engine's result into the plain stored form.
func scoreRecord(r *score.Result, ev *jixiao.Evaluation) jixiao.ScoreRecord {
	out := jixiao.ScoreRecord{
		Rules: r.Rules, Total: r.Total, Grade: r.Grade, Complete: r.Complete, StatedTotal: r.StatedTotal.Text,
		ExecutionRate: r.Execution.Rate, RateKnown: r.Execution.RateKnown, ExecutionScore: r.Execution.Score,
	}
	for i := range r.Rows {
		row := &r.Rows[i]
		rs := jixiao.RowScore{Index: row.Index, Weight: row.Weight, Score: row.Score, Method: row.Method.String(), Computed: row.Computed}
		if row.Index >= 0 && row.Index < len(ev.Indicators) {
			in := &ev.Indicators[row.Index]
			rs.Name, rs.Stated = in.Name, in.Score.Text
		}
		out.Rows = append(out.Rows, rs)
	}
	return out
}

// ruleSet loads a rule set by name; an unknown name is the user's error.
func ruleSet(name string) (*jixiao.RuleSet, error) {
	if name == "" {
		name = rules.Default
	}
	rs, err := rules.Load(name)
	if err != nil {
		return nil, jixiao.Errorf(jixiao.EInvalid, "规则集 %s 无法加载：%v", name, err)
	}
	return rs, nil
}

// docCache keeps the last imported source documents, so that each save of
// an evaluation made from a document does not import it again.
type docCache struct {
	mu    sync.Mutex
	docs  map[string]*jixiao.Document
	order []string
}

const docCacheSize = 64

func (c *docCache) get(hash string) (*jixiao.Document, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	d, ok := c.docs[hash]
	return d, ok
}

func (c *docCache) put(hash string, d *jixiao.Document) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.docs == nil {
		c.docs = map[string]*jixiao.Document{}
	}
	if _, ok := c.docs[hash]; ok {
		return
	}
	if len(c.order) >= docCacheSize {
		delete(c.docs, c.order[0])
		c.order = c.order[1:]
	}
	c.docs[hash] = d
	c.order = append(c.order, hash)
}

// sourceDocument returns the imported document of a stored source, nil for
// none or for a YAML file (which has no narrative).
func (tx *Tx) sourceDocument(hash string) (*jixiao.Document, error) {
	if hash == "" {
		return nil, nil
	}
	if d, ok := tx.db.docs.get(hash); ok {
		return d, nil
	}
	var name, format string
	var content []byte
	if err := tx.queryRow(`SELECT name, format, content FROM sources WHERE hash = ?`, hash).Scan(&name, &format, &content); err != nil {
		return nil, notFound(err, "源文件 %s 不存在", hash)
	}
	var doc *jixiao.Document
	if format != "yaml" {
		var err error
		if doc, err = importer.ReadBytes(content, name, importer.DefaultLimits()); err != nil {
			return nil, fmt.Errorf("sqldb: source %s: %w", hash, err)
		}
	}
	tx.db.docs.put(hash, doc)
	return doc, nil
}

// check scores and audits content for a revision.
func (tx *Tx) check(content *jixiao.Evaluation, ruleName, sourceHash string) (jixiao.ScoreRecord, []jixiao.Finding, error) {
	rs, err := ruleSet(ruleName)
	if err != nil {
		return jixiao.ScoreRecord{}, nil, err
	}
	if c, ok := tx.checked[content]; ok && c.rules == rs.Name && c.source == sourceHash {
		return c.score, c.findings, nil
	}
	doc, err := tx.sourceDocument(sourceHash)
	if err != nil {
		return jixiao.ScoreRecord{}, nil, err
	}
	sr, fs := tx.db.Check(content, rs, doc)
	return sr, fs, nil
}
