package present

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"sort"

	"jixiao"
	"jixiao/pipeline"
)

// SARIF collects checked documents into one SARIF 2.1.0 log, the format
// code-scanning tools and editors read (GitHub code scanning, VS Code's
// SARIF viewer). A SARIF log is one JSON object for the whole run, so it is
// written once, at the end; documents that could not be read are listed as
// tool execution notifications and make the run unsuccessful.
type SARIF struct {
	Version string // jixiao's version, for tool.driver.version
	results []sarifResult
	notes   []sarifNotification
	rules   map[string]string // code → first message seen, as its description
}

// sarifSchema is where the SARIF 2.1.0 schema is published.
const sarifSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// Add records one checked document's findings, or why it could not be read.
func (s *SARIF) Add(d *pipeline.Result) {
	if s.rules == nil {
		s.rules = map[string]string{}
	}
	if d.Err != nil {
		s.notes = append(s.notes, sarifNotification{
			Level:     "error",
			Message:   sarifMessage{Text: "无法读取：" + d.Err.Error()},
			Locations: []sarifLocation{sarifLoc(d.Name, jixiao.Position{})},
		})
		return
	}
	for _, f := range d.Findings {
		if _, ok := s.rules[f.Code]; !ok {
			s.rules[f.Code] = f.Message
		}
		s.results = append(s.results, sarifResult{
			RuleID:    f.Code,
			Level:     sarifLevel(f.Severity),
			Message:   sarifMessage{Text: findingText(f)},
			Locations: []sarifLocation{sarifLoc(d.Name, sourceOf(d, f))},
		})
	}
}

// AddUnread records a file that was found but not checked (a legacy .doc,
// a path that does not exist).
func (s *SARIF) AddUnread(path, reason string) {
	n := sarifNotification{Level: "error", Message: sarifMessage{Text: reason}}
	if path != "" {
		n.Locations = []sarifLocation{sarifLoc(path, jixiao.Position{})}
	}
	s.notes = append(s.notes, n)
}

// Write writes the log.
func (s *SARIF) Write(w io.Writer) error {
	codes := make([]string, 0, len(s.rules))
	for c := range s.rules {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	rules := make([]sarifRule, len(codes))
	for i, c := range codes {
		rules[i] = sarifRule{ID: c, ShortDescription: sarifMessage{Text: s.rules[c]}}
	}
	results := s.results
	if results == nil {
		results = []sarifResult{}
	}
	log := sarifLog{
		Schema:  sarifSchema,
		Version: "2.1.0",
		Runs: []sarifRun{{
			Tool:    sarifTool{Driver: sarifDriver{Name: "jixiao", Version: s.Version, Rules: rules}},
			Results: results,
			Invocations: []sarifInvocation{{
				ExecutionSuccessful:        len(s.notes) == 0,
				ToolExecutionNotifications: s.notes,
			}},
		}},
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}

func findingText(f jixiao.Finding) string {
	s := f.Message
	if f.Stated != "" {
		s += "（表列：" + f.Stated
		if f.Expected != "" {
			s += "；应为：" + f.Expected
		}
		s += "）"
	} else if f.Expected != "" {
		s += "（应为：" + f.Expected + "）"
	}
	if w := where(f.Location); w != "" {
		s += " [" + w + "]"
	}
	return s
}

func sarifLevel(s jixiao.Severity) string {
	switch s {
	case jixiao.SevError:
		return "error"
	case jixiao.SevWarning:
		return "warning"
	}
	return "note"
}

// sarifLoc locates a finding in its file: a line (and column) for text and
// evaluation files. Pages, sheets and table cells have no SARIF region
// viewers understand, so they stay in the message (see findingText).
func sarifLoc(path string, p jixiao.Position) sarifLocation {
	loc := sarifLocation{Physical: sarifPhysical{Artifact: sarifArtifact{URI: (&url.URL{Path: filepath.ToSlash(path)}).String()}}}
	if p.Line > 0 {
		r := &sarifRegion{StartLine: p.Line}
		if p.Col > 0 {
			r.StartColumn = p.Col
		}
		loc.Physical.Region = r
	}
	return loc
}

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Results     []sarifResult     `json:"results"`
	Invocations []sarifInvocation `json:"invocations"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name    string      `json:"name"`
	Version string      `json:"version,omitempty"`
	Rules   []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID               string       `json:"id"`
	ShortDescription sarifMessage `json:"shortDescription"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifLocation struct {
	Physical sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	Artifact sarifArtifact `json:"artifactLocation"`
	Region   *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}
