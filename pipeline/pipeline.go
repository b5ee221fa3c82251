// Package pipeline runs the whole job for one file: read it (an evaluation
// file, or any document an importer reads), extract the evaluation, score
// it and audit it. The CLI, the bulk checker and the web app share it.
package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"jixiao"
	"jixiao/audit"
	"jixiao/importer"
	"jixiao/present"
	"jixiao/rules"
	"jixiao/score"
	"jixiao/yamlfile"
)

// Options says how to run.
type Options struct {
	// Rules is the rule set name or path given by the user; when empty, the
	// file's own 规则集 is used, else rules.Default.
	Rules string
	// Audit runs the checks; Score alone is cheaper.
	Audit bool
	// Limits bound what the importers read from untrusted files; zero
	// fields take the defaults.
	Limits importer.Limits
}

// IsEvaluationFile reports whether path is an evaluation file (YAML).
func IsEvaluationFile(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == ".yaml" || ext == ".yml"
}

// Run reads, scores and (with opt.Audit) checks one file. A file that
// cannot be read gives a Doc with Err set, never a panic.
func Run(path string, opt Options) *present.Doc {
	d := &present.Doc{Path: path}
	ev, doc, notes, err := load(path, opt.Limits, false)
	if err != nil {
		d.Err = err
		return d
	}
	d.Eval, d.Notes = ev, notes
	name := opt.Rules
	if name == "" {
		name = ev.Rules
	}
	rs, err := rules.Load(name)
	if err != nil {
		d.Err = fmt.Errorf("规则集：%w", err)
		return d
	}
	d.Rules = rs
	d.Result = score.Score(ev, rs)
	if opt.Audit {
		d.Findings = audit.Check(audit.Input{Eval: ev, Doc: doc, Rules: rs, Result: d.Result})
	}
	return d
}

// Load reads one file into an evaluation, the report's data included, and,
// for imported documents, the document itself and the notes on what could
// not be read.
func Load(path string, lim importer.Limits) (*jixiao.Evaluation, *jixiao.Document, []string, error) {
	return load(path, lim, true)
}

// load is Load; scoring and checking skip the report's data (withReport
// false), which nothing in them reads.
func load(path string, lim importer.Limits, withReport bool) (*jixiao.Evaluation, *jixiao.Document, []string, error) {
	if IsEvaluationFile(path) {
		f, err := os.Open(path)
		if err != nil {
			return nil, nil, nil, err
		}
		defer f.Close()
		ev, err := yamlfile.Read(f, path)
		if err != nil {
			return nil, nil, nil, err
		}
		return ev, nil, nil, nil
	}
	return importDocument(path, lim, withReport)
}
