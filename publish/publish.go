// Package publish writes a task's published evaluations as a static public
// bundle and as open data, into one folder that can be copied as it is to
// a government website:
//
//	index.html                   the list, linking each evaluation
//	evaluations/ID.html          the 自评报告 with its table (render/html)
//	evaluations/ID.pdf           the same as PDF (render/pdf)
//	opendata/ID.json             the open-data record (opendata.schema.json)
//	opendata/evaluations.csv     one row per evaluation
//	opendata/indicators.csv      one row per indicator
//	opendata/schema.json         the JSON Schema, version SchemaVersion
//	manifest.json                every other file: path, size, sha256
//	SHA256SUMS                   the same, in sha256sum's format
//
// Links are relative and the pages load nothing (no script, font, image or
// style sheet from elsewhere), so the bundle opens from the file system
// with no server and no network. The output is a function of the input:
// nothing in it depends on the time or the machine.
package publish

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"jixiao"
	"jixiao/render"
	"jixiao/score"
)

//go:embed opendata.schema.json
var schema []byte

// Schema returns the open-data JSON Schema (draft 2020-12).
func Schema() []byte { return bytes.Clone(schema) }

// Item is one evaluation to publish.
type Item struct {
	Name  string // where it came from (a file name); the ID is made from it
	Eval  *jixiao.Evaluation
	Rules *jixiao.RuleSet
}

// Options says what to write.
type Options struct {
	Title    string // the index page's heading; "预算绩效自评公开" when empty
	NoPDF    bool   // leave the PDF files out (no Chinese font at hand)
	FontPath string // Chinese TrueType font for the PDFs; empty means search
}

// Write publishes items into dir (created; files already there with the
// same names are replaced) and returns the manifest. It stops at the first
// evaluation that cannot be rendered, naming it.
func Write(dir string, items []Item, opt Options) (*Manifest, error) {
	if opt.Title == "" {
		opt.Title = "预算绩效自评公开"
	}
	for _, sub := range []string{"evaluations", "opendata"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return nil, fmt.Errorf("publish: %w", err)
		}
	}
	ids := IDs(items)
	files := map[string][]byte{"opendata/schema.json": schema}
	var records []Record
	for i, it := range items {
		res := score.Score(it.Eval, it.Rules)
		rec := NewRecord(ids[i], it.Eval, res)
		records = append(records, rec)
		data, err := json.MarshalIndent(rec, "", "  ")
		if err != nil {
			return nil, fmt.Errorf("publish: %s: %w", it.Name, err)
		}
		files["opendata/"+ids[i]+".json"] = append(data, '\n')
		ro := render.Options{Rules: it.Rules, FontPath: opt.FontPath}
		var page bytes.Buffer
		if err := render.Report(&page, "html", it.Eval, ro); err != nil {
			return nil, fmt.Errorf("publish: %s: %w", it.Name, err)
		}
		files["evaluations/"+ids[i]+".html"] = page.Bytes()
		if !opt.NoPDF {
			var doc bytes.Buffer
			if err := render.Report(&doc, "pdf", it.Eval, ro); err != nil {
				return nil, fmt.Errorf("publish: %s: %w", it.Name, err)
			}
			files["evaluations/"+ids[i]+".pdf"] = doc.Bytes()
		}
	}
	var err error
	if files["opendata/evaluations.csv"], err = evaluationsCSV(records); err != nil {
		return nil, err
	}
	if files["opendata/indicators.csv"], err = indicatorsCSV(records); err != nil {
		return nil, err
	}
	if files["index.html"], err = index(opt.Title, records, !opt.NoPDF); err != nil {
		return nil, err
	}
	m := newManifest(opt.Title, files)
	mdata, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("publish: %w", err)
	}
	files["manifest.json"] = append(mdata, '\n')
	files["SHA256SUMS"] = m.sums()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), data, 0o644); err != nil {
			return nil, fmt.Errorf("publish: %w", err)
		}
	}
	return m, nil
}

var unsafeID = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// IDs names the items for their files: the base of Name without its
// extension, each run of other characters than ASCII letters, digits, '.',
// '_' and '-' made '-'; "eval-N" (N its 1-based position) when that
// leaves nothing, and "-N" added when it repeats an earlier ID. Web servers and archives treat
// such names alike everywhere.
func IDs(items []Item) []string {
	out := make([]string, len(items))
	seen := map[string]bool{}
	for i, it := range items {
		base := filepath.Base(it.Name)
		base = strings.TrimSuffix(base, filepath.Ext(base))
		id := strings.Trim(unsafeID.ReplaceAllString(base, "-"), "-.")
		switch {
		case id == "":
			id = fmt.Sprintf("eval-%04d", i+1)
		case seen[id]:
			id = fmt.Sprintf("%s-%d", id, i+1)
		}
		for seen[id] {
			id += "-" + fmt.Sprint(i+1)
		}
		seen[id] = true
		out[i] = id
	}
	return out
}
