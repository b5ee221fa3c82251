// Package pipeline is the use case of checking one document: read it (an
// evaluation file, or any document an importer reads), extract the
// evaluation, score it and audit it. The CLI, the bulk checker and the web
// app share it; it reads from an io.ReaderAt, so that an upload is checked
// as it is held, without a temporary file, and Run is the same for a path.
package pipeline

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"jixiao"
	"jixiao/audit"
	"jixiao/importer"
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

// Source is one document to check: its content, its size in bytes, and the
// name it is reported under (a path, or an upload's file name). The name's
// extension tells an evaluation file (.yaml) from a document, whose format
// is then told from its content.
type Source struct {
	Name string
	Data io.ReaderAt
	Size int64
}

// Result is everything known about one checked document.
type Result struct {
	Name     string             // the source's name
	Eval     *jixiao.Evaluation // nil when the document could not be read
	Doc      *jixiao.Document   // what the importer read; nil for an evaluation file
	Rules    *jixiao.RuleSet    // the rule set it was scored under
	Score    *score.Result
	Findings []jixiao.Finding // with Options.Audit
	Notes    []string         // what the importer or extractor could not read
	Err      error            // why the document could not be read or scored
	// Tables are the document's other 自评表, after the one above, each
	// scored and checked on its own (a page of several project tables);
	// nil for a document of one table. The narrative is checked with the
	// first table only.
	Tables []*Result
}

// Counts returns the number of findings per severity, over every table of
// the document.
func (r *Result) Counts() (errs, warns, infos int) {
	errs, warns, infos = r.TableCounts()
	for _, t := range r.Tables {
		e, w, i := t.TableCounts()
		errs, warns, infos = errs+e, warns+w, infos+i
	}
	return
}

// TableCounts returns the number of findings per severity of this table
// alone.
func (r *Result) TableCounts() (errs, warns, infos int) {
	for _, f := range r.Findings {
		switch f.Severity {
		case jixiao.SevError:
			errs++
		case jixiao.SevWarning:
			warns++
		default:
			infos++
		}
	}
	return
}

// IsEvaluationFile reports whether name is an evaluation file (YAML).
func IsEvaluationFile(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".yaml" || ext == ".yml"
}

// Check reads, scores and (with opt.Audit) audits one document. A document
// that cannot be read, or a cancelled ctx, gives a Result with Err set,
// never a panic. ctx is looked at between the stages: a document being
// imported is read to its end, within opt.Limits.
func Check(ctx context.Context, src Source, opt Options) *Result { return check(ctx, src, opt, true) }

// Read is Check without the scoring and the audit (Score and Findings
// nil), for a caller that scores each table under a rule set of its own
// choosing (intake: the task's): the rule set each table names is still
// loaded, so that a document naming an unknown one fails as in Check.
func Read(ctx context.Context, src Source, opt Options) *Result { return check(ctx, src, opt, false) }

func check(ctx context.Context, src Source, opt Options, scored bool) *Result {
	r := &Result{Name: src.Name}
	ev, doc, notes, more, err := read(ctx, src, opt.Limits, false)
	if err != nil {
		r.Err = err
		return r
	}
	r.Eval, r.Doc, r.Notes = ev, doc, notes
	checkTable(ctx, r, doc, opt, scored)
	for i, t := range more {
		if r.Err != nil {
			break
		}
		tr := &Result{Name: fmt.Sprintf("%s（表 %d）", src.Name, i+2), Eval: t.Eval, Notes: t.Notes}
		checkTable(ctx, tr, nil, opt, scored)
		if tr.Err != nil && r.Err == nil && ctx.Err() != nil {
			r.Err = tr.Err
		}
		r.Tables = append(r.Tables, tr)
	}
	return r
}

// checkTable loads r.Eval's rule set and, when scored, scores r.Eval and,
// with opt.Audit, checks it, the narrative of doc with it when doc is
// given.
func checkTable(ctx context.Context, r *Result, doc *jixiao.Document, opt Options, scored bool) {
	ev := r.Eval
	name := opt.Rules
	if name == "" {
		name = ev.Rules
	}
	rs, err := rules.Load(name)
	if err != nil {
		r.Err = fmt.Errorf("规则集：%w", err)
		return
	}
	r.Rules = rs
	if !scored {
		return
	}
	r.Score = score.Score(ev, rs)
	if opt.Audit {
		if err := ctx.Err(); err != nil {
			r.Err = err
			return
		}
		r.Findings = audit.Check(audit.Input{Eval: ev, Doc: doc, Rules: rs, Result: r.Score})
	}
}

// Run is Check for the file at path.
func Run(path string, opt Options) *Result {
	var r *Result
	err := withFile(path, func(src Source) error {
		r = Check(context.Background(), src, opt)
		return nil
	})
	if err != nil {
		return &Result{Name: path, Err: err}
	}
	return r
}

// Load reads the file at path into an evaluation, the report's data
// included, and, for imported documents, the document itself and the notes
// on what could not be read.
func Load(path string, lim importer.Limits) (ev *jixiao.Evaluation, doc *jixiao.Document, notes []string, err error) {
	ferr := withFile(path, func(src Source) error {
		ev, doc, notes, _, err = read(context.Background(), src, lim, true)
		return nil
	})
	if ferr != nil {
		return nil, nil, nil, ferr
	}
	return ev, doc, notes, err
}

// withFile opens the file at path as a Source for fn. The errors are those
// of the importers for documents (naming the file, in Chinese) and the
// operating system's for evaluation files.
func withFile(path string, fn func(Source) error) error {
	f, err := os.Open(path)
	if err != nil {
		if IsEvaluationFile(path) {
			return err
		}
		return &importer.FileError{Path: path, Err: fmt.Errorf("无法打开文件: %w", err)}
	}
	defer f.Close()
	st, err := f.Stat()
	switch {
	case err != nil:
		return &importer.FileError{Path: path, Err: err}
	case st.IsDir():
		return &importer.FileError{Path: path, Err: fmt.Errorf("是目录，不是文件")}
	}
	return fn(Source{Name: path, Data: f, Size: st.Size()})
}

// read reads a source into an evaluation; scoring and checking skip the
// report's data (withReport false), which nothing in them reads.
// The other tables of the document, after the first, come as more.
func read(ctx context.Context, src Source, lim importer.Limits, withReport bool) (*jixiao.Evaluation, *jixiao.Document, []string, []table, error) {
	if err := ctx.Err(); err != nil {
		return nil, nil, nil, nil, err
	}
	if IsEvaluationFile(src.Name) {
		ev, err := yamlfile.Read(io.NewSectionReader(src.Data, 0, src.Size), src.Name)
		if err != nil {
			return nil, nil, nil, nil, err
		}
		return ev, nil, nil, nil, nil
	}
	return importDocument(ctx, src, lim, withReport)
}
